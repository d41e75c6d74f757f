import Foundation
import Persistence
import XCTest

/// Privacy under faults: every file and folder the program makes is 0600/0700 whatever the umask,
/// including what a crash leaves (temporary files), recovery's quarantine and every export; and words
/// typed before a crash are found nowhere outside the data folder.
final class FaultPrivacyTests: XCTestCase {
    private func everything(under root: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }
    }

    private func isFolder(_ url: URL) -> Bool {
        var folder: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &folder) && folder.boolValue
    }

    /// The files the console keeps beside the session (the box's words in `draft.json`, the place
    /// in `place.json`, the screen in `screen.txt`) are 0600 too, whatever the umask the console
    /// was started with.
    func testTheConsolesOwnFilesArePrivateUnderEveryUmask() throws {
        for mask in ["000", "022"] {
            let data = try Binary.temporaryDataFolder()
            defer { try? FileManager.default.removeItem(at: data) }
            let tmux = Tmux()
            defer { tmux.stop() }
            let t = "umask\(mask)"
            // The shell's own file shows the umask is in force.
            let probe = data.appendingPathComponent("probe")
            try tmux.start(t, command: "sh -c 'umask \(mask); touch \(probe.path); exec \(Binary.campfire.path) new --data-dir \(data.path) --title Private --participant Ann --participant Bo'")
            try tmux.waitFor(t, "People in the room (2)")
            XCTAssertEqual((try FileManager.default.attributesOfItem(atPath: probe.path)[.posixPermissions] as? NSNumber)?.intValue,
                           mask == "000" ? 0o666 : 0o644, "the umask is in force")
            let sessions = data.appendingPathComponent("sessions")
            let folder = sessions.appendingPathComponent(try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: sessions.path).first { !$0.hasPrefix(".") }))
            func mode(_ name: String) -> Int? {
                (try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)[.posixPermissions] as? NSNumber)?.intValue
            }
            func waitForFile(_ name: String) {
                let deadline = Date().addingTimeInterval(5)
                while Date() < deadline, mode(name) == nil { usleep(50_000) }
            }
            try tmux.press(t, "Down")
            waitForFile("place.json")
            try tmux.openStoryTitle(t)
            try tmux.type(t, "Words in a box")
            waitForFile("draft.json")
            XCTAssertEqual(mode("place.json"), 0o600, "place.json under umask \(mask)")
            XCTAssertEqual(mode("draft.json"), 0o600, "draft.json under umask \(mask)")
            try tmux.press(t, "Escape")
            try tmux.waitFor(t, "Throw away what you typed?")
            try tmux.press(t, "y")
            try tmux.waitUntilGone(t, "Write down a story")
            try tmux.press(t, "q")
            try tmux.waitFor(t, "EXITED 0")
            XCTAssertEqual(mode(LastScreen.fileName), 0o600, "screen.txt under umask \(mask)")
        }
    }

    func testEverythingMadeIsPrivateUnderEveryUmaskEvenAfterACrash() throws {
        for mask: mode_t in [0o000, 0o022, 0o077] {
            let outer = try Binary.temporaryDataFolder()
            defer { try? FileManager.default.removeItem(at: outer) }
            let previous = umask(mask)
            defer { umask(previous) }
            let data = outer.appendingPathComponent("data")
            let exports = outer.appendingPathComponent("exports")
            // 1. A crash half way through writing the closing snapshot leaves a temporary file and a lock.
            let trace = outer.appendingPathComponent("trace")
            try Binary.run(ScriptedWorkshop.arguments(data: outer.appendingPathComponent("probe"), people: 3), environment: ["CAMPFIRE_FAULT_TRACE": trace.path])
            let steps = try String(contentsOf: trace, encoding: .utf8).split(separator: "\n")
            let lastJournal = try XCTUnwrap(steps.lastIndex { $0.hasSuffix(" write journal.jsonl") })
            let snapshotWrite = try XCTUnwrap(steps[lastJournal...].firstIndex { $0.hasSuffix(" write snapshot.json") })
            try? FileManager.default.removeItem(at: outer.appendingPathComponent("probe"))
            try? FileManager.default.removeItem(at: trace)
            let crashed = try Binary.run(ScriptedWorkshop.arguments(data: data, people: 3),
                                         environment: ["CAMPFIRE_CRASH_AT_STEP": "\(snapshotWrite + 1)", "CAMPFIRE_CRASH_TORN": "1"])
            XCTAssertEqual(crashed.status, 99)
            let sessions = data.appendingPathComponent("sessions")
            let id = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: sessions.path).first { !$0.hasPrefix(".") })
            let folder = sessions.appendingPathComponent(id)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".tmp-") }
            XCTAssertEqual(leftovers.count, 1, "the crash should leave its temporary file")
            // 2. A torn line, set aside into the quarantine on opening.
            let journal = try FileHandle(forWritingTo: folder.appendingPathComponent("journal.jsonl"))
            try journal.seekToEnd()
            try journal.write(contentsOf: Data("{\"seq\":4,\"ev".utf8))
            try journal.close()
            let store = try SessionStore.open(folder, readOnly: false, at: Date())
            XCTAssertNotNil(store.report.tornTail?.quarantineFile)
            let afterOpening = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".tmp-") }
            XCTAssertEqual(afterOpening, [], "the crash's temporary copy of the session was left behind")
            store.close(at: Date())
            // 3. Every export, to files (in a folder made here) and a folder the program makes.
            try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
            for (format, target) in [("markdown", "report.md"), ("csv", "actions.csv"), ("json", "session.json"), ("letters", "letters/")] {
                // --everyone: this workshop has no actions, and letters to nobody are refused.
                let result = try Binary.run(["export", "--data-dir", data.path, id, "--format", format, "-o", exports.appendingPathComponent(target).path + (target.hasSuffix("/") ? "/" : "")]
                                            + (format == "letters" ? ["--everyone"] : []))
                XCTAssertEqual(result.status, 0, "\(format): \(result.errors)")
            }
            for url in everything(under: data) + everything(under: exports) where url.lastPathComponent != "exports" {
                XCTAssertEqual(SessionMaker.mode(url.path), isFolder(url) ? 0o700 : 0o600,
                               "\(url.path) under umask \(String(mask, radix: 8))")
            }
            XCTAssertTrue(everything(under: data).contains { $0.lastPathComponent == "quarantine.jsonl" })
            XCTAssertTrue(isFolder(exports.appendingPathComponent("letters")), "the letters folder was not made")
        }
    }

    func testACanaryTypedIntoAStoryThenAHardCrashLeavesNoTraceOutsideTheDataFolder() throws {
        let canary = "CANARY-\(UUID().uuidString.prefix(8))-quietly-told"
        let data = try Binary.temporaryDataFolder()
        defer { try? FileManager.default.removeItem(at: data) }
        let marker = data.appendingPathComponent("started")
        try Data().write(to: marker)
        usleep(20_000)
        let prepared = try Binary.run(["new", "--data-dir", data.path, "--prepare", "--title", "Canary", "--participant", "Ann"])
        let id = try XCTUnwrap(prepared.output.split(separator: "\n").first { $0.hasPrefix("id:") }?.split(separator: " ").last.map(String.init))
        let tmux = Tmux()
        defer { tmux.stop() }
        let errors = data.appendingPathComponent("stderr.txt")
        let t = "canary"
        try tmux.start(t, command: "\(Binary.campfire.path) resume --data-dir \(data.path) \(id) 2>\(errors.path)")
        try tmux.waitFor(t, "People in the room (1)")
        try tmux.openStoryTitle(t)
        try tmux.type(t, canary)
        try tmux.press(t, "Enter", "Enter", "Enter", "Right", "Right", "Enter")
        try tmux.waitUntilGone(t, "Write down a story")
        try tmux.waitFor(t, "✓ Saved")
        kill(try tmux.pid(t), SIGKILL)
        try tmux.waitFor(t, "EXITED 137", orAny: "EXITED 137")
        let journal = try String(contentsOf: data.appendingPathComponent("sessions/\(id)/journal.jsonl"), encoding: .utf8)
        XCTAssertTrue(journal.contains(canary), "the story was not saved, so this test proves nothing")
        XCTAssertFalse(((try? String(contentsOf: errors, encoding: .utf8)) ?? "").contains(canary), "the story reached standard error")

        // Every file written since the test began in the temporary folders and home, outside the data folder.
        // A control file with the canary proves the search would find one.
        let control = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("campfire-canary-control-\(UUID().uuidString)")
        try Data("before \(canary) after".utf8).write(to: control)
        defer { try? FileManager.default.removeItem(at: control) }
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        let roots = ["/tmp", "/var/tmp", "/dev/shm", NSTemporaryDirectory(), home].filter { FileManager.default.fileExists(atPath: $0) }
        let find = Process()
        find.executableURL = URL(fileURLWithPath: "/usr/bin/find")
        find.arguments = roots + ["-xdev", "-path", data.path, "-prune", "-o", "-type", "f", "-newer", marker.path, "-size", "-20M", "-print0"]
        let out = Pipe()
        find.standardOutput = out
        find.standardError = FileHandle.nullDevice
        try find.run()
        let list = out.fileHandleForReading.readDataToEndOfFile()
        find.waitUntilExit()
        let files = Set(list.split(separator: 0).map { String(decoding: $0, as: UTF8.self) })
        XCTAssertEqual(find.terminationStatus == 0 || !files.isEmpty, true, "find failed")
        XCTAssertTrue(files.contains(control.path), "the search would not have found the canary")
        var found: [String] = []
        for path in files where !path.hasPrefix(data.path) {
            guard let contents = FileManager.default.contents(atPath: path) else { continue }
            if contents.range(of: Data(canary.utf8)) != nil { found.append(path) }
        }
        XCTAssertEqual(found, [control.path], "the story's words were found outside the data folder")
        print("FAULT-FIGURES canary searched-files=\(files.count) found=\(found.count)")
    }

    /// A session folder others can read is reported when the console opens it.
    func testAFolderOthersCanReadIsReportedOnOpening() throws {
        let data = try Binary.temporaryDataFolder()
        defer { try? FileManager.default.removeItem(at: data) }
        let prepared = try Binary.run(["new", "--data-dir", data.path, "--prepare", "--title", "Open", "--participant", "Ann"])
        let id = try XCTUnwrap(prepared.output.split(separator: "\n").first { $0.hasPrefix("id:") }?.split(separator: " ").last.map(String.init))
        chmod(data.appendingPathComponent("sessions/\(id)").path, 0o755)
        let tmux = Tmux()
        defer { tmux.stop() }
        try tmux.start("open", command: "\(Binary.campfire.path) resume --data-dir \(data.path) \(id)", width: 200, height: 30)
        let screen = try tmux.waitFor("open", "Other people on this computer can open")
        XCTAssertTrue(screen.contains("chmod 700"), screen)
        try tmux.press("open", "q")
        try tmux.waitFor("open", "EXITED 0")
    }
}
