import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Something went wrong with Campfire's files.
///
/// Every case names the file or folder involved, and `description` says in
/// plain words what happened and, where there is one, what to do about it, so
/// a facilitator can read it out without knowing how files work.
public enum PersistenceError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A folder could not be made.
    case cannotCreateFolder(path: String, code: Int32)
    /// A file could not be opened.
    case cannotOpen(path: String, code: Int32)
    /// A file could not be read.
    case cannotRead(path: String, code: Int32)
    /// Writing to a file failed part-way.
    case cannotWrite(path: String, code: Int32)
    /// The disk did not confirm that what was written is safely stored.
    case cannotSaveToDisk(path: String, code: Int32)
    /// A finished file could not be put in place of the old one.
    case cannotReplace(path: String, code: Int32)
    /// The folder holds no session (no `snapshot.json`).
    case notASession(folder: String)
    /// `create` was asked to make a session where one already exists.
    case sessionAlreadyExists(folder: String)
    /// The snapshot file is damaged or not a Campfire snapshot.
    case unreadableSnapshot(path: String, detail: String)
    /// The snapshot was saved by a newer Campfire; it is left untouched.
    case newerSchema(path: String, found: Int, supported: Int)
    /// An older snapshot could not be brought up to date.
    case migrationFailed(path: String, fromSchema: Int, detail: String)
    /// Another Campfire that is still running has the session open.
    case lockedBy(LockInfo)
    /// The lock file exists but cannot be understood.
    case unreadableLock(path: String)
    /// The session was opened read-only, so nothing may be written.
    case readOnly(folder: String)
    /// The session was closed; it must be opened again before saving.
    case closed(folder: String)
    /// The journal is shorter than the snapshot says it should be.
    case journalBehindSnapshot(path: String, journalEnds: Int, snapshotCovers: Int)
    /// A value could not be turned into JSON.
    case cannotEncode(path: String, detail: String)

    public var description: String {
        switch self {
        case let .cannotCreateFolder(path, code):
            return "Campfire could not make the folder \(path): \(PersistenceError.reason(code))."
        case let .cannotOpen(path, code):
            return "Campfire could not open the file \(path): \(PersistenceError.reason(code))."
        case let .cannotRead(path, code):
            return "Campfire could not read the file \(path): \(PersistenceError.reason(code))."
        case let .cannotWrite(path, code):
            // The reason first: a narrow status line cuts the end off, and a long path would hide it.
            return "\(PersistenceError.reason(code).capitalisedFirst): Campfire could not save to the file \(path). "
                + "The last change is not saved."
        case let .cannotSaveToDisk(path, code):
            return "\(PersistenceError.reason(code).capitalisedFirst): the disk did not confirm it stored the file \(path). "
                + "The last change may not be saved."
        case let .cannotReplace(path, code):
            return "\(PersistenceError.reason(code).capitalisedFirst): Campfire could not put the new version of \(path) in place. "
                + "The previous version is still there."
        case let .notASession(folder):
            return "The folder \(folder) does not hold a Campfire session (there is no snapshot.json in it)."
        case let .sessionAlreadyExists(folder):
            return "There is already a session in the folder \(folder). Campfire will not write over it."
        case let .unreadableSnapshot(path, detail):
            return "The session file \(path) is damaged and cannot be read (\(detail))."
        case let .newerSchema(path, found, supported):
            return "The file \(path) was saved by a newer version of Campfire (format \(found); this one knows "
                + "up to \(supported)). Please update Campfire to open it. The file has not been changed."
        case let .migrationFailed(path, fromSchema, detail):
            return "The file \(path) was saved by an older version of Campfire (format \(fromSchema)) and could "
                + "not be brought up to date (\(detail)). The file has not been changed."
        case let .lockedBy(info):
            return "This session is open in another Campfire (\(info)). "
                + "You can open it read-only, or quit."
        case let .unreadableLock(path):
            return "The lock file \(path) cannot be read. If no other Campfire has this session open, "
                + "delete that file and try again."
        case let .readOnly(folder):
            return "The session in \(folder) is open read-only, so nothing can be saved to it."
        case let .closed(folder):
            return "The session in \(folder) has been closed, so nothing more can be saved to it until it is opened again."
        case let .journalBehindSnapshot(path, journalEnds, snapshotCovers):
            return "The journal \(path) ends at change \(journalEnds) but the snapshot covers up to change "
                + "\(snapshotCovers). The session is opened read-only so nothing more is lost."
        case let .cannotEncode(path, detail):
            return "Campfire could not prepare the data for \(path) (\(detail)). Nothing was saved."
        }
    }

    // MARK: Plain reasons

    /// The common system errors in words; anything rarer falls back to the
    /// system's own text, which is still better than a number.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOSPC: return "the disk is full"
        case EDQUOT: return "your disk quota is used up"
        case EACCES, EPERM: return "permission was refused"
        case EROFS: return "the disk can only be read, not written"
        case ENOENT: return "it does not exist"
        case EIO: return "the disk reported a fault"
        case EEXIST: return "it already exists"
        case ENOTDIR: return "part of the path is a file, not a folder"
        case EISDIR: return "it is a folder, not a file"
        case EFBIG: return "the file has reached the largest size this computer allows"
        default: return String(cString: strerror(code))
        }
    }
}

private extension String {
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension PersistenceError {
    /// The system error, when this says the folder or disk cannot be written at all.
    var notWritableCode: Int32? {
        switch self {
        case let .cannotOpen(_, code), let .cannotWrite(_, code), let .cannotCreateFolder(_, code):
            return [EROFS, EACCES, EPERM].contains(code) ? code : nil
        default:
            return nil
        }
    }
}
