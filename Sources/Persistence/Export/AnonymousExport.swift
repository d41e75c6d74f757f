import Foundation
import Workshop

/// What an anonymised export leaves out or blurs, beyond replacing names (see docs/privacy.md).
///
/// Names alone are not enough: in a group of five, a perspective, an access need, a story's
/// teller or one person's scores each point at one person. So an anonymised export:
/// - drops access needs (the only free-text note about a person) and who told each story;
/// - gives each person an id made from their pseudonym (`person-3`), in pseudonym order, so ids
///   and list order no longer follow the order people were added;
/// - shows a perspective only when at least `minimumGroup` people share it (others are "other",
///   and if that leaves fewer than `minimumGroup` people as "other", the smallest groups join them);
/// - replaces each person's own scores with how many people placed each stage (`scoreCounts`);
/// - leaves out the turns with the talking stick (who spoke when, and for how long).
public enum AnonymousExport {
    /// The fewest people a perspective is shown for.
    public static let minimumGroup = 3

    /// How many people placed each stage (1-4) for each principle, with nobody named.
    public struct ScoreCount: Codable, Equatable, Sendable {
        public var principle: PrincipleID
        /// Stage ("1" … "4") to the number of people who placed it.
        public var people: [String: Int]
    }

    /// The perspective each person is shown with: their own if at least `minimumGroup` people
    /// share it, otherwise "other". "Not said" counts as a group of its own.
    public static func shownPerspectives(_ people: [Participant]) -> [ParticipantID: Perspective?] {
        var groups: [Perspective?: [ParticipantID]] = [:]
        for person in people { groups[person.perspective, default: []].append(person.id) }
        var shown = Set(groups.keys.filter { (groups[$0]?.count ?? 0) >= minimumGroup })
        func otherCount() -> Int {
            groups.filter { !shown.contains($0.key) }.reduce(0) { $0 + $1.value.count }
        }
        // Folded together, the rare ones must not be a tiny group that points at them.
        while (1..<minimumGroup).contains(otherCount()), let smallest = shown.min(by: { (groups[$0]?.count ?? 0, "\(String(describing: $0))") < (groups[$1]?.count ?? 0, "\(String(describing: $1))") }) {
            shown.remove(smallest)
        }
        var result: [ParticipantID: Perspective?] = [:]
        for (perspective, ids) in groups {
            for id in ids { result[id] = shown.contains(perspective) ? perspective : .other }
        }
        return result
    }

    /// How many people placed each stage, per principle (from the session before anonymising).
    public static func scoreCounts(_ session: Session) -> [ScoreCount] {
        session.record.principles.map { score in
            var people: [String: Int] = [:]
            for stage in score.scores.values { people["\(stage)", default: 0] += 1 }
            return ScoreCount(principle: score.principle, people: people)
        }
    }

    /// The session (names already replaced by `pseudonyms`) with everything above left out or blurred.
    public static func blur(_ session: Session, pseudonyms: Pseudonyms, perspectivesFrom original: [Participant]) -> Session {
        let shown = shownPerspectives(original)
        func id(_ old: ParticipantID) -> ParticipantID {
            pseudonyms.numbers[old].map { "person-\($0)" } ?? "person"
        }
        func ids<Value>(_ map: [ParticipantID: Value]) -> [ParticipantID: Value] {
            Dictionary(map.map { (id($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        }
        var copy = session
        var record = copy.record
        record.participants = record.participants
            .sorted { (pseudonyms.numbers[$0.id] ?? .max) < (pseudonyms.numbers[$1.id] ?? .max) }
            .map { person in
                var person = person
                person.perspective = shown[person.id] ?? .other
                person.accessNeeds = ""
                person.id = id(person.id)
                return person
            }
        record.stories = record.stories.map { story in
            var story = story
            story.teller = nil
            return story
        }
        record.round = StoryRound()
        record.goalDrafts = record.goalDrafts.map { draft in
            var draft = draft
            draft.proposedBy = draft.proposedBy.map(id)
            draft.responses = ids(draft.responses)
            return draft
        }
        record.principles = record.principles.map { score in
            var score = score
            score.scores = [:]
            return score
        }
        record.ideas = record.ideas.map { idea in
            var idea = idea
            idea.proposedBy = idea.proposedBy.map(id)
            idea.votes = ids(idea.votes)
            return idea
        }
        record.actions = record.actions.map { action in
            var action = action
            action.who = action.who.map(id)
            return action
        }
        copy.record = record
        return copy
    }
}
