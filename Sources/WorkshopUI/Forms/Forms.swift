import Foundation
import Workshop

/// The forms of each stage, and how a filled-in form becomes session events.
enum Forms {

    static func perspectiveOptions(_ content: ContentLibrary) -> [String] {
        ["(not said)"] + Perspective.allCases.map { content.prompts.label(for: $0) }
    }

    static func person(_ person: Participant?, content: ContentLibrary) -> Form {
        let perspectiveIndex = person?.perspective.flatMap { Perspective.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
        return Form(
            title: person == nil ? "Add a person" : "Change \(person!.name)",
            purpose: person.map { .editPerson($0.id) } ?? .addPerson,
            fields: [
                FormField("First name", kind: .text(checksJargon: false), text: person?.name ?? "", isOptional: false),
                FormField("Perspective", kind: .choice(perspectiveOptions(content)), index: perspectiveIndex),
                FormField("Access needs", text: person?.accessNeeds ?? ""),
            ],
            note: "Names only, no job titles. The perspective is the person's own choice."
        )
    }

    /// The consent choices, after a first option that says nobody has chosen yet: the box starts
    /// there, so a story is never saved on a choice the teller did not make.
    static func consentOptions(_ content: ContentLibrary) -> [String] {
        [notChosen] + Consent.allCases.map { content.prompts.consent.label(for: $0) }
    }

    static let notChosen = "(not chosen yet: ask the teller)"

    /// The choice shown in a consent field, read by its words rather than its position, so a
    /// form kept from before (a draft with other options) can never turn "keep" into "room only".
    static func chosenConsent(_ field: FormField?, content: ContentLibrary) -> Consent? {
        guard let field, case .choice(let options) = field.kind, options.indices.contains(field.index) else { return nil }
        return Consent.allCases.first { content.prompts.consent.label(for: $0) == options[field.index] }
    }

    static func story(_ story: Story?, teller: ParticipantID?, record: WorkshopRecord, content: ContentLibrary) -> Form {
        let people = record.participants
        let tellerIndex = teller.flatMap { id in people.firstIndex { $0.id == id } }.map { $0 + 1 } ?? 0
        return Form(
            title: story == nil ? "Write down a story" : "Change the story",
            purpose: story.map { .editStory($0.id) } ?? .addStory,
            fields: [
                FormField("Told by", kind: .choice(["(not said)"] + people.map(\.name)), index: tellerIndex),
                FormField("Title", text: story?.title ?? ""),
                FormField("What happened", text: story?.whatHappened ?? ""),
                FormField("The small thing", text: story?.smallThing ?? ""),
                FormField("Consent", kind: .choice(consentOptions(content)), index: story?.consent.flatMap { Consent.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0),
            ],
            note: content.prompts.consent.explain
        )
    }

    static func goal(_ draft: GoalDraft?, record: WorkshopRecord) -> Form {
        let people = record.present
        let index = draft?.proposedBy.flatMap { id in people.firstIndex { $0.id == id } }.map { $0 + 1 } ?? 0
        return Form(
            title: draft == nil ? "Propose a goal" : "Change the wording",
            purpose: draft.map { .editGoal($0.id) } ?? .proposeGoal,
            fields: [
                FormField("Goal", text: draft?.text ?? "", isOptional: false),
                FormField("Suggested by", kind: .choice(["(not said)"] + people.map(\.name)), index: index),
            ],
            note: "One goal in plain words that everyone can live with."
        )
    }

    static func merge(_ drafts: [GoalDraft]) -> Form {
        Form(
            title: "Merge \(drafts.count) wordings",
            purpose: .mergeGoals(drafts.map(\.id)),
            fields: [FormField("Goal", text: drafts.map(\.text).joined(separator: " "), isOptional: false)],
            note: "Edit the words into one goal. The old wordings stay on the record."
        )
    }

    static func reason(title: String, note: String, purpose: FormPurpose) -> Form {
        Form(title: title, purpose: purpose, fields: [FormField("Why", kind: .text(checksJargon: false), isOptional: false)], note: note)
    }

    static func agreePrinciple(_ score: PrincipleScore, content: ContentLibrary) -> Form {
        let guide = content.principles.guide(score.principle)
        let stageNames = (1...4).map { "\($0) " + (guide?.stage($0)?.name ?? "Stage \($0)") }
        return Form(
            title: "What the group agrees: \(score.principle.displayName)",
            purpose: .agreePrinciple(score.principle),
            fields: [
                FormField("Stage", kind: .choice(["(not agreed)"] + stageNames), index: score.agreedStage ?? 0),
                FormField("Red, amber or green", kind: .choice(["(not agreed)"] + RAG.allCases.map { "\($0.symbol) \($0.word)" }), index: score.rag.flatMap { RAG.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0),
                FormField("Evidence", text: score.evidence),
            ],
            note: content.principles.evidenceQuestion
        )
    }

    static func idea(_ idea: Idea?, content: ContentLibrary) -> Form {
        let ticked = Set((idea?.principles ?? []).compactMap { PrincipleID.allCases.firstIndex(of: $0) })
        return Form(
            title: idea == nil ? "Add an idea" : "Change the idea",
            purpose: idea.map { .editIdea($0.id) } ?? .addIdea,
            fields: [
                FormField("Idea", text: idea?.text ?? "", isOptional: false),
                FormField("Helps with", kind: .principles, ticked: ticked),
            ],
            note: "Nothing is too silly. Press 1-4 on \"Helps with\" to link principles."
        )
    }

    /// The ideas an action can be linked to: the chosen ones, and the one it is already linked to
    /// (even if no longer chosen), so saving an action unchanged never re-links it.
    static func linkableIdeas(for action: Action?, record: WorkshopRecord) -> [Idea] {
        var ideas = record.chosenIdeas.compactMap { record.idea($0) }
        if let linked = action?.idea, !ideas.contains(where: { $0.id == linked }), let idea = record.idea(linked) { ideas.append(idea) }
        return ideas
    }

    /// The people an action can name: everyone present, and anyone already named who has since
    /// left (so saving an action unchanged never drops them).
    static func possibleOwners(for action: Action?, record: WorkshopRecord) -> [Participant] {
        var people = record.present
        for id in action?.who ?? [] where !people.contains(where: { $0.id == id }) {
            if var person = record.participant(id) {
                person.name += " (left)"
                people.append(person)
            }
        }
        return people
    }

    static func action(_ action: Action?, record: WorkshopRecord, content: ContentLibrary, today: Day) -> Form {
        let chosen = linkableIdeas(for: action, record: record)
        let people = possibleOwners(for: action, record: record)
        // A new action starts on the first chosen idea; an existing one shows its own link, "(none)" included.
        let ideaIndex: Int
        if let action {
            ideaIndex = action.idea.flatMap { id in chosen.firstIndex { $0.id == id } }.map { $0 + 1 } ?? 0
        } else {
            ideaIndex = chosen.isEmpty ? 0 : 1
        }
        let ticked = Set((action?.who ?? []).compactMap { id in people.firstIndex { $0.id == id } })
        return Form(
            title: action == nil ? "Plan an action" : "Change the action",
            purpose: action.map { .editAction($0.id) } ?? .addAction(nil),
            fields: [
                FormField("For idea", kind: .choice(["(none)"] + chosen.map(\.text)), index: ideaIndex),
                FormField("What", text: action?.what ?? "", isOptional: false),
                FormField("Who", kind: .people(people), ticked: ticked, isOptional: false),
                FormField("When", kind: .day, text: action?.when?.description ?? "", isOptional: false),
                FormField("How", text: action?.how ?? ""),
            ],
            note: content.prompts.smallMovement
        )
    }

    // MARK: - From form to events

    static func events(for form: Form, app: ConsoleApp, record: WorkshopRecord) throws(ChangeRefusal) -> [SessionEvent] {
        func choice(_ label: String) -> Int { form.field(label)?.index ?? 0 }
        switch form.purpose {
        case .addPerson, .editPerson:
            let perspectiveIndex = choice("Perspective")
            let perspective = perspectiveIndex == 0 ? nil : Perspective.allCases[perspectiveIndex - 1]
            if case .editPerson(let id) = form.purpose {
                var events: [SessionEvent] = []
                let person = record.participant(id)
                if person?.name != form.text("First name") { events.append(.renameParticipant(id: id, name: form.text("First name"))) }
                if person?.perspective != perspective { events.append(.setPerspective(id: id, perspective: perspective)) }
                if person?.accessNeeds != form.text("Access needs") { events.append(.setAccessNeeds(id: id, needs: form.text("Access needs"))) }
                return events
            }
            return [.addParticipant(Participant(id: app.editor.makeID("p"), name: form.text("First name"), perspective: perspective, accessNeeds: form.text("Access needs")))]

        case .addStory, .editStory:
            let tellerIndex = choice("Told by")
            let teller = tellerIndex == 0 ? nil : record.participants[tellerIndex - 1].id
            let consent = chosenConsent(form.field("Consent"), content: app.content)
            let id: StoryID
            if case .editStory(let existing) = form.purpose { id = existing } else { id = app.editor.makeID("s") }
            var story = Story(id: id, teller: teller, title: form.text("Title"), whatHappened: form.text("What happened"), smallThing: form.text("The small thing"), consent: consent)
            guard case .editStory = form.purpose, let old = record.story(id) else { return [.addStory(story)] }
            // A change of consent is its own event, so review shows it plainly; an unchanged box writes nothing.
            guard let consent, consent != old.consent else { return story == old ? [] : [.editStory(story)] }
            story.consent = old.consent
            return story == old ? [.setConsent(story: id, consent: consent)] : [.editStory(story), .setConsent(story: id, consent: consent)]

        case .proposeGoal:
            let index = choice("Suggested by")
            let by = index == 0 ? nil : record.present[index - 1].id
            return [.proposeGoal(GoalDraft(id: app.editor.makeID("g"), text: form.text("Goal"), proposedBy: by))]
        case .editGoal(let id):
            return record.draft(id)?.text == form.text("Goal") ? [] : [.editGoal(id: id, text: form.text("Goal"))]
        case .mergeGoals(let ids):
            return [.mergeGoals(ids: ids, into: GoalDraft(id: app.editor.makeID("g"), text: form.text("Goal")))]
        case .goalOverrideReason(let draft):
            guard !form.text("Why").isEmpty else { throw ChangeRefusal("Please say why, in a few words.") }
            return [.agreeGoal(draft: draft, overrideReason: form.text("Why"))]
        case .overrideReason:
            guard !form.text("Why").isEmpty else { throw ChangeRefusal("Please say why you are moving on anyway.") }
            return []

        case .agreePrinciple(let principle):
            let stage = choice("Stage") == 0 ? nil : choice("Stage")
            let rag = choice("Red, amber or green") == 0 ? nil : RAG.allCases[choice("Red, amber or green") - 1]
            let old = record.score(for: principle)
            if old.agreedStage == stage, old.rag == rag, old.evidence == form.text("Evidence") { return [] }
            return [.agreePrinciple(principle: principle, stage: stage, rag: rag, evidence: form.text("Evidence"))]

        case .addIdea, .editIdea:
            let principles = (form.field("Helps with")?.ticked ?? []).sorted().map { PrincipleID.allCases[$0] }
            if case .editIdea(let id) = form.purpose {
                if let idea = record.idea(id), idea.text == form.text("Idea"), idea.principles == principles { return [] }
                return [.editIdea(id: id, text: form.text("Idea"), principles: principles)]
            }
            return [.addIdea(Idea(id: app.editor.makeID("i"), text: form.text("Idea"), principles: principles))]

        case .addAction, .editAction:
            var existing: Action?
            if case .editAction(let id) = form.purpose { existing = record.action(id) }
            let chosen = linkableIdeas(for: existing, record: record)
            let ideaIndex = choice("For idea")
            let idea = ideaIndex == 0 || ideaIndex > chosen.count ? nil : chosen[ideaIndex - 1].id
            let people = possibleOwners(for: existing, record: record)
            var who = (form.field("Who")?.ticked ?? []).sorted().filter { $0 < people.count }.map { people[$0].id }
            // The order people were named in is kept when the same people are still named.
            if let existing, Set(existing.who) == Set(who) { who = existing.who }
            let whenText = form.text("When")
            let when = FormField.parseDay(whenText, today: Day(app.now))
            if !whenText.isEmpty && when == nil {
                throw ChangeRefusal("\"\(whenText)\" is not a date Campfire understands. Try 2026-12-14, or +14 for two weeks from today.")
            }
            let id: ActionID
            if case .editAction(let existing) = form.purpose { id = existing } else { id = app.editor.makeID("a") }
            let status = record.action(id)?.status ?? .planned
            let action = Action(id: id, idea: idea, what: form.text("What"), who: who, when: when, how: form.text("How"), status: status)
            if case .editAction = form.purpose { return existing == action ? [] : [.editAction(action)] }
            return [.addAction(action)]
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
        } else if case .addStory = form.purpose, let title = form.index(of: "Title"), form.fields[title].isEmpty,
                  let happened = form.index(of: "What happened"), form.fields[happened].isEmpty {
            form.focused = title
        } else if case .editStory = form.purpose, let title = form.index(of: "Title"), form.fields[title].isEmpty,
                  let happened = form.index(of: "What happened"), form.fields[happened].isEmpty {
            form.focused = title
        }
        form.current.moveCursorToEnd()
        return form
    }
}
