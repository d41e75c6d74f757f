import Foundation
import TerminalUI
import Workshop

/// The debrief of a practice run, on the console: each indicator's figure against the
/// scenario's ideal, then the three things to do differently next time.
public enum DebriefScreen {
    /// Draws the debrief into `rect` (the console's middle area on the close step).
    /// - Parameter scroll: how many indicator rows are scrolled past (↑ ↓ on the console) when
    ///   not every indicator fits; kept inside what there is to see.
    public static func render(_ debrief: Debrief, in rect: Rect, scroll: Int = 0, grid: inout Grid) {
        grid.fill(rect, style: .plain)
        guard rect.width > 10, rect.height > 3 else { return }
        var y = rect.y
        let title = debrief.isPractice ? "Practice debrief" : "Debrief"
        let used = grid.write(title, x: rect.x, y: y, style: Style(.heading, bold: true), maxWidth: rect.width)
        if let scenario = debrief.scenarioTitle {
            Draw.line(" · " + scenario + (debrief.seed.map { " · seed \($0)" } ?? ""), x: rect.x + used, y: y, width: rect.width - used, grid: &grid, style: Style(.heading))
        }
        let layout = Layout(debrief, in: rect)
        let things = layout.things, blankBeforeThings = layout.blankBeforeThings, indicatorRows = layout.indicatorRows
        let titleWidth = layout.titleWidth, tableEnd = layout.tableEnd, tableShown = layout.tableShown
        func prefix(_ number: Int) -> String { debrief.nextTime.isEmpty ? "" : "\(number + 1). " }
        y += 1
        if layout.explainMarks {
            Draw.line("✓ meets the ideal · ✗ short of it · – nothing to measure. Also saved as debrief.txt in the session folder.",
                      x: rect.x, y: y, width: rect.width, grid: &grid, style: Style(.muted))
        }
        y = layout.tableTop
        let figureWidth = Layout.figureWidth
        let idealX = rect.x + 2 + titleWidth + 1 + figureWidth + 2
        if !tableShown, !debrief.indicators.isEmpty, y < tableEnd {
            Draw.line("The figures are in debrief.txt.", x: rect.x, y: y, width: rect.width, grid: &grid, style: Style(.muted))
            y += 1
        }
        if tableShown {
            grid.write("Indicator", x: rect.x + 2, y: y, style: Style(.muted, bold: true), maxWidth: titleWidth)
            grid.write(rightAligned("Figure", figureWidth), x: rect.x + 2 + titleWidth + 1, y: y, style: Style(.muted, bold: true))
            grid.write("Ideal", x: idealX, y: y, style: Style(.muted, bold: true), maxWidth: max(rect.maxX - idealX, 0))
            y += 1
        }
        // When not every row fits, the ones short of the ideal come first: they are what to work on.
        // The rest are a scroll away (↑ ↓), and the last row says how many are above and below.
        let window = layout.window(scroll: scroll)
        let ordered = window.scrolls
            ? debrief.indicators.filter { $0.meetsIdeal == false } + debrief.indicators.filter { $0.meetsIdeal != false }
            : debrief.indicators
        for indicator in ordered[window.first..<(window.first + window.shown)] where tableShown && y < tableEnd {
            let (mark, role): (String, Role)
            switch indicator.meetsIdeal {
            case .some(true): (mark, role) = ("✓", .good)
            case .some(false): (mark, role) = ("✗", .warning)
            case .none: (mark, role) = ("–", .muted)
            }
            grid.write(mark, x: rect.x, y: y, style: Style(role, bold: true))
            Draw.line(indicator.title, x: rect.x + 2, y: y, width: titleWidth, grid: &grid, style: Style(.text, bold: true))
            grid.write(rightAligned(valueText(indicator), figureWidth), x: rect.x + 2 + titleWidth + 1, y: y, style: Style(role, bold: true))
            Draw.line(indicator.ideal, x: idealX, y: y, width: max(rect.maxX - idealX, 0), grid: &grid, style: Style(.muted))
            y += 1
            if indicatorRows >= 2, y < tableEnd {
                Draw.line(indicator.figure, x: rect.x + 4, y: y, width: rect.width - 4, grid: &grid)
                y += 1
            }
            if indicatorRows >= 3, y < tableEnd {
                Draw.line(indicator.explanation, x: rect.x + 4, y: y, width: rect.width - 4, grid: &grid, style: Style(.muted))
                y += 1
            }
        }
        if tableShown, window.scrolls, y < tableEnd {
            let below = debrief.indicators.count - window.first - window.shown
            var parts: [String] = []
            if below > 0 { parts.append("↓ \(below) more below") }
            if window.first > 0 { parts.append("↑ \(window.first) above") }
            Draw.line(parts.joined(separator: ", ") + ": ↑ ↓ scroll (all \(debrief.indicators.count) in debrief.txt)",
                      x: rect.x + 2, y: y, width: rect.width - 2, grid: &grid, style: Style(.accent, bold: true))
            y += 1
        }
        if blankBeforeThings { y += 1 }
        guard y < rect.maxY else { return }
        grid.write("Three things to do differently next time", x: rect.x, y: y, style: Style(.heading, bold: true), maxWidth: rect.width)
        y += 1
        for (number, advice) in things.enumerated() where y < rect.maxY {
            let prefix = prefix(number)
            let lines = TextLayout.wrap(prefix + advice, width: max(rect.width - 3, 1))
            // Each thing gets the lines it needs, leaving at least one for each thing after it.
            let rows = max(min(lines.count, rect.maxY - y - (things.count - number - 1)), 1)
            for (index, line) in lines.prefix(rows).enumerated() where y < rect.maxY {
                let last = index == rows - 1 && lines.count > rows
                Draw.line(last ? line + " …" : line, x: rect.x + (index == 0 ? 0 : TextWidth.of(prefix)), y: y, width: rect.width - (index == 0 ? 0 : TextWidth.of(prefix)), grid: &grid)
                y += 1
            }
        }
    }

    /// The main number of an indicator, short: a share, a count, or the consensus in a word.
    static func valueText(_ indicator: Indicator) -> String {
        guard let value = indicator.value else { return "–" }
        switch indicator.kind {
        case .interruptions, .stagesHeard, .refusalsHeeded: return "\(Int(value.rounded()))"
        case .consensus: return value >= 1 ? "agreed" : (value > 0 ? "override" : "no")
        default: return "\(Int((value * 100).rounded()))%"
        }
    }
}

extension DebriefScreen {
    /// Where the debrief's parts go in a rect: the same for drawing and for the console's ↑ ↓.
    struct Layout {
        static let figureWidth = 8
        let count: Int
        let things: [String]
        let thingLines: [Int]
        let explainMarks: Bool
        let blankBeforeThings: Bool
        /// The row of the table's heading (or of the line saying where the figures are).
        let tableTop: Int
        let titleWidth: Int
        let indicatorRows: Int
        let tableEnd: Int
        let tableShown: Bool

        init(_ debrief: Debrief, in rect: Rect) {
            count = debrief.indicators.count
            // The three things to do differently are what the facilitator takes away, so on a short
            // screen they get their lines first: the blank lines go, then the line explaining the marks.
            things = debrief.nextTime.isEmpty ? ["Every figure met its ideal. Keep doing what you did, and try a harder scenario."] : debrief.nextTime
            let numbered = !debrief.nextTime.isEmpty
            thingLines = things.enumerated().map { number, advice in
                min(TextLayout.wrap((numbered ? "\(number + 1). " : "") + advice, width: max(rect.width - 3, 1)).count, 3)
            }
            let wanted = 1 + 1 + 1 + 1 + debrief.indicators.count + 1 + 1 + thingLines.reduce(0, +)
            let short = max(wanted - rect.height, 0)
            blankBeforeThings = short < 1
            explainMarks = short < 3
            let blankAfterMarks = short < 2
            let y = rect.y + 1 + (explainMarks ? 1 : 0) + (blankAfterMarks ? 1 : 0)
            tableTop = y
            titleWidth = min(debrief.indicators.map { TextWidth.of($0.title) }.max() ?? 10, max(rect.width / 3, 12))
            // Rows each indicator gets: the figures, then its sentence, then what it is about, as room
            // allows once the three things have the lines they need.
            let spare = rect.maxY - y - 1 - (blankBeforeThings ? 1 : 0) - 1 - thingLines.reduce(0, +)
            indicatorRows = max(min(spare / max(debrief.indicators.count, 1), 3), 1)
            // The table ends where the three things need their heading and a line each.
            // Each thing keeps all its lines when the table still gets its heading and three rows.
            let wholeThings = rect.maxY - (blankBeforeThings ? 1 : 0) - 1 - thingLines.reduce(0, +)
            tableEnd = wholeThings - y >= 4 ? wholeThings : rect.maxY - (blankBeforeThings ? 1 : 0) - 1 - things.count
            // A table needs its heading, a row, and a line for the rest if they do not fit; without
            // room for those, one line says where the figures are.
            tableShown = rect.width > 10 && rect.height > 3 && y + (debrief.indicators.count > 1 ? 2 : 1) < tableEnd
        }

        /// Which indicators the table shows: all of them, or, when they do not fit, a window of
        /// them that ↑ ↓ move (`scrolls`), leaving the table's last row for the line that says
        /// what is above and below.
        func window(scroll: Int) -> (first: Int, shown: Int, scrolls: Bool) {
            guard tableShown else { return (0, 0, false) }
            let rowsFree = tableEnd - tableTop - 1
            guard count * indicatorRows > rowsFree else { return (0, count, false) }
            let shown = min(max(rowsFree - 1, 1), count)
            return (min(max(scroll, 0), count - shown), shown, true)
        }
    }

    /// The furthest the indicator table can be scrolled in `rect`: 0 when every indicator fits.
    public static func scrollLimit(_ debrief: Debrief, in rect: Rect) -> Int {
        Layout(debrief, in: rect).window(scroll: Int.max / 2).first
    }

    static func rightAligned(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(width - TextWidth.of(text), 0)) + text
    }
}
