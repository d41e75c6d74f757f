import Foundation
import Persistence
import TerminalUI
import Workshop
import WorkshopUI

/// The review loop: wait for a key, handle it, draw. Nothing is written except when an action is marked.
enum ReviewRunner {
    /// The files review reads, and the one change it makes.
    static func source(_ library: SessionLibrary) -> ReviewSource {
        let files = ReviewFiles(library: library)
        var source = ReviewSource(
            entries: {
                // Damage is never hidden: marked in the list, as `campfire list` names it.
                let damaged = Set(library.sessionFolders().filter { SessionHealth.check($0).contains(where: \.isDamage) }.map(\.lastPathComponent))
                return library.summaries().map { entry(from: $0, damaged: damaged.contains($0.id)) }
            },
            session: { try files.session($0) },
            journal: { try files.journal($0) },
            markAction: { id, action, status in try files.markAction(id, action: action, status: status) },
            practice: { id in practice(id, in: library) },
            noteAction: { id, action, note, day in try files.noteAction(id, action: action, note: note, on: day) })
        source.damage = { files.damage($0) }
        // A followed session's row, read again on each change it saves: its summary only (the
        // damage check, a whole opening of the session, is kept from when the list was read).
        source.entry = { id in
            guard let summary = (try? SessionStore.Files.readSummary(SessionSummary.self, inFolderAt: library.dataFolder.sessionsPath + "/" + id)) ?? nil else { return nil }
            return entry(from: summary)
        }
        return source
    }

    /// A practice run's `practice.json` (for its seed and the group's remarks) and `debrief.txt`, read-only.
    static func practice(_ id: String, in library: SessionLibrary) -> ReviewPractice? {
        guard let folder = try? library.resolve(id),
              let data = try? SafeFile.read(folder.appendingPathComponent(PracticeFile.name)),
              let file = try? PracticeFile.decode(data) else { return nil }
        let debrief = (try? SafeFile.read(folder.appendingPathComponent(PracticeFile.debriefName))).map { String(decoding: $0, as: UTF8.self) }
        return ReviewPractice(scenarioTitle: file.scenario.title, seed: file.state.seed, debrief: debrief, remarks: file.state.log.remarks)
    }

    static func entry(from summary: SessionSummary, damaged: Bool = false) -> ReviewEntry {
        ReviewEntry(id: summary.id, title: summary.title, group: summary.group, createdAt: summary.createdAt,
                    isPractice: summary.isPractice, stage: summary.stage, people: summary.people, rag: summary.rag,
                    finished: summary.finished == true, damaged: damaged)
    }

    /// Runs until the person quits or a signal arrives. Returns the exit code.
    ///
    /// The session on screen is followed as the wall follows one: a change to its journal or
    /// snapshot (a console has it open) wakes the loop, and it is read again and drawn.
    static func run(_ app: ReviewApp, terminal: TerminalSession, library: SessionLibrary) -> Int32 {
        var loop = app.screenLoop()
        let follower = ReviewFollower(sessionsPath: library.dataFolder.sessionsPath)
        loop.waitForChange = { timeout in follower.wait(app, timeoutMilliseconds: timeout) }
        // The terminal has gone (its window closed with no hang-up signal): review ends.
        let isDone = loop.isDone
        loop.isDone = { isDone() || follower.terminalGone }
        do { try loop.run(on: terminal) } catch let end as TerminalSession.LoopEnd { return end.code } catch { return 1 }
        return 0
    }
}

/// Waits for a key or a change to the session review has on screen: woken by a file-change
/// notification (inotify), or, where there is none (or `CAMPFIRE_NO_NOTIFY` is set), by looking
/// at the journal every `Present.pollMilliseconds`, as `campfire present` does.
final class ReviewFollower {
    private let sessionsPath: String
    private var watched: String?
    /// Waits on the terminal alone while no session is on screen.
    private var watch = FolderWatch(folder: "", names: [], notify: false)
    private var journalStamp: FileStamp?
    /// The terminal closed: no key can ever come (a loop that went on would spin).
    private(set) var terminalGone = false

    init(sessionsPath: String) {
        self.sessionsPath = sessionsPath
    }

    /// Waits up to `timeoutMilliseconds`; true when the session on screen changed (the loop draws
    /// again), false when a key is ready or the time is up (the loop reads a key, if any).
    func wait(_ app: ReviewApp, timeoutMilliseconds timeout: Int) -> Bool {
        let id = app.sessionOnScreen
        if id != watched {
            watched = id
            watch = id.map { FolderWatch(folder: folder($0), names: [SessionStore.Files.journalName, SessionStore.Files.snapshotName]) }
                ?? FolderWatch(folder: "", names: [], notify: false)
            journalStamp = id.flatMap(stamp)
        }
        let polling = id != nil && !watch.isNotifying
        switch watch.wait(input: STDIN_FILENO, timeoutMilliseconds: polling ? min(timeout, Present.pollMilliseconds) : timeout) {
        case .changed:
            if let id { app.sessionChanged(id) }
            return true
        case .timeout:
            guard polling, let id else { return false }
            let now = stamp(id)
            guard now != journalStamp else { return false }
            journalStamp = now
            app.sessionChanged(id)
            return true
        case .inputClosed:
            terminalGone = true
            return true
        case .input:
            return false  // the loop reads the key
        }
    }

    private func folder(_ id: String) -> String { sessionsPath + "/" + id }

    /// The journal's stamp, to see a change without notifications.
    private func stamp(_ id: String) -> FileStamp? {
        FileStamp(path: folder(id) + "/" + SessionStore.Files.journalName)
    }
}
