import Foundation
import TerminalUI
import XCTest
@testable import Workshop
@testable import WorkshopUI

/// A console with the simulated group of a built-in scenario wired in, at a fixed moment.
enum PracticeScreenFixtures {
    static let glossary = ScreenFixtures.content.glossary

    static func scenario(_ name: String) -> Scenario {
        try! ScenarioLibrary.builtIn(glossary: glossary).scenario(named: name, glossary: glossary)
    }

    /// A new practice run on the welcome step, the personas added; `saved` gets every journaled event.
    static func app(scenario name: String = "day-service", seed: UInt64 = 7, coach: Bool = true, saved: ScreenFixtures.Saved = ScreenFixtures.Saved())
        -> (app: ConsoleApp, base: ManualClock, practice: PracticeConsole, debriefs: Box<[String]>) {
        let scenario = scenario(name)
        let template = try! ScreenFixtures.content.template(named: scenario.template)
        let base = ManualClock(ScreenFixtures.start)
        let clock = PracticeClock(base: base)
        let debriefs = Box<[String]>([])
        let practice = PracticeConsole(scenario: scenario, glossary: glossary, simulator: PracticeSimulator(scenario: scenario, seed: seed, glossary: glossary),
                                       clock: clock, coachOn: coach, writeDebrief: { debriefs.value.append($0) })
        var editor = SessionEditor(session: PracticeSimulator.newSession(for: scenario, template: template, id: "20261117-0930-beef", at: clock.now()))
        for simulated in practice.start(in: editor.session, at: clock.now()).events {
            try! editor.apply(simulated.event, at: simulated.at)
            saved.events.append(simulated.event)
        }
        let environment = ConsoleEnvironment(clock: clock, save: { event, _ in saved.events.append(event) })
        let app = ConsoleApp(editor: editor, content: ScreenFixtures.content, environment: environment)
        app.practice = practice
        return (app, base, practice, debriefs)
    }

    /// The keys of a careless run of a practice scenario: the stick passed round without naming
    /// anyone, the first goal wording agreed over a disagreement, principles skipped with a reason
    /// (one scored with evidence), two ideas chosen, and both actions given to one person, far off.
    /// The end-to-end test types the same keys into a real terminal.
    static let carelessKeys: [String] = {
        var keys = ["]"]                                   // the campfire round
        keys += Array(repeating: "n", count: 9)             // the stick round the circle, nobody named
        keys += ["]"]                                       // the shared goal (everyone was offered the stick)
        keys += ["c", "Escape"]                             // the group answers about the first wording
        keys += ["g", "text:We ran out of time", "Enter"]   // agreed over a disagreement
        keys += ["]", "]", "]"]                             // assets: explain, everyone scores, agree
        keys += ["Enter", "2", "Enter", "a", "Enter", "text:Members help with the quiz.", "Enter"]
        keys += ["]"]
        for _ in 0..<3 {                                    // work, reciprocity, networks: not agreed, moved on with a reason
            keys += ["]", "]", "]", "text:practice run", "Enter"]
        }
                                                            // ideas: the group offers theirs
        keys += ["]", "Space", "Down", "Space"]             // choose: the group's dots are placed; the top two chosen
        keys += ["]"]                                       // the action plan: both to June (the fifth person), far off
        keys += ["a", "Enter", "text:Sort it out", "Enter", "5", "Enter", "text:+90", "Enter", "Enter"]
        keys += ["a", "Right", "Enter", "text:Sort it out", "Enter", "5", "Enter", "text:+90", "Enter", "Enter"]
        keys += ["]"]                                       // the close: the debrief
        return keys
    }()
}

/// A reference holder, for closures.
final class Box<Value> {
    var value: Value
    init(_ value: Value) { self.value = value }
}

final class PracticeConsoleTests: XCTestCase {
    private func type(_ app: ConsoleApp, _ text: String) {
        for character in text { app.handle(.character(character)) }
    }

    /// Presses keys by the names tmux uses, so the end-to-end test can send the same list.
    static func press(_ app: ConsoleApp, _ keys: [String]) {
        for key in keys {
            switch key {
            case "Enter": app.handle(.enter)
            case "Escape": app.handle(.escape)
            case "Space": app.handle(.character(" "))
            case "Down": app.handle(.down)
            case "Up": app.handle(.up)
            case "Right": app.handle(.right)
            case "Tab": app.handle(.tab)
            default:
                if key.hasPrefix("text:") { for character in key.dropFirst(5) { app.handle(.character(character)) } } else {
                    for character in key { app.handle(.character(character)) }
                }
            }
        }
    }

    /// Figures of the careless run's debrief; the end-to-end test checks debrief.txt against the same.
    static let expectedFigures: [String] = [
        "stickOffered: Nobody was offered the stick by name.",
        "quietVoicesInvited: 0 of 2 of the people who only speak when asked by name were invited by name (0%).",
        "interruptions: Marcus cut in 3 times, so the next person did not get their turn.",
        "voiceShare: People who use services and carers had 19% of the talking, below the band for 4 of 6 people (at least 33%).",
        "consentAsked: Tellers were asked what may happen to 0 of 6 stories.",
        "jargon: 0 of 6 jargon terms were translated (0%); 6 were missed.",
        "explainedFirst: 0 of 4 principles were explained for at least a minute before people scored them.",
        "timeBoxes: 10 of 10 time-boxes were kept (100%).",
        "consensus: The goal was agreed although Tomasz disagreed (override: \"We ran out of time\").",
        "stagesHeard: No agreed stage was above what people who use services and carers placed without their voice in the evidence.",
        "principlesWithEvidence: 1 of 4 principles have an agreed stage, a RED/AMBER/GREEN score and evidence (25%).",
        "plainEvidence: The evidence is in plain words.",
        "actionsComplete: 0 of 2 actions say what, who, when and how (0%).",
        "actionsInsideWindow: 0 of 2 actions are due within 28 days (0%).",
        "refusalsHeeded: Nobody said no to an action, and every story is kept as its teller wants.",
        "sharedActions: 2 of 2 actions are left to one person.",
        "ownerSpread: 1 of 6 people own an action; the busiest, June, is on 2 of 2 (100%).",
    ]

    func testACarelessRunByKeysEndsOnTheDebrief() {
        let saved = ScreenFixtures.Saved()
        let (app, _, practice, debriefs) = PracticeScreenFixtures.app(saved: saved)
        Self.press(app, PracticeScreenFixtures.carelessKeys)
        XCTAssertEqual(app.session.step, FlowStep(.close))
        XCTAssertEqual(app.state.closeView, 2, "the debrief is shown on reaching the close")
        XCTAssertEqual(debriefs.value.count, 1, "debrief.txt is written once on reaching the close")
        let debrief = try! XCTUnwrap(practice.debrief)
        let figures = debrief.indicators.map { "\($0.kind.rawValue): \($0.figure)" }
        if ProcessInfo.processInfo.environment["CAMPFIRE_PRINT_DEBRIEF"] != nil { print(figures.map { "\"\($0)\"," }.joined(separator: "\n")) }
        XCTAssertEqual(figures, Self.expectedFigures, figures.joined(separator: "\n"))
        XCTAssertEqual(debrief.nextTime.count, 3)
        XCTAssertEqual(debriefs.value.last, debrief.text)
        // The group's changes went through the same save path as the trainee's.
        XCTAssertTrue(saved.events.contains { if case .addStory = $0 { return true } else { return false } }, "simulated stories are journaled")
        XCTAssertTrue(saved.events.contains { if case .respond = $0 { return true } else { return false } }, "the group's consensus answers are journaled")
        XCTAssertTrue(saved.events.contains { if case .vote = $0 { return true } else { return false } }, "the group's dots are journaled")
        // v cycles summary → each person's actions → debrief.
        app.handle(.character("v"))
        XCTAssertEqual(app.state.closeView, 0)
        app.handle(.character("v"))
        XCTAssertEqual(app.state.closeView, 1)
        app.handle(.character("v"))
        XCTAssertEqual(app.state.closeView, 2)
    }

    func testTheSameKeysGiveTheSameRunByteForByte() {
        let first = ScreenFixtures.Saved()
        let second = ScreenFixtures.Saved()
        let (a, _, _, debriefsA) = PracticeScreenFixtures.app(saved: first)
        let (b, _, _, debriefsB) = PracticeScreenFixtures.app(saved: second)
        Self.press(a, PracticeScreenFixtures.carelessKeys)
        Self.press(b, PracticeScreenFixtures.carelessKeys)
        XCTAssertEqual(first.events, second.events)
        XCTAssertEqual(a.session, b.session)
        XCTAssertEqual(debriefsA.value, debriefsB.value)
    }

    func testTheGroupAnswersTheConsensusCheckAndTheSimulatorStateRoundTrips() throws {
        let (app, _, practice, _) = PracticeScreenFixtures.app()
        Self.press(app, Array(PracticeScreenFixtures.carelessKeys.prefix(13)))
        XCTAssertEqual(app.session.step, FlowStep(.goal))
        app.handle(.character("c"))
        let draft = try XCTUnwrap(app.session.record.openDrafts.first)
        XCTAssertEqual(draft.responses.count, app.session.record.present.count, "everyone answered")
        XCTAssertEqual(app.state.message?.text, "Tomasz: That could mean anything. What would we actually see change, and where?")
        let file = practice.file
        let decoded = try PracticeFile.decode(try file.encoded())
        XCTAssertEqual(decoded, file)
        XCTAssertEqual(decoded.state, practice.simulator.state)
    }

    func testNoCoachHidesTheCoachButKeepsTheRoom() {
        let (app, _, _, _) = PracticeScreenFixtures.app(coach: false)
        Self.press(app, ["]", "n", "n"])
        let screen = ConsoleScreen.render(app, width: 160, height: 48).quotedRows()
        XCTAssertFalse(screen.contains("Coach"))
        XCTAssertTrue(screen.contains("In the room"))
        XCTAssertTrue(screen.contains("Marcus cuts in"))
    }

    func testAskingAQuietPersonByNameOnTheGoal() throws {
        let saved = ScreenFixtures.Saved()
        let (app, _, _, _) = PracticeScreenFixtures.app(saved: saved)
        Self.press(app, Array(PracticeScreenFixtures.carelessKeys.prefix(11)))
        XCTAssertEqual(app.session.step, FlowStep(.goal))
        let elsie = try XCTUnwrap(app.session.record.present.first { $0.name == "Elsie" })
        XCTAssertFalse(app.session.record.openDrafts.contains { $0.proposedBy == elsie.id }, "quiet Elsie puts nothing forward unasked")
        XCTAssertTrue(app.activeBindings.contains { $0.label == "ask by name" })
        app.handle(.character("i"))
        XCTAssertTrue(ConsoleScreen.render(app, width: 80, height: 24).quotedRows().contains("Ask someone by name"))
        app.handle(.down)
        app.handle(.enter)
        XCTAssertEqual(app.state.mode, .browse)
        XCTAssertTrue(app.session.record.openDrafts.contains { $0.proposedBy == elsie.id }, "asked by name, Elsie puts a wording forward")
        guard case .proposeGoal = saved.events.last else { return XCTFail("the wording is journaled: \(String(describing: saved.events.last))") }
        // Esc asks nobody.
        let before = saved.events.count
        app.handle(.character("i"))
        app.handle(.escape)
        XCTAssertEqual(app.state.mode, .browse)
        XCTAssertEqual(saved.events.count, before)
    }

    func testEveryStepOfAPracticeRunDrawsAtEverySize() {
        let (app, _, _, _) = PracticeScreenFixtures.app()
        for key in PracticeScreenFixtures.carelessKeys {
            PracticeConsoleTests.press(app, [key])
            for (width, height) in [(44, 12), (60, 20), (80, 24), (200, 60)] {
                let grid = ConsoleScreen.render(app, width: width, height: height)
                XCTAssertEqual(grid.width, width)
                XCTAssertEqual(grid.height, height)
            }
        }
        for (width, height) in [(44, 12), (60, 20), (3, 3)] {
            var grid = Grid(width: width, height: height)
            DebriefScreen.render(app.practice!.currentDebrief(app.session, at: app.now), in: grid.area, grid: &grid)
        }
    }

    // MARK: - Golden screens

    func testGoldenConsoleWithTheCoach() {
        for size in [(80, 24), (160, 48)] {
            let (app, _, _, _) = PracticeScreenFixtures.app()
            Self.press(app, ["]", "n", "n", "n"])
            Golden.assertScreen(ConsoleScreen.render(app, width: size.0, height: size.1), named: "practice-coach-\(size.0)x\(size.1)")
        }
    }

    func testGoldenDebrief() throws {
        for size in [(80, 24), (160, 48)] {
            let (app, _, _, _) = PracticeScreenFixtures.app()
            Self.press(app, PracticeScreenFixtures.carelessKeys)
            Golden.assertScreen(ConsoleScreen.render(app, width: size.0, height: size.1), named: "practice-debrief-\(size.0)x\(size.1)")
        }
        // The three things to do differently are what the facilitator takes away: on screens
        // shorter than 80x24 each still starts on a line of its own, and at 80x24 each is whole.
        let (app, _, _, _) = PracticeScreenFixtures.app()
        Self.press(app, PracticeScreenFixtures.carelessKeys)
        for height in [16, 18, 20, 22, 24, 30, 34, 35, 40, 48] {
            let rows = ConsoleScreen.render(app, width: 80, height: height).quotedRows()
            for number in 1...3 { XCTAssertTrue(rows.contains("\" \(number). "), "\(height) rows:\n\(rows)") }
            // From 80x24 up, none of the three is cut short.
            let things = rows.split(separator: "\n").drop { !$0.contains("Three things to do differently") }.dropFirst().prefix(6)
            if height >= 24 { XCTAssertFalse(things.contains { $0.contains("…") }, "\(height) rows:\n\(rows)") }
        }
        // In a space too small for the table (a long status message on a small window), one line
        // says where the figures are, rather than a heading over nothing.
        let debrief = try XCTUnwrap(app.practice).currentDebrief(app.session, at: app.now)
        var grid = Grid(width: 40, height: 7)
        DebriefScreen.render(debrief, in: Rect(x: 0, y: 0, width: 40, height: 7), grid: &grid)
        let small = grid.quotedRows()
        XCTAssertTrue(small.contains("The figures are in debrief.txt."), small)
        XCTAssertFalse(small.contains("Indicator"), small)
        XCTAssertTrue(small.contains("1. ") && small.contains("3. "), small)
    }

    /// Every indicator of the debrief can be reached at 80x24 and 60x20: the table says how many
    /// are below, ↓ scrolls to them, ↑ back; at 160x48 all fit and nothing scrolls.
    func testEveryDebriefIndicatorIsReachableOnASmallScreen() throws {
        for (width, height) in [(80, 24), (60, 20)] {
            let (app, _, _, _) = PracticeScreenFixtures.app()
            Self.press(app, PracticeScreenFixtures.carelessKeys)
            app.state.size = (width, height)
            let titles = try XCTUnwrap(app.practice).currentDebrief(app.session, at: app.now).indicators.map(\.title)
            XCTAssertGreaterThanOrEqual(titles.count, 17)
            var first = ConsoleScreen.render(app, width: width, height: height).quotedRows()
            XCTAssertTrue(first.contains("↓ ") && first.contains(" more below"), "\(width)x\(height):\n\(first)")
            var seen = Set<String>()
            var rows = first
            for _ in 0..<titles.count {
                seen.formUnion(Self.titlesShown(titles, in: rows))
                app.handle(.down)
                rows = ConsoleScreen.render(app, width: width, height: height).quotedRows()
            }
            XCTAssertEqual(seen.count, titles.count, "\(width)x\(height): not reached: \(Set(titles).subtracting(seen))\n\(first)\n\(rows)")
            XCTAssertTrue(rows.contains(" above") && !rows.contains("more below"), "at the end, nothing more below:\n\(rows)")
            XCTAssertTrue(rows.contains("Three things to do differently next time"), rows)
            XCTAssertTrue(app.state.message?.text.hasPrefix("Indicators ") == true, app.state.message?.text ?? "")
            // ↑ comes straight back, however far ↓ was pressed.
            for _ in 0..<titles.count { app.handle(.up) }
            first = ConsoleScreen.render(app, width: width, height: height).quotedRows()
            XCTAssertFalse(first.contains(" above"), first)
            XCTAssertEqual(app.state.debriefScroll, 0)
        }
        let (app, _, _, _) = PracticeScreenFixtures.app()
        Self.press(app, PracticeScreenFixtures.carelessKeys)
        app.state.size = (160, 48)
        let rows = ConsoleScreen.render(app, width: 160, height: 48).quotedRows()
        for indicator in try XCTUnwrap(app.practice).currentDebrief(app.session, at: app.now).indicators {
            XCTAssertTrue(rows.contains(indicator.title), "\(indicator.title) at 160x48:\n\(rows)")
        }
        XCTAssertFalse(rows.contains("more below"), rows)
        app.handle(.down)
        XCTAssertEqual(app.state.message?.text, "Every indicator is in view.")
    }

    /// Which of `titles` are in the debrief table's rows (a mark, then the title, whole or cut with …).
    static func titlesShown(_ titles: [String], in quoted: String) -> Set<String> {
        var seen = Set<String>()
        for line in quoted.split(separator: "\n") {
            let text = line.dropFirst() // the opening quote
            guard let mark = text.dropFirst().first, "✓✗–".contains(mark) else { continue }
            let rest = String(text.dropFirst(3))
            for title in titles {
                if rest.hasPrefix(title + " ") { seen.insert(title) }
                if let cut = rest.firstIndex(of: "…"), rest.distance(from: rest.startIndex, to: cut) >= 5, title.hasPrefix(rest[..<cut]) { seen.insert(title) }
            }
        }
        return seen
    }

    func testGoldenDebriefScrolled() {
        let (app, _, _, _) = PracticeScreenFixtures.app()
        Self.press(app, PracticeScreenFixtures.carelessKeys)
        app.state.size = (80, 24)
        for _ in 0..<20 { app.handle(.down) }
        Golden.assertScreen(ConsoleScreen.render(app, width: 80, height: 24), named: "practice-debrief-scrolled-80x24")
    }

    func testTheProjectorShowsNoCoach() {
        let (app, _, _, _) = PracticeScreenFixtures.app()
        Self.press(app, ["]", "n", "n", "n", "p"])
        let screen = ConsoleScreen.render(app, width: 160, height: 48).quotedRows()
        XCTAssertFalse(screen.contains("Coach"))
        XCTAssertFalse(screen.contains("In the room"))
    }
}

final class HomePractiseTests: XCTestCase {
    /// The scenarios are read when `p` is first pressed, not before the first screen, and once.
    func testTheScenariosAreReadOnFirstAskingOnly() {
        let home = HomeApp(entries: [], content: ScreenFixtures.content)
        var reads = 0
        home.loadScenarios = {
            reads += 1
            return [HomeScenario(name: "day-service", title: "A day service", description: "Eight people.")]
        }
        _ = home.render(width: 80, height: 24)
        XCTAssertEqual(reads, 0)
        home.handle(.character("p"))
        XCTAssertTrue(home.choosingScenario)
        home.handle(.escape)
        home.handle(.character("p"))
        XCTAssertEqual(reads, 1)
        XCTAssertEqual(home.scenarios.map(\.name), ["day-service"])
    }

    /// Until the content is read (just after the first screen), `n` does nothing rather than
    /// open a form without its choices.
    func testNoFormBeforeTheContentIsRead() {
        let home = HomeApp(entries: [], content: nil)
        home.handle(.character("n"))
        XCTAssertNil(home.form)
        home.content = ScreenFixtures.content
        home.handle(.character("n"))
        XCTAssertNotNil(home.form)
    }

    func testTheHomeScreenListsTheScenariosAndStartsOne() throws {
        let home = HomeApp(entries: [], content: ScreenFixtures.content)
        let library = try ScenarioLibrary.builtIn(glossary: ScreenFixtures.content.glossary)
        home.scenarios = library.scenarios.map { HomeScenario(name: $0.name, title: $0.title, description: $0.description) }
        XCTAssertTrue(home.render(width: 80, height: 24).quotedRows().contains("p practise"))
        home.handle(.character("p"))
        XCTAssertTrue(home.choosingScenario)
        let screen = home.render(width: 120, height: 30).quotedRows()
        for scenario in library.scenarios { XCTAssertTrue(screen.contains("\(scenario.title): \(scenario.description)"), screen) }
        Golden.assertScreen(home.render(width: 80, height: 24), named: "home-practise-80x24")
        home.handle(.escape)
        XCTAssertFalse(home.choosingScenario)
        XCTAssertNil(home.choice)
        home.handle(.character("p"))
        home.handle(.down)
        home.handle(.enter)
        XCTAssertEqual(home.choice, .practice(scenario: library.scenarios[1].name))
    }
}
