import XCTest
@testable import Persistence

/// The journal line format is a contract with other tools: test it byte for byte.
final class JournalFormatTests: XCTestCase {
    func testCRC32MatchesZlib() {
        // The standard check value, and zlib.crc32(b"") == 0.
        XCTAssertEqual(CRC32.checksum(Array("123456789".utf8)), 0xCBF4_3926)
        XCTAssertEqual(CRC32.hex([UInt8]()), "00000000")
        // zlib.crc32(b'{"seq":1,"at":"2026-11-23T10:41:07.123Z","event":{"added":{"_0":"a/b"}}}')
        let body = #"{"seq":1,"at":"2026-11-23T10:41:07.123Z","event":{"added":{"_0":"a/b"}}}"#
        XCTAssertEqual(CRC32.hex(Array(body.utf8)), zlibValueForBody)
    }

    func testLineIsExactlyTheDocumentedBytes() throws {
        let root = try makeTemporaryFolder(self)
        let file = root.appendingPathComponent("journal.jsonl")
        let writer = try JournalWriter<ToyEvent>(file: file)
        try writer.append(.added("a/b"), sequence: 1, at: baseTime)
        let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        XCTAssertEqual(
            text,
            #"{"seq":1,"at":"2026-11-23T10:41:07.123Z","event":{"added":{"_0":"a/b"}},"sum":"\#(zlibValueForBody)"}"# + "\n")
    }

    func testLineIsValidJSONWithKeysInOrder() throws {
        let line = JournalLine.encode(eventJSON: Data(#"{"x":1}"#.utf8), sequence: 42, at: baseTime)
        let text = String(decoding: line, as: UTF8.self)
        XCTAssertTrue(text.hasSuffix("\n"))
        XCTAssertEqual(text.filter { $0 == "\n" }.count, 1)
        let object = try JSONSerialization.jsonObject(with: line) as? [String: Any]
        XCTAssertEqual(object?["seq"] as? Int, 42)
        XCTAssertEqual(object?["at"] as? String, "2026-11-23T10:41:07.123Z")
        let positions = ["\"seq\"", "\"at\"", "\"event\"", "\"sum\""].map { text.range(of: $0)!.lowerBound }
        XCTAssertEqual(positions, positions.sorted())
    }

    func testTimestampsRoundTripAtMillisecondPrecision() {
        XCTAssertEqual(Timestamp.format(baseTime), "2026-11-23T10:41:07.123Z")
        XCTAssertEqual(Timestamp.parse("2026-11-23T10:41:07.123Z"), baseTime)
        XCTAssertEqual(Timestamp.format(Date(timeIntervalSince1970: 0.9996)), "1970-01-01T00:00:01.000Z")
        XCTAssertEqual(Timestamp.format(Date(timeIntervalSince1970: -0.5)), "1969-12-31T23:59:59.500Z")
        XCTAssertNil(Timestamp.parse("2026-11-23 10:41:07.123Z"))
        XCTAssertNil(Timestamp.parse("2026-13-23T10:41:07.123Z"))
    }

    /// Dates are written digit by digit: the same text as `String(format:)` gives, for random
    /// dates from the year 1 to 9999 at any fraction of a second, and at the edges of that.
    func testTimestampsAreWrittenAsPrintfWritesThem() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let date = Date(timeIntervalSince1970: Double.random(in: -62_135_596_800...253_402_300_799, using: &random))
            XCTAssertEqual(Timestamp.format(date), Timestamp.formatWithPrintf(date), "\(date.timeIntervalSince1970)")
        }
        XCTAssertEqual(Timestamp.format(Date(timeIntervalSince1970: 253_402_300_799.999)), "9999-12-31T23:59:59.999Z")
        XCTAssertEqual(Timestamp.format(Date(timeIntervalSince1970: 253_402_300_800)), "10000-01-01T00:00:00.000Z")  // by printf
        XCTAssertEqual(Timestamp.format(Date(timeIntervalSince1970: -62_135_596_800)), "0001-01-01T00:00:00.000Z")
    }

    func testEventContainingTheSumMarkerStillChecks() throws {
        let root = try makeTemporaryFolder(self)
        let file = root.appendingPathComponent("journal.jsonl")
        let writer = try JournalWriter<ToyEvent>(file: file)
        let tricky = #"","sum":"00000000"}"# + "\\\n\"}"
        try writer.append(.added(tricky), sequence: 1, at: baseTime)
        try writer.append(.renamed(#",\"sum\":\""#), sequence: 2, at: baseTime)
        let result = try JournalReader.read(file, as: ToyEvent.self)
        XCTAssertEqual(result.records.map(\.event), [.added(tricky), .renamed(#",\"sum\":\""#)])
        XCTAssertNil(result.tornTail)
        XCTAssertEqual(result.corruptLines, [])
    }
}

/// Computed independently with Python: zlib.crc32 of the body above, as %08x.
private let zlibValueForBody = "b6172842"
