import Foundation
import Workshop

/// What the "Plan an action" and "Change the action" boxes hold.
public struct ActionDraft: Equatable, Sendable {
    /// The chosen idea the action is for, or nil for "(none)".
    public var idea: IdeaID?
    public var what: String
    /// Who will do it, in the order they were named.
    public var who: [ParticipantID]
    /// The day as typed ("2026-12-14", "+14", "14"); read with ``day(today:)`` on saving.
    public var when: String
    public var how: String

    public init(idea: IdeaID? = nil, what: String = "", who: [ParticipantID] = [], when: String = "", how: String = "") {
        self.idea = idea
        self.what = what
        self.who = who
        self.when = when
        self.how = how
    }

    /// The values of an action as it is now (what the box opens with): its own link, "(none)" included.
    public init(_ action: Action) {
        self.init(idea: action.idea, what: action.what, who: action.who, when: action.when?.description ?? "", how: action.how)
    }

    /// A new action starts on the first chosen idea.
    public static func new(record: WorkshopRecord) -> ActionDraft {
        ActionDraft(idea: linkableIdeas(for: nil, record: record).first?.id)
    }

    /// What a box holds now. `existing` is the action the box changes (nil for a new one): its
    /// idea and people are listed even if no longer chosen or present, as the box lists them.
    public init(reading form: Form, existing: Action?, record: WorkshopRecord) {
        let ideas = Self.linkableIdeas(for: existing, record: record)
        let people = Self.possibleOwners(for: existing, record: record)
        let idea = form.choice(.forIdea)
        var who = form.ticked(.who).filter { people.indices.contains($0) }.map { people[$0].id }
        // The order people were named in is kept when the same people are still named.
        if let existing, Set(existing.who) == Set(who) { who = existing.who }
        self.init(
            idea: ideas.indices.contains(idea - 1) ? ideas[idea - 1].id : nil,
            what: form.text(.what), who: who, when: form.text(.when), how: form.text(.how))
    }

    /// The ideas an action can be linked to: the chosen ones, and the one it is already linked to
    /// (even if no longer chosen), so saving an action unchanged never re-links it.
    public static func linkableIdeas(for action: Action?, record: WorkshopRecord) -> [Idea] {
        var ideas = record.chosenIdeas.compactMap { record.idea($0) }
        if let linked = action?.idea, !ideas.contains(where: { $0.id == linked }), let idea = record.idea(linked) { ideas.append(idea) }
        return ideas
    }

    /// The people an action can name: everyone present, and anyone already named who has since
    /// left (so saving an action unchanged never drops them).
    public static func possibleOwners(for action: Action?, record: WorkshopRecord) -> [Participant] {
        var people = record.present
        for id in action?.who ?? [] where !people.contains(where: { $0.id == id }) {
            if var person = record.participant(id) {
                person.name += " (left)"
                people.append(person)
            }
        }
        return people
    }

    /// The fields that show these values. `existing` as for ``init(reading:existing:record:)``.
    public func fields(existing: Action?, record: WorkshopRecord) -> [FormField] {
        let ideas = Self.linkableIdeas(for: existing, record: record)
        let people = Self.possibleOwners(for: existing, record: record)
        return [
            FormField(.forIdea, "For idea", kind: .choice(["(none)"] + ideas.map(\.text)),
                      index: idea.flatMap { id in ideas.firstIndex { $0.id == id } }.map { $0 + 1 } ?? 0),
            FormField(.what, "What", text: what, isOptional: false),
            FormField(.who, "Who", kind: .people(people), ticked: Set(who.compactMap { id in people.firstIndex { $0.id == id } }), isOptional: false),
            FormField(.when, "When", kind: .day, text: when, isOptional: false),
            FormField(.how, "How", text: how),
        ]
    }

    /// The day typed, read relative to `today` (nil when nothing is typed).
    /// - Throws: `ChangeRefusal` when the words are not a date Campfire understands.
    public func day(today: Day) throws(ChangeRefusal) -> Day? {
        let when = FormField.parseDay(self.when, today: today)
        if !self.when.isEmpty && when == nil {
            throw ChangeRefusal("\"\(self.when)\" is not a date Campfire understands. Try 2026-12-14, or +14 for two weeks from today.")
        }
        return when
    }

    /// The action with these values. A changed action keeps its status and any outcome noted
    /// when looking back: the box shows neither, so saving it must not drop them.
    public func action(id: ActionID, status: ActionStatus = .planned, outcome: ActionOutcome? = nil, today: Day) throws(ChangeRefusal) -> Action {
        Action(id: id, idea: idea, what: what, who: who, when: try day(today: today), how: how, status: status, outcome: outcome)
    }

    /// The events that make `old` hold these values: none when nothing differs.
    public func changes(to old: Action, today: Day) throws(ChangeRefusal) -> [SessionEvent] {
        let action = try action(id: old.id, status: old.status, outcome: old.outcome, today: today)
        return action == old ? [] : [.editAction(action)]
    }
}
