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
