import ArgumentParser
import Foundation
import Persistence
import Workshop
import WorkshopUI

/// `campfire review`: look back at sessions, read-only (except marking what became of actions).
struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Look back at workshops: browse, read a session stage by stage, replay its timeline, follow a group over time.",
        discussion: """
        Review never changes a session, with one exception it says so on screen: marking an action \
        done, not done or dropped, which adds one event to that session's journal.
        """)

    @OptionGroup var options: CommonOptions

    @Flag(name: .long, help: "Also show practice runs (p in the browser changes this).")
    var practice = false

    @Argument(help: ArgumentHelp("A session to open straight away (its id, the start of it, or its folder).", valueName: "session"), completion: .custom(SessionCompletion.ids))
    var session: String?

    @Option(name: .long, help: ArgumentHelp("Print the first screen as text at this size (such as 80x24) and exit, without a terminal: for timing and scripts.", valueName: "WxH"))
    var printFirstScreen: String?

    func run() throws {
        do { try options.dataFolder.checkExists() } catch { throw plain(error) }
        let content = try options.content()
        var query = ReviewQuery()
        if practice { query.practice = .all }
        let app = ReviewApp(source: ReviewRunner.source(options.library), content: content, query: query)
        if let session {
            let id = try plainly { try options.resolve(session).lastPathComponent }
            app.open(id)
        }
        if let size = printFirstScreen {
            let parts = size.split(separator: "x").compactMap { Int($0) }
            guard parts.count == 2 else { throw Failure("Give the size as WIDTHxHEIGHT, such as 80x24.") }
            print(ReviewScreens.render(app, width: parts[0], height: parts[1]).rows.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n"))
            return
        }
        let terminal = try options.startTerminal()
        let code = ReviewRunner.run(app, terminal: terminal, library: options.library)
        terminal.stop()
        if code != 0 { throw ExitCode(code) }
    }

    private func plainly<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw plain(error) }
    }
}
