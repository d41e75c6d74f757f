import Foundation
import TerminalUI
import Workshop

/// Where people placed a principle: a bar per stage, the split by perspective, and any divergence.
public enum SpreadChart {

    /// A gap between perspectives worth talking about.
    public struct Divergence: Equatable, Sendable {
        public var low: Perspective
        public var lowAverage: Double
        public var high: Perspective
        public var highAverage: Double
    }

    /// Average stage for each perspective that has scores (people who did not say are left out).
    public static func averages(_ score: PrincipleScore, record: WorkshopRecord) -> [(Perspective, Double)] {
        Perspective.allCases.compactMap { perspective in
            let stages = record.participants.filter { $0.perspective == perspective }.compactMap { score.scores[$0.id] }
            guard !stages.isEmpty, perspective != .private else { return nil }
            return (perspective, Double(stages.reduce(0, +)) / Double(stages.count))
        }
    }

    /// Averages for the wall: a perspective only when two or more people share it; people
    /// whose perspective nobody else shares are put together as "other perspectives" (when
    /// there are two or more of them), so no one person's own score is projected.
    public static func wallAverages(_ score: PrincipleScore, record: WorkshopRecord) -> [(label: String, average: Double)] {
        var result: [(String, Double)] = []
        var others: [Int] = []
        for perspective in Perspective.allCases where perspective != .private {
            let stages = record.participants.filter { $0.perspective == perspective }.compactMap { score.scores[$0.id] }
            if stages.count >= 2 {
                result.append((shortLabel(perspective), Double(stages.reduce(0, +)) / Double(stages.count)))
            } else {
                others += stages
            }
        }
        if others.count >= 2 { result.append(("other perspectives", Double(others.reduce(0, +)) / Double(others.count))) }
        return result
    }

    /// The widest gap between two perspectives, if it is two stages or more.
    public static func divergence(_ score: PrincipleScore, record: WorkshopRecord) -> Divergence? {
        let averages = averages(score, record: record)
        guard let low = averages.min(by: { $0.1 < $1.1 }), let high = averages.max(by: { $0.1 < $1.1 }), high.1 - low.1 >= 2 else { return nil }
        return Divergence(low: low.0, lowAverage: low.1, high: high.0, highAverage: high.1)
    }

    /// Draws the chart. On the wall (`wall`), perspectives are grouped as in ``wallAverages``.
    static func render(score: PrincipleScore, record: WorkshopRecord, content: ContentLibrary, in rect: Rect, grid: inout Grid, large: Bool, wall: Bool = false) {
        guard rect.height > 0, rect.width > 10 else { return }
        let spread = score.spread()
        let total = spread.reduce(0, +)
        let guide = content.principles.guide(score.principle)
        let longest = (1...4).map { TextWidth.of("\($0) " + (guide?.stage($0)?.name ?? "")) }.max() ?? 10
        let labelWidth = min(longest + 2, rect.width / 2)
        let barWidth = max(rect.width - labelWidth - 6, 4)
        // On a large screen each bar is several rows tall, so the room can read it from the back.
        let barRows = large ? max(1, min(3, (rect.height - 4) / 5)) : 1
        var y = rect.y
        for stage in 1...4 where y < rect.maxY {
            let count = spread[stage - 1]
            let label = "\(stage) \(guide?.stage(stage)?.name ?? "")"
            let bar = Draw.bar(count, of: max(total, 1), width: barWidth)
            for row in 0..<barRows where y + row < rect.maxY {
                grid.write(bar, x: rect.x + labelWidth, y: y + row, style: Style(.accent))
            }
            let middle = y + barRows / 2
            Draw.line(label, x: rect.x, y: middle, width: labelWidth - 1, grid: &grid, style: Style(score.agreedStage == stage ? .good : .text, bold: true))
            grid.write("\(count)", x: rect.x + labelWidth + TextWidth.of(bar) + 1, y: middle, style: Style(.text, bold: true))
            y += barRows + (barRows > 1 ? 1 : 0)
        }
        guard y < rect.maxY else { return }
        // The gap between perspectives matters most, so it comes before the detail.
        if wall {
            let grouped = wallAverages(score, record: record)
            if let low = grouped.min(by: { $0.average < $1.average }), let high = grouped.max(by: { $0.average < $1.average }), high.average - low.average >= 2 {
                let text = "⚠ Worth talking about: \(low.label) \(String(format: "%.1f", low.average)), \(high.label) \(String(format: "%.1f", high.average))"
                y += WallText.paragraph(WallText.Piece(text: text, style: Style(.warning, bold: true)), x: rect.x, y: y, width: rect.width, maxY: max(rect.maxY - 1, y + 1), grid: &grid)
            }
            if y < rect.maxY, !grouped.isEmpty {
                let split = grouped.map { "\($0.label) \(String(format: "%.1f", $0.average))" }.joined(separator: " · ")
                WallText.paragraph(WallText.Piece(text: "By perspective: " + split, style: Style(.muted)), x: rect.x, y: y, width: rect.width, maxY: rect.maxY, grid: &grid)
            }
            return
        }
        if let gap = divergence(score, record: record) {
            let text = "⚠ Worth talking about: \(shortLabel(gap.low)) \(String(format: "%.1f", gap.lowAverage)), \(shortLabel(gap.high)) \(String(format: "%.1f", gap.highAverage))"
            y += WallText.paragraph(WallText.Piece(text: text, style: Style(.warning, bold: true)), x: rect.x, y: y, width: rect.width, maxY: max(rect.maxY - 1, y + 1), grid: &grid)
        }
        let averages = averages(score, record: record)
        if y < rect.maxY, !averages.isEmpty {
            let split = averages.map { "\(shortLabel($0.0)) \(String(format: "%.1f", $0.1))" }.joined(separator: " · ")
            Draw.paragraph("By perspective: " + split, in: Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y), grid: &grid, style: Style(.muted))
        }
    }

    /// The rows the console's chart needs at `width` to say its gap and its split whole:
    /// one a stage, then the wrapped "Worth talking about" and "By perspective" lines.
    static func consoleHeight(score: PrincipleScore, record: WorkshopRecord, width: Int) -> Int {
        var rows = 4
        if let gap = divergence(score, record: record) {
            let text = "⚠ Worth talking about: \(shortLabel(gap.low)) \(String(format: "%.1f", gap.lowAverage)), \(shortLabel(gap.high)) \(String(format: "%.1f", gap.highAverage))"
            rows += TextLayout.wrap(text, width: max(width, 1)).count
        }
        let averages = averages(score, record: record)
        if !averages.isEmpty {
            let split = averages.map { "\(shortLabel($0.0)) \(String(format: "%.1f", $0.1))" }.joined(separator: " · ")
            rows += TextLayout.wrap("By perspective: " + split, width: max(width, 1)).count
        }
        return rows
    }

    /// A few words for a perspective, for tight charts.
    static func shortLabel(_ perspective: Perspective) -> String {
        switch perspective {
        case .lived: return "use services"
        case .carer: return "family carers"
        case .frontline: return "front line"
        case .manager: return "run services"
        case .commissioner: return "plan services"
        case .other: return "other"
        case .private: return "not said"
        }
    }
}
