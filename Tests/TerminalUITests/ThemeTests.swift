import TerminalUI
import XCTest

final class ThemeTests: XCTestCase {
    func testEveryRoleHasItsOwnPairInColour() {
        let table = ColourPairTable(theme: .dark, useColour: true)
        XCTAssertEqual(table.entries.map(\.pair), Array(1...Role.allCases.count))
        XCTAssertEqual(table.entry(for: .text).pair, 1)
        XCTAssertEqual(table.entry(for: .red).background, .brightWhite)
    }

    func testWithoutColourOnlyAttributesCarryMeaning() {
        let table = ColourPairTable(theme: .dark, useColour: false)
        XCTAssertTrue(table.entries.allSatisfy { $0.pair == 0 })
        XCTAssertTrue(table.attributes(for: Style(.selected)).reverse)
        XCTAssertTrue(table.attributes(for: Style(.warning)).bold)
        XCTAssertFalse(table.attributes(for: Style(.text)).reverse)
        XCTAssertTrue(table.attributes(for: Style(.text, underline: true)).underline)
    }

    func testThemesAreHighContrast() {
        for theme in Theme.all {
            for role in Role.allCases {
                let colours = theme.colours(for: role)
                XCTAssertNotEqual(colours.foreground, colours.background, "\(theme.name) \(role)")
            }
            // Body text is black on white or bright white on black.
            let text = theme.colours(for: .text)
            XCTAssertTrue([ColourName.black, .white, .brightWhite].contains(text.foreground))
        }
        XCTAssertEqual(Theme.named("LIGHT")?.name, "light")
        XCTAssertNil(Theme.named("sepia"))
    }

    func testStartErrorsArePlainSentences() {
        XCTAssertEqual(TerminalStartError.check(inputIsTerminal: false, outputIsTerminal: true, term: "xterm"), .notATerminal)
        XCTAssertEqual(TerminalStartError.check(inputIsTerminal: true, outputIsTerminal: false, term: "xterm"), .notATerminal)
        XCTAssertEqual(TerminalStartError.check(inputIsTerminal: true, outputIsTerminal: true, term: nil), .terminalTypeNotSet)
        XCTAssertEqual(TerminalStartError.check(inputIsTerminal: true, outputIsTerminal: true, term: " "), .terminalTypeNotSet)
        XCTAssertEqual(TerminalStartError.check(inputIsTerminal: true, outputIsTerminal: true, term: "dumb"), .cannotMoveCursor(term: "dumb"))
        XCTAssertNil(TerminalStartError.check(inputIsTerminal: true, outputIsTerminal: true, term: "xterm-256color"))

        XCTAssertEqual(TerminalStartError.notATerminal.description,
                       "Campfire needs a terminal to draw its screen, but its input or output is not a terminal.")
        XCTAssertEqual(TerminalStartError.terminalTypeNotSet.description,
                       "The TERM setting is empty, so Campfire can't tell what kind of terminal this is. Try: export TERM=xterm-256color")
        XCTAssertEqual(TerminalStartError.cannotMoveCursor(term: "dumb").description,
                       "This terminal (TERM=dumb) can't move the cursor, so Campfire can't draw its screen here.")
        XCTAssertTrue(TerminalStartError.unknownTerminal(term: "vt999\u{1B}").description.contains("TERM=vt999\u{FFFD}"))
        for error in [TerminalStartError.notATerminal, .terminalTypeNotSet, .cannotMoveCursor(term: "dumb"), .unknownTerminal(term: "x")] {
            XCTAssertFalse(error.description.contains("\n"), "one line")
        }
    }
}
