// MARK: - ScreenTerminal

/// What ``ScreenLoop`` needs from a terminal: its size, a way to show a grid, and keys.
///
/// The program's terminal (ncurses) and ``FakeTerminal`` (a script of keys and sizes that
/// records every grid drawn) both conform, so tests drive the real loop in-process.
public protocol ScreenTerminal: AnyObject {
    /// The window's size now, in columns and rows.
    var size: (width: Int, height: Int) { get }
    /// Shows a whole grid (a real terminal sends only the cells that changed).
    /// - Parameter grid: The screen, as large as ``size``.
    func draw(_ grid: Grid)
    /// The next key, or nil when none came within the time (the loop draws again, for timers).
    ///
    /// A change of window size is the key ``Key/resize``, read after ``size`` has changed.
    /// - Parameter timeoutMilliseconds: How long to wait at most; 0 looks without waiting.
    /// - Returns: The key, or nil.
    /// - Throws: When the loop must end: a stop signal, a terminal that has gone, or the end of a
    ///   fake terminal's script.
    func nextKey(timeoutMilliseconds: Int) throws -> Key?
}
