import Foundation
@testable import Persistence
import Workshop
import XCTest

/// `campfire present` and the review list say when a session's files are damaged, as `list`,
/// `doctor`, `export` and the timeline do (issue 15: damage is never hidden).
final class DamageMarksTests: TerminalTestCase {
    let start = Date(timeIntervalSince1970: 1_795_000_000)

    /// Five people saved one by one; the snapshot holds the first three (journal lines 1–3).
    private func makeSession(_ id: String, title: String) throws -> URL {
        let folder = data.appendingPathComponent("sessions/\(id)", isDirectory: true)
        let template = try ContentLibrary.load().template(named: "standard")
        let store = try SessionStore.create(Session(id: id, title: title, createdAt: start, template: template), in: folder, at: start)
        for (index, name) in ["Ann", "Bo", "Cy", "Di", "Ed"].enumerated() {
            try store.record(.addParticipant(Participant(id: "p\(index + 1)", name: name)), at: start.addingTimeInterval(Double(index + 1)))
            if index == 2 { try store.snapshot(at: start.addingTimeInterval(3.5)) }
        }
        try store.files.close()
        return folder
    }

    private func damageLine(_ number: Int, of folder: URL, replacing old: String, with new: String) throws {
        let journal = folder.appendingPathComponent("journal.jsonl")
        var lines = try String(decoding: Data(contentsOf: journal), as: UTF8.self).components(separatedBy: "\n")
        lines[number - 1] = lines[number - 1].replacingOccurrences(of: old, with: new)
        try Data(lines.joined(separator: "\n").utf8).write(to: journal)
    }

    func testTheWallSaysTheJournalIsDamagedAndHowToMendIt() throws {
        let folder = try makeSession("20261203-1000-dm01", title: "Damaged one")
        try damageLine(4, of: folder, replacing: "Di", with: "Dj")
        for (width, height) in [(60, 20), (80, 24), (160, 48)] {
            let p = "wall\(width)"
            try tmux.start(p, command: "\(campfire) present --data-dir \(data.path) \(folder.lastPathComponent)", width: width, height: height)
            let screen = try tmux.waitFor(p, "damaged")
            let joined = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            XCTAssertTrue(joined.contains("journal.jsonl is damaged (line 4: its checksum does not match its contents): what is shown stops before it."), joined)
            XCTAssertTrue(joined.contains("To mend it: campfire repair 20261203-1000-dm01 --data-dir"), joined)
            XCTAssertTrue(joined.contains("Ann") && joined.contains("Cy"), "the people saved before the damage are still shown: \(joined)")
            try tmux.press(p, "q")
            try tmux.waitFor(p, "EXITED 0")
        }
    }

    func testTheWallSaysDamageTheSnapshotHoldsLosesNothing() throws {
        let folder = try makeSession("20261203-1000-dm02", title: "Covered")
        try damageLine(2, of: folder, replacing: "Bo", with: "Bx")
        let p = "wall"
        try tmux.start(p, command: "\(campfire) present --data-dir \(data.path) \(folder.lastPathComponent)", width: 160, height: 48)
        let screen = try tmux.waitFor(p, "damaged")
        let joined = screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        XCTAssertTrue(joined.contains("is damaged (line 2: its checksum does not match its contents), where the snapshot already holds its changes: nothing shown is missing."), joined)
        try tmux.press(p, "q")
        try tmux.waitFor(p, "EXITED 0")
    }

    func testAHealthyWallHasNoNote() throws {
        let folder = try makeSession("20261203-1000-dm03", title: "Healthy")
        let p = "wall"
        try tmux.start(p, command: "\(campfire) present --data-dir \(data.path) \(folder.lastPathComponent)", width: 80, height: 24)
        let screen = try tmux.waitFor(p, "Ed")
        XCTAssertFalse(screen.contains("damaged"), screen)
        try tmux.press(p, "q")
        try tmux.waitFor(p, "EXITED 0")
    }

    func testTheReviewListMarksOnlyTheDamagedSession() throws {
        let damaged = try makeSession("20261203-1000-dm04", title: "Broken record")
        _ = try makeSession("20261203-1100-dm05", title: "Whole record")
        try damageLine(4, of: damaged, replacing: "Di", with: "Dj")
        for size in ["80x24", "120x40"] {
            let review = try Binary.run(["review", "--print-first-screen", size, "--data-dir", data.path])
            XCTAssertEqual(review.status, 0, review.errors)
            let rows = review.output.split(separator: "\n")
            XCTAssertTrue(rows.contains { $0.contains("(damaged) Broken") }, "\(size):\n\(review.output)")
            XCTAssertTrue(rows.contains { $0.contains("Whole record") && !$0.contains("damaged") }, "\(size):\n\(review.output)")
        }
    }
}
