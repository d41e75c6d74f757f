// MARK: - Key

/// One key press (or one paste, or a resize), independent of the terminal library.
public enum Key: Hashable, Sendable {
    /// A printable character as typed (one grapheme cluster, or part of one for combining input).
    case character(Character)
    /// Enter / Return.
    case enter
    /// Escape pressed on its own.
    case escape
    /// Tab.
    case tab
    /// Shift-Tab.
    case backTab
    /// Backspace (erase to the left).
    case backspace
    /// Delete (erase to the right).
    case delete
    /// Arrow up.
    case up
    /// Arrow down.
    case down
    /// Arrow left.
    case left
    /// Arrow right.
    case right
    /// Home.
    case home
    /// End.
    case end
    /// Page Up.
    case pageUp
    /// Page Down.
    case pageDown
    /// Ctrl plus a key: a lower-case letter (`.control("r")` is Ctrl-R), or one of `\ ] ^ _`.
    case control(Character)
    /// Function key F1–F12 (or higher, if the terminal sends them).
    case function(Int)
    /// Text pasted in one go (bracketed paste). It must never trigger shortcuts.
    case paste(String)
    /// The terminal changed size; re-read the size and redraw.
    case resize

    /// A short name for help screens and logs: `Enter`, `Ctrl-R`, `F5`, `a`.
    public var name: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .control(let character): return "Ctrl-" + String(character).uppercased()
        case .function(let number): return "F\(number)"
        case .paste: return "Paste"
        case .resize: return "Resize"
        }
    }
}
