// MARK: - Paragraph

/// A block of text, word-wrapped or cut line by line. Every wrapped text on the screens and the
/// wall is drawn by it: when a wrapped paragraph has more lines than rows, its last row keeps
/// whole words and ends with how many more there are ("… 12 more words"), so a cut always says
/// how much is hidden.
public struct Paragraph: Widget, Sendable {
    /// The text; `\n` starts a new line.
    public var text: String
    /// Style of every character.
    public var style: Style
    /// Word-wrap long lines (true) or truncate them with `…` (false).
    public var wraps: Bool
    /// Where each line sits horizontally.
    public var alignment: Alignment
    /// Whether a wrapped paragraph cut short says how many words are hidden.
    public var tellsHidden: Bool

    /// Creates a paragraph.
    /// - Parameters:
    ///   - text: The text; `\n` starts a new line.
    ///   - style: Style of every character.
    ///   - wraps: Word-wrap long lines (true) or truncate them (false).
    ///   - alignment: Where each line sits horizontally.
    ///   - tellsHidden: A wrapped paragraph cut short ends with how many words are hidden.
    public init(_ text: String, style: Style = .plain, wraps: Bool = true, alignment: Alignment = .left, tellsHidden: Bool = true) {
        self.text = text
        self.style = style
        self.wraps = wraps
        self.alignment = alignment
        self.tellsHidden = tellsHidden
    }

    /// The lines shown in `rows` rows: all of them if they fit; otherwise the first rows, the
    /// last ending with how many words are hidden (for a wrapped paragraph that tells).
    public func shownLines(width: Int, rows: Int) -> [String] {
        let all = lines(width: width)
        let count = Swift.min(all.count, Swift.max(rows, 0))
        guard count < all.count, count > 0, wraps, tellsHidden else { return Array(all.prefix(count)) }
        var shown = Array(all.prefix(count - 1))
        // The last row keeps whole words and ends with how many more there are.
        let rest = all[(count - 1)...].joined(separator: " ")
        let total = rest.split(separator: " ").count
        let marker = TextWidth.of(" … \(total) more words")
        let kept = TextLayout.wrap(rest, width: Swift.max(width - marker, 1)).first ?? ""
        shown.append(Self.cut(kept, hiddenWords: total - kept.split(separator: " ").count, width: width))
        return shown
    }

    /// A line ending with how many words are hidden after it, within `width`.
    public static func cut(_ line: String, hiddenWords: Int, width: Int) -> String {
        let marker = " … \(hiddenWords) more \(hiddenWords == 1 ? "word" : "words")"
        guard TextWidth.of(marker) < width else { return TextLayout.truncate(line + " …", width: width) }
        let room = width - TextWidth.of(marker)
        let kept = TextWidth.of(line) <= room ? line : TextLayout.truncate(line, width: room, ellipsis: "")
        return kept + marker
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
    public func render(in area: Rect, into grid: inout Grid) { draw(in: area, into: &grid) }

    /// Draws the paragraph (wrapping it once) and returns the rows it used.
    @discardableResult
    public func draw(in area: Rect, into grid: inout Grid) -> Int {
        guard !area.isEmpty else { return 0 }
        let shown = shownLines(width: area.width, rows: area.height)
        for (index, line) in shown.enumerated() {
            let fitted = alignment == .left ? line : TextLayout.aligned(line, width: area.width, alignment: alignment)
            grid.write(fitted, x: area.x, y: area.y + index, style: style, maxWidth: area.width)
        }
        return shown.count
    }
}
