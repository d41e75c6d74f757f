// MARK: - Box

/// A single-line border with an optional title in the top edge: `┌ Title ───┐`.
public struct Box: Widget, Sendable {
    /// Title shown in the top border; none if nil or empty.
    public var title: String?
    /// Style of the border lines.
    public var style: Style
    /// Style of the title.
    public var titleStyle: Style

    /// Creates a box.
    /// - Parameters:
    ///   - title: Title shown in the top border.
    ///   - style: Style of the border lines.
    ///   - titleStyle: Style of the title; the border's role, bold, if nil.
    public init(title: String? = nil, style: Style = Style(.border), titleStyle: Style? = nil) {
        self.title = title
        self.style = style
        self.titleStyle = titleStyle ?? Style(.heading, bold: true)
    }

    /// The area inside a border drawn around `rect`.
    /// - Parameter rect: The outer rectangle.
    /// - Returns: `rect` shrunk by one cell on every side.
    public static func inner(_ rect: Rect) -> Rect { rect.inset(by: 1) }

    /// Draws the border around the edge of `area` (nothing if it is smaller than 2×2).
    public func render(in area: Rect, into grid: inout Grid) {
        guard area.width >= 2, area.height >= 2 else { return }
        let horizontal = String(repeating: "─", count: area.width - 2)
        grid.write("┌" + horizontal + "┐", x: area.x, y: area.y, style: style, maxWidth: area.width)
        grid.write("└" + horizontal + "┘", x: area.x, y: area.maxY - 1, style: style, maxWidth: area.width)
        for row in (area.y + 1)..<(area.maxY - 1) {
            grid.write("│", x: area.x, y: row, style: style)
            grid.write("│", x: area.maxX - 1, y: row, style: style)
        }
        if let title, !title.isEmpty, area.width >= 5 {
            let fitted = TextLayout.truncate(title, width: area.width - 4)
            grid.write(" " + fitted + " ", x: area.x + 1, y: area.y, style: titleStyle, maxWidth: area.width - 2)
        }
    }
}
