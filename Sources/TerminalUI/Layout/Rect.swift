// MARK: - Rect

/// A rectangle of cells: where a widget draws.
///
/// Every operation clamps instead of failing, so layouts degrade gracefully on a small
/// terminal: splitting off more rows than exist gives an empty rest, never a negative size.
public struct Rect: Hashable, Sendable {
    /// Leftmost column.
    public var x: Int
    /// Top row.
    public var y: Int
    /// Number of columns (never negative).
    public var width: Int
    /// Number of rows (never negative).
    public var height: Int

    /// Creates a rectangle; negative sizes become zero.
    /// - Parameters:
    ///   - x: Leftmost column.
    ///   - y: Top row.
    ///   - width: Number of columns.
    ///   - height: Number of rows.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The column just right of the rectangle.
    public var maxX: Int { x + width }
    /// The row just below the rectangle.
    public var maxY: Int { y + height }
    /// Whether the rectangle holds no cells.
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// Whether a cell lies inside the rectangle.
    /// - Parameters:
    ///   - column: The cell's column.
    ///   - row: The cell's row.
    /// - Returns: True when inside.
    public func contains(column: Int, row: Int) -> Bool {
        column >= x && column < maxX && row >= y && row < maxY
    }

    /// The overlap of two rectangles (empty, at this rectangle's origin, when they do not overlap).
    /// - Parameter other: The other rectangle.
    /// - Returns: The shared cells.
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
        guard right > left, bottom > top else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    // MARK: Insets

    /// The rectangle shrunk by `n` cells on every side.
    /// - Parameter n: Cells to remove from each side.
    /// - Returns: The inner rectangle (empty if too small).
    public func inset(by n: Int) -> Rect {
        inset(horizontal: n, vertical: n)
    }

    /// The rectangle shrunk on the left and right by `horizontal` and top and bottom by `vertical`.
    /// - Parameters:
    ///   - horizontal: Columns to remove from each side.
    ///   - vertical: Rows to remove from top and bottom.
    /// - Returns: The inner rectangle (empty if too small).
    public func inset(horizontal: Int, vertical: Int) -> Rect {
        Rect(x: x + horizontal, y: y + vertical, width: width - 2 * horizontal, height: height - 2 * vertical)
    }

    // MARK: Splits

    /// Splits off up to `rows` rows at the top.
    /// - Parameter rows: Rows for the top part.
    /// - Returns: The top part and what is left below it.
    public func splitTop(_ rows: Int) -> (top: Rect, rest: Rect) {
        let taken = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: taken),
                Rect(x: x, y: y + taken, width: width, height: height - taken))
    }

    /// Splits off up to `rows` rows at the bottom.
    /// - Parameter rows: Rows for the bottom part.
    /// - Returns: What is left above, and the bottom part.
    public func splitBottom(_ rows: Int) -> (rest: Rect, bottom: Rect) {
        let taken = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: height - taken),
                Rect(x: x, y: maxY - taken, width: width, height: taken))
    }

    /// Splits off up to `columns` columns on the left.
    /// - Parameter columns: Columns for the left part.
    /// - Returns: The left part and what is left to its right.
    public func splitLeft(_ columns: Int) -> (left: Rect, rest: Rect) {
        let taken = min(max(0, columns), width)
        return (Rect(x: x, y: y, width: taken, height: height),
                Rect(x: x + taken, y: y, width: width - taken, height: height))
    }

    /// Splits off up to `columns` columns on the right.
    /// - Parameter columns: Columns for the right part.
    /// - Returns: What is left on the left, and the right part.
    public func splitRight(_ columns: Int) -> (rest: Rect, right: Rect) {
        let taken = min(max(0, columns), width)
        return (Rect(x: x, y: y, width: width - taken, height: height),
                Rect(x: maxX - taken, y: y, width: taken, height: height))
    }

    /// Divides the width into `count` columns of equal width separated by `gap` columns.
    ///
    /// When the width does not divide evenly, the leftmost columns get one extra cell each,
    /// so the columns together always fill the rectangle exactly.
    /// - Parameters:
    ///   - count: Number of columns (none if zero or less).
    ///   - gap: Blank columns between neighbours.
    /// - Returns: The columns, left to right.
    public func columns(_ count: Int, gap: Int = 1) -> [Rect] {
        guard count > 0 else { return [] }
        let gap = max(0, gap)
        let usable = max(0, width - gap * (count - 1))
        let base = usable / count, extra = usable % count
        var result: [Rect] = []
        var left = x
        for index in 0..<count {
            let columnWidth = base + (index < extra ? 1 : 0)
            result.append(Rect(x: left, y: y, width: columnWidth, height: height))
            left += columnWidth + gap
        }
        return result
    }

    /// Divides the height into `count` rows of equal height separated by `gap` rows.
    /// - Parameters:
    ///   - count: Number of rows (none if zero or less).
    ///   - gap: Blank rows between neighbours.
    /// - Returns: The rows, top to bottom; the topmost get the spare rows.
    public func rows(_ count: Int, gap: Int = 0) -> [Rect] {
        let transposed = Rect(x: y, y: x, width: height, height: width).columns(count, gap: gap)
        return transposed.map { Rect(x: $0.y, y: $0.x, width: $0.height, height: $0.width) }
    }

    /// A rectangle of at most the given size, centred inside this one.
    /// - Parameters:
    ///   - width: Wanted columns.
    ///   - height: Wanted rows.
    /// - Returns: The centred rectangle, clipped to this one.
    public func centred(width: Int, height: Int) -> Rect {
        let w = min(max(0, width), self.width), h = min(max(0, height), self.height)
        return Rect(x: x + (self.width - w) / 2, y: y + (self.height - h) / 2, width: w, height: h)
    }
}
