// MARK: - FakeTerminal

/// A terminal for tests: it plays a script of keys, window sizes and quiet ticks into
/// ``ScreenLoop`` and records every grid drawn, styles included (as ratatui's `TestBackend`).
///
/// When the script runs out, `nextKey` throws ``ScriptEnded``, so a loop that never finishes
/// still stops.
public final class FakeTerminal: ScreenTerminal {
    /// One step of the script.
    public enum Step: Hashable, Sendable {
        /// A key typed.
        case key(Key)
        /// The window changes to this size; the loop reads ``Key/resize``.
        case resize(width: Int, height: Int)
        /// No key within the time: the loop draws again (a timer tick).
        case tick
    }

    /// Thrown by `nextKey` once every step has been played.
    public struct ScriptEnded: Error, Equatable {
        /// Creates the error.
        public init() {}
    }

    /// The size now.
    public private(set) var size: (width: Int, height: Int)
    /// Every grid drawn, in order.
    public private(set) var drawn: [Grid] = []
    /// The waits asked for, in milliseconds, in order.
    public private(set) var waits: [Int] = []
    private var script: [Step]

    /// Creates a terminal.
    /// - Parameters:
    ///   - width: Columns at the start.
    ///   - height: Rows at the start.
    ///   - script: What happens, in order.
    public init(width: Int, height: Int, script: [Step]) {
        size = (width, height)
        self.script = script
    }

    /// Adds steps after those not yet played.
    /// - Parameter steps: More steps.
    public func add(_ steps: [Step]) {
        script += steps
    }

    /// Typed text as key steps.
    /// - Parameter text: The characters to type.
    /// - Returns: One key step per character.
    public static func typing(_ text: String) -> [Step] {
        text.map { .key(.character($0)) }
    }

    /// The last grid drawn (an empty grid before the first draw).
    public var screen: Grid { drawn.last ?? Grid(width: 0, height: 0) }

    /// Records the grid.
    /// - Parameter grid: The screen.
    public func draw(_ grid: Grid) {
        drawn.append(grid)
    }

    /// Plays the next step.
    /// - Parameter timeoutMilliseconds: Recorded in ``waits``.
    /// - Returns: The key, ``Key/resize`` after a size change, or nil for a tick.
    /// - Throws: ``ScriptEnded`` when nothing is left.
    public func nextKey(timeoutMilliseconds: Int) throws -> Key? {
        waits.append(timeoutMilliseconds)
        guard !script.isEmpty else { throw ScriptEnded() }
        switch script.removeFirst() {
        case .key(let key):
            return key
        case .resize(let width, let height):
            size = (width, height)
            return .resize
        case .tick:
            return nil
        }
    }
}
