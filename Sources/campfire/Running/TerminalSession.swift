import Foundation
import NcursesBackend
import TerminalUI
import Workshop

/// The terminal while Campfire draws on it: started once, always stopped, whatever happens.
final class TerminalSession {
    let terminal: NcursesTerminal

    private init(terminal: NcursesTerminal) {
        self.terminal = terminal
    }

    /// Starts full-screen drawing, or explains in one sentence why it can't.
    /// - Parameter theme: "light" or "dark"; otherwise CAMPFIRE_THEME, then dark.
    static func start(theme: String? = nil) throws -> TerminalSession {
        let themeName = (theme ?? ProcessEnvironment.value("CAMPFIRE_THEME")) == "light" ? "light" : "dark"
        // NO_COLOR (https://no-color.org): any non-empty value turns colour off.
        let useColour = (ProcessEnvironment.value("NO_COLOR") ?? "").isEmpty
        do {
            let terminal = try NcursesTerminal(theme: themeName == "light" ? .light : .dark, useColour: useColour)
            return TerminalSession(terminal: terminal)
        } catch {
            throw Failure(error.description)
        }
    }

    var size: (width: Int, height: Int) { terminal.size }

    func draw(_ grid: Grid) { terminal.draw(grid) }

    func readKey(timeoutMilliseconds: Int) -> Key? { terminal.readKey(timeoutMilliseconds: timeoutMilliseconds) }

    /// The signal that asked Campfire to stop, if one arrived.
    var pendingSignal: Int32? { NcursesTerminal.pendingSignal() }

    /// Whether the terminal went away (the window was closed without a signal).
    var isInputClosed: Bool { terminal.isInputClosed }

    func stop() { terminal.stop() }
}
