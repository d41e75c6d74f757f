import Foundation
import Workshop

/// What the "Propose a goal" and "Change the wording" boxes hold.
public struct GoalWordingDraft: Equatable, Sendable {
    public var text: String
    public var proposedBy: ParticipantID?

    public init(text: String = "", proposedBy: ParticipantID? = nil) {
        self.text = text
        self.proposedBy = proposedBy
    }

    /// The values of a wording as it is now (what the box opens with).
    public init(_ draft: GoalDraft) {
        self.init(text: draft.text, proposedBy: draft.proposedBy)
    }

    /// What a box holds now. Those who can suggest are the people present, as the box lists them.
    public init(reading form: Form, record: WorkshopRecord) {
        let people = record.present
        let by = form.choice(.suggestedBy)
        self.init(text: form.text(.goal), proposedBy: people.indices.contains(by - 1) ? people[by - 1].id : nil)
    }

    /// The fields that show these values.
    public func fields(record: WorkshopRecord) -> [FormField] {
        let people = record.present
        return [
            FormField(.goal, "Goal", text: text, isOptional: false),
            FormField(.suggestedBy, "Suggested by", kind: .choice(["(not said)"] + people.map(\.name)),
                      index: proposedBy.flatMap { id in people.firstIndex { $0.id == id } }.map { $0 + 1 } ?? 0),
        ]
    }

    /// The events that make `old` hold these values: only the words can be changed (who
    /// suggested a wording stays as it was), and none when they are the same.
    public func changes(to old: GoalDraft) -> [SessionEvent] {
        old.text == text ? [] : [.editGoal(id: old.id, text: text)]
    }
}

/// What the "Merge N wordings" box holds: the words of the one goal they become.
public struct MergedGoalDraft: Equatable, Sendable {
    public var text: String

    public init(text: String) {
        self.text = text
    }

    /// The wordings' words one after another (what the box opens with, to be edited into one).
    public init(merging drafts: [GoalDraft]) {
        self.init(text: drafts.map(\.text).joined(separator: " "))
    }

    /// What a box holds now.
    public init(reading form: Form) {
        self.init(text: form.text(.goal))
    }

    /// The fields that show these values.
    public func fields() -> [FormField] {
        [FormField(.goal, "Goal", text: text, isOptional: false)]
    }
}

/// What a "say why" box holds: the reason for going on although something said no.
public struct ReasonDraft: Equatable, Sendable {
    public var why: String

    public init(why: String = "") {
        self.why = why
    }

    /// What a box holds now.
    public init(reading form: Form) {
        self.init(why: form.text(.why))
    }

    /// The fields that show these values.
    public func fields() -> [FormField] {
        [FormField(.why, "Why", kind: .text(checksJargon: false), text: why, isOptional: false)]
    }
}
