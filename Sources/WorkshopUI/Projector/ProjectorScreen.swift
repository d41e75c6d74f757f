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
                grid.write(line, x: area.x + (area.width - TextWidth.of(line)) / 2, y: y, style: Style(.heading, bold: true))
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
        Draw.line(title, x: 1, y: y, width: width / 2, grid: &grid, style: Style(.muted))
        guard let box = session.timeBoxSeconds else { return }
        let left = box - session.elapsedInTimeBox(now: now)
        let text = left >= 0 ? "\(Int((left / 60).rounded(.up))) min left" : "time is up — \(Int((-left / 60).rounded(.up))) min over"
        grid.write(text, x: max(width - TextWidth.of(text) - 1, 0), y: y, style: Style(left >= 0 ? .muted : .overrun, bold: left < 0))
    }
}

/// The body of the projector view for each stage.
enum ProjectorStages {
    static func render(session: Session, content: ContentLibrary, now: Date, in rect: Rect, grid: inout Grid, large: Bool, consensusDraft: GoalDraftID?) {
        guard rect.height > 0 else { return }
        let record = session.record
        let gap = large ? 1 : 0
        switch session.step.stage {
        case .welcome:
            var y = rect.y
            // A rule the group added that is already on the list is said once.
            var seen = Set<String>()
            let points = (content.prompts.prompt(for: .welcome).points + content.prompts.groundRules + record.groundRules)
                .filter { seen.insert($0.lowercased().trimmingCharacters(in: .whitespaces)).inserted }
            for point in points where y < rect.maxY - 2 {
                y += Draw.paragraph("• " + point, in: Rect(x: rect.x, y: y, width: rect.width, height: 2), grid: &grid, style: Style(.text, bold: true), maxRows: 2) + gap
            }
            if y < rect.maxY, !record.present.isEmpty {
                y += 1
                Draw.paragraph("Here today: " + record.present.map(\.name).joined(separator: " · "), in: Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y), grid: &grid, style: Style(.highlight, bold: true))
            }
        case .storytelling:
            var y = rect.y
            if let teller = record.round.currentTeller {
                Draw.line("▶ Now speaking: \(record.name(of: teller))", x: rect.x, y: y, width: rect.width, grid: &grid, style: Style(.highlight, bold: true))
                y += 2
            }
            for story in record.stories.suffix(max((rect.maxY - y) / (large ? 3 : 2), 1)) where y < rect.maxY {
                let teller = story.teller.map { record.name(of: $0) } ?? "Someone"
                Draw.line("\(teller): \(story.title)", x: rect.x, y: y, width: rect.width, grid: &grid, style: Style(.text, bold: true))
                y += 1
                if !story.smallThing.isEmpty, y < rect.maxY {
                    Draw.line("  The small thing: \(story.smallThing)", x: rect.x, y: y, width: rect.width, grid: &grid, style: Style(.accent))
                    y += 1
                }
                y += gap
            }
        case .goal:
            var y = rect.y
            if let agreed = record.agreedGoal {
                y += Draw.paragraph("✓ Our goal: \(agreed.text)", in: Rect(x: rect.x, y: y, width: rect.width, height: 4), grid: &grid, style: Style(.good, bold: true), maxRows: 4) + 1
            }
            let drafts = consensusDraft.flatMap { record.draft($0) }.map { [$0] } ?? record.openDrafts
            for draft in drafts where y < rect.maxY && record.agreedGoal?.draft != draft.id {
                y += Draw.paragraph("“\(draft.text)”", in: Rect(x: rect.x, y: y, width: rect.width, height: 3), grid: &grid, style: Style(.text, bold: true), maxRows: 3)
                if y < rect.maxY {
                    let words = content.prompts.consensus
                    Draw.line("   ✓ \(draft.count(of: .agree)) \(words.agree)   ~ \(draft.count(of: .canLiveWith)) \(words.canLive)   ✗ \(draft.count(of: .disagree)) \(words.disagree)", x: rect.x, y: y, width: rect.width, grid: &grid, style: Style(.muted))
                    y += 1 + gap
                }
            }
        case .principles:
            guard let principle = session.step.principle, let phase = session.step.phase else { return }
            let guide = content.principles.guide(principle)
            let score = record.score(for: principle)
            switch phase {
            case .explain:
                var y = rect.y
                y += Draw.paragraph(guide?.explanation ?? "", in: Rect(x: rect.x, y: y, width: rect.width, height: 5), grid: &grid, style: Style(.text, bold: true), maxRows: 5) + 1
                for stage in guide?.stages ?? [] where y < rect.maxY {
                    Draw.line("\(stage.stage)  \(stage.name)", x: rect.x, y: y, width: rect.width, grid: &grid, style: Style(.heading, bold: true))
                    y += 1
                    if large, y < rect.maxY, let sign = stage.signs.first {
                        Draw.line("   \(sign)", x: rect.x, y: y, width: rect.width, grid: &grid, style: Style(.muted))
                        y += 1
                    }
                }
            case .score:
                SpreadChart.render(score: score, record: record, content: content, in: rect, grid: &grid, large: large)
            case .agree:
                var y = rect.y
                let stageName = score.agreedStage.flatMap { guide?.stage($0)?.name } ?? "not agreed yet"
                Draw.line("Stage \(score.agreedStage.map(String.init) ?? "–"): \(stageName)", x: rect.x, y: y, width: rect.width, grid: &grid, style: Style(.heading, bold: true))
                y += 1 + gap
                Draw.line(Draw.rag(score.rag), x: rect.x, y: y, width: rect.width, grid: &grid, style: Style(Draw.role(for: score.rag), bold: true))
                y += 2
                if y < rect.maxY {
                    let evidence = score.evidence.isEmpty ? (content.principles.evidenceQuestion) : "Evidence: \(score.evidence)"
                    Draw.paragraph(evidence, in: Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y), grid: &grid, style: Style(.text))
                }
            }
        case .ideas:
            let columns = rect.width >= 100 ? 2 : 1
            let columnRects = rect.columns(columns, gap: 4)
            let perColumn = max(rect.height / (1 + gap), 1)
            for (index, idea) in record.ideas.enumerated() {
                let column = index / perColumn
                guard column < columns else { break }
                let target = columnRects[column]
                Draw.line("• \(idea.text)", x: target.x, y: target.y + (index % perColumn) * (1 + gap), width: target.width, grid: &grid, style: Style(.text, bold: true))
            }
        case .choose:
            var y = rect.y
            for idea in record.ideasByVotes where y < rect.maxY {
                let chosen = record.chosenIdeas.contains(idea.id)
                let dots = String(repeating: "●", count: min(idea.totalVotes, 15))
                Draw.line("\(chosen ? "★" : " ") \(dots.isEmpty ? "·" : dots)  \(idea.text)", x: rect.x, y: y, width: rect.width, grid: &grid, style: Style(chosen ? .good : .text, bold: true))
                y += 1 + gap
            }
        case .actions:
            var y = rect.y
            for action in record.actions where y < rect.maxY {
                let who = action.who.map { record.name(of: $0) }.joined(separator: ", ")
                Draw.line("• \(action.what)", x: rect.x, y: y, width: rect.width, grid: &grid, style: Style(.text, bold: true))
                y += 1
                if y < rect.maxY {
                    Draw.line("   \(who) · by \(action.when?.description ?? "–")\(action.how.isEmpty ? "" : " · \(action.how)")", x: rect.x, y: y, width: rect.width, grid: &grid, style: Style(.accent))
                    y += 1 + gap
                }
            }
            if record.actions.isEmpty {
                Draw.paragraph(content.prompts.smallMovement, in: rect, grid: &grid, style: Style(.muted))
            }
        case .close:
            Summary.render(session, content: content, in: Rect(x: rect.x, y: rect.y, width: rect.width, height: max(rect.height - 1, 0)), grid: &grid, large: large)
            Draw.line(content.prompts.close.thanks, x: rect.x, y: rect.maxY - 1, width: rect.width, grid: &grid, style: Style(.accent, bold: true))
        }
    }
}
