import Foundation
import XCTest
@testable import Persistence
import Workshop

/// The damage suite: for each kind of damage, the session is opened with every command —
/// resume and present (in tmux), list, review, export, erase, doctor and repair — and:
/// - nothing crashes, and each command either works or refuses in plain words;
/// - the message names the file (and the line, for journal damage);
/// - no saved word is lost: every name saved is in the exported session, or (for a line whose
///   own bytes were damaged) kept in the session folder;
/// - every byte of the damaged files as found is kept, whole, somewhere in the session folder;
/// - after `campfire repair --yes` the session opens for saving, takes a new person, and keeps it.
final class DamageSuiteTests: TerminalTestCase {
    let id = "20261203-1000-d001"
    let names = ["Ann", "Bo", "Cy", "Di", "Ed"]
    var folder: URL { data.appendingPathComponent("sessions/\(id)", isDirectory: true) }
    var journal: URL { folder.appendingPathComponent("journal.jsonl") }
    var snapshot: URL { folder.appendingPathComponent("snapshot.json") }
    let start = Date(timeIntervalSince1970: 1_795_000_000)
    var originalJournal = Data()
    var originalSnapshot = Data()

    /// Five people saved one by one; the snapshot holds the first three (journal lines 1–3),
    /// lines 4 and 5 come after it.
    private func makeSession() throws {
        let template = try ContentLibrary.load().template(named: "standard")
        let store = try SessionStore.create(Session(id: id, title: "Damage", createdAt: start, template: template), in: folder, at: start)
        for (index, name) in names.enumerated() {
            try store.record(.addParticipant(Participant(id: "p\(index + 1)", name: name)), at: start.addingTimeInterval(Double(index + 1)))
            if index == 2 { try store.snapshot(at: start.addingTimeInterval(3.5)) }
        }
        try store.files.close()  // no closing snapshot: lines 4 and 5 are after it
    }

    private func lines() throws -> [String] {
        try String(decoding: Data(contentsOf: journal), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private func writeLines(_ lines: [String]) throws {
        try Data(lines.joined(separator: "\n").utf8).write(to: journal)
    }

    private func writeLock(_ info: LockInfo) throws {
        try (JSONCoding.encoder().encode(info) + Data("\n".utf8)).write(to: folder.appendingPathComponent("lock"))
    }

    private func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    struct Case {
        var name: String
        var damage: (DamageSuiteTests) throws -> Void
        /// Text every message about it must hold (the file, and the line for journal damage).
        var mentions: [String]
        /// A name the damage itself overwrote (the line now says the other text): that text
        /// must be kept in the folder's bytes; the name cannot be, as the damage destroyed it.
        var overwritten: [String: String] = [:]
        /// Refused outright (a newer Campfire's snapshot): untouched, and repair refuses too.
        var refused = false
        /// The lock is from another computer: resume asks before taking it over.
        var otherComputer = false
        /// Whether list, doctor and export must say something (lock cases need not).
        var damagesData = true
    }

    var cases: [Case] {
        [
            Case(name: "snapshot missing", damage: { try FileManager.default.removeItem(at: $0.snapshot) }, mentions: ["snapshot.json", "missing"]),
            Case(name: "snapshot truncated", damage: { t in
                let data = try Data(contentsOf: t.snapshot); try data.prefix(data.count / 2).write(to: t.snapshot)
            }, mentions: ["snapshot.json"]),
            Case(name: "snapshot edited", damage: { t in
                let text = String(decoding: try Data(contentsOf: t.snapshot), as: UTF8.self)
                try Data(text.replacingOccurrences(of: "\"Bo\"", with: "\"Bx\"").utf8).write(to: t.snapshot)
            }, mentions: ["snapshot.json", "checksum"]),
            Case(name: "snapshot from a newer Campfire", damage: { t in
                let text = String(decoding: try Data(contentsOf: t.snapshot), as: UTF8.self)
                try Data(text.replacingOccurrences(of: #""schema":1,"#, with: #""schema":99,"#).utf8).write(to: t.snapshot)
            }, mentions: ["snapshot.json", "newer version of Campfire"], refused: true),
            Case(name: "journal line flipped before the snapshot", damage: { t in
                var bytes = try readAll(t.journal)
                let second = bytes.firstIndex(of: 0x0A)! + 1
                bytes[second + 60] ^= 0x02
                try Data(bytes).write(to: t.journal)
            }, mentions: ["journal.jsonl", "line 2"]),
            Case(name: "journal line flipped after the snapshot", damage: { t in
                var lines = try t.lines()
                lines[3] = lines[3].replacingOccurrences(of: "Di", with: "Dj")
                try t.writeLines(lines)
            }, mentions: ["journal.jsonl", "line 4"], overwritten: ["Di": "Dj"]),
            Case(name: "last line edited, newline kept", damage: { t in
                var lines = try t.lines()
                lines[4] = lines[4].replacingOccurrences(of: "Ed", with: "Eb")
                try t.writeLines(lines)
            }, mentions: ["journal.jsonl", "line 5"], overwritten: ["Ed": "Eb"]),
            Case(name: "lines swapped", damage: { t in
                var lines = try t.lines(); lines.swapAt(3, 4); try t.writeLines(lines)
            }, mentions: ["journal.jsonl", "line 5"]),
            Case(name: "line duplicated", damage: { t in
                var lines = try t.lines(); lines.insert(lines[4], at: 5); try t.writeLines(lines)
            }, mentions: ["journal.jsonl", "line 6"]),
            Case(name: "garbage appended", damage: { t in
                let handle = try FileHandle(forWritingTo: t.journal)
                try handle.seekToEnd(); try handle.write(contentsOf: Data("\u{0}\u{7}garbage{\"seq\":9}\n".utf8)); try handle.close()
            }, mentions: ["journal.jsonl", "line 6"]),
            Case(name: "stale lock", damage: { t in
                try t.writeLock(LockInfo(pid: try t.deadProcessID(), host: SessionLock.currentHost(), startedAt: Date()))
            }, mentions: ["stopped"], damagesData: false),
            Case(name: "lock naming a reused process number", damage: { t in
                try t.writeLock(LockInfo(pid: 1, host: SessionLock.currentHost(), startedAt: Date(),
                                         bootID: SessionLock.currentBootID(), processStart: (SessionLock.processStartTicks(1) ?? 0) + 999))
            }, mentions: ["stopped"], damagesData: false),
            Case(name: "lock from another computer", damage: { t in
                try t.writeLock(LockInfo(pid: 4242, host: "the-other-laptop", startedAt: Date()))
            }, mentions: ["the-other-laptop"], otherComputer: true, damagesData: false),
            Case(name: "empty lock", damage: { t in
                let lock = t.folder.appendingPathComponent("lock")
                try Data().write(to: lock)
                try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-60)], ofItemAtPath: lock.path)
            }, mentions: ["cut off"], damagesData: false),
        ]
    }

    func testEveryKindOfDamageWithEveryCommand() throws {
        for item in cases {
            try? FileManager.default.removeItem(at: data.appendingPathComponent("sessions"))
            try makeSession()
            originalJournal = try Data(contentsOf: journal)
            originalSnapshot = try Data(contentsOf: snapshot)
            try item.damage(self)
            try check(item)
            tmux.stop()
            tmux = Tmux()
        }
    }

    /// `erase --participant` opens the session for saving, so it recovers it as resume would,
    /// and says what it found.
    func testEraseSaysWhatOpeningFound() throws {
        try makeSession()
        try FileManager.default.removeItem(at: snapshot)
        let erase = try Binary.run(["erase", id, "--participant", "Nobody", "--yes", "--data-dir", data.path])
        XCTAssertTrue(erase.errors.contains("snapshot.json was not used (it is missing)"), erase.errors)
        XCTAssertTrue(erase.errors.contains("Nobody"), erase.errors)
    }

    // MARK: A disk filling up

    /// A nearly full disk is said when a session is opened for saving (the limit is raised past
    /// any disk's size with CAMPFIRE_LOW_SPACE_BYTES, so this disk counts as nearly full).
    func testANearlyFullDiskIsSaidWhenASessionOpens() throws {
        try makeSession()
        let r = "full"
        try tmux.start(r, command: "\(campfire) resume \(id) --data-dir \(data.path)", width: 300, height: 40,
                       environment: ["CAMPFIRE_LOW_SPACE_BYTES": "18446744073709551615"])
        let screen = try tmux.waitFor(r, "is nearly full")
        XCTAssertTrue(screen.contains("free some space"), screen)
        try tmux.press(r, "q")
        try tmux.waitFor(r, "EXITED 0")
        // Without the raised limit, this disk is not nearly full: nothing is said.
        let n = "normal"
        try tmux.start(n, command: "\(campfire) resume \(id) --data-dir \(data.path)", width: 300, height: 40)
        XCTAssertFalse(try tmux.waitFor(n, "People in the room").contains("nearly full"))
        try tmux.press(n, "q")
        try tmux.waitFor(n, "EXITED 0")
    }

    /// A stage snapshot that cannot be written (here `stages` is a file, not a folder) is said
    /// on the status line; the move itself is saved.
    func testAStageSnapshotThatCannotBeWrittenIsSaidOnTheStatusLine() throws {
        try makeSession()
        try Data("not a folder".utf8).write(to: folder.appendingPathComponent("stages"))
        let r = "stage"
        try tmux.start(r, command: "\(campfire) resume \(id) --data-dir \(data.path)", width: 300, height: 40)
        try tmux.waitFor(r, "People in the room")
        try tmux.press(r, "]")
        let screen = try tmux.waitFor(r, "was not written")
        XCTAssertTrue(screen.contains("every change is still saved in the journal"), screen)
        XCTAssertTrue(screen.contains("leaving Welcome") || screen.contains("on leaving"), screen)
        try tmux.press(r, "q")
        try tmux.waitFor(r, "EXITED 0")
        XCTAssertTrue(try String(contentsOf: journal, encoding: .utf8).contains("moveTo"), "the move is saved")
    }

    // MARK: One case

    private func check(_ item: Case) throws {
        let label = item.name
        let damagedFiles = try [journal, snapshot].filter { FileManager.default.fileExists(atPath: $0.path) }
            .filter { ($0 == journal ? originalJournal : originalSnapshot) != (try? Data(contentsOf: $0)) }  // only what the damage changed
            .map { try Data(contentsOf: $0) }
        let common = ["--data-dir", data.path]

        // list, doctor, export, review, erase: plain words, never a crash.
        let list = try Binary.run(["list"] + common)
        let doctor = try Binary.run(["doctor"] + common)
        let export = try Binary.run(["export", id, "--format", "json"] + common)
        let review = try Binary.run(["review", id, "--print-first-screen", "120x40"] + common)
        for (command, result) in [("list", list), ("doctor", doctor), ("export", export), ("review", review)] {
            XCTAssertFalse((result.output + result.errors).contains("Fatal error"), "\(label): \(command) crashed")
            XCTAssertLessThan(result.status, 128, "\(label): \(command) was killed")
        }
        if item.damagesData {
            for (command, text) in [("list", list.output + list.errors), ("doctor", doctor.output), ("export", export.errors)] {
                for mention in item.mentions {
                    XCTAssertTrue(text.lowercased().contains(mention.lowercased()), "\(label): \(command) does not say \"\(mention)\":\n\(text)")
                }
            }
        }

        // resume, in a terminal wide enough for the whole message.
        let r = "resume"
        try tmux.start(r, command: "\(campfire) resume \(id) --data-dir \(data.path)", width: 400, height: 40)
        if item.refused {
            let screen = try tmux.waitFor(r, "EXITED")
            XCTAssertTrue(screen.contains("newer version of Campfire"), "\(label): \(screen)")
            XCTAssertFalse(screen.contains("EXITED 0"))
        } else {
            if item.otherComputer {
                let question = try tmux.waitFor(r, "take it over here")
                XCTAssertTrue(question.contains("\"the-other-laptop\""), question)
                XCTAssertTrue(question.contains("save over each other"), question)
                try tmux.press(r, "t")
            }
            let screen = try tmux.waitFor(r, "People in the room")
            for mention in item.mentions {
                XCTAssertTrue(screen.lowercased().contains(mention.lowercased()), "\(label): resume does not say \"\(mention)\":\n\(screen)")
            }
            try tmux.press(r, "q")
            try tmux.waitFor(r, "EXITED 0")
        }

        // present, in a terminal.
        let p = "present"
        try tmux.start(p, command: "\(campfire) present \(id) --data-dir \(data.path)", width: 120, height: 40)
        if item.refused {
            let screen = try tmux.waitFor(p, "EXITED")
            XCTAssertTrue(screen.contains("snapshot.json"), "\(label): present: \(screen)")
        } else {
            try tmux.waitFor(p, "Damage")
            try tmux.press(p, "q")
            try tmux.waitFor(p, "EXITED 0")
        }

        // erase (of someone who is not there: it opens the session, changes nothing).
        let erase = try Binary.run(["erase", id, "--participant", "Nobody", "--yes"] + common)
        XCTAssertLessThan(erase.status, 128, "\(label): erase crashed")
        XCTAssertFalse(erase.errors.contains("Fatal error"), "\(label): erase crashed")
        XCTAssertTrue(["Nobody", "damaged", "open in another", "newer version"].contains { erase.errors.contains($0) }, "\(label): erase: \(erase.errors)")

        // repair.
        let repair = try Binary.run(["repair", id, "--yes"] + common)
        XCTAssertLessThan(repair.status, 128, "\(label): repair crashed")
        if item.refused {
            XCTAssertNotEqual(repair.status, 0)
            XCTAssertTrue(repair.errors.contains("newer version of Campfire"), "\(label): \(repair.errors)")
            XCTAssertEqual(try Data(contentsOf: snapshot), damagedFiles.last, "\(label): a newer snapshot is left untouched")
            return
        }
        XCTAssertEqual(repair.status, 0, "\(label): \(repair.output) \(repair.errors)")

        // Every byte as found is kept, whole, in the session folder.
        let everything = allFiles(under: folder).compactMap { try? Data(contentsOf: $0) }
        for original in damagedFiles {
            XCTAssertTrue(everything.contains(original), "\(label): a damaged file's bytes are not kept in the session folder")
        }

        // The session carries on: a new person is saved and kept.
        let c = "carry-on"
        try tmux.start(c, command: "\(campfire) resume \(id) --data-dir \(data.path)", width: 160, height: 40)
        try tmux.waitFor(c, "People in the room")
        XCTAssertFalse(try tmux.screen(c).contains("READ-ONLY"), "\(label): still read-only after repair")
        try tmux.press(c, "a")
        try tmux.waitFor(c, "Add a person")
        try tmux.type(c, "Zed")
        try tmux.press(c, "Enter", "Enter", "Enter")
        try tmux.waitFor(c, "Zed")
        try tmux.press(c, "q")
        try tmux.waitFor(c, "EXITED 0")

        // No saved word lost.
        let after = try Binary.run(["export", id, "--format", "json"] + common)
        XCTAssertEqual(after.status, 0, "\(label): \(after.errors)")
        let folderText = everything.map { String(decoding: $0, as: UTF8.self) }.joined()
        for name in names + ["Zed"] {
            if let text = item.overwritten[name] {
                XCTAssertTrue(folderText.contains("\"name\":\"\(text)\""), "\(label): the damaged line's text \(text) is not kept")
            } else {
                XCTAssertTrue(after.output.contains("\"name\" : \"\(name)\"") || after.output.contains("\"name\":\"\(name)\""),
                              "\(label): \(name) is not in the session after repair:\n\(after.output.prefix(600))")
            }
        }
    }

    private func allFiles(under folder: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { !(((try? $0.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory) ?? false) }
    }
}

private func readAll(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }
