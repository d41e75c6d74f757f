import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// A snapshot that could not be used, and how the session was rebuilt without it.
    public struct SnapshotSetAside: Sendable, Equatable {
        /// The snapshot file.
        public let file: URL
        /// Why it was not used, in plain words ("it is missing").
        public let reason: String
        /// What the journal was replayed onto, in words.
        public let rebuiltFrom: String
        /// The changes replayed: after `fromSequence` up to `toSequence`.
        public let fromSequence: Int
        public let toSequence: Int
        /// Where it was moved (nil if missing, or read-only: then it was left in place).
        public var keptAs: URL?
    }

    /// Whether nothing may be written.
    public var isReadOnly = false
    /// The journal file, for messages that name it.
    public var journalFile: URL?
    /// The snapshot set aside, if it could not be trusted.
    public var snapshotSetAside: SnapshotSetAside?
    /// Damaged journal lines that a trusted snapshot already holds: they stop nothing.
    public var coveredDamage: [CorruptLine] = []
    /// The snapshot was of an older format (without checksums); a new one should be written.
    public var oldSnapshotFormat: Int?
    /// Whether the caller should write a fresh snapshot now (rebuilt, or an older format).
    public var snapshotNeedsWriting: Bool { snapshotSetAside != nil || oldSnapshotFormat != nil }
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
    /// Bytes free on the session's disk, when that is nearly full (see `FreeSpace`).
    public var lowSpace: UInt64?
    /// Files or folders other people on this computer can open.
    public var privacyWarnings: [PrivacyWarning] = []

    /// Makes an empty report.
    public init() {}

    /// True when there is nothing to tell the facilitator.
    public var isClean: Bool {
        !isReadOnly && tornTail == nil && corruptLines.isEmpty && migratedFromSchema == nil
            && snapshotSetAside == nil && coveredDamage.isEmpty && lowSpace == nil
            && recoveredStaleLock == nil && heldBy == nil && privacyWarnings.isEmpty
    }

    /// Whether the journal has damage anywhere (lines set aside or not), for lists and exports.
    public var hasDamage: Bool { !corruptLines.isEmpty || !coveredDamage.isEmpty || tornTail != nil }

    /// The session folder, from the journal's path.
    private var sessionFolder: String { journalFile?.deletingLastPathComponent().path ?? "" }
    private var journalPath: String { journalFile?.path ?? "journal.jsonl" }
    private var journalName: String { journalFile?.lastPathComponent ?? "journal.jsonl" }
    /// The command that mends the damage, pasteable from anywhere.
    public var repairCommand: String { "campfire repair \(Self.quoted(sessionFolder))" }

    /// `url`'s path inside `folder` ("kept/20261203-101530/snapshot.json"), or the whole path.
    static func relative(_ url: URL, to folder: String) -> String {
        let path = url.path
        return !folder.isEmpty && path.hasPrefix(folder + "/") ? String(path.dropFirst(folder.count + 1)) : path
    }

    static func quoted(_ path: String) -> String {
        let safe = path.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "/._-+:@".unicodeScalars.contains($0) }
        return safe && !path.isEmpty ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The findings other than "open read-only, as asked": for commands that only read.
    public var problemMessages: [String] {
        var copy = self
        copy.readOnlyReasons.removeAll { $0 == .requested }
        copy.heldBy = nil
        return copy.messages
    }

    /// The findings as short plain sentences, most important first.
    public var messages: [String] {
        var lines: [String] = []
        for reason in readOnlyReasons {
            switch reason {
            case .requested:
                lines.append("The session is open read-only: nothing will be saved.")
            case .corruptJournal:
                let list = corruptLines.map { "line \($0.lineNumber): \($0.reason)" }.joined(separator: "; ")
                // The file's name first and the whole path only in the command: at 80 columns the
                // status line has about three lines, and the command must fit in them.
                lines.append("\(journalName) is damaged after the last snapshot (\(list)), so the session is read-only. "
                    + "To see what repair keeps and sets aside: \(repairCommand)")
            case let .folderNotWritable(code):
                lines.append("The session is open read-only because its folder cannot be written to ("
                    + "\(PersistenceError.reason(code))): you can look, but nothing will be saved.")
            case let .journalBehindSnapshot(journalEnds, snapshotCovers):
                lines.append("The journal ends at change \(journalEnds) but the snapshot covers change "
                    + "\(snapshotCovers); the session is open read-only so nothing more is lost.")
            }
        }
        if !readOnlyReasons.contains(.corruptJournal) {
            for line in corruptLines {
                lines.append("Journal line \(line.lineNumber) of \(journalPath) cannot be used: \(line.reason).")
            }
        }
        for line in coveredDamage {
            lines.append("Line \(line.lineNumber) of \(journalName) is damaged (\(line.reason)), but the snapshot holds its "
                + "change: nothing is lost, saving goes on. To set it aside, run: \(repairCommand)")
        }
        if let aside = snapshotSetAside {
            // Short, with the file's name (the folder is in the other messages and in the command):
            // the status line at 80 columns has about three lines.
            let changes = aside.toSequence > aside.fromSequence ? " and changes \(aside.fromSequence + 1) to \(aside.toSequence) of \(journalName)" : ""
            let kept = aside.keptAs.map { " The old one is kept in \(Self.relative($0, to: sessionFolder))." } ?? ""
            lines.append("\(aside.file.lastPathComponent) was not used (\(aside.reason)): the session was rebuilt from "
                + "\(aside.rebuiltFrom)\(changes).\(kept)")
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
        if let recoveredStaleLock, SessionLock.isFromAnotherComputer(recoveredStaleLock) {
            lines.append("The session was open on the computer \"\(recoveredStaleLock.host)\" (process \(recoveredStaleLock.pid)); "
                + "it has been taken over here, as you chose. Do not go on with it on that computer.")
        } else if let recoveredStaleLock {
            lines.append("The session was left open by a Campfire that has stopped (\(recoveredStaleLock)). "
                + "It has been reopened here.")
        }
        if let heldBy {
            lines.append("Another Campfire has this session open (\(heldBy)). Changes made there will not show here.")
        }
        if let lowSpace {
            lines.append("The disk holding this session is nearly full: \(FreeSpace.shown(lowSpace)) free. Every change is still "
                + "saved as you go, but once the disk is full nothing more can be saved: free some space before going on.")
        }
        lines += privacyWarnings.map(\.description)
        return lines
    }
}

/// Free space on a disk, and when it counts as nearly full.
public enum FreeSpace {
    /// Below this a long workshop's journal and snapshots may not fit (100 MB; the environment
    /// variable `CAMPFIRE_LOW_SPACE_BYTES` sets another figure, for tests).
    public static var threshold: UInt64 {
        if let text = ProcessInfo.processInfo.environment["CAMPFIRE_LOW_SPACE_BYTES"], let value = UInt64(text) { return value }
        return 100 * 1024 * 1024
    }

    /// Bytes free to this user on the disk holding `path`, or nil if it cannot be told.
    public static func available(at path: String) -> UInt64? {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else { return nil }
        return UInt64(info.f_bavail) * UInt64(info.f_frsize)
    }

    /// The bytes free at `path` if fewer than `threshold`.
    public static func low(at path: String) -> UInt64? {
        guard let free = available(at: path), free < threshold else { return nil }
        return free
    }

    /// "42 MB".
    public static func shown(_ bytes: UInt64) -> String {
        ByteCountFormatter.string(fromByteCount: Int64(clamping: bytes), countStyle: .file)
    }
}
