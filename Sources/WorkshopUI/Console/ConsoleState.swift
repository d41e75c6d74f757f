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
    /// Choosing a person by name from a short list (type to filter).
    case pickPerson(PersonPicker)

    /// Whether this is the consensus round.
    public var isConsensus: Bool {
        if case .consensus = self { return true }
        return false
    }

    /// Whether this mode waits for an answer in a box or question over the screen.
    public var isBox: Bool {
        switch self {
        case .confirm, .confirmDiscard, .pickPerson: return true
        case .browse, .help, .consensus: return false
        }
    }
}

/// What a chosen person is for.
public enum PickPurpose: Equatable, Sendable {
    /// Give them the talking stick (the campfire round).
    case giveStick
    /// Ask them by name for their view (a practice run).
    case ask
}

/// A short list of the people present, narrowed by typing part of a name.
public struct PersonPicker: Equatable, Sendable {
    public var purpose: PickPurpose
    /// What has been typed so far.
    public var filter: String = ""
    /// The person the highlight is on (by identity, so narrowing the list never moves it to someone else).
    public var selected: ParticipantID?

    public init(purpose: PickPurpose, selected: ParticipantID? = nil) {
        self.purpose = purpose
        self.selected = selected
    }

    /// The people whose name contains what was typed (ignoring case and accents), in room order.
    public func matches(_ people: [Participant]) -> [Participant] {
        let wanted = filter.trimmingCharacters(in: .whitespaces)
        guard !wanted.isEmpty else { return people }
        return people.filter { $0.name.range(of: wanted, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
    }

    /// The highlighted person among the matches: the remembered one if still listed, else the first.
    public func highlighted(_ people: [Participant]) -> Participant? {
        let shown = matches(people)
        return shown.first { $0.id == selected } ?? shown.first
    }
}

/// What the console shows, and so which keys it takes: worked out from one value, so a box or
/// question the facilitator cannot see can never take a key.
public enum ConsoleScreenMode: String, Equatable, Sendable, CaseIterable {
    /// The window is too small: only quit and resize do anything.
    case tooSmall
    /// The room's view; a box or question always brings the console back first.
    case projector
    /// The step's own screen and keys.
    case stage
    /// A box being filled in.
    case form
    /// "Throw away what you typed?"
    case confirmDiscard
    /// "Are you sure?" before removing something (or finishing the workshop).
    case confirm
    /// Every key of this screen.
    case help
    /// Asking each person about a goal wording.
    case consensus
    /// Choosing a person by name.
    case picker
}

/// The lists on the console whose highlight follows the item, not the row.
public enum ListName: String, Sendable, Hashable, CaseIterable {
    case people, stick, stories, drafts, consensus, score, ideas, choose, voters, actions, close
}

/// Everything about the console that is not part of the session: layout, selection, forms.
public struct ConsoleState: Equatable, Sendable {
    public var layout: Layout = .console
    public var mode: Mode = .browse
    public var form: Form?
    public var message: StatusMessage?
    /// 0 for the main panel, 1 for the second list where a stage has one.
    public var focus: Int = 0
    /// The selected row of each list, used when the selected item has gone.
    public var selection: [ListName: Int] = [:]
    /// The selected item of each list, by identity: a list that re-sorts or changes keeps the highlight on it.
    public var selectedItem: [ListName: String] = [:]
    /// Goal wordings marked to be merged.
    public var mergeMarks: Set<GoalDraftID> = []
    /// How far the help box (`?`) is scrolled down.
    public var helpOffset: Int = 0
    /// What the help box goes back to when it closes: the round of answers, the name picker or
    /// (with a box open) the box, each with its own keys listed.
    public var helpReturn: Mode = .browse
    /// On the close stage: 0 the summary, 1 each person's actions.
    public var closeView: Int = 0
    /// On the practice debrief: how many indicator rows ↓ has scrolled past.
    public var debriefScroll: Int = 0
    /// Whether the last change has reached the disk (shown as "Saved").
    public var lastSavedAt: Date?
    /// The size of the window, as last drawn (nil until known: then it is taken as big enough).
    public var size: (width: Int, height: Int)? {
        get { sizeValue.map { ($0[0], $0[1]) } }
        set { sizeValue = newValue.map { [$0.width, $0.height] } }
    }
    private var sizeValue: [Int]?

    public init() {}

    /// The selected row of a list of items with these ids: the row of the selected item while it
    /// is in the list, else the remembered row kept inside the list's length.
    public func selected(_ list: ListName, ids: [String]) -> Int {
        guard !ids.isEmpty else { return 0 }
        if let id = selectedItem[list], let row = ids.firstIndex(of: id) { return row }
        return min(max(selection[list] ?? 0, 0), ids.count - 1)
    }

    /// Selects a row (kept inside the list) and remembers the item on it.
    public mutating func select(_ list: ListName, _ row: Int, ids: [String]) {
        let row = ids.isEmpty ? 0 : min(max(row, 0), ids.count - 1)
        selection[list] = row
        selectedItem[list] = ids.isEmpty ? nil : ids[row]
    }

    /// Selects an item by identity.
    public mutating func select(_ list: ListName, id: String, ids: [String]) {
        guard let row = ids.firstIndex(of: id) else { return }
        select(list, row, ids: ids)
    }
}
