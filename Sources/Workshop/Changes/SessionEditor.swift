import Foundation

/// A session being worked on: applies changes and keeps the undo and redo history.
///
/// Undo keeps whole earlier records rather than inverse events: a record is a value,
/// so this is simple and exact, and the depth is capped to bound memory.
///
/// Each kept record is held in a box of its own (`Kept`), so that copying the history (a
/// change is applied to a copy of the editor, kept only once it is saved) retains 200 boxes
/// rather than every list of 200 records: that copy cost a 10,000-event workshop more on
/// every saved change than the rest of the change (docs/performance.md, figure 3).
public struct SessionEditor: Sendable {
    /// How many changes can be undone in a row.
    public static let undoLimit = 200

    public private(set) var session: Session
    private var undoStack: [Kept] = []
    private var redoStack: [Kept] = []

    /// One record kept for undo or redo.
    private final class Kept: Sendable {
        let record: WorkshopRecord
        init(_ record: WorkshopRecord) { self.record = record }
    }

    public init(session: Session) {
        self.session = session
    }

    /// How many undoable changes have been made since this editor was made (undo and redo
    /// not counted): a mark for ``joinChanges(since:)``.
    public private(set) var changeCount = 0

    /// How many events have been applied by this editor, of any kind (undo and redo too): a
    /// session that has not changed keeps its version, so what is worked out from it (a list's
    /// order, the jargon on screen) can be kept until it does, whoever changed it.
    public private(set) var version = 0

    /// Makes the changes since `mark` one step of undo, so that a box saved as several events
    /// (a person's perspective and access needs) is taken back whole by one undo. Undo restores
    /// a whole record, so the journal replays the same whatever the grouping.
    public mutating func joinChanges(since mark: Int) {
        let count = changeCount - mark
        guard count > 1, undoStack.count >= count else { return }
        let before = undoStack[undoStack.count - count]
        undoStack.removeLast(count)
        undoStack.append(before)
    }

    public var canUndo: Bool { !undoStack.isEmpty }
    public var canRedo: Bool { !redoStack.isEmpty }

    /// A fresh id such as `p7`, never used before in this session.
    public func makeID(_ prefix: String) -> String {
        "\(prefix)\(session.record.nextNumber)"
    }

    /// The event that would undo the last change, if there is one.
    public var undoEvent: SessionEvent? { undoStack.last.map { .undo(restoring: $0.record) } }

    /// The event that would redo the last undone change, if there is one.
    public var redoEvent: SessionEvent? { redoStack.last.map { .redo(restoring: $0.record) } }

    /// Applies an event and keeps the history.
    /// - Throws: `ChangeRefusal` with a plain reason; nothing changes then.
    public mutating func apply(_ event: SessionEvent, at: Date) throws(ChangeRefusal) {
        let before = session.record
        try SessionReducer.apply(event, at: at, to: &session)
        version += 1
        switch event {
        case .undo:
            if !undoStack.isEmpty { undoStack.removeLast() }
            redoStack.append(Kept(before))
        case .redo:
            if !redoStack.isEmpty { redoStack.removeLast() }
            undoStack.append(Kept(before))
        default:
            guard event.changesRecord, session.record != before else { return }
            undoStack.append(Kept(before))
            changeCount += 1
            if undoStack.count > Self.undoLimit { undoStack.removeFirst(undoStack.count - Self.undoLimit) }
            redoStack.removeAll()
        }
    }
}
