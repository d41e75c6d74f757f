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

    @Argument(help: "The session: its id (or the start of it), or its folder.")
    var session: String

    /// How often the session's files are checked for changes.
    static let pollMilliseconds = 200

    func run() throws {
        let content = try options.content()
        let folder: URL
        do { folder = try options.library.resolve(session) } catch { throw plain(error) }
        var follower = SessionFollower(folder: folder)
        guard var current = follower.load() else {
            // Say why, in the words opening uses (a snapshot from a newer Campfire, say).
            do { _ = try SessionStore.open(folder, readOnly: true, at: Date()) } catch { throw plain(error) }
            throw Failure("Could not read the workshop in \(folder.path).")
        }
        let terminal = try options.startTerminal()
        defer { terminal.stop() }
        while true {
            if follower.hasChanged(), let fresh = follower.load() { current = fresh }
            let size = terminal.size
            var grid = Grid(width: size.width, height: size.height)
            ProjectorScreen.render(session: current, content: content, now: Date(), into: &grid)
            terminal.draw(grid)
            let key: Key?
            do { key = try terminal.nextKey(timeoutMilliseconds: Self.pollMilliseconds) } catch .terminalGone { return } catch { throw ExitCode(error.code) }
            if key == .character("q") || key == .escape { return }
        }
    }
}

/// Follows a session's files from another process: reloads only when they change.
struct SessionFollower {
    let folder: URL
    init(folder: URL) { self.folder = folder }

    private func stamp(_ name: String) -> (Int, Date)? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(name).path) else { return nil }
        return ((attributes[.size] as? NSNumber)?.intValue ?? 0, attributes[.modificationDate] as? Date ?? .distantPast)
    }

    private var stamps: [String] {
        [SessionStore.Files.journalName, SessionStore.Files.snapshotName].map { name in
            stamp(name).map { "\($0.0)@\($0.1.timeIntervalSince1970)" } ?? "-"
        }
    }

    private var lastStamps: [String] = []

    /// Whether the journal or snapshot changed since the last load.
    mutating func hasChanged() -> Bool { stamps != lastStamps }

    /// Reads the session read-only (no lock is taken; nothing is written).
    mutating func load() -> Session? {
        lastStamps = stamps
        return (try? SessionStore.open(folder, readOnly: true, at: Date()))?.session
    }
}
