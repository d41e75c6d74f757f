import Foundation
import Persistence
import TerminalUI
import Workshop
import WorkshopUI

/// The one loop: wait for a key or a tick, handle it, save, draw. Everything on one thread.
enum ConsoleRunner {
    /// How often the screen is redrawn without a key, so timers move.
    static let tickMilliseconds = 250

    /// Runs the console until the facilitator quits or a signal arrives. Returns the exit code.
    /// A practice run (`practice`, or found from the session's `practice.json`) has the simulated group wired in.
    static func run(store: SessionStore, content: ContentLibrary, terminal: TerminalSession, notes: [String], stopTerminal: Bool = true, practice: PracticeConsole? = nil,
                    clock given: (any Workshop.Clock)? = nil) -> Int32 {
        var practiceNote: String?
        let practice = practice ?? PracticeRunner.attach(store: store, content: content, note: &practiceNote)
        let notes = notes + (practiceNote.map { [$0] } ?? [])
        let clock: any Workshop.Clock = practice?.clock ?? given ?? SystemClock()
        // No key waits for a snapshot: they are written on a thread of their own, once the change
        // is on screen (docs/decisions.md).
        store.writesSnapshotsInBackground = true
        store.defersRegularSnapshots = true
        let readOnly: String? = store.isReadOnly ? "this workshop is open to look at only (it is open for changes somewhere else, or its files need mending first)." : nil
        // The store is the one owner of the open session: the console asks it, and saves through it.
        let app = ConsoleApp(session: store, content: content, clock: clock, readOnlyReason: readOnly)
        app.practice = practice
        if practice?.debrief != nil { app.state.closeView = 2 }
        if !notes.isEmpty {
            app.state.message = StatusMessage(.problem, notes.joined(separator: " "))
        }
        // Back where the facilitator was: the panel and the highlighted items of this step.
        let places: PlaceKeeper? = store.isReadOnly ? nil : PlaceKeeper(folder: store.folder)
        if let place = places?.recover() { app.restore(place) }
        let drafts: DraftKeeper? = store.isReadOnly ? nil : DraftKeeper(folder: store.folder)
        if let form = drafts?.recover() {
            app.state.form = form
            app.state.message = StatusMessage(.info, "What you were typing when Campfire stopped is back. Press Enter to save it, or Esc.")
        }
        let code = loop(app: app, store: store, terminal: terminal, drafts: drafts, places: places)
        drafts?.update(app.state.form, now: clock.now(), force: true)
        places?.update(app.place, now: clock.now(), force: true)
        if let practice, !store.isReadOnly { PracticeRunner.leave(practice, session: app.session) }
        store.close(at: clock.now(), lastScreen: lastScreen(of: app, store: store, practice: practice, size: terminal.size))
        if stopTerminal || code != 0 { terminal.stop() }
        return code
    }

    /// The screen `campfire resume` shows at once next time (see `LastScreen`), or nil when
    /// there is none to keep: one the store would not keep (``SessionStore/keepsLastScreen``), a
    /// practice run, a box left open (its draft comes back instead), or a screen whose transcript
    /// does not read back the same.
    static func lastScreen(of app: ConsoleApp, store: SessionStore, practice: PracticeConsole?, size: (width: Int, height: Int)) -> LastScreen.Picture? {
        guard store.keepsLastScreen, practice == nil, app.state.form == nil, size.width > 0, size.height > 0 else { return nil }
        let grid = app.screenWhenReopened(width: size.width, height: size.height)
        let transcript = GridTranscript.text(of: grid)
        guard GridTranscript.grid(from: transcript, width: size.width, height: size.height) == grid else { return nil }
        return LastScreen.Picture(transcript: transcript, width: size.width, height: size.height)
    }

    private static func loop(app: ConsoleApp, store: SessionStore, terminal: TerminalSession, drafts: DraftKeeper?, places: PlaceKeeper?) -> Int32 {
        var lastKey: Key?
        // The console's own loop (render and keys, as the tests drive it), plus the files.
        var loop = app.screenLoop(tickMilliseconds: tickMilliseconds)
        let handle = loop.handle
        loop.handle = { key in
            lastKey = key
            handle(key)
            // A snapshot that could not be written (a full disk) is said, not skipped in silence.
            if let problem = store.takeSnapshotProblem() { app.state.message = StatusMessage(.problem, problem) }
        }
        loop.afterDraw = {
            // The change is on screen (and in the journal): now the snapshot, if one is due.
            store.snapshotIfDue(at: app.now)
            if let problem = store.takeSnapshotProblem() { app.state.message = StatusMessage(.problem, problem) }
            drafts?.update(app.state.form, now: app.now)
            places?.update(app.place, now: app.now)
        }
        do { try loop.run(on: terminal) } catch let end as TerminalSession.LoopEnd { return end.code } catch { return 1 }
        return lastKey == .control("c") ? 130 : 0
    }
}
