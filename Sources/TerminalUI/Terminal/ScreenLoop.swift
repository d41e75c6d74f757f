// MARK: - ScreenLoop

/// The one loop every full-screen program runs on — the console, `campfire present`, the home
/// screen, the guided tour, review, practice and the one-key questions and pickers: draw, wait
/// up to a tick for a key (or for something else that changed), handle it, until done.
///
/// A screen is only a render and a key handler; the loop owns the terminal, so no screen can miss
/// a stop signal, spin on a terminal that has gone, or draw at one size and take keys at another
/// (the size is given to `render` before each draw, and the key that follows is handled at it).
/// One thread, as in htop.
public struct ScreenLoop {
    /// The screen at a size.
    public var render: (_ width: Int, _ height: Int) -> Grid
    /// One key (a resize is a key too).
    public var handle: (Key) -> Void
    /// Whether the screen is finished (checked after each key and each change).
    public var isDone: () -> Bool
    /// Work after each draw, once the change is on screen (snapshots, the draft of a box, loading
    /// what the first screen did not need).
    public var afterDraw: () throws -> Void
    /// How long to wait for a key before drawing again (so timers move), worked out before
    /// each wait (`campfire present` waits until the next second).
    public var tickMilliseconds: () -> Int
    /// Something other than a key that can wake the loop, or nil for keys only.
    ///
    /// Called instead of waiting for a key: it waits up to the given time for its own source or
    /// for the terminal's input, and returns true when its source changed something (the loop
    /// draws again at once) or false when a key may be waiting or the time is up (the loop then
    /// reads a key without waiting). `campfire present` waits here on the session's files
    /// (inotify) and the terminal together, so a change reaches the wall at once.
    public var waitForChange: ((_ timeoutMilliseconds: Int) -> Bool)?

    /// Creates a loop.
    /// - Parameters:
    ///   - render: The screen at a size.
    ///   - handle: One key.
    ///   - isDone: Whether the screen is finished.
    ///   - afterDraw: Work after each draw.
    ///   - tickMilliseconds: How long to wait for a key before drawing again.
    ///   - waitForChange: Another source that can wake the loop, or nil.
    public init(render: @escaping (_ width: Int, _ height: Int) -> Grid, handle: @escaping (Key) -> Void, isDone: @escaping () -> Bool,
                afterDraw: @escaping () throws -> Void = {}, tickMilliseconds: @escaping @autoclosure () -> Int = 250,
                waitForChange: ((_ timeoutMilliseconds: Int) -> Bool)? = nil) {
        self.render = render
        self.handle = handle
        self.isDone = isDone
        self.afterDraw = afterDraw
        self.tickMilliseconds = tickMilliseconds
        self.waitForChange = waitForChange
    }

    /// Runs until `isDone`.
    /// - Parameter terminal: Where to draw and read keys.
    /// - Throws: What the terminal's `nextKey` throws (a stop signal, a terminal gone), or what
    ///   `afterDraw` throws.
    public func run(on terminal: some ScreenTerminal) throws {
        // After a key, more keys may already be read into the terminal's own buffer, where
        // waiting on its descriptor would not see them: they are taken before waiting again.
        var mayHaveMoreKeys = false
        while true {
            let size = terminal.size
            terminal.draw(render(size.width, size.height))
            try afterDraw()
            var timeout = tickMilliseconds()
            if let waitForChange {
                if !mayHaveMoreKeys, waitForChange(timeout) {
                    if isDone() { return }
                    continue
                }
                timeout = 0
            }
            guard let key = try terminal.nextKey(timeoutMilliseconds: timeout) else {
                mayHaveMoreKeys = false
                continue
            }
            mayHaveMoreKeys = waitForChange != nil
            handle(key)
            if isDone() { return }
        }
    }
}
