// MARK: - Paragraph

/// A block of text, word-wrapped or cut line by line.
public struct Paragraph: Widget, Sendable {
    /// The text; `\n` starts a new line.
    public var text: String
    /// Style of every character.
    public var style: Style
    /// Word-wrap long lines (true) or truncate them with `…` (false).
    public var wraps: Bool
    /// Where each line sits horizontally.
    public var alignment: Alignment

    /// Creates a paragraph.
    /// - Parameters:
    ///   - text: The text; `\n` starts a new line.
    ///   - style: Style of every character.
    ///   - wraps: Word-wrap long lines (true) or truncate them (false).
    ///   - alignment: Where each line sits horizontally.
    public init(_ text: String, style: Style = .plain, wraps: Bool = true, alignment: Alignment = .left) {
        self.text = text
        self.style = style
        self.wraps = wraps
        self.alignment = alignment
    }

    /// The lines this paragraph shows at a given width, before clipping to a height.
    /// - Parameter width: Available columns.
    /// - Returns: The lines.
    public func lines(width: Int) -> [String] {
        guard width > 0 else { return [] }
        if wraps { return TextLayout.wrap(text, width: width) }
        return text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
            .map { TextLayout.truncate(String($0), width: width) }
    }

    /// Rows needed to show all of the text at a given width.
    /// - Parameter width: Available columns.
    /// - Returns: Number of lines.
    public func height(width: Int) -> Int { lines(width: width).count }

    /// Draws the lines from the top of `area`; lines beyond its height are not shown.
    public func render(in area: Rect, into grid: inout Grid) {
        guard !area.isEmpty else { return }
        for (index, line) in lines(width: area.width).prefix(area.height).enumerated() {
            let fitted = alignment == .left ? line : TextLayout.aligned(line, width: area.width, alignment: alignment)
            grid.write(fitted, x: area.x, y: area.y + index, style: style, maxWidth: area.width)
        }
    }
}
