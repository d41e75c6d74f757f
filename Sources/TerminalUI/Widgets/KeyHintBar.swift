// MARK: - KeyHintBar

/// The key-hint line at the bottom of every full-screen program: ` a add  ] next     ? all keys  q quit `.
///
/// Hints are shown in order while they fit whole, after a one-column margin; the rest are left
/// out rather than cut mid-word, because half a hint misleads. The pinned hints (the way out,
/// and the key that lists every key) stay at the right however narrow the bar. Where some keys
/// are never in the bar and `?` is a letter (a box, a name picker), `more` ("F1 more") is pinned
/// too, so no key is hidden without the bar saying how to see it. The whole row is one band.
public struct KeyHintBar: Widget, Sendable {
    public typealias Hint = (keys: String, label: String)

    /// The hints, in order of importance.
    public var hints: [Hint]
    /// Hints kept at the right whatever the width ("? all keys", "q quit", "Esc cancel").
    public var pinned: [Hint]
    /// The key that lists every key, pinned first unless a pinned hint already has its keys.
    public var more: Hint?
    /// Style of the key names.
    public var keyStyle: Style
    /// Style of the labels and the rest of the bar.
    public var labelStyle: Style

    /// Creates a hint bar.
    /// - Parameters:
    ///   - hints: The hints, most important first.
    ///   - pinned: Hints kept at the right.
    ///   - more: The key that lists every key, where `?` cannot be used.
    ///   - keyStyle: Style of the key names.
    ///   - labelStyle: Style of the labels and the background.
    public init(_ hints: [Hint], pinned: [Hint] = [], more: Hint? = nil,
                keyStyle: Style = Style(.hint, bold: true, reverse: true), labelStyle: Style = Style(.hint, reverse: true)) {
        self.hints = hints
        self.pinned = pinned
        self.more = more
        self.keyStyle = keyStyle
        self.labelStyle = labelStyle
    }

    /// The text of the bar at a given width, without styles.
    /// - Parameter width: Available columns.
    public func text(width: Int) -> String {
        var grid = Grid(width: Swift.max(0, width), height: 1)
        render(in: grid.area, into: &grid)
        return grid.rowText(0)
    }

    /// The pinned hints as drawn: `more` first when it is not already there.
    public var shownPinned: [Hint] {
        guard let more, !pinned.contains(where: { $0.keys == more.keys }) else { return pinned }
        return [more] + pinned
    }

    /// Draws the bar on the first row of `area`.
    public func render(in area: Rect, into grid: inout Grid) {
        guard !area.isEmpty else { return }
        let (x, y, width) = (area.x, area.y, area.width)
        grid.fill(Rect(x: x, y: y, width: width, height: 1), style: labelStyle)
        func size(_ hint: Hint) -> Int { TextWidth.of(hint.keys) + 1 + TextWidth.of(hint.label) + 2 }
        let pinned = shownPinned
        let pinnedWidth = pinned.reduce(0) { $0 + size($1) }
        var column = x + 1
        func draw(_ hint: Hint) {
            column += grid.write(TextLayout.sanitize(hint.keys), x: column, y: y, style: keyStyle) + 1
            column += grid.write(TextLayout.sanitize(hint.label), x: column, y: y, style: labelStyle) + 2
        }
        for hint in hints {
            guard column + size(hint) - 2 <= x + width - 1 - pinnedWidth else { break }
            draw(hint)
        }
        column = Swift.max(column, x + width - pinnedWidth)
        for hint in pinned where column + size(hint) - 2 <= x + width {
            draw(hint)
        }
    }
}
