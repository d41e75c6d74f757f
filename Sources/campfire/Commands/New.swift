import ArgumentParser
import Foundation
import Persistence
import Workshop

/// `campfire new`: set up a workshop, and open the console unless it is being prepared ahead.
struct New: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "new", abstract: "Start a new workshop.")

    @OptionGroup var options: CommonOptions

    @Option(name: .long, help: "What the workshop is called, for example \"Riverside day service, November\".")
    var title: String

    @Option(name: .long, help: "A name for the group, to see its sessions over time.")
    var group: String?

    @Option(name: .long, help: "Your first name, as the facilitator (optional).")
    var facilitator: String?

    @Option(name: .long, help: "Someone taking part, by first name. Repeat for each person.")
    var participant: [String] = []

    @Option(name: .long, help: "standard, principles-only, stories-and-goal, or the path of your own template file.")
    var template: String = "standard"

    @Flag(name: .long, help: "Set the workshop up ahead of the day: print its id and folder, and open nothing.")
    var prepare = false

    @Option(name: .long, help: ArgumentHelp("The day the workshop was held, to enter one held on paper or on another day: its record is dated that day.", valueName: "YYYY-MM-DD"))
    var date: String?

    func run() throws {
        let content = try options.content()
        let chosen: WorkshopTemplate
        do { chosen = try content.template(named: template) } catch { throw plain(error) }
        let title = self.title.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw Failure("Please give the workshop a title, for example --title \"Riverside, November\".") }

        let clock = try HeldOn.clock(for: date, today: Date())
        let now = clock.now()
        let session = Session(
            id: SessionLibrary.makeID(at: now, random: UInt16.random(in: 0...UInt16.max)),
            title: title, group: group?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty,
            facilitator: facilitator, createdAt: now, template: chosen)
        // The people are checked (a name twice, an empty name) before anything is written, so a
        // refused `new` leaves no half-made workshop in the list.
        var trial = SessionEditor(session: session)
        do {
            for name in participant { try trial.apply(.addParticipant(Participant(id: trial.makeID("p"), name: name)), at: now) }
        } catch {
            throw Failure(error.reason + " Nothing was made.")
        }

        // Check the terminal before anything is written, so a bad terminal creates no session.
        var terminal: TerminalSession?
        if !prepare { terminal = try options.startTerminal() }

        var store: SessionStore?
        do {
            let made = try options.library.create(session, at: now)
            store = made
            for name in participant {
                try made.record(.addParticipant(Participant(id: made.editor.makeID("p"), name: name)), at: clock.now())
            }
        } catch {
            terminal?.stop()
            // Whatever was made is taken away again: a failed `new` leaves nothing behind.
            if let store {
                store.close(at: Date())
                try? FileManager.default.removeItem(at: store.folder)
            }
            throw plain(error)
        }
        guard let store else { return }

        guard let terminal else {
            store.close(at: clock.now())
            print("Made the workshop \"\(shown(title))\".")
            print("id:     \(shown(session.id))")
            print("folder: \(shown(store.folder.path))")
            print("On the day, open it with: \(shown(options.followUp("resume", session.id)))")
            return
        }
        let code = ConsoleRunner.run(store: store, content: content, terminal: terminal, notes: [], clock: clock)
        if code != 0 { throw ExitCode(code) }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

/// `new --date`: a workshop held on another day is recorded as if on that day, at the same time of day.
enum HeldOn {
    /// The real clock moved back to `text`'s day (`YYYY-MM-DD`), or the real clock without one.
    static func clock(for text: String?, today: Date) throws -> any Workshop.Clock {
        guard let text else { return SystemClock() }
        guard let day = Day(text) else { throw Failure("--date should be a day like 2026-03-14, not \"\(text)\".") }
        let todayDay = Day(today)
        guard day <= todayDay else { throw Failure("--date is for a workshop already held: \(day) is after today (\(todayDay)).") }
        return ShiftedClock(offset: TimeInterval(todayDay.days(until: day)) * 86_400)
    }
}

/// The real time moved by a fixed number of seconds.
struct ShiftedClock: Workshop.Clock {
    let offset: TimeInterval
    func now() -> Date { Date().addingTimeInterval(offset) }
}
