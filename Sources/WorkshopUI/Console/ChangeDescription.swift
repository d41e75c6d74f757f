import Foundation
import Workshop

/// The words of the status line after a change: what changed, to what, for whom.
///
/// "Saved." alone leaves the facilitator guessing which idea got the dot or whose stage moved;
/// these say it ("Zoë: stage 2 → 4 on Valuing work", "Undone: Zoë's stage on Valuing work").
enum ChangeDescription {

    /// What a saved event changed, worked out from the session before and after it.
    static func saved(_ event: SessionEvent, before: Session, after: Session) -> String {
        let old = before.record
        let new = after.record
        switch event {
        case .score(let principle, let participant, let stage):
            let name = new.name(of: participant)
            let was = old.score(for: principle).scores[participant]
            let on = " on \(principle.displayName)"
            switch (was, stage) {
            case (nil, let stage?): return "\(name): stage \(stage)\(on). Saved."
            case (let was?, let stage?) where was != stage: return "\(name): stage \(was) → \(stage)\(on) (changed). Saved."
            case (let was?, nil): return "\(name)'s stage \(was)\(on) cleared. Saved."
            default: return "\(name): stage \(stage.map(String.init) ?? "none")\(on), as before."
            }
        case .vote(let idea, let participant, let change):
            let name = new.name(of: participant)
            let text = quoted(new.idea(idea)?.text ?? "")
            let left = after.template.dotsPerPerson - new.dotsUsed(by: participant)
            let dots = "\(left) \(left == 1 ? "dot" : "dots") left"
            return change > 0
                ? "A dot for \(text) from \(name) — \(dots). Saved."
                : "\(name) took a dot back from \(text) — \(dots). Saved."
        case .respond(let draft, let participant, let response):
            let name = new.name(of: participant)
            let was = old.draft(draft)?.responses[participant]
            let now = response.map(word) ?? "not asked"
            if let was, was != response { return "\(name): \(now) (was \(word(was))). Saved." }
            return "\(name): \(now). Saved."
        case .choose(let idea): return "Chosen: \(quoted(new.idea(idea)?.text ?? "")). Saved."
        case .unchoose(let idea): return "No longer chosen: \(quoted(new.idea(idea)?.text ?? "")). Saved."
        case .giveStick(let to, _): return "\(new.name(of: to)) has the talking stick. Saved."
        case .pass: return "\(old.round.currentTeller.map { old.name(of: $0) } ?? "The teller") passed. Saved."
        case .addParticipant(let person): return "Added \(person.name). Saved."
        case .removeParticipant(let id):
            return new.participant(id) == nil ? "Removed \(old.name(of: id)). Saved." : "\(old.name(of: id)) is kept on the record as having left. Saved."
        case .addIdea(let idea): return "Added the idea \(quoted(idea.text)). Saved."
        case .addStory(let story): return "Added the story \(quoted(story.title.isEmpty ? "(no title)" : story.title)). Saved."
        case .addAction(let action): return "Added the action \(quoted(action.what)). Saved."
        case .proposeGoal(let draft): return "Added the wording \(quoted(draft.text)). Saved."
        case .agreeGoal: return "The goal is agreed. Saved."
        case .agreePrinciple(let principle, let stage, let rag, let evidence):
            var parts = [stage.map { "stage \($0)" } ?? "no stage", rag.map { "\($0.symbol) \($0.word)" } ?? "no score"]
            parts.append(evidence.isEmpty ? "no evidence yet" : "evidence written down")
            return "\(principle.displayName): \(parts.joined(separator: ", ")). Saved."
        case .undo(let restoring): return "Undone: \(difference(from: old, to: restoring, session: after)). Saved."
        case .redo(let restoring): return "Redone: \(difference(from: old, to: restoring, session: after)). Saved."
        case .finishWorkshop: return "The workshop is finished. Thank you, everyone. Saved." + (RoomOnlyNotice.sentence(for: after).map { " " + $0 } ?? "")
        case .setConsent(let id, let consent):
            let story = new.story(id) ?? old.story(id)
            let teller = story?.teller.map { old.name(of: $0) + "'s story" } ?? "The story"
            let title = quoted(story.map { $0.title.isEmpty ? "(no title)" : $0.title } ?? "")
            return "\(teller) \(title): \(StageScreens.consentWord(old.story(id)?.consent)) → \(StageScreens.consentWord(consent)). Saved."
        case .editStory(let story): return "Changed the story \(quoted(story.title.isEmpty ? "(no title)" : story.title)). Saved."
        case .editAction(let action): return "Changed the action \(quoted(action.what)). Saved."
        case .editIdea(_, let text, _): return "Changed the idea \(quoted(text)). Saved."
        case .renameParticipant(let id, let name): return "Renamed \(old.name(of: id)) to \(name). Saved."
        case .setPerspective(let id, let perspective):
            return "\(new.name(of: id)) comes as \(perspective.map(TimelineWords.perspectiveWords) ?? "not said"). Saved."
        case .setAccessNeeds(let id, let needs):
            return needs.isEmpty ? "\(new.name(of: id)): no access needs written. Saved." : "\(new.name(of: id))'s access needs: \(quoted(needs)). Saved."
        case .editGoal(_, let text): return "Changed the wording to \(quoted(text)). Saved."
        case .setRoomOnlyDays(let days):
            return "Room-only stories are forgotten \(Draw.days(days)) after this workshop was last open, if it is not finished by then (was \(Draw.days(before.roomOnlyPeriodDays))); a finished workshop forgets them at its close. Saved."
        case .showAnswersLive(let live):
            return live ? "The wall now shows answers as they come. Saved." : "The wall now shows answers together, once everyone has placed. Saved."
        default: return "Saved."
        }
    }

    /// A few words naming what differs between two records, for "Undone: …" and "Redone: …".
    static func difference(from old: WorkshopRecord, to new: WorkshopRecord, session: Session) -> String {
        func name(_ id: ParticipantID) -> String { new.participant(id)?.name ?? old.name(of: id) }
        for principle in PrincipleID.allCases {
            let before = old.score(for: principle), after = new.score(for: principle)
            for id in Set(before.scores.keys).union(after.scores.keys).sorted() where before.scores[id] != after.scores[id] {
                return "\(name(id))'s stage on \(principle.displayName)"
            }
            if before.agreedStage != after.agreedStage || before.rag != after.rag || before.evidence != after.evidence {
                return "what the group agreed on \(principle.displayName)"
            }
        }
        for idea in new.ideas + old.ideas {
            let before = old.idea(idea.id), after = new.idea(idea.id)
            guard before != after else { continue }
            if before == nil { return "the idea \(quoted(idea.text)) is back" }
            if after == nil { return "the idea \(quoted(idea.text))" }
            if let changed = Set(before!.votes.keys).union(after!.votes.keys).sorted().first(where: { before!.votes[$0] != after!.votes[$0] }) {
                return "\(name(changed))'s dot on \(quoted(idea.text))"
            }
            return "the change to the idea \(quoted(idea.text))"
        }
        if old.chosenIdeas != new.chosenIdeas {
            let changed = Set(old.chosenIdeas).symmetricDifference(new.chosenIdeas).first
            return "choosing \(quoted(changed.flatMap { (new.idea($0) ?? old.idea($0))?.text } ?? "an idea"))"
        }
        for person in new.participants + old.participants where old.participant(person.id) != new.participant(person.id) {
            return old.participant(person.id) == nil || new.participant(person.id) == nil ? "adding or removing \(person.name)" : "the change to \(person.name)"
        }
        for story in new.stories + old.stories where old.story(story.id) != new.story(story.id) {
            return "the story \(quoted(story.title.isEmpty ? "(no title)" : story.title))"
        }
        for draft in new.goalDrafts + old.goalDrafts where old.draft(draft.id) != new.draft(draft.id) {
            if let before = old.draft(draft.id), let after = new.draft(draft.id),
               let changed = Set(before.responses.keys).union(after.responses.keys).sorted().first(where: { before.responses[$0] != after.responses[$0] }) {
                return "\(name(changed))'s answer on \(quoted(draft.text))"
            }
            return "the wording \(quoted(draft.text))"
        }
        if old.agreedGoal != new.agreedGoal { return "the agreed goal" }
        for action in new.actions + old.actions where old.action(action.id) != new.action(action.id) {
            return "the action \(quoted(action.what))"
        }
        if old.round != new.round { return "the last move of the talking stick" }
        if old.groundRules != new.groundRules { return "the ground rules" }
        return "the last change"
    }

    /// Text in curly quotes, shortened so the status line keeps its end.
    static func quoted(_ text: String) -> String {
        let short = text.count > 40 ? String(text.prefix(39)) + "…" : text
        return "‘\(short)’"
    }

    private static func word(_ response: ConsensusResponse) -> String {
        switch response {
        case .agree: return "agree"
        case .canLiveWith: return "can live with it"
        case .disagree: return "disagree"
        }
    }
}

extension SessionEvent {
    /// Whether this is the facilitator finishing the workshop.
    var isFinish: Bool {
        if case .finishWorkshop = self { return true }
        return false
    }
}
