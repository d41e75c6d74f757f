import Foundation

/// Where a piece of captured text lives, so its final wording can be found again.
public enum JargonItem: Codable, Hashable, Sendable, CustomStringConvertible {
    case story(StoryID)
    case goal(GoalDraftID)
    case idea(IdeaID)
    case action(ActionID)
    case evidence(PrincipleID)

    public var description: String {
        switch self {
        case .story(let id): return "story \(id)"
        case .goal(let id): return "goal wording \(id)"
        case .idea(let id): return "idea \(id)"
        case .action(let id): return "action \(id)"
        case .evidence(let principle): return "evidence for \(principle.displayName)"
        }
    }
}

/// A glossary term seen in a piece of text at some moment.
public struct JargonSighting: Codable, Hashable, Sendable {
    public var item: JargonItem
    /// The glossary term, lower case.
    public var term: String

    public init(item: JargonItem, term: String) {
        self.item = item
        self.term = term
    }
}

/// How the jargon that appeared ended up.
public struct JargonTally: Equatable, Sendable {
    /// Terms that appeared and are no longer in their item's final wording.
    public var caught: [JargonSighting]
    /// Terms still in the final wording.
    public var missed: [JargonSighting]
    /// Terms whose item was deleted: neither caught nor missed, because deleting is not translating.
    public var gone: [JargonSighting]
}

/// Every glossary term that appeared in captured text, whichever version of the text it was in.
///
/// A snapshot only holds the final words, so "caught" needs history: the trail is fed every
/// event (the simulator does this as the run goes; for a real session replay its journal with
/// `init(replaying:glossary:)`). A term counts once per item, however often it was typed.
public struct JargonTrail: Codable, Equatable, Sendable {
    public private(set) var sightings: [JargonSighting] = []

    public init() {}

    /// The trail of a list of events, such as a session's journal.
    public init(replaying events: [SessionEvent], glossary: Glossary) {
        for event in events { note(event, glossary: glossary) }
    }

    /// Records the glossary terms in the text an event carries.
    public mutating func note(_ event: SessionEvent, glossary: Glossary) {
        switch event {
        case .addStory(let story), .editStory(let story):
            add(.story(story.id), [story.title, story.whatHappened, story.smallThing], glossary)
        case .proposeGoal(let draft):
            add(.goal(draft.id), [draft.text], glossary)
        case .editGoal(let id, let text):
            add(.goal(id), [text], glossary)
        case .mergeGoals(_, let draft):
            add(.goal(draft.id), [draft.text], glossary)
        case .addIdea(let idea):
            add(.idea(idea.id), [idea.text], glossary)
        case .editIdea(let id, let text, _):
            add(.idea(id), [text], glossary)
        case .addAction(let action), .editAction(let action):
            add(.action(action.id), [action.what, action.how], glossary)
        case .agreePrinciple(let principle, _, _, let evidence):
            add(.evidence(principle), [evidence], glossary)
        default:
            break
        }
    }

    private mutating func add(_ item: JargonItem, _ texts: [String], _ glossary: Glossary) {
        for text in texts {
            for match in glossary.matches(in: text) {
                let sighting = JargonSighting(item: item, term: match.entry.term)
                if !sightings.contains(sighting) { sightings.append(sighting) }
            }
        }
    }

    /// Sorts each sighting into caught, missed or gone, against the record's final wording.
    public func tally(in record: WorkshopRecord, glossary: Glossary) -> JargonTally {
        var tally = JargonTally(caught: [], missed: [], gone: [])
        for sighting in sightings {
            guard let text = JargonTrail.finalText(of: sighting.item, in: record) else {
                tally.gone.append(sighting)
                continue
            }
            if glossary.matches(in: text).contains(where: { $0.entry.term == sighting.term }) {
                tally.missed.append(sighting)
            } else {
                tally.caught.append(sighting)
            }
        }
        return tally
    }

    /// The text of an item as it stands; a goal wording merged into another is judged by the merged wording.
    static func finalText(of item: JargonItem, in record: WorkshopRecord) -> String? {
        switch item {
        case .story(let id):
            return record.story(id).map { [$0.title, $0.whatHappened, $0.smallThing].joined(separator: "\n") }
        case .goal(var id):
            var seen = Set<GoalDraftID>()
            while let draft = record.draft(id), seen.insert(id).inserted {
                guard let next = draft.mergedInto else { return draft.text }
                id = next
            }
            return nil
        case .idea(let id):
            return record.idea(id)?.text
        case .action(let id):
            return record.action(id).map { $0.what + "\n" + $0.how }
        case .evidence(let principle):
            let evidence = record.score(for: principle).evidence
            return evidence.isEmpty ? nil : evidence
        }
    }
}
