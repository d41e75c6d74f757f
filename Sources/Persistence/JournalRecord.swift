import Foundation

/// One event read back from the journal, with its place and time.
public struct JournalRecord<Event> {
    /// The sequence number: 1 for the first event, one more for each after.
    public let sequence: Int
    /// When the event happened (millisecond precision).
    public let at: Date
    /// The event itself.
    public let event: Event

    /// Makes a record (mostly useful in tests).
    public init(sequence: Int, at: Date, event: Event) {
        self.sequence = sequence
        self.at = at
        self.event = event
    }
}

extension JournalRecord: Equatable where Event: Equatable {}
extension JournalRecord: Sendable where Event: Sendable {}
