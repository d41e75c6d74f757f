import Foundation
import XCTest
@testable import Persistence
@testable import Printouts
import Workshop

/// Letters people can read: one page each, large print where asked, Easy Read on request, and
/// plain-text letters that fit 72 columns.
final class LetterTests: XCTestCase {

    func letters(_ session: Session, _ style: HTMLLetters.Style = .init(), anonymise: Bool = false) -> String {
        HTMLLetters.render(SessionExport.prepare(session, anonymise: anonymise), style: style)
    }

    func testOneLetterPerPersonWithTheirOwnActionsGoalAndAKindLine() {
        let html = letters(PrintoutFixture.sample())
        PrintoutFixture.keep(html, as: "sample-letters.html")
        let articles = PrintoutFixture.matches("<article class=\"letter[^\"]*\">.*?</article>", in: html)
        XCTAssertEqual(articles.count, 4)
        for (article, name) in zip(articles, ["Maya", "Tom", "Priya", "Sam"]) {
            XCTAssertTrue(article.contains("<h2>Dear \(name),</h2>"), article)
            XCTAssertTrue(article.contains("Everyone who comes here is asked what they are good at"), "the goal")
            XCTAssertTrue(article.contains("Small steps make a big difference."), "a kind line")
            XCTAssertFalse(article.contains("The bus that waited"), "never a story")
        }
        XCTAssertTrue(articles[0].contains("Make the swap board") && !articles[0].contains("Ask the landlord"), "only Maya's own action")
        XCTAssertTrue(articles[3].contains("Ask the landlord about a sign") && articles[3].contains("Priya"), "with whom")
        XCTAssertTrue(html.contains("article.letter { break-after: page"), "one page per person")
    }

    func testLargePrintWhenTheirAccessNeedsSaySoOrForEveryoneOnRequest() {
        let html = letters(PrintoutFixture.sample())
        let classes = PrintoutFixture.matches("<article class=\"([^\"]*)\">", in: html)
        XCTAssertEqual(classes, ["letter large", "letter", "letter", "letter"], "Maya's needs say \"Large print\"")
        let all = PrintoutFixture.matches("<article class=\"([^\"]*)\">", in: letters(PrintoutFixture.sample(), .init(largePrint: true)))
        XCTAssertEqual(all, Array(repeating: "letter large", count: 4))
        XCTAssertTrue(html.contains(".large { font-size: 18pt"))
        for needs in ["Large print", "large print please", "needs BIG PRINT", "larger text", "large-print", "a large font"] {
            XCTAssertTrue(HTMLLetters.asksForLargePrint(needs), needs)
        }
        for needs in ["", "A quiet corner", "Wheelchair access", "Breaks, large room"] {
            XCTAssertFalse(HTMLLetters.asksForLargePrint(needs), needs)
        }
    }

    func testEasyReadShortLinesAndAPictureBesideEachAction() {
        let html = letters(PrintoutFixture.fivePeople(), .init(easyRead: true))
        PrintoutFixture.keep(html, as: "five-people-letters-easy-read.html")
        let articles = PrintoutFixture.matches("<article class=\"letter[^\"]*\">.*?</article>", in: html)
        XCTAssertEqual(articles.count, 5)
        XCTAssertTrue(articles[0].hasPrefix("<article class=\"letter large easy\">"))
        for article in articles {
            XCTAssertEqual(PrintoutFixture.matches("<div class=\"step\"><svg", in: article).count,
                           PrintoutFixture.matches("You will: ", in: article).count, "a picture beside each action")
            XCTAssertTrue(article.contains("Small steps help a lot."))
            let sentences = PrintoutFixture.matches("<p>([^<]*)</p>", in: article)
            for sentence in sentences {
                XCTAssertLessThanOrEqual(sentence.split(separator: " ").count, 12, "short lines: \(sentence)")
                XCTAssertLessThanOrEqual(sentence.filter { $0 == "." }.count, 1, "one idea a line: \(sentence)")
            }
        }
        XCTAssertTrue(articles[4].contains("<h2>Hello Tom</h2>"))
        XCTAssertTrue(articles[3].contains("<h2>Hello <bdi lang=\"ar\" dir=\"rtl\">مريم</bdi></h2>"))
        XCTAssertTrue(articles[3].contains("You will do it with: <span class=\"name\">Amal</span>."), articles[3])
        XCTAssertTrue(articles[3].contains("You will do it with: <span class=\"name\">Tom</span>."), articles[3])
        XCTAssertTrue(articles[0].contains("You will do it with: <span class=\"name\"><span lang=\"zh\">李小龍</span></span>."), articles[0])
    }

    func testEmptyPlanGivesNoLettersAndEveryoneGivesNotes() {
        let session = PrintoutFixture.sample(extra: [.deleteAction(id: "a13"), .deleteAction(id: "a14")])
        XCTAssertEqual(letters(session), "")
        XCTAssertTrue(HTMLLetters.letters(session, style: .init()).isEmpty)
        let notes = letters(session, .init(everyone: true))
        XCTAssertEqual(PrintoutFixture.matches("<article", in: notes).count, 4)
        XCTAssertTrue(notes.contains("You did not take on an action this time, and that is fine."))
    }

    func testOneFilePerPersonNamedLikeThePlainLetters() {
        let files = HTMLLetters.letters(PrintoutFixture.fivePeople(), style: .init())
        // Letters and digits of any script are kept, as for the plain letters (exports.md).
        XCTAssertEqual(files.map(\.fileName), ["letter-1-zoë.html", "letter-2-李小龍.html", "letter-3-amal.html", "letter-4-مريم.html", "letter-5-tom.html"])
        for file in files {
            XCTAssertEqual(PrintoutFixture.matches("<article", in: file.html).count, 1)
            XCTAssertTrue(file.html.hasPrefix("<!DOCTYPE html>"))
        }
    }

    func testAnonymisedLettersNameNobody() {
        let html = letters(PrintoutFixture.fivePeople(), anonymise: true)
        for name in PrintoutFixture.fiveNames + ["Jo"] {
            XCTAssertFalse(html.contains(name), name)
        }
        XCTAssertTrue(html.contains("Dear Person 4,"))
    }

    func testPlainTextLettersKeepTo72Columns() {
        let long = String(repeating: "Ask the group what they would like to do next and write it down ", count: 3)
        let session = PrintoutFixture.sample(extra: [
            .addParticipant(Participant(id: "p7", name: "李小龍李小龍李小龍李小龍李小龍李小龍李小龍李小龍李小龍李小龍李小龍李小龍李小龍")),
            .addAction(Action(id: "a20", idea: "i10", what: long, who: ["p1", "p2", "p3", "p4", "p7"], when: Day(year: 2026, month: 12, day: 1),
                              how: "https://example.org/" + String(repeating: "x", count: 90))),
        ])
        let text = ActionLetters.render(SessionExport.prepare(session, anonymise: false))
        XCTAssertTrue(text.contains("Small steps make a big difference."))
        for line in text.split(separator: "\n") {
            XCTAssertLessThanOrEqual(ActionLetters.columns(line.replacingOccurrences(of: "\u{0C}", with: "")), 72, "\(line)")
        }
        XCTAssertEqual(ActionLetters.columns("李小龍 Tom"), 10, "Chinese characters take two columns")
    }
}
