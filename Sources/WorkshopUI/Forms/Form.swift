import Foundation
import Workshop

/// What a form does when it is saved.
public enum FormPurpose: Equatable, Sendable {
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
}

/// A form being filled in on the console. Nothing in it is saved until it is submitted.
public struct Form: Equatable, Sendable {
    public var title: String
    public var purpose: FormPurpose
    public var fields: [FormField]
    public var focused: Int
    /// A line of guidance shown under the title.
    public var note: String

    public init(title: String, purpose: FormPurpose, fields: [FormField], note: String = "") {
        self.title = title
        self.purpose = purpose
        self.fields = fields
        self.focused = 0
        self.note = note
    }

    public var current: FormField {
        get { fields[focused] }
        set { fields[focused] = newValue }
    }

    public var isLastField: Bool { focused == fields.count - 1 }

    /// Whether cancelling would throw away typed words.
    public var hasInput: Bool { fields.contains { $0.takesText && $0.hasInput } }

    public mutating func focusNext() { focused = min(focused + 1, fields.count - 1) }
    public mutating func focusPrevious() { focused = max(focused - 1, 0) }

    /// The text of a field by label.
    public func text(_ label: String) -> String {
        fields.first { $0.label == label }?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }

    /// A field by label.
    public func field(_ label: String) -> FormField? { fields.first { $0.label == label } }
}
