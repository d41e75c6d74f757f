import Foundation
import TerminalUI
import Workshop

/// The room's view: no controls, no private notes, no jargon warnings; large and high-contrast.
public enum ProjectorScreen {
    public static let minimumWidth = 30
    public static let minimumHeight = 10

    /// Draws the projector view of a session into the whole grid.
    public static func render(session: Session, content: ContentLibrary, now: Date, into grid: inout Grid, consensusDraft: GoalDraftID? = nil) {
        guard grid.width >= minimumWidth, grid.height >= minimumHeight else {
            ConsoleScreen.tooSmall(into: &grid, minimumWidth: minimumWidth, minimumHeight: minimumHeight)
            return
        }
        let step = session.step
        let prompt = content.prompts.prompt(for: step.stage)
        let area = grid.area.inset(horizontal: grid.width >= 100 ? 4 : 2, vertical: grid.height >= 40 ? 1 : 0)
        var y = area.y
        let heading = step.principle.flatMap { content.principles.guide($0)?.shortName } ?? prompt.title
        // Big letters from 80x24 up whenever they fit across; a bar otherwise.
        if area.height >= 24, BigText.width(of: heading) <= area.width {
            for line in BigText.lines(heading) {
                grid.write(line, x: area.x + (area.width - TextWidth.of(line)) / 2, y: y, style: Style(.bigLetters))
                y += 1
            }
            y += 1
        } else {
            grid.fill(Rect(x: 0, y: y, width: grid.width, height: 1), style: Style(.title, reverse: true))
            Draw.line(heading.uppercased(), x: area.x, y: y, width: area.width, grid: &grid, style: Style(.title, bold: true, reverse: true))
            y += 2
        }
        let question = step.principle.flatMap { content.principles.guide($0)?.question } ?? prompt.question
        y += Draw.paragraph(question, in: Rect(x: area.x, y: y, width: area.width, height: 3), grid: &grid, style: Style(.accent, bold: true), maxRows: 3)
        y += 1
        let footerY = grid.height - 1
        let body = Rect(x: area.x, y: y, width: area.width, height: max(footerY - y - 1, 0))
        let large = grid.height >= 40
        ProjectorStages.render(session: session, content: content, now: now, in: body, grid: &grid, large: large, consensusDraft: consensusDraft)
        footer(session, now: now, y: footerY, width: grid.width, grid: &grid)
    }

    private static func footer(_ session: Session, now: Date, y: Int, width: Int, grid: inout Grid) {
        let title = TextLayout.sanitize(session.title)
        var timer = ""
        if let box = session.timeBoxSeconds {
            let left = box - session.elapsedInTimeBox(now: now)
            timer = left >= 0 ? "\(Int((left / 60).rounded(.up))) min left" : "time is up — \(Draw.duration(-left)) over"
            grid.write(timer, x: max(width - TextWidth.of(timer) - 1, 0), y: y, style: Style(left >= 0 ? .muted : .overrun, bold: left < 0))
        }
        // The title has the whole row but the timer and a gap of three.
        let room = width - 1 - (timer.isEmpty ? 1 : TextWidth.of(timer) + 4)
        WallText.paragraph(WallText.Piece(text: title, style: Style(.muted)), x: 1, y: y, width: room, maxY: y + 1, grid: &grid)
    }
}

/// The body of the projector view for each stage.
enum ProjectorStages {
    static func hereToday(_ record: WorkshopRecord) -> WallText.Piece {
        WallText.Piece(text: "Here today: " + record.present.map(\.name).joined(separator: " · "), style: Style(.highlight, bold: true))
    }

    static func render(session: Session, content: ContentLibrary, now: Date, in rect: Rect, grid: inout Grid, large: Bool, consensusDraft: GoalDraftID?) {
        guard rect.height > 0 else { return }
        let record = session.record
        let gap = large ? 1 : 0
        let bold = Style(.text, bold: true)
        switch session.step.stage {
        case .welcome:
            // A rule the group added that is already on the list is said once.
            var seen = Set<String>()
            let points = (content.prompts.prompt(for: .welcome).points + content.prompts.groundRules + record.groundRules)
                .filter { seen.insert($0.lowercased().trimmingCharacters(in: .whitespaces)).inserted }
            let here = record.present.isEmpty ? 0 : 1 + WallText.height(of: [hereToday(record)], width: rect.width)
            let y = WallText.entries(points.map { [WallText.Piece(text: "• " + $0, style: bold, indent: 0)] },
                                     in: Rect(x: rect.x, y: rect.y, width: rect.width, height: max(rect.height - here, 1)),
                                     gap: gap, grid: &grid, noun: { $0 == 1 ? "rule" : "rules" })
            if !record.present.isEmpty, y + 1 < rect.maxY {
                WallText.paragraph(hereToday(record), x: rect.x, y: y + 1, width: rect.width, maxY: rect.maxY, grid: &grid)
            }
        case .storytelling:
            var y = rect.y
            if let teller = record.round.currentTeller {
                y += WallText.paragraph(WallText.Piece(text: "▶ Now speaking: \(record.name(of: teller))", style: Style(.highlight, bold: true)), x: rect.x, y: y, width: rect.width, maxY: min(y + 2, rect.maxY), grid: &grid) + 1
            }
            let stories = record.stories.map { story -> [WallText.Piece] in
                let teller = story.teller.map { record.name(of: $0) } ?? "Someone"
                var pieces = [WallText.Piece(text: "\(teller): \(story.title)", style: bold)]
                if !story.smallThing.isEmpty { pieces.append(WallText.Piece(text: "The small thing: \(story.smallThing)", style: Style(.accent), indent: 2)) }
                return pieces
            }
            WallText.entries(stories, in: Rect(x: rect.x, y: y, width: rect.width, height: max(rect.maxY - y, 0)), gap: gap, grid: &grid, newestLast: true, noun: { $0 == 1 ? "story" : "stories" })
        case .goal:
            var y = rect.y
            if let agreed = record.agreedGoal {
                y += WallText.paragraph(WallText.Piece(text: "✓ Our goal: \(agreed.text)", style: Style(.good, bold: true)), x: rect.x, y: y, width: rect.width, maxY: rect.maxY, grid: &grid) + 1
            }
            let drafts = (consensusDraft.flatMap { record.draft($0) }.map { [$0] } ?? record.openDrafts).filter { record.agreedGoal?.draft != $0.id }
            let words = content.prompts.consensus
            let entries = drafts.map { draft -> [WallText.Piece] in
                // Answers are shown together once everyone present has answered (unless live).
                let answered = record.present.filter { draft.responses[$0.id] != nil }.count
                let tally = session.showsAnswersLive != true && answered > 0 && answered < record.present.count
                    ? "\(answered) of \(record.present.count) have answered"
                    : "✓ \(draft.count(of: .agree)) \(words.agree)   ~ \(draft.count(of: .canLiveWith)) \(words.canLive)   ✗ \(draft.count(of: .disagree)) \(words.disagree)"
                return [WallText.Piece(text: "“\(draft.text)”", style: bold), WallText.Piece(text: tally, style: Style(.muted), indent: 3)]
            }
            WallText.entries(entries, in: Rect(x: rect.x, y: y, width: rect.width, height: max(rect.maxY - y, 0)), gap: gap, grid: &grid, noun: { $0 == 1 ? "wording" : "wordings" })
        case .principles:
            guard let principle = session.step.principle, let phase = session.step.phase else { return }
            let guide = content.principles.guide(principle)
            let score = record.score(for: principle)
            switch phase {
            case .explain:
                var y = rect.y
                // The explanation may take all but the four stages' rows.
                y += WallText.paragraph(WallText.Piece(text: guide?.explanation ?? "", style: bold), x: rect.x, y: y, width: rect.width, maxY: max(rect.maxY - 5, y + 2), grid: &grid) + 1
                for stage in guide?.stages ?? [] where y < rect.maxY {
                    Draw.line("\(stage.stage)  \(stage.name)", x: rect.x, y: y, width: rect.width, grid: &grid, style: Style(.heading, bold: true))
                    y += 1
                    if large, y < rect.maxY, let sign = stage.signs.first {
                        Draw.line("   \(sign)", x: rect.x, y: y, width: rect.width, grid: &grid, style: Style(.muted))
                        y += 1
                    }
                }
            case .score:
                let placed = record.present.filter { score.scores[$0.id] != nil }.count
                if session.showsAnswersLive != true, placed < record.present.count {
                    Reveal.waiting(placed: placed, of: record.present.count, verb: "have placed their stage", in: rect, grid: &grid)
                } else {
                    SpreadChart.render(score: score, record: record, content: content, in: rect, grid: &grid, large: large, wall: true)
                }
            case .agree:
                var y = rect.y
                let stageName = score.agreedStage.flatMap { guide?.stage($0)?.name } ?? "not agreed yet"
                Draw.line("Stage \(score.agreedStage.map(String.init) ?? "–"): \(stageName)", x: rect.x, y: y, width: rect.width, grid: &grid, style: Style(.heading, bold: true))
                y += 1 + gap
                Draw.line(Draw.rag(score.rag), x: rect.x, y: y, width: rect.width, grid: &grid, style: Style(Draw.role(for: score.rag), bold: true))
                y += 2
                if y < rect.maxY {
                    let evidence = score.evidence.isEmpty ? (content.principles.evidenceQuestion) : "Evidence: \(score.evidence)"
                    WallText.paragraph(WallText.Piece(text: evidence, style: Style(.text)), x: rect.x, y: y, width: rect.width, maxY: rect.maxY, grid: &grid)
                }
            }
        case .ideas:
            let columns = rect.width >= 100 ? 2 : 1
            let columnRects = rect.columns(columns, gap: 4)
            let ideas = record.ideas.map { [WallText.Piece(text: "• \($0.text)", style: bold, indent: 0)] }
            // Fill the first column, then the second with the rest.
            var first = 0
            var used = 0
            for idea in ideas {
                let needed = WallText.height(of: idea, width: columnRects[0].width) + (first > 0 ? gap : 0)
                if used + needed > rect.height { break }
                used += needed
                first += 1
            }
            if columns == 1 || first >= ideas.count {
                WallText.entries(ideas, in: columnRects[0], gap: gap, grid: &grid, noun: { $0 == 1 ? "idea" : "ideas" })
            } else {
                WallText.entries(Array(ideas.prefix(first)), in: columnRects[0], gap: gap, grid: &grid, noun: { $0 == 1 ? "idea" : "ideas" })
                WallText.entries(Array(ideas.dropFirst(first)), in: columnRects[1], gap: gap, grid: &grid, noun: { $0 == 1 ? "idea" : "ideas" })
            }
        case .choose:
            let entries = record.ideasByVotes.map { idea -> [WallText.Piece] in
                let chosen = record.chosenIdeas.contains(idea.id)
                let dots = String(repeating: "●", count: min(idea.totalVotes, 15))
                return [WallText.Piece(text: "\(chosen ? "★" : " ") \(dots.isEmpty ? "·" : dots)  \(idea.text)", style: Style(chosen ? .good : .text, bold: true))]
            }
            WallText.entries(entries, in: rect, gap: gap, grid: &grid, noun: { $0 == 1 ? "idea" : "ideas" })
        case .actions:
            if record.actions.isEmpty {
                WallText.paragraph(WallText.Piece(text: content.prompts.smallMovement, style: Style(.muted)), x: rect.x, y: rect.y, width: rect.width, maxY: rect.maxY, grid: &grid)
            }
            let entries = record.actions.map { action -> [WallText.Piece] in
                let who = action.who.map { record.name(of: $0) }.joined(separator: ", ")
                return [
                    WallText.Piece(text: "• \(action.what)", style: bold),
                    WallText.Piece(text: "\(who) · by \(action.when?.description ?? "–")\(action.how.isEmpty ? "" : " · \(action.how)")", style: Style(.accent), indent: 3),
                ]
            }
            WallText.entries(entries, in: rect, gap: gap, grid: &grid, noun: { $0 == 1 ? "action" : "actions" })
        case .close:
            // The thanks is the room's last words: wrapped to be read whole (up to three rows) at
            // the bottom, the summary above it.
            let thanks = TextLayout.wrap(TextLayout.sanitize(content.prompts.close.thanks), width: max(rect.width, 1))
            let rows = min(max(thanks.count, 1), 3, max(rect.height - 1, 1))
            Summary.render(session, content: content, in: Rect(x: rect.x, y: rect.y, width: rect.width, height: max(rect.height - rows, 0)), grid: &grid, large: large)
            for (index, line) in thanks.prefix(rows).enumerated() {
                let last = index == rows - 1 && thanks.count > rows
                Draw.line(last ? thanks.dropFirst(index).joined(separator: " ") : line, x: rect.x, y: rect.maxY - rows + index,
                          width: rect.width, grid: &grid, style: Style(.accent, bold: true))
            }
        }
    }
}

/// What the wall shows while the group is still placing: how many have, and nothing of what.
enum Reveal {
    static func waiting(placed: Int, of total: Int, verb: String, in rect: Rect, grid: inout Grid) {
        guard rect.height > 0 else { return }
        let count = "\(placed) of \(total)"
        var y = rect.y + (rect.height >= 12 ? 1 : 0)
        if rect.height >= BigText.height + 3, BigText.width(of: count) <= rect.width {
            for line in BigText.lines(count) {
                grid.write(line, x: rect.x, y: y, style: Style(.bigLetters))
                y += 1
            }
            y += 1
        }
        WallText.paragraph(WallText.Piece(text: "\(count) \(verb). Everyone's answer is shown together once all have.", style: Style(.accent, bold: true)), x: rect.x, y: y, width: rect.width, maxY: rect.maxY, grid: &grid)
    }
}
