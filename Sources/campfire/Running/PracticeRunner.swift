import Foundation
import Persistence
import Workshop
import WorkshopUI

/// Practice runs: a session marked as practice, with the simulated group wired into the console.
///
/// The simulator's memory is kept as `practice.json` in the session folder (atomically, mode
/// 0600) after every reply, so `campfire resume` carries the simulation on; `debrief.txt` is
/// written on reaching the close and again on quitting a run that got past the welcome.
enum PracticeRunner {
    /// Creates a practice session for `scenario` in the library and adds the simulated group.
    static func create(scenario: Scenario, seed: UInt64, coach: Bool, library: SessionLibrary, content: ContentLibrary) throws -> (SessionStore, PracticeConsole) {
        let template = try content.template(named: scenario.template)
        let clock = PracticeClock(base: SystemClock())
        let now = clock.now()
        let session = PracticeSimulator.newSession(for: scenario, template: template, id: SessionLibrary.makeID(at: now, random: UInt16.random(in: 0...UInt16.max)), at: now)
        let store = try library.create(session, at: now)
        let practice = console(for: store, scenario: scenario, simulator: PracticeSimulator(scenario: scenario, seed: seed, glossary: content.glossary),
                               coach: coach, clock: clock, content: content)
        let reply = practice.start(in: store.session, at: now)
        for simulated in reply.events { try store.record(simulated.event, at: simulated.at) }
        practice.save()
        return (store, practice)
    }

    /// The practice console of an opened session, if it is a practice run with its `practice.json`.
    /// Returns nil for a real session; for a practice run whose file is missing or unreadable,
    /// returns nil and says why in `note`.
    static func attach(store: SessionStore, content: ContentLibrary, note: inout String?) -> PracticeConsole? {
        guard store.session.isPractice else { return nil }
        let url = store.folder.appendingPathComponent(PracticeFile.name)
        let file: PracticeFile
        do {
            file = try PracticeFile.decode(try SafeFile.read(url))
        } catch {
            note = "This practice run's \(PracticeFile.name) could not be read, so the simulated group is not here: the session opens as a plain one."
            return nil
        }
        let clock = PracticeClock(base: SystemClock())
        clock.advance(to: file.clockAt)
        let simulator = PracticeSimulator(scenario: file.scenario, glossary: content.glossary, state: file.state)
        let practice = console(for: store, scenario: file.scenario, simulator: simulator, coach: file.coach, clock: clock, content: content)
        if store.session.step.stage == .close { practice.finish(store.session, at: clock.now()) }
        return practice
    }

    private static func console(for store: SessionStore, scenario: Scenario, simulator: PracticeSimulator, coach: Bool, clock: PracticeClock, content: ContentLibrary) -> PracticeConsole {
        let folder = store.folder
        let writable = !store.isReadOnly
        return PracticeConsole(
            scenario: scenario, glossary: content.glossary, simulator: simulator, clock: clock, coachOn: coach,
            saveFile: { file in
                guard writable else { return }
                try SafeFile.writeAtomically(try file.encoded(), to: folder.appendingPathComponent(PracticeFile.name))
            },
            writeDebrief: { text in
                guard writable else { return }
                try SafeFile.writeAtomically(Data(text.utf8), to: folder.appendingPathComponent(PracticeFile.debriefName))
            })
    }

    /// On leaving the console: a run that got past the welcome gets its debrief written.
    static func leave(_ practice: PracticeConsole, session: Session) {
        guard PracticeConsole.isPastWelcome(session) else { practice.save(); return }
        practice.finish(session, at: practice.clock.now())
    }
}

extension PracticeRunner {
    /// Creates a practice run and runs the console on it. Returns the exit code.
    static func run(scenario: Scenario, seed: UInt64, coach: Bool, library: SessionLibrary, content: ContentLibrary,
                    terminal: TerminalSession, stopTerminal: Bool) throws -> Int32 {
        let store: SessionStore
        let practice: PracticeConsole
        do {
            (store, practice) = try create(scenario: scenario, seed: seed, coach: coach, library: library, content: content)
        } catch {
            terminal.stop()
            throw plain(error)
        }
        return ConsoleRunner.run(store: store, content: content, terminal: terminal, notes: [], stopTerminal: stopTerminal, practice: practice)
    }
}
