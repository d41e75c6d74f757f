import Foundation
import Workshop

/// The boxes of each stage, and how a filled-in box becomes session events.
///
/// Each box is a typed value (``PersonDraft``, ``StoryDraft``, ``GoalWordingDraft``,
/// ``MergedGoalDraft``, ``ReasonDraft``, ``AgreementDraft``, ``IdeaDraft``, ``ActionDraft``, and
/// ``NewWorkshopDraft`` on the home screen): a box opens with the fields of a value, and saving reads
/// the fields back into a value by their ``FieldID`` and builds the events from it. A label is
/// only ever drawn.
enum Forms {

    static func person(_ person: Participant?, content: ContentLibrary) -> Form {
        Form(
            title: person == nil ? "Add a person" : "Change \(person!.name)",
            purpose: person.map { .editPerson($0.id) } ?? .addPerson,
            fields: (person.map(PersonDraft.init) ?? PersonDraft()).fields(content: content),
            note: "Names only, no job titles. The perspective is the person's own choice."
        )
    }

    static func story(_ story: Story?, teller: ParticipantID?, record: WorkshopRecord, content: ContentLibrary) -> Form {
        var draft = story.map(StoryDraft.init) ?? StoryDraft()
        draft.teller = teller
        return Form(
            title: story == nil ? "Write down a story" : "Change the story",
            purpose: story.map { .editStory($0.id) } ?? .addStory,
            fields: draft.fields(record: record, content: content),
            note: content.prompts.consent.explain
        )
    }

    static func goal(_ draft: GoalDraft?, record: WorkshopRecord) -> Form {
        Form(
            title: draft == nil ? "Propose a goal" : "Change the wording",
            purpose: draft.map { .editGoal($0.id) } ?? .proposeGoal,
            fields: (draft.map(GoalWordingDraft.init) ?? GoalWordingDraft()).fields(record: record),
            note: "One goal in plain words that everyone can live with."
        )
    }

    static func merge(_ drafts: [GoalDraft]) -> Form {
        Form(
            title: "Merge \(drafts.count) wordings",
            purpose: .mergeGoals(drafts.map(\.id)),
            fields: MergedGoalDraft(merging: drafts).fields(),
            note: "Edit the words into one goal. The old wordings stay on the record."
        )
    }

    static func reason(title: String, note: String, purpose: FormPurpose) -> Form {
        Form(title: title, purpose: purpose, fields: ReasonDraft().fields(), note: note)
    }

    static func agreePrinciple(_ score: PrincipleScore, content: ContentLibrary) -> Form {
        Form(
            title: "What the group agrees: \(score.principle.displayName)",
            purpose: .agreePrinciple(score.principle),
            fields: AgreementDraft(score).fields(principle: score.principle, content: content),
            note: content.principles.evidenceQuestion
        )
    }

    static func idea(_ idea: Idea?, content: ContentLibrary) -> Form {
        Form(
            title: idea == nil ? "Add an idea" : "Change the idea",
            purpose: idea.map { .editIdea($0.id) } ?? .addIdea,
            fields: (idea.map(IdeaDraft.init) ?? IdeaDraft()).fields(),
            note: "Nothing is too silly. Press 1-4 on \"Helps with\" to link principles."
        )
    }

    static func action(_ action: Action?, record: WorkshopRecord, content: ContentLibrary, today: Day) -> Form {
        Form(
            title: action == nil ? "Plan an action" : "Change the action",
            purpose: action.map { .editAction($0.id) } ?? .addAction(nil),
            fields: (action.map(ActionDraft.init) ?? ActionDraft.new(record: record)).fields(existing: action, record: record),
            note: content.prompts.smallMovement
        )
    }

    static func newWorkshop(templates: [WorkshopTemplate]) -> Form {
        Form(title: "A new workshop", purpose: .newWorkshop, fields: NewWorkshopDraft().fields(templates: templates),
             note: "The group name lets you see this group's workshops over time.")
    }

    // MARK: - From form to events

    /// The events saving a box writes, built from its typed value: none when the box changes an
    /// item and nothing differs from it.
    /// - Throws: `ChangeRefusal` when what is typed cannot be saved (no reason given, a date not understood).
    static func events(for form: Form, app: ConsoleApp, record: WorkshopRecord) throws(ChangeRefusal) -> [SessionEvent] {
        switch form.purpose {
        case .addPerson:
            return [.addParticipant(PersonDraft(reading: form).participant(id: app.editor.makeID("p")))]
        case .editPerson(let id):
            guard let person = record.participant(id) else { throw ChangeRefusal("That person is no longer on the record.") }
            return PersonDraft(reading: form).changes(to: person)

        case .addStory:
            return [.addStory(StoryDraft(reading: form, record: record, content: app.content).story(id: app.editor.makeID("s")))]
        case .editStory(let id):
            let draft = StoryDraft(reading: form, record: record, content: app.content)
            guard let old = record.story(id) else { return [.addStory(draft.story(id: id))] }
            return draft.changes(to: old)

        case .proposeGoal:
            let draft = GoalWordingDraft(reading: form, record: record)
            return [.proposeGoal(GoalDraft(id: app.editor.makeID("g"), text: draft.text, proposedBy: draft.proposedBy))]
        case .editGoal(let id):
            let draft = GoalWordingDraft(reading: form, record: record)
            guard let old = record.draft(id) else { return [.editGoal(id: id, text: draft.text)] }
            return draft.changes(to: old)
        case .mergeGoals(let ids):
            return [.mergeGoals(ids: ids, into: GoalDraft(id: app.editor.makeID("g"), text: MergedGoalDraft(reading: form).text))]
        case .goalOverrideReason(let draft):
            let why = ReasonDraft(reading: form).why
            guard !why.isEmpty else { throw ChangeRefusal("Please say why, in a few words.") }
            return [.agreeGoal(draft: draft, overrideReason: why)]
        case .overrideReason:
            guard !ReasonDraft(reading: form).why.isEmpty else { throw ChangeRefusal("Please say why you are moving on anyway.") }
            return []

        case .agreePrinciple(let principle):
            return AgreementDraft(reading: form).changes(to: record.score(for: principle))

        case .addIdea:
            return [.addIdea(IdeaDraft(reading: form).idea(id: app.editor.makeID("i")))]
        case .editIdea(let id):
            let draft = IdeaDraft(reading: form)
            guard let old = record.idea(id) else { return [.editIdea(id: id, text: draft.text, principles: draft.principles)] }
            return draft.changes(to: old)

        case .addAction:
            let draft = ActionDraft(reading: form, existing: nil, record: record)
            return [.addAction(try draft.action(id: app.editor.makeID("a"), today: Day(app.now)))]
        case .editAction(let id):
            let old = record.action(id)
            let draft = ActionDraft(reading: form, existing: old, record: record)
            guard let old else { return [.editAction(try draft.action(id: id, today: Day(app.now)))] }
            return try draft.changes(to: old, today: Day(app.now))

        case .newWorkshop:
            // Made by the home screen, never saved into a session.
            return []
        }
    }

    // MARK: - Where the problem is

    /// The form with the cursor on the field a refusal is most likely about: a date that could
    /// not be read, else the first required field left empty (a story needs a title or what
    /// happened), else where it was.
    static func focusingProblem(_ form: Form, app: ConsoleApp) -> Form {
        var form = form
        let today = Day(app.now)
        if let index = form.fields.firstIndex(where: { $0.kind == .day && !$0.isEmpty && FormField.parseDay($0.text, today: today) == nil }) {
            form.focused = index
        } else if let index = form.fields.firstIndex(where: { !$0.isOptional && $0.isEmpty }) {
            form.focused = index
        } else if form.purpose.isStory, let title = form.index(of: .title), form.fields[title].isEmpty,
                  let happened = form.index(of: .whatHappened), form.fields[happened].isEmpty {
            form.focused = title
        }
        form.current.moveCursorToEnd()
        return form
    }
}

extension FormPurpose {
    /// Whether the box writes down or changes a story.
    var isStory: Bool {
        switch self {
        case .addStory, .editStory: return true
        default: return false
        }
    }
}
