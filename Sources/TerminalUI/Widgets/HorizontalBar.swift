// MARK: - HorizontalBar

/// A small bar for charts: `█████▌    ` filled in proportion to `value / max`, with eighth-cell
/// precision so close values look different, or in whole cells (the wall's spread of stages,
/// where a bar several rows tall reads from the back of the room and partial blocks would not).
public struct HorizontalBar: Widget, Sendable {
    /// The amount shown.
    public var value: Double
    /// The amount that fills the whole bar.
    public var max: Double
    /// Columns of the bar; the area's width if nil.
    public var width: Int?
    /// Style of the filled part.
    public var style: Style
    /// Whether the bar fills whole cells only.
    public var wholeCells: Bool

    /// Creates a bar.
    /// - Parameters:
    ///   - value: The amount shown (clamped to 0...max).
    ///   - max: The amount that fills the whole bar.
    ///   - width: Columns of the bar; the area's width if nil.
    ///   - style: Style of the filled part.
    ///   - wholeCells: Fill whole cells only.
    public init(value: Double, max: Double, width: Int? = nil, style: Style = Style(.accent), wholeCells: Bool = false) {
        self.value = value
        self.max = max
        self.width = width
        self.style = style
        self.wholeCells = wholeCells
    }

    private static let partials: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// The filled part of the bar at `columns` columns, without the spaces after it.
    public func filled(columns: Int) -> String {
        guard columns > 0 else { return "" }
        let fraction = max > 0 && value.isFinite ? Swift.min(1, Swift.max(0, value / max)) : 0
        if wholeCells { return String(repeating: "█", count: Int((fraction * Double(columns)).rounded())) }
        let eighths = Int((fraction * Double(columns * 8)).rounded())
        var bar = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { bar.append(Self.partials[eighths % 8 - 1]) }
        return bar
    }

    /// The bar as text of exactly `columns` columns (filled part, then spaces).
    /// - Parameter columns: Width of the bar.
    /// - Returns: The bar text.
    public func text(columns: Int) -> String {
        guard columns > 0 else { return "" }
        let bar = filled(columns: columns)
        return bar + String(repeating: " ", count: columns - TextWidth.of(bar))
    }

    /// Draws the bar on the first row of `area`.
    public func render(in area: Rect, into grid: inout Grid) {
        guard !area.isEmpty else { return }
        let columns = Swift.min(width ?? area.width, area.width)
        grid.write(text(columns: columns), x: area.x, y: area.y, style: style, maxWidth: columns)
    }
}
