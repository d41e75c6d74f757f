import Foundation

/// The one owner of an open session: the session with its undo and redo history since it was
/// opened (its ``SessionEditor``), and the one way a change is saved and applied.
///
/// The console asks it for the session and hands it each change; it never keeps an editor of its
/// own. `SessionStore` is the owner for a session in a folder (the journal, its snapshot count and
/// snapshots); ``SessionInMemory`` for one that lives only in memory (the guided tour, review's
/// copy of a session, tests).
public protocol OpenSession: AnyObject {
    /// The session and its undo and redo history since it was opened.
    var editor: SessionEditor { get }

    /// Checks an event against the session, saves it (returning only once it is kept), then applies it.
    /// - Throws: `ChangeRefusal` when the session says no; any other error when it could not be
    ///   saved. Either way nothing is applied.
    func record(_ event: SessionEvent, at date: Date) throws

    /// Keeps a copy of the session as it was when a step was left (best effort: never throws).
    func keepStageSnapshot(_ session: Session, leaving step: FlowStep, at date: Date)

    /// Makes the changes since `mark` (an earlier `editor.changeCount`) one step of undo.
    func joinChanges(since mark: Int)
}

extension OpenSession {
    /// The session as it is now.
    public var session: Session { editor.session }
}

/// An open session that lives in memory, each change handed to a `save` function before it is applied.
public final class SessionInMemory: OpenSession {
    public private(set) var editor: SessionEditor
    private let save: (SessionEvent, Date) throws -> Void
    private let keep: (Session, FlowStep, Date) -> Void

    /// - Parameters:
    ///   - save: told each change before it is applied; throwing keeps the change out.
    ///   - keepStageSnapshot: told the session as it was when a step was left.
    public init(editor: SessionEditor, save: @escaping (SessionEvent, Date) throws -> Void = { _, _ in },
                keepStageSnapshot: @escaping (Session, FlowStep, Date) -> Void = { _, _, _ in }) {
        self.editor = editor
        self.save = save
        self.keep = keepStageSnapshot
    }

    public func record(_ event: SessionEvent, at date: Date) throws {
        var changed = editor
        try changed.apply(event, at: date)
        try save(event, date)
        editor = changed
    }

    public func keepStageSnapshot(_ session: Session, leaving step: FlowStep, at date: Date) {
        keep(session, step, date)
    }

    public func joinChanges(since mark: Int) { editor.joinChanges(since: mark) }
}
