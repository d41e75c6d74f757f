import Foundation
import XCTest

/// A scripted workshop (`campfire new --prepare` adding many people, each a saved change) killed with
/// SIGKILL at a random moment, then recovered: a prefix of what was done, with every change it had
/// reported saved. The suite runs a few; `Scripts/kills` runs hundreds (CAMPFIRE_KILL_RUNS).
final class FaultKillTests: XCTestCase {
    func testRandomKillsLoseNothingSaved() throws {
        let runs = Int(ProcessInfo.processInfo.environment["CAMPFIRE_KILL_RUNS"] ?? "") ?? 12
        let seed = UInt64(ProcessInfo.processInfo.environment["CAMPFIRE_KILL_SEED"] ?? "") ?? 20261123
        let people = 150
        var random = SplitMix(seed: seed)
        var killed = 0, completed = 0, noSession = 0, partial = 0
        let started = Date()
        // How long a whole run takes, to pick kill moments across all of it.
        let probe = try Binary.temporaryDataFolder()
        var runTime = 0.0
        for _ in 0..<3 {
            let probeStart = Date()
            try? FileManager.default.removeItem(at: probe.appendingPathComponent("data"))
            try Binary.run(ScriptedWorkshop.arguments(data: probe.appendingPathComponent("data"), people: people))
            runTime = max(runTime, Date().timeIntervalSince(probeStart))
        }
        try? FileManager.default.removeItem(at: probe)

        for run in 1...runs {
            let data = try Binary.temporaryDataFolder()
            defer { try? FileManager.default.removeItem(at: data) }
            let savedLog = data.appendingPathComponent("saved.log")
            let process = Process()
            process.executableURL = Binary.campfire
            process.arguments = ScriptedWorkshop.arguments(data: data.appendingPathComponent("data"), people: people)
            var environment = ProcessInfo.processInfo.environment
            environment["CAMPFIRE_SAVED_LOG"] = savedLog.path
            process.environment = environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let delay = UInt32(Double(random.next() % 1000) / 1000 * runTime * 0.7 * 1_000_000)
            try process.run()
            usleep(delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let wasKilled = process.terminationReason == .uncaughtSignal
            if wasKilled { killed += 1 } else { completed += 1 }
            let outcome = try ScriptedWorkshop.checkRecovery(
                data: data.appendingPathComponent("data"), savedLog: savedLog, people: people,
                context: "run \(run) (seed \(seed), kill after \(delay) µs)")
            if !outcome.sessionExisted { noSession += 1 } else if outcome.recoveredPeople < people { partial += 1 }
        }
        let seconds = Date().timeIntervalSince(started)
        print("FAULT-FIGURES kills runs=\(runs) killed=\(killed) completed-before-kill=\(completed) no-session-yet=\(noSession) part-way=\(partial) seed=\(seed) seconds=\(String(format: "%.1f", seconds))")
        XCTAssertGreaterThan(killed, 0)
    }
}

/// A small seeded generator, so a failing run can be repeated.
struct SplitMix {
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
