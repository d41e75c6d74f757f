@testable import TerminalUI
import XCTest

final class TextLayoutTests: XCTestCase {
    // MARK: Sanitize

    func testEscapeSequencesCannotReachTheTerminal() {
        XCTAssertEqual(TextLayout.sanitize("\u{1B}[2Jgone"), "\u{FFFD}[2Jgone")
        XCTAssertFalse(TextLayout.sanitize("a\u{1B}b\u{9B}c").unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B })
    }

    func testControlsBecomeReplacementCharacters() {
        XCTAssertEqual(TextLayout.sanitize("a\u{0}b\u{7F}c\u{85}d\u{9F}e"), "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}e")
        XCTAssertEqual(TextLayout.sanitize("bell\u{07}"), "bell\u{FFFD}")
    }

    func testTabsAndLineBreaksBecomeSpaces() {
        XCTAssertEqual(TextLayout.sanitize("a\tb\nc\r\nd\re"), "a b c d e")
    }

    func testBidiControlsAreDropped() {
        XCTAssertEqual(TextLayout.sanitize("abc\u{202E}fed"), "abcfed")
        XCTAssertEqual(TextLayout.sanitize("\u{202A}\u{202B}\u{202C}\u{202D}x\u{2066}\u{2067}\u{2068}\u{2069}"), "x")
    }

    func testJoinersSelectorsAndMarksAreKept() {
        for text in ["👨‍👩‍👧‍👦", "❤️", "e\u{301}", "שלום", "🇬🇧"] {
            XCTAssertEqual(TextLayout.sanitize(text), text)
        }
    }

    // MARK: Wrap

    func testWrapsAtSpaces() {
        XCTAssertEqual(TextLayout.wrap("the small thing that made a big difference", width: 12),
                       ["the small", "thing that", "made a big", "difference"])
    }

    func testWrapHonoursLineBreaks() {
        XCTAssertEqual(TextLayout.wrap("one\n\ntwo three", width: 5), ["one", "", "two", "three"])
        XCTAssertEqual(TextLayout.wrap("", width: 5), [""])
        XCTAssertEqual(TextLayout.wrap("abc", width: 0), [])
    }

    func testWrapBreaksLongWordsBetweenClusters() {
        XCTAssertEqual(TextLayout.wrap("abcdefgh", width: 3), ["abc", "def", "gh"])
        XCTAssertEqual(TextLayout.wrap("中文中文中", width: 3), ["中", "文", "中", "文", "中"])
        XCTAssertEqual(TextLayout.wrap("e\u{301}e\u{301}e\u{301}", width: 2), ["e\u{301}e\u{301}", "e\u{301}"])
        XCTAssertEqual(TextLayout.wrap("中", width: 1), ["…"], "a character wider than the line is replaced, not overflowed")
    }

    func testWrapKeepsIndentationAndDropsSpacesAtBreaks() {
        XCTAssertEqual(TextLayout.wrap("  indented text", width: 10), ["  indented", "text"])
        XCTAssertEqual(TextLayout.wrap("a    b", width: 3), ["a", "b"])
    }

    // MARK: Truncate and pad

    func testTruncate() {
        XCTAssertEqual(TextLayout.truncate("hello world", width: 8), "hello w…")
        XCTAssertEqual(TextLayout.truncate("short", width: 8), "short")
        XCTAssertEqual(TextLayout.truncate("中文中文", width: 4), "中…")
        XCTAssertEqual(TextLayout.truncate("中文中文", width: 5), "中文…")
        XCTAssertEqual(TextLayout.truncate("中文中文", width: 6), "中文…", "a wide character never straddles the limit")
        XCTAssertEqual(TextLayout.truncate("👨‍👩‍👧‍👦👨‍👩‍👧‍👦", width: 3), "👨‍👩‍👧‍👦…")
        XCTAssertEqual(TextLayout.truncate("abc", width: 0), "")
        XCTAssertEqual(TextLayout.truncate("abcdef", width: 3, ellipsis: "..."), "...")
        XCTAssertEqual(TextLayout.truncate("abcdef", width: 2, ellipsis: "..."), "ab")
    }

    func testPad() {
        XCTAssertEqual(TextLayout.pad("ab", width: 4), "ab  ")
        XCTAssertEqual(TextLayout.pad("中文中", width: 5), "中文…")
        XCTAssertEqual(TextLayout.pad("中文中", width: 4), "中… ", "padded where a wide character would not fit")
        XCTAssertEqual(TextLayout.pad("中文", width: 3), "中…")
        XCTAssertEqual(TextLayout.aligned("ab", width: 6, alignment: .centre), "  ab  ")
        XCTAssertEqual(TextLayout.aligned("ab", width: 5, alignment: .right), "   ab")
        for width in 0...8 {
            XCTAssertEqual(TextWidth.of(TextLayout.pad("中a文b😀", width: width)), width)
        }
    }

    // MARK: Properties over random text

    /// A small deterministic generator so failures reproduce.
    private struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private let pieces = [
        "a", "word", " ", " ", "  ", "\n", "中", "文字", "e\u{301}", "👨‍👩‍👧‍👦", "🇬🇧", "❤️", "👍🏽", "שלום", "مرحبا",
        "\t", "\u{1B}[31m", "\u{202E}", "\u{0}", "longwordwithoutspaces", "\u{301}", "1️⃣", "…",
    ]

    func testWrapAndTruncateNeverSplitClustersNorOverflow() {
        var random = SplitMix64(state: 20_261_123)
        for _ in 0..<400 {
            let count = Int.random(in: 0...14, using: &random)
            let text = (0..<count).map { _ in pieces.randomElement(using: &random)! }.joined()
            let width = Int.random(in: 1...12, using: &random)
            // Clusters as wrap sees them: per line, after sanitizing.
            let clusters = Set(text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { TextLayout.sanitize(String($0)) })

            let lines = TextLayout.wrap(text, width: width)
            XCTAssertFalse(lines.isEmpty)
            for line in lines {
                XCTAssertLessThanOrEqual(TextWidth.of(line), width, "wrap(\(text.debugDescription), \(width))")
                for character in line where character != "…" {
                    XCTAssertTrue(clusters.contains(character), "wrap split a cluster: \(character.debugDescription) from \(text.debugDescription)")
                }
                XCTAssertEqual(TextLayout.sanitize(line), line, "wrapped lines are sanitized")
            }

            let cut = TextLayout.truncate(text, width: width)
            XCTAssertLessThanOrEqual(TextWidth.of(cut), width, "truncate(\(text.debugDescription), \(width))")
            let singleLineClusters = Set(TextLayout.sanitize(text))  // truncate works on one line
            for character in cut where character != "…" {
                XCTAssertTrue(singleLineClusters.contains(character), "truncate split a cluster: \(character.debugDescription)")
            }
            XCTAssertEqual(TextWidth.of(TextLayout.pad(text, width: width)), width)
        }
    }

    /// `wrap` answers a short line of plain text without wrapping it: the answer is the same
    /// as wrapping it word by word, for random texts of spaces, letters and line breaks.
    func testTheQuickAnswerForOneShortLineIsTheSameAsWrapping() {
        var random = SystemRandomNumberGenerator()
        let pieces = ["a", "bc", "Maya", " ", "  ", "\n", "é", "—", "x y", "\t", "💬"]
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...6, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            for width in [1, 2, 3, 5, 8, 12, 40] {
                XCTAssertEqual(TextLayout.wrap(text, width: width), TextLayout.wrapEveryLine(text, width: width), "\(text.debugDescription) at \(width)")
            }
        }
    }
}
