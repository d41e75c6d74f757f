import Foundation
import Workshop

/// The Markdown report of a session: something a person can read, print or email.
///
/// It is given a session already prepared by `SessionExport.prepare` (stories not shared are gone,
/// names replaced when anonymising) and shows only what that session holds. Every piece of text
/// people typed goes through `Markdown`, so it can never add a heading, a list, a link or a column.
public enum MarkdownReport {

    public static func render(_ session: Session, principles: PrinciplesFile? = nil) -> String {
        let record = session.record
        var out: [String] = []
        func add(_ line: String = "") { out.append(line) }

        add("# " + nonEmpty(Markdown.inline(session.title), or: "A Campfire workshop"))
        add()
        add("- Date: " + ExportWords.date(session.createdAt))
        if let group = session.group, !Markdown.inline(group).isEmpty { add("- Group: " + Markdown.inline(group)) }
        if let facilitator = session.facilitator, !Markdown.inline(facilitator).isEmpty, facilitator != Pseudonyms.facilitator {
            add("- Facilitator: " + Markdown.inline(facilitator))
        }
        add("- People taking part: \(record.participants.count)")
        if session.isPractice { add("- This was a practice session.") }
        add()

        // The goal and how people responded.
        add("## Our goal")
        add()
        if let goal = record.agreedGoal {
            add(nonEmpty(Markdown.paragraph(goal.text), or: "(no words)"))
            add()
            if let draft = record.draft(goal.draft) {
                add("How people responded: " + responseCounts(draft) + ".")
                add()
            }
            if let reason = goal.overrideReason, !Markdown.inline(reason).isEmpty {
                add("Someone disagreed, and the goal was agreed anyway. The reason given:")
                add()
                add(Markdown.paragraph(reason))
                add()
            }
        } else {
            add("The group has not agreed a goal yet.")
            add()
            let open = record.openDrafts
            if !open.isEmpty {
                add("Wordings that were suggested:")
                add()
                for draft in open {
                    add("- " + nonEmpty(Markdown.inline(draft.text), or: "(no words)") + " (" + responseCounts(draft) + ")")
                }
                add()
            }
        }

        // The principle board.
        add("## The four principles")
        add()
        add(Markdown.row(["Principle", "Stage we agreed", "Our score", "What shows it"]))
        add("| --- | --- | --- | --- |")
        for id in PrincipleID.allCases {
            let score = record.score(for: id)
            var stage = "not agreed yet"
            if let agreed = score.agreedStage {
                stage = "\(agreed) of 4"
                if let name = ExportWords.stageName(id, agreed, principles) { stage += ": " + Markdown.inline(name) }
            }
            let rag = score.rag.map { "\($0.word) \($0.symbol)" } ?? "not scored yet"
            add(Markdown.row([Markdown.inline(ExportWords.principleName(id, principles)), stage, rag, Markdown.inline(score.evidence)]))
        }
        add()
        add("Scores: RED ■ means there is a lot to change, AMBER ▲ that a start has been made, GREEN ● that it is working well.")
        add()

        // Stories that may be shared.
        add("## Stories shared with permission")
        add()
        let stories = record.stories.filter { $0.mayBeShared }
        if stories.isEmpty {
            add("No stories were agreed for sharing outside the room.")
            add()
        }
        for story in stories {
            add("### " + nonEmpty(Markdown.inline(story.title), or: "A story"))
            add()
            if !Markdown.inline(story.whatHappened).isEmpty {
                add("What happened: " + Markdown.paragraph(story.whatHappened))
                add()
            }
            if !Markdown.inline(story.smallThing).isEmpty {
                add("The small thing that made a big difference: " + Markdown.paragraph(story.smallThing))
                add()
            }
        }

        // Ideas.
        add("## Ideas")
        add()
        if record.ideas.isEmpty {
            add("No ideas were written down.")
            add()
        } else {
            add(Markdown.row(["Idea", "Dots", "Principles it helps", "Chosen"]))
            add("| --- | --: | --- | --- |")
            for idea in record.ideasByVotes {
                let helps = idea.principles.sorted().map { Markdown.inline(ExportWords.principleName($0, principles)) }.joined(separator: ", ")
                add(Markdown.row([Markdown.inline(idea.text), "\(idea.totalVotes)", helps, record.chosenIdeas.contains(idea.id) ? "yes" : ""]))
            }
            add()
        }

        // The action plan.
        add("## Action plan")
        add()
        if record.actions.isEmpty {
            add("No actions were planned.")
            add()
        } else {
            add(Markdown.row(["What", "Who", "When", "How"]))
            add("| --- | --- | --- | --- |")
            for action in record.actions {
                let who = action.who.map { Markdown.inline(record.name(of: $0)) }.joined(separator: ", ")
                let when = action.when.map { ExportWords.day($0) } ?? "no date set"
                add(Markdown.row([Markdown.inline(action.what), who, when, Markdown.inline(action.how)]))
            }
            add()
        }
        return out.joined(separator: "\n")
    }

    private static func responseCounts(_ draft: GoalDraft) -> String {
        ConsensusResponse.allCases.map { "\(draft.count(of: $0)) \(ExportWords.response($0))" }.joined(separator: ", ")
    }

    private static func nonEmpty(_ text: String, or fallback: String) -> String {
        text.isEmpty ? fallback : text
    }
}
