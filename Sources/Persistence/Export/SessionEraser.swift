import Foundation
import Workshop
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Problems erasing, in plain words.
public enum EraseError: Error, Equatable, CustomStringConvertible {
    case locked(LockInfo)
    case noSuchPerson(name: String, known: [String])
    case damaged(folder: String, reasons: [String])
    case leftover(folder: String)

    public var description: String {
        switch self {
        case .locked(let info):
            return "This session is open in another Campfire (\(info)). Close it there first, then erase. Nothing was erased."
        case .noSuchPerson(let name, let known):
            let list = known.isEmpty ? "Nobody is listed in this session." : "The people in it are: \(SessionReducer.listed(known))."
            return "Nobody called \"\(name)\" took part in this session. \(list) Nothing was erased."
        case .damaged(let folder, let reasons):
            return "The session in \(folder) is damaged (\(reasons.joined(separator: "; "))), so Campfire cannot safely rewrite it without one person. "
                + "You can still erase the whole session. Nothing was erased."
        case .leftover(let folder):
            return "The session is out of the list, but Campfire could not delete the old copy in \(folder). "
                + "It still holds everything: please delete that folder yourself."
        }
    }
}

/// Erasing a whole session, or everything one person said in it, from every file.
///
/// Erasing one person rebuilds the session, scrubs it (see `scrub`), and writes a fresh session
/// folder whose first snapshot is the scrubbed session and whose journal is empty; the stage
/// snapshots are scrubbed the same way. The new folder then takes the old one's place and the old
/// one (journal, snapshots, quarantine, kept originals) is deleted. The step-by-step history of
/// that session is lost: it held the person's words.
public enum SessionEraser {

    /// What erasing one person did.
    public struct ParticipantErasure: Equatable, Sendable {
        public var people: Int
        public var stories: Int
        public var actionsDropped: Int
        public var actionsKept: Int
        public var stageSnapshots: Int
        /// The names as the session held them ("Tom", when "tom" was typed), for the message.
        public var names: [String] = []
    }

    /// Every folder in the data folder holding the session `id` (its own folder first): a copy
    /// made beside it ("… copy") holds the same words, and must be erased with it. Looks in the
    /// sessions folder and at the top of the data folder; hidden folders are left out (Campfire's
    /// own half-done erasures, see docs/exports.md).
    public static func foldersHolding(sessionID id: String, in dataFolder: DataFolder, besides folder: URL) -> [URL] {
        var found = [folder.standardizedFileURL]
        for place in [dataFolder.sessionsFolder, dataFolder.url] {
            for name in SafeFile.visibleNames(inFolderAt: place.path) {
                let candidate = place.appendingPathComponent(name, isDirectory: true).standardizedFileURL
                guard !found.contains(where: { $0.path == candidate.path }),
                      SafeFile.exists(candidate.appendingPathComponent(SessionStore.Files.snapshotName)),
                      sessionID(in: candidate) == id else { continue }
                found.append(candidate)
            }
        }
        return found
    }

    /// The id of the session in a folder, from its summary or else its snapshot.
    public static func sessionID(in folder: URL) -> String? {
        if let summary = try? SessionStore.Files.readSummary(SessionSummary.self, in: folder) { return summary.id }
        let snapshot = try? SnapshotFile.read(folder.appendingPathComponent(SessionStore.Files.snapshotName), as: Session.self,
                                              currentSchema: SessionStore.schema, migrate: nil, readOnly: true, now: Date())
        return snapshot?.snapshot.document.id
    }

    /// Deletes a whole session folder. Refuses while a running Campfire has it open.
    /// - Parameter takeOver: a lock from another computer the person chose to take over (after
    ///   being told what that means); taken only if it is still exactly that one.
    public static func eraseSession(_ folder: URL, takeOver: LockInfo? = nil, at date: Date) throws {
        let lock: SessionLock
        switch try SessionLock.acquire(in: folder, takingOver: takeOver, at: date) {
        case .acquired(let taken), .recoveredStale(let taken, _): lock = taken
        case .heldBy(let info): throw EraseError.locked(info)
        }
        // Out of the list first (names starting with "." are never listed), then gone.
        let parent = folder.deletingLastPathComponent()
        let trash = parent.appendingPathComponent(".erasing-\(randomSuffix())", isDirectory: true)
        if rename(folder.path, trash.path) != 0 {
            let code = errno
            try? lock.release()
            throw PersistenceError.cannotReplace(path: folder.path, code: code)
        }
        try SafeFile.syncFolder(parent)
        try removeOldCopy(trash)
        try SafeFile.syncFolder(parent)
    }

    /// Deletes the old folder once it is out of the way, saying plainly what to do if it cannot.
    private static func removeOldCopy(_ trash: URL) throws {
        do {
            try FileManager.default.removeItem(at: trash)
        } catch {
            throw EraseError.leftover(folder: trash.path)
        }
    }

    /// Erases everything one person said in a session (matched by any name they have had, ignoring case).
    /// Refuses while a running Campfire has the session open.
    /// - Parameter takeOver: as for `eraseSession`.
    @discardableResult
    public static func eraseParticipant(named name: String, in folder: URL, takeOver: LockInfo? = nil, at date: Date) throws -> ParticipantErasure {
        let store: SessionStore
        do {
            store = try SessionStore.open(folder, readOnly: false, takeOver: takeOver, at: date)
        } catch PersistenceError.lockedBy(let info) {
            throw EraseError.locked(info)
        }
        if store.isReadOnly {
            throw EraseError.damaged(folder: folder.path, reasons: store.replayProblems + store.report.corruptLines.map(\.description))
        }
        let session = store.session
        let history = NameHistory.names(in: folder)
        let wanted = NameReplacer.foldedName(name)
        var ids = Set(session.record.participants.filter { NameReplacer.foldedName($0.name) == wanted }.map(\.id))
        for (id, names) in history where names.contains(where: { NameReplacer.foldedName($0) == wanted }) { ids.insert(id) }
        guard !ids.isEmpty, !wanted.isEmpty else {
            try? store.files.close()
            throw EraseError.noSuchPerson(name: name, known: session.record.participants.map(\.name))
        }
        var names = [name]
        for id in ids.sorted() {
            names += history[id] ?? []
            if let person = session.record.participant(id) { names.append(person.name) }
        }

        let scrubbed = scrub(session, removing: ids, names: names)
        var outcome = ParticipantErasure(
            people: ids.count,
            stories: session.record.stories.count - scrubbed.record.stories.count,
            actionsDropped: session.record.actions.count - scrubbed.record.actions.count,
            actionsKept: session.record.actions.filter { !Set($0.who).isDisjoint(with: ids) }.count
                - (session.record.actions.count - scrubbed.record.actions.count),
            stageSnapshots: 0,
            names: ids.sorted().compactMap { session.record.participant($0)?.name ?? history[$0]?.last })

        // A fresh folder beside the old one, on the same disk, then swapped in.
        let parent = folder.deletingLastPathComponent()
        let fresh = parent.appendingPathComponent(".erase-new-\(randomSuffix())", isDirectory: true)
        do {
            let files = try SessionStore.Files.create(folder: fresh, document: scrubbed, schema: SessionStore.schema, at: date)
            try files.writeSummary(SessionSummary(scrubbed, updatedAt: date))
            try files.close()
            let oldStages = (try? store.files.stageSnapshots(at: date)) ?? []
            if !oldStages.isEmpty {
                let stages = fresh.appendingPathComponent(SessionStore.Files.stagesName, isDirectory: true)
                try SafeFile.createFolder(stages)
                for (file, snapshot) in oldStages {
                    let clean = scrub(snapshot.document, removing: ids, names: names)
                    // The old journal positions no longer exist: the new journal starts empty.
                    try SnapshotFile.write(Snapshot(schema: snapshot.schema, journalSequence: 0, savedAt: snapshot.savedAt, document: clean),
                                           to: stages.appendingPathComponent(file.lastPathComponent))
                }
                outcome.stageSnapshots = oldStages.count
            }
        } catch {
            try? FileManager.default.removeItem(at: fresh)
            try? store.files.close()
            throw error
        }

        let trash = parent.appendingPathComponent(".erasing-\(randomSuffix())", isDirectory: true)
        if rename(folder.path, trash.path) != 0 {
            let code = errno
            try? FileManager.default.removeItem(at: fresh)
            throw PersistenceError.cannotReplace(path: folder.path, code: code)
        }
        if rename(fresh.path, folder.path) != 0 {
            let code = errno
            _ = rename(trash.path, folder.path)
            throw PersistenceError.cannotReplace(path: folder.path, code: code)
        }
        try SafeFile.syncFolder(parent)
        try removeOldCopy(trash)
        try SafeFile.syncFolder(parent)
        withExtendedLifetime(store) {}
        return outcome
    }

    /// The session without the people in `ids`:
    /// - their stories, turns with the talking stick, goal responses, scores and dots are removed;
    /// - goal wordings and ideas they suggested stay, with nobody named as suggesting them;
    /// - actions stay with them taken off `who`; an action nobody else is on is removed;
    /// - they are taken off the list of people;
    /// - each of `names`, in anyone's words (whole words, ignoring case), becomes "someone";
    ///   a facilitator with that name is no longer named.
    public static func scrub(_ session: Session, removing ids: Set<ParticipantID>, names: [String]) -> Session {
        let replacer = NameReplacer(names.map { ($0, "someone") })
        var copy = session
        var record = copy.record
        record.participants.removeAll { ids.contains($0.id) }
        record.stories.removeAll { story in story.teller.map { ids.contains($0) } ?? false }
        record.round.turns.removeAll { ids.contains($0.participant) }
        if let teller = record.round.currentTeller, ids.contains(teller) { record.round.currentTeller = nil }
        for index in record.goalDrafts.indices {
            if let by = record.goalDrafts[index].proposedBy, ids.contains(by) { record.goalDrafts[index].proposedBy = nil }
            record.goalDrafts[index].responses = record.goalDrafts[index].responses.filter { !ids.contains($0.key) }
        }
        for index in record.principles.indices {
            record.principles[index].scores = record.principles[index].scores.filter { !ids.contains($0.key) }
        }
        for index in record.ideas.indices {
            if let by = record.ideas[index].proposedBy, ids.contains(by) { record.ideas[index].proposedBy = nil }
            record.ideas[index].votes = record.ideas[index].votes.filter { !ids.contains($0.key) }
        }
        record.actions = record.actions.compactMap { action in
            var action = action
            action.who.removeAll { ids.contains($0) }
            return action.who.isEmpty ? nil : action
        }
        copy.record = record
        copy = SessionText.rewrite(copy, replacer.apply)
        if let facilitator = copy.facilitator {
            let cleaned = replacer.apply(facilitator)
            copy.facilitator = cleaned == facilitator ? facilitator : nil
        }
        return copy
    }

    private static func randomSuffix() -> String {
        String(UInt64.random(in: 0...UInt64.max), radix: 36)
    }
}
