import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Appends events to a journal file, one line each (format in JournalLine.swift).
///
/// `append` returns only once the line is on disk. If a write or flush fails,
/// the writer cuts the file back at once to the end of the last line known to be
/// saved (so a refused change, which the facilitator may then throw away, leaves
/// no bytes behind), and throws. If even that fails, it marks itself broken and
/// tries again on the next `append` and on `close`, so a half line never stays
/// in the middle of the journal.
///
/// Not thread-safe: one writer per journal, used from one thread (the
/// program's main loop).
public final class JournalWriter<Event: Encodable> {
    /// The journal file.
    public let file: URL

    private var descriptor: Int32 = -1
    private var isBroken = false
    /// A refused line may still be in the file past `goodLength`.
    private var mayHoldRefusedBytes = false
    /// End of the last line that was flushed to disk.
    private var goodLength: Int
    private let calls: SystemCalls
    private let encoder = JSONCoding.encoder()

    /// Opens (creating if needed, mode 0600) the journal for appending.
    ///
    /// The file must end cleanly (after a whole line, or be empty): run
    /// `JournalReader` and set aside any torn tail first.
    /// - Throws: `PersistenceError.cannotOpen`.
    public convenience init(file: URL) throws {
        try self.init(file: file, calls: .live)
    }

    init(file: URL, calls: SystemCalls) throws {
        self.file = file
        self.calls = calls
        self.goodLength = 0
        try openForAppending()
    }

    deinit {
        if descriptor >= 0 { _ = closeDescriptor(descriptor) }
    }

    // MARK: Appending

    /// Writes one event as a journal line and flushes it to disk.
    /// - Parameters:
    ///   - event: the event.
    ///   - sequence: its sequence number (the caller keeps count).
    ///   - at: when it happened.
    /// - Throws: `PersistenceError` if it is not safely on disk. The event is
    ///   then NOT saved, and the writer will repair the file on the next append.
    @discardableResult
    public func append(_ event: Event, sequence: Int, at date: Date) throws -> Data {
        let eventJSON: Data
        do {
            eventJSON = try encoder.encode(event)
        } catch {
            throw PersistenceError.cannotEncode(path: file.path, detail: "\(error)")
        }
        let line = JournalLine.encode(eventJSON: eventJSON, sequence: sequence, at: date)
        if isBroken { try repair() }
        do {
            try SafeFile.writeAll(line, to: descriptor, path: file.path, calls: calls)
            try SafeFile.flush(descriptor, path: file.path, calls: calls)
        } catch {
            // Do not trust this descriptor again: after a failed flush the
            // system may have thrown the data away while still claiming it is there.
            isBroken = true
            mayHoldRefusedBytes = true
            _ = closeDescriptor(descriptor)
            descriptor = -1
            // Cut the refused line off now: its words were not saved and must not stay on disk.
            try? repair()
            throw error
        }
        goodLength += line.count
        return line
    }

    /// Closes the file. Further appends reopen it.
    public func close() {
        if descriptor >= 0 { _ = closeDescriptor(descriptor) }
        descriptor = -1
        isBroken = true
        if mayHoldRefusedBytes { try? cutBack() }
    }

    // MARK: Opening and repair

    private func openForAppending() throws {
        let existed = SafeFile.exists(file)
        let opened = open(file.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, SafeFile.fileMode)
        guard opened >= 0 else { throw PersistenceError.cannotOpen(path: file.path, code: errno) }
        var info = stat()
        if fstat(opened, &info) != 0 {
            let code = errno
            _ = closeDescriptor(opened)
            throw PersistenceError.cannotOpen(path: file.path, code: code)
        }
        if !existed {
            // A new file gets its mode from open, masked by the umask: fix it,
            // then make its name durable.
            if fchmod(opened, SafeFile.fileMode) != 0 {
                let code = errno
                _ = closeDescriptor(opened)
                throw PersistenceError.cannotOpen(path: file.path, code: code)
            }
            do { try SafeFile.syncFolder(file.deletingLastPathComponent()) } catch {
                _ = closeDescriptor(opened)
                throw error
            }
        }
        descriptor = opened
        goodLength = Int(info.st_size)
        isBroken = false
    }

    /// Cuts off whatever a failed append may have left, then reopens.
    private func repair() throws {
        if descriptor >= 0 { _ = closeDescriptor(descriptor); descriptor = -1 }
        try cutBack()
        let expectedLength = goodLength
        try openForAppending()
        // Someone else changed the file meanwhile: refuse rather than guess.
        if goodLength != expectedLength {
            isBroken = true
            throw PersistenceError.cannotWrite(path: file.path, code: EIO)
        }
    }

    /// Cuts the file back to the end of the last line known to be saved, and flushes.
    private func cutBack() throws {
        let fixer = open(file.path, O_WRONLY | O_CLOEXEC)
        guard fixer >= 0 else { throw PersistenceError.cannotOpen(path: file.path, code: errno) }
        defer { _ = closeDescriptor(fixer) }
        var info = stat()
        if fstat(fixer, &info) == 0, Int(info.st_size) != goodLength {
            if let code = FaultInjection.before(.truncate, path: file.path) {
                throw PersistenceError.cannotWrite(path: file.path, code: code)
            }
            while ftruncate(fixer, off_t(goodLength)) != 0 {
                if errno == EINTR { continue }
                throw PersistenceError.cannotWrite(path: file.path, code: errno)
            }
        }
        try SafeFile.flush(fixer, path: file.path, calls: calls)
        mayHoldRefusedBytes = false
    }
}

@inline(__always)
private func closeDescriptor(_ descriptor: Int32) -> Int32 {
    #if canImport(Glibc)
    return Glibc.close(descriptor)
    #else
    return Darwin.close(descriptor)
    #endif
}
