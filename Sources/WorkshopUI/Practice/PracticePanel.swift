import Foundation
import TerminalUI
import Workshop

/// In a practice run, the lower part of the console's side panel: the coach's tips (unless the
/// run is assessed) and what the simulated people said last. Never on the projector.
enum PracticePanel {
    /// Draws into `rect`; returns the rows used.
    @discardableResult
    static func render(_ app: ConsoleApp, _ practice: PracticeConsole, in rect: Rect, grid: inout Grid) -> Int {
        var y = rect.y
        if practice.coachOn, y < rect.maxY {
            let tips = CoachTips.tips(for: app.session, now: app.now, quiet: practice.quietPeople(in: app.session), jargon: app.jargonOnScreen,
                                      ownJargon: practice.ownJargon(in: app.session), unasked: practice.unaskedStories(in: app.session))
            grid.write("Coach", x: rect.x, y: y, style: Style(.accent, bold: true))
            y += 1
            if tips.isEmpty, y < rect.maxY {
                y += Draw.paragraph("All going well. Keep it up.", in: Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y), grid: &grid, style: Style(.muted))
            }
            for (index, tip) in tips.enumerated() where y < rect.maxY {
                let role: Role = tip.kind == .overrun ? .overrun : (tip.kind == .jargon ? .jargon : .accent)
                grid.write("•", x: rect.x, y: y, style: Style(role, bold: true))
                // Each tip wraps into the rows left, keeping one for each tip still to come.
                let later = tips.count - index - 1
                y += Draw.paragraph(tip.text, in: Rect(x: rect.x + 2, y: y, width: rect.width - 2, height: rect.maxY - y), grid: &grid, style: Style(role), maxRows: max(rect.maxY - y - later, 1))
            }
            y += 1
        }
        let remarks = practice.remarks.suffix(3)
        if !remarks.isEmpty, y < rect.maxY {
            grid.write("In the room", x: rect.x, y: y, style: Style(.heading, bold: true))
            y += 1
            for (index, remark) in remarks.reversed().enumerated() where y < rect.maxY {
                let later = remarks.count - index - 1
                y += Draw.paragraph(remark.text, in: Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y), grid: &grid, style: Style(.text), maxRows: max(rect.maxY - y - later, 1))
            }
        }
        return y - rect.y
    }
}
