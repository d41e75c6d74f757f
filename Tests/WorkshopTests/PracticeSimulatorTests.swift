import Foundation
import XCTest
@testable import Workshop

final class PracticeSimulatorTests: XCTestCase {
    let glossary = PracticeFixtures.glossary
    let template = PracticeFixtures.template

    private func roundRun(seed: UInt64 = 7) throws -> PracticeRun {
        var run = try PracticeRun(scenario: PracticeFixtures.scenario, seed: seed, template: template, glossary: glossary)
        try run.next() // to the story round
        XCTAssertEqual(run.session.step, FlowStep(.storytelling))
        return run
    }

    private func tellers(_ reply: PracticeReply) -> [ParticipantID?] {
        reply.plainEvents.compactMap { if case .addStory(let story) = $0 { return story.teller }; return nil }
    }

    // MARK: Set-up

    func testStartAddsEveryPersonaAsAParticipantInOrder() throws {
        let run = try PracticeRun(scenario: PracticeFixtures.scenario, seed: 1, template: template, glossary: glossary)
        XCTAssertEqual(run.session.record.participants.map(\.name), ["Dom", "Quinn", "Jo", "Sid"])
        XCTAssertEqual(run.session.record.participants.map(\.perspective), [.frontline, .lived, .manager, .carer])
        XCTAssertEqual(run.id("quinn"), "p2")
        XCTAssertTrue(run.session.isPractice)
    }

    // MARK: Determinism

    /// A fixed script of trainee events covering every stage.
    private func scriptedRun(seed: UInt64) throws -> PracticeRun {
        var run = try roundRun(seed: seed)
        try run.trainee(.giveStick(to: run.id("jo"), invited: false))
        try run.trainee(.giveStick(to: run.id("quinn"), invited: false))
        try run.trainee(.giveStick(to: run.id("quinn"), invited: true))
        try run.trainee(.giveStick(to: run.id("sid"), invited: false))
        try run.next() // goal
        try run.invite("quinn")
        let draft = run.session.record.goalDrafts.last!.id
        try run.consensusCheck(draft)
        try run.trainee(.agreeGoal(draft: draft, overrideReason: "practice"))
        while run.session.step.stage == .principles || run.session.step.stage == .goal {
            if let principle = run.session.step.principle, run.session.step.phase == .agree {
                try run.trainee(.agreePrinciple(principle: principle, stage: 2, rag: .amber, evidence: "Seen it."))
            }
            try run.next()
        }
        XCTAssertEqual(run.session.step, FlowStep(.ideas))
        try run.next() // choose: dots go down
        let top = run.session.record.ideasByVotes.prefix(2).map(\.id)
        for idea in top { try run.trainee(.choose(idea: idea)) }
        try run.next() // actions
        try run.trainee(.addAction(Action(id: "a100", idea: top[0], what: "Do it", who: [run.id("quinn")], when: Day(Fixtures.start).adding(days: 7), how: "Together")))
        try run.trainee(.addAction(Action(id: "a101", idea: top[1], what: "Do the other", who: [run.id("quinn"), run.id("sid")], when: Day(Fixtures.start).adding(days: 90), how: "Somehow")))
        try run.next() // close
        return run
    }

    func testTheSameSeedAndEventsGiveTheSameRepliesAndSessionByteForByte() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let first = try scriptedRun(seed: 2026)
        let second = try scriptedRun(seed: 2026)
        XCTAssertEqual(try encoder.encode(first.replies), try encoder.encode(second.replies))
        XCTAssertEqual(try encoder.encode(first.session), try encoder.encode(second.session))
        XCTAssertEqual(try encoder.encode(first.simulator.log), try encoder.encode(second.simulator.log))
        XCTAssertEqual(first.session.step, FlowStep(.close))

        let other = try scriptedRun(seed: 2027)
        XCTAssertNotEqual(try encoder.encode(first.replies), try encoder.encode(other.replies), "another seed should vary at least the timings")
    }

    func testSplitMix64MatchesTheReferenceSequence() {
        // First outputs for seed 0, from the reference implementation.
        var random = SplitMix64(seed: 0)
        XCTAssertEqual(random.next(), 0xE220_A839_7B1D_CDAF)
        XCTAssertEqual(random.next(), 0x6E78_9E6A_A1B9_65F4)
    }

    // MARK: The quiet persona

    func testTheQuietPersonaPassesUntilInvitedByName() throws {
        var run = try roundRun()
        let quinn = run.id("quinn")
        let uninvited = try run.trainee(.giveStick(to: quinn, invited: false))
        XCTAssertFalse(tellers(uninvited).contains(quinn))
        XCTAssertTrue(uninvited.plainEvents.contains(.pass))
        XCTAssertEqual(run.session.record.round.turns.first { $0.participant == quinn }?.passed, true)
        XCTAssertTrue(run.session.record.stories.allSatisfy { $0.teller != quinn })

        let invited = try run.trainee(.giveStick(to: quinn, invited: true))
        XCTAssertEqual(tellers(invited).first, quinn)
        XCTAssertEqual(run.session.record.stories.first { $0.teller == quinn }?.title, "Quinn's story")
    }

    func testTheQuietPersonaSuggestsAGoalOnlyWhenInvited() throws {
        var run = try roundRun()
        for persona in ["dom", "quinn", "jo", "sid"] { try run.trainee(.giveStick(to: run.id(persona), invited: true)) }
        try run.next() // goal
        let proposers = Set(run.session.record.goalDrafts.compactMap(\.proposedBy))
        XCTAssertFalse(proposers.contains(run.id("quinn")))
        XCTAssertEqual(run.session.record.goalDrafts.filter { $0.proposedBy == run.id("dom") }.count, 2, "the talker offers every wording")
        try run.invite("quinn")
        XCTAssertEqual(run.session.record.goalDrafts.last?.proposedBy, run.id("quinn"))
        XCTAssertEqual(run.session.record.goalDrafts.last?.text, "Quinn's goal: a lunch we choose together")
    }

    // MARK: The dominant persona

    func testTheDominantPersonaTakesExtraTurnsWhenTheRoundIsNotManaged() throws {
        var run = try roundRun()
        let dom = run.id("dom")
        let first = try run.trainee(.giveStick(to: run.id("jo"), invited: false))
        XCTAssertEqual(tellers(first), [run.id("jo"), dom], "Dom cuts in after Jo")
        XCTAssertTrue(first.plainEvents.contains(.giveStick(to: dom, invited: false)))
        XCTAssertEqual(first.remarks.filter { $0.kind == .interrupts }.map(\.participant), [dom])

        let second = try run.trainee(.giveStick(to: run.id("sid"), invited: false))
        XCTAssertTrue(second.plainEvents.contains(.giveStick(to: dom, invited: false)), "and again after Sid")
        XCTAssertEqual(run.simulator.log.interruptions.count, 2)
        XCTAssertEqual(run.session.record.round.turnCount(for: dom), 2)
    }

    func testTheDominantPersonaWaitsWhenTheRoundIsManaged() throws {
        var run = try roundRun()
        let dom = run.id("dom")
        // Inviting someone by name before Dom has spoken manages the round…
        let first = try run.trainee(.giveStick(to: run.id("jo"), invited: true))
        XCTAssertEqual(tellers(first), [run.id("jo")])
        // …and it stays managed until Dom next speaks.
        let second = try run.trainee(.giveStick(to: run.id("sid"), invited: false))
        XCTAssertFalse(second.plainEvents.contains(.giveStick(to: dom, invited: false)))
        // Dom is given a turn; after that, moving the stick on without naming anyone lets Dom back in.
        try run.trainee(.giveStick(to: dom, invited: false))
        let fourth = try run.trainee(.giveStick(to: run.id("quinn"), invited: true))
        XCTAssertFalse(fourth.plainEvents.contains(.giveStick(to: dom, invited: false)))
        XCTAssertEqual(run.simulator.log.interruptions.count, 0)
        XCTAssertEqual(run.session.record.round.turnCount(for: dom), 1)
    }

    func testRoundManagementDefinition() {
        let t = Fixtures.start
        func turn(_ who: ParticipantID, invited: Bool = false, passed: Bool = false) -> Turn { Turn(participant: who, startedAt: t, endedAt: t, passed: passed, invited: invited) }
        XCTAssertFalse(PracticeSimulator.isRoundManaged(against: "d", in: StoryRound(turns: [])))
        XCTAssertFalse(PracticeSimulator.isRoundManaged(against: "d", in: StoryRound(turns: [turn("a")])))
        XCTAssertTrue(PracticeSimulator.isRoundManaged(against: "d", in: StoryRound(turns: [turn("a", invited: true)])))
        XCTAssertFalse(PracticeSimulator.isRoundManaged(against: "d", in: StoryRound(turns: [turn("a", invited: true), turn("d"), turn("b")])))
        XCTAssertTrue(PracticeSimulator.isRoundManaged(against: "d", in: StoryRound(turns: [turn("d"), turn("b", invited: true), turn("c")])))
        XCTAssertFalse(PracticeSimulator.isRoundManaged(against: "d", in: StoryRound(turns: [turn("d", invited: true)])), "inviting the talker is not managing the others")
        XCTAssertTrue(PracticeSimulator.isRoundManaged(against: "d", in: StoryRound(turns: [turn("b", invited: true), turn("d", passed: true)])), "a pass is not speaking")
    }

    func testInterruptionsStopAtTheLimit() throws {
        var run = try roundRun()
        for _ in 0..<3 {
            for persona in ["quinn", "jo", "sid"] { try run.trainee(.giveStick(to: run.id(persona), invited: false)) }
        }
        XCTAssertEqual(run.simulator.log.interruptions.count, PracticeSimulator.interruptionLimit)
    }

    // MARK: Jargon

    func testJargonIsMissedUntilTheTraineeTranslatesIt() throws {
        var run = try roundRun()
        try run.trainee(.giveStick(to: run.id("jo"), invited: true))
        let story = try XCTUnwrap(run.session.record.stories.first { $0.teller == run.id("jo") })
        XCTAssertTrue(story.whatHappened.contains("service users"))
        var tally = run.simulator.log.jargon.tally(in: run.session.record, glossary: glossary)
        XCTAssertEqual(tally.missed.map(\.term), ["service users"])
        XCTAssertEqual(tally.caught, [])

        var plain = story
        plain.whatHappened = "We asked the people who come what they wanted."
        try run.trainee(.editStory(plain))
        tally = run.simulator.log.jargon.tally(in: run.session.record, glossary: glossary)
        XCTAssertEqual(tally.caught.map(\.term), ["service users"])
        XCTAssertEqual(tally.missed, [])
    }

    func testJargonInAGoalWordingIsCaughtWhenMergedIntoPlainWords() throws {
        var run = try roundRun()
        try run.next() // goal
        let jo = run.id("jo")
        let draft = try XCTUnwrap(run.session.record.goalDrafts.first { $0.proposedBy == jo })
        XCTAssertEqual(Set(glossary.matches(in: draft.text).map(\.entry.term)), ["co-production", "going forward"])
        let other = run.session.record.goalDrafts.first { $0.proposedBy != jo }!
        try run.trainee(.mergeGoals(ids: [draft.id, other.id], into: GoalDraft(id: "g500", text: "We plan the lunch menu together from now on")))
        let tally = run.simulator.log.jargon.tally(in: run.session.record, glossary: glossary)
        XCTAssertEqual(Set(tally.caught.map(\.term)), ["co-production", "going forward"])
        XCTAssertEqual(tally.missed, [])
    }

    // MARK: The goal

    func testTheScepticDisagreesWithAVagueWordingAndOthersFollowTheirRules() throws {
        var run = try roundRun()
        try run.next()
        let scenario = PracticeFixtures.scenario
        XCTAssertTrue(scenario.vagueness.isVague("Improve things"), "too few words")
        XCTAssertTrue(scenario.vagueness.isVague("We will improve how things go for everyone here"), "vague word, nothing concrete")
        XCTAssertFalse(scenario.vagueness.isVague("We will improve the lunch for everyone here"))

        let vague = GoalDraft(id: "x", text: "We will make things better for everyone here")
        let answers = run.simulator.responses(to: vague, in: run.session)
        XCTAssertEqual(answers[run.id("sid")], .disagree)
        XCTAssertEqual(answers[run.id("dom")], .canLiveWith)
        XCTAssertEqual(answers[run.id("jo")], .agree)

        let concrete = GoalDraft(id: "y", text: "We choose the lunch menu together every week")
        let concreteAnswers = run.simulator.responses(to: concrete, in: run.session)
        XCTAssertEqual(concreteAnswers[run.id("quinn")], .agree)
        XCTAssertEqual(concreteAnswers[run.id("sid")], .agree, "Sid follows Quinn's lead when the wording is concrete")

        try run.trainee(.proposeGoal(GoalDraft(id: "g600", text: vague.text)))
        let check = try run.consensusCheck("g600")
        XCTAssertEqual(check.plainEvents.count, 4)
        XCTAssertEqual(run.session.record.draft("g600")?.responses[run.id("sid")], .disagree)
        XCTAssertEqual(check.remarks.map(\.kind), [.disagrees])
        XCTAssertThrowsError(try run.trainee(.agreeGoal(draft: "g600", overrideReason: nil)))
    }

    // MARK: Principles, ideas, dots, actions

    func testScoresDivergeAsTheScenarioSays() throws {
        var run = try roundRun()
        try run.next() // goal
        try run.next() // assets explain
        try run.next() // assets score
        XCTAssertEqual(run.session.step, FlowStep(principle: .assets, phase: .score))
        let scores = run.session.record.score(for: .assets).scores
        XCTAssertEqual(scores, [run.id("dom"): 3, run.id("quinn"): 1, run.id("jo"): 3, run.id("sid"): 1])
        let evidence = try run.next() // agree: evidence from all but the quiet one
        XCTAssertEqual(evidence.remarks.filter { $0.kind == .evidence }.map(\.participant), [run.id("dom"), run.id("jo"), run.id("sid")])
        let quiet = try run.invite("quinn")
        XCTAssertEqual(quiet.remarks.map(\.text), ["Quinn (stage 1): Seen it at assets."])
    }

    func testIdeasDotsAndActionsFollowTheScenario() throws {
        var run = try roundRun()
        while run.session.step.stage != .ideas { try run.next() }
        XCTAssertEqual(run.session.record.ideas.map(\.text), ["Dom's idea", "Jo's idea", "Sid's idea", "Dom's other idea"])
        try run.invite("quinn")
        XCTAssertEqual(run.session.record.ideas.last?.text, "Quinn's idea")
        try run.next() // choose
        for person in run.session.record.participants {
            XCTAssertEqual(run.session.record.dotsUsed(by: person.id), template.dotsPerPerson, person.name)
        }
        let domsIdea = run.session.record.ideas.first { $0.text == "Dom's idea" }!
        XCTAssertGreaterThanOrEqual(domsIdea.votes[run.id("dom")] ?? 0, 2, "Dom puts two dots on his own idea")
        try run.trainee(.choose(idea: domsIdea.id))
        let toActions = try run.next()
        XCTAssertEqual(toActions.remarks.map(\.kind), [.offers], "the over-promiser offers to do everything")

        let quinn = run.id("quinn"), sid = run.id("sid")
        let soon = Day(Fixtures.start).adding(days: 7)
        try run.trainee(.addAction(Action(id: "a700", idea: domsIdea.id, what: "One", who: [quinn], when: soon, how: "x")))
        let declined = try run.trainee(.addAction(Action(id: "a701", idea: domsIdea.id, what: "Two", who: [quinn, sid], when: soon, how: "y")))
        XCTAssertEqual(declined.remarks.map(\.kind), [.declines])
        XCTAssertEqual(run.session.record.action("a701")?.who, [sid], "Quinn takes herself off a second action")
        try run.trainee(.addAction(Action(id: "a702", idea: domsIdea.id, what: "Three", who: [sid], when: soon, how: "z")))
        XCTAssertEqual(run.session.record.action("a702")?.who, [sid], "the over-promiser never says no")
        XCTAssertEqual(run.simulator.log.declinedActions, 1)
        let offers = run.simulator.offers(in: run.session, today: Day(Fixtures.start))
        XCTAssertEqual(offers.first { $0.participant == sid }?.willing, true)
        XCTAssertEqual(offers.first { $0.participant == sid }?.when, Day(Fixtures.start).adding(days: 90))
        XCTAssertEqual(offers.first { $0.participant == quinn }?.willing, false)

        // Alone on one action too many: she says no, but stays on it (an action needs someone) …
        let alone = try run.trainee(.addAction(Action(id: "a703", idea: domsIdea.id, what: "Four", who: [quinn], when: soon, how: "w")))
        XCTAssertEqual(alone.remarks.map(\.kind), [.declines])
        XCTAssertEqual(alone.events, [])
        // … and is not asked again when the action is edited.
        var edited = run.session.record.action("a703")!
        edited.how = "On Monday"
        XCTAssertTrue(try run.trainee(.editAction(edited)).isEmpty)
        XCTAssertEqual(run.simulator.log.declinedActions, 2)
    }

    // MARK: Whole runs of the built-in scenarios

    func testAWholeRunOfEveryBuiltInScenarioReachesTheCloseAndADebrief() throws {
        for name in ScenarioLibrary.builtInNames {
            let scenario = try PracticeFixtures.builtIn(name)
            let template = try ContentLibrary.load().template(named: scenario.template)
            var run = try PracticeRun(scenario: scenario, seed: 11, template: template, glossary: glossary)
            try run.next()
            // A careful trainee: everyone invited by name.
            for persona in scenario.personas { try run.trainee(.giveStick(to: run.id(persona.id), invited: true)) }
            try run.next() // goal
            for persona in scenario.personas where persona.has(.quietUnlessInvited) { try run.invite(persona.id) }
            var agreed = false
            for draft in run.session.record.openDrafts {
                try run.consensusCheck(draft.id)
                if run.session.record.draft(draft.id)!.count(of: .disagree) == 0 {
                    try run.trainee(.agreeGoal(draft: draft.id, overrideReason: nil))
                    agreed = true
                    break
                }
            }
            if !agreed { try run.trainee(.agreeGoal(draft: run.session.record.openDrafts[0].id, overrideReason: "practice")) }
            while run.session.step.stage != .ideas {
                try run.next()
                if let principle = run.session.step.principle, run.session.step.phase == .agree {
                    try run.trainee(.agreePrinciple(principle: principle, stage: 2, rag: .amber, evidence: "What people said."))
                }
            }
            for persona in scenario.personas where persona.has(.quietUnlessInvited) { try run.invite(persona.id) }
            try run.next() // choose
            let top = run.session.record.ideasByVotes.prefix(2).map(\.id)
            for idea in top { try run.trainee(.choose(idea: idea)) }
            try run.next() // actions
            let owners = scenario.personas.filter { !$0.has(.overPromises) }.map { run.id($0.id) }
            for (index, idea) in top.enumerated() {
                try run.trainee(.addAction(Action(id: "a\(900 + index)", idea: idea, what: "First small step", who: [owners[index]], when: Day(Fixtures.start).adding(days: 10), how: "At the next meeting")))
            }
            try run.next() // close
            XCTAssertEqual(run.session.step, FlowStep(.close), name)
            XCTAssertEqual(run.session.record.stories.count, scenario.personas.count, "\(name): one story each")

            let debrief = FacilitationIndicators.measure(run.session, scenario: scenario, log: run.simulator.log, glossary: glossary, now: run.now)
            XCTAssertEqual(debrief.indicator(.quietVoicesInvited)?.value, 1, name)
            XCTAssertEqual(debrief.indicator(.interruptions)?.value, 0, name)
            XCTAssertEqual(debrief.indicator(.principlesWithEvidence)?.value, 1, name)
            XCTAssertEqual(debrief.indicator(.actionsComplete)?.value, 1, name)
            XCTAssertEqual(debrief.indicator(.jargon)?.meetsIdeal, false, "\(name): nobody translated the jargon")
            XCTAssertTrue(debrief.text.contains("Three things to do differently next time"), name)
            XCTAssertLessThanOrEqual(debrief.nextTime.count, 3)
        }
    }
}

final class PracticeStateTests: XCTestCase {
    func testASavedStateCarriesOnExactlyAsTheOriginalWould() throws {
        let glossary = PracticeFixtures.glossary
        var run = try PracticeRun(scenario: PracticeFixtures.scenario, seed: 99, template: PracticeFixtures.template, glossary: glossary)
        try run.next()
        try run.trainee(.giveStick(to: run.id("jo"), invited: false))
        let saved = try JSONEncoder().encode(run.simulator.state)
        var resumed = PracticeSimulator(scenario: PracticeFixtures.scenario, glossary: glossary, state: try JSONDecoder().decode(PracticeState.self, from: saved))
        XCTAssertEqual(resumed.state, run.simulator.state)

        let event = SessionEvent.giveStick(to: run.id("sid"), invited: false)
        var session = run.session
        let moment = run.now.addingTimeInterval(10)
        try SessionReducer.apply(event, at: moment, to: &session)
        var original = run.simulator
        XCTAssertEqual(resumed.react(to: event, in: session, at: moment), original.react(to: event, in: session, at: moment))
        XCTAssertEqual(resumed.state, original.state)
    }
}
