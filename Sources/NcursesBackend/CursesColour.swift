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
        switch name {
        case .black: return Int16(COLOR_BLACK)
        case .red: return Int16(COLOR_RED)
        case .green: return Int16(COLOR_GREEN)
        case .yellow: return Int16(COLOR_YELLOW)
        case .blue: return Int16(COLOR_BLUE)
        case .magenta: return Int16(COLOR_MAGENTA)
        case .cyan: return Int16(COLOR_CYAN)
        case .white: return Int16(COLOR_WHITE)
        case .brightWhite: return availableColours >= 16 ? 15 : Int16(COLOR_WHITE)
        case .default:
            if hasDefault { return -1 }
            return isBackground ? Int16(COLOR_BLACK) : Int16(COLOR_WHITE)
        }
    }
}
