import Foundation
import TerminalUI
@testable import Workshop
@testable import WorkshopUI

import XCTest

/// The wall as the room reads it: said once, big where it fits.
final class ProjectorWallTests: XCTestCase {
    private func wall(at step: FlowStep, width: Int = 80, height: Int = 24, names: [String] = ["Maya", "Tom", "Priya", "Sam"]) -> Grid {
        let (app, _) = ScreenFixtures.app(at: step, names: names)
        app.state.layout = .projector
        return ConsoleScreen.render(app, width: width, height: height)
    }

    func testTheWelcomeSaysEachRuleOnce() {
        for size in [(80, 24), (160, 48)] {
            let screen = wall(at: FlowStep(.welcome), width: size.0, height: size.1).rows.joined(separator: "\n")
            XCTAssertEqual(screen.components(separatedBy: "Everyone here is equal").count - 1, 1, "\(size)")
        }
    }

    func testTheHeadingIsInBigLettersFrom80x24WhenItFits() {
        let grid = wall(at: FlowStep(.storytelling))
        // "OUR STORIES" in five rows of block letters at the top.
        XCTAssertEqual(grid.rows.prefix(BigText.height).filter { $0.contains("█") }.count, BigText.height)
        XCTAssertFalse(grid.rows.joined().contains("OUR STORIES"), "the bar is only for headings too wide for big letters")
        // Too small for it: the bar.
        let small = wall(at: FlowStep(.storytelling), width: 60, height: 20)
        XCTAssertTrue(small.rowText(0).contains("OUR STORIES"))
    }
}

/// Nothing is cut while there is room: every screen of a full session with long words in it,
/// at 80x24, 100x30 and 200x60, wraps a text before it cuts it.
final class NothingCutTests: XCTestCase {
    static let sizes = [(80, 24), (100, 30), (200, 60)]

    /// The sample workshop up to `step`, with long texts of every kind added at the end.
    static func longSession(upTo step: FlowStep) -> ConsoleApp {
        let start = ScreenFixtures.start
        let names = ["Maya Rose Okonkwo-Williams", "Tom", "Priya Lakshmi Sundaram", "Sam"]
        var editor = SessionEditor(session: Session(id: "20261117-0930-cafe", title: "Riverside day service and the Thursday drop-in, spring review with the families", group: "riverside", facilitator: "Jo", createdAt: start, template: ScreenFixtures.standard))
        var clock = 0.0
        for (event, seconds) in SampleWorkshop.events(template: ScreenFixtures.standard, names: names, upTo: step) {
            try? editor.apply(event, at: start.addingTimeInterval(seconds))
            clock = seconds
        }
        let long: [SessionEvent] = [
            .addStory(Story(id: "s90", teller: "p3", title: "The day the new receptionist learned everyone's name and what they liked to be called", whatHappened: "It made a difference.", smallThing: "She wrote each name on a card by the kettle and asked how to say it, and now people stop to chat on the way in.", consent: .share)),
            .proposeGoal(GoalDraft(id: "g91", text: "Everyone who comes through the door is asked what they are good at and what they would like to share with the others, and that is written down", proposedBy: "p2")),
            .addIdea(Idea(id: "i92", text: "A board by the front door where anyone can offer a skill, ask for help, or swap an afternoon of gardening for an afternoon of cooking", principles: [.reciprocity], proposedBy: "p1")),
            .addAction(Action(id: "a93", idea: "i10", what: "Write to the landlord and the parish council together about a sign for the street door", who: ["p1", "p3"], when: Day(year: 2027, month: 2, day: 14), how: "A letter drafted at the Thursday drop-in, read out to everyone first, then posted by Priya")),
        ]
        for event in long {
            clock += 10
            try? editor.apply(event, at: start.addingTimeInterval(clock))
        }
        let environment = ConsoleEnvironment(clock: ManualClock(start.addingTimeInterval(clock + 300)), save: { _, _ in })
        return ConsoleApp(editor: editor, content: ScreenFixtures.content, environment: environment)
    }

    /// Cuts ("…") with free rows under them: the two rows below are blank under the cut text.
    static func cutsWithRoomBelow(_ grid: Grid) -> [String] {
        var found: [String] = []
        let rows = grid.rows
        for y in 0..<(rows.count - 2) {
            let row = Array(rows[y])
            for (column, character) in row.enumerated() where character == "…" {
                // "… and 3 more ideas" and "… 2 earlier stories" say how much of a list is hidden.
                // "… 4 more words" says it too, but a text cut so above empty rows should have wrapped.
                let after = String(row[(column + 1)...]).trimmingCharacters(in: .whitespaces)
                let wordsHidden = after.range(of: #"^\d+ more words?"#, options: .regularExpression) != nil
                if !wordsHidden, after.hasPrefix("and ") || after.range(of: #"^\d+ (more|earlier)"#, options: .regularExpression) != nil { continue }
                // The cut text starts after the nearest border to its left (or at the edge).
                let from = (row[..<column].lastIndex(of: "│").map { $0 + 1 }) ?? 0
                let below = (1...2).allSatisfy { offset in
                    let under = Array(rows[y + offset])
                    return under.count > column && String(under[from...column]).allSatisfy { $0 == " " }
                }
                if below { found.append("row \(y): \(rows[y].trimmingCharacters(in: .whitespaces))") }
            }
        }
        return found
    }

    func testACutLineKeepsWholeWordsAndSaysHowManyAreHidden() {
        var grid = Grid(width: 40, height: 1)
        WallText.paragraph(WallText.Piece(text: "Riverside day service and the Thursday drop-in, spring review", style: .plain), x: 0, y: 0, width: 40, maxY: 1, grid: &grid)
        XCTAssertEqual(grid.rowText(0), "Riverside day service and … 5 more words")
    }

    func testAConsoleParagraphCutSaysHowMuchIsHidden() {
        var grid = Grid(width: 30, height: 3)
        let rows = Draw.paragraph("Volunteers are thanked, but only staff are asked to plan the week.", in: grid.area, grid: &grid, maxRows: 1)
        XCTAssertEqual(rows, 1)
        XCTAssertEqual(grid.rowText(0), "Volunteers are … 10 more words")
    }

    func testTheDetectorFindsACutAboveEmptyRows() {
        var grid = Grid(width: 30, height: 5)
        grid.write("A long line cut here…", x: 0, y: 0, style: .plain)
        XCTAssertEqual(Self.cutsWithRoomBelow(grid).count, 1)
        grid.write("and a line below it", x: 0, y: 1, style: .plain)
        XCTAssertEqual(Self.cutsWithRoomBelow(grid).count, 0)
    }

    func testNothingOnTheWallIsCutWhileThereIsRoom() {
        for (name, step) in ScreenFixtures.steps {
            for (width, height) in Self.sizes {
                let app = Self.longSession(upTo: step)
                app.state.layout = .projector
                let grid = ConsoleScreen.render(app, width: width, height: height)
                let cuts = Self.cutsWithRoomBelow(grid)
                XCTAssertEqual(cuts, [], "wall at \(name) \(width)x\(height):\n" + grid.rows.joined(separator: "\n"))
            }
        }
    }

    func testNothingOnTheConsoleIsCutWhileThereIsRoom() {
        for (name, step) in ScreenFixtures.steps {
            for (width, height) in Self.sizes {
                let app = Self.longSession(upTo: step)
                let grid = ConsoleScreen.render(app, width: width, height: height)
                let cuts = Self.cutsWithRoomBelow(grid)
                XCTAssertEqual(cuts, [], "console at \(name) \(width)x\(height)")
            }
        }
    }

    /// What a new user found cut on the console with rows to spare (trial findings 2, 5 and 7).
    func testTheConsoleCasesANewUserHitWrapIntoTheFreeRows() {
        for size in ScreenFixtures.sizes {
            var screens: [(String, Grid)] = []
            // Welcome with nobody yet.
            let (empty, _) = ScreenFixtures.emptyApp()
            screens.append(("welcome, nobody", ConsoleScreen.render(empty, width: size.width, height: size.height)))
            // Stories: everyone still to be heard, named in the side panel.
            var editor = SessionEditor(session: ScreenFixtures.emptyApp().0.session)
            for (index, name) in ["Zoë", "Priya Lakshmi Sundaram", "李小龍", "Amal", "مريم", "Tom"].enumerated() {
                try? editor.apply(.addParticipant(Participant(id: "p\(index + 1)", name: name)), at: ScreenFixtures.start)
            }
            try? editor.apply(.moveTo(step: FlowStep(.storytelling), overriddenGuards: [], overrideReason: nil), at: ScreenFixtures.start)
            let stories = ConsoleApp(editor: editor, content: ScreenFixtures.content, environment: ConsoleEnvironment(clock: ManualClock(ScreenFixtures.start), save: { _, _ in }))
            screens.append(("stories", ConsoleScreen.render(stories, width: size.width, height: size.height)))
            // Principles, agreeing a score: the gap and the split by perspective.
            let agree = Self.longSession(upTo: FlowStep(principle: .reciprocity, phase: .agree))
            screens.append(("principle agree", ConsoleScreen.render(agree, width: size.width, height: size.height)))
            // Practice: the coach's tips, at the start and after the stick went round.
            let (practice, _, _, _) = PracticeScreenFixtures.app()
            screens.append(("practice welcome", ConsoleScreen.render(practice, width: size.width, height: size.height)))
            PracticeConsoleTests.press(practice, ["]", "n", "n", "n"])
            screens.append(("practice stories", ConsoleScreen.render(practice, width: size.width, height: size.height)))
            // The welcome's first line (what to press) ends whole, and nobody's name is cut.
            XCTAssertFalse(screens[0].1.rows.joined(separator: "\n").contains("more words"), screens[0].1.rows.joined(separator: "\n"))
            if size.width >= 70 {
                // The side panel (right of its border) names everyone whole, and who is still to be heard.
                let panel = screens[1].1.rows.filter { $0.contains("│") }.map { $0.components(separatedBy: "│").last ?? "" }.joined(separator: "\n")
                XCTAssertTrue(panel.contains("Lakshmi Sundaram") && !panel.contains("…"), screens[1].1.rows.joined(separator: "\n"))
                XCTAssertTrue(panel.contains("Not heard yet"), screens[1].1.rows.joined(separator: "\n"))
            }
            // The gap between perspectives and the split by perspective are said whole (at 60x20
            // there is no row to spare, and the cut says how much is hidden).
            if size.height >= 24 {
            let agreeScreen = screens[2].1.rows.joined(separator: "\n")
            XCTAssertFalse(agreeScreen.contains("more words"), agreeScreen)
            let (sample, _) = ScreenFixtures.app(at: FlowStep(principle: .reciprocity, phase: .agree))
            let sampleScreen = ConsoleScreen.render(sample, width: size.width, height: size.height).rows.joined(separator: "\n")
            XCTAssertFalse(sampleScreen.contains("more words"), sampleScreen)
            }
            for (name, grid) in screens {
                XCTAssertEqual(Self.cutsWithRoomBelow(grid), [], "\(name) at \(size.width)x\(size.height):\n" + grid.rows.joined(separator: "\n"))
            }
        }
    }

    /// A long status message (a damaged journal line) grows into the free rows, so the command
    /// the facilitator must run is on screen whole.
    func testALongStatusMessageShowsItsLastWords() {
        let notice = "Line 20 of /tmp/trial-data-2/sessions/20261203-1137-2017/journal.jsonl is damaged (it has no checksum), "
            + "but the snapshot holds its change: nothing is lost, saving goes on. To set it aside, run: "
            + "campfire repair 20261203-1137-2017 --data-dir /tmp/trial-data-2"
        for size in ScreenFixtures.sizes {
            let (app, _) = ScreenFixtures.app(at: FlowStep(.storytelling))
            app.state.message = StatusMessage(.problem, notice)
            let grid = ConsoleScreen.render(app, width: size.width, height: size.height)
            let screen = grid.rows.joined(separator: "\n")
            let words = grid.rows.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            XCTAssertFalse(screen.contains("more words"), "\(size):\n" + screen)
            XCTAssertTrue(words.contains("/tmp/trial-data-2 n next teller"), "\(size):\n" + screen)
        }
    }

    func testTheCasesTheRoomHit() {
        // Welcome: the consent words end whole at 80x24.
        let (welcome, _) = ScreenFixtures.app(at: FlowStep(.welcome))
        let welcomeScreen = ConsoleScreen.render(welcome, width: 80, height: 24).rows.joined(separator: "\n")
        XCTAssertTrue(welcomeScreen.contains("can be shared."), welcomeScreen)
        // The far-off date check says its words at 80 columns.
        let actions = Self.longSession(upTo: FlowStep(.actions))
        let actionsScreen = ConsoleScreen.render(actions, width: 80, height: 24).rows.joined(separator: "\n")
        XCTAssertTrue(actionsScreen.contains("is far off: could it be cut"), actionsScreen)
        // The close summary keeps who and when on the wall.
        let close = Self.longSession(upTo: FlowStep(.close))
        close.state.layout = .projector
        let closeScreen = ConsoleScreen.render(close, width: 80, height: 24).rows.joined(separator: "\n")
        XCTAssertTrue(closeScreen.contains("2026-11-30"), closeScreen)
        // The "Not quite ready" box keeps its instruction whole.
        let form = Forms.reason(title: "Not quite ready", note: "Nobody has agreed the goal yet, and two people have not said what they think. To move on anyway, say why (Esc to stay).", purpose: .overrideReason(.next))
        var grid = Grid(width: 60, height: 12)
        FormView.render(form, content: ScreenFixtures.content, in: grid.area, grid: &grid)
        XCTAssertTrue(grid.rows.joined(separator: "\n").contains("(Esc to stay)"), grid.rows.joined(separator: "\n"))
    }
}
