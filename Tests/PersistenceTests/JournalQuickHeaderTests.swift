import Foundation
import XCTest
@testable import Persistence

/// The journal header read straight from the bytes agrees with reading it as JSON.
final class JournalQuickHeaderTests: XCTestCase {
    private struct Header: Decodable { let seq: Int; let at: String }

    func testWrittenLinesReadTheSameBothWays() throws {
        var seed: UInt64 = 42
        func next(_ bound: UInt64) -> UInt64 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return (seed >> 33) % bound
        }
        for _ in 0..<500 {
            let sequence = Int(next(5_000_000))
            let date = Date(timeIntervalSince1970: Double(next(4_000_000_000_000)) / 1000)
            let event = Data(#"{"added":{"_0":"Zoë \"quoted\" \\ and ,\"at\":\"x\""}}"#.utf8)
            let line = JournalLine.encode(eventJSON: event, sequence: sequence, at: date)
            let withoutNewline = ArraySlice(Array(line.dropLast()))
            let quick = try XCTUnwrap(JournalLine.quickHeader(withoutNewline))
            let body = try JSONDecoder().decode(Header.self, from: Data(withoutNewline))
            XCTAssertEqual(quick.sequence, body.seq)
            XCTAssertEqual(quick.at, Timestamp.parse(body.at))
        }
    }

    func testAnythingUnusualIsLeftToTheCarefulWay() {
        for text in [
            #"{"seq": 5,"at":"2026-11-23T10:41:07.123Z","event":{},"sum":"00000000"}"#,
            #"{"seq":05,"at":"2026-11-23T10:41:07.123Z","event":{},"sum":"00000000"}"#,
            #"{"seq":5,"at":"2026-11-23T10:41:07.123","event":{},"sum":"00000000"}"#,
            #"{"at":"2026-11-23T10:41:07.123Z","seq":5,"event":{},"sum":"00000000"}"#,
            #"{"seq":5,"at":"2026-13-23T10:41:07.123Z","event":{},"sum":"00000000"}"#,
            #"{"seq":,"at":"2026-11-23T10:41:07.123Z","event":{},"sum":"00000000"}"#,
            #"{"seq":5"#,
        ] {
            XCTAssertNil(JournalLine.quickHeader(ArraySlice(Array(text.utf8))), text)
        }
    }
}
