import Foundation

/// A whole document saved at one moment, with the journal position it covers.
///
/// On disk (`snapshot.json`, and each file in `stages/`), keys in this order:
///
///     {"schema":S,"journalSequence":N,"savedAt":"2026-11-23T10:41:07.123Z","document":{…}}
///
/// - `schema`: the document format version (an integer, set by the caller).
/// - `journalSequence`: the last journal sequence number already included in
///   the document (0 = none); recovery replays only the lines after it.
/// - `savedAt`: when the file was written (same date format as the journal).
/// - `document`: the caller's document, JSON with sorted keys.
public struct Snapshot<Document> {
    /// The document format version.
    public var schema: Int
    /// The last journal sequence number included in `document`.
    public var journalSequence: Int
    /// When the file was written.
    public var savedAt: Date
    /// The document.
    public var document: Document

    /// Makes a snapshot value.
    public init(schema: Int, journalSequence: Int, savedAt: Date, document: Document) {
        self.schema = schema
        self.journalSequence = journalSequence
        self.savedAt = savedAt
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
