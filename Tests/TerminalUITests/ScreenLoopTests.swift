import TerminalUI
import XCTest

/// The one loop, on a fake terminal: what it draws, how long it waits, and when it stops.
final class ScreenLoopTests: XCTestCase {
    /// A screen that shows the keys typed so far, in the heading role once there are any.
    private final class Echo {
        var typed = ""
        var done = false
        var loop: ScreenLoop {
            ScreenLoop(
                render: { width, height in
                    var grid = Grid(width: width, height: height)
                    grid.write(self.typed.isEmpty ? "nothing" : self.typed, x: 0, y: 0, style: Style(self.typed.isEmpty ? .muted : .heading))
                    grid.write("\(width)x\(height)", x: 0, y: 1)
                    return grid
                },
                handle: { key in
                    if case .character(let character) = key { self.typed.append(character) }
                    if key == .escape { self.done = true }
                },
                isDone: { self.done })
        }
    }

    func testKeysAreDrawnAndEscapeEndsTheLoopBeforeTheRestOfTheScript() throws {
        let echo = Echo()
        let terminal = FakeTerminal(width: 20, height: 4, script: FakeTerminal.typing("hi") + [.key(.escape), .key(.character("x"))])
        try echo.loop.run(on: terminal)
        XCTAssertEqual(terminal.drawn.count, 3, "drawn once at the start and once after each key before Esc")
        XCTAssertEqual(terminal.screen.rowText(0), "hi                  ")
        XCTAssertEqual(terminal.screen[0, 0].style.role, .heading)
        XCTAssertEqual(terminal.drawn[0][0, 0].style.role, .muted)
        XCTAssertEqual(echo.typed, "hi", "the x after Esc is never read")
    }

    func testATickRedrawsAndAResizeDrawsAtTheNewSize() {
        let echo = Echo()
        let terminal = FakeTerminal(width: 20, height: 4, script: [.tick, .resize(width: 12, height: 3), .key(.character("a"))])
        XCTAssertThrowsError(try echo.loop.run(on: terminal)) { XCTAssertEqual($0 as? FakeTerminal.ScriptEnded, FakeTerminal.ScriptEnded()) }
        XCTAssertEqual(terminal.drawn.map { "\($0.width)x\($0.height)" }, ["20x4", "20x4", "12x3", "12x3"])
        XCTAssertEqual(terminal.screen.rowText(1), "12x3        ")
        XCTAssertEqual(terminal.waits, [250, 250, 250, 250], "every wait is one tick long")
    }

    func testAChangeWakesTheLoopWithoutAKeyAndKeysAreReadWithoutWaitingAgain() throws {
        let echo = Echo()
        var wakes = [true, false, false]
        var asked: [Int] = []
        var loop = echo.loop
        loop.tickMilliseconds = { 900 }
        loop.waitForChange = { timeout in
            asked.append(timeout)
            return wakes.isEmpty ? false : wakes.removeFirst()
        }
        let terminal = FakeTerminal(width: 20, height: 4, script: [.key(.character("a")), .tick, .key(.escape)])
        try loop.run(on: terminal)
        // Woken by the change: drawn again, no key read. Then the key "a" is read at once (0 ms);
        // after a key the terminal is asked again at once, before waiting on the change.
        XCTAssertEqual(asked, [900, 900, 900])
        XCTAssertEqual(terminal.waits, [0, 0, 0])
        XCTAssertEqual(terminal.drawn.count, 4)
        XCTAssertEqual(echo.typed, "a")
    }
}
