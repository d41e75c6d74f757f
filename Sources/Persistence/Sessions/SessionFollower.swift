import Foundation
import Workshop
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Follows a session that another program (the console) is writing, read-only, as
/// `campfire present` does: reads it whole once, then only the journal lines added since.
///
/// Never takes the lock and never writes anything. A change that is not a plain addition to the
/// journal (the journal replaced, cut back, or damaged where it was read) is met by reading the
/// session whole again, as opening it read-only would.
public final class SessionFollower {
    public let folder: URL
    /// The session as far as it has been read.
    public private(set) var session: Session?
    /// What is damaged in the session's files, in one plain sentence (nil when nothing is), as
    /// found the last time the session was read whole: the wall says it, as `list` does.
    public private(set) var damage: String?

    private var editor: SessionEditor?
    /// Bytes of the journal read so far (whole lines only).
    private var offset = 0
    private var lastSequence = 0
    /// The journal file read (device and inode), to notice it being replaced.
    private var journalIdentity: Identity?

    private var snapshotPath: String { folder.path + "/" + SessionStore.Files.snapshotName }
    private var journalPath: String { folder.path + "/" + SessionStore.Files.journalName }

    public init(folder: URL) {
        self.folder = folder
    }

    /// Reads what changed since the last call (everything the first time).
    /// - Returns: whether ``session`` changed.
    @discardableResult
    public func refresh() -> Bool {
        guard editor != nil else { return readWhole() }
        switch readAdded() {
        case .nothing: return false
        case .added: return true
        case .readAgain: return readWhole()
        }
    }

    // MARK: Reading

    /// Opens the session read-only as every command does (the snapshot checked against the
    /// journal, rebuilt from the journal when it is missing, damaged or disagrees), then notes how
    /// far the journal was read so that only later lines are read next time.
    private func readWhole() -> Bool {
        guard let store = try? SessionStore.open(folder, readOnly: true, at: Date()) else { return false }
        defer { store.close(at: Date()) }
        let position = store.files.position
        offset = position.length ?? 0
        lastSequence = position.sequence
        journalIdentity = readJournal(from: offset)?.identity
        editor = SessionEditor(session: store.session)
        session = store.session
        damage = Self.damage(in: store.report)
        return true
    }

    /// One sentence on the damage opening found (a torn last line is left out: while the console
    /// writes, a line part-written is no damage).
    static func damage(in report: RecoveryReport) -> String? {
        let journal = report.journalFile?.lastPathComponent ?? SessionStore.Files.journalName
        func lines(_ found: [CorruptLine]) -> String {
            found.map { "line \($0.lineNumber): \($0.reason)" }.joined(separator: "; ")
        }
        if !report.corruptLines.isEmpty {
            return "This workshop's \(journal) is damaged (\(lines(report.corruptLines))): what is shown stops before it."
        }
        for case let .journalBehindSnapshot(ends, covers) in report.readOnlyReasons {
            return "This workshop's \(journal) ends at change \(ends) but its snapshot holds up to change \(covers): lines are missing from the journal."
        }
        if !report.coveredDamage.isEmpty {
            return "This workshop's \(journal) is damaged (\(lines(report.coveredDamage))), where the snapshot already holds its changes: nothing shown is missing."
        }
        if let aside = report.snapshotSetAside {
            return "This workshop's snapshot cannot be used (\(aside.reason)): what is shown was rebuilt from the journal."
        }
        return nil
    }

    private enum Added { case nothing, added, readAgain }

    private func readAdded() -> Added {
        guard let journal = readJournal(from: offset) else { return journalIdentity == nil ? .nothing : .readAgain }
        guard let known = journalIdentity, known == journal.identity, journal.size >= offset else { return .readAgain }
        if journal.bytes.isEmpty { return .nothing }
        let read = JournalReader.parse(journal.bytes, as: SessionEvent.self, firstSequence: lastSequence + 1, eventsAfter: lastSequence)
        if !read.corruptLines.isEmpty { return .readAgain }
        // A damaged last line that is whole (it has its newline) is not a write in progress.
        if let tail = read.tornTail, tail.bytes.last == UInt8(ascii: "\n") { return .readAgain }
        guard read.goodLength > 0, var editor else { return .nothing }  // only part of a line so far
        offset += read.goodLength
        lastSequence = read.lastSequence ?? lastSequence
        apply(read.records, to: &editor)
        self.editor = editor
        session = editor.session
        return .added
    }

    private func apply(_ records: [JournalRecord<SessionEvent>], to editor: inout SessionEditor) {
        for record in records {
            // A change that cannot be replayed stops the replay, as opening read-only does.
            do { try editor.apply(record.event, at: record.at) } catch { break }
        }
    }

    private struct JournalBytes {
        var bytes: [UInt8]
        var size: Int
        var identity: Identity
    }

    private struct Identity: Equatable {
        var device: UInt64
        var inode: UInt64
    }

    /// The journal's bytes from `start` to its end, its size and which file it is; nil if there is none.
    private func readJournal(from start: Int) -> JournalBytes? {
        let descriptor = open(journalPath, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        let identity = Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        let size = Int(info.st_size)
        guard size > start else { return JournalBytes(bytes: [], size: size, identity: identity) }
        var bytes = [UInt8](repeating: 0, count: size - start)
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + filled, $0.count - filled, off_t(start + filled)) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            filled += count
        }
        bytes.removeLast(bytes.count - filled)
        return JournalBytes(bytes: bytes, size: size, identity: identity)
    }
}
