import TerminalUI
import XCTest

final class KeyDecoderTests: XCTestCase {
    private func decode(_ text: String, flush: Bool = true) -> [Key] {
        var decoder = KeyDecoder()
        var keys = decoder.feed(text)
        if flush { keys += decoder.flush() }
        return keys
    }

    func testControlCharacters() {
        XCTAssertEqual(decode("\r\n\t\u{7F}\u{08}"), [.enter, .enter, .tab, .backspace, .backspace])
        XCTAssertEqual(decode("\u{01}\u{03}\u{12}\u{1A}"), [.control("a"), .control("c"), .control("r"), .control("z")])
        XCTAssertEqual(decode("\u{00}"), [])
    }

    func testPrintableCharacters() {
        XCTAssertEqual(decode("a中"), [.character("a"), .character("中")])
    }

    func testLoneEscapeNeedsAPause() {
        var decoder = KeyDecoder()
        XCTAssertEqual(decoder.feed("\u{1B}"), [])
        XCTAssertTrue(decoder.isWaiting)
        XCTAssertEqual(decoder.flush(), [.escape])
        XCTAssertEqual(decode("\u{1B}\u{1B}"), [.escape, .escape])
    }

    func testAltChordIsIgnored() {
        XCTAssertEqual(decode("\u{1B}x"), [])
        XCTAssertEqual(decode("\u{1B}xy"), [.character("y")])
    }

    func testEscapeSequences() {
        XCTAssertEqual(decode("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D"), [.up, .down, .right, .left])
        XCTAssertEqual(decode("\u{1B}OA\u{1B}OH\u{1B}OF\u{1B}OP"), [.up, .home, .end, .function(1)])
        XCTAssertEqual(decode("\u{1B}[1~\u{1B}[4~\u{1B}[3~\u{1B}[5~\u{1B}[6~"), [.home, .end, .delete, .pageUp, .pageDown])
        XCTAssertEqual(decode("\u{1B}[15~\u{1B}[24~\u{1B}[Z"), [.function(5), .function(12), .backTab])
        XCTAssertEqual(decode("\u{1B}[1;5A"), [.up], "modified arrows act as plain arrows")
        XCTAssertEqual(decode("\u{1B}[I\u{1B}[O\u{1B}[99~x"), [.character("x")], "unknown sequences are swallowed")
    }

    func testBracketedPasteIsOneKey() {
        XCTAssertEqual(decode("\u{1B}[200~hello q\rworld\u{1B}[201~z"), [.paste("hello q\nworld"), .character("z")])
    }

    func testPasteDropsControlsAndKeepsLookalikes() {
        let keys = decode("\u{1B}[200~a\u{1B}[2Jb\u{1B}[20c\r\nd\u{07}\u{1B}[201~")
        XCTAssertEqual(keys, [.paste("a[2Jb[20c\nd")])
    }

    func testPasteIsCapped() {
        var decoder = KeyDecoder(maximumPasteBytes: 4)
        XCTAssertEqual(decoder.feed("\u{1B}[200~abc中def\u{1B}[201~"), [.paste("abc")])
    }

    func testUnfinishedPasteIsDeliveredOnFlush() {
        var decoder = KeyDecoder()
        XCTAssertEqual(decoder.feed("\u{1B}[200~abc"), [])
        XCTAssertTrue(decoder.isPasting)
        XCTAssertEqual(decoder.flush(), [.paste("abc")])
    }

    func testKeyNames() {
        XCTAssertEqual(Key.control("r").name, "Ctrl-R")
        XCTAssertEqual(Key.function(5).name, "F5")
        XCTAssertEqual(Key.character(" ").name, "Space")
    }
}
