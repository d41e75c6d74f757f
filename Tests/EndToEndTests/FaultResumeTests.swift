import Foundation
import Persistence
import XCTest

/// Crashes while `campfire resume` recovers a crashed session (taking over its lock, setting a torn
/// line aside, folding the journal into a new snapshot): at every one of those steps, then resumes again.
final class FaultResumeTests: XCTestCase {
    var tmux: Tmux!

    override func setUpWithError() throws { tmux = Tmux() }
    override func tearDownWithError() throws { tmux.stop() }

    /// A session left by a crash just before its closing snapshot, with a torn line after its last event.
    private func crashedSession(in data: URL, people: Int) throws -> URL {
        let trace = data.appendingPathComponent("trace")
        try Binary.run(ScriptedWorkshop.arguments(data: data.appendingPathComponent("probe"), people: people), environment: ["CAMPFIRE_FAULT_TRACE": trace.path])
        let steps = try String(contentsOf: trace, encoding: .utf8).split(separator: "\n")
        let lastJournal = try XCTUnwrap(steps.lastIndex { $0.hasSuffix(" write journal.jsonl") })
        let snapshotWrite = try XCTUnwrap(steps[lastJournal...].firstIndex { $0.hasSuffix(" write snapshot.json") })
        let result = try Binary.run(ScriptedWorkshop.arguments(data: data.appendingPathComponent("data"), people: people),
                                    environment: ["CAMPFIRE_CRASH_AT_STEP": "\(snapshotWrite + 1)", "CAMPFIRE_CRASH_TORN": "1"])
        XCTAssertEqual(result.status, 99)
        let sessions = data.appendingPathComponent("data/sessions")
        let id = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: sessions.path).first { !$0.hasPrefix(".") })
        let journal = try FileHandle(forWritingTo: sessions.appendingPathComponent(id).appendingPathComponent("journal.jsonl"))
        try journal.seekToEnd()
        try journal.write(contentsOf: Data("{\"seq\":99,\"at\":\"2026-11-23T10:00:00.000Z\",\"ev".utf8))
        try journal.close()
        return sessions.appendingPathComponent(id)
    }

    func testCrashAtEveryStepOfRecoveryThenResumeAgain() throws {
        let people = 3
        var step = 1
        var crashes = 0
        while step < 100 {
            let data = try Binary.temporaryDataFolder()
            defer { try? FileManager.default.removeItem(at: data) }
            let folder = try crashedSession(in: data, people: people)
            let t = "r\(step)"
            try tmux.start(t, command: "\(Binary.campfire.path) resume --data-dir \(data.appendingPathComponent("data").path) \(folder.lastPathComponent)",
                           environment: ["CAMPFIRE_CRASH_AT_STEP": "\(step)", "CAMPFIRE_CRASH_TORN": "1"])
            var screen = try tmux.waitFor(t, "EXITED 99", orAny: "People in the room")
            if screen.contains("People in the room") {
                // Recovery finished without reaching the step: quit (closing writes a last snapshot).
                XCTAssertTrue(screen.contains("People in the room (\(people))"), screen)
                try tmux.press(t, "q")
                screen = try tmux.waitFor(t, "EXITED 0", orAny: "EXITED 99")
                if screen.contains("EXITED 0") { break }  // every step of recovery and closing has been tried
                XCTAssertTrue(screen.contains("EXITED 99"), screen)
            }
            crashes += 1
            // A crash that cut the lock file short: it counts as abandoned only after a while.
            let lock = folder.appendingPathComponent("lock")
            try? FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-60)], ofItemAtPath: lock.path)
            try ScriptedWorkshop.checkRecovery(data: data.appendingPathComponent("data"), savedLog: data.appendingPathComponent("none"), people: people,
                                               context: "crash at recovery step \(step)")
            let quarantine = folder.appendingPathComponent("quarantine.jsonl")
            let journal = try String(contentsOf: folder.appendingPathComponent("journal.jsonl"), encoding: .utf8)
            XCTAssertTrue(FileManager.default.fileExists(atPath: quarantine.path) || journal.contains("\"ev"),
                          "step \(step): the torn line was neither kept in the journal nor set aside")
            tmux.kill(t)
            step += 1
        }
        XCTAssertGreaterThan(crashes, 5)
        print("FAULT-FIGURES resume-crash-points=\(crashes)")
    }
}
