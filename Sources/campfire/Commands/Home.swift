import ArgumentParser
import Foundation
import Persistence
import TerminalUI
import Workshop
import WorkshopUI

/// `campfire` with no command: the home screen.
struct Home: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "home", abstract: "Open the home screen: start, carry on with, or look back at a workshop.", shouldDisplay: false)

    @OptionGroup var options: CommonOptions

    func run() throws {
        try HomeScreen(options: options.settings).run()
    }
}

/// The home screen's loop: list, new workshop, carry on, look back, tour, practice.
struct HomeScreen {
    let options: Settings

    func run() throws {
        // The content files are read after the first screen is drawn (the list needs none of
        // them) and before the first key is handled, so the home screen appears sooner
        // (docs/performance.md, figure 1).
        let library = options.library
        let terminal = try options.startTerminal()
        defer { terminal.stop() }
        var loaded: ContentLibrary?
        // Why the last choice could not be done (a workshop that will not open), shown on the list.
        var problem: String?
        // What the last choice did (a made-up workshop deleted), said on the list.
        var notice: String?
        while true {
            let summaries = library.summaries()
            let entries = summaries.map {
                HomeEntry(id: $0.id, date: Day($0.createdAt).description, title: $0.title, group: $0.group ?? "–", stage: $0.reached, people: $0.people, rag: $0.rag, isPractice: $0.isPractice, isSample: SampleSession.isSample($0))
            }
            let home = HomeApp(entries: entries, content: loaded)
            if let problem { home.message = StatusMessage(.problem, problem) }
            if let notice { home.message = StatusMessage(.saved, notice) }
            problem = nil
            notice = nil
            home.eraseCommand = { [options] id in options.followUp("erase", [id]) }
            home.loadScenarios = { [weak home] in
                guard let content = home?.content else { return [] }
                return Self.scenarios(content).map { HomeScenario(name: $0.name, title: $0.title, description: $0.description) }
            }
            let options = self.options
            var loop = home.screenLoop()
            loop.afterDraw = {
                if loaded == nil {
                    do { loaded = try options.content() } catch { terminal.stop(); throw error }
                    home.content = loaded
                }
            }
            do { try loop.run(on: terminal) } catch TerminalSession.LoopEnd.terminalGone { return } catch let end as TerminalSession.LoopEnd { throw ExitCode(end.code) }
            let choice = home.choice
            guard let content = loaded else { return }
            if case .practice(let name) = choice!, let scenario = Self.scenarios(content).first(where: { $0.name == name }) {
                let code = try PracticeRunner.run(scenario: scenario, seed: PracticeRunner.newSeed(), coach: true,
                                                  library: options.library, content: content, terminal: terminal, stopTerminal: false)
                if code != 0 { terminal.stop(); throw ExitCode(code) }
                continue
            }
            let store: SessionStore
            switch choice! {
            case .quit, .practice:
                return
            case .deleteSample(let id, let what):
                do {
                    try FileManager.default.removeItem(at: try options.library.resolve(id))
                    notice = "Deleted \(what)."
                } catch {
                    problem = "Could not delete \(what): \(plain(error).description)"
                }
                continue
            case .tour:
                guard let sample = try? runTour(content: content, terminal: terminal) else { continue }
                store = sample
            case .newWorkshop(let title, let group, let templateName):
                do {
                    let now = Date()
                    let session = Session(id: SessionLibrary.makeID(at: now, random: UInt16.random(in: 0...UInt16.max)), title: title, group: group, createdAt: now, template: try content.template(named: templateName))
                    store = try options.library.create(session, at: now)
                } catch {
                    terminal.stop()
                    throw plain(error)
                }
            case .lookBack(let id):
                // Looking back opens the review of that session; q there comes back here.
                let review = ReviewApp(source: ReviewRunner.source(options.library), content: content, query: ReviewQuery(practice: .all))
                review.open(id)
                let code = ReviewRunner.run(review, terminal: terminal, library: options.library)
                if code != 0 { terminal.stop(); throw ExitCode(code) }
                continue
            case .resume(let id):
                do {
                    store = try SessionOpening.open(try options.library.resolve(id), readOnly: false, terminal: terminal)
                } catch let stop as ExitCode {
                    throw stop  // a stop signal while asking: Campfire ends, as it does anywhere else
                } catch {
                    // Said on the list, not swallowed: the same words `campfire resume` prints.
                    problem = "This workshop did not open. " + plain(error).description
                    continue
                }
            }
            let code = ConsoleRunner.run(store: store, content: content, terminal: terminal, notes: store.openingNotes, stopTerminal: false)
            if code != 0 { terminal.stop(); throw ExitCode(code) }
        }
    }

    /// The built-in practice scenarios (read and checked when first asked for).
    private static func scenarios(_ content: ContentLibrary) -> [Scenario] {
        (try? ScenarioLibrary.builtIn(glossary: content.glossary))?.scenarios ?? []
    }

    /// Runs the guided tour; returns the sample, opened, if the person wants to try it themselves.
    private func runTour(content: ContentLibrary, terminal: TerminalSession) throws -> SessionStore? {
        let tour = GuidedTour(content: content, start: Date())
        do { try tour.screenLoop().run(on: terminal) } catch TerminalSession.LoopEnd.terminalGone { return nil } catch let end as TerminalSession.LoopEnd { throw ExitCode(end.code) }
        guard tour.wantsToOpenSample else { return nil }
        // The sample is made only when asked for, so the data folder holds nothing unasked.
        let standard = try content.template(named: "standard")
        let made = try SampleSession.create(in: options.library, template: standard, upTo: FlowStep(.storytelling), at: Date(), random: UInt16.random(in: 0...UInt16.max))
        made.close(at: Date())
        return try SessionStore.open(made.folder, readOnly: false, at: Date())
    }
}
