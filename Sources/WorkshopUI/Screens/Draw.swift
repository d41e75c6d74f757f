import Foundation
import TerminalUI
import Workshop

/// Small drawing helpers shared by the console and projector screens.
enum Draw {

    /// Writes wrapped text into a rect; returns the rows used.
    @discardableResult
    static func paragraph(_ text: String, in rect: Rect, grid: inout Grid, style: Style = .plain, maxRows: Int? = nil) -> Int {
        guard rect.width > 0, rect.height > 0 else { return 0 }
        let lines = TextLayout.wrap(text, width: rect.width)
        let limit = min(lines.count, rect.height, maxRows ?? Int.max)
        for (offset, line) in lines.prefix(limit).enumerated() {
            var shown = line
            if offset == limit - 1 && lines.count > limit { shown = TextLayout.truncate(line + " …", width: rect.width) }
            grid.write(shown, x: rect.x, y: rect.y + offset, style: style, maxWidth: rect.width)
        }
        return limit
    }

    /// Writes one line, cut to fit with an ellipsis.
    static func line(_ text: String, x: Int, y: Int, width: Int, grid: inout Grid, style: Style = .plain) {
        guard width > 0 else { return }
        grid.write(TextLayout.truncate(TextLayout.sanitize(text), width: width), x: x, y: y, style: style, maxWidth: width)
    }

    /// Seconds as "12:05".
    static func clock(_ seconds: TimeInterval) -> String {
        let total = max(0, Int(seconds))
        return String(format: "%d:%02d", total / 60, total % 60)
    }

    /// A RAG score as symbol and word, so colour never carries the meaning alone.
    static func rag(_ rag: RAG?) -> String {
        guard let rag else { return "· not yet" }
        return "\(rag.symbol) \(rag.word)"
    }

    static func role(for rag: RAG?) -> Role {
        switch rag {
        case .red?: return .red
        case .amber?: return .amber
        case .green?: return .green
        case nil: return .muted
        }
    }

    /// A small bar of blocks, `count` out of `total`, `width` cells wide.
    static func bar(_ count: Int, of total: Int, width: Int) -> String {
        guard total > 0, width > 0 else { return "" }
        let filled = Int((Double(count) / Double(total) * Double(width)).rounded())
        return String(repeating: "█", count: min(filled, width))
    }

    /// Rows for a list with the selected row kept in view.
    static func visibleRange(selected: Int, count: Int, rows: Int) -> Range<Int> {
        guard count > rows, rows > 0 else { return 0..<count }
        let start = min(max(selected - rows / 2, 0), count - rows)
        return start..<(start + rows)
    }
}
