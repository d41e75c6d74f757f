import TerminalUI
import Workshop
@testable import WorkshopUI
import XCTest

/// "No hint bar hides a key without showing '? more'": in every mode of the console, at every
/// width from the smallest allowed, a key left out of the bar means the bar shows the key that
/// lists them all (`?`, or F1 where `?` is a letter: in a box and in the name picker), and that
/// key really opens a list holding it, going back to where it was.
final class HintBarMoreTests: XCTestCase {
    private func bar(_ app: ConsoleApp, width: Int, height: Int = 24) -> String {
        app.state.size = (width, height)
        return ConsoleScreen.render(app, width: width, height: height).rowText(height - 1)
    }

    private func help(_ app: ConsoleApp) -> String {
        ConsoleScreen.render(app, width: 100, height: 40).rows.joined(separator: "\n")
    }

    /// Every hint the bar of this screen would show, and whether the bar holds it or a way to see it.
    private func assertNothingHiddenUnsaid(_ app: ConsoleApp, hints: [(keys: String, label: String)], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        for width in [ConsoleScreen.minimumWidth, 50, 60, 70, 80, 120] {
            let row = bar(app, width: width)
            let hidden = hints.filter { !row.contains("\($0.keys) \($0.label)") }
            if !hidden.isEmpty {
                XCTAssertTrue(row.contains("? all keys") || row.contains("F1 more"),
                              "\(what) at \(width) columns hides \(hidden.map(\.keys)) without saying how to see them: \(row)", file: file, line: line)
            }
        }
    }

    func testEveryStepsBarSaysWhereTheHiddenKeysAre() {
        for stage in Stage.allCases {
            let (app, _) = ScreenFixtures.app(at: FlowStep(stage))
            let (hints, pinned) = HintBar.split(app.bindings(for: .stage))
            assertNothingHiddenUnsaid(app, hints: hints + pinned, "the \(stage) step")
        }
    }

    func testABoxAtFortyFourColumnsShowsF1MoreAndF1ListsEveryKeyOfTheBox() {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.actions))
        let actionsBefore = app.session.record.actions.count
        app.handle(.character("a"))
        XCTAssertEqual(app.screen, .form)
        app.handle(.tab)  // from "For idea" to "What"
        for character in "Paint" { app.handle(.character(character)) }
        let form = try! XCTUnwrap(app.state.form)
        let (hints, pinned) = Bindings.formBar(form)
        assertNothingHiddenUnsaid(app, hints: hints + pinned, "the action box")
        XCTAssertTrue(bar(app, width: 44).contains("F1 more"), bar(app, width: 44))
        XCTAssertTrue(bar(app, width: 120).contains("F1 more"), "Home, End and Ctrl-U are never in the bar, so 'more' is always there: " + bar(app, width: 120))

        app.handle(.function(1))
        XCTAssertEqual(app.screen, .help)
        let shown = help(app)
        for key in ["Shift-Tab ", "Esc ", "Space ", "Enter ", "← → "] {
            XCTAssertTrue(shown.contains(key), "\(key) is in the box's list of keys:\n" + shown)
        }
        XCTAssertFalse(shown.contains("add action"), "the list is the box's keys, not the step's")
        app.handle(.character("x"))
        XCTAssertEqual(app.screen, .form, "any key goes back to the box")
        XCTAssertEqual(app.state.form?.fields.filter { $0.text == "Paint" }.count, 1, "the words typed before are still there, and the key that closed the list was not typed")
        XCTAssertEqual(app.session.record.actions.count, actionsBefore, "nothing was saved")
    }

    func testQuestionMarkInTheRoundOfAnswersListsItsKeysAndGoesBackToTheRound() {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.goal))
        app.handle(.down)
        app.handle(.character("c"))
        XCTAssertEqual(app.screen, .consensus)
        let (hints, pinned) = HintBar.split(app.bindings(for: .consensus))
        assertNothingHiddenUnsaid(app, hints: hints + pinned, "the round of answers")
        XCTAssertTrue(bar(app, width: 80).contains("? all keys"), bar(app, width: 80))

        app.handle(.character("?"))
        XCTAssertEqual(app.screen, .help)
        let shown = help(app)
        XCTAssertTrue(shown.contains("can live with it"), shown)
        XCTAssertTrue(shown.contains("Show answers on the wall as they come"), "the hidden key l is listed:\n" + shown)
        app.handle(.character("x"))
        XCTAssertEqual(app.screen, .consensus, "any key goes back to the round, not to the step")
        app.handle(.character("1"))
        XCTAssertEqual(app.session.record.openDrafts.first { $0.id == app.selectedDraft?.id }.map { _ in true }, true)
        XCTAssertEqual(app.screen, .consensus, "the round carries on")
    }

    func testF1InTheNamePickerListsItsKeysAndGoesBackToTheList() {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.storytelling))
        app.handle(.character("i"))
        XCTAssertEqual(app.screen, .picker)
        app.handle(.character("t"))
        XCTAssertTrue(bar(app, width: 80).contains("F1 more"), "the arrows are not in the bar: " + bar(app, width: 80))
        app.handle(.function(1))
        XCTAssertEqual(app.screen, .help)
        XCTAssertTrue(help(app).contains("Type part of a name"), help(app))
        app.handle(.character("z"))
        XCTAssertEqual(app.screen, .picker)
        guard case .pickPerson(let picker) = app.state.mode else { return XCTFail("back in the picker") }
        XCTAssertEqual(picker.filter, "t", "the letters typed are kept and the closing key is not added")
    }

    func testTheNewWorkshopBoxOnTheHomeScreenSaysF1MoreWhenNarrowAndF1ListsItsKeys() {
        let home = HomeApp(entries: [], content: ScreenFixtures.content)
        home.handle(.character("n"))
        XCTAssertNotNil(home.form)
        for character in "Spring" { home.handle(.character(character)) }
        let narrow = home.render(width: 44, height: 16).rows.last ?? ""
        XCTAssertTrue(narrow.contains("F1 more") && narrow.contains("Esc cancel"), narrow)
        XCTAssertTrue((home.render(width: 160, height: 30).rows.last ?? "").contains("F1 more"))
        home.handle(.function(1))
        let list = home.render(width: 80, height: 24).rows.joined(separator: "\n")
        XCTAssertTrue(list.contains("Shift-Tab ") && list.contains("Previous field (↑ too)."), list)
        home.handle(.character("x"))
        XCTAssertFalse(home.showingKeys)
        XCTAssertEqual(home.form?.fields.first?.text, "Spring", "back in the box with what was typed, the closing key not typed")
    }
}

/// Trial finding 22: a read-only console's key line offered "n next teller  i invite  x pass
/// a add story  ] next", every one of which was refused.
final class ReadOnlyHintBarTests: XCTestCase {
    func testAReadOnlyConsoleOffersOnlyTheKeysThatWork() {
        let (app, _) = ScreenFixtures.app(at: FlowStep(.storytelling))
        let readOnly = ReviewScreens.readOnlyConsole(app.session, at: app.session.step, content: app.content, now: app.now)
        let bar = ConsoleScreen.render(readOnly, width: 80, height: 24).rowText(23)
        for works in ["p projector", "? all keys", "q quit"] { XCTAssertTrue(bar.contains(works), bar) }
        for refused in ["a add story", "n next teller", "] next", "u undo"] { XCTAssertFalse(bar.contains(refused), bar) }
        readOnly.handle(.character("a"))
        XCTAssertEqual(readOnly.screen, .stage, "no box opens that could only be refused")
        XCTAssertTrue(readOnly.state.message?.text.hasPrefix("Nothing can be changed") ?? false)
        let normal = ConsoleScreen.render(app, width: 80, height: 24).rowText(23)
        XCTAssertTrue(normal.contains("a add story"), normal)
    }
}
