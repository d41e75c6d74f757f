import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether a snapshot stands for the journal it sits beside.
enum SnapshotCheck {
    enum Outcome: Equatable {
        /// It can be used; it holds the first `coveredLength` bytes of the journal.
        case agrees(coveredLength: Int)
        /// The journal ends before the change the snapshot covers.
        case journalBehind(journalEnds: Int)
        /// It cannot be used, for this reason (plain words).
        case disagrees(String)
    }

    /// Checks `envelope` against the journal's bytes, as parsed in `journal`.
    ///
    /// Format 2: the line ending at `journalLength` must be change `journalSequence`, and the
    /// CRC-32 of the bytes before it must be `journalSum` — unless a line in those bytes is
    /// damaged, in which case the snapshot is exactly what still holds that line's change.
    /// Format 1 (no checksums): the journal must have a line numbered `journalSequence`.
    static func check<Event>(_ envelope: SnapshotEnvelope, journalBytes: [UInt8], journal: JournalReadResult<Event>) -> Outcome {
        var unused: (length: Int, sum: UInt32)?
        return check(envelope, journalBytes: journalBytes, journal: journal, prefixSum: &unused)
    }

    /// The same; `prefixSum` is set to the CRC-32 of the journal bytes it summed, if it did, so
    /// the caller can carry on from there instead of summing them again.
    static func check<Event>(
        _ envelope: SnapshotEnvelope, journalBytes: [UInt8], journal: JournalReadResult<Event>, prefixSum: inout (length: Int, sum: UInt32)?
    ) -> Outcome {
        let sequence = envelope.journal.sequence
        let journalEnds = journal.lastSequence ?? 0
        guard envelope.isCheckable, let length = envelope.journal.length, let sum = envelope.journal.sum else {
            if sequence == 0 { return .agrees(coveredLength: 0) }
            if journalEnds < sequence { return .journalBehind(journalEnds: journalEnds) }
            guard let end = journal.sequenceEndingAt.first(where: { $0.value == sequence })?.key else {
                return .disagrees("the journal has no whole line for change \(sequence), which it says it holds")
            }
            return .agrees(coveredLength: end)
        }
        if length == 0 {
            return sequence == 0 ? .agrees(coveredLength: 0) : .disagrees("its record of the journal is not consistent")
        }
        let changed = "the journal up to change \(sequence) was changed after the snapshot was written"
        guard length <= journalBytes.count, journal.sequenceEndingAt[length] == sequence else {
            return journalEnds < sequence ? .journalBehind(journalEnds: journalEnds) : .disagrees(changed)
        }
        let computed = CRC32.checksum(journalBytes[0..<length])
        prefixSum = (length, computed)
        if CRC32.hex(computed) == sum { return .agrees(coveredLength: length) }
        if journal.corruptLines.contains(where: { $0.end <= length }) { return .agrees(coveredLength: length) }
        return .disagrees(changed)
    }
}

/// The dated folders inside a session where originals are kept when something is set aside
/// (`kept/20261203-101530/`): a snapshot that could not be trusted, or what `repair` replaced.
public enum KeptFolder {
    /// The folder that holds them all.
    public static let name = "kept"

    /// Makes a new dated folder (0700) under `kept/` in `sessionFolder`.
    public static func make(in sessionFolder: URL, at date: Date) throws -> URL {
        let parent = sessionFolder.appendingPathComponent(name, isDirectory: true)
        try SafeFile.createFolder(parent)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let stamp = formatter.string(from: date)
        for attempt in 1...1000 {
            let folder = parent.appendingPathComponent(attempt == 1 ? stamp : "\(stamp)-\(attempt)", isDirectory: true)
            if SafeFile.exists(folder) { continue }
            try SafeFile.createFolder(folder)
            return folder
        }
        throw PersistenceError.cannotCreateFolder(path: parent.appendingPathComponent(stamp).path, code: EEXIST)
    }

    /// Moves `file` into `folder` under the same name (a rename: same disk), flushing both folders.
    public static func move(_ file: URL, into folder: URL) throws {
        let target = folder.appendingPathComponent(file.lastPathComponent)
        if let code = FaultInjection.before(.rename, path: file.path) {
            throw PersistenceError.cannotReplace(path: file.path, code: code)
        }
        if rename(file.path, target.path) != 0 {
            throw PersistenceError.cannotReplace(path: file.path, code: errno)
        }
        try SafeFile.syncFolder(folder)
        try SafeFile.syncFolder(file.deletingLastPathComponent())
    }

    /// Copies `file` into `folder` under the same name (0600, flushed).
    public static func copy(_ file: URL, into folder: URL) throws {
        let data = try SafeFile.read(file)
        try SafeFile.writeAtomically(data, to: folder.appendingPathComponent(file.lastPathComponent))
    }

    /// Every dated folder, oldest first.
    public static func all(in sessionFolder: URL) -> [URL] {
        let parent = sessionFolder.appendingPathComponent(name, isDirectory: true)
        return SafeFile.visibleNames(inFolderAt: parent.path).sorted().map { parent.appendingPathComponent($0, isDirectory: true) }
    }
}
