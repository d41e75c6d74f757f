import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Low-level file operations that keep people's words private and intact:
/// folders are made 0700 and files 0600 whatever the umask, writes are retried
/// until every byte is out, and nothing counts as saved until the disk says so.
///
/// Foundation's `Data.write(options: .atomic)` is deliberately not used: on
/// Linux it creates the new file with the umask's mode (often 0644, readable by
/// everyone) and does not flush the folder, so a power cut can lose the rename.
public enum SafeFile {
    /// Only the owner may list, read or enter.
    public static let folderMode: mode_t = 0o700
    /// Only the owner may read or write.
    public static let fileMode: mode_t = 0o600
    /// Temporary files start with this, so they are hidden and easy to tidy.
    public static let temporaryPrefix = ".tmp-"

    // MARK: Folders

    /// Makes `folder` and any missing parents, each with mode 0700.
    ///
    /// An existing folder is left as it is (see `FilePrivacy` to check it).
    /// - Throws: `PersistenceError.cannotCreateFolder`.
    public static func createFolder(_ folder: URL) throws {
        let path = folder.standardizedFileURL.path
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw PersistenceError.cannotCreateFolder(path: path, code: ENOTDIR)
            }
            return
        }
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent()
        if parent.path != path { try createFolder(parent) }
        if mkdir(path, folderMode) != 0 {
            let code = errno
            // Someone else made it between our check and mkdir: fine, leave it.
            if code == EEXIST { return }
            throw PersistenceError.cannotCreateFolder(path: path, code: code)
        }
        // mkdir's mode is masked by the umask; chmod is not.
        if chmod(path, folderMode) != 0 {
            throw PersistenceError.cannotCreateFolder(path: path, code: errno)
        }
        try syncFolder(parent)
    }

    /// Flushes a folder's list of names, so a file created or renamed in it
    /// survives a power cut.
    /// - Throws: `PersistenceError.cannotSaveToDisk`.
    public static func syncFolder(_ folder: URL) throws {
        let path = folder.path
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw PersistenceError.cannotOpen(path: path, code: errno) }
        defer { close(descriptor) }
        if let code = FaultInjection.before(.folderFlush, path: path) {
            throw PersistenceError.cannotSaveToDisk(path: path, code: code)
        }
        if fsync(descriptor) != 0 {
            throw PersistenceError.cannotSaveToDisk(path: path, code: errno)
        }
    }

    // MARK: Files

    /// Creates a new file with mode 0600 and opens it for writing.
    ///
    /// Fails if the file already exists, so nothing is ever overwritten by accident.
    /// - Returns: the open file descriptor; the caller closes it.
    /// - Throws: `PersistenceError.cannotOpen` (code `EEXIST` if it exists).
    public static func createNewFile(_ file: URL, flags: Int32 = O_WRONLY) throws -> Int32 {
        let descriptor = open(file.path, flags | O_CREAT | O_EXCL | O_CLOEXEC, fileMode)
        guard descriptor >= 0 else { throw PersistenceError.cannotOpen(path: file.path, code: errno) }
        // open's mode is masked by the umask; fchmod is not.
        if fchmod(descriptor, fileMode) != 0 {
            let code = errno
            close(descriptor)
            unlink(file.path)
            throw PersistenceError.cannotOpen(path: file.path, code: code)
        }
        return descriptor
    }

    /// Replaces `file` with `data` so that, after a crash at any moment, the
    /// file holds either the whole old content or the whole new content.
    ///
    /// Writes a temporary file (mode 0600, name starting `.tmp-`) in the same
    /// folder, flushes it, renames it over `file`, then flushes the folder.
    /// - Throws: `PersistenceError`; on failure the temporary file is removed
    ///   and the old file is untouched.
    public static func writeAtomically(_ data: Data, to file: URL) throws {
        try writeAtomically(data, to: file, calls: .live)
    }

    static func writeAtomically(_ data: Data, to file: URL, calls: SystemCalls) throws {
        let folder = file.deletingLastPathComponent()
        let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let temporary = folder.appendingPathComponent("\(temporaryPrefix)\(file.lastPathComponent)-\(suffix)")
        // Errors name the real file: the temporary one means nothing to a facilitator.
        let descriptor: Int32
        do {
            descriptor = try createNewFile(temporary)
        } catch PersistenceError.cannotOpen(_, let code) {
            throw PersistenceError.cannotOpen(path: file.path, code: code)
        }
        var renamed = false
        defer { if !renamed { unlink(temporary.path) } }
        do {
            try writeAll(data, to: descriptor, path: file.path, calls: calls)
            try flush(descriptor, path: file.path, calls: calls)
        } catch {
            close(descriptor)
            throw error
        }
        // A failed close can report a write error the disk deferred (network disks).
        if close(descriptor) != 0 && errno != EINTR {
            throw PersistenceError.cannotWrite(path: file.path, code: errno)
        }
        if let code = FaultInjection.before(.rename, path: file.path) {
            throw PersistenceError.cannotReplace(path: file.path, code: code)
        }
        if rename(temporary.path, file.path) != 0 {
            throw PersistenceError.cannotReplace(path: file.path, code: errno)
        }
        renamed = true
        try syncFolder(folder)
    }

    /// Writes every byte of `data`, retrying after partial writes and interruptions.
    /// - Throws: `PersistenceError.cannotWrite` naming `path`.
    static func writeAll(_ data: Data, to descriptor: Int32, path: String, calls: SystemCalls) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let remaining = buffer.count - offset
                if let code = FaultInjection.before(.write, path: path, tornWrite: {
                    _ = calls.write(descriptor, base + offset, max(remaining / 2, 1))
                }) {
                    throw PersistenceError.cannotWrite(path: path, code: code)
                }
                let written = calls.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    let code = errno
                    if code == EINTR || code == EAGAIN { continue }
                    throw PersistenceError.cannotWrite(path: path, code: code)
                }
                if written == 0 {
                    // No progress and no error: treat as a full disk rather than spin forever.
                    throw PersistenceError.cannotWrite(path: path, code: ENOSPC)
                }
                offset += written
            }
        }
    }

    /// Asks the disk to store what was written. A failure is never retried:
    /// after a failed flush the system may have dropped the data, so the
    /// caller must treat the write as lost.
    static func flush(_ descriptor: Int32, path: String, calls: SystemCalls) throws {
        if let code = FaultInjection.before(.flush, path: path) {
            throw PersistenceError.cannotSaveToDisk(path: path, code: code)
        }
        while calls.flush(descriptor) != 0 {
            let code = errno
            if code == EINTR { continue }
            throw PersistenceError.cannotSaveToDisk(path: path, code: code)
        }
    }

    /// Reads a whole file.
    /// - Throws: `PersistenceError.cannotRead` (code `ENOENT` if missing).
    public static func read(_ file: URL) throws -> Data {
        try read(path: file.path)
    }

    /// The same, for a file given by its path.
    ///
    /// The home screen reads the session list by path, without `URL`: its first use costs about
    /// 0.5 ms of set-up, a tenth of the time to the first screen (docs/performance.md).
    public static func read(path: String) throws -> Data {
        Data(try readBytes(path: path))
    }

    /// The same, as bytes, read straight into one array of the file's size (reopening reads a
    /// journal of megabytes: no chunks appended and copied again).
    public static func readBytes(path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw PersistenceError.cannotRead(path: path, code: errno) }
        defer { close(descriptor) }
        var info = stat()
        let expected = fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
        // One byte more than expected, so the end of the file is seen without growing.
        var buffer = [UInt8](repeating: 0, count: max(expected + 1, 4096))
        var filled = 0
        while true {
            if filled == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
            let count = buffer.withUnsafeMutableBytes { Glibc_read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                throw PersistenceError.cannotRead(path: path, code: errno)
            }
            if count == 0 { break }
            filled += count
        }
        buffer.removeLast(buffer.count - filled)
        return buffer
    }

    /// The names in a folder, leaving out hidden ones (which include temporary files), sorted;
    /// empty if the folder cannot be listed.
    public static func visibleNames(inFolderAt path: String) -> [String] {
        guard let folder = opendir(path) else { return [] }
        defer { closedir(folder) }
        var names: [String] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted()
    }

    /// Whether something exists at `url` (file or folder).
    static func exists(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0
    }
}

/// `read` is shadowed by `SafeFile.read` inside the enum.
@inline(__always)
private func Glibc_read(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(descriptor, buffer, count)
    #else
    return Darwin.read(descriptor, buffer, count)
    #endif
}
