// MARK: - ColourPairTable

/// How a backend should set up colour pairs for a theme: one pair per ``Role``.
///
/// Kept out of the backend so it can be tested without a terminal. Curses numbers pairs
/// from 1 (pair 0 is the terminal default), so role *n* in `Role.allCases` order gets pair
/// *n + 1*. Without colour every role uses pair 0 and only the attributes carry meaning.
public struct ColourPairTable: Sendable {
    /// One role's pair.
    public struct Entry: Hashable, Sendable {
        /// The role this pair draws.
        public let role: Role
        /// The curses pair number (0 when colour is off).
        public let pair: Int
        /// Text colour.
        public let foreground: ColourName
        /// Background colour.
        public let background: ColourName
        /// Whether the theme draws this role bold.
        public let bold: Bool
    }

    /// Whether colours are used at all.
    public let usesColour: Bool
    /// One entry per role, in `Role.allCases` order.
    public let entries: [Entry]

    /// Builds the table.
    /// - Parameters:
    ///   - theme: The colours per role.
    ///   - useColour: False for `NO_COLOR` or a monochrome terminal.
    public init(theme: Theme, useColour: Bool) {
        usesColour = useColour
        entries = Role.allCases.enumerated().map { index, role in
            let colours = theme.colours(for: role)
            return Entry(
                role: role,
                pair: useColour ? index + 1 : 0,
                foreground: colours.foreground,
                background: colours.background,
                bold: colours.bold
            )
        }
    }

    /// The entry for a role.
    /// - Parameter role: The role to look up.
    /// - Returns: Its pair and colours.
    public func entry(for role: Role) -> Entry {
        entries[role.ordinal]
    }

    /// The attributes to draw a style with once colour is taken away.
    ///
    /// Without colour, roles whose meaning is carried by a solid background in the themes
    /// (selection, warnings, RED/AMBER/GREEN, overruns, banners) are drawn reversed or bold
    /// so they still stand out; the words and symbols next to them carry the rest.
    /// - Parameter style: The style to draw.
    /// - Returns: Bold, underline and reverse to apply.
    ///
    /// With colour, bold is left out whenever a terminal that draws bold as bright could
    /// change the text's colour: when the foreground is one of colours 0-7 (bold black turns
    /// grey on xterm and macOS Terminal), and when reversed, also when the background is.
    /// Bold then only thickens the letters; it never chooses a colour.
    public func attributes(for style: Style) -> (bold: Bool, underline: Bool, reverse: Bool) {
        let entry = entry(for: style.role)
        var bold = style.bold || entry.bold
        var reverse = style.reverse
        if usesColour, bold, entry.foreground.changesWhenBold || (reverse && entry.background.changesWhenBold) {
            bold = false
        }
        if !usesColour {
            switch style.role {
            case .selected, .title, .banner, .overrun, .danger, .hint:
                reverse = !reverse
            case .heading, .warning, .red, .amber, .green, .good, .jargon, .accent:
                bold = true
            default:
                break
            }
        }
        return (bold, style.underline, reverse)
    }
}
