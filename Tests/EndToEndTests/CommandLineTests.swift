import Foundation
import XCTest

/// The command line, run as a real program with no terminal.
final class CommandLineTests: XCTestCase {
    var data: URL!

    override func setUpWithError() throws {
        data = try Binary.temporaryDataFolder()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: data)
    }

    func testHelpAndVersion() throws {
        let help = try Binary.run(["--help"])
        XCTAssertEqual(help.status, 0)
        for command in ["new", "resume", "present", "list", "export", "flow"] {
            XCTAssertTrue(help.output.contains(command), "help mentions \(command)")
        }
        let version = try Binary.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertEqual(version.output.trimmingCharacters(in: .whitespacesAndNewlines), "0.1.0")
    }

    func testPrepareListAndExport() throws {
        let made = try Binary.run(["new", "--data-dir", data.path, "--title", "Riverside 🔥 día", "--group", "riverside",
                                   "--participant", "Ann", "--participant", "李明", "--participant", "عائشة", "--prepare"])
        XCTAssertEqual(made.status, 0, made.errors)
        let idLine = try XCTUnwrap(made.output.split(separator: "\n").first { $0.hasPrefix("id:") })
        let id = idLine.split(separator: " ").last.map(String.init)!
        let folder = data.appendingPathComponent("sessions/\(id)")
        XCTAssertTrue(made.output.contains(folder.path))

        // Files are private to their owner.
        for name in ["", "snapshot.json", "journal.jsonl", "summary.json"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path)
            let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
            XCTAssertEqual(mode, name.isEmpty ? 0o700 : 0o600, name)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("lock").path), "the lock is released after --prepare")
        let journal = try String(contentsOf: folder.appendingPathComponent("journal.jsonl"), encoding: .utf8)
        XCTAssertEqual(journal.split(separator: "\n").count, 3)

        let list = try Binary.run(["list", "--data-dir", data.path])
        XCTAssertEqual(list.status, 0, list.errors)
        XCTAssertTrue(list.output.contains("Riverside 🔥 día"))
        XCTAssertTrue(list.output.contains("riverside"))
        XCTAssertTrue(list.output.contains("Welcome"))

        // An unambiguous start of the id is enough.
        let export = try Binary.run(["export", "--data-dir", data.path, String(id.prefix(15)), "--format", "json"])
        XCTAssertEqual(export.status, 0, export.errors)
        let json = try JSONSerialization.jsonObject(with: Data(export.output.utf8)) as? [String: Any]
        let session = try XCTUnwrap(json?["session"] as? [String: Any])
        XCTAssertEqual(session["title"] as? String, "Riverside 🔥 día")
        let record = try XCTUnwrap(session["record"] as? [String: Any])
        let names = (record["participants"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        XCTAssertEqual(names, ["Ann", "李明", "عائشة"])

        let out = data.appendingPathComponent("export.json")
        XCTAssertEqual(try Binary.run(["export", "--data-dir", data.path, id, "-o", out.path]).status, 0)
        XCTAssertEqual(try Data(contentsOf: out), Data(export.output.utf8))
    }

    func testPlainErrorsAndNonZeroExit() throws {
        let missing = try Binary.run(["export", "--data-dir", data.path, "nope"])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.errors.contains("There is no session called \"nope\""), missing.errors)
        XCTAssertFalse(missing.errors.contains("Fatal"), missing.errors)

        let template = try Binary.run(["new", "--data-dir", data.path, "--title", "X", "--template", "nonsense", "--prepare"])
        XCTAssertNotEqual(template.status, 0)
        XCTAssertTrue(template.errors.contains("The built-in templates are"), template.errors)

        let blank = try Binary.run(["new", "--data-dir", data.path, "--title", "  ", "--prepare"])
        XCTAssertNotEqual(blank.status, 0)
        XCTAssertTrue(blank.errors.contains("Please give the workshop a title"), blank.errors)
    }

    /// A data folder that is not there (an unplugged USB stick) or is a file is not an empty
    /// one: every command that only reads says so, naming the path, and exits non-zero.
    func testAMissingDataFolderOrAFileIsAPlainErrorNotAnEmptyList() throws {
        let missing = data.appendingPathComponent("usb-stick/campfire").path
        let file = data.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        for folder in [missing, file.path] {
            for arguments in [["list"], ["export", "20261203"], ["erase", "20261203", "--yes"], ["repair", "20261203", "--yes"], ["resume", "20261203"], ["present", "20261203"]] {
                let result = try Binary.run(arguments + ["--data-dir", folder])
                XCTAssertNotEqual(result.status, 0, "\(arguments) \(folder)")
                XCTAssertTrue(result.errors.contains(folder), "\(arguments): \(result.errors)")
                XCTAssertFalse(result.output.contains("No workshops yet"), result.output)
            }
        }
        XCTAssertTrue(try Binary.run(["list", "--data-dir", missing]).errors.contains("does not exist"))
        XCTAssertTrue(try Binary.run(["list", "--data-dir", file.path]).errors.contains("is a file, not a folder"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: missing), "nothing is made by a command that only reads")
        // new makes the folder on purpose.
        XCTAssertEqual(try Binary.run(["new", "--prepare", "--title", "T", "--data-dir", missing]).status, 0)
    }

    func testAnEmptyDataDirIsAnErrorNotTheUsualFolder() throws {
        let result = try Binary.run(["list", "--data-dir", ""], environment: ["HOME": data.path])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.errors.contains("--data-dir was given an empty folder name"), result.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: data.appendingPathComponent(".local").path))
    }

    /// Every printed follow-up command works when pasted: the options it needs are in it.
    func testThePrintedResumeCommandCarriesTheDataFolder() throws {
        let spaced = data.appendingPathComponent("my data").path
        let made = try Binary.run(["new", "--prepare", "--title", "T", "--data-dir", spaced])
        XCTAssertEqual(made.status, 0, made.errors)
        let line = try XCTUnwrap(made.output.split(separator: "\n").first { $0.contains("open it with:") })
        let command = String(line.split(separator: ":", maxSplits: 1)[1]).trimmingCharacters(in: .whitespaces)
        XCTAssertTrue(command.hasSuffix("--data-dir '\(spaced)'"), command)
        // Split as a shell splits it when pasted: the id, then the options, which work.
        let words = try shellWords(command)
        XCTAssertEqual(Array(words.prefix(2)), ["campfire", "resume"])
        let listed = try Binary.run(["list"] + Array(words.dropFirst(3)))  // the same options, on list
        XCTAssertTrue(listed.output.contains(String(words[2])), listed.output + listed.errors)
    }

    /// Splits a command as the shell would (by asking the shell).
    private func shellWords(_ command: String) throws -> [String] {
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", "for w in \(command); do printf '%s\\0' \"$w\"; done"]
        let pipe = Pipe()
        shell.standardOutput = pipe
        try shell.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        shell.waitUntilExit()
        return out.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
    }

    func testNoTerminalGivesOneLineAndCreatesNothing() throws {
        let result = try Binary.run(["new", "--data-dir", data.path, "--title", "No terminal"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.errors.contains("not a terminal"), result.errors)
        let sessions = (try? FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("sessions").path)) ?? []
        XCTAssertEqual(sessions, [], "no session is made when there is no terminal")
    }

    func testFlowGraphIsAcceptedByGraphviz() throws {
        for template in ["standard", "principles-only", "stories-and-goal"] {
            let flow = try Binary.run(["flow", "--data-dir", data.path, "--template", template, "--format", "dot"])
            XCTAssertEqual(flow.status, 0, flow.errors)
            XCTAssertTrue(flow.output.contains("Shared goal") || template == "principles-only")
            let dot = Process()
            dot.executableURL = URL(fileURLWithPath: "/usr/bin/dot")
            dot.arguments = ["-Tsvg", "-o", "/dev/null"]
            let input = Pipe()
            let errors = Pipe()
            dot.standardInput = input
            dot.standardError = errors
            try dot.run()
            input.fileHandleForWriting.write(Data(flow.output.utf8))
            try input.fileHandleForWriting.close()
            dot.waitUntilExit()
            XCTAssertEqual(dot.terminationStatus, 0, String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self))
        }
        let mermaid = try Binary.run(["flow", "--format", "mermaid"])
        XCTAssertTrue(mermaid.output.hasPrefix("stateDiagram-v2"))
    }
}
