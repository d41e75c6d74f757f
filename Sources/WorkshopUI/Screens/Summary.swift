import Foundation
import TerminalUI
import Workshop

/// The closing summary: the goal, the principle board and the action plan.
enum Summary {
    static func render(_ session: Session, content: ContentLibrary, in rect: Rect, grid: inout Grid, large: Bool) {
        let record = session.record
        var y = rect.y
        let goal = record.agreedGoal?.text ?? "No goal agreed."
        y += Draw.paragraph("Our goal: \(goal)", in: Rect(x: rect.x, y: y, width: rect.width, height: 3), grid: &grid, style: Style(.heading, bold: true), maxRows: large ? 3 : 2)
        y += 1
        if session.template.includes(.principles), y < rect.maxY {
            y = Board.render(session, content: content, x: rect.x, y: y, width: rect.width, maxY: rect.maxY, grid: &grid)
            y += 1
        }
        guard y < rect.maxY else { return }
        Draw.line("Action plan", x: rect.x, y: y, width: rect.width, grid: &grid, style: Style(.heading, bold: true))
        y += 1
        if record.actions.isEmpty, y < rect.maxY {
            Draw.line("No actions planned.", x: rect.x, y: y, width: rect.width, grid: &grid, style: Style(.muted))
        }
        // Each action wraps (who and when are what people act on), and if the plan is
        // longer than the rows left, the last row says how many more there are.
        let actions = record.actions.map { action -> [WallText.Piece] in
            let who = action.who.map { record.name(of: $0) }.joined(separator: ", ")
            return [WallText.Piece(text: "• \(action.what) — \(who) — by \(action.when?.description ?? "no date")", style: .plain)]
        }
        WallText.entries(actions, in: Rect(x: rect.x, y: y, width: rect.width, height: max(rect.maxY - y, 0)), gap: 0, grid: &grid, noun: { $0 == 1 ? "action" : "actions" })
    }
}

/// The four principles in a table: agreed stage and RAG with a word and a symbol.
enum Board {
    /// Draws the board; returns the next free row.
    static func render(_ session: Session, content: ContentLibrary, x: Int, y: Int, width: Int, maxY: Int, grid: inout Grid) -> Int {
        var y = y
        let record = session.record
        let nameWidth = min(34, max(width - 30, 12))
        for principle in PrincipleID.allCases where y < maxY {
            let score = record.score(for: principle)
            let guide = content.principles.guide(principle)
            let name = width >= 60 ? (guide?.name ?? principle.displayName) : (guide?.shortName ?? principle.displayName)
            Draw.line(name, x: x, y: y, width: nameWidth, grid: &grid, style: Style(.text, bold: true))
            let stage = score.agreedStage.map { "stage \($0)" } ?? "stage –"
            grid.write(stage, x: x + nameWidth + 1, y: y, style: Style(.text), maxWidth: max(width - nameWidth - 1, 0))
            grid.write(Draw.rag(score.rag), x: x + nameWidth + 10, y: y, style: Style(Draw.role(for: score.rag), bold: true), maxWidth: max(width - nameWidth - 10, 0))
            y += 1
        }
        return y
    }
}

/// Each person's own actions, for the close.
enum PersonalActions {
    static func render(_ session: Session, in rect: Rect, grid: inout Grid) {
        let record = session.record
        var y = rect.y
        Draw.line("Everyone's own actions", x: rect.x, y: y, width: rect.width, grid: &grid, style: Style(.heading, bold: true))
        y += 1
        for person in record.participants where y < rect.maxY {
            let mine = record.actions(for: person.id)
            let text = mine.isEmpty ? "nothing this time" : mine.map { "\($0.what) (by \($0.when?.description ?? "–"))" }.joined(separator: "; ")
            Draw.line("\(person.name): \(text)", x: rect.x, y: y, width: rect.width, grid: &grid, style: Style(mine.isEmpty ? .muted : .text))
            y += 1
        }
    }
}
