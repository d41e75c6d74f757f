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

    /// Summaries (read by the home screen, `list` and review through the quick decoder) read the
    /// same both ways: at every stage, with names of every kind, a practice run, a finished one.
    func testSummariesDecodeTheSameBothWays() throws {
        let template = try ContentLibrary.load().template(named: "standard")
        let names = ["Zoë\u{301}", "李明", "👩🏽‍🦱 Ama", "Tab\there \"quoted\""]
        for target in [nil, FlowStep(.welcome), FlowStep(.storytelling), FlowStep(.ideas), FlowStep(.actions)] {
            var session = SampleWorkshop.session(template: template, names: names, upTo: target, start: start)
            try bothWays(SessionSummary(session, updatedAt: start.addingTimeInterval(3_600.5)))
            session.group = nil
            session.isPractice = true
            try bothWays(SessionSummary(session, updatedAt: start))
        }
    }

    /// The turn history's own quick path gives what JSONDecoder gives for turns as Campfire
    /// writes them (with and without an end, passed, invited), and leaves any other shape to the
    /// general way (an extra key, a key twice, an escaped key, a null where a value should be),
    /// which still gives JSONDecoder's result or refuses.
    func testTurnsReadTheSameBothWaysWhateverTheirShape() throws {
        var turns: [Turn] = []
        for n in 0..<300 {
            turns.append(Turn(participant: n % 7 == 0 ? "p\"\(n)é" : "p\(n % 30)", startedAt: start.addingTimeInterval(Double(n) * 1.5),
                              endedAt: n % 5 == 0 ? nil : start.addingTimeInterval(Double(n) * 1.5 + 1.25), passed: n % 3 == 0, invited: n % 4 == 0))
        }
        try bothWays(StoryRound(currentTeller: "p1", turns: turns))
        try bothWays(StoryRound(turns: []))
        let document = QuickJSONDecoderTests.turnsDocument
        let shapes = [
            #"{"endedAt":null,"invited":false,"participant":"a","passed":true,"startedAt":"2026-11-18T11:07:12.000Z"}"#,
            #"{"invited":false,"participant":"a","passed":true,"startedAt":"2026-11-18T11:07:12.000Z","extra":1}"#,
            #"{"invited":false,"participant":"a","participant":"b","passed":true,"startedAt":"2026-11-18T11:07:12.000Z"}"#,
            #"{"invited":false,"p\u0061rticipant":"a","passed":true,"startedAt":"2026-11-18T11:07:12.000Z"}"#,
            #"{"invited":false,"participant":"a","passed":true,"startedAt":"2026-11-18T11:07:12.000Z","endedAt":"2026-11-18T11:07:13.500Z"}"#,
            #"{"invited":false,"participant":"a","passed":null,"startedAt":"2026-11-18T11:07:12.000Z"}"#,
            #"{"invited":false,"participant":"a","passed":true}"#,
            #"{"invited":false,"participant":"a","passed":true,"startedAt":"2026-11-18 11:07:12"}"#,
            #"{"invited":false,"participant":"a\u00e9","passed":true,"startedAt":"2026-11-18T11:07:12.000Z"}"#,
        ]
        for shape in shapes {
            let data = Data(document.replacingOccurrences(of: "TURN", with: shape).utf8)
            let careful = try? JSONCoding.decoder().decode(StoryRound.self, from: data)
            let quick = try? QuickJSONDecoder.decode(StoryRound.self, from: data)
            if let quick { XCTAssertEqual(quick, careful, shape) }
        }
        // The usual shape takes the quick path and gives the same turns.
        let usual = Data(document.replacingOccurrences(of: "TURN", with: shapes[4]).utf8)
        XCTAssertEqual(try QuickJSONDecoder.decode(StoryRound.self, from: usual), try JSONCoding.decoder().decode(StoryRound.self, from: usual))
    }

    static let turnsDocument = #"{"turns":[{"endedAt":"2026-11-18T11:07:14.000Z","invited":false,"participant":"p1","passed":false,"startedAt":"2026-11-18T11:07:12.000Z"},TURN]}"#

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
