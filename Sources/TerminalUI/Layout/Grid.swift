// MARK: - Grid

/// An in-memory screen: rows of ``Cell``s that widgets render into and a backend draws.
///
/// As ratatui's `Buffer`, the grid is the only thing screens produce, so every screen can be
/// tested as text without a terminal. The grid keeps one invariant: a wide character's cell
/// is always followed by its continuation cell (text `""`), and a continuation cell always
/// follows a wide character. ``write(_:x:y:style:maxWidth:)`` and ``fill(_:style:)`` repair
/// any pair they cut in half by blanking the other half.
public struct Grid: Equatable, Sendable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    private var cells: [Cell]

    /// Creates a grid of blank cells.
    /// - Parameters:
    ///   - width: Columns (negative becomes zero).
    ///   - height: Rows (negative becomes zero).
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The whole grid as a rectangle at the origin.
    public var area: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// One cell. Reading outside the grid gives a blank; writing outside is ignored.
    ///
    /// This is raw access: writing a wide character here does not create its continuation
    /// cell. Prefer ``write(_:x:y:style:maxWidth:)`` for text.
    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard x >= 0, x < width, y >= 0, y < height else { return .blank }
            return cells[y * width + x]
        }
        set {
            guard x >= 0, x < width, y >= 0, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    // MARK: Writing

    /// Writes sanitized text on one row starting at column `x`, clipped to the grid and to
    /// `maxWidth`.
    ///
    /// Never writes half a wide character: one that would straddle the limit is replaced
    /// by a blank in `style`. A zero-width cluster (such as a stray combining mark) joins
    /// the cell before it. Text is sanitized with ``TextLayout/sanitize(_:)`` first.
    /// - Parameters:
    ///   - text: The text to write.
    ///   - x: Starting column (may be negative: the start is clipped off).
    ///   - y: Row.
    ///   - style: Style for every written cell.
    ///   - maxWidth: Columns available from `x`; unlimited (up to the grid edge) if nil.
    /// - Returns: Columns written inside the grid.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil) -> Int {
        guard y >= 0, y < height else { return 0 }
        let limit = min(width, maxWidth.map { x + max(0, $0) } ?? width)
        var column = x
        var firstWritten: Int?
        var lastWritten: Int?
        if TextWidth.printableASCIIWidth(text) != nil {
            // Plain ASCII: one cell per byte, no grapheme breaking or width look-ups.
            var text = text
            text.withUTF8 { bytes in
                for byte in bytes {
                    if column >= limit { break }
                    if column >= 0 {
                        cells[y * width + column] = Cell(text: String(Unicode.Scalar(byte)), style: style)
                        firstWritten = firstWritten ?? column
                        lastWritten = column
                    }
                    column += 1
                }
            }
        } else {
            // Right-to-left phrases end with a zero-width left-to-right mark, so a terminal
            // that reorders text cannot move the columns beside them (BidiIsolation).
            writeClusters(BidiIsolation.isolate(TextLayout.sanitize(text)), column: &column, limit: limit, y: y, style: style,
                          firstWritten: &firstWritten, lastWritten: &lastWritten)
        }
        guard let first = firstWritten, let last = lastWritten else { return 0 }
        repairEdges(row: y, from: first, through: last)
        return last - first + 1
    }

    /// `write` for text that is not plain ASCII: cluster by cluster, measured.
    private mutating func writeClusters(_ text: String, column: inout Int, limit: Int, y: Int, style: Style,
                                        firstWritten: inout Int?, lastWritten: inout Int?) {
        for character in text {
            if column >= limit { break }
            let columns = TextWidth.of(character)
            if columns == 0 {
                if let last = lastWritten, let head = headColumn(ofCellAt: last, row: y) {
                    cells[y * width + head].text.append(contentsOf: String(character))
                }
                continue
            }
            if column + columns > limit || column < 0 {
                // Clipped: blank the visible part rather than show half a character.
                let visible = max(0, column), end = min(limit, column + columns)
                for blankColumn in visible..<max(visible, end) {
                    cells[y * width + blankColumn] = Cell(text: " ", style: style)
                    firstWritten = firstWritten ?? blankColumn
                    lastWritten = blankColumn
                }
                column += columns
                continue
            }
            cells[y * width + column] = Cell(text: String(character), style: style)
            if columns == 2 {
                cells[y * width + column + 1] = Cell(text: "", style: style)
            }
            firstWritten = firstWritten ?? column
            lastWritten = column + columns - 1
            column += columns
        }
    }

    /// The cells `write` puts down for `text` from column 0 of an empty row `maxWidth` wide,
    /// to be placed again with ``place(_:x:y:)``: laying a line out once and placing it on
    /// every frame gives the same cells as writing it each time, for much less work.
    public static func run(of text: String, style: Style, maxWidth: Int) -> [Cell] {
        var row = Grid(width: max(0, maxWidth), height: 1)
        let written = row.write(text, x: 0, y: 0, style: style)
        return Array(row.cells.prefix(written))
    }

    /// Puts down cells made by ``run(of:style:maxWidth:)`` from column `x`, clipped to the
    /// grid, repairing any wide character cut at either end as ``write(_:x:y:style:maxWidth:)``
    /// does.
    public mutating func place(_ run: [Cell], x: Int, y: Int) {
        guard y >= 0, y < height, x >= 0, x < width, !run.isEmpty else { return }
        let count = min(run.count, width - x)
        let base = y * width + x
        // Cell by cell through the buffers: `replaceSubrange` went through the generic copy of
        // every cell, and a list puts down a thousand cells a frame this way.
        cells.withUnsafeMutableBufferPointer { target in
            run.withUnsafeBufferPointer { source in
                for offset in 0..<count { target[base + offset] = source[offset] }
            }
        }
        if count < run.count, run[count].isContinuation {
            cells[base + count - 1].text = " "  // a wide character cut by the grid's edge
        }
        repairEdges(row: y, from: x, through: x + count - 1)
    }

    /// A copy of cells on one row, to be put down again with ``place(_:x:y:)``.
    /// - Parameters:
    ///   - y: The row.
    ///   - x: The first column.
    ///   - count: How many cells (clipped to the grid).
    /// - Returns: The cells, or none outside the grid.
    public func cells(row y: Int, from x: Int, count: Int) -> [Cell] {
        guard y >= 0, y < height, x >= 0, x < width, count > 0 else { return [] }
        let start = y * width + x
        return Array(cells[start..<(start + min(count, width - x))])
    }

    /// Fills a rectangle with blanks in a style.
    /// - Parameters:
    ///   - rect: The cells to fill (clipped to the grid).
    ///   - style: The blanks' style.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let clipped = rect.intersection(area)
        guard !clipped.isEmpty else { return }
        for row in clipped.y..<clipped.maxY {
            for column in clipped.x..<clipped.maxX {
                cells[row * width + column] = Cell(text: " ", style: style)
            }
            repairEdges(row: row, from: clipped.x, through: clipped.maxX - 1)
        }
    }

    /// Restyles cells in place, keeping their text (to reverse a selected row, say).
    /// - Parameters:
    ///   - rect: The cells to restyle (clipped to the grid).
    ///   - transform: Changes one cell's style.
    public mutating func style(_ rect: Rect, _ transform: (inout Style) -> Void) {
        let clipped = rect.intersection(area)
        guard !clipped.isEmpty else { return }
        for row in clipped.y..<clipped.maxY {
            for column in clipped.x..<clipped.maxX {
                transform(&cells[row * width + column].style)
            }
        }
    }

    /// Renders a widget into part of the grid: `grid.render(Box(title: "Ideas"), in: side)`.
    /// - Parameters:
    ///   - widget: What to draw.
    ///   - area: Where to draw it (the widget stays inside).
    public mutating func render(_ widget: some Widget, in area: Rect) {
        widget.render(in: area, into: &self)
    }

    // MARK: Reading as text

    /// The characters of one row (continuation cells contribute nothing), trailing spaces kept.
    /// - Parameter y: The row.
    /// - Returns: The row's text, or "" outside the grid.
    public func rowText(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var text = ""
        for column in 0..<width { text += cells[y * width + column].text }
        return text
    }

    /// Every row's text, top to bottom.
    public var rows: [String] { (0..<height).map(rowText) }

    /// Every row in double quotes, one per line, so trailing spaces survive in golden files.
    /// - Returns: `"row"\n` for each row.
    public func quotedRows() -> String {
        rows.map { "\"\($0)\"\n" }.joined()
    }

    // MARK: Keeping wide characters whole

    /// The column of the character occupying a cell: itself, or the wide character before a
    /// continuation cell.
    private func headColumn(ofCellAt column: Int, row: Int) -> Int? {
        guard column >= 0, column < width else { return nil }
        if cells[row * width + column].isContinuation { return column > 0 ? column - 1 : nil }
        return column
    }

    /// After overwriting columns `first...last`, blanks the other half of any wide character
    /// that the overwrite cut: a wide head just left of `first`, or a continuation just right
    /// of `last`.
    private mutating func repairEdges(row: Int, from first: Int, through last: Int) {
        let base = row * width
        if first > 0, !cells[base + first].isContinuation, TextWidth.of(cells[base + first - 1].text) == 2 {
            cells[base + first - 1].text = " "
        }
        if cells[base + first].isContinuation, first == 0 || TextWidth.of(cells[base + first - 1].text) != 2 {
            cells[base + first].text = " "
        }
        if last + 1 < width, cells[base + last + 1].isContinuation, TextWidth.of(cells[base + last].text) != 2 {
            cells[base + last + 1].text = " "
        }
    }
}
