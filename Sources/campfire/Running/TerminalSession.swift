import Foundation
import NcursesBackend
import TerminalUI

/// The terminal while Campfire draws on it: started once, always stopped, whatever happens.
final class TerminalSession {
    let terminal: NcursesTerminal
    private(set) var themeName: String

    private init(terminal: NcursesTerminal, themeName: String) {
        self.terminal = terminal
        self.themeName = themeName
    }

    /// Starts full-screen drawing, or explains in one sentence why it can't.
    static func start() throws -> TerminalSession {
        let environment = ProcessInfo.processInfo.environment
        let themeName = environment["CAMPFIRE_THEME"] == "light" ? "light" : "dark"
        // NO_COLOR (https://no-color.org): any non-empty value turns colour off.
        let useColour = (environment["NO_COLOR"] ?? "").isEmpty
        do {
            let terminal = try NcursesTerminal(theme: themeName == "light" ? .light : .dark, useColour: useColour)
            return TerminalSession(terminal: terminal, themeName: themeName)
        } catch {
            throw Failure(error.description)
        }
    }

    var size: (width: Int, height: Int) { terminal.size }

    func draw(_ grid: Grid) { terminal.draw(grid) }

    func readKey(timeoutMilliseconds: Int) -> Key? { terminal.readKey(timeoutMilliseconds: timeoutMilliseconds) }

    /// The signal that asked Campfire to stop, if one arrived.
    var pendingSignal: Int32? { NcursesTerminal.pendingSignal() }

    func stop() { terminal.stop() }
}
