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
        let notify = (ProcessEnvironment.value("CAMPFIRE_NO_NOTIFY") ?? "").isEmpty
        let watch = FolderWatch(
            folder: folder.path, names: [SessionStore.Files.journalName, SessionStore.Files.snapshotName], notify: notify)
        let terminal = try options.startTerminal()
        defer { terminal.stop() }
        var needsDraw = true
        var drawnSecond = 0
        var showingKeys = false
        while true {
            if needsDraw, let current = follower.session {
                let size = terminal.size
                var grid = Grid(width: size.width, height: size.height)
                // Damage is never hidden, as in list and doctor: a note below the view.
                let damage = follower.damage.map { $0 + " To mend it: " + options.followUp("repair", folder.lastPathComponent) }
                ProjectorDamageNote.render(damage, into: &grid) { ProjectorScreen.render(session: current, content: content, now: Date(), into: &$0) }
                if showingKeys {
                    // Drawn from the same bindings that handle the keys below.
                    HelpBox.render(Bindings.present, note: nil, offset: 0, in: Rect(x: 0, y: 1, width: size.width, height: max(size.height - 2, 0)), grid: &grid)
                }
                terminal.draw(grid)  // sends only the cells that changed
                needsDraw = false
                drawnSecond = Int(Date().timeIntervalSince1970)
            }
            // Without changes, the screen is drawn again once a second, on the second, for the time left.
            let untilNextSecond = 1000 - Int(Date().timeIntervalSince1970 * 1000) % 1000 + 2
            let wake = watch.wait(input: STDIN_FILENO, timeoutMilliseconds: watch.isNotifying ? untilNextSecond : min(untilNextSecond, Self.pollMilliseconds))
            switch wake {
            case .changed:
                needsDraw = follower.refresh()
                continue
            case .inputClosed:
                return
            case .input, .timeout:
                break
            }
            // Keys typed (and resizes and stop signals, which cut the wait short).
            do {
                while let key = try terminal.nextKey(timeoutMilliseconds: 0) {
                    needsDraw = true
                    if key == .resize { continue }
                    if showingKeys { showingKeys = false; continue }  // any key closes the keys box
                    switch Bindings.present.first(where: { $0.matches(key) })?.command {
                    case .quit?: return
                    case .help?: showingKeys = true
                    default: break
                    }
                }
            } catch .terminalGone { return } catch { throw ExitCode(error.code) }
            if wake == .timeout {
                if !watch.isNotifying, follower.refresh() { needsDraw = true }
                if Int(Date().timeIntervalSince1970) != drawnSecond { needsDraw = true }
            }
        }
    }
}
