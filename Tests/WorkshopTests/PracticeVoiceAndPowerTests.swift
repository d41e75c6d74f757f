import Foundation
import XCTest
@testable import Workshop

/// The debrief measures voice and power, not throughput: a careful trainee meets every indicator on
/// every seed of every built-in scenario, and each careless habit fails the indicator about it on
/// every seed (docs/practice-scenarios.md, "The debrief").
final class PracticeVoiceAndPowerTests: XCTestCase {
    let glossary = PracticeFixtures.glossary
    static let seeds: ClosedRange<UInt64> = 1...50

    /// The habits a careless trainee may have; none of them is the careful run.
    struct Habits: OptionSet {
        let rawValue: Int
        static let silenceOne = Habits(rawValue: 1 << 0)       // never offers the stick to the one who talks most
        static let overrideGoal = Habits(rawValue: 1 << 1)     // agrees a wording someone disagrees with
        static let overruleScores = Habits(rawValue: 1 << 2)   // agrees stage 4 above what people who use services placed, in service words
        static let jargon = Habits(rawValue: 1 << 3)           // translates nothing
        static let rush = Habits(rawValue: 1 << 4)             // explains each principle for 10 seconds
        static let ignoreRefusal = Habits(rawValue: 1 << 5)    // keeps someone on an action they said no to
        static let skipConsent = Habits(rawValue: 1 << 6)      // never asks a teller about their story
    }

    func run(_ scenarioName: String, seed: UInt64, habits: Habits = []) throws -> (PracticeRun, Debrief) {
        let scenario = try PracticeFixtures.builtIn(scenarioName)
        let template = try ContentLibrary.load().template(named: scenario.template)
        var run = try PracticeRun(scenario: scenario, seed: seed, template: template, glossary: glossary)
        let plain: (String) -> String = habits.contains(.jargon) ? { $0 } : { self.glossary.translated($0) }
        try run.next(after: 60) // stories

        // Everyone is offered the stick by name, the talkers last; each teller is asked about their story.
        let order = scenario.personas.filter { !$0.has(.talksOverOthers) } + scenario.personas.filter { $0.has(.talksOverOthers) }
        let silenced = habits.contains(.silenceOne) ? order.last?.id : nil
        for persona in order where persona.id != silenced {
            try run.trainee(.giveStick(to: run.id(persona.id), invited: true), after: 5)
            if !habits.contains(.skipConsent) {
                for ask in run.simulator.log.consent where !ask.asked { try run.askConsent(ask.story) }
            }
        }
        for story in run.session.record.stories {
            var edited = story
            edited.title = plain(story.title); edited.whatHappened = plain(story.whatHappened); edited.smallThing = plain(story.smallThing)
            if edited != story { try run.trainee(.editStory(edited)) }
        }

        try run.next() // goal
        for persona in scenario.personas where persona.has(.quietUnlessInvited) { try run.invite(persona.id) }
        for draft in run.session.record.openDrafts where plain(draft.text) != draft.text {
            try run.trainee(.editGoal(id: draft.id, text: plain(draft.text)))
        }
        var agreed = false
        for draft in run.session.record.openDrafts {
            try run.consensusCheck(draft.id)
            let disagreeing = run.session.record.draft(draft.id)!.count(of: .disagree) > 0
            if disagreeing == habits.contains(.overrideGoal) {
                try run.trainee(.agreeGoal(draft: draft.id, overrideReason: disagreeing ? "We ran out of time" : nil))
                agreed = true
                break
            }
        }
        XCTAssertTrue(agreed, "\(scenarioName) seed \(seed): no wording to agree")

        // Each principle explained, scored, and agreed with the words of people who use services and carers.
        while run.session.step.stage == .goal || run.session.step.stage == .principles {
            let explaining = run.session.step.phase == .explain
            try run.next(after: explaining && !habits.contains(.rush) ? 90 : (explaining ? 10 : 60))
            guard let principle = run.session.step.principle, run.session.step.phase == .agree else { continue }
            for persona in scenario.personas where persona.has(.quietUnlessInvited) { try run.invite(persona.id) }
            if habits.contains(.overruleScores) {
                try run.trainee(.agreePrinciple(principle: principle, stage: 4, rag: .green, evidence: "Our KPIs and outcomes framework show it."))
                continue
            }
            let scores = run.session.record.score(for: principle).scores.values.sorted()
            let stage = scores.isEmpty ? 2 : scores[scores.count / 2]
            let voices = scenario.personas.filter { [.lived, .carer].contains($0.perspective) }.compactMap { persona in
                persona.view(of: principle).map { "\(persona.name) said: \(plain($0.evidence))" }
            }
            try run.trainee(.agreePrinciple(principle: principle, stage: stage, rag: stage >= 3 ? .green : (stage == 2 ? .amber : .red),
                                            evidence: voices.joined(separator: " ")))
        }

        XCTAssertEqual(run.session.step.stage, .ideas)
        for persona in scenario.personas where persona.has(.quietUnlessInvited) { try run.invite(persona.id) }
        for idea in run.session.record.ideas where plain(idea.text) != idea.text {
            try run.trainee(.editIdea(id: idea.id, text: plain(idea.text), principles: idea.principles))
        }
        try run.next() // choose
        let top = run.session.record.ideasByVotes.prefix(2).map(\.id)
        for idea in top { try run.trainee(.choose(idea: idea)) }
        try run.next() // actions

        // Pairs, each person on one action, due within three weeks.
        let today = Day(run.now)
        let people = scenario.personas.map { run.id($0.id) }
        if habits.contains(.ignoreRefusal) {
            let alone = try XCTUnwrap(scenario.personas.first { $0.actions.maxActions == 1 && !$0.has(.overPromises) })
            for number in 0..<2 {
                try run.trainee(.addAction(Action(id: "a\(900 + number)", idea: top[number % top.count], what: "Ask at the Tuesday meeting", who: [run.id(alone.id)],
                                                  when: today.adding(days: 14), how: "Say it at the start")))
            }
        } else {
            for number in 0..<(people.count / 2) {
                try run.trainee(.addAction(Action(id: "a\(900 + number)", idea: top[number % top.count], what: "Ask at the Tuesday meeting",
                                                  who: [people[2 * number], people[2 * number + 1]], when: today.adding(days: 21), how: "Say it at the start")))
            }
        }
        try run.next() // close
        XCTAssertEqual(run.session.step, FlowStep(.close))
        let debrief = FacilitationIndicators.measure(run.session, scenario: scenario, log: run.simulator.log, glossary: glossary, now: run.now, seed: seed)
        return (run, debrief)
    }

    func testCarefulFacilitationMeetsEveryIndicatorOnEverySeed() throws {
        for name in ScenarioLibrary.builtInNames {
            for seed in Self.seeds {
                let (_, debrief) = try run(name, seed: seed)
                let short = debrief.indicators.filter { $0.meetsIdeal == false }.map { "\($0.title): \($0.figure)" }
                XCTAssertEqual(short, [], "\(name) seed \(seed)")
                // Every indicator about voice and power had something to measure.
                for kind in [IndicatorKind.stickOffered, .voiceShare, .consentAsked, .stagesHeard, .explainedFirst, .refusalsHeeded, .sharedActions] {
                    XCTAssertEqual(debrief.indicator(kind)?.meetsIdeal, true, "\(name) seed \(seed): \(kind)")
                }
                XCTAssertTrue(debrief.nextTime.isEmpty, "\(name) seed \(seed)")
                if ProcessInfo.processInfo.environment["CAMPFIRE_PRINT_SHARES"] != nil, let value = debrief.indicator(.voiceShare)?.value { print("SHARE \(name) \(value)") }
            }
        }
    }

    /// Each habit fails the indicator about it, whatever the seed.
    func assertHabit(_ habits: Habits, fails kind: IndicatorKind, file: StaticString = #filePath, line: UInt = #line) throws {
        for name in ScenarioLibrary.builtInNames {
            for seed in Self.seeds {
                let (_, debrief) = try run(name, seed: seed, habits: habits)
                let indicator = debrief.indicator(kind)
                XCTAssertEqual(indicator?.meetsIdeal, false, "\(name) seed \(seed): \(indicator?.figure ?? "missing")", file: file, line: line)
            }
        }
    }

    func testSilencingOnePersonFailsStickOffered() throws {
        try assertHabit(.silenceOne, fails: .stickOffered)
        let (_, debrief) = try run("day-service", seed: 1, habits: .silenceOne)
        XCTAssertEqual(debrief.indicator(.stickOffered)?.figure, "5 of 6 people were offered the stick by name; not Marcus.")
    }

    func testOverridingTheGoalFailsConsensus() throws {
        try assertHabit(.overrideGoal, fails: .consensus)
    }

    func testOverrulingPeopleWhoUseServicesAtScoringFailsStagesHeard() throws {
        try assertHabit(.overruleScores, fails: .stagesHeard)
        try assertHabit(.overruleScores, fails: .plainEvidence)
        let (_, debrief) = try run("day-service", seed: 3, habits: .overruleScores)
        let figure = try XCTUnwrap(debrief.indicator(.stagesHeard)?.figure)
        XCTAssertTrue(figure.hasPrefix("Recognising people as assets was agreed at stage 4, above the 1–2 that people who use services and carers placed"), figure)
    }

    func testLeavingJargonFailsJargon() throws {
        try assertHabit(.jargon, fails: .jargon)
    }

    func testRushingFailsExplainedBeforeScoring() throws {
        try assertHabit(.rush, fails: .explainedFirst)
    }

    func testIgnoringARefusalFailsRefusalsHeeded() throws {
        try assertHabit(.ignoreRefusal, fails: .refusalsHeeded)
    }

    func testSkippingConsentFailsConsentAsked() throws {
        try assertHabit(.skipConsent, fails: .consentAsked)
    }

    // MARK: - The group's side of it

    func testATellerAnswersWhenAskedAndStoriesStayInTheRoomUntilThen() throws {
        let scenario = try PracticeFixtures.builtIn("day-service")
        var run = try PracticeRun(scenario: scenario, seed: 4, template: PracticeFixtures.template, glossary: glossary)
        try run.next()
        try run.trainee(.giveStick(to: run.id("tomasz"), invited: true))
        let story = try XCTUnwrap(run.session.record.stories.last)
        XCTAssertEqual(story.consent, .roomOnly, "told, not yet asked")
        let wish = scenario.persona("tomasz")!.stories[0].consent
        let reply = try run.askConsent(story.id)
        XCTAssertEqual(run.session.record.stories.last?.consent, wish)
        XCTAssertEqual(reply.remarks.map(\.kind), [.consents])
        XCTAssertTrue(reply.remarks[0].text.hasPrefix("Tomasz: "))
        XCTAssertEqual(run.simulator.log.consent.map(\.asked), [true])
    }

    func testMarkingAStoryMoreOpenThanItsTellerWantsIsObjectedToAndCounted() throws {
        let scenario = try PracticeFixtures.builtIn("day-service")
        var run = try PracticeRun(scenario: scenario, seed: 4, template: PracticeFixtures.template, glossary: glossary)
        try run.next()
        let teller = try XCTUnwrap(scenario.personas.first { $0.stories.first?.consent != .share && !$0.has(.talksOverOthers) })
        try run.trainee(.giveStick(to: run.id(teller.id), invited: true))
        var story = try XCTUnwrap(run.session.record.stories.last)
        story.consent = .share
        let reply = try run.trainee(.editStory(story))
        XCTAssertEqual(reply.remarks.map(\.kind), [.disagrees])
        XCTAssertTrue(reply.remarks.first?.text.contains("Nobody asked me") == true, "\(reply.remarks)")
        let heeded = FacilitationIndicators.refusalsHeeded(run.session, run.simulator.log)
        XCTAssertEqual(heeded.meetsIdeal, false)
        XCTAssertEqual(heeded.value, 1)
    }

    func testPeopleWhoUseServicesReactToJargonInAGoalByTheirTraits() throws {
        let scenario = try PracticeFixtures.builtIn("day-service")
        var run = try PracticeRun(scenario: scenario, seed: 2, template: PracticeFixtures.template, glossary: glossary)
        try run.next()
        try run.next() // goal
        let text = "Improve our KPIs and the outcomes framework for the lunch menu going forward"
        try run.trainee(.proposeGoal(GoalDraft(id: "g900", text: text, proposedBy: nil)))
        let plainAnswers = Dictionary(uniqueKeysWithValues: scenario.personas.map { ($0.id, run.simulator.response(of: $0, to: text)) })
        let reply = try run.consensusCheck("g900")
        let draft = try XCTUnwrap(run.session.record.draft("g900"))
        for persona in scenario.personas {
            let answer = draft.responses[run.id(persona.id)]
            let stumbles = [.lived, .carer].contains(persona.perspective) && !persona.has(.usesJargon)
            switch (stumbles, plainAnswers[persona.id]!) {
            case (false, let plain): XCTAssertEqual(answer, plain, persona.name)
            case (true, .agree): XCTAssertEqual(answer, .canLiveWith, persona.name)
            case (true, .canLiveWith): XCTAssertEqual(answer, persona.has(.quietUnlessInvited) ? .canLiveWith : .disagree, persona.name)
            case (true, .disagree): XCTAssertEqual(answer, .disagree, persona.name)
            }
        }
        // Each who stumbles says so: a question, or a frown from a quiet person.
        let quiet = reply.remarks.filter { $0.text.contains("frowns") }.count
        XCTAssertEqual(quiet, scenario.personas.filter { $0.has(.quietUnlessInvited) && $0.perspective == .lived }.count)
        XCTAssertTrue(reply.remarks.contains { $0.text.contains("“KPIs”") }, reply.remarks.map(\.text).joined(separator: "\n"))
        XCTAssertFalse(run.simulator.log.jargonReactions.isEmpty)
    }

    func testEvidenceInServiceWordsDrawsAQuestion() throws {
        let scenario = try PracticeFixtures.builtIn("day-service")
        var run = try PracticeRun(scenario: scenario, seed: 2, template: PracticeFixtures.template, glossary: glossary)
        try run.next()
        let reply = try run.trainee(.agreePrinciple(principle: .work, stage: 4, rag: .green, evidence: "Our KPIs and outcomes framework show it."))
        XCTAssertEqual(reply.remarks.map(\.kind), [.puzzled])
        XCTAssertEqual(reply.remarks.first?.text, "Elsie frowns at “KPIs” on the screen and says nothing.")
    }
}
