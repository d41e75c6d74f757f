import CNcursesw
import TerminalUI

// MARK: - CursesKeyMap

/// Keys that ncurses has already recognised (`get_wch` answered `KEY_CODE_YES`).
///
/// Everything else arrives as characters and is decoded by TerminalUI's `KeyDecoder`.
enum CursesKeyMap {
    /// The key for an ncurses key code, or nil for codes Campfire does not use.
    /// - Parameter code: A `KEY_*` value.
    /// - Returns: The key.
    static func key(for code: Int32) -> Key? {
        if let key = fixed[code] { return key }
        // Shifted function keys come as F13–F24 on many terminals; fold them onto F1–F12.
        let first = campfire_function_key(1), last = campfire_function_key(24)
        if code >= first && code <= last {
            let number = Int(code - first) + 1
            return .function(number > 12 ? number - 12 : number)
        }
        return nil
    }

    private static let fixed: [Int32: Key] = [
        KEY_UP: .up, KEY_DOWN: .down, KEY_LEFT: .left, KEY_RIGHT: .right,
        KEY_HOME: .home, KEY_END: .end, KEY_PPAGE: .pageUp, KEY_NPAGE: .pageDown,
        KEY_BACKSPACE: .backspace, KEY_DC: .delete, KEY_ENTER: .enter, KEY_BTAB: .backTab,
        KEY_RESIZE: .resize,
        // Keypad keys with keypad mode on, and shifted arrows: act as the plain keys.
        KEY_A1: .home, KEY_C1: .end, KEY_A3: .pageUp, KEY_C3: .pageDown,
        KEY_SR: .up, KEY_SF: .down, KEY_SLEFT: .left, KEY_SRIGHT: .right,
        KEY_SHOME: .home, KEY_SEND: .end,
    ]
}
