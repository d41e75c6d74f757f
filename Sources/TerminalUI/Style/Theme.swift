// MARK: - Theme

/// Colours for every ``Role``, as one of htop's colour schemes.
///
/// Both built-in themes are high contrast because projectors wash colours out: text is
/// bright on black or black on white, and states that matter (selection, warnings,
/// overruns) use solid backgrounds rather than coloured text alone.
public struct Theme: Sendable {
    /// The colours of one role.
    public struct Colours: Hashable, Sendable {
        /// Text colour.
        public var foreground: ColourName
        /// Background colour.
        public var background: ColourName
        /// Whether the role is always drawn bold (in addition to the style's own attributes).
        public var bold: Bool

        /// Creates the colours of one role.
        /// - Parameters:
        ///   - foreground: Text colour.
        ///   - background: Background colour.
        ///   - bold: Always draw bold.
        public init(_ foreground: ColourName, on background: ColourName, bold: Bool = false) {
            self.foreground = foreground
            self.background = background
            self.bold = bold
        }
    }

    /// The theme's name, as a user would type it (`dark`, `light`, `contrast`).
    public let name: String
    /// Colours per role, in `Role.allCases` order. An array rather than a dictionary: the
    /// theme is built before the first screen, and a dictionary keyed by `Role` costs 0.3 ms of
    /// Swift set-up on its first use (docs/performance.md).
    private let table: [Colours]

    /// Creates a theme.
    /// - Parameters:
    ///   - name: The theme's name.
    ///   - colours: Colours per role; roles left out use the colours of ``Role/text``.
    public init(name: String, colours: KeyValuePairs<Role, Colours>) {
        self.name = name
        func given(_ role: Role) -> Colours? { colours.first { $0.key == role }?.value }
        let fallback = given(.text) ?? Colours(.default, on: .default)
        self.table = Role.allCases.map { given($0) ?? fallback }
    }

    /// The colours for a role.
    /// - Parameter role: The role to look up.
    /// - Returns: Foreground, background, and whether the role is always bold.
    public func colours(for role: Role) -> (foreground: ColourName, background: ColourName, bold: Bool) {
        let entry = table[role.ordinal]
        return (entry.foreground, entry.background, entry.bold)
    }

    /// The built-in themes, in the order a user would cycle through them.
    public static let all: [Theme] = [.dark, .light, .contrast]

    /// The names a user can type, in order, for messages and help ("dark, light or contrast").
    public static var names: [String] { all.map(\.name) }

    /// The built-in theme with this name, if any (case-insensitive).
    /// - Parameter name: `dark`, `light` or `contrast`.
    /// - Returns: The theme, or nil for an unknown name.
    public static func named(_ name: String) -> Theme? {
        all.first { $0.name == name.lowercased() }
    }

    // MARK: Built-in themes
    //
    // Every pair below reaches 7:1 under the xterm, VGA/Linux console, macOS Terminal,
    // Windows Terminal Campbell and GNOME Tango palettes (ThemeContrastTests, docs/contrast.md).
    // Only black with white, bright white, bright yellow, bright cyan or bright green does, so
    // there is no red text or red background: RED is carried by its word and symbol. Bold is
    // never asked for on a colour a terminal would brighten (see ColourPairTable).

    /// Bright text on black: for dim rooms and most projectors.
    public static let dark = Theme(name: "dark", colours: [
        .text: Colours(.brightWhite, on: .black),
        .muted: Colours(.white, on: .black),
        .heading: Colours(.brightCyan, on: .black, bold: true),
        .title: Colours(.black, on: .brightCyan),
        .accent: Colours(.brightYellow, on: .black, bold: true),
        .selected: Colours(.black, on: .brightWhite),
        .highlight: Colours(.black, on: .brightYellow),
        .warning: Colours(.brightYellow, on: .black, bold: true),
        .danger: Colours(.black, on: .brightYellow),
        .good: Colours(.brightGreen, on: .black, bold: true),
        .red: Colours(.black, on: .brightWhite),
        .amber: Colours(.black, on: .brightYellow),
        .green: Colours(.black, on: .brightGreen),
        .overrun: Colours(.black, on: .brightYellow),
        .jargon: Colours(.brightYellow, on: .black, bold: true),
        .border: Colours(.white, on: .black),
        .hint: Colours(.black, on: .brightCyan),
        .banner: Colours(.black, on: .brightYellow),
        .bigLetters: Colours(.brightCyan, on: .black),
    ])

    /// Black text on white: for bright rooms and projectors that turn dark greys to mud.
    public static let light = Theme(name: "light", colours: [
        .text: Colours(.black, on: .brightWhite),
        .muted: Colours(.black, on: .white),
        .heading: Colours(.black, on: .brightCyan),
        .title: Colours(.black, on: .brightCyan),
        .accent: Colours(.black, on: .brightYellow),
        .selected: Colours(.brightWhite, on: .black),
        .highlight: Colours(.black, on: .brightYellow),
        .warning: Colours(.black, on: .brightYellow),
        .danger: Colours(.brightWhite, on: .black),
        .good: Colours(.black, on: .brightGreen),
        .red: Colours(.brightWhite, on: .black),
        .amber: Colours(.black, on: .brightYellow),
        .green: Colours(.black, on: .brightGreen),
        .overrun: Colours(.black, on: .brightYellow),
        .jargon: Colours(.black, on: .brightYellow),
        .border: Colours(.black, on: .brightWhite),
        .hint: Colours(.black, on: .brightCyan),
        .banner: Colours(.black, on: .brightYellow),
        .bigLetters: Colours(.black, on: .brightWhite),
    ])

    /// Only black and bright white: for very bright rooms and washed-out projectors, where
    /// any colour turns pale. States that matter are reversed bands.
    public static let contrast = Theme(name: "contrast", colours: [
        .text: Colours(.black, on: .brightWhite),
        .muted: Colours(.black, on: .brightWhite),
        .heading: Colours(.black, on: .brightWhite),
        .title: Colours(.brightWhite, on: .black, bold: true),
        .accent: Colours(.black, on: .brightWhite),
        .selected: Colours(.brightWhite, on: .black, bold: true),
        .highlight: Colours(.brightWhite, on: .black, bold: true),
        .warning: Colours(.brightWhite, on: .black, bold: true),
        .danger: Colours(.brightWhite, on: .black, bold: true),
        .good: Colours(.black, on: .brightWhite),
        .red: Colours(.brightWhite, on: .black, bold: true),
        .amber: Colours(.brightWhite, on: .black, bold: true),
        .green: Colours(.brightWhite, on: .black, bold: true),
        .overrun: Colours(.brightWhite, on: .black, bold: true),
        .jargon: Colours(.brightWhite, on: .black, bold: true),
        .border: Colours(.black, on: .brightWhite),
        .hint: Colours(.brightWhite, on: .black),
        .banner: Colours(.brightWhite, on: .black, bold: true),
        .bigLetters: Colours(.black, on: .brightWhite),
    ])
}
