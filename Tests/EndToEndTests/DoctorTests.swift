import Foundation
import Persistence
import XCTest

/// `campfire doctor`, run as a real program with no terminal.
final class DoctorTests: XCTestCase {
    var data: URL!

    /// A terminal and locale that pass, so each test changes only what it is about.
    let healthy = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "", "LC_CTYPE": "", "NO_COLOR": "", "TERMINFO": "", "TERMINFO_DIRS": ""]

    override func setUpWithError() throws {
        data = try Binary.temporaryDataFolder()
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: data.path)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: data)
    }

    func doctor(_ environment: [String: String] = [:]) throws -> Binary.Result {
        try Binary.run(["doctor", "--data-dir", data.path], environment: healthy.merging(environment) { $1 })
    }

    /// The report's line about `topic`, e.g. "Terminal type".
    func line(_ topic: String, in result: Binary.Result, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try XCTUnwrap(result.output.split(separator: "\n").map(String.init).first { $0.dropFirst(9).hasPrefix(topic + ":") },
                      "no line about \(topic) in:\n\(result.output)", file: file, line: line)
    }

    /// Makes a session folder with a lock file saying `pid` on `host` has it open.
    func lockedSession(_ name: String, pid: Int32, host: String) throws -> URL {
        let folder = data.appendingPathComponent("sessions/\(name)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.deletingLastPathComponent().path)
        let lock = folder.appendingPathComponent("lock")
        let json = #"{"host":"\#(host)","pid":\#(pid),"startedAt":"2026-11-23T10:41:07.123Z"}"# + "\n"
        XCTAssertTrue(FileManager.default.createFile(atPath: lock.path, contents: Data(json.utf8), attributes: [.posixPermissions: 0o600]))
        return lock
    }

    /// The number of a process that has just ended.
    func deadProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    // MARK: All well

    func testAHealthySetUpHasNoProblem() throws {
        try FileManager.default.createDirectory(at: data.appendingPathComponent("sessions"), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let result = try doctor()
        XCTAssertEqual(result.status, 0, result.output + result.errors)
        for topic in ["Terminal type", "Colour", "Language setting", "Content files", "Data folder", "Free space", "Privacy", "Locks"] {
            let found = try line(topic, in: result)
            XCTAssertTrue(found.hasPrefix("OK       "), found)
        }
        XCTAssertTrue(try line("Terminal type", in: result).contains("TERM=xterm-256color"))
        XCTAssertTrue(try line("Data folder", in: result).contains(data.path))
        XCTAssertTrue(try line("Data folder", in: result).contains("from --data-dir"))
        XCTAssertTrue(result.output.contains("Nothing here would stop a workshop."), result.output)
    }

    func testWithoutATerminalTheSizeIsUnknownButNotAProblem() throws {
        let result = try doctor()
        let size = try line("Terminal size", in: result)
        XCTAssertTrue(size.hasPrefix("WARNING"), size)
        XCTAssertTrue(size.contains("can't tell"), size)
        XCTAssertTrue(size.contains("80x24"), size)
        XCTAssertEqual(result.status, 0)
    }

    func testAMissingDataFolderCanBeMadeAndIsNotMade() throws {
        let missing = data.appendingPathComponent("not/yet")
        let result = try Binary.run(["doctor", "--data-dir", missing.path], environment: healthy)
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(try line("Data folder", in: result).contains("does not exist yet"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing.path), "doctor changes nothing")
    }

    // MARK: Terminal

    func testADumbTerminalIsAProblem() throws {
        let result = try doctor(["TERM": "dumb"])
        XCTAssertEqual(result.status, 1)
        let type = try line("Terminal type", in: result)
        XCTAssertTrue(type.hasPrefix("PROBLEM  "), type)
        XCTAssertTrue(type.contains("can't move the cursor"), type)
        XCTAssertTrue(type.contains("export TERM=xterm-256color"), type)
        XCTAssertTrue(result.output.contains("1 problem to fix before a workshop."), result.output)
    }

    func testAnUnsetOrUnknownTerminalIsAProblem() throws {
        let unset = try doctor(["TERM": ""])
        XCTAssertEqual(unset.status, 1)
        XCTAssertTrue(try line("Terminal type", in: unset).contains("TERM is not set"))

        let unknown = try doctor(["TERM": "no-such-terminal"])
        XCTAssertEqual(unknown.status, 1)
        let type = try line("Terminal type", in: unknown)
        XCTAssertTrue(type.hasPrefix("PROBLEM  "), type)
        XCTAssertTrue(type.contains("no description of TERM=no-such-terminal"), type)
        XCTAssertTrue(try line("Colour", in: unknown).hasPrefix("WARNING"))
    }

    func testInATerminalTheSizeIsMeasured() throws {
        // tmux gives a real terminal of a known size; stdout goes to a file, so the size
        // comes from standard error, which is still the terminal.
        let report = data.appendingPathComponent("report.txt")
        let name = "campfire-doctor-\(getpid())"
        let command = "TERM=tmux-256color LANG=C.UTF-8 '\(Binary.campfire.path)' doctor --data-dir '\(data.path)' > '\(report.path)'; echo done >> '\(report.path)'; sleep 5"
        let tmux = try Command.run(URL(fileURLWithPath: "/usr/bin/env"), ["tmux", "new-session", "-d", "-s", name, "-x", "70", "-y", "20", command], in: data)
        XCTAssertEqual(tmux.status, 0, tmux.output)
        defer { _ = try? Command.run(URL(fileURLWithPath: "/usr/bin/env"), ["tmux", "kill-session", "-t", name], in: data) }
        var text = ""
        for _ in 0..<100 where !text.hasSuffix("done\n") {
            Thread.sleep(forTimeInterval: 0.1)
            text = (try? String(contentsOf: report, encoding: .utf8)) ?? ""
        }
        let size = try XCTUnwrap(text.split(separator: "\n").first { $0.contains("Terminal size:") }, text)
        XCTAssertTrue(size.hasPrefix("WARNING  Terminal size: 70x20 is smaller than the 80x24"), String(size))
    }

    func testNoColourIsHonouredAndExplained() throws {
        let result = try doctor(["NO_COLOR": "1"])
        XCTAssertEqual(result.status, 0)
        let colour = try line("Colour", in: result)
        XCTAssertTrue(colour.hasPrefix("OK"), colour)
        XCTAssertTrue(colour.contains("NO_COLOR is set"), colour)
    }

    func testALocaleWithoutUTF8IsAWarning() throws {
        let result = try doctor(["LANG": "C"])
        XCTAssertEqual(result.status, 0)
        let locale = try line("Language setting", in: result)
        XCTAssertTrue(locale.hasPrefix("WARNING"), locale)
        XCTAssertTrue(locale.contains("export LANG=C.UTF-8"), locale)
    }

    // MARK: Fonts

    func testTheWallsSymbolsAreFoundInAFontHere() throws {
        // fonts-dejavu-core is installed by the test set-up (Scripts/setup-tests.d/needs.txt).
        let symbols = try line("Symbols on the wall", in: try doctor())
        XCTAssertTrue(symbols.hasPrefix("OK"), symbols)
        XCTAssertTrue(symbols.contains("DejaVu Sans Mono"), symbols)
    }

    func testNoFontWithTheSymbolsIsAWarningWithTheFix() throws {
        // A fontconfig set-up that knows no fonts at all.
        let config = data.appendingPathComponent("fonts.conf")
        try Data("<?xml version=\"1.0\"?><fontconfig><dir>\(data.path)/no-fonts</dir><cachedir>\(data.path)/font-cache</cachedir></fontconfig>".utf8).write(to: config)
        let result = try doctor(["FONTCONFIG_FILE": config.path])
        let symbols = try line("Symbols on the wall", in: result)
        XCTAssertTrue(symbols.hasPrefix("WARNING"), symbols)
        XCTAssertTrue(symbols.contains("fonts-dejavu-core"), symbols)
        XCTAssertEqual(result.status, 0, "a warning, not a problem: the words are all still there")
    }

    func testTheLinuxConsoleIsWarnedAboutAndNoFontconfigMeansCannotTell() throws {
        let console = try line("Symbols on the wall", in: try doctor(["TERM": "linux"]))
        XCTAssertTrue(console.hasPrefix("WARNING") && console.contains("Linux text console"), console)
        let empty = data.appendingPathComponent("empty-path")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let unknown = try line("Symbols on the wall", in: try doctor(["PATH": empty.path]))
        XCTAssertTrue(unknown.hasPrefix("OK") && unknown.contains("can't tell"), unknown)
    }

    // MARK: Data folder

    func testAFolderOthersCanReadIsReportedWithTheFix() throws {
        let sessions = data.appendingPathComponent("sessions")
        try FileManager.default.createDirectory(at: sessions, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sessions.path)
        let result = try doctor()
        XCTAssertEqual(result.status, 0, "a privacy warning does not stop a workshop")
        let privacy = try line("Privacy", in: result)
        XCTAssertTrue(privacy.hasPrefix("WARNING  "), privacy)
        XCTAssertTrue(privacy.contains("\(sessions.path) (755)"), privacy)
        XCTAssertTrue(privacy.contains("chmod -R go-rwx '\(data.path)'"), privacy)
    }

    func testAStaleLockIsReportedAndOthersAreNot() throws {
        let host = SessionLock.currentHost()
        let stale = try lockedSession("20261123-1041-stale", pid: try deadProcessID(), host: host)
        _ = try lockedSession("20261123-1042-open", pid: getpid(), host: host)
        _ = try lockedSession("20261123-1043-elsewhere", pid: 1, host: "another-laptop")
        let result = try doctor()
        XCTAssertEqual(result.status, 0, result.output)
        let locks = result.output.split(separator: "\n").filter { $0.contains("Locks:") }
        XCTAssertEqual(locks.count, 3, result.output)
        let staleLine = try XCTUnwrap(locks.first { $0.contains("20261123-1041-stale") })
        XCTAssertTrue(staleLine.hasPrefix("WARNING  "), String(staleLine))
        XCTAssertTrue(staleLine.contains("stale lock"), String(staleLine))
        XCTAssertTrue(staleLine.contains("rm '\(stale.path)'"), String(staleLine))
        let openLine = try XCTUnwrap(locks.first { $0.contains("20261123-1042-open") })
        XCTAssertTrue(openLine.hasPrefix("OK       "), String(openLine))
        let elsewhere = try XCTUnwrap(locks.first { $0.contains("20261123-1043-elsewhere") })
        XCTAssertTrue(elsewhere.hasPrefix("WARNING  "), String(elsewhere))
        XCTAssertTrue(elsewhere.contains("another-laptop"), String(elsewhere))
        // The same sentence as opening, and the command that takes it over.
        XCTAssertTrue(elsewhere.contains("save over each other"), String(elsewhere))
        XCTAssertTrue(elsewhere.contains("campfire resume 20261123-1043-elsewhere --data-dir \(data.path)"), String(elsewhere))
        XCTAssertTrue(elsewhere.contains("take it over here"), String(elsewhere))
        XCTAssertTrue(staleLine.contains("is no longer running"), String(staleLine))
        XCTAssertTrue(FileManager.default.fileExists(atPath: stale.path), "doctor only reports; opening the session recovers the lock")
    }

    /// A lock naming a process number now used by another program (this test, with another
    /// start time) is stale, and doctor says why.
    func testALockNamingAReusedProcessNumberIsStale() throws {
        let lock = try lockedSession("20261123-1045-reused", pid: getpid(), host: SessionLock.currentHost())
        let start = try XCTUnwrap(SessionLock.processStartTicks(getpid()))
        let json = #"{"host":"\#(SessionLock.currentHost())","pid":\#(getpid()),"processStart":\#(start + 999),"startedAt":"2026-11-23T10:41:07.123Z"}"#
        try Data(json.utf8).write(to: lock)
        let result = try doctor()
        let lockLine = try line("Locks", in: result)
        XCTAssertTrue(lockLine.hasPrefix("WARNING  "), lockLine)
        XCTAssertTrue(lockLine.contains("process number \(getpid()) now belongs to another program"), lockLine)
    }

    /// A relative XDG_DATA_HOME is ignored, as the XDG specification says, and doctor says so.
    func testARelativeXDGDataHomeIsIgnoredAndSaid() throws {
        var environment = ProcessInfo.processInfo.environment.merging(healthy) { $1 }
        environment.removeValue(forKey: "CAMPFIRE_DATA_DIR")
        environment["XDG_DATA_HOME"] = "relative/share"
        environment["HOME"] = data.path
        let result = try Binary.run(["doctor"], environment: environment)
        let folder = try line("Data folder", in: result)
        XCTAssertTrue(folder.contains("\(data.path)/.local/share/campfire"), folder)
        XCTAssertTrue(folder.contains("XDG_DATA_HOME=relative/share is ignored because it is not a full path"), folder)
    }

    func testAnUnreadableLockIsAProblem() throws {
        let lock = try lockedSession("20261123-1044-broken", pid: 1, host: "x")
        try Data("not json".utf8).write(to: lock)
        let result = try doctor()
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(try line("Locks", in: result).hasPrefix("PROBLEM  "))
    }
}
