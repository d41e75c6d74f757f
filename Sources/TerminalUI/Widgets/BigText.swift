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
            let glyph = glyphs[character] ?? unknown
            for row in 0..<height {
                if index > 0 { rows[row] += " " }
                rows[row] += String(glyph[row].map { $0 == "#" ? "█" : $0 })
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
            total += (glyphs[character] ?? unknown)[0].count + (index > 0 ? 1 : 0)
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

    private static let glyphs: [Character: [String]] = [
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
