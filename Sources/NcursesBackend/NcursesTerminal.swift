import CNcursesw
import Glibc
import TerminalUI

// MARK: - NcursesTerminal

/// The full-screen terminal, through ncurses: set-up and teardown, colour pairs, key input
/// with a timeout, and drawing a ``Grid``'s changed cells.
///
/// As htop's CRT layer, this is the only code that talks to ncurses. It runs on one thread:
/// the program's loop calls ``readKey(timeoutMilliseconds:)`` (which doubles as the timer
/// tick), handles the key, renders a grid and calls ``draw(_:)``. Resizes arrive as
/// ``Key/resize`` from ncurses' own `KEY_RESIZE`, not from a home-made SIGWINCH handler.
///
/// The terminal is in raw mode, so Ctrl-C, Ctrl-Z, Ctrl-S and Ctrl-Q arrive as keys
/// (`.control("c")` …) instead of signals or flow control: the program decides what they
/// do, and nothing is lost to a stray Ctrl-C mid-workshop. `kill` signals are still caught
/// as flags; see ``pendingSignal()``.
public final class NcursesTerminal {
    // MARK: State

    private var screen: OpaquePointer?
    private let window: UnsafeMutablePointer<WINDOW>
    private let colourPairs: ColourPairTable
    private var extraBold: [Role: Bool] = [:]
    private let attributeBold: attr_t
    private let attributeUnderline: attr_t
    private let attributeReverse: attr_t
    private let longestCluster: Int

    private var decoder = KeyDecoder()
    private var queuedKeys: [Key] = []
    private var lastDrawn: Grid?
    private var needsFullRedraw = true
    private var cursor: (x: Int, y: Int)?
    private var stopped = false

    // MARK: Starting and stopping

    /// Takes over the terminal.
    ///
    /// Checks first that standard input and output are terminals and that `TERM` names one
    /// that can move the cursor, so failures are a plain sentence rather than curses
    /// exiting the process (which `initscr` does on an unknown terminal; `newterm` is used
    /// instead). Installs the signal handlers.
    /// - Parameters:
    ///   - theme: Colours per role.
    ///   - useColour: False for `NO_COLOR`: only bold, underline and reverse are used.
    /// - Throws: ``TerminalStartError`` when there is no usable terminal.
    public init(theme: Theme, useColour: Bool) throws(TerminalStartError) {
        let term = getenv("TERM").map { String(cString: $0) }
        if let problem = TerminalStartError.check(
            inputIsTerminal: isatty(STDIN_FILENO) == 1, outputIsTerminal: isatty(STDOUT_FILENO) == 1, term: term
        ) {
            throw problem
        }
        let termName = term ?? ""
        Self.installSignalHandlers()
        setlocale(LC_ALL, "")
        guard let screen = newterm(nil, campfire_stdout(), campfire_stdin()) else {
            throw .unknownTerminal(term: termName)
        }
        self.screen = screen
        window = campfire_stdscr()!
        // A terminal description without cursor addressing "succeeds" but cannot draw.
        let cursorAddress = tigetstr("cup")
        if cursorAddress == nil || Int(bitPattern: cursorAddress) == -1 {
            endwin()
            delscreen(screen)
            throw .cannotMoveCursor(term: termName)
        }
        SignalHandling.setCursesActive(true)

        raw()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        _ = campfire_set_escape_delay(25)
        curs_set(0)

        attributeBold = campfire_attribute_bold()
        attributeUnderline = campfire_attribute_underline()
        attributeReverse = campfire_attribute_reverse()
        longestCluster = Int(campfire_longest_cluster())

        let colour = useColour && has_colors()
        colourPairs = ColourPairTable(theme: theme, useColour: colour)
        if colour {
            start_color()
            let hasDefault = use_default_colors() == OK
            let available = campfire_colours()
            for entry in colourPairs.entries where Int32(entry.pair) < campfire_colour_pairs() {
                init_pair(
                    Int16(entry.pair),
                    CursesColour.number(for: entry.foreground, availableColours: available, hasDefault: hasDefault, isBackground: false),
                    CursesColour.number(for: entry.background, availableColours: available, hasDefault: hasDefault, isBackground: true)
                )
                // Without a 16-colour palette bright white is white plus bold.
                extraBold[entry.role] = entry.foreground == .brightWhite && available < 16
            }
        }
        werase(window)
        wrefresh(window)
        writeControl("\u{1B}[?2004h")  // bracketed paste: pasted text arrives marked, never as keys
    }

    deinit {
        stop()
    }

    /// Gives the terminal back: turns bracketed paste off and ends curses. Safe to call twice.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        writeControl("\u{1B}[?2004l")
        curs_set(1)
        endwin()
        SignalHandling.setCursesActive(false)
        if let screen {
            delscreen(screen)
            self.screen = nil
        }
    }

    /// Writes a control sequence straight to the terminal, after anything curses has queued.
    private func writeControl(_ sequence: String) {
        fflush(campfire_stdout())
        fputs(sequence, campfire_stdout())
        fflush(campfire_stdout())
    }

    // MARK: Signals

    /// Installs the handlers for termination signals (recorded as a flag) and crashes
    /// (terminal restored, then the crash proceeds). Idempotent; ``init(theme:useColour:)``
    /// calls it too.
    public static func installSignalHandlers() {
        SignalHandling.install()
    }

    /// The SIGINT, SIGTERM, SIGHUP or SIGQUIT received since the last call, if any.
    /// The loop should check this after every ``readKey(timeoutMilliseconds:)`` and shut down
    /// cleanly (save, ``stop()``, exit) when it is set.
    /// - Returns: The signal number, or nil.
    public static func pendingSignal() -> Int32? {
        SignalHandling.takePending()
    }

    // MARK: Size

    /// The terminal's size in columns and rows.
    public var size: (width: Int, height: Int) {
        var rows: Int32 = 0, columns: Int32 = 0
        campfire_window_size(window, &rows, &columns)
        return (Int(columns), Int(rows))
    }

    // MARK: Input

    /// Waits for the next key.
    ///
    /// Returns early with nil when a signal arrives, so the caller can check
    /// ``pendingSignal()``.
    /// - Parameter timeoutMilliseconds: How long to wait; negative waits for ever.
    /// - Returns: The key, ``Key/resize`` after a resize, or nil on timeout.
    public func readKey(timeoutMilliseconds: Int) -> Key? {
        if !queuedKeys.isEmpty { return queuedKeys.removeFirst() }
        let clock = ContinuousClock()
        let deadline = timeoutMilliseconds >= 0 ? clock.now + .milliseconds(timeoutMilliseconds) : nil
        while true {
            let wait: Int32
            if decoder.isPasting {
                wait = 500  // a paste in progress: the rest follows at once unless it was cut off
            } else if decoder.isWaiting {
                wait = 15   // the rest of an escape sequence follows at once; a lone Esc does not
            } else if let deadline {
                let left = clock.now.duration(to: deadline)
                wait = left <= .zero ? 0 : Int32(clamping: left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)
            } else {
                wait = -1
            }
            wtimeout(window, wait)
            var character: wint_t = 0
            let result = wget_wch(window, &character)
            if result == ERR {
                if decoder.isWaiting {
                    queuedKeys += decoder.flush()
                } else {
                    return nil  // timeout, or interrupted by a signal
                }
            } else if result == KEY_CODE_YES {
                let code = Int32(bitPattern: character)
                if code == KEY_RESIZE { needsFullRedraw = true }
                // Inside a paste, ncurses may translate pasted escape sequences into keys: drop them.
                if !decoder.isPasting {
                    if decoder.isWaiting { queuedKeys += decoder.flush() }
                    if let key = CursesKeyMap.key(for: code) { queuedKeys.append(key) }
                }
            } else if let scalar = Unicode.Scalar(character) {
                queuedKeys += decoder.feed(scalar)
            }
            if !queuedKeys.isEmpty { return queuedKeys.removeFirst() }
            if let deadline, !decoder.isWaiting, clock.now >= deadline { return nil }
        }
    }

    // MARK: Drawing

    /// Draws a grid, writing only cells that changed since the last draw (everything after a
    /// resize or ``invalidate()``), then refreshes the screen once.
    ///
    /// Cells beyond the terminal's size are left out; a wide character that would cross the
    /// right edge is drawn as a blank.
    /// - Parameter grid: The screen to show, normally as large as ``size``.
    public func draw(_ grid: Grid) {
        let (columns, rows) = size
        let previous = (needsFullRedraw || lastDrawn?.width != grid.width || lastDrawn?.height != grid.height) ? nil : lastDrawn
        if previous == nil { werase(window) }
        for y in 0..<min(rows, grid.height) {
            for x in 0..<min(columns, grid.width) {
                let cell = grid[x, y]
                if cell.isContinuation { continue }
                if let previous, previous[x, y] == cell { continue }
                put(cell, x: x, y: y, columns: columns)
            }
        }
        if let cursor, cursor.x >= 0, cursor.x < columns, cursor.y >= 0, cursor.y < rows {
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        }
        wrefresh(window)
        lastDrawn = grid
        needsFullRedraw = false
    }

    /// Forgets what is on screen, so the next ``draw(_:)`` repaints everything (for Ctrl-L,
    /// or after another program wrote to the terminal).
    public func invalidate() {
        needsFullRedraw = true
        clearok(window, true)
    }

    /// Shows the text cursor at a cell (for text entry), or hides it with nil.
    /// Takes effect at the next ``draw(_:)``.
    /// - Parameter position: Column and row, or nil to hide the cursor.
    public func setCursor(_ position: (x: Int, y: Int)?) {
        cursor = position
        curs_set(position == nil ? 0 : 1)
    }

    private func put(_ cell: Cell, x: Int, y: Int, columns: Int) {
        var text = cell.text
        var width = TextWidth.of(text)
        if TextLayout.sanitize(text) != text || text.isEmpty { text = "\u{FFFD}"; width = 1 }
        if width == 0 { text = " " + text; width = 1 }  // a lone mark needs a base to sit on
        if width == 2 && x + 1 >= columns { text = " "; width = 1 }
        var characters = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        if characters.count > longestCluster {
            // ncurses keeps at most CCHARW_MAX code points per cell; a longer sequence (a ZWJ
            // family) would be cut mid-way and could change width. Show its first emoji.
            characters = [characters[0]]
        }
        characters.append(0)
        var attributes = campfire_attribute_normal()
        let flags = colourPairs.attributes(for: cell.style)
        if flags.bold || extraBold[cell.style.role] == true { attributes |= attributeBold }
        if flags.underline { attributes |= attributeUnderline }
        if flags.reverse { attributes |= attributeReverse }
        let pair = Int16(colourPairs.entry(for: cell.style.role).pair)
        var character = cchar_t()
        setcchar(&character, characters, attributes, pair, nil)
        mvwadd_wch(window, Int32(y), Int32(x), &character)
    }
}
