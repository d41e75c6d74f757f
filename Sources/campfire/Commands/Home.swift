import ArgumentParser
import Foundation
import Persistence
import Workshop
import WorkshopUI

/// `campfire` with no command: the home screen.
struct Home: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the home screen: start, carry on with, or look back at a workshop.", shouldDisplay: false)

    @OptionGroup var options: CommonOptions

    func run() throws {
        let content = try options.content()
        let terminal = try options.startTerminal()
        defer { terminal.stop() }
        while true {
            let entries = options.library.summaries().map(\.summary).map {
                HomeEntry(id: $0.id, date: Day($0.createdAt).description, title: $0.title, group: $0.group ?? "–", stage: $0.stage.title, people: $0.people, rag: $0.rag, isPractice: $0.isPractice, isSample: SampleSession.isSample($0))
            }
            let home = HomeApp(entries: entries, content: content)
            let scenarios = (try? ScenarioLibrary.builtIn(glossary: content.glossary))?.scenarios ?? []
            home.scenarios = scenarios.map { HomeScenario(name: $0.name, title: $0.title, description: $0.description) }
            var choice: HomeChoice?
            while choice == nil {
                if let signal = terminal.pendingSignal { terminal.stop(); throw ExitCode(128 + signal) }
                let size = terminal.size
                terminal.draw(home.render(width: size.width, height: size.height))
                guard let key = terminal.readKey(timeoutMilliseconds: 250) else { continue }
                home.message = nil
                home.handle(key)
                choice = home.choice
            }
            if case .practice(let name) = choice!, let scenario = scenarios.first(where: { $0.name == name }) {
                let code = try PracticeRunner.run(scenario: scenario, seed: UInt64.random(in: 0...UInt64.max), coach: true,
                                                  library: options.library, content: content, terminal: terminal, stopTerminal: false)
                if code != 0 { terminal.stop(); throw ExitCode(code) }
                continue
            }
            let store: SessionStore
            switch choice! {
            case .quit, .practice:
                return
            case .deleteSample(let id):
                if let folder = try? options.library.resolve(id) { try? FileManager.default.removeItem(at: folder) }
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
                let code = ReviewRunner.run(review, terminal: terminal)
                if code != 0 { terminal.stop(); throw ExitCode(code) }
                continue
            case .resume(let id):
                do {
                    store = try SessionOpening.open(try options.library.resolve(id), readOnly: false, terminal: terminal)
                } catch {
                    continue
                }
            }
            let code = ConsoleRunner.run(store: store, content: content, terminal: terminal, notes: store.openingNotes, stopTerminal: false)
            if code != 0 { terminal.stop(); throw ExitCode(code) }
        }
    }

    /// Runs the guided tour; returns the sample, opened, if the person wants to try it themselves.
    private func runTour(content: ContentLibrary, terminal: TerminalSession) throws -> SessionStore? {
        let tour = GuidedTour(content: content, start: Date())
        while !tour.finished && !tour.wantsToOpenSample {
            if let signal = terminal.pendingSignal { terminal.stop(); throw ExitCode(128 + signal) }
            let size = terminal.size
            terminal.draw(tour.render(width: size.width, height: size.height))
            guard let key = terminal.readKey(timeoutMilliseconds: 250) else { continue }
            tour.handle(key)
        }
        guard tour.wantsToOpenSample else { return nil }
        // The sample is made only when asked for, so the data folder holds nothing unasked.
        let standard = try content.template(named: "standard")
        let made = try SampleSession.create(in: options.library, template: standard, upTo: FlowStep(.storytelling), at: Date(), random: UInt16.random(in: 0...UInt16.max))
        made.close(at: Date())
        return try SessionStore.open(made.folder, readOnly: false, at: Date())
    }
}
