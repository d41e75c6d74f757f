// MARK: - ColourName

/// The terminal colours Campfire uses: the eight ANSI colours, four of their bright
/// versions, and the terminal's own default.
///
/// The bright versions are there because the room needs them: under the common palettes
/// (xterm, the VGA/Linux console, macOS Terminal, Windows Terminal's Campbell, GNOME's Tango)
/// only black paired with white, bright white, bright yellow, bright cyan or bright green
/// reaches 7:1 contrast everywhere (docs/contrast.md). A bright colour is asked for by its
/// own number (8-15), never by drawing a plain one bold, so no colour depends on bold.
public enum ColourName: Sendable, Hashable, CaseIterable {
    /// ANSI black.
    case black
    /// ANSI red.
    case red
    /// ANSI green.
    case green
    /// ANSI yellow (often brown-ish).
    case yellow
    /// ANSI blue.
    case blue
    /// ANSI magenta.
    case magenta
    /// ANSI cyan.
    case cyan
    /// ANSI white (a light grey on many terminals).
    case white
    /// Bright green (colour 10).
    case brightGreen
    /// Bright yellow (colour 11), for amber and highlights.
    case brightYellow
    /// Bright cyan (colour 14).
    case brightCyan
    /// Bright white (colour 15), for maximum contrast.
    case brightWhite
    /// Whatever the terminal's own foreground or background is.
    case `default`

    /// The colour's number in a 16-colour palette (0-15); nil for the terminal's default.
    public var paletteIndex: Int? {
        switch self {
        case .black: return 0
        case .red: return 1
        case .green: return 2
        case .yellow: return 3
        case .blue: return 4
        case .magenta: return 5
        case .cyan: return 6
        case .white: return 7
        case .brightGreen: return 10
        case .brightYellow: return 11
        case .brightCyan: return 14
        case .brightWhite: return 15
        case .default: return nil
        }
    }

    /// Whether a terminal that draws bold as bright would change this colour when drawn bold
    /// (xterm, macOS Terminal and the Linux console turn colours 0-7 into 8-15).
    public var changesWhenBold: Bool {
        guard let index = paletteIndex else { return false }
        return index < 8
    }

    /// The plain colour to use on a terminal with only eight colours (0-7).
    public var eightColourStandIn: Int? {
        paletteIndex.map { $0 % 8 }
    }
}
