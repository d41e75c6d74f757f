import Foundation

// MARK: - Journal line format
//
// The journal (`journal.jsonl`) is UTF-8 text, one event per line, each line
// ending in a single "\n" (0x0A). A line is one JSON object whose keys appear in
// exactly this order:
//
//     {"seq":N,"at":"2026-11-23T10:41:07.123Z","event":<event JSON>,"sum":"xxxxxxxx"}
//
// - `seq`: the sequence number, a JSON integer. The first line is 1 and each
//   line is exactly one more than the line before. Never reused.
// - `at`: when the event happened, ISO-8601 in UTC with milliseconds, always
//   24 characters.
// - `event`: the event, encoded by Swift's JSONEncoder with sorted keys and
//   unescaped slashes, on one line (newlines inside text are escaped as `\n`).
// - `sum`: CRC-32 (IEEE, the same value as zlib's / Python's `zlib.crc32`),
//   as 8 lowercase hex digits, of the UTF-8 bytes of the line WITHOUT the sum:
//   exactly the bytes `{"seq":N,"at":"…","event":…}`.
//
// To check a line: drop the "\n", find the LAST occurrence of `,"sum":"`
// (it cannot occur unescaped inside the event's strings, and any inside the
// event comes earlier), check that exactly 8 hex digits and `"}` follow it,
// then compare crc32(line[..<thatIndex] + "}") with those digits. In Python:
//
//     i = line.rindex(b',"sum":"')
//     ok = line[i+8:i+16] == b"%08x" % zlib.crc32(line[:i] + b"}") and line[i+16:] == b'"}'
//
// Writers append a whole line in one go and flush it to disk before reporting
// it saved, so after a crash only the last line can be incomplete.

/// Encodes and checks single journal lines (see the format above).
enum JournalLine {
    /// `,"sum":"` — the marker a reader searches for from the end.
    static let sumMarker = Array(#","sum":""#.utf8)

    /// Builds a complete line, newline included.
    ///
    /// The line is assembled from pieces rather than by encoding a struct, so
    /// the key order (seq, at, event, sum) is guaranteed whatever the encoder does.
    static func encode(eventJSON: Data, sequence: Int, at date: Date) -> Data {
        var body = Array(#"{"seq":\#(sequence),"at":"\#(Timestamp.format(date))","event":"#.utf8)
        body.append(contentsOf: eventJSON)
        let sum = CRC32.hex(body + [UInt8(ascii: "}")])
        body.append(contentsOf: sumMarker)
        body.append(contentsOf: Array(sum.utf8))
        body.append(contentsOf: Array(#""}"#.utf8))
        body.append(UInt8(ascii: "\n"))
        return Data(body)
    }

    /// Why a line could not be used.
    enum Problem: Error, Equatable {
        /// Missing or wrong checksum, or not the expected JSON: the bytes are damaged.
        case damaged(String)
        /// The bytes are intact but the event is not one this program knows.
        case unknownEvent(String)
    }

    /// The parts of a line that are the same for every event type.
    private struct Header: Decodable {
        let seq: Int
        let at: String
    }

    private struct EventOnly<Event: Decodable>: Decodable {
        let event: Event
    }

    /// A checked line: its record, or only its sequence number for a line whose event was not
    /// needed (see `eventsAfter`).
    enum Checked<Event> {
        case record(JournalRecord<Event>)
        case covered(sequence: Int)
    }

    /// Checks one line (without its "\n"): checksum, sequence and time always; the event only
    /// if the line's sequence is above `eventsAfter` (lines a snapshot already covers need not
    /// be decoded, which is most of the time of reopening a long session).
    static func decode<Event: Decodable>(
        _ line: ArraySlice<UInt8>, as type: Event.Type, decoder: JSONDecoder, eventsAfter: Int
    ) -> Result<Checked<Event>, Problem> {
        guard let markerStart = lastIndex(of: sumMarker, in: line) else {
            return .failure(.damaged("it has no checksum"))
        }
        let digitsStart = markerStart + sumMarker.count
        guard line.endIndex - digitsStart == 10,
              line[digitsStart + 8] == UInt8(ascii: "\""), line[digitsStart + 9] == UInt8(ascii: "}"),
              line[digitsStart..<(digitsStart + 8)].allSatisfy({ isLowerHex($0) })
        else {
            return .failure(.damaged("its checksum is malformed"))
        }
        // The checksum of the line up to the marker, then "}", without copying the line.
        let sum = CRC32.update(CRC32.checksum(line[line.startIndex..<markerStart]), with: CollectionOfOne(UInt8(ascii: "}")))
        guard CRC32.matches(sum, hexDigits: line[digitsStart..<(digitsStart + 8)]) else {
            return .failure(.damaged("its checksum does not match its contents"))
        }
        // A line the snapshot holds needs only its number and time: read from its bytes if it can be.
        if let quick = quickHeader(line), quick.sequence <= eventsAfter { return .success(.covered(sequence: quick.sequence)) }
        var body = Array(line[line.startIndex..<markerStart])
        body.append(UInt8(ascii: "}"))
        let bodyData = Data(body)
        guard let header = try? decoder.decode(Header.self, from: bodyData) else {
            return .failure(.damaged("it is not a readable journal entry"))
        }
        guard let date = Timestamp.parse(header.at) else {
            return .failure(.damaged("its time is not readable"))
        }
        if header.seq <= eventsAfter { return .success(.covered(sequence: header.seq)) }
        do {
            let event = try decoder.decode(EventOnly<Event>.self, from: bodyData).event
            return .success(.record(JournalRecord(sequence: header.seq, at: date, event: event)))
        } catch {
            return .failure(.unknownEvent(
                "it records something this version of Campfire does not know; "
                    + "it was probably written by a newer Campfire"))
        }
    }

    private static func isLowerHex(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
    }

    private static func lastIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var start = haystack.endIndex - needle.count
        while start >= haystack.startIndex {
            var equal = true
            for offset in 0..<needle.count where haystack[start + offset] != needle[offset] {
                equal = false
                break
            }
            if equal { return start }
            start -= 1
        }
        return nil
    }
}
