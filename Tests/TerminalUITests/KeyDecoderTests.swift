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

    // MARK: Bytes that are not UTF-8 (every byte typed is kept)

    private func text(_ keys: [Key]) -> String {
        keys.map { key -> String in
            if case .character(let character) = key { return String(character) }
            if case .paste(let text) = key { return "[" + text + "]" }
            return "<\(key)>"
        }.joined()
    }

    private func decodeBytes(_ bytes: [UInt8]) -> String {
        var decoder = KeyDecoder()
        return text(decoder.feed(bytes: bytes) + decoder.flush())
    }

    func testUTF8BytesAreAssembled() {
        XCTAssertEqual(decodeBytes(Array("café 中 👩🏽".utf8)), "café 中 👩🏽")
    }

    func testALatin1ByteIsReadAsLatin1AndTheRestIsKept() {
        // "café au lait" from a Latin-1 terminal: E9 then a space, which cannot continue it.
        XCTAssertEqual(decodeBytes(Array("caf".utf8) + [0xE9] + Array(" au lait".utf8)), "café au lait")
        XCTAssertEqual(decodeBytes([0xC0, 0x41, 0xFF, 0x42]), "ÀAÿB", "bytes never valid in UTF-8 are Latin-1 too")
    }

    func testAWindows1252ApostropheIsKept() {
        XCTAssertEqual(decodeBytes(Array("It".utf8) + [0x92] + Array("s fine".utf8)), "It’s fine")
        XCTAssertEqual(decodeBytes([0x80, 0x93, 0x94, 0x81]), "€“”\u{FFFD}", "undefined in Windows-1252: U+FFFD")
    }

    func testASequenceThatStopsShortIsOneReplacementCharacter() {
        XCTAssertEqual(decodeBytes([0xE2, 0x82, 0x41]), "\u{FFFD}A")
        XCTAssertEqual(decodeBytes([0xF0, 0x9F, 0x98]), "\u{FFFD}", "ended by the pause")
        XCTAssertEqual(decodeBytes([0xED, 0xA0, 0x80]), "í\u{A0}€", "a surrogate is not UTF-8: each byte alone, as Windows-1252")
    }

    func testALoneByteAtThePauseIsKeptAndLaterKeysStillWork() {
        var decoder = KeyDecoder()
        XCTAssertEqual(decoder.feed(bytes: Array("caf".utf8) + [0xE9]), [.character("c"), .character("a"), .character("f")])
        XCTAssertTrue(decoder.isWaiting, "a sequence may still be arriving")
        XCTAssertEqual(decoder.flush(), [.character("é")])
        XCTAssertEqual(decoder.feed(bytes: [0x0D, 0x1B]), [.enter])
        XCTAssertEqual(decoder.feed(bytes: Array("[A".utf8)), [.up], "escape sequences still work after it")
    }

    func testBadBytesInAPasteAreKept() {
        XCTAssertEqual(decodeBytes(Array("\u{1B}[200~caf".utf8) + [0xE9, 0x0D] + Array("\u{1B}[201~".utf8)), "[café\n]")
    }
}
