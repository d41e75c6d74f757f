import Foundation
@testable import Persistence
import Workshop
import XCTest

/// `campfire erase` on a session locked by Campfire on another computer (a shared or synced
/// folder): it says what taking the lock over means, as resume does, and takes it over only when
/// asked (`--take-over`, or t at its question); otherwise nothing is erased.
final class EraseTakeOverTests: TerminalTestCase {
    static let sentence = "This session is open on another computer, \"the-other-laptop\""

    private func lockedSession() throws -> (id: String, folder: URL) {
        let id = try SessionMaker.sample(in: data)
        let folder = data.appendingPathComponent("sessions/\(id)")
        let lock = LockInfo(pid: 4242, host: "the-other-laptop", startedAt: Date())
        try (JSONCoding.encoder().encode(lock) + Data("\n".utf8)).write(to: folder.appendingPathComponent("lock"))
        return (id, folder)
    }

    private func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    func testWithoutTakeOverNothingIsErasedAndTheWayToDoItIsSaid() throws {
        let (id, folder) = try lockedSession()
        for extra in [[], ["--participant", "Maya"]] {
            let run = try Binary.run(["erase", "--data-dir", data.path, id, "--yes"] + extra)
            XCTAssertNotEqual(run.status, 0)
            let said = oneLine(run.errors)
            XCTAssertTrue(said.contains(Self.sentence), said)
            XCTAssertTrue(said.contains("save over each other"), said)
            XCTAssertTrue(said.contains("Nothing was erased."), said)
            XCTAssertTrue(said.contains("campfire erase \(id) \(extra.joined(separator: " "))\(extra.isEmpty ? "" : " ")--yes --take-over --data-dir"), said)
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("journal.jsonl").path))
        }
        let export = try Binary.run(["export", "--data-dir", data.path, id, "--format", "csv"])
        XCTAssertTrue(export.output.contains("Maya"), "Maya is still there")
    }

    func testTakeOverErasesOnePersonAfterSayingWhatItMeans() throws {
        let (id, folder) = try lockedSession()
        let run = try Binary.run(["erase", "--data-dir", data.path, id, "--participant", "Maya", "--yes", "--take-over"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(oneLine(run.errors).contains(Self.sentence), run.errors)
        XCTAssertTrue(run.output.contains("Erased Maya"), run.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("lock").path), "the lock is given back")
        let export = try Binary.run(["export", "--data-dir", data.path, id, "--format", "csv"])
        XCTAssertEqual(export.status, 0, export.errors)
        XCTAssertFalse(export.output.contains("Maya"), export.output)
    }

    func testTakeOverErasesTheWholeSession() throws {
        let (id, folder) = try lockedSession()
        let run = try Binary.run(["erase", "--data-dir", data.path, id, "--yes", "--take-over"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path))
    }

    func testAtATerminalItAsksFirst() throws {
        let (id, folder) = try lockedSession()
        let t = "erase"
        try tmux.start(t, command: "\(campfire) erase --data-dir \(data.path) \(id)", width: 120, height: 30)
        let question = oneLine(try tmux.waitFor(t, "type t and press Enter"))
        XCTAssertTrue(question.contains(Self.sentence), question)
        try tmux.type(t, "t")
        try tmux.press(t, "Enter")
        try tmux.waitFor(t, "type the session id")
        try tmux.type(t, id)
        try tmux.press(t, "Enter")
        try tmux.waitFor(t, "EXITED 0")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path))
    }

    func testAtATerminalJustEnterLeavesItAlone() throws {
        let (id, folder) = try lockedSession()
        let t = "erase"
        try tmux.start(t, command: "\(campfire) erase --data-dir \(data.path) \(id)", width: 120, height: 30)
        try tmux.waitFor(t, "type t and press Enter")
        try tmux.press(t, "Enter")
        let screen = oneLine(try tmux.waitFor(t, "EXITED"))
        XCTAssertTrue(screen.contains("Nothing was erased."), screen)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("journal.jsonl").path))
    }
}
