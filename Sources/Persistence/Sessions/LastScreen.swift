import Foundation
import Workshop
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The console's screen as it will look when the workshop is reopened, kept in `screen.txt` in
/// the session folder when the console closes normally, so that `campfire resume` can show it
/// at once, while the session is opened, checked and laid out behind it (docs/decisions.md,
/// "Reopening shows the screen it left").
///
/// The file is plain text a person can read: a few lines saying what it is and which files it
/// belongs to, then the screen as a ``GridTranscript``-style transcript (characters, roles,
/// attributes). It is shown only while it still matches the session exactly:
///
/// - the journal and the snapshot are the same files (inode), of the same size, with the same
///   status-change time to the nanosecond as when the screen was kept (any write, replacement or
///   copy over either, by Campfire or anything else, changes that time, which no program can set
///   back);
/// - there is no lock (another Campfire has the workshop open, or one stopped without closing:
///   opening may have something to say first), no box's draft and no practice run;
/// - the terminal is exactly the size it was kept for;
/// - a workshop holding room-only stories is within its room-only period (after it, opening
///   forgets those words, and they must not be shown first).
///
/// It holds words shown on the console, so it is written like every other file (owner only),
/// and it is removed whenever the session is opened for changes (``SessionFiles``), before
/// anything else is written: erasing a person, forgetting room-only words and mending a
/// session all open it that way, so none of them can leave a copy of the words behind.
public enum LastScreen {
    /// The file's name in the session folder.
    public static let fileName = "screen.txt"
    /// The first line, saying what the file is.
    static let firstLine = "Campfire: the console's screen when this workshop was last closed. It is shown at once when the workshop is resumed, and removed when it is opened for changes."

    /// The screen to keep: its transcript and its size.
    public struct Picture: Sendable, Equatable {
        public var transcript: String
        public var width: Int
        public var height: Int

        public init(transcript: String, width: Int, height: Int) {
            self.transcript = transcript
            self.width = width
            self.height = height
        }
    }

    /// Writes `picture` for the session in `folder`, with the journal and snapshot as they are
    /// now. Called while the session is still locked, after its last snapshot. A courtesy copy,
    /// like the facilitator's place: a failure to write it changes nothing else.
    /// - Parameter shownUntil: when a room-only period ends (nil: no limit).
    public static func write(_ picture: Picture, in folder: URL, shownUntil: Date?) {
        let path = folder.path
        guard let journal = FileStamp(path: path + "/" + SessionStore.Files.journalName),
              let snapshot = FileStamp(path: path + "/" + SessionStore.Files.snapshotName) else { return }
        var text = firstLine + "\n"
        text += "size \(picture.width) \(picture.height)\n"
        text += "journal \(journal.inode) \(journal.size) \(journal.changed)\n"
        text += "snapshot \(snapshot.inode) \(snapshot.size) \(snapshot.changed)\n"
        text += "until " + (shownUntil.map { String(Int64($0.timeIntervalSince1970.rounded(.down))) } ?? "never") + "\n"
        text += "\n" + picture.transcript
        _ = try? FaultInjection.withoutCounting { try SafeFile.writeAtomically(Data(text.utf8), to: folder.appendingPathComponent(fileName)) }
    }

    /// The kept screen's transcript, if it may be shown now on a terminal of this size (see the
    /// type's notes); nil otherwise. Reads only the file itself and the folder's entries, by path.
    public static func take(folderPath path: String, width: Int, height: Int, now: Date) -> String? {
        for name in [SessionLock.fileName, SessionStore.Files.draftName, "practice.json"] where access(path + "/" + name, F_OK) == 0 { return nil }
        guard let bytes = try? SafeFile.readBytes(path: path + "/" + fileName) else { return nil }
        // The six lines before the screen, read by bytes (this is on the way to the first screen).
        var header: [String] = []
        var start = 0
        while header.count < 6, let end = bytes[start...].firstIndex(of: 0x0A) {
            header.append(String(decoding: bytes[start..<end], as: UTF8.self))
            start = end + 1
        }
        guard header.count == 6, header[0] == firstLine, header[5].isEmpty else { return nil }
        func numbers(_ line: String, _ word: String) -> [Int64]? {
            let parts = line.split(separator: " ")
            guard parts.first.map(String.init) == word else { return nil }
            let values = parts.dropFirst().compactMap { Int64($0) }
            return values.count == parts.count - 1 ? values : nil
        }
        guard numbers(header[1], "size") == [Int64(width), Int64(height)],
              let journal = FileStamp(path: path + "/" + SessionStore.Files.journalName),
              let snapshot = FileStamp(path: path + "/" + SessionStore.Files.snapshotName),
              numbers(header[2], "journal") == journal.numbers,
              numbers(header[3], "snapshot") == snapshot.numbers
        else { return nil }
        if header[4] != "until never" {
            guard let until = numbers(header[4], "until"), until.count == 1, Double(until[0]) > now.timeIntervalSince1970 else { return nil }
        }
        return String(decoding: bytes[start...], as: UTF8.self)
    }

    /// Removes the kept screen (opening for changes does this first).
    static func remove(in folder: URL) {
        let file = folder.appendingPathComponent(fileName)
        if unlink(file.path) == 0 { try? SafeFile.syncFolder(folder) }
    }

    /// When a kept screen stops being shown: the end of the room-only period if the workshop
    /// holds room-only stories and is not finished, otherwise never.
    public static func shownUntil(_ session: Session, closedAt date: Date) -> Date? {
        guard session.finishedAt == nil, session.record.stories.contains(where: { $0.holdsRoomOnlyWords }) else { return nil }
        return date.addingTimeInterval(Double(session.roomOnlyPeriodDays) * 86_400)
    }
}

/// A file's inode, size and status-change time (nanoseconds since 1970), from `stat`: any write,
/// replacement or copy over the file changes one of them (the kept screen's check, and review
/// following a session where there is no file-change notification).
public struct FileStamp: Equatable, Sendable {
    public var inode: Int64
    public var size: Int64
    public var changed: Int64

    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        inode = Int64(bitPattern: UInt64(info.st_ino))
        size = Int64(info.st_size)
        #if os(Linux)
        let time = info.st_ctim
        #else
        let time = info.st_ctimespec
        #endif
        changed = Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    public var numbers: [Int64] { [inode, size, changed] }
}
