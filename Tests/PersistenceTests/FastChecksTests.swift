import XCTest
@testable import Persistence

/// The quicker ways reopening checks files give exactly what the plain ways give.
final class FastChecksTests: XCTestCase {
    /// CRC-32 eight bytes at a time agrees with the one-byte-at-a-time table on every length and
    /// alignment, and with zlib's known values.
    func testEightBytesAtATimeAgreesWithByteByByte() {
        var generator = SystemRandomNumberGenerator()
        func byteByByte(_ bytes: [UInt8], from previous: UInt32 = 0) -> UInt32 {
            var crc = previous ^ 0xFFFF_FFFF
            for byte in bytes {
                crc ^= UInt32(byte)
                for _ in 0..<8 { crc = (crc & 1) != 0 ? (0xEDB8_8320 ^ (crc >> 1)) : (crc >> 1) }
            }
            return crc ^ 0xFFFF_FFFF
        }
        for length in 0..<200 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            XCTAssertEqual(CRC32.checksum(bytes), byteByByte(bytes), "length \(length)")
            // From an odd start (unaligned loads), and continuing an earlier checksum.
            if length > 3 {
                XCTAssertEqual(CRC32.checksum(bytes[3...]), byteByByte(Array(bytes[3...])))
                XCTAssertEqual(CRC32.update(0x1234_5678, with: bytes[1...]), byteByByte(Array(bytes[1...]), from: 0x1234_5678))
            }
            // A sequence without contiguous storage takes the byte path: same value.
            XCTAssertEqual(CRC32.checksum(bytes.lazy.map { $0 }), byteByByte(bytes))
        }
        XCTAssertEqual(CRC32.checksum(Array("123456789".utf8)), 0xCBF4_3926)
        XCTAssertEqual(CRC32.checksum(Array(repeating: UInt8(0), count: 32)), 0x190A_55AD)  // zlib.crc32(bytes(32))
    }

    func testHexDigitsMatchWithoutAString() {
        XCTAssertTrue(CRC32.matches(0xCBF4_3926, hexDigits: Array("cbf43926".utf8)[...]))
        XCTAssertTrue(CRC32.matches(0x0000_00AB, hexDigits: Array("000000ab".utf8)[...]))
        XCTAssertFalse(CRC32.matches(0xCBF4_3926, hexDigits: Array("CBF43926".utf8)[...]))  // written lowercase only
        XCTAssertFalse(CRC32.matches(0xCBF4_3926, hexDigits: Array("cbf43927".utf8)[...]))
        XCTAssertFalse(CRC32.matches(0xCBF4_3926, hexDigits: Array("cbf4392".utf8)[...]))
    }

    /// Journal times worked out by arithmetic agree with the C library's `timegm`, across leap
    /// years, month ends and days past a month's end.
    func testTimesAgreeWithTimegm() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                              Int.random(in: 1900...2400, using: &generator), Int.random(in: 1...12, using: &generator),
                              Int.random(in: 1...31, using: &generator), Int.random(in: 0...23, using: &generator),
                              Int.random(in: 0...59, using: &generator), Int.random(in: 0...60, using: &generator),
                              Int.random(in: 0...999, using: &generator))
            XCTAssertEqual(Timestamp.parse(text), Timestamp.parseWithTimegm(text), text)
        }
        XCTAssertEqual(Timestamp.parse("1970-01-01T00:00:00.000Z"), Date(timeIntervalSince1970: 0))
        XCTAssertEqual(Timestamp.parse("2026-11-23T10:41:07.123Z").map { Timestamp.format($0) }, "2026-11-23T10:41:07.123Z")
        XCTAssertNil(Timestamp.parse("2026-13-23T10:41:07.123Z"))
        XCTAssertNil(Timestamp.parse("2026-11-23T10:41:07.123"))
    }

    /// A snapshot's document checksum summed in place is the checksum of the document's bytes.
    func testTheDocumentChecksumSummedInPlaceIsTheChecksumOfTheDocument() {
        let texts = [
            #"{"format":2,"schema":1,"journalSequence":0,"savedAt":"2026-11-23T10:41:07.123Z","documentSum":"x","document":{"a":"\"document\":1"}}"# + "\n",
            #"{"document":[1,2,3]}"#,
            #"{"format":2,"document":{}}"# + "\n",
        ]
        for text in texts {
            let data = Data(text.utf8)
            let exact = SnapshotFile.exactDocumentJSON(in: data)
            XCTAssertNotNil(exact, text)
            XCTAssertEqual(SnapshotFile.exactDocumentSum(in: data), exact.map { CRC32.checksum($0) }, text)
        }
        for broken in [#"{"format":2}"#, #"{"document":1"#, ""] {
            XCTAssertNil(SnapshotFile.exactDocumentSum(in: Data(broken.utf8)), broken)
            XCTAssertNil(SnapshotFile.exactDocumentJSON(in: Data(broken.utf8)), broken)
        }
    }
}
