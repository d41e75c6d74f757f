import Foundation

/// What opening a session found and did, for the program to tell the facilitator.
///
/// Nothing found is ever dropped silently: a torn last line is kept in
/// `quarantine.jsonl`, damaged lines are named, and read-only mode says why.
public struct RecoveryReport: Sendable, Equatable {
    /// Why a session was opened read-only.
    public enum ReadOnlyReason: Sendable, Equatable {
        /// The caller asked for it.
        case requested
        /// The journal has damaged lines in the middle; writing more could
        /// bury them, so it is left exactly as found.
        case corruptJournal
        /// The journal ends before the change the snapshot says it covers.
        case journalBehindSnapshot(journalEnds: Int, snapshotCovers: Int)
        /// The folder cannot be written (a read-only disk or folder, no permission).
        case folderNotWritable(code: Int32)
    }

    /// A torn last line that was (or, read-only, would be) set aside.
    public struct SetAside: Sendable, Equatable {
        /// Its line number in the journal.
        public let lineNumber: Int
        /// How many bytes it had.
        public let byteCount: Int
        /// Where it was kept; nil when read-only (nothing was moved).
        public let quarantineFile: URL?
    }

    /// Whether nothing may be written.
    public var isReadOnly = false
    /// Why it is read-only (empty if it is not).
    public var readOnlyReasons: [ReadOnlyReason] = []
    /// A torn last line, if there was one.
    public var tornTail: SetAside?
    /// Damaged lines in the middle of the journal.
    public var corruptLines: [CorruptLine] = []
    /// The schema the snapshot had, if it was older and was migrated.
    public var migratedFromSchema: Int?
    /// Where the pre-migration snapshot was kept (nil if read-only).
    public var keptOriginalSnapshot: URL?
    /// A lock left by a process that had ended, which was taken over.
    public var recoveredStaleLock: LockInfo?
    /// A live lock seen while opening read-only.
    public var heldBy: LockInfo?
    /// Files or folders other people on this computer can open.
    public var privacyWarnings: [PrivacyWarning] = []

    /// Makes an empty report.
    public init() {}

    /// True when there is nothing to tell the facilitator.
    public var isClean: Bool {
        !isReadOnly && tornTail == nil && corruptLines.isEmpty && migratedFromSchema == nil
            && recoveredStaleLock == nil && heldBy == nil && privacyWarnings.isEmpty
    }

    /// The findings as short plain sentences, most important first.
    public var messages: [String] {
        var lines: [String] = []
        for reason in readOnlyReasons {
            switch reason {
            case .requested:
                lines.append("The session is open read-only: nothing will be saved.")
            case .corruptJournal:
                let numbers = corruptLines.map { String($0.lineNumber) }.joined(separator: ", ")
                lines.append("The journal has damaged lines (\(numbers)), so the session is open read-only "
                    + "and nothing in it has been changed. Make a copy of the session folder before trying to fix it.")
            case let .folderNotWritable(code):
                lines.append("The session is open read-only because its folder cannot be written to ("
                    + "\(PersistenceError.reason(code))): you can look, but nothing will be saved.")
            case let .journalBehindSnapshot(journalEnds, snapshotCovers):
                lines.append("The journal ends at change \(journalEnds) but the snapshot covers change "
                    + "\(snapshotCovers); the session is open read-only so nothing more is lost.")
            }
        }
        for line in corruptLines {
            lines.append("Journal line \(line.lineNumber) cannot be used: \(line.reason).")
        }
        if let tornTail {
            if let file = tornTail.quarantineFile {
                lines.append("The last journal line (line \(tornTail.lineNumber), \(tornTail.byteCount) bytes) was "
                    + "not finished, so that change was never saved (Campfire stopped, or the disk failed, while writing it). "
                    + "It was set aside in \(file.path); everything before it is kept.")
            } else {
                lines.append("The last journal line (line \(tornTail.lineNumber), \(tornTail.byteCount) bytes) was "
                    + "not finished, so that change was never saved (Campfire stopped, or the disk failed, while writing it). "
                    + "It is left in place because the session is read-only.")
            }
        }
        if let migratedFromSchema {
            if let keptOriginalSnapshot {
                lines.append("The session was saved by an older Campfire (format \(migratedFromSchema)) and has been "
                    + "updated. The original is kept in \(keptOriginalSnapshot.path).")
            } else {
                lines.append("The session was saved by an older Campfire (format \(migratedFromSchema)). It is shown "
                    + "updated, but the file was not changed because the session is read-only.")
            }
        }
        if let recoveredStaleLock {
            lines.append("The session was left open by a Campfire that has stopped (\(recoveredStaleLock)). "
                + "It has been reopened here.")
        }
        if let heldBy {
            lines.append("Another Campfire has this session open (\(heldBy)). Changes made there will not show here.")
        }
        lines += privacyWarnings.map(\.description)
        return lines
    }
}
