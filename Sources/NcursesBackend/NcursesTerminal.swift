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
    /// Roles drawn bold to look bright, in `Role.allCases` order.
    private var extraBold = [Bool](repeating: false, count: Role.allCases.count)
    private var lastAttributes: (style: Style, attributes: attr_t, pair: Int16)?
    /// Whether the window's background is a blank cell (``Cell/blank``), so that a cleared
    /// window already holds every blank cell of a new screen.
    private var backgroundIsBlank = false
    /// Whether ncurses decodes function keys yet: turned on at the first key read, as setting
    /// it up (a tree of every key the terminal description names) is not needed to draw
    /// the first screen (docs/performance.md, figure 1).
    private var keypadIsOn = false
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
        // Only the character type is taken from the environment: it is what ncurses needs for
        // UTF-8 and what wcwidth measures by. Campfire formats dates and numbers itself, in
        // English, and reading the other eleven categories' files took 0.15 ms of a 3.4 ms
        // start (docs/performance.md, figure 1).
        setlocale(LC_CTYPE, "")
        // Without a UTF-8 character type ncurses cannot write anything but ASCII; terminals
        // today are UTF-8, so use it even when LANG is unset or says otherwise.
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" {
            _ = setlocale(LC_CTYPE, "C.UTF-8") ?? setlocale(LC_CTYPE, "C.utf8") ?? setlocale(LC_CTYPE, "en_US.UTF-8")
        }
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
        intrflush(window, false)
        // No search for rows that moved up or down as a block (ncurses' "hash map" scrolling):
        // Campfire's screens are laid out afresh and seldom scroll as a whole, and the search
        // hashed every row on every refresh, changed or not (docs/performance.md, figure 2).
        idlok(window, false)
        // ncurses 6.4 flushes its output after every cursor move until the screen has been
        // through endwin() once (it cannot tell itself from a low-level terminfo program
        // before then), so each screen line went out in its own write(): ~30 system calls
        // and terminal wake-ups per frame, about 1 ms of a 4 ms start (docs/performance.md).
        // One endwin() now, before anything is drawn, leaves the screen as it was and makes
        // the next refresh write a whole frame at once.
        endwin()
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
                // Only on a terminal without a 16-colour palette (the Linux console's 8)
                // is a bright colour its plain one plus bold: there bold is the only way.
                extraBold[entry.role.ordinal] = (entry.foreground.paletteIndex ?? 0) >= 8 && available < 16
            }
        }
        werase(window)
        wrefresh(window)
        writeControl("\u{1B}[?2004h")  // bracketed paste: pasted text arrives marked, never as keys
        // A cleared window is filled with its background. Made the same as a blank cell (after
        // the screen is first cleared in the terminal's own colours, so that clear stays a few
        // bytes), a whole new screen needs only its non-blank cells handed to ncurses, which
        // sends the same bytes as before (docs/performance.md, figure 1). Only done when a blank
        // cell has no attributes, which ncurses would lend to every character written.
        let (blankAttributes, blankPair) = cursesAttributes(for: Cell.blank.style)
        if blankAttributes == campfire_attribute_normal() {
            var blank = cchar_t()
            let space: [wchar_t] = [0x20, 0]
            setcchar(&blank, space, blankAttributes, blankPair, nil)
            wbkgrndset(window, &blank)
            backgroundIsBlank = true
        }
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

    /// Whether the terminal has hung up (its window closed, the connection dropped).
    /// Usually SIGHUP says so too; either way the loop should save and quit, because no
    /// more keys will come and ``readKey(timeoutMilliseconds:)`` now returns nil at once.
    public private(set) var isInputClosed = false

    private static func inputHasHungUp() -> Bool {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) >= 0 else { return false }
        return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// Waits for the next key.
    ///
    /// Returns early with nil when a signal arrives, so the caller can check
    /// ``pendingSignal()``.
    /// - Parameter timeoutMilliseconds: How long to wait; negative waits for ever.
    /// - Returns: The key, ``Key/resize`` after a resize, or nil on timeout.
    public func readKey(timeoutMilliseconds: Int) -> Key? {
        if !queuedKeys.isEmpty { return queuedKeys.removeFirst() }
        if isInputClosed { return nil }
        if !keypadIsOn {
            keypad(window, true)
            // All eight bits of each byte: UTF-8 (and a Latin-1 terminal's é) needs the top one.
            meta(window, true)
            _ = campfire_set_escape_delay(25)
            keypadIsOn = true
        }
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
            // Bytes, not wide characters: ncurses' own UTF-8 reading drops a byte that is not
            // UTF-8 and can stall the keys after it, so KeyDecoder assembles UTF-8 itself, with
            // its stated fallback (see KeyDecoder).
            let read = wgetch(window)
            let result: Int32 = read == ERR ? ERR : (read >= KEY_MIN ? KEY_CODE_YES : OK)
            let character = wint_t(read == ERR ? 0 : read)
            if result == ERR {
                if decoder.isWaiting {
                    queuedKeys += decoder.flush()
                } else {
                    // Timeout, or interrupted by a signal, or the terminal has gone away
                    // (then get_wch fails at once, for ever: a loop would spin).
                    if wait != 0, Self.inputHasHungUp() { isInputClosed = true }
                    return nil
                }
            } else if result == KEY_CODE_YES {
                let code = Int32(bitPattern: character)
                if code == KEY_RESIZE { needsFullRedraw = true }
                // Inside a paste, ncurses may translate pasted escape sequences into keys: drop
                // them, but never lose a resize.
                if decoder.isPasting {
                    if code == KEY_RESIZE { queuedKeys.append(.resize) }
                } else {
                    if decoder.isWaiting { queuedKeys += decoder.flush() }
                    if let key = CursesKeyMap.key(for: code) { queuedKeys.append(key) }
                }
            } else if (0...0xFF).contains(read) {
                queuedKeys += decoder.feed(byte: UInt8(read))
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
        let skipBlanks = previous == nil && backgroundIsBlank
        for y in 0..<min(rows, grid.height) {
            for x in 0..<min(columns, grid.width) {
                let cell = grid[x, y]
                if cell.isContinuation { continue }
                if let previous, previous[x, y] == cell { continue }
                if skipBlanks, cell == .blank { continue }
                put(cell, x: x, y: y, columns: columns, rows: rows)
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

    // MARK: Writing one cell

    /// Draws one cell so that ncurses' idea of the cursor position always matches the grid.
    ///
    /// ncurses measures a cell by `wcwidth` of its first code point and refuses further
    /// spacing code points in the same cell, while the grid measures whole grapheme clusters.
    /// Where the two disagree, what is drawn is simplified rather than risking a shifted row:
    /// - a flag (two regional indicators, one column each to ncurses) is written as its two
    ///   halves in the two cells; terminals that know flags join them, others show two letters;
    /// - an emoji made wide only by U+FE0F (`❤️`, `1️⃣`) is drawn in text presentation
    ///   followed by a blank;
    /// - a sequence with further wide parts (ZWJ families, skin tones) is drawn as its first
    ///   emoji.
    private func put(_ cell: Cell, x: Int, y: Int, columns: Int, rows: Int) {
        // Most cells hold one printable ASCII character: draw those directly, without the
        // arrays and measuring below (a first screen is thousands of cells).
        if !(x == columns - 1 && y == rows - 1), cell.text.utf8.count == 1,
           let byte = cell.text.utf8.first, byte >= 0x20, byte < 0x7F {
            putASCII(byte, style: cell.style, x: x, y: y)
            return
        }
        var text = cell.text
        if text.isEmpty || TextLayout.sanitize(text) != text { text = "\u{FFFD}" }
        let gridWidth = TextWidth.of(text)
        let scalars = Array(text.unicodeScalars)
        let baseWidth = TextWidth.columns(of: scalars[0])
        let fitsTwo = x + 1 < columns

        if x == columns - 1 && y == rows - 1 {
            // ncurses writes the bottom-right cell with an insert-character trick (writing
            // there directly would scroll), which tmux and others get wrong for combining
            // marks: draw just the base character there.
            putScalars([gridWidth == 1 ? scalars[0] : " "], style: cell.style, x: x, y: y)
        } else if gridWidth == 2 && !fitsTwo {
            putScalars([" "], style: cell.style, x: x, y: y)
        } else if gridWidth == 2 && baseWidth == 1 {
            if scalars.count >= 2, (0x1F1E6...0x1F1FF).contains(scalars[1].value) {
                putScalars([scalars[0]], style: cell.style, x: x, y: y)
                putScalars([scalars[1]], style: cell.style, x: x + 1, y: y)
            } else {
                putScalars(Self.base(of: scalars).filter { $0.value != 0xFE0F }, style: cell.style, x: x, y: y)
                putScalars([" "], style: cell.style, x: x + 1, y: y)
            }
        } else if gridWidth == 0 {
            putScalars([" "] + scalars, style: cell.style, x: x, y: y)  // a lone mark needs a base
        } else {
            putScalars(Self.base(of: scalars), style: cell.style, x: x, y: y)
        }
    }

    /// The first code point and the zero-width ones that follow it (combining marks,
    /// variation selectors), up to the first one with a width of its own; no trailing ZWJ.
    private static func base(of scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var kept = [scalars[0]]
        for scalar in scalars.dropFirst() {
            if TextWidth.columns(of: scalar) != 0 { break }
            kept.append(scalar)
        }
        while kept.count > 1, kept.last?.value == 0x200D { kept.removeLast() }
        return kept
    }

    private func putScalars(_ scalars: [Unicode.Scalar], style: Style, x: Int, y: Int) {
        // ncurses keeps at most CCHARW_MAX code points per cell.
        var characters = scalars.prefix(longestCluster).map { wchar_t(bitPattern: $0.value) }
        characters.append(0)
        let (attributes, pair) = cursesAttributes(for: style)
        var character = cchar_t()
        setcchar(&character, characters, attributes, pair, nil)
        mvwadd_wch(window, Int32(y), Int32(x), &character)
    }

    private func putASCII(_ byte: UInt8, style: Style, x: Int, y: Int) {
        let (attributes, pair) = cursesAttributes(for: style)
        var characters: (wchar_t, wchar_t) = (wchar_t(byte), 0)
        var character = cchar_t()
        withUnsafePointer(to: &characters) { pointer in
            pointer.withMemoryRebound(to: wchar_t.self, capacity: 2) { _ = setcchar(&character, $0, attributes, pair, nil) }
        }
        mvwadd_wch(window, Int32(y), Int32(x), &character)
    }

    /// The ncurses attributes and colour pair for a style; the last one is kept, as
    /// neighbouring cells nearly always share a style.
    private func cursesAttributes(for style: Style) -> (attr_t, Int16) {
        if let last = lastAttributes, last.style == style { return (last.attributes, last.pair) }
        var attributes = campfire_attribute_normal()
        let flags = colourPairs.attributes(for: style)
        if flags.bold || extraBold[style.role.ordinal] { attributes |= attributeBold }
        if flags.underline { attributes |= attributeUnderline }
        if flags.reverse { attributes |= attributeReverse }
        let pair = Int16(colourPairs.entry(for: style.role).pair)
        lastAttributes = (style, attributes, pair)
        return (attributes, pair)
    }
}
