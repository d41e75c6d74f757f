import Foundation

/// A session as found on disk: the latest snapshot plus the journal after it.
///
/// The caller rebuilds the current state by replaying `records` onto
/// `document` with its own reducer.
public struct Recovered<Document, Event> {
    /// The document from the latest good snapshot (migrated if it was older).
    public var document: Document
    /// The last journal sequence number `document` already includes.
    public var snapshotSequence: Int
    /// Journal records after the snapshot, in order, to replay.
    public var records: [JournalRecord<Event>]
    /// What was found and done while opening.
    public var report: RecoveryReport
}

extension Recovered: Sendable where Document: Sendable, Event: Sendable {}
