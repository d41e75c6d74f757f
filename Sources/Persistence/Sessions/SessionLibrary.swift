import Foundation
import Workshop

/// Problems finding or making sessions, in plain words.
public enum LibraryError: Error, Equatable, CustomStringConvertible {
    case noSuchSession(String)
    case ambiguous(String, [String])
    case noSessions
    /// The data folder is not there (say, on a USB stick that is not plugged in).
    case noDataFolder(String)
    /// The data folder given is a file.
    case dataFolderIsAFile(String)

    public var description: String {
        switch self {
        case .noSuchSession(let reference):
            return "There is no session called \"\(reference)\". Run \"campfire list\" to see the sessions there are."
        case .ambiguous(let reference, let matches):
            return "\"\(reference)\" could mean more than one session: \(matches.prefix(5).joined(separator: ", ")). Type more of the id."
        case .noSessions:
            return "There are no sessions yet. Start one with \"campfire new --title TITLE\"."
        case .noDataFolder(let path):
            return "The data folder \(path) does not exist. If it is on a USB stick or another disk, plug it in and try again; "
                + "otherwise choose the folder where your sessions are with --data-dir. Nothing was changed."
        case .dataFolderIsAFile(let path):
            return "\(path) is a file, not a folder, so it cannot be the data folder. Choose the folder where your sessions are with --data-dir. Nothing was changed."
        }
    }
}

/// The sessions in a data folder.
public struct SessionLibrary: Sendable {
    public let dataFolder: DataFolder

    public init(dataFolder: DataFolder) {
        self.dataFolder = dataFolder
    }

    /// A new session id such as `20261123-1405-7f3a`: sortable by date, short, and unique enough.
    public static func makeID(at date: Date, random: UInt16) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmm"
        return "\(formatter.string(from: date))-\(String(format: "%04x", random))"
    }

    /// Creates a session folder and returns the open store.
    public func create(_ session: Session, at date: Date) throws -> SessionStore {
        try dataFolder.create()
        try SafeFile.createFolder(dataFolder.sessionsFolder)
        return try SessionStore.create(session, in: dataFolder.sessionsFolder.appendingPathComponent(session.id, isDirectory: true), at: date)
    }

    /// The folders of every session, sorted by name (which sorts by date).
    public func sessionFolders() -> [URL] {
        SafeFile.visibleNames(inFolderAt: dataFolder.sessionsPath).map { dataFolder.sessionsFolder.appendingPathComponent($0, isDirectory: true) }
    }

    /// Every session's summary, oldest first. A session without a summary is read from its snapshot.
    ///
    /// Works with paths, not `URL`s, unless a summary is missing: the home screen shows this list
    /// first thing, and `URL`'s set-up on first use would add a tenth to its start
    /// (docs/performance.md).
    public func summaries() -> [SessionSummary] {
        let sessions = dataFolder.sessionsPath
        return SafeFile.visibleNames(inFolderAt: sessions).compactMap { name in
            let folder = sessions + "/" + name
            if let summary = try? SessionStore.Files.readSummary(SessionSummary.self, inFolderAt: folder) {
                return summary
            }
            if let store = try? SessionStore.open(URL(fileURLWithPath: folder, isDirectory: true), readOnly: true, at: Date()) {
                return SessionSummary(store.session, updatedAt: store.session.createdAt)
            }
            return nil
        }
    }

    /// Finds a session by folder path or by an unambiguous start of its id.
    public func resolve(_ reference: String) throws -> URL {
        let asPath = URL(fileURLWithPath: reference)
        if reference.contains("/"), SessionStore.Files.isSession(asPath) {
            return asPath.standardizedFileURL
        }
        try dataFolder.checkExists()
        let folders = sessionFolders()
        if let exact = folders.first(where: { $0.lastPathComponent == reference }) { return exact }
        let matches = folders.filter { $0.lastPathComponent.hasPrefix(reference) }
        switch matches.count {
        case 0: throw LibraryError.noSuchSession(reference)
        case 1: return matches[0]
        default: throw LibraryError.ambiguous(reference, matches.map(\.lastPathComponent))
        }
    }
}
