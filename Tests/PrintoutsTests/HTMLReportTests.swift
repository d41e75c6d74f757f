import Foundation
import XCTest
import Persistence
@testable import Printouts
import Workshop

/// The report as a web page: what it holds, what it never holds, and that it is accessible.
final class HTMLReportTests: XCTestCase {

    func report(_ session: Session, anonymise: Bool = false, history: GroupHistory? = nil) -> String {
        HTMLReport.render(SessionExport.prepare(session, anonymise: anonymise), history: history, principles: PrintoutFixture.content.principles)
    }

    func testHoldsTheGoalSharedStoriesBoardIdeasAndActionsInOrder() {
        let html = report(PrintoutFixture.sample())
        PrintoutFixture.keep(html, as: "sample-report.html")
        let order = ["<h1>Riverside day service</h1>", "Our goal", "Everyone who comes here is asked what they are good at",
                     "The four principles", "Stories shared with permission", "The bus that waited",
                     "Ideas", "A skills swap board by the door", "Action plan", "Make the swap board", "Ask the landlord about a sign"]
        var last = html.startIndex
        for piece in order {
            guard let found = html.range(of: piece, range: last..<html.endIndex) else {
                return XCTFail("\"\(piece)\" missing or out of order")
            }
            last = found.upperBound
        }
        XCTAssertFalse(html.contains("Asking, not telling"), "kept in the group, not shared")
        XCTAssertFalse(html.contains("Something private"), "room only")
        XCTAssertFalse(html.contains("Over time"), "no earlier workshops, no chart")
    }

    func testTheBoardShowsStageScoreWordAndShapeAndSpreadByPerspective() {
        let html = report(PrintoutFixture.sample())
        let pictures = PrintoutFixture.matches("<svg[^>]*role=\"img\".*?</svg>", in: html)
        XCTAssertEqual(pictures.count, 4, "one picture per principle")
        let assets = pictures[0]
        XCTAssertTrue(assets.contains("Stage 2 of 4"), assets)
        XCTAssertTrue(assets.contains("We&#39;ve got the basics"))
        XCTAssertTrue(assets.contains(">AMBER<"), "the word, not only the colour")
        XCTAssertTrue(assets.contains("<polygon"), "AMBER is a triangle")
        XCTAssertTrue(pictures[2].contains(">RED<") && pictures[2].contains("<rect x=\"17\""), "RED is a square")
        XCTAssertTrue(pictures[3].contains(">GREEN<") && pictures[3].contains("<circle"), "GREEN is a circle")
        // Maya (uses services) 1, Tom (works with people) 3, Priya (carer) 2, Sam (runs services) 3.
        for label in ["Everyone", "Use services", "Family carers", "Work with people", "Run services"] {
            XCTAssertTrue(assets.contains(">\(label)<"), label)
        }
        XCTAssertTrue(assets.contains("Everyone: 1 at stage 1, 1 at stage 2, 2 at stage 3."), "the description says the spread in words")
    }

    func testSelfContainedNoScriptNoNetwork() {
        let html = report(PrintoutFixture.fivePeople())
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        for forbidden in ["<script", "<link", "<img", "<iframe", "src=", "href=", "@import", "url(", "javascript:", "on" + "load="] {
            XCTAssertFalse(html.lowercased().contains(forbidden), forbidden)
        }
        let addresses = PrintoutFixture.matches("https?://[^\"' ]+", in: html)
        XCTAssertEqual(Set(addresses), ["http://www.w3.org/2000/svg"], "the SVG namespace is a name, not a download")
        XCTAssertTrue(html.contains("<style>") && html.contains("@page { size: A4"))
        XCTAssertTrue(html.contains("break-before: page"), "each section starts a new page")
        XCTAssertTrue(html.contains("break-inside: avoid"), "tables rows and pictures are not cut")
        XCTAssertTrue(html.contains("@media (max-width: 40rem) { .board { grid-template-columns: 1fr; } }"), "one column on a phone")
        XCTAssertTrue(html.contains("thead { display: table-header-group; }"), "a long table repeats its headings on the next page")
        XCTAssertTrue(html.contains("name=\"viewport\" content=\"width=device-width, initial-scale=1.0\""), "readable on a phone")
    }

    func testEveryWordPeopleTypedIsEscaped() {
        let session = PrintoutFixture.sample(extra: [
            .addParticipant(Participant(id: "p9", name: "<b>Bo</b> & \"Al\"")),
            .addAction(Action(id: "a99", idea: "i10", what: "<script>alert(1)</script> AT&amp;T 'quoted'", who: ["p9"],
                              when: Day(year: 2026, month: 12, day: 1), how: "</td></tr></table><h1>x</h1>\u{07}")),
        ])
        let html = report(session)
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertFalse(html.contains("<b>Bo"))
        XCTAssertFalse(html.contains("<h1>x</h1>"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; AT&amp;amp;T &#39;quoted&#39;"), "shown exactly as typed")
        XCTAssertTrue(html.contains("&lt;b&gt;Bo&lt;/b&gt; &amp; &quot;Al&quot;"))
        XCTAssertFalse(html.contains("\u{07}"), "control characters dropped")
        XCTAssertEqual(PrintoutFixture.matches("<table", in: html).count, PrintoutFixture.matches("</table>", in: html).count)
    }

    func testNamesAreMarkedWithLanguageAndDirection() {
        let html = report(PrintoutFixture.fivePeople())
        PrintoutFixture.keep(html, as: "five-people-report.html")
        XCTAssertTrue(html.contains("<html lang=\"en\" dir=\"ltr\">"))
        XCTAssertTrue(html.contains("<bdi lang=\"ar\" dir=\"rtl\">مريم</bdi>"))
        XCTAssertTrue(html.contains("<span lang=\"zh\">李小龍</span>"))
        XCTAssertTrue(html.contains("Zoë"))
        XCTAssertEqual(MarkedText.html("Amal and مريم will ask 李小龍, then Tom"),
                       "Amal and <bdi lang=\"ar\" dir=\"rtl\">مريم</bdi> will ask <span lang=\"zh\">李小龍</span>, then Tom")
        XCTAssertEqual(MarkedText.html("مريم سالم, Tom"), "<bdi lang=\"ar\" dir=\"rtl\">مريم سالم</bdi>, Tom", "a space inside one script stays inside")
        XCTAssertEqual(MarkedText.html("ひらがな"), "<span lang=\"ja\">ひらがな</span>")
    }

    func testHeadingsInOrderTablesWithHeadersPicturesWithWords() throws {
        let history = GroupHistory(points: [
            .init(date: PrintoutFixture.start.addingTimeInterval(-86_400 * 60), isThisWorkshop: false, stages: [.assets: 1], scores: [.assets: .red]),
            .init(date: PrintoutFixture.start.addingTimeInterval(-86_400 * 30), isThisWorkshop: false, stages: [.assets: 2, .work: 1], scores: [.assets: .amber]),
            GroupHistory.Point(date: PrintoutFixture.start, isThisWorkshop: true, stages: [.assets: 2, .work: 2, .reciprocity: 1, .networks: 3],
                               scores: [.assets: .amber, .work: .amber, .reciprocity: .red, .networks: .green]),
        ])
        let html = report(PrintoutFixture.sample(), history: history)
        let levels = PrintoutFixture.matches("<h([1-6])[ >]", in: html).compactMap { Int($0) }
        XCTAssertEqual(levels.first, 1)
        XCTAssertEqual(levels.filter { $0 == 1 }.count, 1, "one main heading")
        for (previous, next) in zip(levels, levels.dropFirst()) {
            XCTAssertLessThanOrEqual(next, previous + 1, "no heading level skipped: \(levels)")
        }
        let tables = PrintoutFixture.matches("<table>.*?</table>", in: html)
        XCTAssertEqual(tables.count, 4, "principles, ideas, actions, over time")
        for table in tables {
            XCTAssertTrue(table.contains("<caption>"), table)
            XCTAssertTrue(table.contains("<thead>") && table.contains("<th scope=\"col\">"), table)
            XCTAssertTrue(table.contains("<th scope=\"row\">"), table)
        }
        let pictures = PrintoutFixture.matches("<svg[^>]*role=\"img\".*?</svg>", in: html)
        XCTAssertEqual(pictures.count, 8, "four board pictures and four charts over time")
        for picture in pictures {
            let labels = PrintoutFixture.matches("aria-labelledby=\"([^\"]+)\"", in: picture).first?.split(separator: " ") ?? []
            XCTAssertEqual(labels.count, 2)
            for label in labels {
                let words = PrintoutFixture.matches("id=\"\(label)\">([^<]+)<", in: picture).first ?? ""
                XCTAssertGreaterThan(words.count, 10, "\(label) says what the picture shows")
            }
        }
        XCTAssertTrue(html.contains("<h2>Over time</h2>"))
        XCTAssertTrue(pictures[4].contains("24 September 2026: stage 1, RED ■; 24 October 2026: stage 2, AMBER ▲; 23 November 2026: stage 2, AMBER ▲."), pictures[4])
        XCTAssertTrue(html.contains("23 November 2026 (this workshop)"))
    }

    func testOverTimeShowsTheLatestEightWorkshops() {
        let points = (0..<11).map { index in
            GroupHistory.Point(date: PrintoutFixture.start.addingTimeInterval(Double(index - 10) * 86_400 * 28), isThisWorkshop: index == 10,
                               stages: [.assets: index % 4 + 1], scores: [.assets: .green])
        }
        let html = report(PrintoutFixture.sample(), history: GroupHistory(points: points))
        XCTAssertTrue(html.contains("The latest 8 of 11 workshops are shown."))
        let chart = PrintoutFixture.matches("<svg[^>]*aria-labelledby=\"trend-assets-title.*?</svg>", in: html).first ?? ""
        XCTAssertEqual(PrintoutFixture.matches("<circle", in: chart).count, 8, "a GREEN circle at each of the last eight")
        XCTAssertFalse(chart.contains(TrendChart.longDate(points[2].date)), "the third of eleven is left out")
        XCTAssertTrue(chart.contains(TrendChart.longDate(points[3].date)))
    }

    func testAnonymisedReportNamesNobody() {
        let html = report(PrintoutFixture.fivePeople(), anonymise: true)
        for name in PrintoutFixture.fiveNames + ["Jo"] {
            XCTAssertFalse(html.contains(name), name)
        }
        XCTAssertTrue(html.contains("Person 1"))
    }

    func testGroupHistoryReadsOnlyEarlierRealWorkshopsOfTheGroup() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("campfire-history-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let library = SessionLibrary(dataFolder: DataFolder(url: data))
        func make(_ id: String, daysBefore: Double, group: String, practice: Bool = false, stage: Int) throws {
            let at = PrintoutFixture.start.addingTimeInterval(-86_400 * daysBefore)
            let store = try library.create(Session(id: id, title: "Meeting \(id)", group: group, createdAt: at, isPractice: practice,
                                                   template: PrintoutFixture.template), at: at)
            try store.record(.agreePrinciple(principle: .assets, stage: stage, rag: .red, evidence: "secret words \(id)"), at: at)
            store.close(at: at)
        }
        try make("20260901-1000-aaaa", daysBefore: 80, group: "riverside", stage: 1)
        try make("20261001-1000-bbbb", daysBefore: 50, group: "riverside", stage: 2)
        try make("20261002-1000-cccc", daysBefore: 49, group: "riverside", practice: true, stage: 4)
        try make("20261003-1000-dddd", daysBefore: 48, group: "hillside", stage: 4)
        try make("20261231-1000-eeee", daysBefore: -30, group: "riverside", stage: 4)
        let history = GroupHistory.of(PrintoutFixture.sample(), in: library)
        XCTAssertEqual(history.points.map { $0.stages[.assets] }, [1, 2, 2])
        XCTAssertEqual(history.points.map(\.isThisWorkshop), [false, false, true])
        let html = report(PrintoutFixture.sample(), history: history)
        XCTAssertFalse(html.contains("secret words"), "nothing but scores comes from other workshops")
        XCTAssertFalse(html.contains("Meeting 2026"))
    }
}
