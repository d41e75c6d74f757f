import Foundation
import Workshop

/// One open session: its files and the session rebuilt from them.
///
/// It is the one owner of the open session (``OpenSession``): it keeps the editor (the session,
/// with undo and redo since opening), and every change goes through ``record(_:at:)``, which
/// appends it to the journal (on disk before it counts), applies it, and counts it towards the
/// next snapshot. The console asks the store for the session and never keeps an editor of its own.
/// A snapshot is written every `snapshotEvery` events, at each stage change and on close,
/// so reopening replays at most a few events.
public final class SessionStore: OpenSession {
    /// The snapshot schema this program writes.
    public static let schema = 1
    /// Events between regular snapshots.
    public static let snapshotEvery = 50

    public typealias Files = SessionFiles<Session, SessionEvent>

    public let files: Files
    public private(set) var editor: SessionEditor
    /// What happened while opening: anything set aside, read-only reasons, a recovered lock.
    public private(set) var report: RecoveryReport
    /// Plain problems found while replaying the journal (normally none).
    public private(set) var replayProblems: [String] = []
    private var eventsSinceSnapshot = 0
    /// The journal number of the last move to another step, so the stage snapshot of the state
    /// before it says so.
    private var lastMoveSequence: Int?
    /// The session as last noted applied, with the journal change it stands at; and the one noted
    /// just before the last move. A stage snapshot names the change of the state it is handed
    /// only when it is one of these (see ``keepStageSnapshot(_:leaving:at:)``).
    private var lastNoted: (sequence: Int, session: Session)?
    private var beforeLastMove: Session?
    /// Set, snapshots are written on a thread of their own (see ``SnapshotWriter``): the console
    /// sets it, so that no key waits for one. Unset (the default, for the command line and
    /// tests), each snapshot is on disk when the call that made it due returns.
    public var writesSnapshotsInBackground = false {
        didSet { if !writesSnapshotsInBackground { writer.finish() } }
    }
    private let writer = SnapshotWriter()
    /// Set (by the console), a regular snapshot that falls due is left for ``snapshotIfDue(at:)``,
    /// which the loop calls once the change is on screen. Unset, it is written (or handed to the
    /// background writer) by the change that made it due.
    public var defersRegularSnapshots = false

    public var folder: URL { files.folder }
    public var session: Session { editor.session }
    public var isReadOnly: Bool { files.isReadOnly || !replayProblems.isEmpty }

    private init(files: Files, editor: SessionEditor, report: RecoveryReport) {
        self.files = files
        self.editor = editor
        self.report = report
        lastNoted = (files.lastSequence, editor.session)
    }

    deinit {
        writer.stop()
    }

    /// Makes a new session folder holding `session`.
    public static func create(_ session: Session, in folder: URL, at date: Date) throws -> SessionStore {
        let files = try Files.create(folder: folder, document: session, schema: schema, at: date)
        let store = SessionStore(files: files, editor: SessionEditor(session: session), report: RecoveryReport())
        try files.writeSummary(SessionSummary(session, updatedAt: date))
        return store
    }

    /// Opens a session folder and rebuilds the session from its snapshot and journal.
    ///
    /// Opened for writing, a finished session that still holds room-only words has them
    /// forgotten first (see `RoomOnlyForgetting`): closing normally does it, this catches a close
    /// that was cut short.
    /// - Throws: `PersistenceError` (for example `.lockedBy` when another Campfire has it open).
    /// - Parameter takeOver: a lock from another computer the facilitator chose to take over
    ///   (after being told what that means); taken only if it is still exactly that one.
    public static func open(_ folder: URL, readOnly: Bool, takeOver: LockInfo? = nil, at date: Date) throws -> SessionStore {
        // When it was last open, read before opening writes anything.
        let lastOpen = (try? Files.readSummary(SessionSummary.self, in: folder))??.updatedAt
        let store = try openWithoutForgetting(folder, readOnly: readOnly, takeOver: takeOver, at: date)
        // A workshop left unfinished forgets its room-only words once its period has passed.
        let periodDue = !store.isReadOnly && RoomOnlyForgetting.periodHasPassed(store.session, lastOpen: lastOpen, at: date)
            && store.session.record.stories.contains { $0.holdsRoomOnlyWords }
        guard !store.isReadOnly, periodDue || RoomOnlyForgetting.isDue(store) else { return store }
        try? store.files.close()
        let outcome = try? RoomOnlyForgetting.forget(in: folder, at: date, unfinishedToo: periodDue)
        let reopened = try openWithoutForgetting(folder, readOnly: readOnly, at: date)
        // What the first opening found (a snapshot set aside, damage, a lock taken over) is still
        // what the facilitator must be told; the second found nothing new unless it says so.
        if reopened.report.isClean { reopened.report = store.report }
        if periodDue, let outcome, outcome.stories > 0, let lastOpen {
            let days = Int(date.timeIntervalSince(lastOpen) / 86_400)
            let period = store.session.roomOnlyPeriodDays
            reopened.forgottenNote = "The words of \(outcome.stories == 1 ? "1 room-only story were" : "\(outcome.stories) room-only stories were") forgotten: this workshop was last open \(days) days ago and is not finished, and room-only stories are kept \(period == 1 ? "1 day" : "\(period) days"). Who told a story is still counted."
        }
        return reopened
    }

    /// Said on opening when room-only words were forgotten because the workshop's period had passed.
    public internal(set) var forgottenNote: String?

    /// Opens a session folder as it is, room-only words and all (for `RoomOnlyForgetting` itself).
    static func openWithoutForgetting(_ folder: URL, readOnly: Bool, takeOver: LockInfo? = nil, at date: Date) throws -> SessionStore {
        let (files, recovered) = try Files.open(
            folder: folder, schema: schema, readOnly: readOnly, migrate: nil, startOf: start(of:), takeOver: takeOver, at: date)
        var editor = SessionEditor(session: recovered.document)
        var problems: [String] = []
        for record in recovered.records {
            do {
                try editor.apply(record.event, at: record.at)
            } catch {
                problems.append("Journal entry \(record.sequence) could not be replayed: \(error.reason)")
                break
            }
        }
        let store = SessionStore(files: files, editor: editor, report: recovered.report)
        store.replayProblems = problems
        store.eventsSinceSnapshot = recovered.records.count
        if !store.isReadOnly && (!recovered.records.isEmpty || recovered.report.snapshotNeedsWriting) {
            // Fold the replayed tail into a fresh snapshot so the next open is quick (and, after a
            // rebuild or from an older format, so there is a snapshot with checksums again).
            try? store.snapshot(at: date)
        }
        if !store.isReadOnly && !files.hasStart { store.keepStart(recovered, at: date) }
        return store
    }

    /// For a session made before `start.json`: works out its start and keeps it, but only once
    /// replaying the whole journal onto it gives exactly the session as opened (a session whose
    /// names were erased by an older Campfire starts from its erased copy, not from nothing).
    private func keepStart(_ recovered: Recovered<Session, SessionEvent>, at date: Date) {
        if recovered.snapshotSequence == 0 && recovered.report.snapshotSetAside == nil {
            try? files.writeStart(recovered.document, at: date)
            return
        }
        let journal = folder.appendingPathComponent(Files.journalName)
        guard let read = try? JournalReader.read(journal, as: SessionEvent.self), read.corruptLines.isEmpty else { return }
        var replay = SessionEditor(session: Self.start(of: recovered.document))
        for record in read.records {
            guard (try? replay.apply(record.event, at: record.at)) != nil else { return }
        }
        if replay.session == session { try? files.writeStart(Self.start(of: recovered.document), at: date) }
    }

    /// The session as it was made: its identity and plan, nothing said or decided yet, on the
    /// first step. Every session starts so (`new`, the home screen, practice, the sample), and
    /// none of these ever changes, so any copy of a session gives its start.
    public static func start(of session: Session) -> Session {
        Session(
            id: session.id, title: session.title, group: session.group, facilitator: session.facilitator,
            createdAt: session.createdAt, isPractice: session.isPractice, template: session.template)
    }

    /// Appends an event to the journal without applying it. Returns when it is on disk.
    /// Every change of the open session goes through ``record(_:at:)``, which calls this; it is
    /// public only so that `Scripts/bench` can time the journal on its own.
    public func append(_ event: SessionEvent, at date: Date) throws {
        let sequence = try files.append(event, at: date)
        if case .moveTo = event {
            lastMoveSequence = sequence
            beforeLastMove = lastNoted?.sequence == sequence - 1 ? lastNoted?.session : nil
        }
    }

    /// Counts an appended and applied event towards the next snapshot, and writes one when it
    /// is due, unless ``defersRegularSnapshots`` (the console: after showing the change, since on a
    /// big session a snapshot takes tens of milliseconds).
    private func noteApplied(at date: Date) {
        eventsSinceSnapshot += 1
        lastNoted = (files.lastSequence, session)
        if !defersRegularSnapshots { snapshotIfDue(at: date) }
    }

    /// Writes a snapshot of the session if `snapshotEvery` changes have been saved since the last one.
    /// A failure is kept for `takeSnapshotProblem` (every change is still in the journal).
    public func snapshotIfDue(at date: Date) {
        if eventsSinceSnapshot >= Self.snapshotEvery {
            do { try snapshot(session, at: date) } catch { noteSnapshotProblem("The regular snapshot", error) }
        }
    }

    /// Why the last snapshot could not be written, once (then cleared), for the status line.
    public func takeSnapshotProblem() -> String? {
        if snapshotProblem == nil, let problem = writer.takeProblem() { noteSnapshotProblem(problem.what, problem.error) }
        defer { snapshotProblem = nil }
        return snapshotProblem
    }

    private var snapshotProblem: String?

    private func noteSnapshotProblem(_ what: String, _ error: Error) {
        let reason = (error as? PersistenceError).map(\.description) ?? "\(error)"
        snapshotProblem = "\(what) was not written, so reopening will take longer; every change is still saved in the journal. \(reason)"
    }

    /// Checks an event against the session, appends it to the journal (on disk before this
    /// returns), applies it to the one editor, and counts it towards the next snapshot.
    /// - Throws: `ChangeRefusal` when the session says no; a `PersistenceError` (or the system's)
    ///   when the journal could not take it. Either way nothing is applied.
    public func record(_ event: SessionEvent, at date: Date) throws {
        var changed = editor
        try changed.apply(event, at: date)
        try append(event, at: date)
        editor = changed
        noteApplied(at: date)
    }

    /// Makes the changes since `mark` one step of undo (a box saved as several events).
    public func joinChanges(since mark: Int) { editor.joinChanges(since: mark) }

    /// Writes the latest snapshot and the summary.
    public func snapshot(at date: Date) throws {
        try snapshot(session, at: date)
    }

    /// Writes `session` as the latest snapshot, with its summary; handed to the background
    /// writer when ``writesSnapshotsInBackground`` is set (then errors are not reported).
    public func snapshot(_ session: Session, at date: Date) throws {
        if writesSnapshotsInBackground && !files.isReadOnly {
            // The journal position and the session are taken together, here, on the saving thread.
            writer.submit(SnapshotWriter.Job(files: files, session: session, position: files.position, date: date))
        } else {
            writer.finish()  // an older one still being written must not land after this one
            try files.writeSnapshot(session, summary: SessionSummary(session, updatedAt: date), at: date)
        }
        eventsSinceSnapshot = 0
    }

    /// Waits until every snapshot handed to the background writer is on disk.
    public func waitForSnapshots() {
        writer.finish()
    }

    /// Keeps a copy of the session as it was when a step was left, and refreshes the snapshot.
    ///
    /// `session` is the state just before the move (the console passes it after saving the move), so
    /// the stage snapshot records the change before the move as the last one it holds.
    /// A stage snapshot must name exactly the change of the state it holds, or a rebuild from it
    /// would replay changes twice or miss some: so `session` is matched against the session just
    /// before the last move (what the console passes, even when a practice group's replies were
    /// saved after the move) and the session as last applied. Anything else is kept with its
    /// number only, no journal checksum, so opening never rebuilds from it.
    public func keepStageSnapshot(_ session: Session, leaving step: FlowStep, at date: Date) {
        let holding: Int?
        if let move = lastMoveSequence, let before = beforeLastMove, before == session {
            holding = move - 1
        } else if let noted = lastNoted, noted.session == session {
            holding = noted.sequence
        } else {
            holding = nil
        }
        let what = "The copy of the session as it was on leaving \(WorkshopFlow.describe(step))"
        if writesSnapshotsInBackground && !files.isReadOnly {
            // The journal position is taken here, on the saving thread; the writing is done on
            // the snapshot thread, in order, never dropped (docs/decisions.md).
            writer.submit(stage: SnapshotWriter.StageJob(
                files: files, session: session, label: step.label,
                journal: files.stagePosition(holding: holding, unchecked: holding == nil), date: date, what: what))
            return
        }
        do {
            _ = try files.writeStageSnapshot(session, label: step.label, holding: holding, unchecked: holding == nil, at: date)
        } catch {
            noteSnapshotProblem(what, error)
        }
    }

    /// Writes a last snapshot and releases the lock. A finished session (at its Close step)
    /// then has its room-only words forgotten from every file (see `RoomOnlyForgetting`).
    /// Whether a screen given to ``close(at:lastScreen:)`` is kept: only for a session open for
    /// changes, and not at the Close step (closing forgets room-only words the screen may show).
    public var keepsLastScreen: Bool { !isReadOnly && !files.isReadOnly && session.step.stage != .close }

    public func close(at date: Date, lastScreen: LastScreen.Picture? = nil) {
        // Whatever the background writer holds goes first; the last snapshot is written here,
        // on disk before the lock is given back.
        writer.stop()
        let writable = !isReadOnly && !files.isReadOnly
        if writable { try? files.writeSnapshot(session, summary: SessionSummary(session, updatedAt: date), at: date) }
        // The screen to show at once when it is resumed, stamped with the files as they are now.
        if keepsLastScreen, let lastScreen {
            LastScreen.write(lastScreen, in: folder, shownUntil: LastScreen.shownUntil(session, closedAt: date))
        }
        try? files.close()
        if writable && session.step.stage == .close {
            _ = try? RoomOnlyForgetting.forget(in: folder, at: date)
        }
    }
}
