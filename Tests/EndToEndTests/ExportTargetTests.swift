import Foundation
import XCTest
import Persistence

/// Where `campfire export -o PATH` writes a one-file export (found in the trial run: a folder as
/// the target gave "It is a folder, not a file: … The previous version is still there.", and
/// "newdir/" quietly became a file called "newdir").
final class ExportTargetTests: TerminalTestCase {

    func testAFolderAsTheTargetOfAOneFileExportIsRefusedPlainly() throws {
        let id = try PrintoutSessions.make(in: data, id: "20261123-1000-beef")
        let folder = data.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let names = ["html": "report.html", "markdown": "report.md", "csv": "actions.csv", "json": "session.json"]
        for (format, name) in names {
            for target in [folder.path, folder.path + "/"] {
                let run = try Binary.run(["export", id, "--format", format, "-o", target, "--data-dir", data.path])
                XCTAssertEqual(run.status, 1, "\(format) \(target)")
                XCTAssertEqual(run.errors, "Error: \(target) is a folder. A \(format) export is one file: give its name, for example -o \(folder.path)/\(name)\n",
                               "\(format) \(target)")
            }
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [], "nothing written")
    }

    func testAPathEndingInASlashNeverBecomesAFile() throws {
        let id = try PrintoutSessions.make(in: data, id: "20261123-1000-beef")
        let target = data.appendingPathComponent("newdir").path + "/"
        let run = try Binary.run(["export", id, "--format", "csv", "-o", target, "--data-dir", data.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.errors.contains("is a folder. A csv export is one file"), run.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: data.appendingPathComponent("newdir").path), "no file called newdir")
    }

    func testAMissingFolderIsNamed() throws {
        let id = try PrintoutSessions.make(in: data, id: "20261123-1000-beef")
        let missing = data.appendingPathComponent("no-such-folder")
        let run = try Binary.run(["export", id, "--format", "html", "-o", missing.appendingPathComponent("r.html").path, "--data-dir", data.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.errors, "Error: There is no folder \(missing.path) to put the export in. Make it first, or choose another place.\n")
    }

    /// Letters still go into a folder, as exports.md says.
    func testLettersStillGoIntoAFolder() throws {
        let id = try PrintoutSessions.make(in: data, id: "20261123-1000-beef")
        let target = data.appendingPathComponent("letters").path + "/"
        for format in ["letters", "html-letters"] {
            let run = try Binary.run(["export", id, "--format", format, "-o", target, "--data-dir", data.path])
            XCTAssertEqual(run.status, 0, run.errors)
        }
        XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: target).isEmpty)
    }
}
