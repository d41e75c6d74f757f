import Foundation
import TerminalUI
import Workshop

/// Small drawing helpers shared by the console and projector screens.
enum Draw {

    /// Writes wrapped text into a rect; returns the rows used.
    @discardableResult
    static func paragraph(_ text: String, in rect: Rect, grid: inout Grid, style: Style = .plain, maxRows: Int? = nil) -> Int {
        guard rect.width > 0, rect.height > 0 else { return 0 }
        // A cut paragraph ends with how many words are hidden (WallText), on the console too.
        let rows = min(rect.height, maxRows ?? Int.max)
        return WallText.paragraph(WallText.Piece(text: text, style: style), x: rect.x, y: rect.y, width: rect.width, maxY: rect.y + rows, grid: &grid)
    }

    /// Writes one line, cut to fit with an ellipsis.
    ///
    /// Lines are laid out once and kept (see `LineCache`): a list of a thousand stories redraws
    /// the same twenty rows on every key, and laying out a row (cleaning, measuring and cutting
    /// the text by grapheme cluster) costs ten times as much as placing its cells again.
    static func line(_ text: String, x: Int, y: Int, width: Int, grid: inout Grid, style: Style = .plain) {
        guard width > 0 else { return }
        guard x >= 0, y >= 0, y < grid.height, x < grid.width else {
            grid.write(TextLayout.truncate(text, width: width), x: x, y: y, style: style, maxWidth: width)
            return
        }
        let run = LineCache.shared.run(text, width: width, style: style, at: (x, y)) {
            Grid.run(of: TextLayout.truncate(text, width: width), style: style, maxWidth: width)
        }
        grid.place(run, x: x, y: y)
    }

    /// Seconds as "12:05".
    static func clock(_ seconds: TimeInterval) -> String {
        let total = max(0, Int(seconds))
        let seconds = total % 60
        return "\(total / 60):\(seconds < 10 ? "0" : "")\(seconds)"
    }

    /// A long time in words: "24 min", "2 h 5 min", "3 days" (for a step left open overnight,
    /// where "14546:55" would mean nothing).
    static func duration(_ seconds: TimeInterval) -> String {
        let minutes = Int((max(0, seconds) / 60).rounded(.up))
        if minutes < 60 { return "\(minutes) min" }
        if minutes < 24 * 60 { return minutes % 60 == 0 ? "\(minutes / 60) h" : "\(minutes / 60) h \(minutes % 60) min" }
        return days(minutes / (24 * 60))
    }

    /// "1 day", "7 days".
    static func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }

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
        guard total > 0 else { return "" }
        return HorizontalBar(value: Double(count), max: Double(total), wholeCells: true).filled(columns: width)
    }

    /// The highlighted row of a list, the current step: a band in the selected role's colours,
    /// which are a band already (asking for reverse as well turned it back into plain text).
    static let band = Style(.selected, bold: true)

    /// The style of the two cells before a list's row: the marker's colour on the highlighted
    /// row, and on the others plain blanks like the list's own background (in the light theme
    /// the marker's colour is a yellow background, which made a yellow bar down every list).
    static func markerStyle(_ isSelected: Bool) -> Style {
        isSelected ? Style(.accent, bold: true) : Style(.text)
    }

    /// Rows for a list with the selected row kept in view.
    ///
    /// Without `previous` (a list drawn for the first time) the selected row is put in the
    /// middle. With the first row shown last time, the list stays where it was while the
    /// selected row is in view with a row to spare above and below it (when there are five
    /// rows or more), and otherwise moves by as few rows as bring it back into view.
    static func visibleRange(selected: Int, count: Int, rows: Int, previous: Int? = nil) -> Range<Int> {
        guard count > rows, rows > 0 else { return 0..<count }
        let last = count - rows
        guard let previous else {
            let start = min(max(selected - rows / 2, 0), last)
            return start..<(start + rows)
        }
        let margin = rows >= 5 ? 1 : 0
        var start = min(max(previous, 0), last)
        start = min(start, selected - margin)
        start = max(start, selected + margin - rows + 1)
        start = min(max(start, 0), last)
        return start..<(start + rows)
    }
}

/// Where a list's shown rows began when it was last drawn, so that ↑ and ↓ move the highlight
/// and not the whole list: a list that slid by a row at every key press was hard to follow on
/// the wall, and every one of its rows had to be sent to the terminal again. The first
/// drawing, and the first at a new height (the window or the layout changed), puts the
/// highlight in the middle, as a reopened console does.
final class ListViewport {
    private var last: (start: Int, rows: Int)?

    init() {}

    /// The rows to show now, remembered for the next drawing.
    func rows(selected: Int, count: Int, rows: Int) -> Range<Int> {
        let previous = last.flatMap { $0.rows == rows ? $0.start : nil }
        let range = Draw.visibleRange(selected: selected, count: count, rows: rows, previous: previous)
        last = (range.lowerBound, rows)
        return range
    }
}

/// Laid-out lines by text, width and style, shared by every screen drawn in this process.
/// Bounded: it starts again empty when it holds more than `limit` lines. A line is looked for
/// first where it was last put on the screen (`lastAt`), then by its text.
final class LineCache: @unchecked Sendable {
    static let shared = LineCache()

    /// Compared and hashed by the text's bytes: quicker than `String`'s own (which compares
    /// by meaning, normalising accented letters first), and exact, which is what drawing needs.
    private struct Key: Hashable {
        let text: String
        let width: Int
        let style: Style

        static func == (lhs: Key, rhs: Key) -> Bool {
            guard lhs.width == rhs.width, lhs.style == rhs.style else { return false }
            var left = lhs.text, right = rhs.text
            return left.withUTF8 { a in
                right.withUTF8 { b in a.count == b.count && (a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0) }
            }
        }

        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            hasher.combine(width)
            hasher.combine(style)
        }
    }

    private let lock = NSLock()
    /// Room for a few screens' lines from the start: growing from nothing rehashed every line
    /// already kept several times while the first screen was drawn.
    private var runs = [Key: [Cell]](minimumCapacity: 512)
    private let limit = 4096

    /// The line last put at each place on the screen, by row: a list redraws the same rows
    /// at the same places on every key, and finding them here needs no hashing of their text.
    private var lastAt: [[Placed]] = []
    private struct Placed {
        let x: Int
        let key: Key
        let run: [Cell]
    }

    func run(_ text: String, width: Int, style: Style, at place: (x: Int, y: Int)? = nil, make: () -> [Cell]) -> [Cell] {
        let key = Key(text: text, width: width, style: style)
        lock.lock()
        defer { lock.unlock() }
        if let place, place.y >= 0, place.y < lastAt.count {
            for index in lastAt[place.y].indices where lastAt[place.y][index].x == place.x {
                if lastAt[place.y][index].key == key { return lastAt[place.y][index].run }
            }
        }
        let run: [Cell]
        if let known = runs[key] {
            run = known
        } else {
            run = make()
            if runs.count >= limit { runs.removeAll(keepingCapacity: true) }
            runs[key] = run
        }
        if let place, place.y >= 0, place.y < 512 {
            if lastAt.count <= place.y { lastAt += Array(repeating: [], count: place.y + 1 - lastAt.count) }
            lastAt[place.y].removeAll { $0.x == place.x }
            if lastAt[place.y].count >= 8 { lastAt[place.y].removeFirst() }
            lastAt[place.y].append(Placed(x: place.x, key: key, run: run))
        }
        return run
    }
}
