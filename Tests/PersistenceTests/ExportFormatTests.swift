import Foundation
import XCTest
@testable import Persistence
import Workshop

/// Each export format, read back by a real parser.
final class ExportFormatTests: XCTestCase {

    // MARK: Markdown

    /// Summarises cmark-gfm's XML: the kinds of node, the headings and the tables' cell texts.
    private static let summariseXML = #"""
import sys, json, xml.etree.ElementTree as ET
ns = '{http://commonmark.org/xml/1.0}'
root = ET.fromstring(sys.stdin.buffer.read())
def text(e):
    return ''.join(t.text or '' for t in e.iter() if t.tag == ns + 'text')
print(json.dumps({
    'kinds': sorted({e.tag.replace(ns, '') for e in root.iter()}),
    'headings': [[int(e.get('level')), text(e)] for e in root.iter(ns + 'heading')],
    'tables': [[[text(c) for c in row] for row in t] for t in root.iter(ns + 'table')],
    'paragraphs': [text(e) for e in root.iter(ns + 'paragraph')],
}))
"""#

    struct Parsed: Decodable {
        var kinds: [String]
        var headings: [[Heading]]
        var tables: [[[String]]]
        var paragraphs: [String]
        enum Heading: Decodable {
            case level(Int), text(String)
            init(from decoder: Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let number = try? container.decode(Int.self) { self = .level(number) } else { self = .text(try container.decode(String.self)) }
            }
            var number: Int? { if case .level(let n) = self { return n }; return nil }
            var string: String? { if case .text(let s) = self { return s }; return nil }
        }
        func headings(level: Int) -> [String] {
            headings.filter { $0.first?.number == level }.compactMap { $0.last?.string }
        }
    }

    private func parse(_ markdown: String) throws -> Parsed {
        let cmark = try XCTUnwrap(findTool("cmark-gfm"), "cmark-gfm is needed: run Scripts/setup-tests")
        let xml = try runTool(cmark, ["--extension", "table", "--to", "xml"], input: Data(markdown.utf8))
        XCTAssertEqual(xml.status, 0, xml.errors)
        let summary = try runPython(Self.summariseXML, input: xml.output)
        XCTAssertEqual(summary.status, 0, summary.errors)
        return try JSONDecoder().decode(Parsed.self, from: summary.output)
    }

    static let trickyTitle = "# Not *a* heading | `x` <b>"
    static let trickyEvents: [SessionEvent] = [
        .editStory(Story(id: "s5", teller: "p1", title: trickyTitle,
                         whatHappened: "line one\n- not a list\n1. not numbered\n---\n<script>x</script> `code` [link](http://x.org) ![img](y)",
                         smallThing: "    indented\n> not a quote\n_under_ **bold** \\ back & &amp; ~~strike~~", consent: .share)),
        .addIdea(Idea(id: "i30", text: "pipes | in | ideas & <b>bold</b>", principles: [.work], proposedBy: "p2")),
        .addAction(Action(id: "a31", idea: "i12", what: "Ask | the board", who: ["p2", "p3"], when: Day(year: 2026, month: 12, day: 1), how: "by *phone*, `now`\nthen | write")),
        .agreePrinciple(principle: .reciprocity, stage: 1, rag: .red, evidence: "_under_ **bold** | pipe\n# hash\n===="),
    ]

    func testMarkdownIsCommonMarkWithTheExpectedHeadingsAndTables() throws {
        let session = ExportFixture.sample(extra: Self.trickyEvents)
        let markdown = String(decoding: try SessionExport.render(session, as: .markdown, principles: ExportFixture.content.principles), as: UTF8.self)
        let parsed = try parse(markdown)

        XCTAssertEqual(parsed.headings(level: 1), ["Riverside day service"])
        XCTAssertEqual(parsed.headings(level: 2), ["Our goal", "The four principles", "Stories shared with permission", "Ideas", "Action plan"])
        XCTAssertEqual(parsed.headings(level: 3), [Self.trickyTitle], "only the shared story, its title as plain text")

        // User text never became structure: no emphasis, code, links, HTML, quotes, extra lists or breaks.
        let allowed: Set<String> = ["document", "heading", "paragraph", "text", "list", "item", "table", "table_header", "table_row", "table_cell", "linebreak", "softbreak"]
        XCTAssertEqual(Set(parsed.kinds).subtracting(allowed), [], markdown)

        XCTAssertEqual(parsed.tables.count, 3, "board, ideas, actions")
        let board = parsed.tables[0]
        XCTAssertEqual(board[0], ["Principle", "Stage we agreed", "Our score", "What shows it"])
        XCTAssertEqual(board.count, 5)
        XCTAssertEqual(board[1], ["Recognising people as assets", "2 of 4: We've got the basics", "AMBER ▲", "Maya now helps with the art group on Tuesdays."])
        XCTAssertEqual(board[3], ["Promoting reciprocity", "1 of 4: We haven't got this yet", "RED ■", "_under_ **bold** | pipe # hash ===="])
        XCTAssertEqual(board[4][2], "GREEN ●")

        let ideas = parsed.tables[1]
        XCTAssertEqual(ideas[0], ["Idea", "Dots", "Principles it helps", "Chosen"])
        XCTAssertEqual(ideas[1], ["A skills swap board by the door", "4", "Recognising people as assets, Promoting reciprocity", "yes"])
        XCTAssertTrue(ideas.contains(["pipes | in | ideas & <b>bold</b>", "0", "Valuing work differently", ""]), "\(ideas)")

        let actions = parsed.tables[2]
        XCTAssertEqual(actions[0], ["What", "Who", "When", "How"])
        XCTAssertEqual(actions.count, 4)
        XCTAssertEqual(actions[1], ["Make the swap board", "Maya, Tom", "Friday 4 December 2026", "Cork board from the office"])
        XCTAssertEqual(actions[3], ["Ask | the board", "Tom, Priya", "Tuesday 1 December 2026", "by *phone*, `now` then | write"])

        // The story keeps its words exactly, as text.
        let joined = parsed.paragraphs.joined(separator: "\n")
        XCTAssertTrue(joined.contains("<script>x</script> `code` [link](http://x.org) ![img](y)"), joined)
        XCTAssertTrue(joined.contains("_under_ **bold** \\ back & &amp; ~~strike~~"), joined)
        XCTAssertTrue(joined.contains("Everyone who comes here is asked what they are good at"))
        XCTAssertTrue(joined.contains("How people responded: 3 agree, 1 can live with it, 0 disagree."), joined)

        // Stories not shared are not there.
        XCTAssertFalse(markdown.contains("Asking, not telling"))
        XCTAssertFalse(markdown.contains("Something private about my family"))
    }

    func testMarkdownShowsAnOverrideReason() throws {
        var session = ExportFixture.sample()
        session = ExportFixture.apply([
            .proposeGoal(GoalDraft(id: "g40", text: "People run the café", proposedBy: "p1")),
            .respond(draft: "g40", participant: "p1", response: .agree),
            .respond(draft: "g40", participant: "p2", response: .disagree),
            .agreeGoal(draft: "g40", overrideReason: "We are out of time | will *revisit*"),
        ], to: session)
        let markdown = String(decoding: try SessionExport.render(session, as: .markdown), as: UTF8.self)
        let parsed = try parse(markdown)
        XCTAssertTrue(parsed.paragraphs.contains("People run the café"))
        XCTAssertTrue(parsed.paragraphs.contains("How people responded: 1 agree, 0 can live with it, 1 disagree."), "\(parsed.paragraphs)")
        XCTAssertTrue(parsed.paragraphs.contains("We are out of time | will *revisit*"), "\(parsed.paragraphs)")
    }

    func testMarkdownEscaping() {
        XCTAssertEqual(Markdown.inline("a|b"), "a\\|b")
        XCTAssertEqual(Markdown.inline("# x"), "\\# x")
        XCTAssertEqual(Markdown.inline("- x"), "\\- x")
        XCTAssertEqual(Markdown.inline("12. x"), "12\\. x")
        XCTAssertEqual(Markdown.inline("3.5 apples"), "3.5 apples")
        XCTAssertEqual(Markdown.inline("one\ntwo\u{0C}three"), "one two three")
        XCTAssertEqual(Markdown.paragraph("one\n\n- two"), "one\\\n\\- two")
    }

    // MARK: CSV

    func testCSVReadsBackWithPythonsCSVModule() throws {
        let session = ExportFixture.sample(extra: [
            .renameParticipant(id: "p3", name: "Priya \"P\", Jones"),
            .addAction(Action(id: "a32", idea: "i10", what: "Buy tea, \"good\" tea\nand milk", who: ["p3"], when: Day(year: 2026, month: 12, day: 2), how: "Café, then \r\n the shop")),
            .setActionStatus(id: "a13", status: .done),
        ])
        let data = try SessionExport.render(session, as: .csv, principles: ExportFixture.content.principles)
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("what,who,when,how,status,principles\r\n"))
        XCTAssertTrue(text.hasSuffix("\r\n"))

        let read = try runPython("""
        import sys, csv, io, json
        rows = list(csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding='utf-8', newline=''), strict=True))
        print(json.dumps(rows))
        """, input: data)
        XCTAssertEqual(read.status, 0, read.errors)
        let rows = try JSONDecoder().decode([[String]].self, from: read.output)
        XCTAssertEqual(rows, [
            ["what", "who", "when", "how", "status", "principles"],
            ["Make the swap board", "Maya; Tom", "2026-12-04", "Cork board from the office", "done", "Recognising people as assets; Promoting reciprocity"],
            ["Ask the landlord about a sign", "Sam; Priya \"P\", Jones", "2026-11-30", "Phone on Monday", "planned", "Building social networks"],
            ["Buy tea, \"good\" tea\nand milk", "Priya \"P\", Jones", "2026-12-02", "Café, then \r\n the shop", "planned", "Recognising people as assets; Promoting reciprocity"],
        ])
    }

    func testCSVFieldQuoting() {
        XCTAssertEqual(ActionsCSV.field("plain"), "plain")
        XCTAssertEqual(ActionsCSV.field("a,b"), "\"a,b\"")
        XCTAssertEqual(ActionsCSV.field("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(ActionsCSV.field("a\nb"), "\"a\nb\"")
        XCTAssertEqual(ActionsCSV.field("a\rb"), "\"a\rb\"")
    }

    // MARK: Letters

    func testLettersHoldExactlyEachPersonsOwnActions() throws {
        let session = ExportFixture.sample(extra: [
            .addAction(Action(id: "a33", idea: "i12", what: "Bake for the Friday opening", who: ["p1"], when: Day(year: 2026, month: 12, day: 11), how: "Ask the café for the oven")),
            .addParticipant(Participant(id: "p34", name: "Lee")),
        ])
        let letters = ActionLetters.letters(session)
        XCTAssertEqual(letters.map(\.name), ["Maya", "Tom", "Priya", "Sam"], "Lee has no action, so no letter")
        XCTAssertEqual(letters.map(\.fileName), ["letter-1-maya.txt", "letter-2-tom.txt", "letter-3-priya.txt", "letter-4-sam.txt"])
        let everything = session.record.actions.map(\.what)
        for letter in letters {
            let own = Set(session.record.actions(for: letter.participant).map(\.what))
            for what in everything {
                XCTAssertEqual(letter.text.contains(what), own.contains(what), "\(letter.name) and \"\(what)\"")
            }
            XCTAssertTrue(letter.text.contains("Dear \(letter.name),"))
            XCTAssertTrue(letter.text.contains("Everyone who comes here is asked what they are good at"))
            XCTAssertTrue(letter.text.contains("Riverside day service"))
            XCTAssertTrue(letter.text.contains("23 November 2026"))
            for story in session.record.stories {
                XCTAssertFalse(letter.text.contains(story.whatHappened), "no stories in letters")
            }
        }
        let maya = letters[0].text
        XCTAssertTrue(maya.contains("By: Friday 4 December 2026"), maya)
        XCTAssertTrue(maya.contains("With: Tom"), maya)
        XCTAssertTrue(maya.contains("How: Cork board from the office"), maya)
        XCTAssertTrue(maya.contains("Jo, for the group"), maya)

        let all = String(decoding: try SessionExport.render(session, as: .letters), as: UTF8.self)
        XCTAssertEqual(all.split(separator: "\u{0C}", omittingEmptySubsequences: false).count, 4, "pages separated by form feeds")

        let withNotes = ActionLetters.letters(session, everyone: true)
        XCTAssertEqual(withNotes.last?.name, "Lee")
        XCTAssertTrue(withNotes.last!.text.contains("You did not take on an action this time"))
    }

    func testAFormFeedTypedIntoAnActionCannotSplitALetter() throws {
        let session = ExportFixture.sample(extra: [
            .editAction(Action(id: "a13", idea: "i10", what: "Make the\u{0C}swap board", who: ["p1", "p2"], when: Day(year: 2026, month: 12, day: 4))),
        ])
        let all = String(decoding: try SessionExport.render(session, as: .letters), as: UTF8.self)
        XCTAssertEqual(all.split(separator: "\u{0C}", omittingEmptySubsequences: false).count, 4)
    }
}
