// MARK: - Cell

/// One column of one row of a ``Grid``.
///
/// A wide character (CJK, most emoji) occupies two cells: the first holds the character and
/// the second is a continuation cell whose text is empty. Backends never write into a
/// continuation cell, as in ratatui's buffer.
public struct Cell: Hashable, Sendable {
    /// One grapheme cluster; `" "` for a blank cell; `""` for the trailing half of a wide character.
    public var text: String
    /// How the cell is drawn.
    public var style: Style

    /// Creates a cell.
    /// - Parameters:
    ///   - text: One grapheme cluster, `" "` for blank or `""` for a continuation cell.
    ///   - style: How the cell is drawn.
    public init(text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// A space in the plain style.
    public static let blank = Cell(text: " ")

    /// Whether this cell is the trailing half of a wide character.
    public var isContinuation: Bool { text.isEmpty }
}
