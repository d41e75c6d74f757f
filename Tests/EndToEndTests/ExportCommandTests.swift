import Foundation
import XCTest
import Persistence
import Workshop

/// Makes sessions on disk for the command-line tests, through the real store.
enum SessionMaker {
    static let start = Date(timeIntervalSince1970: 1_795_430_467)

    /// The sample workshop, all the way through (or up to a step), saved in `data`. Returns its id.
    static func sample(in data: URL, id: String = "20261123-1000-beef", upTo step: FlowStep? = nil, extra: [SessionEvent] = []) throws -> String {
        let template = try ContentLibrary.load().template(named: "standard")
        let library = SessionLibrary(dataFolder: DataFolder(url: data))
        let store = try library.create(Session(id: id, title: "Riverside day service", group: "riverside", facilitator: "Jo",
                                               createdAt: start, template: template), at: start)
        for (event, seconds) in SampleWorkshop.events(template: template, upTo: step) {
            try store.record(event, at: start.addingTimeInterval(seconds))
        }
        for (index, event) in extra.enumerated() {
            try store.record(event, at: start.addingTimeInterval(20_000 + Double(index)))
        }
        store.close(at: start.addingTimeInterval(30_000))
        return id
    }

    static func mode(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    static func hasWord(_ word: String, in text: String) -> Bool {
        text.range(of: "\\b\(NSRegularExpression.escapedPattern(for: word))\\b", options: [.regularExpression, .caseInsensitive]) != nil
    }
}

/// `campfire export`, run as a user would.
final class ExportCommandTests: XCTestCase {
    var data: URL!

    override func setUpWithError() throws { data = try Binary.temporaryDataFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: data) }

    func testEveryFormatFromTheCommandLine() throws {
        let id = try SessionMaker.sample(in: data)

        let report = data.appendingPathComponent("report.md")
        let markdown = try Binary.run(["export", "--data-dir", data.path, id, "--format", "markdown", "-o", report.path])
        XCTAssertEqual(markdown.status, 0, markdown.errors)
        XCTAssertEqual(SessionMaker.mode(report.path), 0o600)
        let text = try String(contentsOf: report, encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("# Riverside day service\n"), text)
        XCTAssertTrue(text.contains("The bus that waited"))
        XCTAssertFalse(text.contains("Asking, not telling"), "kept in the group, not shared")
        XCTAssertFalse(text.contains("Something private"), "room only")

        let csv = try Binary.run(["export", "--data-dir", data.path, id, "--format", "csv"])
        XCTAssertEqual(csv.status, 0, csv.errors)
        XCTAssertTrue(csv.output.hasPrefix("what,who,when,how,status,principles\r\n"))
        XCTAssertTrue(csv.output.contains("Make the swap board,Maya; Tom,2026-12-04,Cork board from the office,planned,"))

        let letters = try Binary.run(["export", "--data-dir", data.path, id, "--format", "letters"])
        XCTAssertEqual(letters.status, 0, letters.errors)
        let pages = letters.output.split(separator: "\u{0C}", omittingEmptySubsequences: false)
        XCTAssertEqual(pages.count, 4)
        XCTAssertTrue(pages[0].contains("Dear Maya,"))

        let folder = data.appendingPathComponent("letters", isDirectory: true)
        let toFolder = try Binary.run(["export", "--data-dir", data.path, id, "--format", "letters", "-o", folder.path + "/"])
        XCTAssertEqual(toFolder.status, 0, toFolder.errors)
        XCTAssertEqual(SessionMaker.mode(folder.path), 0o700)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        XCTAssertEqual(files, ["letter-1-maya.txt", "letter-2-tom.txt", "letter-3-priya.txt", "letter-4-sam.txt"])
        for file in files {
            XCTAssertEqual(SessionMaker.mode(folder.appendingPathComponent(file).path), 0o600, file)
        }
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("letter-2-tom.txt"), encoding: .utf8), String(pages[1]))

        let json = try Binary.run(["export", "--data-dir", data.path, id, "--format", "json"])
        XCTAssertEqual(json.status, 0, json.errors)
        XCTAssertTrue(json.output.contains("The bus that waited"))
        XCTAssertFalse(json.output.contains("Asking, not telling"))
    }

    func testAnonymisedExportsNameNobody() throws {
        let id = try SessionMaker.sample(in: data, extra: [
            .agreePrinciple(principle: .work, stage: 2, rag: .amber, evidence: "Tom and MAYA plan it; Jo helps Sam's group"),
        ])
        for format in ["markdown", "csv", "json", "letters"] {
            let run = try Binary.run(["export", "--data-dir", data.path, id, "--format", format, "--anonymise"])
            XCTAssertEqual(run.status, 0, run.errors)
            for name in ["Maya", "Tom", "Priya", "Sam", "Jo"] {
                XCTAssertFalse(SessionMaker.hasWord(name, in: run.output), "\(format) names \(name):\n\(run.output)")
            }
            XCTAssertTrue(run.output.contains("Person 1"), format)
        }
        let folder = data.appendingPathComponent("anon", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        XCTAssertEqual(try Binary.run(["export", "--data-dir", data.path, id, "--format", "letters", "--anonymise", "-o", folder.path]).status, 0)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(),
                       ["letter-1-person-1.txt", "letter-2-person-2.txt", "letter-3-person-3.txt", "letter-4-person-4.txt"])
    }

    func testPlainErrorsForAnUnknownFormatAndAMissingSession() throws {
        let id = try SessionMaker.sample(in: data)
        let format = try Binary.run(["export", "--data-dir", data.path, id, "--format", "pdf"])
        XCTAssertNotEqual(format.status, 0)
        XCTAssertTrue(format.errors.contains("Campfire cannot export as \"pdf\". Choose one of: html, markdown, csv, json, letters, html-letters."), format.errors)
        XCTAssertFalse(format.errors.contains("Fatal"))

        let missing = try Binary.run(["export", "--data-dir", data.path, "20991231", "--format", "markdown"])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.errors.contains("There is no session called \"20991231\""), missing.errors)
        XCTAssertTrue(missing.output.isEmpty)
    }
}
