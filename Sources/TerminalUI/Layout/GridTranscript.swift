
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

    /// A grid read back from its ``text(of:)``, for a screen kept in a file and shown again
    /// (`campfire resume` shows the screen it left while the workshop opens).
    ///
    /// Each row's characters go back into their cells, as many as each is wide, then every cell
    /// gets the style its letters name. A grid that does not come back equal
    /// (`grid(from: text(of: g), …) == g`) should not be kept: a caller checks that when writing.
    /// - Returns: nil unless `text` is a whole transcript of a grid of exactly this size.
    public static func grid(from text: String, width: Int, height: Int) -> Grid? {
        guard width > 0, height > 0 else { return nil }
        var text = text
        return text.withUTF8 { grid(from: $0, width: width, height: height) }
    }

    /// The same, from the transcript's UTF-8 bytes (read by bytes: this is on the way to the first
    /// screen of `campfire resume`, and splitting a `String` by `Character` costs a millisecond).
    private static func grid(from bytes: UnsafeBufferPointer<UInt8>, width: Int, height: Int) -> Grid? {
        // The lines, as ranges of bytes: rows, a blank line, the roles' legend and rows, a blank
        // line, the attributes' legend and rows, and nothing after the last newline.
        var lines: [Range<Int>] = []
        lines.reserveCapacity(3 * height + 5)
        var start = 0
        for index in 0..<bytes.count where bytes[index] == 0x0A {
            lines.append(start..<index)
            start = index + 1
        }
        guard start == bytes.count, lines.count == 3 * height + 4,
              lines[height].isEmpty, startsWith(bytes, lines[height + 1], "roles: "),
              lines[2 * height + 2].isEmpty, startsWith(bytes, lines[2 * height + 3], "attributes: ")
        else { return nil }
        // Inside the quotes of a line.
        func unquoted(_ line: Range<Int>) -> Range<Int>? {
            guard line.count >= 2, bytes[line.lowerBound] == 0x22, bytes[line.upperBound - 1] == 0x22 else { return nil }
            return line.lowerBound + 1..<line.upperBound - 1
        }
        var grid = Grid(width: width, height: height)
        for y in 0..<height {
            guard let characters = unquoted(lines[y]),
                  let roles = unquoted(lines[height + 2 + y]), roles.count == width,
                  let attributes = unquoted(lines[2 * height + 4 + y]), attributes.count == width
            else { return nil }
            if characters.count == width, characters.allSatisfy({ bytes[$0] >= 0x20 && bytes[$0] < 0x7F }) {
                // Plain ASCII, one cell per byte (most rows): as `write` would put them down.
                for (x, index) in characters.enumerated() where bytes[index] != 0x20 {
                    grid[x, y] = Cell(text: String(UnicodeScalar(bytes[index])))
                }
            } else if !readRow(String(decoding: UnsafeBufferPointer(rebasing: bytes[characters]), as: UTF8.self), y: y, into: &grid) {
                return nil
            }
            for x in 0..<width {
                guard let style = style(role: bytes[roles.lowerBound + x], attribute: bytes[attributes.lowerBound + x]) else { return nil }
                if style != .plain { grid[x, y].style = style }
            }
        }
        return grid
    }

    /// Puts a row's characters back into their cells: each cluster in a cell of its width (a wide
    /// one with its continuation cell), a zero-width one (a left-to-right mark after a
    /// right-to-left name, say) joined to the cell before, as the grid held them. Not `write`:
    /// that would lay the text out again (marks moved, text cleaned), not read it back.
    /// - Returns: false unless the row fills exactly the grid's width.
    private static func readRow(_ text: String, y: Int, into grid: inout Grid) -> Bool {
        var x = 0
        for character in text {
            let columns = TextWidth.of(character)
            if columns == 0 {
                guard x > 0 else { return false }
                let head = grid[x - 1, y].isContinuation ? x - 2 : x - 1
                grid[head, y].text.append(character)
                continue
            }
            guard x + columns <= grid.width else { return false }
            grid[x, y] = Cell(text: String(character))
            if columns == 2 { grid[x + 1, y] = Cell(text: "") }
            x += columns
        }
        return x == grid.width
    }

    private static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard line.count >= count else { return false }
        return UnsafeBufferPointer(rebasing: bytes[line]).starts(with: UnsafeBufferPointer(start: prefix.utf8Start, count: count))
    }

    /// The style two letters of a transcript name, or nil for a letter that names none.
    private static func style(role: UInt8, attribute: UInt8) -> Style? {
        guard role < 128, attribute < 128, let role = rolesByLetter[Int(role)], let flags = attributesByLetter[Int(attribute)] else { return nil }
        return Style(role, bold: flags.bold, underline: flags.underline, reverse: flags.reverse)
    }

    /// Roles by their letter's ASCII code (an array: quicker to set up than a dictionary).
    private static let rolesByLetter: [Role?] = {
        var table = [Role?](repeating: nil, count: 128)
        for role in Role.allCases { table[Int(role.letter.asciiValue!)] = role }
        return table
    }()

    /// Bold, underline and reverse by their letter's ASCII code.
    private static let attributesByLetter: [(bold: Bool, underline: Bool, reverse: Bool)?] = {
        var table = [(bold: Bool, underline: Bool, reverse: Bool)?](repeating: nil, count: 128)
        for entry in attributeLetters { table[Int(entry.letter.asciiValue!)] = (entry.bold, entry.underline, entry.reverse) }
        return table
    }()

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
