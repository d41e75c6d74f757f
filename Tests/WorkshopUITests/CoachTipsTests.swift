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

/// The coach sees what the trainee wrote: the jargon in their own words leads, every term listed.
final class CoachOwnWordsTests: XCTestCase {
    func testJargonInTheTraineesAgreedGoalLeadsWithEveryTermReachable() throws {
        let (app, _, practice, _) = PracticeScreenFixtures.app()
        PracticeConsoleTests.press(app, ["]", "]", "text:practice run", "Enter"]) // the goal, moved to with a reason: the group's wordings are up
        XCTAssertEqual(app.session.step.stage, .goal)
        XCTAssertFalse(app.session.record.openDrafts.isEmpty)
        let goal = "Improve our KPIs and the outcomes framework for service users going forward"
        XCTAssertTrue(app.record(.proposeGoal(GoalDraft(id: "g900", text: goal, proposedBy: nil))))
        XCTAssertTrue(app.record(.agreeGoal(draft: "g900", overrideReason: "practice")))
        let own = practice.ownJargon(in: app.session)
        XCTAssertEqual(own.map(\.entry.term), ["kpis", "outcomes", "framework", "service users", "going forward"])
        XCTAssertTrue(own.allSatisfy { $0.place == "the agreed goal" })
        let tips = CoachTips.tips(for: app.session, now: app.now, jargon: app.jargonOnScreen, ownJargon: own)
        let first = try XCTUnwrap(tips.first { $0.kind == .jargon })
        XCTAssertTrue(first.text.hasPrefix("Your own words have jargon (the agreed goal): “kpis” → “measures”, “outcomes”"), first.text)
        for term in ["kpis", "outcomes", "framework", "service users", "going forward"] { XCTAssertTrue(first.text.contains("“\(term)”"), term) }
        // The group's own jargon on screen is a second tip, with every term, none dropped.
        let onScreen = app.jargonOnScreen.filter { entry in !own.contains { $0.entry.term == entry.term } }
        if !onScreen.isEmpty {
            let second = try XCTUnwrap(tips.last { $0.kind == .jargon && $0 != first })
            for entry in onScreen { XCTAssertTrue(second.text.contains("“\(entry.term)”"), entry.term) }
        }
        // On the screen at 80x24 the own-words tip is drawn whole in the coach panel.
        let screen = ConsoleScreen.render(app, width: 160, height: 48).quotedRows()
        XCTAssertTrue(screen.contains("Your own words have jargon"), screen)
        XCTAssertTrue(screen.contains("going forward"), screen)
    }

    func testEvidenceAndActionsAreTheTraineesWordsButTheGroupsWordingsAreNot() throws {
        let (app, _, practice, _) = PracticeScreenFixtures.app()
        PracticeConsoleTests.press(app, ["]", "]", "text:practice run", "Enter"])
        XCTAssertEqual(app.session.step.stage, .goal)
        XCTAssertTrue(practice.ownJargon(in: app.session).isEmpty, "the group's own wordings are not the trainee's words: \(practice.ownJargon(in: app.session).map(\.entry.term))")
        XCTAssertTrue(app.record(.agreePrinciple(principle: .work, stage: 3, rag: .amber, evidence: "Our KPIs show it")))
        XCTAssertEqual(practice.ownJargon(in: app.session).map(\.place), ["the evidence for Valuing work differently"])
    }

    func testATellerNotAskedAboutTheirStoryIsACoachTipAndCAsksThem() throws {
        let (app, _, practice, _) = PracticeScreenFixtures.app()
        PracticeConsoleTests.press(app, ["]", "i", "Enter"]) // Marcus, first in the list of names i opens
        let story = try XCTUnwrap(app.session.record.stories.last)
        XCTAssertEqual(story.consent, .roomOnly)
        let tips = CoachTips.tips(for: app.session, now: app.now, unasked: practice.unaskedStories(in: app.session))
        XCTAssertTrue(tips.contains(CoachTip(.consent, "Ask Marcus whether “\(story.title)” may be shared, kept in the group's notes, or stays in the room (c).")), "\(tips)")
        PracticeConsoleTests.press(app, ["c"])
        XCTAssertNotEqual(app.session.record.stories.last?.consent, .roomOnly, "Marcus answered; his first story may be shared")
        XCTAssertTrue(practice.unaskedStories(in: app.session).isEmpty)
        XCTAssertTrue(app.state.message?.text.hasPrefix("Marcus: ") == true, app.state.message?.text ?? "")
    }

    func testANoToAnActionReachesTheStatusLineAt80x24() throws {
        let (app, _, practice, _) = PracticeScreenFixtures.app()
        let kofi = try XCTUnwrap(practice.simulator.participant(for: "kofi"))
        let today = Day(app.now)
        XCTAssertTrue(app.record(.addAction(Action(id: "a900", what: "Ask about the bus", who: [kofi], when: today.adding(days: 7), how: "Phone"))))
        XCTAssertTrue(app.record(.addAction(Action(id: "a901", what: "Book the room", who: [kofi], when: today.adding(days: 7), how: "Email"))))
        // Something said in passing after the no does not push it off the status line.
        let screen = ConsoleScreen.render(app, width: 80, height: 24).quotedRows()
        XCTAssertTrue(screen.contains("Kofi: I've already got one thing to do. I can't take this on as well."), screen)
        XCTAssertEqual(PracticeConsole.headline(of: [
            PersonaRemark(participant: kofi, kind: .declines, text: "Kofi: no", at: app.now),
            PersonaRemark(participant: kofi, kind: .says, text: "Kofi: anyway", at: app.now),
        ])?.text, "Kofi: no")
    }

    func testAnOfferToDoEverythingStaysOnTheStatusLineAfterMovingOn() throws {
        let (app, _, _, _) = PracticeScreenFixtures.app()
        let keys = PracticeScreenFixtures.carelessKeys
        let choose = try XCTUnwrap(keys.firstIndex(of: "Space"))
        PracticeConsoleTests.press(app, Array(keys[...(choose + 3)])) // up to "]" onto the action plan
        XCTAssertEqual(app.session.step.stage, .actions)
        let screen = ConsoleScreen.render(app, width: 80, height: 24).quotedRows()
        XCTAssertTrue(screen.contains("June: Put me down for every one."), screen)
    }
}

/// Issue 18, item 5: at 80x24 (no side panel on some steps) whatever the simulated group says that
/// the trainee must react to reaches the status line: a disagreement, an offer to do everything,
/// and a no, each on the seeded run the careless keys make.
final class ImportantRemarksAt80x24Tests: XCTestCase {
    private func statusRows(_ app: ConsoleApp) -> String {
        let rows = ConsoleScreen.render(app, width: 80, height: 24).quotedRows().split(separator: "\n")
        // The rows above the hint bar that the status line can take (it grows to three).
        return rows.suffix(4).dropLast().joined(separator: "\n")
    }

    func testADisagreementOnTheGoalReachesTheStatusLine() throws {
        let (app, _, _, _) = PracticeScreenFixtures.app()
        let keys = PracticeScreenFixtures.carelessKeys
        let check = try XCTUnwrap(keys.firstIndex(of: "c"))
        PracticeConsoleTests.press(app, Array(keys[...check]))
        XCTAssertEqual(app.session.step.stage, .goal)
        XCTAssertTrue(statusRows(app).contains("Tomasz: That could mean anything"), ConsoleScreen.render(app, width: 80, height: 24).quotedRows())
        // Still there once the answers box is closed.
        PracticeConsoleTests.press(app, ["Escape"])
        XCTAssertTrue(statusRows(app).contains("Tomasz: That could mean anything"), ConsoleScreen.render(app, width: 80, height: 24).quotedRows())
    }

    func testAnOfferToDoEverythingReachesTheStatusLineWithoutTheSidePanel() throws {
        let (app, _, _, _) = PracticeScreenFixtures.app()
        let keys = PracticeScreenFixtures.carelessKeys
        let choose = try XCTUnwrap(keys.firstIndex(of: "Space"))
        PracticeConsoleTests.press(app, Array(keys[...(choose + 3)]))
        XCTAssertEqual(app.session.step.stage, .actions)
        let screen = ConsoleScreen.render(app, width: 80, height: 24).quotedRows()
        XCTAssertFalse(screen.contains("In the room"), "no side panel on the action plan at 80 columns:\n\(screen)")
        XCTAssertTrue(statusRows(app).contains("June: Put me down for every one."), screen)
    }

    func testANoToASecondActionReachesTheStatusLineByKeys() throws {
        let (app, _, _, _) = PracticeScreenFixtures.app()
        let keys = PracticeScreenFixtures.carelessKeys
        let choose = try XCTUnwrap(keys.firstIndex(of: "Space"))
        PracticeConsoleTests.press(app, Array(keys[...(choose + 3)])) // up to "]" onto the action plan
        XCTAssertEqual(app.session.step.stage, .actions)
        // Both actions to Kofi, by his number in the who list, soon: he says no to the second.
        let number = try XCTUnwrap(app.session.record.present.firstIndex { $0.name == "Kofi" }) + 1
        for what in ["Ask about the bus", "Book the room"] {
            PracticeConsoleTests.press(app, ["a", "Enter", "text:\(what)", "Enter", "\(number)", "Enter", "text:+7", "Enter", "text:Phone", "Enter"])
        }
        XCTAssertEqual(app.session.record.actions.count, 2, app.session.record.actions.map(\.what).joined(separator: ", "))
        let remark = try XCTUnwrap(app.practice?.remarks.last { $0.kind == .declines }, "\(app.practice?.remarks.map(\.text) ?? [])")
        XCTAssertTrue(remark.text.hasPrefix("Kofi: "), remark.text)
        XCTAssertTrue(statusRows(app).contains(String(remark.text.prefix(60))), ConsoleScreen.render(app, width: 80, height: 24).quotedRows())
    }

    /// Found by the 80x24 end-to-end run: moving on past a step with a reason, onto a step where
    /// the group says something that needs a reaction, left the reason box open over the new step
    /// (its warning was taken for a refused move), so a second Enter moved on again.
    func testMovingOnWithAReasonClosesTheBoxWhenTheGroupSpeaksOnArrival() throws {
        let (app, _, _, _) = PracticeScreenFixtures.app()
        let keys = PracticeScreenFixtures.carelessKeys
        let choose = try XCTUnwrap(keys.firstIndex(of: "Space"))
        PracticeConsoleTests.press(app, Array(keys[..<choose])) // on Choose, nothing chosen
        XCTAssertEqual(app.session.step.stage, .choose)
        PracticeConsoleTests.press(app, ["]"])
        XCTAssertEqual(app.state.form?.title, "Not quite ready")
        PracticeConsoleTests.press(app, ["text:practice run", "Enter"])
        XCTAssertEqual(app.session.step.stage, .actions)
        XCTAssertNil(app.state.form, "the reason box closes once the move is made")
        XCTAssertTrue(statusRows(app).contains("June: Put me down for every one."), ConsoleScreen.render(app, width: 80, height: 24).quotedRows())
    }
}
