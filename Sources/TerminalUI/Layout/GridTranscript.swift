// MARK: - GridTranscript

/// A whole screen written out as text, styles included, for golden files and tests: as
/// ratatui's `TestBackend` asserts a buffer with its styles.
///
/// Three blocks, each readable in a diff:
///
/// 1. the characters, one quoted row per screen row (``Grid/quotedRows()``);
/// 2. after a blank line, a legend of role letters, then one quoted row of role letters per
///    screen row, one letter per column (``Role/letter``; ordinary text is `.`);
/// 3. after a blank line, a legend of attribute letters, then one quoted row of attribute
///    letters per screen row (bold, underline and reverse are kept apart from the role in
///    ``Style``, so they get their own block; none is `.`).
///
/// The trailing half of a wide character gets the same letters as its first half, so every
/// style row is exactly as many letters as the screen is wide.
public enum GridTranscript {
    /// The legend line before the role rows.
    public static let roleLegend = "roles: " + Role.allCases.map { "\($0.letter)=\($0.rawValue)" }.joined(separator: " ")
    /// The legend line before the attribute rows.
    public static let attributeLegend = "attributes: " + attributeLetters.map { "\($0.letter)=\($0.name)" }.joined(separator: " ")

    /// Every combination of bold, underline and reverse, with its letter.
    static let attributeLetters: [(bold: Bool, underline: Bool, reverse: Bool, letter: Character, name: String)] = [
        (false, false, false, ".", "none"),
        (true, false, false, "b", "bold"),
        (false, true, false, "u", "underline"),
        (false, false, true, "r", "reverse"),
        (true, false, true, "R", "bold+reverse"),
        (true, true, false, "U", "bold+underline"),
        (false, true, true, "x", "underline+reverse"),
        (true, true, true, "X", "bold+underline+reverse"),
    ]

    /// The whole transcript of a grid: characters, roles, attributes.
    /// - Parameter grid: The screen.
    /// - Returns: The three blocks, each row quoted and ending in a newline.
    public static func text(of grid: Grid) -> String {
        grid.quotedRows() + "\n" + roleLegend + "\n" + quoted(roleRows(of: grid)) + "\n" + attributeLegend + "\n" + quoted(attributeRows(of: grid))
    }

    /// One string of role letters per screen row.
    /// - Parameter grid: The screen.
    /// - Returns: `grid.height` strings of `grid.width` letters.
    public static func roleRows(of grid: Grid) -> [String] {
        letterRows(of: grid) { $0.role.letter }
    }

    /// One string of attribute letters per screen row.
    /// - Parameter grid: The screen.
    /// - Returns: `grid.height` strings of `grid.width` letters.
    public static func attributeRows(of grid: Grid) -> [String] {
        letterRows(of: grid) { attributeLetter(of: $0) }
    }

    /// The letter for a style's bold, underline and reverse.
    /// - Parameter style: The style.
    /// - Returns: `.` for none, otherwise the letter from ``attributeLegend``.
    public static func attributeLetter(of style: Style) -> Character {
        attributeLetters.first { $0.bold == style.bold && $0.underline == style.underline && $0.reverse == style.reverse }!.letter
    }

    /// What a style letter means, for messages ("T (title)").
    /// - Parameters:
    ///   - letter: A letter from a role or attribute row.
    ///   - isRole: Whether it came from a role row.
    /// - Returns: The letter and its meaning.
    public static func describe(_ letter: Character, isRole: Bool) -> String {
        if isRole, let role = Role.allCases.first(where: { $0.letter == letter }) { return "\(letter) (\(role.rawValue))" }
        if !isRole, let entry = attributeLetters.first(where: { $0.letter == letter }) { return "\(letter) (\(entry.name))" }
        return "\(letter)"
    }

    private static func letterRows(of grid: Grid, _ letter: (Style) -> Character) -> [String] {
        (0..<grid.height).map { y in
            var row = ""
            var previous: Character = "."
            for x in 0..<grid.width {
                let cell = grid[x, y]
                // The trailing half of a wide character is drawn with its first half.
                let current = cell.isContinuation && x > 0 ? previous : letter(cell.style)
                row.append(current)
                previous = current
            }
            return row
        }
    }

    private static func quoted(_ rows: [String]) -> String {
        rows.map { "\"\($0)\"\n" }.joined()
    }
}

extension Role {
    /// The role's letter in a ``GridTranscript``: `.` for ordinary text, so the other roles
    /// stand out; capitals for the title and for RED, AMBER and GREEN.
    public var letter: Character {
        switch self {
        case .text: return "."
        case .muted: return "m"
        case .heading: return "h"
        case .title: return "T"
        case .accent: return "a"
        case .selected: return "s"
        case .highlight: return "l"
        case .warning: return "w"
        case .danger: return "d"
        case .good: return "g"
        case .red: return "R"
        case .amber: return "A"
        case .green: return "G"
        case .overrun: return "o"
        case .jargon: return "j"
        case .border: return "b"
        case .hint: return "k"
        case .banner: return "n"
        case .bigLetters: return "B"
        }
    }
}
