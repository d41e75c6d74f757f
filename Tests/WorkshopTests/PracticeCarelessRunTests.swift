import Foundation
import XCTest
@testable import Workshop

/// A careless trainee on the built-in day-service scenario with seed 7: the debrief's figures are
/// pinned, so the console's end-to-end run of the same keys can check it shows the same ones.
final class PracticeCarelessRunTests: XCTestCase {
    func carelessRun() throws -> (PracticeRun, Debrief) {
        let glossary = PracticeFixtures.glossary
        let scenario = try PracticeFixtures.builtIn("day-service")
        var run = try PracticeRun(scenario: scenario, seed: 7, template: PracticeFixtures.template, glossary: glossary)
        try run.next() // stories
        // The stick goes round in order, nobody named.
        for persona in scenario.personas { try run.trainee(.giveStick(to: run.id(persona.id), invited: false), after: 5) }
        try run.next() // goal
        let first = run.session.record.openDrafts[0].id
        try run.consensusCheck(first)
        try run.trainee(.agreeGoal(draft: first, overrideReason: "We ran out of time"))
        while run.session.step.stage != .ideas {
            try run.next()
            if run.session.step == FlowStep(principle: .assets, phase: .agree) {
                try run.trainee(.agreePrinciple(principle: .assets, stage: 2, rag: .amber, evidence: "Members help with the quiz."))
            }
        }
        try run.next() // choose
        let top = run.session.record.ideasByVotes.prefix(2).map(\.id)
        for idea in top { try run.trainee(.choose(idea: idea)) }
        try run.next() // actions: the over-promiser gets everything, far off
        let june = run.id("june")
        for (index, idea) in top.enumerated() {
            try run.trainee(.addAction(Action(id: "a\(800 + index)", idea: idea, what: "Sort it out", who: [june], when: Day(Fixtures.start).adding(days: 90), how: "")))
        }
        try run.next() // close
        let debrief = FacilitationIndicators.measure(run.session, scenario: scenario, log: run.simulator.log, glossary: glossary, now: run.now)
        return (run, debrief)
    }

    func testTheCarelessRunsDebrief() throws {
        let (run, debrief) = try carelessRun()
        XCTAssertEqual(run.session.step, FlowStep(.close))
        let figures = debrief.indicators.map { "\($0.kind.rawValue): \($0.figure)" }
        if ProcessInfo.processInfo.environment["CAMPFIRE_PRINT_DEBRIEF"] != nil { print(debrief.text) }
        XCTAssertEqual(figures, Self.expected, figures.joined(separator: "\n"))
        XCTAssertEqual(debrief.nextTime.count, 3)
    }

    static let expected: [String] = [
        "stickOffered: Nobody was offered the stick by name.",
        "quietVoicesInvited: 0 of 2 of the people who only speak when asked by name were invited by name (0%).",
        "interruptions: Marcus cut in 3 times, so the next person did not get their turn.",
        "voiceShare: People who use services and carers had 20% of the talking, below the band for 4 of 6 people (at least 33%).",
        "consentAsked: Tellers were asked what may happen to 0 of 6 stories.",
        "jargon: 0 of 6 jargon terms were translated (0%); 6 were missed.",
        "explainedFirst: 0 of 4 principles were explained for at least a minute before people scored them.",
        "timeBoxes: 10 of 10 time-boxes were kept (100%).",
        "consensus: The goal was agreed although Tomasz disagreed (override: \"We ran out of time\").",
        "stagesHeard: No agreed stage was above what people who use services and carers placed without their voice in the evidence.",
        "principlesWithEvidence: 1 of 4 principles have an agreed stage, a RED/AMBER/GREEN score and evidence (25%).",
        "plainEvidence: The evidence is in plain words.",
        "actionsComplete: 0 of 2 actions say what, who, when and how (0%).",
        "actionsInsideWindow: 0 of 2 actions are due within 28 days (0%).",
        "refusalsHeeded: Nobody said no to an action, and every story is kept as its teller wants.",
        "sharedActions: 2 of 2 actions are left to one person.",
        "ownerSpread: 1 of 6 people own an action; the busiest, June, is on 2 of 2 (100%).",
    ]
}
