// MARK: - TerminalStartError

/// Why the full-screen display could not start, in one plain sentence for the facilitator.
///
/// Defined here rather than in the backend so the checks and wording are tested without a
/// terminal; the ncurses backend throws it.
public enum TerminalStartError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Standard input or output is a file or pipe rather than a terminal.
    case notATerminal
    /// `TERM` is unset or empty.
    case terminalTypeNotSet
    /// `TERM=dumb` (or similar): the terminal cannot move the cursor.
    case cannotMoveCursor(term: String)
    /// The terminal library has no description of this `TERM`.
    case unknownTerminal(term: String)

    /// One plain-language sentence saying what is wrong and, where possible, what to try.
    public var description: String {
        switch self {
        case .notATerminal:
            return "Campfire needs a terminal to draw its screen, but its input or output is not a terminal."
        case .terminalTypeNotSet:
            return "The TERM setting is empty, so Campfire can't tell what kind of terminal this is. Try: export TERM=xterm-256color"
        case .cannotMoveCursor(let term):
            return "This terminal (TERM=\(TextLayout.sanitize(term))) can't move the cursor, so Campfire can't draw its screen here."
        case .unknownTerminal(let term):
            return "This computer doesn't know the terminal type TERM=\(TextLayout.sanitize(term)), so Campfire can't draw its screen. Try: export TERM=xterm-256color"
        }
    }

    /// The problem that stops a full-screen display, judged before touching the terminal.
    /// - Parameters:
    ///   - inputIsTerminal: Whether standard input is a terminal (`isatty(0)`).
    ///   - outputIsTerminal: Whether standard output is a terminal (`isatty(1)`).
    ///   - term: The `TERM` environment variable, or nil if unset.
    /// - Returns: The problem, or nil if the terminal library may be started.
    public static func check(inputIsTerminal: Bool, outputIsTerminal: Bool, term: String?) -> TerminalStartError? {
        guard inputIsTerminal, outputIsTerminal else { return .notATerminal }
        // Bytes, not Character.isWhitespace: the Unicode tables would be touched for the
        // first time here, on the path to the first screen.
        guard let term, !term.utf8.allSatisfy({ $0 == 0x20 || (0x09...0x0D).contains($0) }) else { return .terminalTypeNotSet }
        if ["dumb", "unknown", "emacs"].contains(term) { return .cannotMoveCursor(term: term) }
        return nil
    }
}
