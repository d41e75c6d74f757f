import ArgumentParser
import Foundation
import Persistence
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
        let folder: URL
        do { folder = try options.resolve(session) } catch { throw plain(error) }
        // The snapshot and journal are read on a second thread while the content files are
        // loaded and the terminal starts; opening uses what it read only if the files are unchanged.
        SessionPrefetch.start(folder)
        let content = try options.content()
        let terminal = try options.startTerminal()
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
