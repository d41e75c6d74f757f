import Foundation
import Plot
import Workshop

/// The board of the four principles: for each, a picture of the stage agreed, the
/// RED/AMBER/GREEN score (word and shape) and how people placed it, by perspective.
public enum PrincipleBoard {

    /// One row of the spread: who, and how many of them chose each stage (index 0 for stage 1).
    public struct SpreadRow: Equatable, Sendable {
        public var label: String
        public var counts: [Int]
    }

    /// Everyone first, then each perspective that has scores, in the usual order; people who did
    /// not say which perspective they bring are counted under "Did not say".
    public static func spread(_ score: PrincipleScore, record: WorkshopRecord) -> [SpreadRow] {
        var rows = [SpreadRow(label: "Everyone", counts: score.spread())]
        var groups: [(String, Set<ParticipantID>)] = Perspective.allCases.map { perspective in
            (label(perspective), Set(record.participants.filter { $0.perspective == perspective }.map(\.id)))
        }
        groups.append(("Did not say", Set(record.participants.filter { $0.perspective == nil }.map(\.id))))
        for (label, people) in groups where !people.isEmpty {
            let counts = score.spread(among: people)
            if counts.reduce(0, +) > 0 { rows.append(SpreadRow(label: label, counts: counts)) }
        }
        return rows
    }

    /// Perspectives in a few plain words, as a group of people (never a job title).
    public static func label(_ perspective: Perspective) -> String {
        switch perspective {
        case .lived: return "Use services"
        case .carer: return "Family carers"
        case .frontline: return "Work with people"
        case .manager: return "Run services"
        case .commissioner: return "Plan or buy"
        case .other: return "Something else"
        case .private: return "Rather not say"
        }
    }

    /// "2 of 4: We've got the basics", or "not agreed yet".
    static func stageWords(_ score: PrincipleScore, _ principles: PrinciplesFile?) -> String {
        guard let stage = score.agreedStage else { return "not agreed yet" }
        let name = principles?.guide(score.principle)?.stage(stage)?.name
        return "\(stage) of 4" + (name.map { ": " + $0 } ?? "")
    }

    static func ragWords(_ rag: RAG?) -> String {
        rag.map { "\($0.word) \($0.symbol)" } ?? "not scored yet"
    }

    /// The spread said in words: "Everyone: 1 at stage 1, 3 at stage 2. Use services: …".
    static func spreadWords(_ rows: [SpreadRow]) -> String {
        rows.map { row in
            let parts = row.counts.enumerated().filter { $0.element > 0 }.map { "\($0.element) at stage \($0.offset + 1)" }
            return row.label + ": " + (parts.isEmpty ? "nobody placed it" : parts.joined(separator: ", "))
        }.joined(separator: ". ") + "."
    }

    // MARK: - The picture

    static let width = 480

    /// The picture of one principle, with a title and description that say everything it shows.
    static func picture(_ score: PrincipleScore, record: WorkshopRecord, principles: PrinciplesFile?) -> SVG.Piece {
        let id = "board-\(score.principle.rawValue)"
        let name = ExportNames.principle(score.principle, principles)
        let rows = spread(score, record: record)
        let height = 204 + rows.count * 26 + 8
        var pieces: [SVG.Piece] = []

        pieces.append(SVG.rect(x: 1, y: 1, width: Double(width - 2), height: Double(height - 2), fill: "#fff", stroke: "#444"))
        pieces.append(SVG.text(name, x: 16, y: 30, size: 22, bold: true))

        // The stage: four steps, filled up to the one agreed.
        for step in 1...4 {
            let x = 16 + Double(step - 1) * 46
            let filled = (score.agreedStage ?? 0) >= step
            let top = 92 - (18 + Double(step) * 6)
            pieces.append(SVG.rect(x: x, y: top, width: 40, height: 92 - top, fill: filled ? "#333" : "#fff", stroke: "#333"))
            pieces.append(SVG.text("\(step)", x: x + 20, y: 86, size: 14, bold: true, anchor: "middle", fill: filled ? "#fff" : "#333"))
        }
        pieces.append(SVG.text(score.agreedStage.map { "Stage \($0) of 4" } ?? "Stage not agreed yet", x: 210, y: 70, size: 18, bold: true))
        if let stage = score.agreedStage, let stageName = principles?.guide(score.principle)?.stage(stage)?.name {
            pieces.append(SVG.text(stageName, x: 210, y: 90, size: 16))
        }

        // The score: shape and word, never colour alone.
        if let rag = score.rag {
            pieces.append(SVG.ragShape(rag, x: 30, y: 128, size: 26))
            pieces.append(SVG.text(rag.word, x: 54, y: 135, size: 20, bold: true))
        } else {
            pieces.append(SVG.rect(x: 17, y: 115, width: 26, height: 26, fill: "#fff", stroke: "#666", dashed: true))
            pieces.append(SVG.text("Not scored yet", x: 54, y: 135, size: 16))
        }

        // The spread, by perspective: a bar per stage, its length the share of that row.
        pieces.append(SVG.text("How people placed it", x: 16, y: 172, size: 16, bold: true))
        let labelWidth = 160.0, column = 76.0
        for step in 1...4 {
            pieces.append(SVG.text("Stage \(step)", x: labelWidth + Double(step - 1) * column + 4, y: 194, size: 14, bold: true, fill: "#333"))
        }
        for (index, row) in rows.enumerated() {
            let y = 204 + Double(index) * 26
            pieces.append(SVG.line(x1: 16, y1: y, x2: Double(width - 16), y2: y, stroke: "#ccc"))
            pieces.append(SVG.text(row.label, x: 16, y: y + 19, size: 15, bold: index == 0))
            let most = max(row.counts.max() ?? 0, 1)
            for (stageIndex, count) in row.counts.enumerated() {
                let x = labelWidth + Double(stageIndex) * column + 4
                if count > 0 {
                    let length = 44 * Double(count) / Double(most)
                    pieces.append(SVG.rect(x: x, y: y + 6, width: length, height: 14, fill: index == 0 ? "#333" : "#777"))
                }
                pieces.append(SVG.text("\(count)", x: x + 48, y: y + 19, size: 15, fill: count > 0 ? "#111" : "#777"))
            }
        }

        let description = "\(name): stage \(stageWords(score, principles)). Score: \(ragWords(score.rag)). How people placed it: \(spreadWords(rows))"
        return SVG.picture(id: id, width: width, height: height, title: "\(name): the stage agreed, the score and how people placed it",
                           description: description, pieces)
    }
}

/// Names of principles, with the user's own content if it has them.
enum ExportNames {
    static func principle(_ id: PrincipleID, _ principles: PrinciplesFile?) -> String {
        principles?.guide(id)?.name ?? id.displayName
    }
}
