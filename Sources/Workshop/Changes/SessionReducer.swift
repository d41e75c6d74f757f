import Foundation

/// Applies events to a session: the one place where a session changes.
///
/// Pure: the moment of each event is passed in, so replaying a journal gives the same session.
public enum SessionReducer {

    /// Applies one event.
    /// - Parameters:
    ///   - event: the change.
    ///   - at: when it happened (from the journal line when replaying).
    ///   - session: the session to change.
    /// - Throws: `ChangeRefusal` with a plain-words reason; the session is then unchanged.
    public static func apply(_ event: SessionEvent, at: Date, to session: inout Session) throws(ChangeRefusal) {
        var copy = session
        try applyInPlace(event, at: at, to: &copy)
        session = copy
    }

    // MARK: - Each event

    private static func applyInPlace(_ event: SessionEvent, at: Date, to session: inout Session) throws(ChangeRefusal) {
        switch event {
        case .addParticipant(let person):
            let name = try cleanName(person.name)
            guard session.record.participant(person.id) == nil else { throw ChangeRefusal("That person is already in the list.") }
            guard !session.record.present.contains(where: { $0.name.lowercased() == name.lowercased() }) else {
                throw ChangeRefusal("\(name) is already in the list. Add something to tell them apart, like an initial.")
            }
            var person = person
            person.name = name
            session.record.participants.append(person)
            bumpNumber(past: person.id, in: &session.record)

        case .renameParticipant(let id, let name):
            let name = try cleanName(name)
            let index = try indexOfParticipant(id, in: session.record)
            guard !session.record.present.contains(where: { $0.id != id && $0.name.lowercased() == name.lowercased() }) else {
                throw ChangeRefusal("\(name) is already in the list. Add something to tell them apart, like an initial.")
            }
            session.record.participants[index].name = name

        case .setPerspective(let id, let perspective):
            session.record.participants[try indexOfParticipant(id, in: session.record)].perspective = perspective

        case .setAccessNeeds(let id, let needs):
            session.record.participants[try indexOfParticipant(id, in: session.record)].accessNeeds = needs

        case .removeParticipant(let id):
            let index = try indexOfParticipant(id, in: session.record)
            if hasContributed(id, session.record) {
                session.record.participants[index].hasLeft = true
            } else {
                session.record.participants.remove(at: index)
            }
            if session.record.round.currentTeller == id { endCurrentTurn(at: at, in: &session.record) }

        case .setGroundRules(let rules):
            session.record.groundRules = rules

        case .giveStick(let id, let invited):
            let person = try presentParticipant(id, in: session.record)
            endCurrentTurn(at: at, in: &session.record)
            session.record.round.turns.append(Turn(participant: person.id, startedAt: at, invited: invited))
            session.record.round.currentTeller = person.id

        case .pass:
            guard let teller = session.record.round.currentTeller,
                  let last = session.record.round.turns.indices.last,
                  session.record.round.turns[last].participant == teller else {
                throw ChangeRefusal("Nobody has the talking stick, so nobody can pass.")
            }
            session.record.round.turns[last].passed = true
            session.record.round.turns[last].endedAt = at
            session.record.round.currentTeller = nil

        case .endTurn:
            guard session.record.round.currentTeller != nil else { throw ChangeRefusal("Nobody has the talking stick.") }
            endCurrentTurn(at: at, in: &session.record)

        case .addStory(let story):
            let story = try checkedStory(story, in: session.record)
            guard session.record.story(story.id) == nil else { throw ChangeRefusal("That story is already saved.") }
            session.record.stories.append(story)
            bumpNumber(past: story.id, in: &session.record)

        case .editStory(let story):
            let story = try checkedStory(story, in: session.record)
            guard let index = session.record.stories.firstIndex(where: { $0.id == story.id }) else { throw missing("story") }
            session.record.stories[index] = story

        case .deleteStory(let id):
            guard let index = session.record.stories.firstIndex(where: { $0.id == id }) else { throw missing("story") }
            session.record.stories.remove(at: index)

        case .setConsent(let id, let consent):
            guard let index = session.record.stories.firstIndex(where: { $0.id == id }) else { throw missing("story") }
            session.record.stories[index].consent = consent

        case .proposeGoal(let draft):
            let text = try cleanText(draft.text, what: "The goal")
            guard session.record.draft(draft.id) == nil else { throw ChangeRefusal("That goal wording is already saved.") }
            var draft = draft
            draft.text = text
            session.record.goalDrafts.append(draft)
            bumpNumber(past: draft.id, in: &session.record)

        case .editGoal(let id, let text):
            let text = try cleanText(text, what: "The goal")
            guard let index = session.record.goalDrafts.firstIndex(where: { $0.id == id }) else { throw missing("goal wording") }
            if session.record.goalDrafts[index].text != text {
                session.record.goalDrafts[index].text = text
                // People agreed to the old words; they are asked again.
                session.record.goalDrafts[index].responses = [:]
            }
            if session.record.agreedGoal?.draft == id { session.record.agreedGoal = nil }

        case .mergeGoals(let ids, let merged):
            guard ids.count >= 2 else { throw ChangeRefusal("Pick at least two wordings to merge.") }
            let text = try cleanText(merged.text, what: "The merged goal")
            for id in ids {
                guard let index = session.record.goalDrafts.firstIndex(where: { $0.id == id && $0.mergedInto == nil }) else { throw missing("goal wording") }
                session.record.goalDrafts[index].mergedInto = merged.id
            }
            var merged = merged
            merged.text = text
            session.record.goalDrafts.append(merged)
            bumpNumber(past: merged.id, in: &session.record)
            if let agreed = session.record.agreedGoal, ids.contains(agreed.draft) { session.record.agreedGoal = nil }

        case .deleteGoal(let id):
            guard let index = session.record.goalDrafts.firstIndex(where: { $0.id == id }) else { throw missing("goal wording") }
            session.record.goalDrafts.remove(at: index)
            if session.record.agreedGoal?.draft == id { session.record.agreedGoal = nil }

        case .respond(let draftID, let person, let response):
            _ = try presentParticipant(person, in: session.record)
            guard let index = session.record.goalDrafts.firstIndex(where: { $0.id == draftID }) else { throw missing("goal wording") }
            session.record.goalDrafts[index].responses[person] = response

        case .agreeGoal(let draftID, let reason):
            guard let draft = session.record.draft(draftID), draft.mergedInto == nil else { throw missing("goal wording") }
            let disagreeing = draft.responses.filter { $0.value == .disagree }.map { session.record.name(of: $0.key) }.sorted()
            let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
            if !disagreeing.isEmpty && (reason ?? "").isEmpty {
                throw ChangeRefusal("\(listed(disagreeing)) \(disagreeing.count == 1 ? "disagrees" : "disagree"). Talk it through, change the words, or say why you are agreeing it anyway.")
            }
            session.record.agreedGoal = AgreedGoal(draft: draft.id, text: draft.text, overrideReason: disagreeing.isEmpty ? nil : reason)

        case .withdrawGoal:
            session.record.agreedGoal = nil

        case .score(let principle, let person, let stage):
            _ = try presentParticipant(person, in: session.record)
            if let stage, !(1...4).contains(stage) { throw ChangeRefusal("Stages go from 1 to 4.") }
            let index = principleIndex(principle, in: &session.record)
            session.record.principles[index].scores[person] = stage

        case .agreePrinciple(let principle, let stage, let rag, let evidence):
            if let stage, !(1...4).contains(stage) { throw ChangeRefusal("Stages go from 1 to 4.") }
            let index = principleIndex(principle, in: &session.record)
            session.record.principles[index].agreedStage = stage
            session.record.principles[index].rag = rag
            session.record.principles[index].evidence = evidence

        case .addIdea(let idea):
            let text = try cleanText(idea.text, what: "The idea")
            guard session.record.idea(idea.id) == nil else { throw ChangeRefusal("That idea is already saved.") }
            var idea = idea
            idea.text = text
            session.record.ideas.append(idea)
            bumpNumber(past: idea.id, in: &session.record)

        case .editIdea(let id, let text, let principles):
            let text = try cleanText(text, what: "The idea")
            guard let index = session.record.ideas.firstIndex(where: { $0.id == id }) else { throw missing("idea") }
            session.record.ideas[index].text = text
            session.record.ideas[index].principles = principles.sorted()

        case .deleteIdea(let id):
            guard let index = session.record.ideas.firstIndex(where: { $0.id == id }) else { throw missing("idea") }
            session.record.ideas.remove(at: index)
            session.record.chosenIdeas.removeAll { $0 == id }

        case .vote(let ideaID, let person, let change):
            let voter = try presentParticipant(person, in: session.record)
            guard let index = session.record.ideas.firstIndex(where: { $0.id == ideaID }) else { throw missing("idea") }
            guard change == 1 || change == -1 else { throw ChangeRefusal("A dot is added or taken back one at a time.") }
            let current = session.record.ideas[index].votes[person] ?? 0
            if change > 0 {
                let dots = session.template.dotsPerPerson
                guard session.record.dotsUsed(by: person) < dots else {
                    throw ChangeRefusal("\(voter.name) has used all \(dots) dots. Take one back first (- on an idea with one of theirs).")
                }
            } else {
                guard current > 0 else { throw ChangeRefusal("\(voter.name) has no dot on this idea to take back.") }
            }
            let updated = current + change
            session.record.ideas[index].votes[person] = updated == 0 ? nil : updated

        case .choose(let ideaID):
            guard session.record.idea(ideaID) != nil else { throw missing("idea") }
            guard !session.record.chosenIdeas.contains(ideaID) else { throw ChangeRefusal("That idea is already chosen.") }
            guard session.record.chosenIdeas.count < 3 else {
                throw ChangeRefusal("Two or three ideas are plenty. Take one out before choosing another.")
            }
            session.record.chosenIdeas.append(ideaID)

        case .unchoose(let ideaID):
            guard session.record.chosenIdeas.contains(ideaID) else { throw ChangeRefusal("That idea is not chosen.") }
            session.record.chosenIdeas.removeAll { $0 == ideaID }

        case .addAction(let action):
            let action = try checkedAction(action, in: session.record)
            guard session.record.action(action.id) == nil else { throw ChangeRefusal("That action is already saved.") }
            session.record.actions.append(action)
            bumpNumber(past: action.id, in: &session.record)

        case .editAction(let action):
            let action = try checkedAction(action, in: session.record)
            guard let index = session.record.actions.firstIndex(where: { $0.id == action.id }) else { throw missing("action") }
            session.record.actions[index] = action

        case .deleteAction(let id):
            guard let index = session.record.actions.firstIndex(where: { $0.id == id }) else { throw missing("action") }
            session.record.actions.remove(at: index)

        case .setActionStatus(let id, let status):
            guard let index = session.record.actions.firstIndex(where: { $0.id == id }) else { throw missing("action") }
            session.record.actions[index].status = status

        case .noteActionOutcome(let id, let note, let day):
            guard let index = session.record.actions.firstIndex(where: { $0.id == id }) else { throw missing("action") }
            let words = note.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !words.isEmpty else { throw ChangeRefusal("Write what happened first: the note is empty.") }
            session.record.actions[index].outcome = ActionOutcome(note: words, on: day)

        case .undo(let record), .redo(let record):
            session.record = record

        case .finishWorkshop:
            guard session.step == session.template.steps.last else {
                throw ChangeRefusal("A workshop is finished on its last step (\(session.template.steps.last.map(WorkshopFlow.describe) ?? "Close")).")
            }
            guard session.finishedAt == nil else { throw ChangeRefusal("This workshop is already finished.") }
            if let last = session.visits.indices.last, session.visits[last].leftAt == nil {
                session.visits[last].leftAt = at
            }
            session.finishedAt = at
        case .showAnswersLive(let live):
            session.showsAnswersLive = live ? true : nil
        case .setRoomOnlyDays(let days):
            guard (1...365).contains(days) else { throw ChangeRefusal("Room-only stories can be kept from 1 to 365 days, not \(days).") }
            session.roomOnlyDays = days == Session.defaultRoomOnlyDays ? nil : days

        case .moveTo(let step, let guards, let reason):
            guard session.template.steps.contains(step) else {
                throw ChangeRefusal("This workshop's plan has no step called \(step.label).")
            }
            if let last = session.visits.indices.last, session.visits[last].leftAt == nil {
                session.visits[last].leftAt = at
            }
            if let reason, !guards.isEmpty {
                session.overrides.append(RecordedOverride(step: session.step, guards: guards, reason: reason, at: at))
            }
            session.step = step
            session.visits.append(StepVisit(step: step, enteredAt: at))
            session.finishedAt = nil
            // The stick is put down when the round is left, so speaking time stops counting.
            if step.stage != .storytelling { endCurrentTurn(at: at, in: &session.record) }
        }
    }

    // MARK: - Checks

    /// Why a story without the teller's choice is not saved.
    public static let noConsentChosen = "Ask the teller first: room only, keep, or share? Choose one under Consent; the story is not saved without it."

    private static func cleanName(_ name: String) throws(ChangeRefusal) -> String {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw ChangeRefusal("Please type a name.") }
        guard name.count <= 80 else { throw ChangeRefusal("That name is very long. A first name is enough.") }
        return name
    }

    private static func cleanText(_ text: String, what: String) throws(ChangeRefusal) -> String {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw ChangeRefusal("\(what) is empty. Please type some words first.") }
        return text
    }

    private static func checkedStory(_ story: Story, in record: WorkshopRecord) throws(ChangeRefusal) -> Story {
        var story = story
        story.title = story.title.trimmingCharacters(in: .whitespacesAndNewlines)
        if story.title.isEmpty && story.whatHappened.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            && story.smallThing.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ChangeRefusal("The story is empty. Type a title or a few words about what happened.")
        }
        if let teller = story.teller, record.participant(teller) == nil { throw missing("person") }
        guard story.consent != nil else { throw ChangeRefusal(noConsentChosen) }
        return story
    }

    private static func checkedAction(_ action: Action, in record: WorkshopRecord) throws(ChangeRefusal) -> Action {
        var action = action
        action.what = action.what.trimmingCharacters(in: .whitespacesAndNewlines)
        action.how = action.how.trimmingCharacters(in: .whitespacesAndNewlines)
        let missingParts = action.missingParts
        if !missingParts.isEmpty {
            throw ChangeRefusal("An action needs \(listed(missingParts)).")
        }
        for person in action.who where record.participant(person) == nil { throw missing("person") }
        var seen = Set<ParticipantID>()
        action.who = action.who.filter { seen.insert($0).inserted }
        if let idea = action.idea, record.idea(idea) == nil { throw missing("idea") }
        return action
    }

    private static func indexOfParticipant(_ id: ParticipantID, in record: WorkshopRecord) throws(ChangeRefusal) -> Int {
        guard let index = record.participants.firstIndex(where: { $0.id == id }) else { throw missing("person") }
        return index
    }

    private static func presentParticipant(_ id: ParticipantID, in record: WorkshopRecord) throws(ChangeRefusal) -> Participant {
        guard let person = record.participant(id) else { throw missing("person") }
        guard !person.hasLeft else { throw ChangeRefusal("\(person.name) has left the workshop.") }
        return person
    }

    private static func hasContributed(_ id: ParticipantID, _ record: WorkshopRecord) -> Bool {
        record.round.hasHadTurn(id)
            || record.stories.contains { $0.teller == id }
            || record.goalDrafts.contains { $0.proposedBy == id || $0.responses[id] != nil }
            || record.principles.contains { $0.scores[id] != nil }
            || record.ideas.contains { $0.proposedBy == id || $0.votes[id] != nil }
            || record.actions.contains { $0.who.contains(id) }
    }

    private static func principleIndex(_ principle: PrincipleID, in record: inout WorkshopRecord) -> Int {
        if let index = record.principles.firstIndex(where: { $0.principle == principle }) { return index }
        record.principles.append(PrincipleScore(principle: principle))
        record.principles.sort { $0.principle < $1.principle }
        return record.principles.firstIndex { $0.principle == principle }!
    }

    private static func endCurrentTurn(at: Date, in record: inout WorkshopRecord) {
        guard let teller = record.round.currentTeller else { return }
        if let last = record.round.turns.indices.last, record.round.turns[last].participant == teller, record.round.turns[last].endedAt == nil {
            record.round.turns[last].endedAt = at
        }
        record.round.currentTeller = nil
    }

    /// Keeps `nextNumber` past any id it is given, so ids made later never collide.
    private static func bumpNumber(past id: String, in record: inout WorkshopRecord) {
        if let number = Int(id.drop { !$0.isNumber }), number >= record.nextNumber {
            record.nextNumber = number + 1
        }
    }

    private static func missing(_ thing: String) -> ChangeRefusal {
        ChangeRefusal("That \(thing) is no longer there. It may have been removed or undone.")
    }

    /// "Ann", "Ann and Bo", "Ann, Bo and Cy".
    public static func listed(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }
}
