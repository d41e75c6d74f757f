import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files of one session folder, generic over the caller's document and
/// event types.
///
/// Layout of a session folder (every file 0600, every folder 0700):
///
///     lock               who has it open: {"host":…,"pid":…,"startedAt":…}
///     snapshot.json      the latest snapshot (format in Snapshot.swift)
///     journal.jsonl      every event, one line each (format in JournalLine.swift)
///     summary.json       a small caller-defined summary for session lists
///     stages/NNNN-<label>.json   a snapshot at each stage change
///     quarantine.jsonl   torn journal lines set aside during recovery
///     snapshot.v<S>.json the original of a snapshot migrated from schema S
///
/// Writes happen in the caller's thread and return only once on disk. One
/// instance per session, used from one thread.
public final class SessionFiles<Document: Codable, Event: Codable> {
    // MARK: File names

    /// The latest snapshot.
    public static var snapshotName: String { "snapshot.json" }
    /// The journal.
    public static var journalName: String { "journal.jsonl" }
    /// The summary for session lists.
    public static var summaryName: String { "summary.json" }
    /// The folder of stage snapshots.
    public static var stagesName: String { "stages" }
    /// The words of a box open when Campfire stopped (written by the console, see DraftKeeper).
    public static var draftName: String { "draft.json" }
    /// Where torn journal lines are kept.
    public static var quarantineName: String { "quarantine.jsonl" }
    /// The session as it was made (a snapshot at change 0), never replaced: what the journal is
    /// replayed onto when no later snapshot can be trusted.
    public static var startName: String { "start.json" }

    /// Whether `folder` holds a session: a snapshot, a journal or a start.
    public static func isSession(_ folder: URL) -> Bool {
        [snapshotName, journalName, startName].contains { SafeFile.exists(folder.appendingPathComponent($0)) }
    }

    // MARK: State

    /// The session folder.
    public let folder: URL
    /// The document schema this program writes.
    public let schema: Int
    /// Whether nothing may be written.
    public let isReadOnly: Bool
    /// The last sequence number in the journal (0 if it is empty).
    public private(set) var lastSequence: Int

    /// Bytes in the journal, and their CRC-32, as of `lastSequence`.
    private var journalLength = 0
    private var journalSum: UInt32 = 0
    /// The journal position after each of the last few changes, so a stage snapshot of the
    /// state before a move can name its own position.
    private var recentPositions: [JournalPosition] = []

    private let writer: JournalWriter<Event>?
    private var lock: SessionLock?
    private var isClosed = false

    private init(folder: URL, schema: Int, isReadOnly: Bool, lastSequence: Int, writer: JournalWriter<Event>?, lock: SessionLock?) {
        self.folder = folder
        self.schema = schema
        self.isReadOnly = isReadOnly
        self.lastSequence = lastSequence
        self.writer = writer
        self.lock = lock
    }

    deinit {
        try? lock?.release()
    }

    private var snapshotFile: URL { folder.appendingPathComponent(Self.snapshotName) }
    private var journalFile: URL { folder.appendingPathComponent(Self.journalName) }

    // MARK: Creating

    /// Makes a new session folder: the folder (0700), its lock, the first
    /// snapshot (covering sequence 0) and an empty journal.
    /// - Parameters:
    ///   - folder: the session folder; it may exist but must not hold a session.
    ///   - document: the starting document.
    ///   - schema: the document schema this program writes.
    ///   - at: now.
    /// - Throws: `PersistenceError.sessionAlreadyExists`, `.lockedBy`, or a file error.
    public static func create(folder: URL, document: Document, schema: Int, at date: Date) throws -> SessionFiles {
        try SafeFile.createFolder(folder)
        let snapshotFile = folder.appendingPathComponent(snapshotName)
        let journalFile = folder.appendingPathComponent(journalName)
        if SafeFile.exists(snapshotFile) { throw PersistenceError.sessionAlreadyExists(folder: folder.path) }
        let lock: SessionLock
        switch try SessionLock.acquire(in: folder, at: date) {
        case .acquired(let taken), .recoveredStale(let taken, _): lock = taken
        case .heldBy(let info): throw PersistenceError.lockedBy(info)
        }
        do {
            // Another program may have created it while we took the lock.
            if SafeFile.exists(snapshotFile) { throw PersistenceError.sessionAlreadyExists(folder: folder.path) }
            if let size = fileSize(journalFile), size > 0 {
                throw PersistenceError.sessionAlreadyExists(folder: folder.path)
            }
            // Snapshot first: a folder with a snapshot and no journal opens
            // fine (the journal is made then); the reverse would not.
            let origin = JournalPosition(sequence: 0, length: 0, sum: CRC32.hex([UInt8]()))
            try SnapshotFile.write(
                Snapshot(schema: schema, journal: origin, savedAt: date, document: document), to: folder.appendingPathComponent(startName))
            try SnapshotFile.write(
                Snapshot(schema: schema, journal: origin, savedAt: date, document: document), to: snapshotFile)
            let writer = try JournalWriter<Event>(file: journalFile)
            let files = SessionFiles(folder: folder, schema: schema, isReadOnly: false, lastSequence: 0, writer: writer, lock: lock)
            files.rememberPosition()
            return files
        } catch {
            try? lock.release()
            throw error
        }
    }

    // MARK: Opening

    /// Opens an existing session and recovers it.
    ///
    /// Steps: check privacy; take the lock (unless read-only); read the
    /// snapshot (refusing newer schemas, migrating older ones); read the
    /// journal; set aside a torn last line in `quarantine.jsonl` and cut the
    /// journal back to its last good line; fall back to read-only if there are
    /// damaged lines in the middle. Read-only never writes anything, not even
    /// the lock or the quarantine file.
    /// - Parameters:
    ///   - folder: the session folder.
    ///   - schema: the document schema this program writes.
    ///   - readOnly: open without the lock and without writing.
    ///   - migrate: turns older documents into the current schema.
    ///   - at: now.
    /// - Returns: the open session and what was recovered.
    /// - Throws: `PersistenceError.lockedBy` if a running Campfire has it open
    ///   and `readOnly` is false (offer "open read-only, or quit");
    ///   `.notASession`, `.newerSchema`, `.migrationFailed`, or a file error.
    public static func open(
        folder: URL,
        schema: Int,
        readOnly: Bool,
        migrate: SchemaMigration? = nil,
        startOf: ((Document) -> Document)? = nil,
        takeOver: LockInfo? = nil,
        at date: Date
    ) throws -> (SessionFiles, Recovered<Document, Event>) {
        let snapshotFile = folder.appendingPathComponent(snapshotName)
        let journalFile = folder.appendingPathComponent(journalName)
        guard isSession(folder) else { throw PersistenceError.notASession(folder: folder.path) }

        var report = RecoveryReport()
        report.privacyWarnings = FilePrivacy.checkTree(folder)
        if !readOnly { report.lowSpace = FreeSpace.low(at: folder.path) }

        var lock: SessionLock?
        var readOnly = readOnly
        if !readOnly {
            do {
                switch try SessionLock.acquire(in: folder, takingOver: takeOver, at: date) {
                case .acquired(let taken):
                    lock = taken
                case .recoveredStale(let taken, let previous):
                    lock = taken
                    report.recoveredStaleLock = previous
                case .heldBy(let info):
                    throw PersistenceError.lockedBy(info)
                }
                // The screen kept at the last close was for showing while this opens; once the
                // session may change it is stale, and it holds words (see `LastScreen`).
                LastScreen.remove(in: folder)
            } catch let error as PersistenceError {
                // A folder that cannot be written (read-only disk, no permission) is still shown, read-only.
                guard let code = error.notWritableCode else { throw error }
                readOnly = true
                report.isReadOnly = true
                report.readOnlyReasons.append(.folderNotWritable(code: code))
                if let holder = try? SessionLock.current(in: folder), SessionLock.isHeld(holder) {
                    report.heldBy = holder
                }
            }
        } else {
            report.isReadOnly = true
            report.readOnlyReasons.append(.requested)
            if let holder = try? SessionLock.current(in: folder), SessionLock.isHeld(holder) {
                report.heldBy = holder
            }
        }

        do {
            return try recover(
                folder: folder, schema: schema, readOnly: readOnly, migrate: migrate, startOf: startOf, at: date,
                snapshotFile: snapshotFile, journalFile: journalFile, lock: lock, report: report)
        } catch {
            try? lock?.release()
            throw error
        }
    }

    private static func recover(
        folder: URL, schema: Int, readOnly: Bool, migrate: SchemaMigration?, startOf: ((Document) -> Document)?, at date: Date,
        snapshotFile: URL, journalFile: URL, lock: SessionLock?, report: RecoveryReport
    ) throws -> (SessionFiles, Recovered<Document, Event>) {
        var report = report
        // Read everything in memory first and write nothing until it is
        // clear the session may be written: a damaged journal must leave
        // every file exactly as found, including an older snapshot.
        var journalBytes: [UInt8] = []
        if SafeFile.exists(journalFile) { journalBytes = try SafeFile.readBytes(path: journalFile.path) }

        // The snapshot is a cache: it is used only if it is whole and agrees with the journal.
        var snapshotRead: SnapshotFile.ReadResult<Document>?
        var snapshotProblem: String?
        if SafeFile.exists(snapshotFile) {
            do {
                snapshotRead = try SnapshotFile.read(
                    snapshotFile, as: Document.self, currentSchema: schema, migrate: migrate, readOnly: true, now: date)
            } catch let error as PersistenceError {
                switch error {
                case .newerSchema, .migrationFailed, .cannotRead: throw error
                case let .unreadableSnapshot(_, detail): snapshotProblem = detail
                default: throw error
                }
            }
        } else {
            snapshotProblem = "it is missing"
        }

        // The same parse whether `campfire resume`'s second thread did it or not; the snapshot's
        // checks below are made here either way.
        var journal = JournalReader.parse(journalBytes, of: journalFile, as: Event.self, eventsAfter: snapshotRead?.snapshot.journalSequence ?? 0)
        var base: Base?
        // The checksum of the journal's first bytes, once summed for the check, is carried on
        // to the end of the journal for the writer rather than summed again.
        var prefixSum: (length: Int, sum: UInt32)?
        if let read = snapshotRead {
            switch SnapshotCheck.check(read.snapshot.envelope, journalBytes: journalBytes, journal: journal, prefixSum: &prefixSum) {
            case .agrees(let covered):
                base = Base(document: read.snapshot.document, sequence: read.snapshot.journalSequence, coveredLength: covered, source: nil)
                if read.snapshot.envelope.format < SnapshotEnvelope.currentFormat { report.oldSnapshotFormat = read.snapshot.envelope.format }
            case .journalBehind(let journalEnds):
                // The snapshot holds changes the journal has lost: it is the only copy of them,
                // so it is used, read-only, rather than set aside.
                report.readOnlyReasons.append(.journalBehindSnapshot(journalEnds: journalEnds, snapshotCovers: read.snapshot.journalSequence))
                base = Base(document: read.snapshot.document, sequence: read.snapshot.journalSequence, coveredLength: journalBytes.count, source: nil)
            case .disagrees(let reason):
                snapshotProblem = reason
            }
        }

        if base == nil {
            // Rebuild from the journal, starting from the latest copy that can be trusted.
            guard let found = rebuildBase(
                folder: folder, schema: schema, migrate: migrate, startOf: startOf, journalBytes: journalBytes, date: date)
            else {
                throw PersistenceError.unreadableSnapshot(
                    path: snapshotFile.path,
                    detail: (snapshotProblem ?? "it cannot be used")
                        + "; and no start of the session was found to rebuild it from the journal")
            }
            base = found
            journal = JournalReader.parse(journalBytes, as: Event.self, eventsAfter: found.sequence)
            report.snapshotSetAside = RecoveryReport.SnapshotSetAside(
                file: snapshotFile, reason: snapshotProblem ?? "it cannot be used",
                rebuiltFrom: found.source ?? "the start of the session", fromSequence: found.sequence,
                toSequence: journal.lastSequence ?? found.sequence, keptAs: nil)
        }
        guard let base else { throw PersistenceError.notASession(folder: folder.path) }

        // Damaged lines a trusted snapshot already holds stop nothing; any after it do.
        let lastSequence = journal.lastSequence ?? 0
        report.coveredDamage = journal.corruptLines.filter { $0.end <= base.coveredLength }
        report.corruptLines = journal.corruptLines.filter { $0.end > base.coveredLength }
        report.journalFile = journalFile
        var mustBeReadOnly = readOnly || !report.readOnlyReasons.isEmpty
        if !report.corruptLines.isEmpty {
            mustBeReadOnly = true
            report.readOnlyReasons.append(.corruptJournal)
        }

        if snapshotRead?.migratedFromSchema != nil && !mustBeReadOnly && report.snapshotSetAside == nil {
            // Now allowed to write: migrate again, this time saving the result
            // and keeping the original.
            snapshotRead = try SnapshotFile.read(
                snapshotFile, as: Document.self, currentSchema: schema, migrate: migrate, readOnly: false, now: date)
        }
        report.migratedFromSchema = snapshotRead?.migratedFromSchema
        report.keptOriginalSnapshot = snapshotRead?.keptOriginal

        if !mustBeReadOnly, report.snapshotSetAside != nil, SafeFile.exists(snapshotFile) {
            // Kept, never deleted: moved aside, so the fresh snapshot the caller writes does not replace it.
            let kept = try KeptFolder.make(in: folder, at: date)
            try KeptFolder.move(snapshotFile, into: kept)
            report.snapshotSetAside?.keptAs = kept.appendingPathComponent(snapshotName)
        }

        var goodLength = journalBytes.count
        if let tail = journal.tornTail {
            var quarantine: URL?
            if !mustBeReadOnly {
                quarantine = try setAside(tail, of: journalFile, in: folder, keepingLength: journal.goodLength, at: date)
            }
            goodLength = journal.goodLength
            report.tornTail = RecoveryReport.SetAside(
                lineNumber: tail.lineNumber, byteCount: tail.bytes.count, quarantineFile: quarantine)
        }

        let recovered = Recovered<Document, Event>(
            document: base.document,
            snapshotSequence: base.sequence,
            records: journal.records.filter { $0.sequence > base.sequence },
            report: report)

        if mustBeReadOnly {
            // Fell back to read-only after taking the lock: give it back so
            // the facilitator can open it elsewhere to sort it out.
            try? lock?.release()
            var readOnlyReport = recovered.report
            readOnlyReport.isReadOnly = true
            var result = recovered
            result.report = readOnlyReport
            let files = SessionFiles(
                folder: folder, schema: schema, isReadOnly: true, lastSequence: lastSequence, writer: nil, lock: nil)
            files.journalLength = goodLength  // how far it was read, for a reader that follows it (SessionFollower)
            return (files, result)
        }
        tidyTemporaryFiles(in: folder)
        let writer = try JournalWriter<Event>(file: journalFile)
        let files = SessionFiles(
            folder: folder, schema: schema, isReadOnly: false, lastSequence: lastSequence, writer: writer, lock: lock)
        files.journalLength = goodLength
        if let prefixSum, prefixSum.length <= goodLength {
            files.journalSum = CRC32.update(prefixSum.sum, with: journalBytes[prefixSum.length..<goodLength])
        } else {
            files.journalSum = CRC32.checksum(journalBytes[0..<goodLength])
        }
        files.rememberPosition()
        return (files, recovered)
    }

    /// Where a rebuild starts: a document and the journal position it holds.
    struct Base {
        var document: Document
        var sequence: Int
        /// Journal bytes the document already holds.
        var coveredLength: Int
        /// In words, for the report ("the stage snapshot stages/0003-goal.json"); nil for snapshot.json.
        var source: String?
    }

    /// The latest copy the journal can be replayed onto: a stage snapshot that agrees with the
    /// journal (latest first), then `start.json`, then the start worked out by `startOf` from any
    /// readable copy of the session (its identity and plan never change).
    private static func rebuildBase(
        folder: URL, schema: Int, migrate: SchemaMigration?, startOf: ((Document) -> Document)?,
        journalBytes: [UInt8], date: Date
    ) -> Base? {
        let probe = JournalReader.parse(journalBytes, as: Event.self, eventsAfter: Int.max)
        let stages = folder.appendingPathComponent(stagesName, isDirectory: true)
        let stageNames = ((try? FileManager.default.contentsOfDirectory(atPath: stages.path)) ?? [])
            .filter { !$0.hasPrefix(".") && $0.hasSuffix(".json") }.sorted()
        var readable: [Document] = []
        var best: Base?
        for name in stageNames {
            guard let read = try? SnapshotFile.read(
                stages.appendingPathComponent(name), as: Document.self, currentSchema: schema, migrate: migrate, readOnly: true, now: date)
            else { continue }
            readable.append(read.snapshot.document)
            guard read.snapshot.envelope.isCheckable,
                  case .agrees(let covered) = SnapshotCheck.check(read.snapshot.envelope, journalBytes: journalBytes, journal: probe)
            else { continue }
            if best == nil || read.snapshot.journalSequence > best!.sequence {
                best = Base(document: read.snapshot.document, sequence: read.snapshot.journalSequence, coveredLength: covered,
                            source: "the stage snapshot \(stagesName)/\(name)")
            }
        }
        if let best { return best }
        if let start = try? SnapshotFile.read(
            folder.appendingPathComponent(startName), as: Document.self, currentSchema: schema, migrate: migrate, readOnly: true, now: date),
            start.snapshot.journalSequence == 0 {
            return Base(document: start.snapshot.document, sequence: 0, coveredLength: 0, source: "the start of the session (\(startName))")
        }
        guard let startOf else { return nil }
        // Any readable copy will do for the start, even a snapshot that failed its checks.
        let snapshot = folder.appendingPathComponent(snapshotName)
        if let data = try? SafeFile.read(snapshot), let document = SnapshotFile.looseDocument(Document.self, in: data) {
            readable.append(document)
        }
        guard let any = readable.first else { return nil }
        return Base(document: startOf(any), sequence: 0, coveredLength: 0, source: "the start of the session")
    }

    /// Removes temporary files a crash left half-written (`.tmp-…`, in the folder and its stage
    /// snapshots). Each is a copy of the session that never replaced anything — the file it was
    /// meant to replace is whole and the journal holds every change — so it is only a stray copy of
    /// people's words, which `campfire erase` would not know to clean. Called with the lock held.
    private static func tidyTemporaryFiles(in folder: URL) {
        for place in [folder, folder.appendingPathComponent(stagesName)] {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: place.path)) ?? []
            let leftovers = names.filter { $0.hasPrefix(SafeFile.temporaryPrefix) }
            guard !leftovers.isEmpty else { continue }
            for name in leftovers {
                if FaultInjection.before(.unlink, path: place.appendingPathComponent(name).path) != nil { return }
                unlink(place.appendingPathComponent(name).path)
            }
            try? SafeFile.syncFolder(place)
        }
    }

    /// Appends the torn tail to `quarantine.jsonl` (never overwriting it),
    /// then cuts the journal back to its last good line. In that order, so a
    /// crash in between only risks keeping the tail twice, never losing it.
    private static func setAside(
        _ tail: TornTail, of journalFile: URL, in folder: URL, keepingLength goodLength: Int, at date: Date
    ) throws -> URL {
        let quarantine = folder.appendingPathComponent(quarantineName)
        let entry = QuarantineEntry(
            setAsideAt: date, journalLine: tail.lineNumber, byteCount: tail.bytes.count,
            text: String(decoding: tail.bytes, as: UTF8.self), base64: tail.bytes.base64EncodedString())
        var line: Data
        do {
            line = try JSONCoding.encoder().encode(entry)
        } catch {
            throw PersistenceError.cannotEncode(path: quarantine.path, detail: "\(error)")
        }
        line.append(UInt8(ascii: "\n"))

        let existed = SafeFile.exists(quarantine)
        let descriptor = Glibc_open(quarantine.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, SafeFile.fileMode)
        guard descriptor >= 0 else { throw PersistenceError.cannotOpen(path: quarantine.path, code: errno) }
        do {
            if !existed && fchmod(descriptor, SafeFile.fileMode) != 0 {
                throw PersistenceError.cannotOpen(path: quarantine.path, code: errno)
            }
            try SafeFile.writeAll(line, to: descriptor, path: quarantine.path, calls: .live)
            try SafeFile.flush(descriptor, path: quarantine.path, calls: .live)
            _ = closeSessionFile(descriptor)
        } catch {
            _ = closeSessionFile(descriptor)
            throw error
        }
        if !existed { try SafeFile.syncFolder(folder) }

        let journal = Glibc_open(journalFile.path, O_WRONLY | O_CLOEXEC, 0)
        guard journal >= 0 else { throw PersistenceError.cannotOpen(path: journalFile.path, code: errno) }
        defer { _ = closeSessionFile(journal) }
        if let code = FaultInjection.before(.truncate, path: journalFile.path) {
            throw PersistenceError.cannotWrite(path: journalFile.path, code: code)
        }
        while ftruncate(journal, off_t(goodLength)) != 0 {
            if errno == EINTR { continue }
            throw PersistenceError.cannotWrite(path: journalFile.path, code: errno)
        }
        try SafeFile.flush(journal, path: journalFile.path, calls: .live)
        return quarantine
    }

    // MARK: Writing

    /// Appends an event to the journal.
    /// - Returns: its sequence number. It is on disk when this returns.
    /// - Throws: `PersistenceError.readOnly`, or a file error (the event is then
    ///   not saved and the sequence number is not used up).
    @discardableResult
    public func append(_ event: Event, at date: Date) throws -> Int {
        try checkWritable()
        guard let writer else { throw PersistenceError.readOnly(folder: folder.path) }
        let sequence = lastSequence + 1
        let line = try writer.append(event, sequence: sequence, at: date)
        lastSequence = sequence
        journalLength += line.count
        journalSum = CRC32.update(journalSum, with: line)
        rememberPosition()
        SavedLog.note(sequence: sequence)
        return sequence
    }

    /// Replaces `snapshot.json` with `document`, recorded as covering every
    /// event appended so far.
    /// - Throws: `PersistenceError.readOnly`, or a file error (the previous
    ///   snapshot is then still whole).
    public func writeSnapshot(_ document: Document, at date: Date) throws {
        try checkWritable()
        try SnapshotFile.write(Snapshot(schema: schema, journal: position, savedAt: date, document: document), to: snapshotFile)
    }

    /// Whether the session has its `start.json`.
    public var hasStart: Bool { SafeFile.exists(folder.appendingPathComponent(Self.startName)) }

    /// Writes `start.json` (the session before its first journal line), for a session made before
    /// there was one. Never replaces an existing one.
    public func writeStart(_ document: Document, at date: Date) throws {
        try checkWritable()
        guard !hasStart else { return }
        try SnapshotFile.write(
            Snapshot(schema: schema, journal: JournalPosition(sequence: 0, length: 0, sum: CRC32.hex([UInt8]())), savedAt: date, document: document),
            to: folder.appendingPathComponent(Self.startName))
    }

    /// Where the journal stands now: the last change and a checksum of every byte up to it.
    public var position: JournalPosition {
        JournalPosition(sequence: lastSequence, length: journalLength, sum: CRC32.hex(journalSum))
    }

    /// Where the journal stood after change `sequence`, if it was one of the last few.
    public func position(after sequence: Int) -> JournalPosition? {
        recentPositions.last { $0.sequence == sequence }
    }

    private func rememberPosition() {
        recentPositions.append(position)
        if recentPositions.count > 64 { recentPositions.removeFirst(recentPositions.count - 64) }
    }

    /// Replaces `snapshot.json` and `summary.json` together (snapshot first,
    /// so a summary never describes more than the snapshot holds).
    public func writeSnapshot<Summary: Encodable>(_ document: Document, summary: Summary, at date: Date) throws {
        try writeSnapshot(document, at: date)
        try writeSummary(summary)
    }

    /// Replaces `summary.json` with `summary`, so a list of sessions can be
    /// shown without replaying every journal.
    public func writeSummary<Summary: Encodable>(_ summary: Summary) throws {
        try checkWritable()
        let file = folder.appendingPathComponent(Self.summaryName)
        var data: Data
        do {
            data = try JSONCoding.encoder().encode(summary)
        } catch {
            throw PersistenceError.cannotEncode(path: file.path, detail: "\(error)")
        }
        data.append(UInt8(ascii: "\n"))
        try SafeFile.writeAtomically(data, to: file)
    }

    /// Reads a session's `summary.json` without opening the session (no lock).
    /// - Returns: nil if there is no summary yet.
    /// - Throws: `PersistenceError.unreadableSnapshot` if it is damaged.
    public static func readSummary<Summary: Decodable>(_ type: Summary.Type, in folder: URL) throws -> Summary? {
        try readSummary(type, inFolderAt: folder.path)
    }

    /// The same, for a session folder given by its path (the home screen lists without `URL`).
    public static func readSummary<Summary: Decodable>(_ type: Summary.Type, inFolderAt folder: String) throws -> Summary? {
        let file = folder + "/" + summaryName
        let data: Data
        do {
            data = try SafeFile.read(path: file)
        } catch PersistenceError.cannotRead(_, let code) where code == ENOENT {
            return nil
        }
        // The home screen, `list` and review read every summary first thing: the quick decoder
        // (strict JSON, Campfire's own dates) first, `JSONDecoder` for anything it is unsure of.
        if let quick = try? QuickJSONDecoder.decode(type, from: data) { return quick }
        do {
            return try JSONCoding.decoder().decode(type, from: data)
        } catch {
            throw PersistenceError.unreadableSnapshot(path: file, detail: "the summary does not match the expected format")
        }
    }

    /// Saves a snapshot of `document` at a stage change, as
    /// `stages/NNNN-<label>.json` (NNNN counts up from 0001; the label keeps
    /// only a-z, 0-9 and "-").
    /// - Parameter sequence: the last change `document` holds (the latest if nil). A stage
    ///   snapshot names the change of the state it holds, with that point's journal checksum.
    /// - Returns: the file written.
    @discardableResult
    /// - Parameter unchecked: the change `document` holds is not known: it is recorded with the
    ///   latest number only, without a journal checksum, so it is never a base for a rebuild.
    public func writeStageSnapshot(_ document: Document, label: String, holding sequence: Int? = nil, unchecked: Bool = false, at date: Date) throws -> URL {
        try checkWritable()
        return try writeStageSnapshot(document, label: label, journal: stagePosition(holding: sequence, unchecked: unchecked), at: date)
    }

    /// Where the journal stood for a stage snapshot holding change `sequence` (the latest if nil;
    /// the latest number only, with no checksum, if `unchecked`). Taken on the saving thread, at
    /// the moment the snapshot is handed over.
    func stagePosition(holding sequence: Int?, unchecked: Bool) -> JournalPosition {
        let held = sequence.flatMap { position(after: $0) } ?? JournalPosition(sequence: sequence ?? lastSequence)
        return unchecked ? JournalPosition(sequence: lastSequence) : (sequence == nil ? position : held)
    }

    /// Writes a stage snapshot standing at `journal` (worked out by ``stagePosition(holding:unchecked:)``
    /// when it was handed over). Reads no state that changes: safe from the snapshot thread.
    func writeStageSnapshot(_ document: Document, label: String, journal: JournalPosition, at date: Date) throws -> URL {
        if isReadOnly { throw PersistenceError.readOnly(folder: folder.path) }
        let stages = folder.appendingPathComponent(Self.stagesName, isDirectory: true)
        try SafeFile.createFolder(stages)
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: stages.path)) ?? []
        let highest = existing.compactMap { name -> Int? in
            guard !name.hasPrefix("."), name.count > 4 else { return nil }
            return Int(name.prefix(4))
        }.max() ?? 0
        let name = String(format: "%04d", highest + 1) + "-" + Self.sanitize(label) + ".json"
        let file = stages.appendingPathComponent(name)
        try SnapshotFile.write(Snapshot(schema: schema, journal: journal, savedAt: date, document: document), to: file)
        return file
    }

    /// The stage snapshots in order, for the history review.
    /// - Parameter migrate: applied in memory to older ones; files are not changed.
    public func stageSnapshots(migrate: SchemaMigration? = nil, at date: Date) throws -> [(file: URL, snapshot: Snapshot<Document>)] {
        let stages = folder.appendingPathComponent(Self.stagesName, isDirectory: true)
        guard SafeFile.exists(stages) else { return [] }
        let names = try FileManager.default.contentsOfDirectory(atPath: stages.path)
            .filter { !$0.hasPrefix(".") && $0.hasSuffix(".json") }
            .sorted()
        return try names.map { name in
            let file = stages.appendingPathComponent(name)
            let read = try SnapshotFile.read(
                file, as: Document.self, currentSchema: schema, migrate: migrate, readOnly: true, now: date)
            return (file, read.snapshot)
        }
    }

    /// Makes a label safe as part of a file name on every system: lowercase
    /// a-z, 0-9 and single "-" only; anything else becomes "-".
    public static func sanitize(_ label: String) -> String {
        var result = ""
        for scalar in label.lowercased().unicodeScalars {
            let isSafe = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9")
            if isSafe {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty && !result.hasSuffix("-") {
                result.append("-")
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "stage" : String(result.prefix(60))
    }

    // MARK: Closing

    /// Releases the lock. The session cannot be written after this.
    /// - Throws: `PersistenceError` if the lock file could not be removed.
    public func close() throws {
        isClosed = true
        writer?.close()
        let held = lock
        lock = nil
        try held?.release()
    }

    // MARK: Helpers

    private func checkWritable() throws {
        if isReadOnly { throw PersistenceError.readOnly(folder: folder.path) }
        if isClosed { throw PersistenceError.closed(folder: folder.path) }
    }

    private static func fileSize(_ file: URL) -> Int? {
        var info = stat()
        guard stat(file.path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }
}

/// One torn journal line kept in `quarantine.jsonl`: the text for people to
/// read, the exact bytes (base64) for tools, and where it came from.
struct QuarantineEntry: Codable, Equatable {
    let setAsideAt: Date
    let journalLine: Int
    let byteCount: Int
    let text: String
    let base64: String
}

@inline(__always)
private func Glibc_open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    #if canImport(Glibc)
    return Glibc.open(path, flags, mode)
    #else
    return Darwin.open(path, flags, mode)
    #endif
}

@inline(__always)
private func closeSessionFile(_ descriptor: Int32) -> Int32 {
    #if canImport(Glibc)
    return Glibc.close(descriptor)
    #else
    return Darwin.close(descriptor)
    #endif
}
