// MARK: - KeyHintBar

/// The key-hint line at the bottom of the console: `Enter save  Esc back  ? help`.
///
/// Hints are shown in order while they fit whole; the rest are left out rather than cut
/// mid-word, because half a hint misleads. The remaining columns are filled in the label
/// style so the bar reads as one band.
public struct KeyHintBar: Widget, Sendable {
    /// The hints, in order of importance.
    public var hints: [(keys: String, label: String)]
    /// Style of the key names.
    public var keyStyle: Style
    /// Style of the labels and the rest of the bar.
    public var labelStyle: Style

    /// Creates a hint bar.
    /// - Parameters:
    ///   - hints: The hints, most important first.
    ///   - keyStyle: Style of the key names.
    ///   - labelStyle: Style of the labels and the background.
    public init(_ hints: [(keys: String, label: String)], keyStyle: Style = Style(.hint, bold: true),
                labelStyle: Style = Style(.hint)) {
        self.hints = hints
        self.keyStyle = keyStyle
        self.labelStyle = labelStyle
    }

    /// The text of the bar at a given width, without styles.
    /// - Parameter width: Available columns.
    /// - Returns: The hints that fit, separated by two spaces.
    public func text(width: Int) -> String {
        var grid = Grid(width: Swift.max(0, width), height: 1)
        render(in: grid.area, into: &grid)
        return grid.rowText(0)
    }

    /// Draws the hints on the first row of `area`.
    public func render(in area: Rect, into grid: inout Grid) {
        guard !area.isEmpty else { return }
        grid.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: labelStyle)
        var column = area.x
        for (index, hint) in hints.enumerated() {
            let separator = index == 0 ? 0 : 2
            let keys = TextLayout.sanitize(hint.keys), label = TextLayout.sanitize(hint.label)
            let needed = separator + TextWidth.of(keys) + (label.isEmpty ? 0 : 1 + TextWidth.of(label))
            if column + needed > area.maxX {
                // The first hint is cut rather than dropped so a narrow bar is never empty.
                if index != 0 { break }
            }
            column += separator
            column += grid.write(keys, x: column, y: area.y, style: keyStyle, maxWidth: area.maxX - column)
            if !label.isEmpty, column < area.maxX {
                column += 1
                column += grid.write(label, x: column, y: area.y, style: labelStyle, maxWidth: area.maxX - column)
            }
            if column >= area.maxX { break }
        }
    }
}
