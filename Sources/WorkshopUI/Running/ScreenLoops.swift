import TerminalUI

// MARK: - The screens on the one loop

// Each full-screen program hands ``ScreenLoop`` only its render and its key handler; the
// program's own wiring (saving, snapshots, drafts) adds to these and never replaces them, so the
// tests that drive these loops in-process with a ``FakeTerminal`` drive what the program runs.

extension ConsoleApp {
    /// The console on the one loop. The size drawn is the size the next key is handled at, so a
    /// box nobody can see takes no key.
    /// - Parameter tickMilliseconds: How long to wait for a key before drawing again (timers).
    /// - Returns: The loop, ready to run on a terminal.
    public func screenLoop(tickMilliseconds: Int = 250) -> ScreenLoop {
        ScreenLoop(
            render: { width, height in
                self.state.size = (width, height)
                return ConsoleScreen.render(self, width: width, height: height)
            },
            handle: { self.handle($0) },
            isDone: { self.wantsToQuit },
            tickMilliseconds: tickMilliseconds)
    }
}

extension HomeApp {
    /// The home screen on the one loop, until a choice is made (quit is a choice too).
    /// - Returns: The loop, ready to run on a terminal.
    public func screenLoop() -> ScreenLoop {
        ScreenLoop(
            render: { self.render(width: $0, height: $1) },
            handle: { key in
                // A resize only redraws: it must not clear what the list says.
                if key == .resize { return }
                self.message = nil
                self.handle(key)
            },
            isDone: { self.choice != nil })
    }
}

extension ReviewApp {
    /// Review on the one loop, until the person quits.
    /// - Returns: The loop, ready to run on a terminal.
    public func screenLoop() -> ScreenLoop {
        ScreenLoop(
            render: { ReviewScreens.render(self, width: $0, height: $1) },
            handle: { key in
                self.message = nil
                self.handle(key)
            },
            isDone: { self.wantsToQuit })
    }
}

extension GuidedTour {
    /// The guided tour on the one loop, until it ends or the person asks to try the sample.
    /// - Returns: The loop, ready to run on a terminal.
    public func screenLoop() -> ScreenLoop {
        ScreenLoop(render: { self.render(width: $0, height: $1) }, handle: { self.handle($0) },
                   isDone: { self.finished || self.wantsToOpenSample })
    }
}
