import Foundation
import Plot
import Workshop

/// Each principle over time: the agreed stage at each of the group's workshops as a line, with
/// the score's shape and word at each point.
enum TrendChart {
    /// The most workshops one chart shows (the latest ones), so the dates stay readable on paper.
    static let most = 8

    static func shown(_ history: GroupHistory) -> [GroupHistory.Point] {
        Array(history.points.suffix(most))
    }

    static func picture(_ principle: PrincipleID, history: GroupHistory, principles: PrinciplesFile?) -> SVG.Piece {
        let points = shown(history)
        let name = ExportNames.principle(principle, principles)
        let width = 480.0, height = 262.0
        let left = 110.0, right = 44.0, top = 52.0, bottom = 184.0
        let step = points.count > 1 ? (width - left - right) / Double(points.count - 1) : 0
        func x(_ index: Int) -> Double { points.count > 1 ? left + Double(index) * step : (left + width - right) / 2 }
        func y(_ stage: Int) -> Double { bottom - Double(stage - 1) * (bottom - top) / 3 }

        var pieces: [SVG.Piece] = [SVG.rect(x: 1, y: 1, width: width - 2, height: height - 2, fill: "#fff", stroke: "#444"),
                                   SVG.text(name, x: 16, y: 28, size: 20, bold: true)]
        for stage in 1...4 {
            pieces.append(SVG.line(x1: left - 6, y1: y(stage), x2: width - right + 12, y2: y(stage), stroke: "#ccc"))
            pieces.append(SVG.text("Stage \(stage)", x: left - 12, y: y(stage) + 5, size: 15, anchor: "end", fill: "#333"))
        }
        // The line joins workshops next to each other that both agreed a stage.
        var previous: (Int, Int)?
        for (index, point) in points.enumerated() {
            guard let stage = point.stages[principle] else { previous = nil; continue }
            if let (lastIndex, lastStage) = previous {
                pieces.append(SVG.line(x1: x(lastIndex), y1: y(lastStage), x2: x(index), y2: y(stage), stroke: "#333", width: 2.5))
            }
            previous = (index, stage)
        }
        for (index, point) in points.enumerated() {
            pieces.append(SVG.text(shortDate(point.date), x: x(index), y: bottom + 26, size: points.count > 4 ? 11 : 15, bold: point.isThisWorkshop, anchor: "middle"))
            guard let stage = point.stages[principle] else {
                pieces.append(SVG.text("–", x: x(index), y: bottom + 4, size: 14, anchor: "middle", fill: "#777"))
                continue
            }
            if let rag = point.scores[principle] {
                pieces.append(SVG.ragShape(rag, x: x(index), y: y(stage), size: 18))
                pieces.append(SVG.text(rag.letter, x: x(index), y: y(stage) - 14, size: 14, bold: true, anchor: "middle"))
            } else {
                pieces.append(SVG.element("circle", ["cx": SVG.number(x(index)), "cy": SVG.number(y(stage)), "r": "5", "fill": "#333"]))
            }
        }
        pieces.append(SVG.text("R = RED ■, A = AMBER ▲, G = GREEN ●.", x: 16, y: height - 30, size: 14, fill: "#333"))
        pieces.append(SVG.text("The date in bold is this workshop.", x: 16, y: height - 11, size: 14, fill: "#333"))
        return SVG.picture(id: "trend-\(principle.rawValue)", width: Int(width), height: Int(height),
                           title: "\(name) over time", description: "\(name), workshop by workshop: " + words(principle, points: points), pieces)
    }

    /// "3 Nov 2026: stage 2, AMBER; 1 Dec 2026: stage 3, GREEN."
    static func words(_ principle: PrincipleID, points: [GroupHistory.Point]) -> String {
        points.map { point in
            "\(longDate(point.date)): " + cell(principle, point)
        }.joined(separator: "; ") + "."
    }

    static func cell(_ principle: PrincipleID, _ point: GroupHistory.Point) -> String {
        let stage = point.stages[principle].map { "stage \($0)" } ?? "no stage agreed"
        let rag = point.scores[principle].map { "\($0.word) \($0.symbol)" } ?? "not scored"
        return "\(stage), \(rag)"
    }

    static func shortDate(_ date: Date) -> String { formatter("d MMM yy").string(from: date) }
    static func longDate(_ date: Date) -> String { formatter("d MMMM yyyy").string(from: date) }

    private static func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        return formatter
    }
}
