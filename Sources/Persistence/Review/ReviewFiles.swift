import Foundation
import Workshop

/// What review reads and the one thing it writes, on the files of a data folder.
///
/// Reading never takes a lock and never writes (sessions are opened read-only, journals read as
/// they are). Marking an action is the one change: it opens the session for writing (taking the
/// lock, so it is refused while a console has it open), appends one `setActionStatus` event to
/// the journal, and releases the lock **without** writing a snapshot or summary, so every other
/// file stays byte for byte as it was. The snapshot simply covers one event fewer than the
/// journal, which is how snapshots always work: the next open replays that event.
public struct ReviewFiles {
    public let library: SessionLibrary

    public init(library: SessionLibrary) {
        self.library = library
    }

    /// The latest saved session, opened read-only (no lock, nothing written). Review never shows
    /// a room-only story's words: each is "a story told in the room", even before they are
    /// forgotten from the files at the close.
    public func session(_ id: String) throws -> Session {
        let store = try SessionStore.open(try library.resolve(id), readOnly: true, at: Date())
        defer { store.close(at: Date()) }
        return RoomOnlyForgetting.scrubbingEveryRoomOnlyStory(store.session)
    }

    /// Every journal entry, in order, with room-only stories' words left out as in `session`.
    /// Damaged lines are left out (the read-only open reports them).
    public func journal(_ id: String) throws -> [(sequence: Int, at: Date, event: SessionEvent)] {
        let folder = try library.resolve(id)
        let file = folder.appendingPathComponent(SessionStore.Files.journalName)
        guard SafeFile.exists(file) else { return [] }
        let records = try JournalReader.read(file, as: SessionEvent.self).records
        let now = try SessionStore.open(folder, readOnly: true, at: Date())
        defer { now.close(at: Date()) }
        let ids = RoomOnlyForgetting.storiesToForget(stages: [], journal: records.map(\.event), now: now.session)
        return records.map { ($0.sequence, $0.at, RoomOnlyForgetting.scrub($0.event, forgetting: ids)) }
    }

    /// The damage in a session's journal, in one plain sentence naming the file and the lines,
    /// or nil. The timeline leaves damaged lines out, so it says this with them.
    public func damage(_ id: String) -> String? {
        guard let folder = try? library.resolve(id),
              let opened = try? SessionStore.Files.open(
                folder: folder, schema: SessionStore.schema, readOnly: true, startOf: SessionStore.start(of:), at: Date())
        else { return nil }
        let report = opened.1.report
        var found = (report.coveredDamage + report.corruptLines).sorted { $0.lineNumber < $1.lineNumber }
            .map { "line \($0.lineNumber): \($0.reason)" }
        if let tail = report.tornTail { found.append("line \(tail.lineNumber): cut off part way") }
        guard !found.isEmpty else { return nil }
        let journal = folder.appendingPathComponent(SessionStore.Files.journalName).path
        return "This timeline leaves out damaged lines of \(journal) (\(found.joined(separator: "; "))). "
            + "To mend them, run: campfire repair \(RecoveryReport.quoted(folder.path))"
    }

    /// Appends `.setActionStatus` to the session's journal, changing nothing else.
    /// - Throws: `ReviewRefusal` in plain words when the session is open elsewhere, read-only
    ///   or has no such action.
    public func markAction(_ id: String, action: ActionID, status: ActionStatus, at date: Date = Date()) throws {
        try record(.setActionStatus(id: action, status: status), about: action, in: id, at: date)
    }

    /// Appends `.noteActionOutcome` (what happened, and the day) to the session's journal, changing nothing else.
    public func noteAction(_ id: String, action: ActionID, note: String, on day: Day, at date: Date = Date()) throws {
        try record(.noteActionOutcome(id: action, note: note, on: day), about: action, in: id, at: date)
    }

    private func record(_ event: SessionEvent, about action: ActionID, in id: String, at date: Date) throws {
        let folder = try library.resolve(id)
        let store: SessionStore
        do {
            store = try SessionStore.open(folder, readOnly: false, at: date)
        } catch PersistenceError.lockedBy {
            throw ReviewRefusal("This session is open in another Campfire right now, so the action cannot be marked. Close it there and try again.")
        }
        // Release the lock only: no snapshot or summary is written, so nothing else changes.
        defer { try? store.files.close() }
        guard !store.isReadOnly else {
            throw ReviewRefusal("This session can only be read (\((store.report.messages + store.replayProblems).joined(separator: " "))), so the action cannot be marked.")
        }
        guard store.session.record.action(action) != nil else {
            throw ReviewRefusal("That action is no longer in the session.")
        }
        do {
            try store.record(event, at: date)
        } catch let refusal as ChangeRefusal {
            throw ReviewRefusal(refusal.reason)
        }
    }
}

/// Why review could not do something, in plain words.
public struct ReviewRefusal: Error, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
