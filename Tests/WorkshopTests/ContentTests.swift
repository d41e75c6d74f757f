import XCTest
@testable import Workshop

final class ContentTests: XCTestCase {

    func testBuiltInContentIsComplete() throws {
        let library = try ContentLibrary.load()
        XCTAssertEqual(library.principles.problems, [])
        XCTAssertEqual(library.prompts.problems, [])
        XCTAssertEqual(library.principles.principles.map(\.id), PrincipleID.allCases)
        for guide in library.principles.principles {
            XCTAssertEqual(guide.stages.map(\.stage), [1, 2, 3, 4], guide.name)
            XCTAssertFalse(guide.explanation.isEmpty)
        }
        XCTAssertGreaterThanOrEqual(library.glossary.entries.count, 60)
        XCTAssertTrue(library.principles.source.contains("Inclusion North"))
    }

    func testGlossaryFindsWholeWordsLongestFirst() throws {
        let glossary = try Glossary.parse("""
        # a comment
        service user = person
        user = person
        personal budget = your own money for support / your budget
        signpost = point people to
        """, file: "g.txt")
        let text = "Every Service User should get a personal budget; signposting is not signpost."
        let matches = glossary.matches(in: text)
        XCTAssertEqual(matches.map(\.entry.term), ["service user", "personal budget", "signpost"])
        XCTAssertEqual(matches.map(\.start), [6, 32, 68])
        XCTAssertEqual(matches[1].entry.plain, ["your own money for support", "your budget"])
    }

    func testGlossaryErrorsNameTheLine() {
        XCTAssertThrowsError(try Glossary.parse("a = b\n\nno equals sign here\n", file: "mine.txt")) { error in
            XCTAssertEqual((error as? PlainFileError)?.description, "mine.txt, line 3: each line should look like \"jargon = plain words\".")
        }
        XCTAssertThrowsError(try Glossary.parse("care package = \n", file: "mine.txt")) { error in
            XCTAssertEqual((error as? PlainFileError)?.line, 1)
        }
    }

    func testUserContentOverridesAndAddsToGlossary() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("campfire-content-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "frobnicate = do\n".write(to: folder.appendingPathComponent("glossary.txt"), atomically: false, encoding: .utf8)
        let library = try ContentLibrary.load(overrides: folder)
        XCTAssertEqual(library.glossary.matches(in: "we frobnicate").first?.entry.plain, ["do"])
        XCTAssertFalse(library.glossary.matches(in: "a care package").isEmpty, "built-in entries are kept")
    }

    func testBrokenTemplateFileIsExplained() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("campfire-template-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        try """
        {"name": "mine", "title": "Mine", "description": "x",
         "stages": [{"stage": "welcome", "minutes": 10}, {"stage": "dancing", "minutes": 5}],
         "dotsPerPerson": 3, "smallMovementDays": 28}
        """.write(to: file, atomically: false, encoding: .utf8)
        let library = try ContentLibrary.load()
        XCTAssertThrowsError(try library.template(named: file.path)) { error in
            let plain = (error as? PlainFileError)?.description ?? ""
            XCTAssertTrue(plain.hasPrefix(file.path), plain)
            XCTAssertTrue(plain.contains("stages → item 2 → stage"), plain)
        }
        try """
        {"name": "mine", "title": "Mine", "description": "x", "stages": [{"stage": "welcome", "minutes": 10}, {"stage": "welcome", "minutes": 5}], "dotsPerPerson": 3, "smallMovementDays": 28}
        """.write(to: file, atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try library.template(named: file.path)) { error in
            XCTAssertEqual((error as? PlainFileError)?.problem, "The stage \"welcome\" appears twice.")
        }
        XCTAssertThrowsError(try library.template(named: "no-such-template")) { error in
            XCTAssertTrue("\(error)".contains("The built-in templates are: standard, principles-only, stories-and-goal."))
        }
    }
}
