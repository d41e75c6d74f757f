import Foundation
import Workshop

/// One journal entry as review shows it: when, what happened in plain words, and the session after it.
public struct TimelineEntry: Sendable {
    public var sequence: Int
    public var at: Date
    public var event: SessionEvent
    /// What happened, in plain words ("Maya told a story: …").
    public var words: String
    /// The session as it was just after this entry.
    public var after: Session

    /// Whether this entry moved the workshop to another step.
    public var isStepChange: Bool {
        if case .moveTo = event { return true }
        return false
    }
}

/// The journal replayed step by step from the start of the session.
///
/// `SessionStore` keeps only the latest snapshot, so the state at creation is rebuilt: a new
/// session holds no people, stories or scores until events add them, so the start is an empty
/// record with the latest snapshot's settings (id, title, group, facilitator, created, plan).
/// Each journal event is then applied with `SessionEditor`, as the console applied it. If the
/// replay cannot go on (a journal from a session made some other way, or one changed by erase),
/// it stops there and says so, and the rest of review still shows the latest snapshot.
public struct Timeline: Sendable {
    /// The session before the first event.
    public var start: Session
    public var entries: [TimelineEntry]
    /// Why the replay stopped early, in plain words (nil when the whole journal replayed).
    public var problem: String?
    /// Whether the replay ends exactly where the saved session is (checked against the latest snapshot).
    public var matchesSaved: Bool?

    /// The session as it was created, from the settings of a later copy of it.
    public static func creation(of session: Session) -> Session {
        Session(id: session.id, title: session.title, group: session.group, facilitator: session.facilitator,
                createdAt: session.createdAt, isPractice: session.isPractice, template: session.template)
    }

    /// Replays `records` (sequence, time, event) on `start`.
    /// - Parameter saved: the session as saved now, to check the replay against.
    public static func replay(from start: Session, records: [(sequence: Int, at: Date, event: SessionEvent)], saved: Session? = nil) -> Timeline {
        var editor = SessionEditor(session: start)
        var entries: [TimelineEntry] = []
        entries.reserveCapacity(records.count)
        var problem: String?
        for record in records {
            let before = editor.session
            do {
                try editor.apply(record.event, at: record.at)
            } catch {
                problem = "The replay stops at entry \(record.sequence) (\(Self.clock(record.at))): \(error.reason) Review shows the saved session as it is now."
                break
            }
            entries.append(TimelineEntry(sequence: record.sequence, at: record.at, event: record.event,
                                         words: TimelineWords.describe(record.event, before: before, after: editor.session),
                                         after: editor.session))
        }
        var timeline = Timeline(start: start, entries: entries, problem: problem)
        if let saved, problem == nil {
            timeline.matchesSaved = (entries.last?.after ?? start).record == saved.record
        }
        return timeline
    }

    /// The index of the next step change after `index` (or the last entry).
    public func nextStepChange(after index: Int) -> Int {
        guard !entries.isEmpty else { return 0 }
        var next = index + 1
        while next < entries.count, !entries[next].isStepChange { next += 1 }
        return min(next, entries.count - 1)
    }

    /// The index of the step change before `index` (or the first entry).
    public func previousStepChange(before index: Int) -> Int {
        var previous = index - 1
        while previous > 0, !entries[previous].isStepChange { previous -= 1 }
        return max(previous, 0)
    }

    /// "14:05:09" in review's time zone (the computer's own, said once on the screen).
    static func clock(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = ReviewScreens.zone
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: date)
    }
}

/// Journal events in plain words, for the timeline.
public enum TimelineWords {

    /// What an event did, using the names in the session before and after it.
    public static func describe(_ event: SessionEvent, before: Session, after: Session) -> String {
        let record = after.record
        func name(_ id: ParticipantID?) -> String {
            guard let id else { return "Someone" }
            return record.participant(id)?.name ?? before.record.participant(id)?.name ?? "Someone"
        }
        func quote(_ text: String) -> String {
            let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
            return "“\(flat)”"
        }
        func idea(_ id: IdeaID) -> String { quote(record.idea(id)?.text ?? before.record.idea(id)?.text ?? "an idea") }
        func action(_ id: ActionID) -> String { quote(record.action(id)?.what ?? before.record.action(id)?.what ?? "an action") }

        switch event {
        case .addParticipant(let person):
            var text = "\(person.name) joined the group"
            if let perspective = person.perspective, perspective != .private { text += " (\(perspectiveWords(perspective)))" }
            return text + "."
        case .renameParticipant(let id, let newName):
            return "\(before.record.participant(id)?.name ?? "Someone") is now called \(newName)."
        case .setPerspective(let id, let perspective):
            return perspective.map { "\(name(id)) said they come as \(perspectiveWords($0))." } ?? "\(name(id)) chose not to say how they come."
        case .setAccessNeeds(let id, let needs):
            return needs.isEmpty ? "\(name(id))'s access needs were cleared." : "\(name(id))'s access needs: \(needs)."
        case .removeParticipant(let id):
            let left = after.record.participant(id) != nil
            return left ? "\(name(id)) left." : "\(name(id)) was taken off the list."
        case .setGroundRules(let rules):
            return rules.isEmpty ? "The group's own ground rules were cleared." : "The group set ground rules: \(rules.joined(separator: "; "))."
        case .giveStick(let to, let invited):
            return invited ? "\(name(to)) was invited to take the talking stick." : "\(name(to)) took the talking stick."
        case .pass:
            return "\(name(before.record.round.currentTeller)) passed."
        case .endTurn:
            return "\(name(before.record.round.currentTeller)) finished their turn."
        case .addStory(let story) where story.consent == .roomOnly:
            return "\(name(story.teller)) told a story for the room only: its words are not shown here."
        case .addStory(let story):
            return "\(name(story.teller)) told a story: \(quote(story.title.isEmpty ? story.whatHappened : story.title))\(consentNote(story.consent))."
        case .editStory(let story) where story.consent == .roomOnly:
            return "A story was changed; it is for the room only, so its words are not shown here."
        case .editStory(let story):
            return "The story \(quote(story.title)) was changed\(consentNote(story.consent))."
        case .deleteStory(let id):
            return "The story \(quote(before.record.story(id)?.title ?? "")) was deleted."
        case .setConsent(let id, let consent):
            let story = before.record.story(id)
            let from = story?.consent.map(consentWords) ?? "no choice"
            return "\(name(story?.teller)) changed their mind about \(quote(story?.title ?? "their story")): from \(from) to \(consentWords(consent))."
        case .proposeGoal(let draft):
            return draft.proposedBy == nil ? "A goal was suggested: \(quote(draft.text))." : "\(name(draft.proposedBy)) suggested a goal: \(quote(draft.text))."
        case .editGoal(_, let text):
            return "A goal wording was changed to \(quote(text)); everyone is asked again."
        case .mergeGoals(let ids, let into):
            return "\(ids.count) goal wordings were merged into \(quote(into.text))."
        case .deleteGoal(let id):
            return "The goal wording \(quote(before.record.draft(id)?.text ?? "")) was deleted."
        case .respond(let draft, let participant, let response):
            let text = quote(record.draft(draft)?.text ?? "")
            switch response {
            case .agree?: return "\(name(participant)) agreed with \(text)."
            case .canLiveWith?: return "\(name(participant)) can live with \(text)."
            case .disagree?: return "\(name(participant)) disagreed with \(text)."
            case nil: return "\(name(participant))'s answer on \(text) was cleared."
            }
        case .agreeGoal(let draft, let reason):
            let text = quote(record.agreedGoal?.text ?? record.draft(draft)?.text ?? "")
            return reason.map { "The group agreed the goal \(text), although someone disagreed: \($0)." } ?? "The group agreed the goal \(text)."
        case .withdrawGoal:
            return "The agreed goal was opened up again."
        case .score(let principle, let participant, let stage):
            return stage.map { "\(name(participant)) placed \(principle.displayName) at stage \($0)." } ?? "\(name(participant))'s stage for \(principle.displayName) was cleared."
        case .agreePrinciple(let principle, let stage, let rag, let evidence):
            var text = "The group agreed \(principle.displayName)"
            text += stage.map { ": stage \($0)" } ?? ": no stage"
            if let rag { text += ", \(rag.symbol) \(rag.word)" }
            if !evidence.isEmpty { return text + ". Evidence: \(quote(evidence))" }
            return text + "."
        case .addIdea(let newIdea):
            return newIdea.proposedBy == nil ? "An idea was added: \(quote(newIdea.text))." : "\(name(newIdea.proposedBy)) had an idea: \(quote(newIdea.text))."
        case .editIdea(_, let text, _):
            return "An idea was changed to \(quote(text))."
        case .deleteIdea(let id):
            return "The idea \(quote(before.record.idea(id)?.text ?? "")) was deleted."
        case .vote(let id, let participant, let change):
            return change > 0 ? "\(name(participant)) put a dot on \(idea(id))." : "\(name(participant)) took a dot back from \(idea(id))."
        case .choose(let id):
            return "The group chose \(idea(id))."
        case .unchoose(let id):
            return "\(idea(id)) is no longer chosen."
        case .addAction(let newAction):
            let who = newAction.who.map { name($0) }
            let when = newAction.when.map { " by \($0)" } ?? ""
            return who.isEmpty ? "An action was planned: \(quote(newAction.what))\(when)." : "\(listed(who)) will \(quote(newAction.what))\(when)."
        case .editAction(let changed):
            return "The action \(quote(changed.what)) was changed."
        case .deleteAction(let id):
            return "The action \(action(id)) was deleted."
        case .setActionStatus(let id, let status):
            return "Looking back, \(action(id)) was marked \(statusWords(status))."
        case .showAnswersLive(let live):
            return live ? "The wall showed scores and answers as they came." : "The wall showed scores and answers together, once everyone had placed."
        case .setRoomOnlyDays(let days):
            return "Room-only stories were set to be forgotten \(Draw.days(days)) after the workshop was last open, if it was not finished by then."
        case .noteActionOutcome(let id, let note, let day):
            return "Looking back, on \(day), what happened with \(action(id)) was noted: \(quote(note))."
        case .undo:
            return "The last change was undone."
        case .redo:
            return "The change was put back (redo)."
        case .moveTo(let step, let guards, let reason):
            var text = "The workshop moved to \(WorkshopFlow.describe(step))"
            if let reason, !guards.isEmpty { text += ", going on although not everything was done: \(reason)" }
            return text + "."
        case .finishWorkshop:
            return "The workshop was finished."
        }
    }

    public static func statusWords(_ status: ActionStatus) -> String {
        switch status {
        case .planned: return "planned"
        case .done: return "done"
        case .notDone: return "not done"
        case .dropped: return "dropped"
        }
    }

    static func consentWords(_ consent: Consent) -> String {
        switch consent {
        case .roomOnly: return "for the room only"
        case .keep: return "kept, not shared"
        case .share: return "may be shared"
        }
    }

    static func consentNote(_ consent: Consent?) -> String {
        switch consent {
        case nil: return ""
        case .roomOnly: return " (for the room only)"
        case .keep: return " (kept, not shared)"
        case .share: return " (may be shared)"
        }
    }

    static func perspectiveWords(_ perspective: Perspective) -> String {
        switch perspective {
        case .lived: return "someone who uses services"
        case .carer: return "a family carer"
        case .frontline: return "front-line staff"
        case .manager: return "someone who runs services"
        case .commissioner: return "someone who plans services"
        case .other: return "another way"
        case .private: return "not said"
        }
    }

    static func listed(_ names: [String]) -> String {
        switch names.count {
        case 0: return ""
        case 1: return names[0]
        default: return names.dropLast().joined(separator: ", ") + " and " + names.last!
        }
    }
}
