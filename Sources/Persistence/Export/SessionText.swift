import Foundation
import Workshop

/// Every piece of free text in a session, in one place, so that anonymising and erasing
/// cannot forget a field.
public enum SessionText {

    /// The session with `change` applied to every piece of free text people typed:
    /// the title and group, the plan's title and description, override reasons, access needs, stories, goal wordings and the agreed
    /// goal with its override reason, evidence, ideas, actions and ground rules.
    /// Names in the participant list and the facilitator field are not touched here.
    public static func rewrite(_ session: Session, _ change: (String) -> String) -> Session {
        var copy = session
        copy.title = change(session.title)
        copy.group = session.group.map(change)
        copy.template.title = change(session.template.title)
        copy.template.description = change(session.template.description)
        copy.overrides = session.overrides.map { item in
            var item = item
            item.reason = change(item.reason)
            return item
        }
        copy.record = rewrite(session.record, change)
        return copy
    }

    /// The record with `change` applied to every piece of free text (not the names in the list of people).
    public static func rewrite(_ record: WorkshopRecord, _ change: (String) -> String) -> WorkshopRecord {
        var copy = record
        copy.participants = record.participants.map { person in
            var person = person
            person.accessNeeds = change(person.accessNeeds)
            return person
        }
        copy.stories = record.stories.map { story in
            var story = story
            story.title = change(story.title)
            story.whatHappened = change(story.whatHappened)
            story.smallThing = change(story.smallThing)
            return story
        }
        copy.goalDrafts = record.goalDrafts.map { draft in
            var draft = draft
            draft.text = change(draft.text)
            return draft
        }
        if var goal = record.agreedGoal {
            goal.text = change(goal.text)
            goal.overrideReason = goal.overrideReason.map(change)
            copy.agreedGoal = goal
        }
        copy.principles = record.principles.map { score in
            var score = score
            score.evidence = change(score.evidence)
            return score
        }
        copy.ideas = record.ideas.map { idea in
            var idea = idea
            idea.text = change(idea.text)
            return idea
        }
        copy.actions = record.actions.map { action in
            var action = action
            action.what = change(action.what)
            action.how = change(action.how)
            return action
        }
        copy.groundRules = record.groundRules.map(change)
        return copy
    }
}
