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
    /// A seed for a new run: small enough to read out and type again (`--seed`, `--replay`).
    static func newSeed() -> UInt64 { UInt64.random(in: 1...99_999) }

    /// The `practice.json` of an earlier run, for `--replay`: its scenario and seed.
    static func earlierRun(_ reference: String, in library: SessionLibrary) throws -> PracticeFile {
        let folder: URL
        do { folder = try library.resolve(reference) } catch { throw plain(error) }
        let url = folder.appendingPathComponent(PracticeFile.name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw Failure("\(reference) is not a practice run (it has no \(PracticeFile.name)), so there is no group to run again.")
        }
        do { return try PracticeFile.decode(try SafeFile.read(url)) } catch {
            throw Failure("The \(PracticeFile.name) of \(reference) could not be read, so its group cannot be run again.")
        }
    }

    /// The seed of each practice run in the list, read from its `practice.json` (runs whose file
    /// cannot be read are left out).
    static func seeds(of summaries: [SessionSummary], in library: SessionLibrary) -> [String: UInt64] {
        struct SeedOnly: Decodable {
            struct State: Decodable { let seed: UInt64 }
            let state: State
        }
        var seeds: [String: UInt64] = [:]
        for summary in summaries where summary.isPractice {
            guard let folder = try? library.resolve(summary.id),
                  let data = try? SafeFile.read(folder.appendingPathComponent(PracticeFile.name)),
                  let file = try? JSONDecoder().decode(SeedOnly.self, from: data) else { continue }
            seeds[summary.id] = file.state.seed
        }
        return seeds
    }

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
