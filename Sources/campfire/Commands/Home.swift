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
            let formatter = DateFormatter()
            formatter.dateFormat = "yyyy-MM-dd"
            let entries = options.library.summaries().map(\.summary).map {
                HomeEntry(id: $0.id, date: formatter.string(from: $0.createdAt), title: $0.title, group: $0.group ?? "–", stage: $0.stage.title, people: $0.people, rag: $0.rag, isPractice: $0.isPractice)
            }
            let home = HomeApp(entries: entries, content: content)
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
            let store: SessionStore
            switch choice! {
            case .quit:
                return
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
}
