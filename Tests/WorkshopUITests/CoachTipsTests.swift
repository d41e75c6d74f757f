import Foundation
import XCTest
@testable import Workshop
@testable import WorkshopUI

/// The coach's tips on hand-built sessions, one situation at a time.
final class CoachTipsTests: XCTestCase {
    let start = ScreenFixtures.start

    /// A session of Ann, Bo and Cy, with `events` applied a minute apart after the people are added.
    func session(_ events: [SessionEvent], minutes: [Double] = []) throws -> (Session, Date) {
        var session = Session(id: "20261117-0930-c0ac", title: "Coach", createdAt: start, isPractice: true, template: ScreenFixtures.standard)
        var at = start
        for (index, name) in ["Ann", "Bo", "Cy"].enumerated() {
            try SessionReducer.apply(.addParticipant(Participant(id: "p\(index + 1)", name: name)), at: at, to: &session)
        }
        for (index, event) in events.enumerated() {
            at = at.addingTimeInterval(60 * (index < minutes.count ? minutes[index] : 1))
            try SessionReducer.apply(event, at: at, to: &session)
        }
        return (session, at)
    }

    func move(_ step: FlowStep) -> SessionEvent { .moveTo(step: step, overriddenGuards: [], overrideReason: nil) }

    func kinds(_ tips: [CoachTip]) -> [CoachTip.Kind] { tips.map(\.kind) }

    func testNothingToSayOnAQuietWelcome() throws {
        let (session, now) = try session([])
        XCTAssertEqual(CoachTips.tips(for: session, now: now), [])
    }

    func testSomeoneNotYetHeardAndAQuietPersonToInviteByName() throws {
        let (session, now) = try session([move(FlowStep(.storytelling)), .giveStick(to: "p1", invited: false), .endTurn])
        let tips = CoachTips.tips(for: session, now: now, quiet: ["p3"])
        XCTAssertEqual(tips, [
            CoachTip(.notYetHeard, "Ask Cy by name (i): they speak only when invited."),
            CoachTip(.notYetHeard, "Not heard yet: Bo. Offer them the stick."),
        ])
        // Once Cy is invited by name the quiet tip goes.
        let (after, later) = try self.session([move(FlowStep(.storytelling)), .giveStick(to: "p1", invited: false), .endTurn, .giveStick(to: "p3", invited: true), .endTurn])
        XCTAssertEqual(CoachTips.tips(for: after, now: later, quiet: ["p3"]).map(\.text), ["Not heard yet: Bo. Offer them the stick."])
    }

    func testADominantVoiceWithTheirShare() throws {
        // Ann speaks for three minutes, Bo for one.
        let (session, now) = try session([move(FlowStep(.storytelling)), .giveStick(to: "p1", invited: false), .endTurn, .giveStick(to: "p2", invited: true), .endTurn],
                                         minutes: [1, 1, 3, 1, 1])
        let tips = CoachTips.tips(for: session, now: now)
        XCTAssertTrue(tips.contains(CoachTip(.dominantVoice, "Ann has 75% of the talking. Name who speaks next (i) so nobody cuts in.")), "\(tips)")
        let balanced = try self.session([move(FlowStep(.storytelling)), .giveStick(to: "p1", invited: false), .endTurn, .giveStick(to: "p2", invited: false), .endTurn,
                                         .giveStick(to: "p3", invited: false), .endTurn])
        XCTAssertFalse(kinds(CoachTips.tips(for: balanced.0, now: balanced.1)).contains(.dominantVoice))
    }

    func testJargonOnScreen() throws {
        let (session, now) = try session([move(FlowStep(.goal))])
        let entries = ScreenFixtures.content.glossary.matches(in: "Co-production of the timetable with service users going forward").map(\.entry)
        let tips = CoachTips.tips(for: session, now: now, jargon: entries)
        XCTAssertEqual(kinds(tips), [.jargon])
        XCTAssertTrue(tips[0].text.hasPrefix("Jargon on screen: “co-production”"), tips[0].text)
    }

    func testAGoalWordingWithDisagreement() throws {
        let (session, now) = try session([move(FlowStep(.goal)), .proposeGoal(GoalDraft(id: "g9", text: "Make things better")),
                                          .respond(draft: "g9", participant: "p2", response: .disagree), .respond(draft: "g9", participant: "p1", response: .agree)])
        XCTAssertEqual(CoachTips.tips(for: session, now: now),
                       [CoachTip(.goalDisagreement, "Bo disagrees with “Make things better”. Ask what would make it work, then reword it (Enter) and ask again (c).")])
    }

    func testQuietPeopleAskedForAWordingAndAnIdea() throws {
        let (goal, now) = try session([move(FlowStep(.goal)), .proposeGoal(GoalDraft(id: "g9", text: "Members choose the Friday trip each month", proposedBy: "p1"))])
        XCTAssertEqual(CoachTips.tips(for: goal, now: now, quiet: ["p2", "p1"]), [CoachTip(.notYetHeard, "Bo has not put a wording forward. Ask by name (i).")])
        let (ideas, later) = try session([move(FlowStep(.ideas))])
        XCTAssertEqual(CoachTips.tips(for: ideas, now: later, quiet: ["p2", "p3"]), [CoachTip(.notYetHeard, "Bo and Cy have not offered an idea. Ask by name (i).")])
    }

    func testAPrincipleScoredWithoutEvidence() throws {
        let step = FlowStep(principle: .work, phase: .agree)
        let (session, now) = try session([move(step), .agreePrinciple(principle: .work, stage: 2, rag: .amber, evidence: "")])
        XCTAssertEqual(CoachTips.tips(for: session, now: now).map(\.kind), [.noEvidence])
        let (withEvidence, later) = try self.session([move(step), .agreePrinciple(principle: .work, stage: 2, rag: .amber, evidence: "Volunteers are thanked")])
        XCTAssertEqual(CoachTips.tips(for: withEvidence, now: later), [])
    }

    func testAnActionWithNobodyOrFarOff() throws {
        let today = Day(start)
        let (session, now) = try session([move(FlowStep(.actions)),
                                          .addAction(Action(id: "a1", what: "Paint the hall", who: ["p1"], when: today.adding(days: 90))),
                                          .addAction(Action(id: "a2", what: "Ask the landlord", who: ["p2"], when: today.adding(days: 7)))])
        XCTAssertEqual(CoachTips.tips(for: session, now: now),
                       [CoachTip(.actionFarOff, "“Paint the hall” is due \(today.adding(days: 90)), more than 28 days away. What small first step could happen sooner?")])
    }

    func testATimeBoxOverrun() throws {
        let (session, entered) = try session([move(FlowStep(.goal))])
        let box = try XCTUnwrap(session.timeBoxSeconds)
        XCTAssertEqual(CoachTips.tips(for: session, now: entered.addingTimeInterval(box - 1)), [])
        XCTAssertEqual(CoachTips.tips(for: session, now: entered.addingTimeInterval(box + 200)),
                       [CoachTip(.overrun, "Over time by 3 min 20 s: sum up and move on (]), or agree more time with the group.")])
    }
}
