import TerminalUI

// MARK: - OneKeyQuestion

/// A full-screen question with a few one-key answers, such as "open it read-only, or quit".
///
/// Esc and Ctrl-C answer "q"; any other key that is not an answer does nothing.
public final class OneKeyQuestion {
    /// The question, in a sentence or two.
    public let question: String
    /// The answers: the key to press and what it does.
    public let options: [(key: Character, label: String)]
    /// The key of the answer chosen, once there is one.
    public private(set) var answer: Character?

    /// Creates a question.
    /// - Parameters:
    ///   - question: The question.
    ///   - options: The answers, each a key and what it does.
    public init(_ question: String, options: [(key: Character, label: String)]) {
        self.question = question
        self.options = options
    }

    /// The question at a size: the question wrapped in the warning role, then one row per answer.
    /// - Parameters:
    ///   - width: Columns.
    ///   - height: Rows.
    /// - Returns: The screen.
    public func render(width: Int, height: Int) -> Grid {
        var grid = Grid(width: width, height: height)
        let area = grid.area.inset(by: 2)
        var y = area.y
        for line in TextLayout.wrap(question, width: max(area.width, 1)) where y < area.maxY {
            grid.write(line, x: area.x, y: y, style: Style(.warning, bold: true))
            y += 1
        }
        y += 1
        for option in options where y < area.maxY {
            grid.write(String(option.key), x: area.x, y: y, style: Style(.accent, bold: true))
            grid.write(option.label, x: area.x + 3, y: y, style: .plain, maxWidth: max(area.width - 3, 0))
            y += 1
        }
        return grid
    }

    /// One key: an answer's key answers; Esc and Ctrl-C answer "q".
    /// - Parameter key: The key.
    public func handle(_ key: Key) {
        if case .character(let character) = key, options.contains(where: { $0.key == character }) { answer = character }
        if key == .escape || key == .control("c") { answer = "q" }
    }

    /// The question on the one loop, until it is answered.
    /// - Returns: The loop, ready to run on a terminal.
    public func screenLoop() -> ScreenLoop {
        ScreenLoop(render: { self.render(width: $0, height: $1) }, handle: { self.handle($0) }, isDone: { self.answer != nil })
    }
}
