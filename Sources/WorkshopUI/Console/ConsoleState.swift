import Foundation
import TerminalUI
import Workshop

/// Which screen the laptop shows: the facilitator's console or the room's projector view.
public enum Layout: String, Sendable, Equatable {
    case console, projector
}

/// A line at the bottom of the console telling the facilitator what just happened.
public struct StatusMessage: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// The change is on disk.
        case saved
        case info
        /// The session said no, with a reason.
        case refusal
        /// Something went wrong that the facilitator needs to know about.
        case problem
    }

    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

/// A question the console is waiting for an answer to.
public enum Mode: Equatable, Sendable {
    /// Moving around and using keys.
    case browse
    /// Every key is listed.
    case help
    /// Asking each person's response to one goal wording.
    case consensus(GoalDraftID)
    /// Asking "are you sure?" before a change that removes something.
    case confirm(question: String, event: SessionEvent)
    /// Asking before throwing away typed words.
    case confirmDiscard
}

/// Everything about the console that is not part of the session: layout, selection, forms.
public struct ConsoleState: Equatable, Sendable {
    public var layout: Layout = .console
    public var mode: Mode = .browse
    public var form: Form?
    public var message: StatusMessage?
    /// 0 for the main panel, 1 for the second list where a stage has one.
    public var focus: Int = 0
    /// The selected row of each list, by list name.
    public var selection: [String: Int] = [:]
    /// Goal wordings marked to be merged.
    public var mergeMarks: Set<GoalDraftID> = []
    /// On the close stage: 0 the summary, 1 each person's actions.
    public var closeView: Int = 0
    /// Whether the last change has reached the disk (shown as "Saved").
    public var lastSavedAt: Date?

    public init() {}

    /// The selected row of a list, kept inside its length.
    public func selected(_ list: String, count: Int) -> Int {
        guard count > 0 else { return 0 }
        return min(max(selection[list] ?? 0, 0), count - 1)
    }

    public mutating func select(_ list: String, _ row: Int, count: Int) {
        selection[list] = count == 0 ? 0 : min(max(row, 0), count - 1)
    }
}
