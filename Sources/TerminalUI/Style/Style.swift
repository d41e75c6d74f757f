// MARK: - Style

/// How a cell is drawn: a ``Role`` (mapped to colours by a ``Theme``) plus text attributes.
///
/// Attributes are kept separate from the role so meaning survives without colour
/// (`NO_COLOR`, monochrome projectors): a selected row is also reversed, a heading also bold.
public struct Style: Hashable, Sendable {
    /// The meaning of the text, which the theme turns into colours.
    public var role: Role
    /// Draw in bold.
    public var bold: Bool
    /// Draw underlined.
    public var underline: Bool
    /// Swap foreground and background.
    public var reverse: Bool

    /// Creates a style.
    /// - Parameters:
    ///   - role: The meaning of the text; ``Role/text`` by default.
    ///   - bold: Draw in bold.
    ///   - underline: Draw underlined.
    ///   - reverse: Swap foreground and background.
    public init(_ role: Role = .text, bold: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.role = role
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
    }

    /// Ordinary text with no attributes.
    public static let plain = Style()
}
