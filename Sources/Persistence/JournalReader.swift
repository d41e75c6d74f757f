import Foundation

/// Reads a journal (format described in JournalLine.swift) and sorts its
/// lines into good records, a torn last line and corrupt lines.
public enum JournalReader {
    /// Reads the journal at `file`.
    ///
    /// Classification:
    /// - the LAST line is torn if it has no trailing newline (what a crash in mid-write
    ///   leaves: a line is written in one go, its newline last);
    /// - any other bad line is corrupt — a whole line, newline included, whose checksum or
    ///   JSON is wrong was changed after it was written, so it is damaged, never "torn" —
    ///   as is a line whose event this program
    ///   does not know (even when last: it must be kept, not set aside) and a
    ///   line whose sequence number is not one more than the line before.
    /// - Parameter firstSequence: the number the first line must have.
    /// - Throws: `PersistenceError.cannotRead` (code `ENOENT` if missing).
    /// - Parameter eventsAfter: Lines numbered up to this are checked (checksum, numbering,
    ///   time) but their events are not decoded and they are left out of `records`; for
    ///   reopening, where a snapshot already holds what they did.
    public static func read<Event: Decodable>(
        _ file: URL, as type: Event.Type = Event.self, firstSequence: Int = 1, eventsAfter: Int = 0
    ) throws -> JournalReadResult<Event> {
        let bytes = [UInt8](try SafeFile.read(file))
        return parse(bytes, of: file, as: type, firstSequence: firstSequence, eventsAfter: eventsAfter)
    }

    /// Parses `bytes`, just read from `file`; if `campfire resume`'s second thread already
    /// checked exactly these bytes with these settings, its result is used instead (the same
    /// result: it ran this same `parse`).
    static func parse<Event: Decodable>(
        _ bytes: [UInt8], of file: URL, as type: Event.Type, firstSequence: Int = 1, eventsAfter: Int = 0
    ) -> JournalReadResult<Event> {
        if let early = SessionPrefetch.journal(for: file, bytes: bytes, as: type, firstSequence: firstSequence, eventsAfter: eventsAfter) { return early }
        return parse(bytes, as: type, firstSequence: firstSequence, eventsAfter: eventsAfter)
    }

    static func parse<Event: Decodable>(
        _ bytes: [UInt8], as type: Event.Type, firstSequence: Int = 1, eventsAfter: Int = 0
    ) -> JournalReadResult<Event> {
        let decoder = JSONCoding.decoder()
        var result = JournalReadResult<Event>(records: [], tornTail: nil, corruptLines: [], goodLength: bytes.count)
        var lineStart = 0
        var lineNumber = 0
        var badSinceLastGood = false

        while lineStart < bytes.count {
            lineNumber += 1
            let newline = nextNewline(in: bytes, from: lineStart)
            let lineEnd = newline ?? bytes.count
            let nextStart = newline.map { $0 + 1 } ?? bytes.count

            func markTorn() {
                result.tornTail = TornTail(
                    lineNumber: lineNumber, offset: lineStart, bytes: Data(bytes[lineStart..<bytes.count]))
                result.goodLength = lineStart
            }

            if newline == nil {
                // No newline: the write never finished, whatever the bytes say.
                markTorn()
                break
            }
            switch JournalLine.decode(bytes[lineStart..<lineEnd], as: type, decoder: decoder, eventsAfter: eventsAfter) {
            case .failure(.damaged(let reason)):
                result.corruptLines.append(CorruptLine(lineNumber: lineNumber, reason: reason, offset: lineStart, end: nextStart))
                badSinceLastGood = true
            case .failure(.unknownEvent(let reason)):
                result.corruptLines.append(CorruptLine(lineNumber: lineNumber, reason: reason, offset: lineStart, end: nextStart))
                badSinceLastGood = true
            case .success(let checked):
                let sequence: Int
                var record: JournalRecord<Event>?
                switch checked {
                case .record(let decoded): sequence = decoded.sequence; record = decoded
                case .covered(let number): sequence = number
                }
                func keep() {
                    result.lastSequence = sequence
                    result.sequenceEndingAt[nextStart] = sequence
                    if let record { result.records.append(record) }
                }
                let expected = result.lastSequence.map { $0 + 1 } ?? firstSequence
                if sequence == expected {
                    keep()
                } else if sequence > expected && badSinceLastGood {
                    // The gap is explained by the bad lines already reported.
                    keep()
                } else {
                    result.corruptLines.append(CorruptLine(
                        lineNumber: lineNumber,
                        reason: "it is numbered \(sequence) but \(expected) was expected here",
                        offset: lineStart, end: nextStart))
                    badSinceLastGood = true
                    // A forward jump keeps the record (nothing is lost by showing it);
                    // a repeat or step back does not, as it would replay twice.
                    if sequence > expected { keep() }
                    lineStart = nextStart
                    continue
                }
                badSinceLastGood = false
            }
            lineStart = nextStart
        }
        return result
    }

    /// The index of the first newline at or after `start` (`memchr`: a journal is megabytes).
    @inline(__always) private static func nextNewline(in bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, start < buffer.count,
                  let found = memchr(base + start, Int32(UInt8(ascii: "\n")), buffer.count - start)
            else { return nil }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }
}
