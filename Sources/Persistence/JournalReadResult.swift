import Foundation

/// Everything found when reading a journal: the good records and any damage.
public struct JournalReadResult<Event> {
    /// Good records, in file order.
    public var records: [JournalRecord<Event>]
    /// An incomplete or damaged LAST line, typically a crash in mid-write.
    /// Everything before it is intact.
    public var tornTail: TornTail?
    /// Damaged lines with good lines after them. The journal must then be
    /// opened read-only: something other than a crash changed it.
    public var corruptLines: [CorruptLine]
    /// Bytes from the start of the file to the end of the last line before
    /// the torn tail (the whole file if there is none).
    public var goodLength: Int

    /// The last good sequence number, or nil if there are none (including lines whose
    /// events were not decoded, see `JournalReader.read(_:as:firstSequence:eventsAfter:)`).
    public var lastSequence: Int?

    /// For each good line, where it ends (the byte after its newline) and its sequence number:
    /// how a snapshot's `journalLength` is matched to the change it says it stands at.
    public var sequenceEndingAt: [Int: Int] = [:]

    public init(records: [JournalRecord<Event>], tornTail: TornTail?, corruptLines: [CorruptLine], goodLength: Int) {
        self.records = records
        self.tornTail = tornTail
        self.corruptLines = corruptLines
        self.goodLength = goodLength
        lastSequence = records.last?.sequence
    }
}

extension JournalReadResult: Sendable where Event: Sendable {}

/// An incomplete or damaged last line of the journal.
public struct TornTail: Sendable, Equatable {
    /// Its line number (1-based).
    public let lineNumber: Int
    /// Where it starts in the file (bytes).
    public let offset: Int
    /// Its exact bytes, newline included if there was one.
    public let bytes: Data
}

/// A damaged journal line that is not the last line.
public struct CorruptLine: Sendable, Equatable, CustomStringConvertible {
    /// Its line number (1-based).
    public let lineNumber: Int
    /// Why it cannot be used, in plain words.
    public let reason: String
    /// Where it starts in the file (bytes).
    public let offset: Int
    /// Where the next line starts (the byte after its newline).
    public let end: Int

    public init(lineNumber: Int, reason: String, offset: Int = 0, end: Int = 0) {
        self.lineNumber = lineNumber
        self.reason = reason
        self.offset = offset
        self.end = end
    }

    public var description: String { "line \(lineNumber): \(reason)" }
}
