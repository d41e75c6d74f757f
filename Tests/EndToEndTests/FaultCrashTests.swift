import Foundation
import Persistence
import Workshop
import XCTest

/// What a scripted workshop did, and the check that a crashed one can be recovered.
enum ScriptedWorkshop {
    /// The people added, in order: each is one journal event.
    static func names(_ count: Int) -> [String] {
        (1...count).map { "Person\($0)-ñ-🔥" }
    }

    /// The arguments of `campfire new --prepare` with `count` people.
    static func arguments(data: URL, people count: Int) -> [String] {
        ["new", "--data-dir", data.path, "--prepare", "--title", "Crash test"] + names(count).flatMap { ["--participant", $0] }
    }

    struct Outcome {
        var sessionExisted: Bool
        var recoveredPeople: Int
        var reportedSaved: Int
    }

    /// Opens whatever a crashed run left (with the real recovery, writable, as `campfire resume` does),
    /// checks it is a prefix of what was done holding every change reported saved, then shows it still
    /// takes changes. Fails the test with `context` otherwise.
    @discardableResult
    static func checkRecovery(data: URL, savedLog: URL, people: Int, context: String, file: StaticString = #filePath, line: UInt = #line) throws -> Outcome {
        let saved = ((try? String(contentsOf: savedLog, encoding: .utf8)) ?? "")
            .split(separator: "\n").compactMap { Int($0) }
        XCTAssertEqual(saved, Array(saved.indices.map { $0 + 1 }), "\(context): saved sequences out of order", file: file, line: line)
        let sessions = data.appendingPathComponent("sessions")
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: sessions.path)) ?? []).filter { !$0.hasPrefix(".") }
        guard let name = folders.first else {
            XCTAssertTrue(saved.isEmpty, "\(context): changes were reported saved but there is no session folder", file: file, line: line)
            return Outcome(sessionExisted: false, recoveredPeople: 0, reportedSaved: saved.count)
        }
        let folder = sessions.appendingPathComponent(name)
        let store: SessionStore
        do {
            store = try SessionStore.open(folder, readOnly: false, at: Date())
        } catch PersistenceError.notASession {
            // Stopped before the first snapshot was in place: nothing was ever reported saved.
            XCTAssertTrue(saved.isEmpty, "\(context): changes were reported saved but the session cannot be found", file: file, line: line)
            return Outcome(sessionExisted: false, recoveredPeople: 0, reportedSaved: saved.count)
        } catch {
            XCTFail("\(context): the session could not be opened after the crash: \(error)", file: file, line: line)
            throw error
        }
        XCTAssertFalse(store.isReadOnly, "\(context): opened read-only after a crash: \(store.report.messages + store.replayProblems)", file: file, line: line)
        let recovered = store.session.record.participants.map(\.name)
        let expected = names(people)
        XCTAssertEqual(recovered, Array(expected.prefix(recovered.count)), "\(context): not a prefix of what was done", file: file, line: line)
        XCTAssertGreaterThanOrEqual(recovered.count, saved.count, "\(context): a change reported saved was lost", file: file, line: line)
        // It takes new changes, and they survive reopening.
        try store.record(.addParticipant(Participant(id: store.editor.makeID("p"), name: "After")), at: Date())
        store.close(at: Date())
        let again = try SessionStore.open(folder, readOnly: true, at: Date())
        XCTAssertEqual(again.session.record.participants.map(\.name), recovered + ["After"], "\(context): a change after recovery was lost", file: file, line: line)
        again.close(at: Date())
        return Outcome(sessionExisted: true, recoveredPeople: recovered.count, reportedSaved: saved.count)
    }
}

/// Stops the real program dead at its 1st, 2nd, 3rd … disk step (every write, flush, folder flush,
/// rename, truncate and unlink; see `FaultInjection`) until a run completes, and after each crash
/// checks what `campfire resume` would recover.
final class FaultCrashTests: XCTestCase {
    private func crashAtEveryStep(torn: Bool, people: Int = 6) throws -> (points: Int, outcomes: [ScriptedWorkshop.Outcome]) {
        var outcomes: [ScriptedWorkshop.Outcome] = []
        var step = 1
        while step < 2000 {
            let data = try Binary.temporaryDataFolder()
            defer { try? FileManager.default.removeItem(at: data) }
            let savedLog = data.appendingPathComponent("saved.log")
            var environment = ["CAMPFIRE_CRASH_AT_STEP": "\(step)", "CAMPFIRE_SAVED_LOG": savedLog.path]
            if torn { environment["CAMPFIRE_CRASH_TORN"] = "1" }
            let result = try Binary.run(ScriptedWorkshop.arguments(data: data.appendingPathComponent("data"), people: people), environment: environment)
            if result.status == 0 {
                // Completed: every person is there and the run is over.
                let outcome = try ScriptedWorkshop.checkRecovery(data: data.appendingPathComponent("data"), savedLog: savedLog, people: people, context: "completed run")
                XCTAssertEqual(outcome.recoveredPeople, people)
                return (step - 1, outcomes)
            }
            XCTAssertEqual(result.status, 99, "step \(step): \(result.errors)")
            XCTAssertFalse(result.errors.contains("Person"), "step \(step): someone's name reached standard error")
            outcomes.append(try ScriptedWorkshop.checkRecovery(
                data: data.appendingPathComponent("data"), savedLog: savedLog, people: people, context: "crash at step \(step)\(torn ? " (torn)" : "")"))
            step += 1
        }
        XCTFail("the run never completed")
        return (step, outcomes)
    }

    func testCrashAtEveryDiskStepLosesNothingSaved() throws {
        let (points, outcomes) = try crashAtEveryStep(torn: false)
        XCTAssertGreaterThan(points, 20)
        // The loop really crossed the interesting moments: before the session existed, part way, all saved.
        XCTAssertTrue(outcomes.contains { !$0.sessionExisted })
        XCTAssertTrue(outcomes.contains { $0.sessionExisted && $0.recoveredPeople > 0 && $0.recoveredPeople < 6 })
        print("FAULT-FIGURES crash-at-step points=\(points)")
    }

    func testCrashInTheMiddleOfEveryWriteLosesNothingSaved() throws {
        let (points, _) = try crashAtEveryStep(torn: true)
        XCTAssertGreaterThan(points, 20)
        print("FAULT-FIGURES torn-crash-at-step points=\(points)")
    }
}
