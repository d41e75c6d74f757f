import Foundation
import Persistence
import Plot
import Workshop

/// The report as one web page to print or pin on the wall: the goal, the board of the four
/// principles as pictures, the stories that may be shared, the ideas, the action plan and, for a
/// group that met before, each principle over time.
///
/// One self-contained file: its style is inside it, its pictures are SVG inside it, it loads
/// nothing and runs no script. It is given a session already prepared by
/// `SessionExport.prepare`, so stories not shared are gone and, with `--anonymise`, names are
/// replaced, exactly as for every other format.
public enum HTMLReport {
    typealias Body = Node<HTML.BodyContext>

    /// - Parameters:
    ///   - session: a session prepared by `SessionExport.prepare`.
    ///   - history: the group's earlier workshops (see `GroupHistory.of`); without one, no "over time" section.
    public static func render(_ session: Session, history: GroupHistory? = nil, principles: PrinciplesFile? = nil) -> String {
        let record = session.record
        let title = MarkedText.plain(session.title).trimmingCharacters(in: .whitespaces).isEmpty ? "A Campfire workshop" : session.title
        let sections: [Body] = [
            heading(session, title: title),
            board(record, principles: principles),
            stories(record),
            ideas(record, principles: principles),
            actions(record),
        ] + ((history?.hasEarlierWorkshops ?? false) ? [overTime(history!, principles: principles)] : [])

        let page = HTML(
            .lang(.english),
            .attribute(named: "dir", value: "ltr"),
            .head(
                .encoding(.utf8),
                .viewport(.accordingToDevice),
                .element(named: "title", nodes: [.raw(MarkedText.escaped(MarkedText.plain(title)))]),
                .style(PageStyle.report)
            ),
            .body(.main(.group(sections)))
        )
        return page.render() + "\n"
    }

    // MARK: - Sections

    /// The first page: title, the facts and the goal.
    static func heading(_ session: Session, title: String) -> Body {
        let record = session.record
        var facts: [Node<HTML.DescriptionListContext>] = [.dt("Date"), .dd(.text(longDate(session.createdAt)))]
        if let group = session.group, !MarkedText.plain(group).trimmingCharacters(in: .whitespaces).isEmpty {
            facts += [.dt("Group"), .dd(MarkedText.node(group))]
        }
        if let facilitator = session.facilitator, !MarkedText.plain(facilitator).trimmingCharacters(in: .whitespaces).isEmpty,
           facilitator != Pseudonyms.facilitator {
            facts += [.dt("Facilitator"), .dd(MarkedText.node(facilitator))]
        }
        facts += [.dt("People taking part"), .dd(.text("\(record.participants.count)"))]

        var goal: [Body] = [.h2("Our goal")]
        if let agreed = record.agreedGoal {
            goal.append(.p(.class("goal"), MarkedText.node(agreed.text, keepLines: true)))
            if let draft = record.draft(agreed.draft) {
                goal.append(.p(.text("How people responded: " + responses(draft) + ".")))
            }
            if let reason = agreed.overrideReason, !MarkedText.plain(reason).trimmingCharacters(in: .whitespaces).isEmpty {
                goal.append(.p(.text("Someone disagreed, and the goal was agreed anyway. The reason given: "), MarkedText.node(reason, keepLines: true)))
            }
        } else {
            goal.append(.p("The group has not agreed a goal yet."))
            let open = record.openDrafts
            if !open.isEmpty {
                goal.append(.p("Wordings that were suggested:"))
                goal.append(.ul(.group(open.map { draft in .li(MarkedText.node(draft.text), .text(" (" + responses(draft) + ")")) })))
            }
        }

        return .section(.class("first"), .id("goal"),
                        .h1(MarkedText.node(title)),
                        .dl(.class("facts"), .group(facts)),
                        .if(session.isPractice, .p("This was a practice session.")),
                        .group(goal))
    }

    static func board(_ record: WorkshopRecord, principles: PrinciplesFile?) -> Body {
        let scores = PrincipleID.allCases.map { record.score(for: $0) }
        return .section(.id("principles"),
            .h2("The four principles"),
            .p("For each principle: the stage the group agreed (1 to 4), the score, and how people placed it. Scores: RED ■ means there is a lot to change, AMBER ▲ that a start has been made, GREEN ● that it is working well."),
            .div(.class("board"), .group(scores.map { score in
                .element(named: "figure", nodes: [PrincipleBoard.picture(score, record: record, principles: principles)])
            })),
            table(caption: "The four principles in words",
                  headers: ["Principle", "Stage we agreed", "Our score", "What shows it", "How people placed it"],
                  rows: scores.map { score in
                      [.text(ExportNames.principle(score.principle, principles)),
                       .text(PrincipleBoard.stageWords(score, principles)),
                       ragCell(score.rag),
                       MarkedText.node(score.evidence, keepLines: true),
                       .text(PrincipleBoard.spreadWords(PrincipleBoard.spread(score, record: record)))]
                  })
        )
    }

    static func stories(_ record: WorkshopRecord) -> Body {
        // Already filtered by SessionExport.prepare; filtered again so this page can never show
        // a story whose teller did not agree, whatever it is handed.
        let shared = record.stories.filter(\.mayBeShared)
        return .section(.id("stories"),
            .h2("Stories shared with permission"),
            .if(shared.isEmpty, .p("No stories were agreed for sharing outside the room.")),
            .group(shared.map { story in
                .article(.class("story"),
                    .h3(MarkedText.plain(story.title).trimmingCharacters(in: .whitespaces).isEmpty ? .text("A story") : MarkedText.node(story.title)),
                    .if(!blank(story.whatHappened), .p(.strong("What happened: "), MarkedText.node(story.whatHappened, keepLines: true))),
                    .if(!blank(story.smallThing), .p(.strong("The small thing that made a big difference: "), MarkedText.node(story.smallThing, keepLines: true)))
                )
            })
        )
    }

    static func ideas(_ record: WorkshopRecord, principles: PrinciplesFile?) -> Body {
        .section(.id("ideas"),
            .h2("Ideas"),
            record.ideas.isEmpty ? .p("No ideas were written down.") :
                table(caption: "Ideas, most dots first", headers: ["Idea", "Dots", "Principles it helps", "Chosen"],
                      rows: record.ideasByVotes.map { idea in
                          [MarkedText.node(idea.text), .text("\(idea.totalVotes)"),
                           .text(idea.principles.sorted().map { ExportNames.principle($0, principles) }.joined(separator: ", ")),
                           .text(record.chosenIdeas.contains(idea.id) ? "yes" : "no")]
                      })
        )
    }

    static func actions(_ record: WorkshopRecord) -> Body {
        .section(.id("actions"),
            .h2("Action plan"),
            record.actions.isEmpty ? .p("No actions were planned.") :
                table(caption: "What we will do", headers: ["What", "Who", "By when", "How"],
                      rows: record.actions.map { action in
                          [MarkedText.node(action.what, keepLines: true),
                           names(action.who.map { record.name(of: $0) }),
                           .text(day(action.when)),
                           MarkedText.node(action.how, keepLines: true)]
                      })
        )
    }

    static func overTime(_ history: GroupHistory, principles: PrinciplesFile?) -> Body {
        let points = TrendChart.shown(history)
        let left = history.points.count - points.count
        return .section(.id("over-time"),
            .h2("Over time"),
            .p(.text("Each principle at each of this group's workshops (practice runs left out): the stage agreed, and the score."
                     + (left > 0 ? " The latest \(points.count) of \(history.points.count) workshops are shown." : ""))),
            .div(.class("board"), .group(PrincipleID.allCases.map { principle in
                .element(named: "figure", nodes: [TrendChart.picture(principle, history: history, principles: principles)])
            })),
            table(caption: "Over time in words",
                  headers: ["Principle"] + points.map { TrendChart.longDate($0.date) + ($0.isThisWorkshop ? " (this workshop)" : "") },
                  rows: PrincipleID.allCases.map { principle in
                      [.text(ExportNames.principle(principle, principles))] + points.map { .text(TrendChart.cell(principle, $0)) }
                  })
        )
    }

    // MARK: - Pieces

    /// A table with a caption and column headers, in a box that scrolls sideways on a narrow screen.
    static func table(caption: String, headers: [String], rows: [[Body]]) -> Body {
        .div(.class("table-box"),
            .table(
                .caption(.text(caption)),
                .thead(.tr(.group(headers.map { .th(.attribute(named: "scope", value: "col"), .text($0)) }))),
                .tbody(.group(rows.map { cells in
                    .tr(.group(cells.enumerated().map { index, cell in
                        index == 0 ? .th(.attribute(named: "scope", value: "row"), cell) : .td(cell)
                    }))
                }))
            ))
    }

    static func ragCell(_ rag: RAG?) -> Body {
        guard let rag else { return .text("not scored yet") }
        return .span(.class("rag rag-\(rag.rawValue)"), .text("\(rag.word) \(rag.symbol)"))
    }

    /// Names joined with commas, each marked with its own language and direction and never
    /// broken across lines (Chinese may otherwise break between any two characters).
    static func names(_ names: [String]) -> Body {
        .group(names.enumerated().map { index, name in
            .group(.span(.class("name"), MarkedText.node(name)), .text(index == names.count - 1 ? "" : ", "))
        })
    }

    static func responses(_ draft: GoalDraft) -> String {
        ConsensusResponse.allCases.map { response in
            let word: String
            switch response {
            case .agree: word = "agree"
            case .canLiveWith: word = "can live with it"
            case .disagree: word = "disagree"
            }
            return "\(draft.count(of: response)) \(word)"
        }.joined(separator: ", ")
    }

    static func blank(_ text: String) -> Bool {
        MarkedText.plain(text).trimmingCharacters(in: .whitespaces).isEmpty
    }

    static func longDate(_ date: Date) -> String { TrendChart.longDate(date) }

    static func day(_ day: Day?) -> String {
        guard let day, let date = day.date else { return "no date set" }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEEE d MMMM yyyy"
        return formatter.string(from: date)
    }
}
