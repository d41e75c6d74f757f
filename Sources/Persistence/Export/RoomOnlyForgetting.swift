import Foundation
import Workshop

/// Forgets the words of "room only" stories once the workshop is over.
///
/// A room-only story was told for the people in the room that day. While the workshop runs its
/// words are saved like everything else (so nothing is lost to a crash); when the session is
/// closed at the Close step, and again whenever a finished session is opened for writing (in
/// case the first time was cut short), every file of the session is rewritten without them:
/// the journal (line by line, same numbers and times, so the history stays whole), the snapshot,
/// each stage snapshot, the summary, the quarantine and any draft. Each story keeps its id,
/// teller and choice, with the words replaced by "a story told in the room", so turn counts and
/// "who has told a story" still add up.
///
/// Each file is replaced through `SafeFile` (temporary file, flush, rename, folder flush) while
/// the session's lock is held. The journal goes first and the snapshot last: if the computer
/// stops half way, every mix of old and new files is still a whole session, and the next open
/// finishes the job.
public enum RoomOnlyForgetting {

    /// What forgetting did.
    public struct Outcome: Equatable, Sendable {
        /// Stories whose words were forgotten.
        public var stories: Int
        /// Files rewritten (or, for a draft, removed).
        public var files: Int
    }

    /// Whether a session is finished (at its Close step) and still holds room-only words in its record.
    public static func isDue(_ session: Session) -> Bool {
        session.step.stage == .close && session.record.stories.contains { $0.holdsRoomOnlyWords }
    }

    /// Whether an unfinished session's room-only period has passed: it was last open (`lastOpen`,
    /// from its summary) at least its period ago (7 days unless the facilitator chose another).
    public static func periodHasPassed(_ session: Session, lastOpen: Date?, at date: Date) -> Bool {
        guard session.step.stage != .close, session.finishedAt == nil, let lastOpen else { return false }
        return date.timeIntervalSince(lastOpen) >= Double(session.roomOnlyPeriodDays) * 86_400
    }

    /// Whether a finished session just opened still needs forgetting: it holds room-only words,
    /// or opening set a snapshot aside into kept/ (which may hold words the journal no longer has).
    static func isDue(_ store: SessionStore) -> Bool {
        guard store.session.step.stage == .close else { return false }
        // A story whose teller changed their mind (no longer room only) holds no words to forget
        // in an older copy: without this, every open of such a workshop forgot again, for nothing.
        let notRoomOnly = Set(store.session.record.stories.filter { $0.consent != .roomOnly }.map(\.id))
        return isDue(store.session) || store.report.snapshotSetAside?.keptAs != nil
            || RoomOnlyCopies.anyHoldWords(in: store.folder, notRoomOnly: notRoomOnly)
    }

    /// The stories whose words go: those whose last known choice is "room only", wherever they
    /// were last seen (the stage snapshots, then the journal in order, then the session as it is now),
    /// so a room-only story deleted during the workshop is forgotten too.
    public static func storiesToForget(stages: [Session], journal: [SessionEvent], now: Session) -> Set<StoryID> {
        Set(lastChoices(stages: stages, journal: journal, now: now).compactMap { $0.value == .roomOnly ? $0.key : nil })
    }

    /// Each story's last known choice, wherever it was last seen (see `storiesToForget`).
    static func lastChoices(stages: [Session], journal: [SessionEvent], now: Session) -> [StoryID: Consent?] {
        var last: [StoryID: Consent?] = [:]
        func note(_ record: WorkshopRecord) { for story in record.stories { last[story.id] = story.consent } }
        for stage in stages { note(stage.record) }
        for event in journal {
            switch event {
            case .addStory(let story), .editStory(let story): last[story.id] = story.consent
            case .setConsent(let id, let consent): last[id] = consent
            case .undo(let record), .redo(let record): note(record)
            default: break
            }
        }
        note(now.record)
        return last
    }

    /// Every version of the stories in `ids` anywhere in the session's history (their words, to look for).
    static func versions(of ids: Set<StoryID>, stages: [Session], journal: [SessionEvent], now: Session) -> [Story] {
        var found: [Story] = []
        func note(_ record: WorkshopRecord) { found += record.stories.filter { ids.contains($0.id) } }
        for stage in stages { note(stage.record) }
        for event in journal {
            switch event {
            case .addStory(let story), .editStory(let story): if ids.contains(story.id) { found.append(story) }
            case .undo(let record), .redo(let record): note(record)
            default: break
            }
        }
        note(now.record)
        return found
    }

    /// The record with the words of the stories in `ids` forgotten.
    public static func scrub(_ record: WorkshopRecord, forgetting ids: Set<StoryID>) -> WorkshopRecord {
        guard !ids.isEmpty else { return record }
        var copy = record
        copy.stories = record.stories.map { ids.contains($0.id) ? $0.forgotten : $0 }
        return copy
    }

    /// The session with the words of the stories in `ids` forgotten.
    public static func scrub(_ session: Session, forgetting ids: Set<StoryID>) -> Session {
        var copy = session
        copy.record = scrub(session.record, forgetting: ids)
        return copy
    }

    /// The session with every room-only story's words forgotten (what review shows).
    public static func scrubbingEveryRoomOnlyStory(_ session: Session) -> Session {
        scrub(session, forgetting: Set(session.record.stories.filter { $0.consent == .roomOnly }.map(\.id)))
    }

    /// A journal event with the words of the stories in `ids` forgotten.
    public static func scrub(_ event: SessionEvent, forgetting ids: Set<StoryID>) -> SessionEvent {
        switch event {
        case .addStory(let story) where ids.contains(story.id): return .addStory(story.forgotten)
        case .editStory(let story) where ids.contains(story.id): return .editStory(story.forgotten)
        case .undo(let record): return .undo(restoring: scrub(record, forgetting: ids))
        case .redo(let record): return .redo(restoring: scrub(record, forgetting: ids))
        default: return event
        }
    }

    /// Forgets the room-only words in the session folder, if the session is finished.
    ///
    /// Takes the lock (refused while another Campfire has the session open), rewrites only the
    /// files that change, and releases it.
    /// - Returns: what was done (nothing when the session is not at its Close step, is read-only or holds no such words).
    @discardableResult
    /// - Parameter unfinishedToo: forget in a workshop not at its Close step too (its room-only
    ///   period has passed).
    public static func forget(in folder: URL, at date: Date, unfinishedToo: Bool = false) throws -> Outcome {
        let store = try SessionStore.openWithoutForgetting(folder, readOnly: false, at: date)
        defer { try? store.files.close() }
        guard !store.isReadOnly, store.session.step.stage == .close || unfinishedToo else { return Outcome(stories: 0, files: 0) }

        let journalFile = folder.appendingPathComponent(SessionStore.Files.journalName)
        let journal = SafeFile.exists(journalFile) ? try JournalReader.read(journalFile, as: SessionEvent.self) : nil
        guard journal?.corruptLines.isEmpty ?? true, journal?.tornTail == nil else { return Outcome(stories: 0, files: 0) }
        let records = journal?.records ?? []
        let stages = (try? store.files.stageSnapshots(at: date)) ?? []
        let choices = lastChoices(stages: stages.map(\.snapshot.document), journal: records.map(\.event), now: store.session)
        let ids = Set(choices.compactMap { $0.value == .roomOnly ? $0.key : nil })
        guard !ids.isEmpty || RoomOnlyCopies.anyHoldWords(in: folder, notRoomOnly: Set(choices.keys).subtracting(ids)) else { return Outcome(stories: 0, files: 0) }
        let forgotten = versions(of: ids, stages: stages.map(\.snapshot.document), journal: records.map(\.event), now: store.session)
        var outcome = Outcome(stories: ids.count, files: 0)

        // Where each change ends in the journal as found, and (below) as rewritten: a snapshot
        // records the length and checksum of the journal bytes it stands for, so every snapshot
        // rewritten here must name the new journal's bytes, or the next open would set it aside.
        let foundBytes = SafeFile.exists(journalFile) ? [UInt8](try SafeFile.read(journalFile)) : []
        let foundPositions = positions(of: foundBytes, sequences: records.map(\.sequence))
        var newPositions = foundPositions

        // 1. The journal, line by line: the same numbers and times, the words gone.
        if let journal {
            let encoder = JSONCoding.encoder()
            var rewritten = Data()
            var changed = false
            for record in journal.records {
                let event = scrub(record.event, forgetting: ids)
                if event != record.event { changed = true }
                let json: Data
                do { json = try encoder.encode(event) } catch {
                    throw PersistenceError.cannotEncode(path: journalFile.path, detail: "\(error)")
                }
                rewritten.append(JournalLine.encode(eventJSON: json, sequence: record.sequence, at: record.at))
            }
            if changed {
                newPositions = positions(of: [UInt8](rewritten), sequences: records.map(\.sequence))
                try SafeFile.writeAtomically(rewritten, to: journalFile)
                outcome.files += 1
            }
        }
        /// The position in the journal as it now is of the change a snapshot stood at, if it stood
        /// exactly there in the journal as found (one that did not agree is left not agreeing).
        func moved(_ position: JournalPosition) -> JournalPosition {
            guard position.length != nil, position.sequence > 0, foundPositions[position.sequence] == position,
                  let now = newPositions[position.sequence] else { return position }
            return now
        }

        // 2. Each stage snapshot, keeping the change it stands at, with the new journal's checksum.
        for (file, snapshot) in stages {
            let clean = scrub(snapshot.document, forgetting: ids)
            let journalAt = moved(snapshot.envelope.journal)
            guard clean != snapshot.document || journalAt != snapshot.envelope.journal else { continue }
            try SnapshotFile.write(Snapshot(schema: snapshot.schema, journal: journalAt,
                                            savedAt: snapshot.savedAt, document: clean), to: file)
            outcome.files += 1
        }

        // 3. The quarantine: lines that were never saved. One that may hold a room-only story is dropped.
        let quarantine = folder.appendingPathComponent(SessionStore.Files.quarantineName)
        if SafeFile.exists(quarantine) {
            let lines = try SafeFile.read(quarantine).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
            let kept = lines.filter { !mayHold(forgotten, ids: ids, quarantineLine: Data($0)) }
            if kept.count != lines.count {
                var data = Data()
                for line in kept { data.append(contentsOf: line); data.append(UInt8(ascii: "\n")) }
                try SafeFile.writeAtomically(data, to: quarantine)
                outcome.files += 1
            }
        }

        // 4. A draft of words being typed that holds any of them (a courtesy copy only).
        let draft = folder.appendingPathComponent(SessionStore.Files.draftName)
        if SafeFile.exists(draft), let data = try? SafeFile.read(draft), holdsAnyWords(of: forgotten, in: data) {
            try FileManager.default.removeItem(at: draft)
            try SafeFile.syncFolder(folder)
            outcome.files += 1
        }

        // 4b. Every other copy in the folder (issue 15's kept/ folders, an original kept by a format
        // change, a stage snapshot that cannot be read, temporary files): see `RoomOnlyCopies`.
        // A forgetting cut short leaves a snapshot that no longer agrees with the rewritten
        // journal, which the next open sets aside in kept/, words and all: this reaches it then.
        outcome.files += try RoomOnlyCopies.forget(in: folder, RoomOnlyCopies.Forgetting(
            ids: ids, notRoomOnly: Set(choices.keys).subtracting(ids), stories: forgotten))

        // 5. Last, the snapshot and summary.
        let clean = scrub(store.session, forgetting: ids)
        if clean != store.session || outcome.files > 0 {
            let journalAt = moved(store.files.position)
            try store.files.writeSnapshot(clean, covering: journalAt, summary: SessionSummary(clean, updatedAt: date), at: date)
            outcome.files += 1
        }
        return outcome
    }

    /// For each whole line of `bytes` (in order, numbered by `sequences`), the journal position
    /// just after it: its length to there and the CRC-32 of those bytes. Empty when the lines and
    /// numbers do not pair up one to one (then no snapshot is given a checksum it cannot back).
    static func positions(of bytes: [UInt8], sequences: [Int]) -> [Int: JournalPosition] {
        var result: [Int: JournalPosition] = [:]
        var sum: UInt32 = 0
        var start = 0
        var index = 0
        while start < bytes.count {
            guard index < sequences.count, let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) else { return [:] }
            sum = CRC32.update(sum, with: bytes[start...newline])
            result[sequences[index]] = JournalPosition(sequence: sequences[index], length: newline + 1, sum: CRC32.hex(sum))
            start = newline + 1
            index += 1
        }
        return index == sequences.count ? result : [:]
    }

    /// Whether a quarantined line could hold a room-only story: it names the choice, one of the
    /// stories' ids, or any of their words (a line cut short may hold only the start of them).
    static func mayHold(_ stories: [Story], ids: Set<StoryID>, quarantineLine line: Data) -> Bool {
        var bytes = line
        if let entry = try? JSONCoding.decoder().decode(QuarantineEntry.self, from: line),
           let raw = Data(base64Encoded: entry.base64) {
            bytes = raw
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if text.contains("\"roomOnly\"") { return true }
        if ids.contains(where: { text.contains("\"id\":\"\($0)\"") }) { return true }
        return holdsAnyWords(of: stories, in: bytes)
    }

    /// Whether `data` holds any of the stories' words, as typed or as written in JSON.
    static func holdsAnyWords(of stories: [Story], in data: Data) -> Bool {
        let text = String(decoding: data, as: UTF8.self)
        let encoder = JSONCoding.encoder()
        for story in stories {
            for words in [story.title, story.whatHappened, story.smallThing] where !words.isEmpty && words != Story.toldInTheRoom {
                if text.contains(words) { return true }
                if let json = try? encoder.encode(words), let quoted = String(data: json, encoding: .utf8),
                   text.contains(String(quoted.dropFirst().dropLast())) {
                    return true
                }
            }
        }
        return false
    }
}
