import Glibc
import TerminalUI
@testable import TerminalUI
@testable import TextMeasure
import XCTest

final class TextWidthTests: XCTestCase {
    /// Widths that must hold whatever the process locale is.
    private let expectations: [(String, Int)] = [
        ("hello", 5),
        ("", 0),
        ("中文", 4),
        ("日本語テキスト", 14),
        ("한국어", 6),
        ("e\u{301}", 1),              // e + combining acute
        ("a\u{308}\u{323}", 1),       // two combining marks
        ("é", 1),
        ("😀", 2),
        ("👍🏽", 2),                   // skin tone modifier
        ("❤️", 2),                    // text-default heart with VS16
        ("1️⃣", 2),                    // keycap sequence
        ("👨‍👩‍👧‍👦", 2),                  // ZWJ family
        ("👩‍💻", 2),
        ("🇬🇧", 2),                    // flag: regional indicator pair
        ("🇬🇧🇫🇷", 4),
        ("שלום", 4),                  // Hebrew
        ("مرحبا", 5),                 // Arabic
        ("│─┌█", 4),
        ("…", 1),
    ]

    private func assertExpectations(file: StaticString = #filePath, line: UInt = #line) {
        for (text, width) in expectations {
            XCTAssertEqual(TextWidth.of(text), width, "width of \(text.debugDescription)", file: file, line: line)
        }
    }

    func testWidthsInTheCLocale() {
        let previous = String(cString: setlocale(LC_ALL, nil))
        defer { setlocale(LC_ALL, previous) }
        setlocale(LC_ALL, "C")
        XCTAssertTrue(TextWidth.usesSystemTable, "C.UTF-8 should be loadable on this machine")
        assertExpectations()
    }

    func testWidthsInAUTF8Locale() {
        let previous = String(cString: setlocale(LC_ALL, nil))
        defer { setlocale(LC_ALL, previous) }
        XCTAssertNotNil(setlocale(LC_ALL, "C.UTF-8"))
        assertExpectations()
    }

    func testCharacterWidths() {
        XCTAssertEqual(TextWidth.of(Character("a")), 1)
        XCTAssertEqual(TextWidth.of(Character("中")), 2)
        XCTAssertEqual(TextWidth.of(Character("\u{301}")), 0)
        XCTAssertEqual(TextWidth.of(Character("\u{200D}")), 0)
        XCTAssertEqual(TextWidth.of(Character("\u{1B}")), 1, "controls count as the one symbol sanitize shows")
    }

    func testFallbackAgreesOnCommonText() {
        for scalar in "a中é😀שمΩ\u{301}\u{200B}".unicodeScalars {
            XCTAssertEqual(TextWidth.fallbackColumns(of: scalar), TextWidth.columns(of: scalar), "U+\(String(scalar.value, radix: 16))")
        }
    }
}
