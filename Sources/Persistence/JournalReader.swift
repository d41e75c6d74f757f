import Foundation

/// Reads a journal (format described in JournalLine.swift) and sorts its
/// lines into good records, a torn last line and corrupt lines.
public enum JournalReader {
    /// Reads the journal at `file`.
    ///
    /// Classification:
    /// - the LAST line is torn if it has no trailing newline, or its checksum
    ///   or JSON is bad (what a crash in mid-write leaves);
    /// - any other bad line is corrupt, as is a line whose event this program
    ///   does not know (even when last: it must be kept, not set aside) and a
    ///   line whose sequence number is not one more than the line before.
    /// - Parameter firstSequence: the number the first line must have.
    /// - Throws: `PersistenceError.cannotRead` (code `ENOENT` if missing).
    public static func read<Event: Decodable>(
        _ file: URL, as type: Event.Type = Event.self, firstSequence: Int = 1
    ) throws -> JournalReadResult<Event> {
        let bytes = [UInt8](try SafeFile.read(file))
        return parse(bytes, as: type, firstSequence: firstSequence)
    }

    static func parse<Event: Decodable>(
        _ bytes: [UInt8], as type: Event.Type, firstSequence: Int = 1
    ) -> JournalReadResult<Event> {
        let decoder = JSONCoding.decoder()
        var result = JournalReadResult<Event>(records: [], tornTail: nil, corruptLines: [], goodLength: bytes.count)
        var lineStart = 0
        var lineNumber = 0
        var badSinceLastGood = false

        while lineStart < bytes.count {
            lineNumber += 1
            let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n"))
            let lineEnd = newline ?? bytes.count
            let nextStart = newline.map { $0 + 1 } ?? bytes.count
            let isLast = nextStart >= bytes.count

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
            switch JournalLine.decode(bytes[lineStart..<lineEnd], as: type, decoder: decoder) {
            case .failure(.damaged(let reason)):
                if isLast {
                    markTorn()
                } else {
                    result.corruptLines.append(CorruptLine(lineNumber: lineNumber, reason: reason))
                    badSinceLastGood = true
                }
            case .failure(.unknownEvent(let reason)):
                result.corruptLines.append(CorruptLine(lineNumber: lineNumber, reason: reason))
                badSinceLastGood = true
            case .success(let record):
                let expected = (result.records.last?.sequence).map { $0 + 1 } ?? firstSequence
                if record.sequence == expected {
                    result.records.append(record)
                } else if record.sequence > expected && badSinceLastGood {
                    // The gap is explained by the bad lines already reported.
                    result.records.append(record)
                } else {
                    result.corruptLines.append(CorruptLine(
                        lineNumber: lineNumber,
                        reason: "it is numbered \(record.sequence) but \(expected) was expected here"))
                    badSinceLastGood = true
                    // A forward jump keeps the record (nothing is lost by showing it);
                    // a repeat or step back does not, as it would replay twice.
                    if record.sequence > expected { result.records.append(record) }
                    lineStart = nextStart
                    continue
                }
                badSinceLastGood = false
            }
            lineStart = nextStart
        }
        return result
    }
}
