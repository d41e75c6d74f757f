// MARK: - Table

/// Rows of text in fixed-width columns under a header, with one row optionally selected.
///
/// The selected row is drawn in its own style over the whole width, and the rows scroll so
/// it is always visible.
public struct Table: Widget, Sendable {
    /// One column: its title, width and alignment.
    public struct Column: Hashable, Sendable {
        /// Header text.
        public var title: String
        /// Columns of screen it takes; 0 means "share what is left" with other 0-width columns.
        public var width: Int
        /// Where text sits within the column.
        public var alignment: Alignment

        /// Creates a column.
        /// - Parameters:
        ///   - title: Header text.
        ///   - width: Columns of screen; 0 shares the remaining width.
        ///   - alignment: Where text sits within the column.
        public init(_ title: String, width: Int, alignment: Alignment = .left) {
            self.title = title
            self.width = width
            self.alignment = alignment
        }
    }

    /// The columns, left to right.
    public var columns: [Column]
    /// The rows; each has one string per column (missing strings show as blank).
    public var rows: [[String]]
    /// Index into `rows` of the selected row, if any.
    public var selected: Int?
    /// Style of the header row (none drawn if every title is empty).
    public var headerStyle: Style
    /// Style of ordinary rows.
    public var style: Style
    /// Style of the selected row.
    public var selectedStyle: Style
    /// Blank columns between table columns.
    public var gap: Int
    /// Each row's own style (a practice run drawn muted), instead of `style`.
    public var rowStyles: [Style]?
    /// A cell's own style (a RED, AMBER or GREEN score; a marker), instead of its row's.
    public var cellStyles: [[Style?]]?
    /// A column heading's own style (the column the list is sorted by, underlined).
    public var headerStyles: [Style?]?
    /// Whether only the selected row is a band across the table (from `bandFrom`): other rows
    /// and the heading then colour only their text, not the gaps between columns.
    public var bandsOnlySelected = false
    /// The column a selected row's band starts at (a marker column before it stays as it is).
    public var bandFrom = 0

    /// Creates a table.
    /// - Parameters:
    ///   - columns: The columns.
    ///   - rows: One array of strings per row.
    ///   - selected: Index of the selected row.
    ///   - headerStyle: Style of the header row.
    ///   - style: Style of ordinary rows.
    ///   - selectedStyle: Style of the selected row.
    ///   - gap: Blank columns between table columns.
    public init(columns: [Column], rows: [[String]], selected: Int? = nil,
                headerStyle: Style = Style(.heading, bold: true, underline: true), style: Style = .plain,
                selectedStyle: Style = Style(.selected), gap: Int = 1) {
        self.columns = columns
        self.rows = rows
        self.selected = selected
        self.headerStyle = headerStyle
        self.style = style
        self.selectedStyle = selectedStyle
        self.gap = gap
    }

    /// The screen width of each column within `totalWidth`, after sharing out 0-width columns.
    /// - Parameter totalWidth: Available columns.
    /// - Returns: One width per column.
    public func columnWidths(totalWidth: Int) -> [Int] {
        let fixed = columns.reduce(0) { $0 + Swift.max(0, $1.width) } + gap * Swift.max(0, columns.count - 1)
        let flexible = columns.filter { $0.width <= 0 }.count
        let spare = Swift.max(0, totalWidth - fixed)
        var flexibleIndex = 0
        return columns.map { column in
            guard column.width <= 0 else { return column.width }
            defer { flexibleIndex += 1 }
            return spare / flexible + (flexibleIndex < spare % flexible ? 1 : 0)
        }
    }

    /// The first row shown so the selected row is visible in `visibleRows` rows.
    /// - Parameter visibleRows: Rows available for the body.
    /// - Returns: Index of the first row drawn.
    public func firstVisibleRow(visibleRows: Int) -> Int {
        guard let selected, visibleRows > 0, selected >= visibleRows else { return 0 }
        return Swift.min(selected - visibleRows + 1, Swift.max(0, rows.count - visibleRows))
    }

    /// Draws the header and as many rows as fit.
    public func render(in area: Rect, into grid: inout Grid) {
        guard !area.isEmpty else { return }
        let widths = columnWidths(totalWidth: area.width)
        var body = area
        if columns.contains(where: { !$0.title.isEmpty }) {
            let (header, rest) = area.splitTop(1)
            drawRow(columns.map(\.title), in: header, widths: widths, style: headerStyle, cellStyles: headerStyles ?? [],
                    fill: !bandsOnlySelected, into: &grid)
            body = rest
        }
        let first = firstVisibleRow(visibleRows: body.height)
        for (offset, row) in rows.dropFirst(first).prefix(body.height).enumerated() {
            let index = first + offset
            let rect = Rect(x: body.x, y: body.y + offset, width: body.width, height: 1)
            let isSelected = index == selected
            let rowStyle = isSelected ? selectedStyle : (rowStyles.map { index < $0.count ? $0[index] : style } ?? style)
            let own = cellStyles.map { index < $0.count ? $0[index] : [] } ?? []
            drawRow(row, in: rect, widths: widths, style: rowStyle, cellStyles: own,
                    fill: !bandsOnlySelected || isSelected, fillFrom: isSelected ? bandFrom : 0, into: &grid)
        }
    }

    private func drawRow(_ texts: [String], in rect: Rect, widths: [Int], style: Style, cellStyles: [Style?] = [], fill: Bool = true, fillFrom: Int = 0,
                         into grid: inout Grid) {
        if fill {
            let start = rect.x + widths.prefix(fillFrom).reduce(0) { $0 + $1 + gap }
            grid.fill(Rect(x: start, y: rect.y, width: Swift.max(rect.maxX - start, 0), height: 1), style: style)
        }
        var column = rect.x
        for (index, width) in widths.enumerated() {
            guard column < rect.maxX else { break }
            let available = Swift.min(width, rect.maxX - column)
            let text = index < texts.count ? texts[index] : ""
            // Left-aligned text is written as it is (the spaces after it keep the row's fill, or none).
            let alignment = columns[index].alignment
            let fitted = alignment == .left ? TextLayout.truncate(text, width: available) : TextLayout.aligned(text, width: available, alignment: alignment)
            let cellStyle = (index < cellStyles.count ? cellStyles[index] : nil) ?? style
            grid.write(fitted, x: column, y: rect.y, style: cellStyle, maxWidth: available)
            column += width + gap
        }
    }
}
