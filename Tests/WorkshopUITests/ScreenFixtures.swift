import Foundation
import TerminalUI
@testable import Workshop
@testable import WorkshopUI

/// A fixed session at a fixed moment, so every screen renders the same way every time.
enum ScreenFixtures {
    static let start = Date(timeIntervalSince1970: 1_795_000_000)
    static let content: ContentLibrary = try! ContentLibrary.load()
    static let standard: WorkshopTemplate = try! content.template(named: "standard")

    /// Events saved by an app, for checking what keys did.
    final class Saved {
        var events: [SessionEvent] = []
    }

    /// A console on the sample workshop, stopped at `step`, with the clock `minutes` later.
    static func app(at step: FlowStep? = nil, names: [String] = ["Maya", "Tom", "Priya", "Sam"], minutesLater: Double = 5, saved: Saved = Saved()) -> (ConsoleApp, ManualClock) {
        let session = SampleWorkshop.session(template: standard, names: names, upTo: step, start: start)
        let last = session.visits.last?.enteredAt ?? start
        let clock = ManualClock(last.addingTimeInterval(minutesLater * 60))
        let environment = ConsoleEnvironment(clock: clock, save: { event, _ in saved.events.append(event) })
        return (ConsoleApp(editor: SessionEditor(session: session), content: content, environment: environment), clock)
    }

    /// A console on an empty session with no people.
    static func emptyApp(saved: Saved = Saved()) -> (ConsoleApp, ManualClock) {
        let clock = ManualClock(start)
        let session = Session(id: "20261117-0930-cafe", title: "Riverside day service", group: "riverside", createdAt: start, template: standard)
        let environment = ConsoleEnvironment(clock: clock, save: { event, _ in saved.events.append(event) })
        return (ConsoleApp(editor: SessionEditor(session: session), content: content, environment: environment), clock)
    }

    /// One step of each kind, for the per-stage goldens.
    static let steps: [(name: String, step: FlowStep)] = [
        ("welcome", FlowStep(.welcome)),
        ("storytelling", FlowStep(.storytelling)),
        ("goal", FlowStep(.goal)),
        ("principle-explain", FlowStep(principle: .reciprocity, phase: .explain)),
        ("principle-score", FlowStep(principle: .reciprocity, phase: .score)),
        ("principle-agree", FlowStep(principle: .reciprocity, phase: .agree)),
        ("ideas", FlowStep(.ideas)),
        ("choose", FlowStep(.choose)),
        ("actions", FlowStep(.actions)),
        ("close", FlowStep(.close)),
    ]

    static let sizes: [(width: Int, height: Int)] = [(80, 24), (60, 20), (160, 48)]
}
