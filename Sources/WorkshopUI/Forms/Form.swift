import Foundation
import TerminalUI
import Workshop

/// What a form does when it is saved.
public enum FormPurpose: Equatable, Sendable, Codable {
    case addPerson
    case editPerson(ParticipantID)
    case addStory
    case editStory(StoryID)
    case proposeGoal
    case editGoal(GoalDraftID)
    case mergeGoals([GoalDraftID])
    case agreePrinciple(PrincipleID)
    case addIdea
    case editIdea(IdeaID)
    case addAction(IdeaID?)
    case editAction(ActionID)
    /// The reason for moving on although a guard said no.
    case overrideReason(FlowEvent)
    /// The reason for agreeing a goal that someone disagrees with.
    case goalOverrideReason(GoalDraftID)
    /// A new workshop, on the home screen.
    case newWorkshop
}

extension FormPurpose {
    /// Whether this is the merge box, the one box that opens holding what it saves.
    public var isMerge: Bool {
        if case .mergeGoals = self { return true }
        return false
    }
}

/// A form being filled in on the console. Nothing in it is saved until it is submitted.
public struct Form: Equatable, Sendable, Codable {
    public var title: String
    public var purpose: FormPurpose
    public var fields: [FormField]
    public var focused: Int
    /// A line of guidance shown under the title.
    public var note: String
    /// The fields as the box opened, to tell whether anything was typed or chosen since.
    /// (Optional so that a draft kept by an older Campfire still reads.)
    public var initial: [FormField]?

    public init(title: String, purpose: FormPurpose, fields: [FormField], note: String = "") {
        self.title = title
        self.purpose = purpose
        self.fields = fields
        self.focused = 0
        self.note = note
        self.initial = fields
    }

    public var current: FormField {
        get { fields[focused] }
        set { fields[focused] = newValue }
    }

    public var isLastField: Bool { focused == fields.count - 1 }

    /// Whether cancelling would throw away typed words.
    public var hasInput: Bool { fields.contains { $0.takesText && $0.hasInput } }

    /// Whether anything was typed or chosen since the box opened (moving the cursor is not a change).
    public var isChanged: Bool {
        guard let initial, initial.count == fields.count else { return hasInput }
        return zip(initial, fields).contains { !$0.sameValue(as: $1) }
    }

    /// The index of a field by its identity.
    public func index(of id: FieldID) -> Int? { fields.firstIndex { $0.id == id } }

    public mutating func focusNext() { focused = min(focused + 1, fields.count - 1) }
    public mutating func focusPrevious() { focused = max(focused - 1, 0) }

    /// A field by its identity (there is deliberately no way to find one by its label).
    public subscript(_ id: FieldID) -> FormField? { fields.first { $0.id == id } }

    /// The text of a field, trimmed as it is saved ("" when the box has no such field).
    public func text(_ id: FieldID) -> String { self[id]?.trimmedText ?? "" }

    /// The option shown in a choice field (0 when the box has no such field).
    public func choice(_ id: FieldID) -> Int { self[id]?.index ?? 0 }

    /// The items ticked in a people or principles field, in the order listed.
    public func ticked(_ id: FieldID) -> [Int] { (self[id]?.ticked ?? []).sorted() }
}

// MARK: - Keys

/// What a key did to a form.
public enum FormOutcome: Equatable, Sendable {
    /// The form changed (or not); keep it open.
    case editing
    /// Esc: the person wants to leave the form.
    case cancel
    /// Enter on the last field: save it.
    case submit
}

extension Form {
    /// Handles one key. Typed text is always text: no key inside a text field runs a command.
    public mutating func handle(_ key: Key) -> FormOutcome {
        switch key {
        case .escape, .control("c"): return .cancel
        case .enter:
            if isLastField { return .submit }
            focusNext()
        case .tab: focusNext()
        case .backTab: focusPrevious()
        case .up: focusPrevious()
        case .down: focusNext()
        case .paste(let text) where current.takesText: current.insert(text)
        case .character(let character) where current.takesText: current.insert(String(character))
        case .backspace where current.takesText: current.deleteBackward()
        case .delete where current.takesText: current.deleteForward()
        case .left where current.takesText: current.moveCursor(by: -1)
        case .right where current.takesText: current.moveCursor(by: 1)
        case .home, .control("a"): current.moveCursorToStart()
        case .end, .control("e"): current.moveCursorToEnd()
        case .control("u") where current.takesText:
            current.text = ""
            current.cursor = 0
        case .left: current.step(by: -1)
        case .right: current.step(by: 1)
        case .character(" "):
            switch current.kind {
            case .people, .principles: current.toggle(current.index)
            default: current.step(by: 1)
            }
        case .character(let character):
            switch current.kind {
            case .principles:
                if let number = character.wholeNumberValue, (1...4).contains(number) {
                    current.toggle(number - 1)
                    current.index = number - 1
                }
            case .people(let people):
                // With nobody to list, a digit does nothing (it used to stop Campfire: 1...0).
                if let number = character.wholeNumberValue, people.indices.contains(number - 1) {
                    current.toggle(number - 1)
                    current.index = number - 1
                }
            case .choice(let options):
                // Type-ahead: a key picks the next option whose first letter or digit it is
                // ("2" for stage 2, "a" for AMBER), so no one has to count options.
                let wanted = Character(character.lowercased())
                let count = options.count
                for step in 1...max(count, 1) {
                    let candidate = (current.index + step) % max(count, 1)
                    if options[candidate].first(where: { $0.isLetter || $0.isNumber }).map({ Character($0.lowercased()) }) == wanted {
                        current.index = candidate
                        break
                    }
                }
            default: break
            }
        default:
            break
        }
        return .editing
    }
}
