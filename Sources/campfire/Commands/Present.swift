import ArgumentParser
import Foundation
import Persistence
import TerminalUI
import Workshop
import WorkshopUI

/// `campfire present`: the projector view of a live session, for a second terminal.
struct Present: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "present", abstract: "Show a workshop's projector view in this terminal, following it live. Changes nothing.")

    @OptionGroup var options: CommonOptions

    @Argument(help: "The session: its id (or the start of it), or its folder. Without it, the workshop open in Campfire on this computer (Campfire asks which when several are).", completion: .custom(SessionCompletion.ids))
    var session: String?

    /// How often the session's files are checked for changes where there is no file-change
    /// notification (inotify), or when `CAMPFIRE_NO_NOTIFY` is set.
    static let pollMilliseconds = 200

    func run() throws {
        let content = try options.content()
        let folder: URL
        do {
            if let session {
                folder = try options.resolve(session)
            } else {
                folder = try OpenWorkshops(library: options.library).choose(
                    presentCommand: options.followUp("present", "ID"), listCommand: options.followUp("list"), ask: OpenWorkshops.askOnTerminal)
            }
        } catch { throw plain(error) }
        let follower = SessionFollower(folder: folder)
        follower.refresh()
        guard follower.session != nil else {
            // Say why, in the words opening uses (a snapshot from a newer Campfire, say).
            do { _ = try SessionStore.open(folder, readOnly: true, at: Date()) } catch { throw plain(error) }
            throw Failure("Could not read the workshop in \(folder.path).")
        }
        // Woken by the journal or snapshot changing (inotify), not by looking every so often.
        let watch = FolderWatch(folder: folder.path, names: [SessionStore.Files.journalName, SessionStore.Files.snapshotName])
        let terminal = try options.startTerminal()
        defer { terminal.stop() }
        var showingKeys = false
        var quit = false
        // The terminal has gone (its window closed with no hang-up signal): the wall ends.
        var terminalGone = false
        let loop = ScreenLoop(
            render: { width, height in
                var grid = Grid(width: width, height: height)
                guard let current = follower.session else { return grid }
                // Damage is never hidden, as in list and doctor: a note below the view.
                let damage = follower.damage.map { $0 + " To mend it: " + options.followUp("repair", folder.lastPathComponent) }
                ProjectorDamageNote.render(damage, into: &grid) { ProjectorScreen.render(session: current, content: content, now: Date(), into: &$0) }
                if showingKeys {
                    // Drawn from the same bindings that handle the keys below.
                    HelpBox.render(Bindings.present, note: nil, offset: 0, in: Rect(x: 0, y: 1, width: width, height: max(height - 2, 0)), grid: &grid)
                }
                return grid  // the terminal sends only the cells that changed
            },
            handle: { key in
                if key == .resize { return }
                if showingKeys { showingKeys = false; return }  // any key closes the keys box
                switch Bindings.present.first(where: { $0.matches(key) })?.command {
                case .quit?: quit = true
                case .help?: showingKeys = true
                default: break
                }
            },
            isDone: { quit || terminalGone },
            // Without changes, the screen is drawn again once a second, on the second, for the time left.
            tickMilliseconds: 1000 - Int(Date().timeIntervalSince1970 * 1000) % 1000 + 2,
            waitForChange: { timeout in
                // The session's files and the terminal together: a change wakes the loop at once.
                switch watch.wait(input: STDIN_FILENO, timeoutMilliseconds: watch.isNotifying ? timeout : min(timeout, Self.pollMilliseconds)) {
                case .changed:
                    _ = follower.refresh()
                    return true
                case .timeout:
                    // Without inotify the files are looked at on every short wait.
                    if !watch.isNotifying { _ = follower.refresh() }
                    return false
                case .inputClosed:
                    terminalGone = true
                    return true
                case .input:
                    return false  // the loop reads the key
                }
            })
        do { try loop.run(on: terminal) } catch TerminalSession.LoopEnd.terminalGone { return } catch let end as TerminalSession.LoopEnd { throw ExitCode(end.code) }
    }
}
