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

    /// The theme's name, as a user would type it (`dark`, `light`).
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
    public static let all: [Theme] = [.dark, .light]

    /// The built-in theme with this name, if any (case-insensitive).
    /// - Parameter name: `dark` or `light`.
    /// - Returns: The theme, or nil for an unknown name.
    public static func named(_ name: String) -> Theme? {
        all.first { $0.name == name.lowercased() }
    }

    // MARK: Built-in themes

    /// Bright text on black: for dim rooms and most projectors.
    public static let dark = Theme(name: "dark", colours: [
        .text: Colours(.brightWhite, on: .black),
        .muted: Colours(.white, on: .black),
        .heading: Colours(.cyan, on: .black, bold: true),
        .title: Colours(.black, on: .cyan, bold: true),
        .accent: Colours(.yellow, on: .black, bold: true),
        .selected: Colours(.black, on: .white, bold: true),
        .highlight: Colours(.black, on: .yellow, bold: true),
        .warning: Colours(.yellow, on: .black, bold: true),
        .danger: Colours(.brightWhite, on: .red, bold: true),
        .good: Colours(.green, on: .black, bold: true),
        .red: Colours(.brightWhite, on: .red, bold: true),
        .amber: Colours(.black, on: .yellow, bold: true),
        .green: Colours(.black, on: .green, bold: true),
        .overrun: Colours(.brightWhite, on: .red, bold: true),
        .jargon: Colours(.magenta, on: .black, bold: true),
        .border: Colours(.cyan, on: .black),
        .hint: Colours(.black, on: .cyan),
        .banner: Colours(.black, on: .yellow, bold: true),
    ])

    /// Black text on white: for bright rooms and projectors that turn dark greys to mud.
    public static let light = Theme(name: "light", colours: [
        .text: Colours(.black, on: .white),
        .muted: Colours(.blue, on: .white),
        .heading: Colours(.blue, on: .white, bold: true),
        .title: Colours(.brightWhite, on: .blue, bold: true),
        .accent: Colours(.magenta, on: .white, bold: true),
        .selected: Colours(.brightWhite, on: .black, bold: true),
        .highlight: Colours(.black, on: .yellow, bold: true),
        .warning: Colours(.red, on: .white, bold: true),
        .danger: Colours(.brightWhite, on: .red, bold: true),
        .good: Colours(.green, on: .white, bold: true),
        .red: Colours(.brightWhite, on: .red, bold: true),
        .amber: Colours(.black, on: .yellow, bold: true),
        .green: Colours(.brightWhite, on: .green, bold: true),
        .overrun: Colours(.brightWhite, on: .red, bold: true),
        .jargon: Colours(.red, on: .white, bold: true),
        .border: Colours(.blue, on: .white),
        .hint: Colours(.brightWhite, on: .blue),
        .banner: Colours(.black, on: .yellow, bold: true),
    ])
}
