import Foundation
import XCTest
@testable import Workshop

/// Every indicator on hand-built sessions whose answers are worked out by hand.
final class PracticeIndicatorTests: XCTestCase {
    let glossary = PracticeFixtures.glossary

    /// Ann (lived), Bo (frontline), Cy (carer), all stages 10 minutes, window 28 days.
    ///
    /// Timeline (seconds): welcome 0–300 (kept); stories 300–1500 (20 min: over); goal 1500–1800 (kept);
    /// assets 1800–2500 (11 min 40 s: over); work 2500–now 2600 (kept). 3 of 5 kept.
    /// Round: Ann 300–360 invited (60 s); Bo 360–540 (180 s); Cy passes 540–545; Bo 545–605 (60 s).
    private func handBuilt() throws -> (Session, [SessionEvent]) {
        var editor = SessionEditor(session: Fixtures.session())
        var events: [SessionEvent] = []
        func at(_ seconds: TimeInterval, _ event: SessionEvent) throws {
            try editor.apply(event, at: Fixtures.at(seconds))
            events.append(event)
        }
        func move(_ seconds: TimeInterval, _ step: FlowStep) throws { try at(seconds, .moveTo(step: step, overriddenGuards: [], overrideReason: nil)) }
        try at(0, .addParticipant(Participant(id: "p1", name: "Ann", perspective: .lived)))
        try at(0, .addParticipant(Participant(id: "p2", name: "Bo", perspective: .frontline)))
        try at(0, .addParticipant(Participant(id: "p3", name: "Cy", perspective: .carer)))
        try move(300, FlowStep(.storytelling))
        try at(300, .giveStick(to: "p1", invited: true))
        try at(330, .addStory(Story(id: "s10", teller: "p1", title: "My care package", whatHappened: "Service users were asked.", smallThing: "Tea.", consent: .keep)))
        try at(360, .giveStick(to: "p2", invited: false))
        try at(540, .giveStick(to: "p3", invited: false))
        try at(545, .pass)
        try at(545, .giveStick(to: "p2", invited: false))
        try at(605, .endTurn)
        // Translate one of the two terms.
        try at(700, .editStory(Story(id: "s10", teller: "p1", title: "My support", whatHappened: "Service users were asked.", smallThing: "Tea.", consent: .keep)))
        try move(1500, FlowStep(.goal))
        try at(1510, .proposeGoal(GoalDraft(id: "g20", text: "We plan lunch together", proposedBy: "p1")))
        try at(1520, .respond(draft: "g20", participant: "p1", response: .agree))
        try at(1520, .respond(draft: "g20", participant: "p2", response: .disagree))
        try at(1530, .agreeGoal(draft: "g20", overrideReason: "Out of time"))
        try move(1800, FlowStep(principle: .assets, phase: .explain))
        try move(1900, FlowStep(principle: .assets, phase: .score))
        try move(2000, FlowStep(principle: .assets, phase: .agree))
        try at(2010, .agreePrinciple(principle: .assets, stage: 2, rag: .amber, evidence: "Ann runs the garden."))
        try at(2020, .agreePrinciple(principle: .work, stage: 1, rag: .red, evidence: "Volunteers are never thanked."))
        try at(2030, .agreePrinciple(principle: .reciprocity, stage: 2, rag: .amber, evidence: ""))
        try move(2500, FlowStep(principle: .work, phase: .explain))
        let today = Day(Fixtures.start)
        try at(2510, .addIdea(Idea(id: "i30", text: "A garden club")))
        try at(2520, .addAction(Action(id: "a40", what: "Ask the allotment society", who: ["p1"], when: today.adding(days: 7), how: "Phone")))
        try at(2520, .addAction(Action(id: "a41", what: "Find seeds", who: ["p1"], when: today.adding(days: 14), how: "")))
        try at(2520, .addAction(Action(id: "a42", what: "Build beds", who: ["p1", "p2"], when: today.adding(days: 60), how: "With wood")))
        try at(2520, .addAction(Action(id: "a43", what: "Tell families", who: ["p3"], when: today.adding(days: 28), how: "Letter")))
        return (editor.session, events)
    }

    private func measured() throws -> Debrief {
        let (session, events) = try handBuilt()
        return FacilitationIndicators.measure(session, log: PracticeLog(jargon: JargonTrail(replaying: events, glossary: glossary)), glossary: glossary, now: Fixtures.at(2600))
    }

    func testStickOfferedByNameCountsOnlyInvitations() throws {
        let offered = try XCTUnwrap(measured().indicator(.stickOffered))
        XCTAssertEqual(offered.value ?? 0, 1.0 / 3, accuracy: 1e-9) // only Ann was given the stick by name
        XCTAssertEqual(offered.meetsIdeal, false)
        XCTAssertEqual(offered.figure, "1 of 3 people were offered the stick by name; not Bo and Cy.")
        XCTAssertEqual(offered.details, [
            "Ann: offered the stick by name",
            "Bo: had the stick but was never offered it by name",
            "Cy: had the stick but was never offered it by name",
        ])
    }

    func testVoicesByPerspectiveUseABandAgainstTheRoomsMakeUp() throws {
        let voices = try XCTUnwrap(measured().indicator(.voiceShare))
        // Ann and Cy (lived, carer) are 2 of 3 people: band at least 33%. They had 60 of 300 seconds.
        XCTAssertEqual(voices.value ?? 0, 0.2, accuracy: 1e-9)
        XCTAssertEqual(voices.meetsIdeal, false)
        XCTAssertEqual(voices.shortfall, (1.0 / 3 - 0.2) / (1.0 / 3), accuracy: 1e-9)
        XCTAssertEqual(voices.figure, "People who use services and carers had 20% of the talking, below the band for 2 of 3 people (at least 33%).")
        XCTAssertEqual(Array(voices.details.prefix(5)), [
            "people who use services and carers: 20% of the talking, 2 of 3 people (band: at least 33%)",
            "people who work in services: 80% of the talking, 1 of 3 people (band: at least 17%)",
            "Ann: 1 turn, 1 min (20% of the talking)",
            "Bo: 2 turns, 4 min (80% of the talking)",
            "Cy: 0 turns, passed 1, 0 s (0% of the talking)",
        ])
    }

    func testVoicesWithinTheBandPassWhateverTheLongestTurn() throws {
        // Two workers and two carers; one worker tells a long story (50% of the time), yet each part has
        // at least half its share (the carers 40% against a band of at least 25%).
        var editor = SessionEditor(session: Fixtures.session())
        try editor.apply(.addParticipant(Participant(id: "p1", name: "Ann", perspective: .carer)), at: Fixtures.at(0))
        try editor.apply(.addParticipant(Participant(id: "p2", name: "Bo", perspective: .frontline)), at: Fixtures.at(0))
        try editor.apply(.addParticipant(Participant(id: "p3", name: "Cy", perspective: .carer)), at: Fixtures.at(0))
        try editor.apply(.addParticipant(Participant(id: "p4", name: "Di", perspective: .manager)), at: Fixtures.at(0))
        try editor.apply(.moveTo(step: FlowStep(.storytelling), overriddenGuards: [], overrideReason: nil), at: Fixtures.at(0))
        for (id, start, end) in [("p2", 0.0, 500.0), ("p1", 500, 700), ("p3", 700, 900), ("p4", 900, 1000)] {
            try editor.apply(.giveStick(to: id, invited: true), at: Fixtures.at(start))
            try editor.apply(.endTurn, at: Fixtures.at(end))
        }
        let voices = FacilitationIndicators.voiceShare(editor.session, .standard, Fixtures.at(1000))
        XCTAssertEqual(voices.meetsIdeal, true)
        XCTAssertEqual(voices.value ?? 0, 0.4, accuracy: 1e-9)
        XCTAssertTrue(voices.details.contains { $0.hasPrefix("the longest talker, Bo, had 50%") }, voices.details.joined(separator: "\n"))
        XCTAssertEqual(FacilitationIndicators.stickOffered(editor.session).meetsIdeal, true)
    }

    func testQuietVoicesInARealSessionAreTheLivedAndCarerPerspectives() throws {
        let quiet = try XCTUnwrap(measured().indicator(.quietVoicesInvited))
        XCTAssertEqual(quiet.value, 0.5) // Ann invited, Cy not
        XCTAssertEqual(quiet.details, ["Ann: invited", "Cy: not invited"])
        XCTAssertEqual(quiet.meetsIdeal, false)
        XCTAssertTrue(quiet.advice.contains("Invite Cy by name"))
    }

    func testQuietVoicesInAPracticeRunAreTheQuietPersonas() throws {
        var run = try PracticeRun(scenario: PracticeFixtures.scenario, seed: 3, template: PracticeFixtures.template, glossary: glossary)
        try run.next()
        try run.trainee(.giveStick(to: run.id("quinn"), invited: false))
        var debrief = FacilitationIndicators.measure(run.session, scenario: PracticeFixtures.scenario, log: run.simulator.log, glossary: glossary, now: run.now)
        XCTAssertEqual(debrief.indicator(.quietVoicesInvited)?.value, 0)
        try run.trainee(.giveStick(to: run.id("quinn"), invited: true))
        debrief = FacilitationIndicators.measure(run.session, scenario: PracticeFixtures.scenario, log: run.simulator.log, glossary: glossary, now: run.now)
        XCTAssertEqual(debrief.indicator(.quietVoicesInvited)?.value, 1)
        XCTAssertEqual(debrief.indicator(.interruptions)?.value, 1, "Dom cut in after Quinn's pass")
    }

    func testJargonCaughtAndMissed() throws {
        let jargon = try XCTUnwrap(measured().indicator(.jargon))
        // "care package" was translated, "service users" was not.
        XCTAssertEqual(jargon.value, 0.5)
        XCTAssertEqual(jargon.figure, "1 of 2 jargon terms were translated (50%); 1 was missed.")
        XCTAssertEqual(jargon.details, ["missed: \"service users\" in story s10 (try \"people\")", "caught: \"care package\" in story s10"])
        XCTAssertEqual(jargon.meetsIdeal, false)
    }

    func testJargonWithoutHistoryOnlyCountsWhatIsLeft() throws {
        let (session, _) = try handBuilt()
        let jargon = try XCTUnwrap(FacilitationIndicators.measure(session, glossary: glossary, now: Fixtures.at(2600)).indicator(.jargon))
        XCTAssertNil(jargon.value)
        XCTAssertNil(jargon.meetsIdeal)
        XCTAssertEqual(jargon.details, ["still there: \"service users\""])
    }

    func testTimeBoxes() throws {
        let boxes = try XCTUnwrap(measured().indicator(.timeBoxes))
        XCTAssertEqual(boxes.value, 0.6)
        XCTAssertEqual(boxes.details, [
            "Welcome: 5 min of 10 min",
            "Stories: 20 min of 10 min (over by 10 min)",
            "Shared goal: 5 min of 10 min",
            "Recognising people as assets: 11 min 40 s of 10 min (over by 1 min 40 s)",
            "Valuing work differently: 1 min 40 s of 10 min",
        ])
        XCTAssertEqual(boxes.meetsIdeal, false)
    }

    func testConsensusWithOverride() throws {
        let consensus = try XCTUnwrap(measured().indicator(.consensus))
        XCTAssertEqual(consensus.value, 0.5)
        XCTAssertEqual(consensus.figure, "The goal was agreed although Bo disagreed (override: \"Out of time\").")
        XCTAssertEqual(consensus.meetsIdeal, false)
        XCTAssertEqual(consensus.shortfall, 0.5)
    }

    func testConsensusWithoutOverrideAndNotReached() throws {
        var session = Fixtures.session()
        XCTAssertEqual(FacilitationIndicators.consensus(session, .standard).value, 0)
        session.record.agreedGoal = AgreedGoal(draft: "g1", text: "x")
        XCTAssertEqual(FacilitationIndicators.consensus(session, .standard).value, 1)
        XCTAssertEqual(FacilitationIndicators.consensus(session, .standard).meetsIdeal, true)
    }

    func testPrinciplesScoredWithEvidence() throws {
        let principles = try XCTUnwrap(measured().indicator(.principlesWithEvidence))
        XCTAssertEqual(principles.value, 0.5) // assets and work; reciprocity has no evidence, networks nothing
        XCTAssertEqual(principles.details[2], "Promoting reciprocity: stage 2, AMBER, no evidence (0 scored)")
    }

    func testActionsCompleteInsideTheWindowAndSpread() throws {
        let debrief = try measured()
        let complete = try XCTUnwrap(debrief.indicator(.actionsComplete))
        XCTAssertEqual(complete.value, 0.75) // "Find seeds" has no how
        XCTAssertEqual(complete.details, ["\"Find seeds\" has no how"])
        let window = try XCTUnwrap(debrief.indicator(.actionsInsideWindow))
        XCTAssertEqual(window.value, 0.75) // 60 days is outside 28; exactly 28 is inside
        XCTAssertEqual(window.details, ["\"Build beds\": due \(Day(Fixtures.start).adding(days: 60)), 60 days away"])
        let spread = try XCTUnwrap(debrief.indicator(.ownerSpread))
        XCTAssertEqual(spread.value, 0.75) // Ann is on 3 of 4
        XCTAssertEqual(spread.figure, "3 of 3 people own an action; the busiest, Ann, is on 3 of 4 (75%).")
        XCTAssertEqual(spread.meetsIdeal, false)
    }

    func testThreeThingsComeFromTheIndicatorsFurthestFromTheIdeal() throws {
        let debrief = try measured()
        // Shortfalls: actions left to one person 0.75 (3 of 4), stick offered 0.667, then ties at 0.5
        // (quiet voices, consensus, principles, spread) keep the report's order; voices 0.4, jargon 0.375.
        XCTAssertEqual(debrief.nextTime.count, 3)
        XCTAssertEqual(debrief.nextTime[0], debrief.indicator(.sharedActions)!.advice)
        XCTAssertEqual(debrief.nextTime[1], debrief.indicator(.stickOffered)!.advice)
        XCTAssertEqual(debrief.nextTime[2], debrief.indicator(.quietVoicesInvited)!.advice)
        XCTAssertNil(debrief.indicator(.interruptions), "interruptions are known only in practice")
        XCTAssertNil(debrief.indicator(.consentAsked), "whether a teller was asked is known only in practice")
    }

    func testDebriefText() throws {
        let text = try measured().text
        XCTAssertTrue(text.hasPrefix("Campfire debrief\n================\n\nSession:  Day service (20261117-0900-test)\nMeasured: \(Debrief.stamp(Fixtures.at(2600))) local time (\(TimeZone.current.identifier))\n"))
        XCTAssertTrue(text.contains("12. Actions inside the small-movement window: short of the ideal\n   3 of 4 actions are due within 28 days (75%).\n   Ideal: at least 100% due within 28 days.\n   - \"Build beds\": due"))
        XCTAssertTrue(text.contains("1. Stick offered by name: short of the ideal\n   1 of 3 people were offered the stick by name; not Bo and Cy.\n   Ideal: everyone offered the stick by name.\n"))
        XCTAssertTrue(text.contains("Three things to do differently next time\n"))
        XCTAssertFalse(text.contains("Seed:"), "a real session has no seed")
        XCTAssertTrue(text.hasSuffix("\n"))
    }

    func testFiguresInWords() {
        XCTAssertEqual(FacilitationIndicators.duration(45), "45 s")
        XCTAssertEqual(FacilitationIndicators.duration(460), "7 min 40 s")
        XCTAssertEqual(FacilitationIndicators.duration(3900), "1 h 5 min")
        XCTAssertEqual(FacilitationIndicators.percent(1.0 / 3), "33%")
    }
}
