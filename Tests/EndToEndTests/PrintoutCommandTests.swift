import Foundation
import XCTest
import Persistence
import Workshop

/// Sessions on disk for the printout tests: the sample, and five people whose names need four scripts.
enum PrintoutSessions {
    static let fiveNames = ["Zoë", "李小龍", "Amal", "مريم", "Tom"]

    /// The sample workshop run through with the given four names, plus `extra` events, saved in `data`.
    static func make(in data: URL, id: String, names: [String] = ["Maya", "Tom", "Priya", "Sam"], group: String = "riverside",
                     start: Date = SessionMaker.start, extra: [SessionEvent] = []) throws -> String {
        let template = try ContentLibrary.load().template(named: "standard")
        let library = SessionLibrary(dataFolder: DataFolder(url: data))
        let store = try library.create(Session(id: id, title: "Riverside day service", group: group, facilitator: "Jo",
                                               createdAt: start, template: template), at: start)
        for (event, seconds) in SampleWorkshop.events(template: template, names: names) {
            try store.record(event, at: start.addingTimeInterval(seconds))
        }
        for (index, event) in extra.enumerated() {
            try store.record(event, at: start.addingTimeInterval(20_000 + Double(index)))
        }
        store.close(at: start.addingTimeInterval(30_000))
        return id
    }

    /// Zoë, 李小龍, Amal, مريم and Tom, each with an action; an earlier workshop of their group
    /// (two months before) gives the report its "over time" charts.
    static func fivePeople(in data: URL) throws -> String {
        _ = try make(in: data, id: "20260923-1000-0001", names: Array(fiveNames.prefix(4)), group: "hillside",
                     start: SessionMaker.start.addingTimeInterval(-86_400 * 61),
                     extra: [.agreePrinciple(principle: .assets, stage: 1, rag: .red, evidence: "Earlier words"),
                             .agreePrinciple(principle: .networks, stage: 2, rag: .amber, evidence: "Earlier words")])
        return try make(in: data, id: "20261123-1000-0002", names: Array(fiveNames.prefix(4)), group: "hillside", extra: [
            .addParticipant(Participant(id: "p5", name: "Tom", perspective: .other)),
            .addAction(Action(id: "a15", idea: "i12", what: "Bring tea and cake to the next meeting", who: ["p5", "p4"],
                              when: Day(year: 2026, month: 12, day: 7), how: "Ask the café for cups")),
        ])
    }
}

/// `campfire export --format html` and `html-letters`, run as a user would.
final class PrintoutCommandTests: XCTestCase {
    var data: URL!

    override func setUpWithError() throws { data = try Binary.temporaryDataFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: data) }

    func testReportAndLettersAsWebPages() throws {
        let id = try PrintoutSessions.make(in: data, id: "20261123-1000-beef")
        let file = data.appendingPathComponent("report.html")
        let report = try Binary.run(["export", "--data-dir", data.path, id, "--format", "html", "-o", file.path])
        XCTAssertEqual(report.status, 0, report.errors)
        XCTAssertEqual(SessionMaker.mode(file.path), 0o600)
        let html = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("The bus that waited"))
        XCTAssertFalse(html.contains("Asking, not telling"), "kept in the group, not shared")
        XCTAssertFalse(html.contains("Something private"), "room only")
        XCTAssertFalse(html.contains("<h2>Over time</h2>"), "no earlier workshop of this group")

        let toScreen = try Binary.run(["export", "--data-dir", data.path, id, "--format", "HTML", "--anonymise"])
        XCTAssertEqual(toScreen.status, 0, toScreen.errors)
        for name in ["Maya", "Tom", "Priya", "Sam", "Jo"] {
            XCTAssertFalse(SessionMaker.hasWord(name, in: toScreen.output), name)
        }

        let folder = data.appendingPathComponent("letters", isDirectory: true)
        let letters = try Binary.run(["export", "--data-dir", data.path, id, "--format", "html-letters", "--easy-read", "-o", folder.path + "/"])
        XCTAssertEqual(letters.status, 0, letters.errors)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(),
                       ["letter-1-maya.html", "letter-2-tom.html", "letter-3-priya.html", "letter-4-sam.html"])
        XCTAssertEqual(SessionMaker.mode(folder.path), 0o700)
        let maya = try String(contentsOf: folder.appendingPathComponent("letter-1-maya.html"), encoding: .utf8)
        XCTAssertTrue(maya.contains("<article class=\"letter large easy\">"), "Maya's needs ask for large print")
        XCTAssertTrue(maya.contains("Hello Maya"))

        let large = try Binary.run(["export", "--data-dir", data.path, id, "--format", "html-letters", "--large-print"])
        XCTAssertEqual(large.status, 0, large.errors)
        XCTAssertEqual(large.output.components(separatedBy: "<article class=\"letter large\">").count - 1, 4)
    }

    func testTheReportShowsEarlierWorkshopsOfTheGroupOverTime() throws {
        let id = try PrintoutSessions.fivePeople(in: data)
        let run = try Binary.run(["export", "--data-dir", data.path, id, "--format", "html"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.contains("<h2>Over time</h2>"))
        XCTAssertTrue(run.output.contains("23 September 2026: stage 1, RED ■; 23 November 2026: stage 2, AMBER ▲."), "the chart said in words")
        XCTAssertFalse(run.output.contains("Earlier words"), "only scores come from the earlier workshop")
    }

    func testAPlanWithNoActionsSaysSoInOneLineAndFails() throws {
        let id = try PrintoutSessions.make(in: data, id: "20261123-1000-beef", extra: [.deleteAction(id: "a13"), .deleteAction(id: "a14")])
        for format in ["letters", "html-letters"] {
            let run = try Binary.run(["export", "--data-dir", data.path, id, "--format", format])
            XCTAssertEqual(run.status, 1, format)
            XCTAssertEqual(run.output, "", format)
            XCTAssertEqual(run.errors.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").count, 1, run.errors)
            XCTAssertTrue(run.errors.contains("Nobody has an action in this workshop yet, so there are no letters to write."), run.errors)
        }
        let notes = try Binary.run(["export", "--data-dir", data.path, id, "--format", "letters", "--everyone"])
        XCTAssertEqual(notes.status, 0, notes.errors)
        XCTAssertTrue(notes.output.contains("You did not take on an action this time"))
    }

    func testLargePrintAndEasyReadAreForWebPageLetters() throws {
        let id = try PrintoutSessions.make(in: data, id: "20261123-1000-beef")
        let run = try Binary.run(["export", "--data-dir", data.path, id, "--format", "letters", "--easy-read"])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.errors.contains("--easy-read is for letters as a web page: add --format html-letters."), run.errors)
        XCTAssertEqual(run.output, "")
    }
}
