import Foundation
import XCTest
@testable import Persistence
@testable import Workshop

/// The quick JSON decoder gives exactly what JSONDecoder gives, or throws (and the caller then
/// uses JSONDecoder).
final class QuickJSONDecoderTests: XCTestCase {
    let start = Date(timeIntervalSince1970: 1_795_000_000.123)

    private func bothWays<T: Codable & Equatable>(_ value: T, file: StaticString = #filePath, line: UInt = #line) throws {
        let data = try JSONCoding.encoder().encode(value)
        let careful = try JSONCoding.decoder().decode(T.self, from: data)
        let quick = try QuickJSONDecoder.decode(T.self, from: data)
        XCTAssertEqual(quick, careful, file: file, line: line)
        XCTAssertEqual(quick, value, file: file, line: line)
    }

    func testAWholeWorkshopDecodesTheSameBothWays() throws {
        let template = try ContentLibrary.load().template(named: "standard")
        let names = ["Zoë\u{301}", "李明", "עדי\u{202E}", "👩🏽‍🦱 Ama", "Tab\there \"quoted\" \\ back/slash", "line\nbreak \u{1} control"]
        for target in [nil, FlowStep(.storytelling), FlowStep(.ideas)] {
            try bothWays(SampleWorkshop.session(template: template, names: names, upTo: target, start: start))
        }
    }

    func testASnapshotFileReadsTheSameAsBefore() throws {
        let folder = try makeTemporaryFolder(self).appendingPathComponent("s")
        let template = try ContentLibrary.load().template(named: "standard")
        let store = try SessionStore.create(Session(id: "s", title: "Both ways \u{1F525}", createdAt: start, template: template), in: folder, at: start)
        for (event, seconds) in SampleWorkshop.events(template: template) { try store.record(event, at: start.addingTimeInterval(seconds)) }
        store.close(at: start)
        let data = try Data(contentsOf: folder.appendingPathComponent("snapshot.json"))
        let quick = try QuickJSONDecoder.decode(QuickJSONDecoder.Snapshot<Session>.self, from: data)
        // Closed at its Close step, the room-only story's words were forgotten from the files (issue 16).
        XCTAssertEqual(quick.document, RoomOnlyForgetting.scrubbingEveryRoomOnlyStory(store.session))
        XCTAssertEqual(quick.journalSequence, store.files.lastSequence)
        XCTAssertEqual(quick.savedAt, start)
        // The whole envelope, as JSONDecoder reads it (the checks use every field of it).
        let slow = try JSONCoding.decoder().decode(SnapshotEnvelope.Header.self, from: data).envelope
        XCTAssertEqual(quick.envelope, slow)
        XCTAssertEqual(quick.envelope.format, 2)
        XCTAssertNotNil(quick.envelope.journal.length)
        XCTAssertNotNil(quick.envelope.documentSum)
    }

    func testRandomTextRoundTrips() throws {
        var seed: UInt64 = 7
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        let pieces = ["a", "Z", " ", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}", "\u{7F}", "é", "e\u{301}", "語", "🔥", "\u{FFFF}", "\u{10FFFF}", "\u{2028}", "{", "}", "[", "]", ":", ","]
        for _ in 0..<500 {
            let text = (0..<next(20)).map { _ in pieces[next(pieces.count)] }.joined()
            try bothWays([text: [text, ""]])
            try bothWays(Participant(id: text, name: text))
        }
        try bothWays([Int.max, Int.min, 0, -1])
        try bothWays([0.1, -2.5e-300, 1e300, 3.0])
        try bothWays([true, false])
        try bothWays(["a": nil, "b": 1] as [String: Int?])
    }

    func testAnythingNotStrictJSONIsRefused() {
        struct Box: Decodable { let a: Int }
        for text in [#"{"a":1"#, #"{"a":01}"#, #"{"a":1,}"#, #"{"a":1}x"#, #"{'a':1}"#, #"{"a":1.5}"#, #"{"a":"1"}"#, "{\"a\":1}\u{0}",
                     #"{"a":99999999999999999999}"#, #"{"b":1}"#, "[\"\u{1}\"]"] {
            XCTAssertThrowsError(try QuickJSONDecoder.decode(Box.self, from: Data(text.utf8)), text)
        }
        XCTAssertThrowsError(try QuickJSONDecoder.decode(String.self, from: Data([0x22, 0xFF, 0xFE, 0x22])), "not UTF-8")
        XCTAssertThrowsError(try QuickJSONDecoder.decode(String.self, from: Data(#""\uD800""#.utf8)), "half a pair")
    }
}
