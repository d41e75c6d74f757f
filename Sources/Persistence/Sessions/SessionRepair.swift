import Foundation
import Workshop

/// What `campfire repair` would do to a session, worked out without changing anything, and
/// doing it.
///
/// Every journal line is either kept or set aside, by number, with the reason:
/// - a line whose checksum, JSON or time is wrong, or whose event this Campfire does not know,
///   is set aside (its exact bytes go to `quarantine.jsonl` and the whole original journal to
///   `kept/<date>/`);
/// - good lines are kept in the order of their numbers (so swapped lines are put back in order);
///   a second line with a number already kept is set aside as a copy;
/// - a kept change that can no longer be applied (it needed a set-aside one) is set aside too;
/// - the kept lines are numbered 1, 2, 3 … again, and a new snapshot (and summary) is written
///   for the result, so the session opens for writing.
///
/// What the journal is replayed onto is what opening would use: the snapshot when it agrees with
/// the journal (then a damaged line it covers loses nothing), otherwise the latest copy that does.
public struct SessionRepair {
    /// One journal line and what happens to it.
    public struct Line: Sendable {
        public enum Verdict: Sendable, Equatable {
            /// Kept, as change `newSequence`.
            case keep(newSequence: Int)
            /// Set aside, for this reason (plain words).
            case setAside(String)
        }
        /// Its number in the journal as found (1-based).
        public let number: Int
        /// Its change number, when it could be read.
        public let sequence: Int?
        /// The change, when it could be read.
        public let event: SessionEvent?
        public let at: Date?
        public var verdict: Verdict
        /// The line's exact bytes (newline included if it had one).
        public let bytes: Data
        /// Whether the snapshot the repair starts from already holds what this line did.
        public var heldBySnapshot: Bool
        /// For a damaged line: the change it seems to hold, read without trusting its checksum
        /// (only to say in words what is set aside; it is never applied).
        public var unchecked: SessionEvent? = nil
        /// For a damaged line whose change cannot be read at all: the kind of change it names
        /// ("addStory"), and the person it names, if those can be made out.
        public var uncheckedKind: String? = nil
        public var uncheckedPerson: ParticipantID? = nil
    }

    public let folder: URL
    public var lines: [Line]
    /// The session before the first kept line that is replayed, and where that came from.
    public let base: Session
    public let baseSequence: Int
    public let baseSource: String
    /// The session after the repair.
    public let result: Session
    /// Other things repair will do, in plain words (a snapshot set aside…).
    public var notes: [String]

    /// Whether there is anything to mend.
    public var isNeeded: Bool {
        lines.contains { if case .setAside = $0.verdict { return true } else { return false } }
            || lines.enumerated().contains { index, line in line.verdict != .keep(newSequence: index + 1) }
            || !notes.isEmpty
    }

    public var keptCount: Int { lines.filter { if case .keep = $0.verdict { return true } else { return false } }.count }
    public var setAsideCount: Int { lines.count - keptCount }

    // MARK: Planning

    /// Works out the repair. Reads only.
    /// - Throws: `PersistenceError` when the session cannot be read at all (a snapshot from a
    ///   newer Campfire, no start to rebuild from).
    public static func plan(_ folder: URL, at date: Date) throws -> SessionRepair {
        let (_, recovered) = try SessionStore.Files.open(
            folder: folder, schema: SessionStore.schema, readOnly: true, migrate: nil, startOf: SessionStore.start(of:), at: date)
        let base = recovered.document
        let baseSequence = recovered.snapshotSequence
        let baseSource = recovered.report.snapshotSetAside?.rebuiltFrom ?? "the snapshot (snapshot.json)"
        var notes: [String] = []
        if let aside = recovered.report.snapshotSetAside {
            notes.append("The snapshot \(aside.file.path) cannot be used (\(aside.reason)); a new one will be written and the old one kept.")
        }
        if let old = recovered.report.oldSnapshotFormat {
            notes.append("The snapshot is in an older format (\(old)); it will be written again with checksums.")
        }

        let journalFile = folder.appendingPathComponent(SessionStore.Files.journalName)
        let bytes = SafeFile.exists(journalFile) ? [UInt8](try SafeFile.read(journalFile)) : []
        let decoder = JSONCoding.decoder()
        var lines: [Line] = []
        var start = 0
        var number = 0
        while start < bytes.count {
            number += 1
            let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n"))
            let end = newline ?? bytes.count
            let next = newline.map { $0 + 1 } ?? bytes.count
            let raw = Data(bytes[start..<next])
            if newline == nil {
                lines.append(Line(number: number, sequence: nil, event: nil, at: nil,
                                  verdict: .setAside("it was cut off part way (no end of line), as a crash leaves it"),
                                  bytes: raw, heldBySnapshot: false))
            } else {
                switch JournalLine.decode(bytes[start..<end], as: SessionEvent.self, decoder: decoder, eventsAfter: 0) {
                case .failure(.damaged(let reason)), .failure(.unknownEvent(let reason)):
                    var line = Line(number: number, sequence: nil, event: nil, at: nil, verdict: .setAside(reason), bytes: raw, heldBySnapshot: false)
                    (line.unchecked, line.uncheckedKind, line.uncheckedPerson) = readWithoutTrusting(bytes[start..<end], decoder: decoder)
                    lines.append(line)
                case .success(.record(let record)):
                    lines.append(Line(number: number, sequence: record.sequence, event: record.event, at: record.at,
                                      verdict: .keep(newSequence: 0), bytes: raw, heldBySnapshot: record.sequence <= baseSequence))
                case .success(.covered):
                    break  // not with eventsAfter 0
                }
            }
            start = next
        }
        // Damaged lines the snapshot stands after: their changes are in it.
        let coveredNumbers = Set(recovered.report.coveredDamage.map(\.lineNumber))

        // Good lines in the order of their numbers; a number already kept is a copy.
        var order = lines.indices.filter { lines[$0].sequence != nil }
        order.sort { (lines[$0].sequence!, $0) < (lines[$1].sequence!, $1) }
        var keptBySequence: [Int: Int] = [:]
        var editor = SessionEditor(session: base)
        var failed = false
        var kept: [Int] = []
        for index in order {
            let line = lines[index]
            let sequence = line.sequence!
            if let first = keptBySequence[sequence] {
                let same = lines[first].bytes == line.bytes
                lines[index].verdict = .setAside(same
                    ? "it is a second copy of line \(lines[first].number)"
                    : "line \(lines[first].number) already has the number \(sequence)")
                continue
            }
            if sequence > baseSequence {
                if failed {
                    lines[index].verdict = .setAside("an earlier change could not be applied, so this one is kept aside with it")
                    continue
                }
                do {
                    try editor.apply(line.event!, at: line.at!)
                } catch {
                    lines[index].verdict = .setAside("it could not be applied: \(error.reason)")
                    failed = true
                    continue
                }
            }
            keptBySequence[sequence] = index
            kept.append(index)
        }
        for (newNumber, index) in kept.enumerated() { lines[index].verdict = .keep(newSequence: newNumber + 1) }
        for index in lines.indices where coveredNumbers.contains(lines[index].number) {
            if case .setAside(let reason) = lines[index].verdict {
                lines[index].heldBySnapshot = true
                lines[index].verdict = .setAside(reason + "; what it did is already in the snapshot, so nothing of it is lost")
            }
        }
        return SessionRepair(folder: folder, lines: lines, base: base, baseSequence: baseSequence, baseSource: baseSource,
                             result: editor.session, notes: notes)
    }

    /// What a damaged line seems to hold, read without its checksum: the change if its JSON is
    /// whole, else the kind of change and the person it names if they can be made out.
    static func readWithoutTrusting(_ line: ArraySlice<UInt8>, decoder: JSONDecoder) -> (SessionEvent?, String?, ParticipantID?) {
        struct EventOnly: Decodable { let event: SessionEvent }
        let text = String(decoding: line, as: UTF8.self)
        var body = Data(line)
        if let marker = text.range(of: #","sum":""#, options: .backwards) {
            body = Data((String(text[..<marker.lowerBound]) + "}").utf8)
        }
        if let event = try? decoder.decode(EventOnly.self, from: body).event { return (event, nil, nil) }
        func first(_ pattern: String) -> String? {
            guard let range = text.range(of: pattern, options: .regularExpression) else { return nil }
            let found = String(text[range])
            guard let open = found.dropLast().lastIndex(of: "\"") else { return nil }
            return String(found[found.index(after: open)..<found.index(before: found.endIndex)])
        }
        let kind = first(#""event":\{"[A-Za-z]+""#)
        let person = first(#""(teller|participant|proposedBy|to)":"[A-Za-z0-9_-]+""#)
        return (nil, kind, person)
    }

    // MARK: Doing it

    /// Mends the session: copies the originals into `kept/<date>/`, appends every set-aside line
    /// to `quarantine.jsonl`, writes the new journal, snapshot and summary, and checks the session
    /// then opens for writing.
    /// - Returns: the folder holding the originals.
    /// - Throws: `PersistenceError.lockedBy` if a running Campfire has the session open.
    @discardableResult
    public func apply(at date: Date) throws -> URL {
        let lock: SessionLock
        switch try SessionLock.acquire(in: folder, at: date) {
        case .acquired(let taken), .recoveredStale(let taken, _): lock = taken
        case .heldBy(let holder): throw PersistenceError.lockedBy(holder)
        }
        defer { try? lock.release() }
        // As every opening for changes does first: the screen kept at the last close holds words
        // and is stale once anything is rewritten (see `LastScreen`).
        LastScreen.remove(in: folder)

        let kept = try KeptFolder.make(in: folder, at: date)
        let names = [SessionStore.Files.journalName, SessionStore.Files.snapshotName, SessionStore.Files.quarantineName,
                     SessionStore.Files.summaryName, SessionStore.Files.startName]
        for name in names where SafeFile.exists(folder.appendingPathComponent(name)) {
            try KeptFolder.copy(folder.appendingPathComponent(name), into: kept)
        }

        // Set-aside lines, each with its number, into quarantine.jsonl (added to, never replaced).
        var quarantine = Data()
        if let existing = try? SafeFile.read(folder.appendingPathComponent(SessionStore.Files.quarantineName)) { quarantine = existing }
        let encoder = JSONCoding.encoder()
        for line in lines {
            guard case .setAside = line.verdict else { continue }
            let entry = QuarantineEntry(setAsideAt: date, journalLine: line.number, byteCount: line.bytes.count,
                                        text: String(decoding: line.bytes, as: UTF8.self), base64: line.bytes.base64EncodedString())
            quarantine.append(try encoder.encode(entry))
            quarantine.append(UInt8(ascii: "\n"))
        }
        if setAsideCount > 0 {
            try SafeFile.writeAtomically(quarantine, to: folder.appendingPathComponent(SessionStore.Files.quarantineName))
        }

        // The kept lines, numbered again in order.
        var journal = Data()
        let ordered = lines.compactMap { line -> (Int, Line)? in
            if case .keep(let number) = line.verdict { return (number, line) }
            return nil
        }.sorted { $0.0 < $1.0 }
        for (number, line) in ordered {
            let eventJSON: Data
            do { eventJSON = try encoder.encode(line.event!) } catch {
                throw PersistenceError.cannotEncode(path: folder.appendingPathComponent(SessionStore.Files.journalName).path, detail: "\(error)")
            }
            journal.append(JournalLine.encode(eventJSON: eventJSON, sequence: number, at: line.at!))
        }
        let journalFile = folder.appendingPathComponent(SessionStore.Files.journalName)
        try SafeFile.writeAtomically(journal, to: journalFile)
        let position = JournalPosition(sequence: ordered.count, length: journal.count, sum: CRC32.hex([UInt8](journal)))
        try SnapshotFile.write(Snapshot(schema: SessionStore.schema, journal: position, savedAt: date, document: result),
                               to: folder.appendingPathComponent(SessionStore.Files.snapshotName))
        var summary = try JSONCoding.encoder().encode(SessionSummary(result, updatedAt: date))
        summary.append(UInt8(ascii: "\n"))
        try SafeFile.writeAtomically(summary, to: folder.appendingPathComponent(SessionStore.Files.summaryName))
        if lines.contains(where: { $0.heldBySnapshot && { if case .setAside = $0.verdict { return true } else { return false } }($0) }) {
            // The start no longer replays to the result (a set-aside line's change lives only in
            // the snapshot), so keep this point as a stage snapshot a later rebuild can start from.
            let stages = folder.appendingPathComponent(SessionStore.Files.stagesName, isDirectory: true)
            try SafeFile.createFolder(stages)
            let highest = SafeFile.visibleNames(inFolderAt: stages.path).compactMap { Int($0.prefix(4)) }.max() ?? 0
            try SnapshotFile.write(Snapshot(schema: SessionStore.schema, journal: position, savedAt: date, document: result),
                                   to: stages.appendingPathComponent(String(format: "%04d", highest + 1) + "-repaired.json"))
        }
        return kept
    }
}
