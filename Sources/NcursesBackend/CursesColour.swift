import CNcursesw
import TerminalUI

// MARK: - CursesColour

/// Curses colour numbers for ``ColourName``.
enum CursesColour {
    /// The curses colour number.
    /// - Parameters:
    ///   - name: The colour.
    ///   - availableColours: `COLORS` of the terminal.
    ///   - hasDefault: Whether `use_default_colors` succeeded, so -1 means "the terminal's own".
    ///   - isBackground: Picks the stand-in for `default` when defaults are unavailable.
    /// - Returns: The colour number.
    static func number(for name: ColourName, availableColours: Int32, hasDefault: Bool, isBackground: Bool) -> Int16 {
        guard let index = name.paletteIndex else {
            if hasDefault { return -1 }
            return isBackground ? Int16(COLOR_BLACK) : Int16(COLOR_WHITE)
        }
        // Bright colours by their own number; on an 8-colour terminal, the plain one.
        return Int16(availableColours >= 16 ? index : (name.eightColourStandIn ?? index))
    }
}
