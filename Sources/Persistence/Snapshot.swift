import Foundation

/// Where in the journal a snapshot stands: the last change it holds, and a checksum of every
/// journal byte up to the end of that change's line.
public struct JournalPosition: Equatable, Sendable {
    /// The last journal sequence number included (0 = none).
    public var sequence: Int
    /// How many bytes of the journal that is (to the end of that line's newline); nil in
    /// snapshots written before checksums (format 1).
    public var length: Int?
    /// CRC-32 of those bytes, 8 lower-case hex digits; nil in format 1.
    public var sum: String?

    public init(sequence: Int, length: Int? = nil, sum: String? = nil) {
        self.sequence = sequence
        self.length = length
        self.sum = sum
    }
}

/// Everything in a snapshot file but the document: its format, where it stands in the journal
/// and the checksum of its own document. The one place the snapshot file format is defined.
///
/// On disk (`snapshot.json`, `start.json` and each file in `stages/`), keys in this order:
///
///     {"format":2,"schema":1,"journalSequence":50,"journalLength":8123,"journalSum":"1c291ca3",
///      "savedAt":"2026-11-23T10:41:07.123Z","documentSum":"9a0c31f2","document":{…}}
///
/// - `format`: this envelope's version. Files without it are format 1 (before checksums:
///   `schema`, `journalSequence`, `savedAt`, `document` only); they still open.
/// - `schema`: the document format version (an integer, set by the caller).
/// - `journalSequence`: the last journal sequence number already included in the document.
/// - `journalLength`, `journalSum`: the journal bytes that sequence stands for, and their CRC-32
///   (left out of a snapshot written outside a session, which stands for no journal).
/// - `savedAt`: when the file was written (same date format as the journal).
/// - `documentSum`: CRC-32 of the exact bytes of the `document` value as written.
/// - `document`: the caller's document, JSON with sorted keys.
public struct SnapshotEnvelope: Equatable, Sendable {
    /// The format written by this version.
    public static let currentFormat = 2

    public var format: Int
    public var schema: Int
    public var journal: JournalPosition
    public var savedAt: Date
    /// nil in format 1.
    public var documentSum: String?

    public init(format: Int = SnapshotEnvelope.currentFormat, schema: Int, journal: JournalPosition, savedAt: Date, documentSum: String? = nil) {
        self.format = format
        self.schema = schema
        self.journal = journal
        self.savedAt = savedAt
        self.documentSum = documentSum
    }

    /// Whether the file says which journal bytes it stands for (format 2, written in a session).
    public var isCheckable: Bool { journal.length != nil && journal.sum != nil }

    /// The file's bytes: this envelope around `documentJSON`, with `documentSum` computed here.
    func assemble(documentJSON: Data) -> Data {
        var text = #"{"format":\#(SnapshotEnvelope.currentFormat),"schema":\#(schema),"journalSequence":\#(journal.sequence),"#
        if let length = journal.length, let sum = journal.sum {
            text += #""journalLength":\#(length),"journalSum":"\#(sum)","#
        }
        text += #""savedAt":"\#(Timestamp.format(savedAt))","documentSum":"\#(CRC32.hex(documentJSON))","document":"#
        var data = Data(text.utf8)
        data.append(documentJSON)
        data.append(contentsOf: Array("}\n".utf8))
        return data
    }

    /// The header as decoded from a file (any format).
    struct Header: Decodable {
        let format: Int?
        let schema: Int
        let journalSequence: Int
        let journalLength: Int?
        let journalSum: String?
        let savedAt: Date
        let documentSum: String?

        var envelope: SnapshotEnvelope {
            SnapshotEnvelope(
                format: format ?? 1, schema: schema,
                journal: JournalPosition(sequence: journalSequence, length: journalLength, sum: journalSum),
                savedAt: savedAt, documentSum: documentSum)
        }
    }
}

/// A whole document saved at one moment, with the journal position it covers.
/// The file format is `SnapshotEnvelope`'s.
public struct Snapshot<Document> {
    /// The envelope: format, schema, journal position, checksums.
    public var envelope: SnapshotEnvelope
    /// The document.
    public var document: Document

    /// The document format version.
    public var schema: Int { envelope.schema }
    /// The last journal sequence number included in `document`.
    public var journalSequence: Int { envelope.journal.sequence }
    /// When the file was written.
    public var savedAt: Date { envelope.savedAt }

    /// Makes a snapshot value standing at `journal`.
    public init(schema: Int, journal: JournalPosition, savedAt: Date, document: Document) {
        envelope = SnapshotEnvelope(schema: schema, journal: journal, savedAt: savedAt)
        self.document = document
    }

    /// Makes a snapshot value covering `journalSequence` (no journal checksum: for tests and
    /// files outside a session).
    public init(schema: Int, journalSequence: Int, savedAt: Date, document: Document) {
        self.init(schema: schema, journal: JournalPosition(sequence: journalSequence), savedAt: savedAt, document: document)
    }

    init(envelope: SnapshotEnvelope, document: Document) {
        self.envelope = envelope
        self.document = document
    }
}

extension Snapshot: Equatable where Document: Equatable {}
extension Snapshot: Sendable where Document: Sendable {}

/// Turns an older document format into the current one.
///
/// Called with the schema the file was saved with and the document's JSON
/// (the value of `"document"` only); returns the document's JSON in the
/// current format. Throw to refuse.
public typealias SchemaMigration = (_ fromSchema: Int, _ documentJSON: Data) throws -> Data
