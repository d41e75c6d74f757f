import Foundation
import XCTest
@testable import Persistence
import Workshop

/// Sessions and tools for the export and erase tests.
enum ExportFixture {
    static let start = Date(timeIntervalSince1970: 1_795_430_467)  // 2026-11-23

    static var content: ContentLibrary { try! ContentLibrary.load() }
    static var template: WorkshopTemplate { content.templates[0] }

    /// The sample workshop, all the way through, plus `extra` events.
    static func sample(extra: [SessionEvent] = []) -> Session {
        apply(extra, to: SampleWorkshop.session(template: template, start: start))
    }

    /// Applies events through the editor; refused events are a test failure.
    static func apply(_ events: [SessionEvent], to session: Session, file: StaticString = #filePath, line: UInt = #line) -> Session {
        var editor = SessionEditor(session: session)
        for (index, event) in events.enumerated() {
            do {
                try editor.apply(event, at: start.addingTimeInterval(10_000 + Double(index)))
            } catch {
                XCTFail("event \(index) refused: \(error.reason)", file: file, line: line)
            }
        }
        return editor.session
    }
}

/// Runs a program and returns what it printed.
struct ToolRun {
    var status: Int32
    var output: Data
    var errors: String
    var text: String { String(decoding: output, as: UTF8.self) }
}

func findTool(_ name: String) -> String? {
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let path = "\(folder)/\(name)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

func runTool(_ path: String, _ arguments: [String], input: Data) throws -> ToolRun {
    // Files rather than pipes for input and errors: no threads, no deadlock on large output.
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("campfire-tool-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let inputFile = scratch.appendingPathComponent("in"), errorFile = scratch.appendingPathComponent("err")
    try input.write(to: inputFile)
    _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    let stdout = Pipe()
    process.standardInput = try FileHandle(forReadingFrom: inputFile)
    process.standardOutput = stdout
    process.standardError = try FileHandle(forWritingTo: errorFile)
    try process.run()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let errors = (try? Data(contentsOf: errorFile)) ?? Data()
    return ToolRun(status: process.terminationStatus, output: output, errors: String(decoding: errors, as: UTF8.self))
}

/// Runs Python with a script; fails the test if Python is missing.
func runPython(_ script: String, input: Data) throws -> ToolRun {
    let python = try XCTUnwrap(findTool("python3"), "python3 is needed: run Scripts/setup-tests")
    return try runTool(python, ["-c", script], input: input)
}

/// A tiny seeded random source (SplitMix64), so property tests repeat exactly.
struct SeededRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
