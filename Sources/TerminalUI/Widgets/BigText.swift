// MARK: - BigText

/// Block letters five rows tall, for headings that must be read from the back of a room.
///
/// Glyphs are drawn with `█` and spaces, one blank column between letters. Letters are
/// case-insensitive; digits, space and `. , ! ? : - ' ( ) /` are supported; anything else
/// becomes a small hollow box so missing glyphs are visible rather than silently dropped.
public enum BigText {
    /// Rows of every glyph.
    public static let height = 5

    /// The rows of `text` in block letters; every row has the same width.
    /// - Parameter text: The text to draw (one line).
    /// - Returns: ``height`` strings of equal width (empty strings for empty text).
    public static func lines(_ text: String) -> [String] {
        var rows = Array(repeating: "", count: height)
        for (index, character) in text.uppercased().enumerated() {
            let shape = glyph(for: character)
            for row in 0..<height {
                if index > 0 { rows[row] += " " }
                rows[row] += String(shape[row].map { $0 == "#" ? "█" : $0 })
            }
        }
        return rows
    }

    /// Columns `text` takes in block letters.
    /// - Parameter text: The text to measure.
    /// - Returns: Width of each of its rows.
    public static func width(of text: String) -> Int {
        var total = 0
        for (index, character) in text.uppercased().enumerated() {
            total += glyph(for: character)[0].count + (index > 0 ? 1 : 0)
        }
        return total
    }

    /// Whether `text` fits in `columns` columns of block letters.
    /// - Parameters:
    ///   - text: The text.
    ///   - columns: Available width.
    /// - Returns: True when it fits (and `height` rows are available is the caller's check).
    public static func fits(_ text: String, columns: Int) -> Bool { width(of: text) <= columns }

    // MARK: Font

    private static let unknown = ["###", "# #", "# #", "# #", "###"]

    private static func glyph(for character: Character) -> [String] {
        guard let code = character.asciiValue else { return unknown }
        return byCode[Int(code)] ?? unknown
    }

    /// The glyphs by ASCII code. A table rather than a dictionary keyed by `Character`: the home
    /// screen draws block letters first thing, and such a dictionary costs 0.1 ms of Swift
    /// set-up on first use (docs/performance.md).
    private static let byCode: [[String]?] = {
        var table = [[String]?](repeating: nil, count: 128)
        for (character, rows) in glyphs { table[Int(character.asciiValue!)] = rows }
        return table
    }()

    private static let glyphs: KeyValuePairs<Character, [String]> = [
        "A": [" ### ", "#   #", "#####", "#   #", "#   #"],
        "B": ["#### ", "#   #", "#### ", "#   #", "#### "],
        "C": [" ####", "#    ", "#    ", "#    ", " ####"],
        "D": ["#### ", "#   #", "#   #", "#   #", "#### "],
        "E": ["#####", "#    ", "#### ", "#    ", "#####"],
        "F": ["#####", "#    ", "#### ", "#    ", "#    "],
        "G": [" ####", "#    ", "#  ##", "#   #", " ####"],
        "H": ["#   #", "#   #", "#####", "#   #", "#   #"],
        "I": ["#####", "  #  ", "  #  ", "  #  ", "#####"],
        "J": ["#####", "   # ", "   # ", "#  # ", " ##  "],
        "K": ["#   #", "#  # ", "###  ", "#  # ", "#   #"],
        "L": ["#    ", "#    ", "#    ", "#    ", "#####"],
        "M": ["#   #", "## ##", "# # #", "#   #", "#   #"],
        "N": ["#   #", "##  #", "# # #", "#  ##", "#   #"],
        "O": [" ### ", "#   #", "#   #", "#   #", " ### "],
        "P": ["#### ", "#   #", "#### ", "#    ", "#    "],
        "Q": [" ### ", "#   #", "# # #", "#  # ", " ## #"],
        "R": ["#### ", "#   #", "#### ", "#  # ", "#   #"],
        "S": [" ####", "#    ", " ### ", "    #", "#### "],
        "T": ["#####", "  #  ", "  #  ", "  #  ", "  #  "],
        "U": ["#   #", "#   #", "#   #", "#   #", " ### "],
        "V": ["#   #", "#   #", "#   #", " # # ", "  #  "],
        "W": ["#   #", "#   #", "# # #", "## ##", "#   #"],
        "X": ["#   #", " # # ", "  #  ", " # # ", "#   #"],
        "Y": ["#   #", " # # ", "  #  ", "  #  ", "  #  "],
        "Z": ["#####", "   # ", "  #  ", " #   ", "#####"],
        "0": [" ### ", "#  ##", "# # #", "##  #", " ### "],
        "1": ["  #  ", " ##  ", "  #  ", "  #  ", " ### "],
        "2": [" ### ", "#   #", "  ## ", " #   ", "#####"],
        "3": ["#### ", "    #", " ### ", "    #", "#### "],
        "4": ["#   #", "#   #", "#####", "    #", "    #"],
        "5": ["#####", "#    ", "#### ", "    #", "#### "],
        "6": [" ### ", "#    ", "#### ", "#   #", " ### "],
        "7": ["#####", "    #", "   # ", "  #  ", "  #  "],
        "8": [" ### ", "#   #", " ### ", "#   #", " ### "],
        "9": [" ### ", "#   #", " ####", "    #", " ### "],
        " ": ["   ", "   ", "   ", "   ", "   "],
        ".": [" ", " ", " ", " ", "#"],
        ",": ["  ", "  ", "  ", " #", "# "],
        "!": ["#", "#", "#", " ", "#"],
        "?": [" ### ", "#   #", "  ## ", "     ", "  #  "],
        ":": [" ", "#", " ", "#", " "],
        "-": ["   ", "   ", "###", "   ", "   "],
        "'": ["#", "#", " ", " ", " "],
        "(": [" #", "# ", "# ", "# ", " #"],
        ")": ["# ", " #", " #", " #", "# "],
        "/": ["    #", "   # ", "  #  ", " #   ", "#    "],
    ]
}
