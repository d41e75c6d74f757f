import Foundation
import XCTest

/// `Scripts/install` into a prefix of its own (`.build-install/test-prefix`), then the installed program used from another folder,
/// as a facilitator would after following docs/install.md.
///
/// The install is a release build (two, to compare start-up times), so it runs once per test
/// process, whichever test asks first; set CAMPFIRE_SKIP_INSTALL_TESTS=1 to leave it out.
final class InstallTests: XCTestCase {
    func testInstalledProgramRunsFromAnotherFolder() throws {
        let installed = try Installation.shared()
        let elsewhere = try Binary.temporaryDataFolder()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        let program = installed.prefix.appendingPathComponent("bin/campfire")

        let version = try Command.run(program, ["--version"], in: elsewhere)
        XCTAssertEqual(version.status, 0, version.output)
        XCTAssertEqual(version.output.trimmingCharacters(in: .whitespacesAndNewlines), "0.1.0")

        let data = elsewhere.appendingPathComponent("data")
        let doctor = try Command.run(program, ["doctor", "--data-dir", data.path], in: elsewhere,
                                     environment: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "", "CAMPFIRE_RESOURCES": ""])
        XCTAssertEqual(doctor.status, 0, doctor.output)
        let bundle = installed.prefix.appendingPathComponent("share/campfire/Campfire_Workshop.resources").path
        XCTAssertTrue(doctor.output.contains("OK       Content files: found in \(bundle)"), doctor.output)

        let flow = try Command.run(program, ["flow", "--format", "dot"], in: elsewhere, environment: ["CAMPFIRE_RESOURCES": ""])
        XCTAssertEqual(flow.status, 0, flow.output)
        XCTAssertTrue(flow.output.hasPrefix("digraph \"campfire_standard\""), flow.output)
        // Stage names come from the content files: the principles' names prove they were read.
        XCTAssertTrue(flow.output.contains("Recognising people as assets"), flow.output)
    }

    func testManualPageReadsWithMan() throws {
        let installed = try Installation.shared()
        let page = installed.prefix.appendingPathComponent("share/man/man1/campfire.1")
        let man = try Command.run(URL(fileURLWithPath: "/usr/bin/env"), ["man", "-l", page.path], in: FileManager.default.temporaryDirectory,
                                  environment: ["MANWIDTH": "80", "MANPAGER": "cat", "PAGER": "cat", "LANG": "C.UTF-8"])
        XCTAssertEqual(man.status, 0, man.output)
        let text = Manual.plain(man.output)
        XCTAssertTrue(text.contains("CAMPFIRE(1)"), text)
        XCTAssertTrue(text.contains("campfire - run a co-production workshop"), text)
        XCTAssertFalse(text.contains("BSD General Commands Manual"), text)
        XCTAssertTrue(text.contains("doctor"), text)
    }

    func testInstallReportsBothStartUpTimes() throws {
        let installed = try Installation.shared()
        // The timings are printed with the test results, to be read in one place.
        print(installed.log.split(separator: "\n").filter { $0.contains("median") || $0.hasPrefix("Installing the program") }.joined(separator: "\n"))
        XCTAssertTrue(installed.log.contains("shared Swift libraries:"), installed.log)
        XCTAssertTrue(installed.log.contains("one static program:"), installed.log)
        XCTAssertTrue(installed.log.contains("Installed Campfire 0.1.0"), installed.log)
    }

    func testUninstallRemovesExactlyWhatInstallPut() throws {
        let installed = try Installation.shared()
        // Uninstall a copy, so the other tests keep their installed program whatever the order.
        let copy = try Binary.temporaryDataFolder().appendingPathComponent("prefix")
        defer { try? FileManager.default.removeItem(at: copy.deletingLastPathComponent()) }
        XCTAssertEqual(try Command.run(URL(fileURLWithPath: "/bin/cp"), ["-a", installed.prefix.path, copy.path], in: copy.deletingLastPathComponent()).status, 0)
        let manifest = copy.appendingPathComponent("share/campfire/install-manifest")
        let listed = try String(contentsOf: manifest, encoding: .utf8).replacingOccurrences(of: installed.prefix.path, with: copy.path)
        try Data(listed.utf8).write(to: manifest)
        // Something of the user's own in a folder install also uses is kept, and so is that folder.
        let own = copy.appendingPathComponent("share/man/man1/someone-else.1")
        try Data("keep me\n".utf8).write(to: own)

        let uninstall = try Command.run(Installation.packageRoot.appendingPathComponent("Scripts/uninstall"), [copy.path], in: copy.deletingLastPathComponent())
        XCTAssertEqual(uninstall.status, 0, uninstall.output)
        XCTAssertFalse(uninstall.output.contains("Skipping"), uninstall.output)
        let left = try FileManager.default.subpathsOfDirectory(atPath: copy.path).sorted()
        XCTAssertEqual(left, ["share", "share/man", "share/man/man1", "share/man/man1/someone-else.1"])
    }
}

/// Every command and option is in the manual page and in each shell's completions.
///
/// The commands are read from the installed program's `--experimental-dump-help`, so a new
/// command or option is checked without changing this test.
final class ManualAndCompletionTests: XCTestCase {
    struct DumpedCommand: Decodable {
        var commandName: String
        var shouldDisplay: Bool?
        var arguments: [Argument]?
        var subcommands: [DumpedCommand]?
    }

    struct Argument: Decodable {
        struct Name: Decodable {
            var kind: String
            var name: String
        }

        var kind: String
        var names: [Name]?
        var shouldDisplay: Bool?
    }

    struct Dump: Decodable { var command: DumpedCommand }

    /// Each shown command with its path of names ("campfire flow") and its options' spellings.
    func commands() throws -> [(path: [String], options: [String])] {
        let program = try Installation.shared().prefix.appendingPathComponent("bin/campfire")
        let dump = try Command.run(program, ["--experimental-dump-help"], in: FileManager.default.temporaryDirectory)
        XCTAssertEqual(dump.status, 0)
        let root = try JSONDecoder().decode(Dump.self, from: Data(dump.output.utf8)).command
        var found: [(path: [String], options: [String])] = []
        func walk(_ command: DumpedCommand, path: [String]) {
            guard command.shouldDisplay ?? true else { return }
            let options = (command.arguments ?? [])
                .filter { $0.kind != "positional" && ($0.shouldDisplay ?? true) }
                .flatMap { $0.names ?? [] }
                .map { $0.kind == "short" ? "-\($0.name)" : "--\($0.name)" }
            found.append((path, options))
            for sub in command.subcommands ?? [] { walk(sub, path: path + [sub.commandName]) }
        }
        walk(root, path: [root.commandName])
        return found
    }

    func installedText(_ relative: String) throws -> String {
        try String(contentsOf: Installation.shared().prefix.appendingPathComponent(relative), encoding: .utf8)
    }

    func testTheWalkFindsTheCommands() throws {
        let names = try commands().map { $0.path.joined(separator: " ") }
        for expected in ["campfire new", "campfire flow", "campfire doctor", "campfire export"] {
            XCTAssertTrue(names.contains(expected), "\(names)")
        }
    }

    func testManualPageHasEveryCommandAndOption() throws {
        let page = ManualPage.plain(try installedText("share/man/man1/campfire.1"))
        let shared = ManualPage.section("OPTIONS", of: page)
        for (path, options) in try commands() {
            // Each command is a `.TP` item "campfire NAME …" in COMMANDS with its own options;
            // the options every command takes are described once, under OPTIONS.
            let own = path.count == 1 ? shared : try XCTUnwrap(ManualPage.entry(path.joined(separator: " "), in: page),
                                                                "the manual page lacks \(path.joined(separator: " "))")
            for option in options {
                XCTAssertTrue(ManualPage.names(own).contains(option) || ManualPage.names(shared).contains(option),
                              "the manual page lacks \(option) of \(path.joined(separator: " "))")
            }
        }
    }

    func testBashCompletionHasEveryCommandAndOption() throws {
        let script = try installedText("share/bash-completion/completions/campfire")
        for (path, options) in try commands() {
            let body = try XCTUnwrap(Self.function("_" + path.joined(separator: "_"), in: script, opening: "() {"), "bash completion lacks \(path)")
            for option in options { XCTAssertTrue(body.contains(option), "bash completion lacks \(option) of \(path)") }
        }
    }

    func testZshCompletionHasEveryCommandAndOption() throws {
        let script = try installedText("share/zsh/site-functions/_campfire")
        for (path, options) in try commands() {
            let body = try XCTUnwrap(Self.function("_" + path.joined(separator: "_"), in: script, opening: "() {"), "zsh completion lacks \(path)")
            for option in options {
                let name = option.drop(while: { $0 == "-" })
                XCTAssertTrue(body.contains("'\(option)[") || body.contains("'*\(option)[") || body.contains(",\(option)}") || body.contains("{\(option),"), "zsh completion lacks \(option) (\(name)) of \(path)")
            }
        }
    }

    func testFishCompletionHasEveryCommandAndOption() throws {
        let script = try installedText("share/fish/vendor_completions.d/campfire.fish")
        let lines = script.split(separator: "\n").map(String.init)
        for (path, options) in try commands() {
            let command = "\"\(path.joined(separator: " "))\""
            if path.count > 1 {
                XCTAssertTrue(lines.contains { $0.contains("-fa '\(path.last!)'") }, "fish completion lacks \(path)")
            }
            for option in options {
                let spelling = option.hasPrefix("--") ? "-l '\(option.dropFirst(2))'" : "-s '\(option.dropFirst())'"
                XCTAssertTrue(lines.contains { $0.contains(command) && $0.contains(spelling) }, "fish completion lacks \(option) of \(path)")
            }
        }
    }

    /// The text of a shell function from its opening line to the next line that is only `}`.
    static func function(_ name: String, in script: String, opening: String) -> String? {
        guard let start = script.range(of: "\n\(name)\(opening)") else { return nil }
        let rest = script[start.upperBound...]
        let end = rest.range(of: "\n}\n")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }
}

// MARK: - Helpers

/// The one installation the tests share.
enum Installation {
    struct Installed: Sendable {
        var prefix: URL
        /// What Scripts/install printed.
        var log: String
    }

    struct Failed: Error, Sendable, CustomStringConvertible {
        var description: String
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Runs Scripts/install the first time it is asked for, never again in this process.
    static func shared() throws -> Installed {
        if let skip = ProcessInfo.processInfo.environment["CAMPFIRE_SKIP_INSTALL_TESTS"], !skip.isEmpty {
            throw XCTSkip("CAMPFIRE_SKIP_INSTALL_TESTS is set")
        }
        return try once.get()
    }

    private static let once: Result<Installed, Failed> = {
        // One fixed place, emptied first, so repeated test runs do not leave installs behind.
        let prefix = packageRoot.appendingPathComponent(".build-install/test-prefix", isDirectory: true)
        try? FileManager.default.removeItem(at: prefix)
        do {
            let result = try Command.run(packageRoot.appendingPathComponent("Scripts/install"), [prefix.path], in: FileManager.default.temporaryDirectory)
            guard result.status == 0 else {
                return .failure(Failed(description: "Scripts/install failed (\(result.status)):\n\(result.output)"))
            }
            return .success(Installed(prefix: prefix, log: result.output))
        } catch {
            return .failure(Failed(description: "Scripts/install could not be started: \(error)"))
        }
    }()
}

/// Runs any program with its output and errors together, as a terminal would show them.
enum Command {
    struct Result {
        var status: Int32
        var output: String
    }

    static func run(_ program: URL, _ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}

/// `man`'s output as plain text: no bold or underline by overstriking, no colour codes.
enum Manual {
    static func plain(_ text: String) -> String {
        var scalars: [Unicode.Scalar] = []
        var input = Array(text.unicodeScalars)[...]
        while let scalar = input.popFirst() {
            if scalar == "\u{8}" { if !scalars.isEmpty { scalars.removeLast() }; continue }
            if scalar == "\u{1B}" {
                while let next = input.popFirst(), !("a"..."z" ~= next || "A"..."Z" ~= next) {}
                continue
            }
            scalars.append(scalar)
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
