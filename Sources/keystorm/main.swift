import ConsoleKeyStorm
import Foundation

// keystorm: the long run of the console's model-based key test (see Scripts/keystorm).
//
//   keystorm [--minutes M] [--seeds N] [--keys K] [--first-seed S] [--no-shrink]
//
// Runs seeded random key sequences through the console until M minutes have passed or N
// sequences have run (whichever comes first; with neither, 100 sequences), and prints the
// figures: sequences, keys, seconds, failures. Each failure is printed with its seed and a short
// key list that still fails, ready for a named regression test. Exit status 1 if any failed.

/// Prints a line at once (also into a file, where `print` would keep it in a buffer).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func value(_ name: String) -> Double? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return Double(arguments[index + 1])
}

if CommandLine.arguments.contains("--help") {
    say("keystorm [--minutes M] [--seeds N] [--keys K] [--first-seed S]")
    exit(0)
}
let minutes = value("--minutes")
let seeds = value("--seeds").map { Int($0) } ?? (minutes == nil ? 100 : Int.max)
let keysPerSequence = value("--keys").map { Int($0) } ?? 400
let firstSeed = value("--first-seed").map { UInt64($0) } ?? 1
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("keystorm-\(getpid())")
defer { try? FileManager.default.removeItem(at: scratch) }

let storm: KeyStorm
do { var made = try KeyStorm(scratch: scratch); made.shrinks = !CommandLine.arguments.contains("--no-shrink"); storm = made } catch {
    FileHandle.standardError.write(Data("keystorm: could not start: \(error)\n".utf8))
    exit(2)
}
let started = Date()
var figures = KeyStorm.Figures()
var seed = firstSeed
var lastReport = started
while figures.sequences < seeds {
    if let minutes, Date().timeIntervalSince(started) >= minutes * 60 { break }
    if let failure = storm.run(seed: seed, keyCount: keysPerSequence, figures: &figures) {
        figures.failures.append(failure)
        say("FAILURE \(failure)")
    }
    seed += 1
    if Date().timeIntervalSince(lastReport) >= 60 {
        lastReport = Date()
        say("… \(figures.sequences) sequences, \(figures.keys) keys, \(Int(Date().timeIntervalSince(started))) s, \(figures.failures.count) failures")
    }
}
let seconds = Date().timeIntervalSince(started)
say("seeds \(firstSeed)-\(seed - 1), \(keysPerSequence) keys a sequence")
say("sequences \(figures.sequences)  keys \(figures.keys)  events \(figures.events)  reopenings \(figures.reopenings)  seconds \(Int(seconds.rounded()))  failures \(figures.failures.count)")
exit(figures.failures.isEmpty ? 0 : 1)
