import ArgumentParser
import Foundation
import Persistence
import TerminalUI
import Workshop

/// `campfire resume`: reopen a session, recovering whatever a crash left.
struct Resume: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "resume", abstract: "Reopen a workshop, recovering it after a crash.")

    @OptionGroup var options: CommonOptions

    @Argument(help: "The session: its id (or the start of it), or its folder.", completion: .custom(SessionCompletion.ids))
    var session: String

    @Flag(name: .long, help: "Open without changing anything.")
    var readOnly = false

    func run() throws {
        try Self.open(session, readOnly: readOnly, settings: options.settings)
    }

    /// Reopens `session` in the console. `campfire resume SESSION` with nothing else comes here
    /// straight from `Campfire.main`, without building the command-line parser (about a tenth
    /// of the time to the first screen of an empty workshop; docs/performance.md, figure 1).
    static func open(_ session: String, readOnly: Bool, settings options: Settings) throws {
        // The screen this workshop was left on, if it still matches its files exactly (see
        // `LastScreen`): shown first, while the session is found, the content files are read and
        // the session is opened and checked behind it. No key is read until then; the console's
        // first drawing replaces it, cell by cell (docs/decisions.md).
        var started: TerminalSession?
        if !readOnly, let path = options.plainFolderPath(session), access(path + "/" + LastScreen.fileName, F_OK) == 0 {
            let terminal = try options.startTerminal()
            started = terminal
            let (width, height) = terminal.size
            if let kept = LastScreen.take(folderPath: path, width: width, height: height, now: Date()),
               let grid = GridTranscript.grid(from: kept, width: width, height: height) {
                terminal.draw(grid)
            }
        }
        let folder: URL
        do { folder = try options.resolve(session) } catch {
            started?.stop()
            throw plain(error)
        }
        // The snapshot and journal are read on a second thread while the content files are
        // loaded and the terminal starts; opening uses what it read only if the files are unchanged.
        SessionPrefetch.start(folder)
        let content: ContentLibrary
        do { content = try options.content() } catch {
            started?.stop()
            throw error
        }
        let terminal = try started ?? options.startTerminal()
        let store: SessionStore
        do {
            store = try SessionOpening.open(folder, readOnly: readOnly, terminal: terminal)
        } catch let stop as ExitCode {
            throw stop  // a stop signal while asking
        } catch {
            terminal.stop()
            throw plain(error)
        }
        let code = ConsoleRunner.run(store: store, content: content, terminal: terminal, notes: store.openingNotes)
        if code != 0 { throw ExitCode(code) }
    }
}
