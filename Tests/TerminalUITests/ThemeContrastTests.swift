import Foundation
import TerminalUI
import XCTest

/// Every role of every theme, drawn in every way the screens draw it, reaches 7:1 (WCAG AAA)
/// under the common terminal palettes, whether the terminal draws bold as bright or not.
final class ThemeContrastTests: XCTestCase {
    /// The lowest contrast of one theme under one bold mode, and where it is.
    struct Lowest {
        var ratio = Double.infinity
        var place = ""
    }

    /// What one role looks like on screen: colour numbers after bold-as-bright and reverse.
    static func shown(_ entry: ColourPairTable.Entry, attributes: (bold: Bool, underline: Bool, reverse: Bool), boldIsBright: Bool) -> (text: Int, background: Int)? {
        guard var foreground = entry.foreground.paletteIndex, var background = entry.background.paletteIndex else { return nil }
        // Terminals differ in whether bold brightens the colour before or after reverse;
        // both are counted, so either order is covered.
        if boldIsBright, attributes.bold, foreground < 8 { foreground += 8 }
        if attributes.reverse { swap(&foreground, &background) }
        if boldIsBright, attributes.bold, foreground < 8 { foreground += 8 }
        return (foreground, background)
    }

    static func lowest(theme: Theme, boldIsBright: Bool) -> Lowest {
        let table = ColourPairTable(theme: theme, useColour: true)
        var lowest = Lowest()
        for role in Role.allCases {
            for bold in [false, true] {
                for reverse in [false, true] {
                    let entry = table.entry(for: role)
                    let attributes = table.attributes(for: Style(role, bold: bold, reverse: reverse))
                    guard let shown = shown(entry, attributes: attributes, boldIsBright: boldIsBright) else { continue }
                    for palette in TerminalPalette.all {
                        let ratio = Contrast.ratio(palette.colours[shown.text], palette.colours[shown.background])
                        if ratio < lowest.ratio {
                            lowest = Lowest(ratio: ratio, place: "\(role) bold \(bold) reverse \(reverse) under \(palette.name)")
                        }
                    }
                }
            }
        }
        return lowest
    }

    func testThePaletteArithmeticMatchesKnownFigures() {
        // Black on white is 21:1 and grey 0x767676 on white 4.54:1 (WCAG's own examples).
        XCTAssertEqual(Contrast.ratio(0x000000, 0xFFFFFF), 21, accuracy: 0.01)
        XCTAssertEqual(Contrast.ratio(0x767676, 0xFFFFFF), 4.54, accuracy: 0.01)
        // The fault in the issue: bold black drawn as xterm's grey behind cyan, about 2:1.
        let xterm = TerminalPalette.all[0]
        XCTAssertLessThan(Contrast.ratio(xterm.colours[8], xterm.colours[6]), 2.5)
    }

    func testEveryPairOfEveryThemeReachesSevenToOneUnderEveryPalette() {
        XCTAssertEqual(Theme.all.map(\.name), ["dark", "light", "contrast"])
        for theme in Theme.all {
            for boldIsBright in [false, true] {
                let lowest = Self.lowest(theme: theme, boldIsBright: boldIsBright)
                XCTAssertGreaterThanOrEqual(lowest.ratio, 7, "\(theme.name), bold drawn bright \(boldIsBright): \(lowest.place)")
            }
        }
    }

    func testNoRoleUsesTheTerminalDefaultColours() {
        for theme in Theme.all {
            for role in Role.allCases {
                let colours = theme.colours(for: role)
                XCTAssertNotNil(colours.foreground.paletteIndex, "\(theme.name) \(role)")
                XCTAssertNotNil(colours.background.paletteIndex, "\(theme.name) \(role)")
            }
        }
    }

    func testBoldNeverChoosesAColour() {
        for theme in Theme.all {
            let table = ColourPairTable(theme: theme, useColour: true)
            for role in Role.allCases {
                for reverse in [false, true] {
                    let entry = table.entry(for: role)
                    let attributes = table.attributes(for: Style(role, bold: true, reverse: reverse))
                    // Bold black (or any colour 0-7) would turn into another colour on xterm.
                    if attributes.bold {
                        XCTAssertFalse(entry.foreground.changesWhenBold, "\(theme.name) \(role)")
                        if reverse { XCTAssertFalse(entry.background.changesWhenBold, "\(theme.name) \(role)") }
                    }
                    let plain = Self.shown(entry, attributes: table.attributes(for: Style(role, reverse: reverse)), boldIsBright: true)!
                    let bold = Self.shown(entry, attributes: attributes, boldIsBright: true)!
                    XCTAssertTrue(plain == bold, "\(theme.name) \(role): bold changed the colours")
                }
            }
        }
        // The old dark theme's fault: the step bar and hint keys were bold black, which
        // xterm draws grey. Bold black is now drawn as plain black.
        let dark = ColourPairTable(theme: .dark, useColour: true)
        XCTAssertFalse(dark.attributes(for: Style(.hint, bold: true, reverse: true)).bold)
        XCTAssertFalse(dark.attributes(for: Style(.title, bold: true, reverse: true)).bold)
        XCTAssertTrue(dark.attributes(for: Style(.heading, bold: true)).bold, "bright colours keep bold")
    }

    /// docs/contrast.md states the lowest figure of each theme in both bold modes.
    func testTheFiguresInTheDocsAreTheComputedOnes() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../docs/contrast.md").standardized
        let text = try String(contentsOf: docs, encoding: .utf8)
        for theme in Theme.all {
            let plain = Self.lowest(theme: theme, boldIsBright: false).ratio
            let bright = Self.lowest(theme: theme, boldIsBright: true).ratio
            let row = String(format: "| %@ | %.2f:1 | %.2f:1 |", theme.name, plain, bright)
            XCTAssertTrue(text.contains(row), "docs/contrast.md should have the row \(row)")
        }
    }
}
