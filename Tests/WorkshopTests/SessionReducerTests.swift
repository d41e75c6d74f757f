import XCTest
@testable import Workshop

final class SessionReducerTests: XCTestCase {

    // MARK: People

    func testAddingPeopleGivesNewIdsAndKeepsOrder() throws {
        let editor = try Fixtures.threePeople()
        XCTAssertEqual(editor.session.record.participants.map(\.id), ["p1", "p2", "p3"])
        XCTAssertEqual(editor.session.record.participants.map(\.name), ["Ann", "Bo", "Cy"])
        XCTAssertEqual(editor.session.record.nextNumber, 4)
    }

    func testNamesAreTrimmedAndBlankOrDuplicateNamesRefused() throws {
        var editor = try Fixtures.threePeople()
        try editor.apply(.addParticipant(Participant(id: "p4", name: "  Dee  ")), at: Fixtures.start)
        XCTAssertEqual(editor.session.record.participant("p4")?.name, "Dee")
        XCTAssertThrowsError(try editor.apply(.addParticipant(Participant(id: "p5", name: "   ")), at: Fixtures.start)) { error in
            XCTAssertEqual((error as? ChangeRefusal)?.reason, "Please type a name.")
        }
        XCTAssertThrowsError(try editor.apply(.addParticipant(Participant(id: "p5", name: "ann")), at: Fixtures.start)) { error in
            XCTAssertEqual((error as? ChangeRefusal)?.reason, "ann is already in the list. Add something to tell them apart, like an initial.")
        }
        XCTAssertEqual(editor.session.record.participants.count, 4)
    }

    func testRemovingSomeoneWhoSpokeKeepsThemAsLeft() throws {
        var editor = try Fixtures.threePeople()
        try editor.apply(.giveStick(to: "p1", invited: false), at: Fixtures.at(0))
        try editor.apply(.removeParticipant(id: "p1"), at: Fixtures.at(30))
        try editor.apply(.removeParticipant(id: "p2"), at: Fixtures.at(31))
        let record = editor.session.record
        XCTAssertEqual(record.participants.map(\.id), ["p1", "p3"])
        XCTAssertEqual(record.participant("p1")?.hasLeft, true)
        XCTAssertEqual(record.present.map(\.name), ["Cy"])
        XCTAssertNil(record.round.currentTeller)
        XCTAssertEqual(record.round.turns, [Turn(participant: "p1", startedAt: Fixtures.at(0), endedAt: Fixtures.at(30))])
    }

    // MARK: The round

    func testTalkingStickCountsTurnsTimeAndPasses() throws {
        var editor = try Fixtures.threePeople()
        try editor.apply(.giveStick(to: "p1", invited: false), at: Fixtures.at(0))
        try editor.apply(.giveStick(to: "p2", invited: false), at: Fixtures.at(120))
        try editor.apply(.pass, at: Fixtures.at(125))
        try editor.apply(.giveStick(to: "p3", invited: true), at: Fixtures.at(130))
        let round = editor.session.record.round
        XCTAssertEqual(round.currentTeller, "p3")
        XCTAssertEqual(round.turnCount(for: "p1"), 1)
        XCTAssertEqual(round.turnCount(for: "p2"), 0)
        XCTAssertEqual(round.passCount(for: "p2"), 1)
        XCTAssertEqual(round.speakingSeconds(for: "p1", upTo: Fixtures.at(1000)), 120)
        XCTAssertEqual(round.speakingSeconds(for: "p2", upTo: Fixtures.at(1000)), 0)
        XCTAssertEqual(round.speakingSeconds(for: "p3", upTo: Fixtures.at(190)), 60)
        XCTAssertEqual(round.turns.last?.invited, true)
        XCTAssertEqual(editor.session.record.notYetHeard.map(\.name), [])
    }

    func testPassWithNobodyHoldingTheStickIsRefused() throws {
        var editor = try Fixtures.threePeople()
        XCTAssertThrowsError(try editor.apply(.pass, at: Fixtures.start)) { error in
            XCTAssertEqual((error as? ChangeRefusal)?.reason, "Nobody has the talking stick, so nobody can pass.")
        }
    }

    // MARK: Stories

    func testStoriesAddEditDelete() throws {
        var editor = try Fixtures.threePeople()
        let story = Story(id: editor.makeID("s"), teller: "p1", title: " The bus pass ", whatHappened: "Nobody explained it", smallThing: "A driver who waited", consent: .share)
        try editor.apply(.addStory(story), at: Fixtures.start)
        XCTAssertEqual(editor.session.record.stories, [Story(id: "s4", teller: "p1", title: "The bus pass", whatHappened: "Nobody explained it", smallThing: "A driver who waited", consent: .share)])
        var edited = editor.session.record.stories[0]
        edited.consent = .roomOnly
        try editor.apply(.editStory(edited), at: Fixtures.start)
        XCTAssertEqual(editor.session.record.stories[0].consent, .roomOnly)
        try editor.apply(.deleteStory(id: "s4"), at: Fixtures.start)
        XCTAssertEqual(editor.session.record.stories, [])
        XCTAssertThrowsError(try editor.apply(.addStory(Story(id: "s9", teller: "p1", title: " ")), at: Fixtures.start))
    }

    // MARK: Goal and consensus

    func testGoalNeedsNoDisagreementOrAReason() throws {
        var editor = try Fixtures.threePeople()
        try editor.apply(.proposeGoal(GoalDraft(id: "g4", text: "Everyone is asked what matters to them", proposedBy: "p2")), at: Fixtures.start)
        try editor.apply(.respond(draft: "g4", participant: "p1", response: .agree), at: Fixtures.start)
        try editor.apply(.respond(draft: "g4", participant: "p2", response: .canLiveWith), at: Fixtures.start)
        try editor.apply(.respond(draft: "g4", participant: "p3", response: .disagree), at: Fixtures.start)
        XCTAssertThrowsError(try editor.apply(.agreeGoal(draft: "g4", overrideReason: nil), at: Fixtures.start)) { error in
            XCTAssertEqual((error as? ChangeRefusal)?.reason, "Cy disagrees. Talk it through, change the words, or say why you are agreeing it anyway.")
        }
        XCTAssertNil(editor.session.record.agreedGoal)
        try editor.apply(.agreeGoal(draft: "g4", overrideReason: "Cy asked us to go ahead and revisit in March"), at: Fixtures.start)
        XCTAssertEqual(editor.session.record.agreedGoal, AgreedGoal(draft: "g4", text: "Everyone is asked what matters to them", overrideReason: "Cy asked us to go ahead and revisit in March"))
    }

    func testEditingAGoalClearsResponsesAndAgreement() throws {
        var editor = try Fixtures.threePeople()
        try editor.apply(.proposeGoal(GoalDraft(id: "g4", text: "Be kind")), at: Fixtures.start)
        try editor.apply(.respond(draft: "g4", participant: "p1", response: .agree), at: Fixtures.start)
        try editor.apply(.agreeGoal(draft: "g4", overrideReason: nil), at: Fixtures.start)
        try editor.apply(.editGoal(id: "g4", text: "Be kind to each other"), at: Fixtures.start)
        XCTAssertEqual(editor.session.record.goalDrafts[0].responses, [:])
        XCTAssertNil(editor.session.record.agreedGoal)
    }

    func testMergingGoalsKeepsTheOldOnesOnRecord() throws {
        var editor = try Fixtures.threePeople()
        try editor.apply(.proposeGoal(GoalDraft(id: "g4", text: "A")), at: Fixtures.start)
        try editor.apply(.proposeGoal(GoalDraft(id: "g5", text: "B")), at: Fixtures.start)
        try editor.apply(.mergeGoals(ids: ["g4", "g5"], into: GoalDraft(id: "g6", text: "A and B")), at: Fixtures.start)
        XCTAssertEqual(editor.session.record.goalDrafts.map(\.mergedInto), ["g6", "g6", nil])
        XCTAssertEqual(editor.session.record.openDrafts.map(\.text), ["A and B"])
        XCTAssertEqual(editor.session.record.nextNumber, 7)
    }

    // MARK: Principles

    func testScoresSpreadAndAgreement() throws {
        var editor = try Fixtures.threePeople()
        try editor.apply(.score(principle: .reciprocity, participant: "p1", stage: 1), at: Fixtures.start)
        try editor.apply(.score(principle: .reciprocity, participant: "p2", stage: 3), at: Fixtures.start)
        try editor.apply(.score(principle: .reciprocity, participant: "p3", stage: 3), at: Fixtures.start)
        XCTAssertThrowsError(try editor.apply(.score(principle: .reciprocity, participant: "p3", stage: 5), at: Fixtures.start))
        try editor.apply(.agreePrinciple(principle: .reciprocity, stage: 2, rag: .amber, evidence: "People help each other at lunch"), at: Fixtures.start)
        let score = editor.session.record.score(for: .reciprocity)
        XCTAssertEqual(score.spread(), [1, 0, 2, 0])
        XCTAssertEqual(score.spread(among: ["p1"]), [1, 0, 0, 0])
        XCTAssertEqual(score, PrincipleScore(principle: .reciprocity, scores: ["p1": 1, "p2": 3, "p3": 3], agreedStage: 2, rag: .amber, evidence: "People help each other at lunch"))
        XCTAssertEqual(editor.session.record.principles.map(\.principle), PrincipleID.allCases)
    }

    // MARK: Ideas, dots and choosing

    func testDotsAreLimitedPerPerson() throws {
        var editor = try Fixtures.threePeople()
        try editor.apply(.addIdea(Idea(id: "i4", text: "Shared lunch", principles: [.networks])), at: Fixtures.start)
        try editor.apply(.addIdea(Idea(id: "i5", text: "Peer buddies")), at: Fixtures.start)
        try editor.apply(.vote(idea: "i4", participant: "p1", change: 1), at: Fixtures.start)
        try editor.apply(.vote(idea: "i5", participant: "p1", change: 1), at: Fixtures.start)
        XCTAssertThrowsError(try editor.apply(.vote(idea: "i5", participant: "p1", change: 1), at: Fixtures.start)) { error in
            XCTAssertEqual((error as? ChangeRefusal)?.reason, "Ann has used all 2 dots. Take one back first (- on an idea with one of theirs).")
        }
        try editor.apply(.vote(idea: "i4", participant: "p1", change: -1), at: Fixtures.start)
        try editor.apply(.vote(idea: "i5", participant: "p1", change: 1), at: Fixtures.start)
        XCTAssertEqual(editor.session.record.idea("i4")?.votes, [:])
        XCTAssertEqual(editor.session.record.idea("i5")?.votes, ["p1": 2])
        XCTAssertEqual(editor.session.record.ideasByVotes.map(\.id), ["i5", "i4"])
    }

    func testAtMostThreeIdeasChosen() throws {
        var editor = try Fixtures.threePeople()
        for n in 4...7 { try editor.apply(.addIdea(Idea(id: "i\(n)", text: "Idea \(n)")), at: Fixtures.start) }
        for n in 4...6 { try editor.apply(.choose(idea: "i\(n)"), at: Fixtures.start) }
        XCTAssertThrowsError(try editor.apply(.choose(idea: "i7"), at: Fixtures.start)) { error in
            XCTAssertEqual((error as? ChangeRefusal)?.reason, "Two or three ideas are plenty. Take one out before choosing another.")
        }
        XCTAssertEqual(editor.session.record.chosenIdeas, ["i4", "i5", "i6"])
    }

    // MARK: Actions

    func testActionNeedsWhatWhoAndWhen() throws {
        var editor = try Fixtures.threePeople()
        XCTAssertThrowsError(try editor.apply(.addAction(Action(id: "a4", what: " ", who: [], when: nil)), at: Fixtures.start)) { error in
            XCTAssertEqual((error as? ChangeRefusal)?.reason, "An action needs what will be done, who will do it and when it will be done by.")
        }
        let due = Day(year: 2026, month: 12, day: 1)
        try editor.apply(.addAction(Action(id: "a4", what: "Ask the café", who: ["p1", "p2", "p1"], when: due, how: "Pop in on Tuesday")), at: Fixtures.start)
        XCTAssertEqual(editor.session.record.actions, [Action(id: "a4", what: "Ask the café", who: ["p1", "p2"], when: due, how: "Pop in on Tuesday")])
        XCTAssertEqual(editor.session.record.actions(for: "p2").map(\.id), ["a4"])
        XCTAssertFalse(editor.session.record.actions[0].isBeyond(windowDays: 28, from: Day(Fixtures.start)))
        XCTAssertTrue(editor.session.record.actions[0].isBeyond(windowDays: 7, from: Day(Fixtures.start)))
    }

    func testDayReadsOnlyRealDates() {
        XCTAssertEqual(Day("2026-02-28"), Day(year: 2026, month: 2, day: 28))
        XCTAssertNil(Day("2026-02-30"))
        XCTAssertNil(Day("tomorrow"))
        XCTAssertEqual(Day(year: 2026, month: 11, day: 17).adding(days: 28).description, "2026-12-15")
        XCTAssertNil(Day("2026-13-01"))
        XCTAssertNil(Day("2026-00-10"))
        XCTAssertNil(Day("2100-02-29"))  // not a leap year
        XCTAssertEqual(Day("2000-02-29"), Day(year: 2000, month: 2, day: 29))
    }

    /// Day works out dates with plain arithmetic; it must agree with Foundation's Gregorian
    /// calendar in UTC on every day it can meet, and across the leap-year rules.
    func testDayArithmeticAgreesWithTheCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.date(from: DateComponents(year: 1899, month: 12, day: 25))!
        for offset in stride(from: 0, to: 365 * 260, by: 1) {
            let moment = start.addingTimeInterval(TimeInterval(offset) * 86_400 + TimeInterval(offset % 86_400))
            let parts = calendar.dateComponents([.year, .month, .day], from: moment)
            let day = Day(moment)
            XCTAssertEqual([day.year, day.month, day.day], [parts.year!, parts.month!, parts.day!], "\(moment)")
            XCTAssertEqual(day.date, calendar.date(from: DateComponents(year: parts.year, month: parts.month, day: parts.day)))
            if day.year != parts.year { return }  // one failure is enough to read
        }
        XCTAssertEqual(Day(year: 2026, month: 3, day: 1).days(until: Day(year: 2027, month: 3, day: 1)), 365)
        XCTAssertEqual(Day(year: 2028, month: 2, day: 1).days(until: Day(year: 2028, month: 3, day: 1)), 29)
        XCTAssertEqual(Day(daysSince1970: -1).description, "1969-12-31")
        XCTAssertEqual(Day(Date(timeIntervalSince1970: -0.5)).description, "1969-12-31")
    }

    // MARK: Undo and redo

    func testUndoAndRedoEveryChange() throws {
        var editor = try Fixtures.threePeople()
        let afterPeople = editor.session.record
        try editor.apply(.addStory(Story(id: "s4", teller: "p1", title: "Waiting room", consent: .keep)), at: Fixtures.start)
        let afterStory = editor.session.record
        try editor.apply(editor.undoEvent!, at: Fixtures.start)
        XCTAssertEqual(editor.session.record, afterPeople)
        try editor.apply(editor.redoEvent!, at: Fixtures.start)
        XCTAssertEqual(editor.session.record, afterStory)
        try editor.apply(editor.undoEvent!, at: Fixtures.start)
        try editor.apply(editor.undoEvent!, at: Fixtures.start)
        XCTAssertEqual(editor.session.record.participants.map(\.name), ["Ann", "Bo"])
        // A new change clears what could be redone.
        try editor.apply(.addParticipant(Participant(id: "p9", name: "Dee")), at: Fixtures.start)
        XCTAssertNil(editor.redoEvent)
    }

    func testUndoDoesNotMoveTheStage() throws {
        var editor = try Fixtures.threePeople()
        try editor.apply(.moveTo(step: FlowStep(.storytelling), overriddenGuards: [], overrideReason: nil), at: Fixtures.at(60))
        try editor.apply(editor.undoEvent!, at: Fixtures.at(61))
        XCTAssertEqual(editor.session.step, FlowStep(.storytelling))
        XCTAssertEqual(editor.session.record.participants.count, 2)
    }

    func testReplayingTheSameEventsGivesTheSameSession() throws {
        var a = try Fixtures.threePeople()
        try a.apply(.addStory(Story(id: "s4", teller: "p2", title: "T", consent: .keep)), at: Fixtures.at(5))
        try a.apply(a.undoEvent!, at: Fixtures.at(6))
        try a.apply(a.redoEvent!, at: Fixtures.at(7))
        // Replaying the undo/redo events on a fresh editor (no history) lands in the same place.
        var b = try Fixtures.threePeople()
        try b.apply(.addStory(Story(id: "s4", teller: "p2", title: "T", consent: .keep)), at: Fixtures.at(5))
        try b.apply(.undo(restoring: try Fixtures.threePeople().session.record), at: Fixtures.at(6))
        try b.apply(.redo(restoring: a.session.record), at: Fixtures.at(7))
        XCTAssertEqual(a.session, b.session)
    }

    // MARK: Moving between steps

    func testMovingRecordsVisitsAndOverrides() throws {
        var editor = try Fixtures.threePeople()
        try editor.apply(.giveStick(to: "p1", invited: false), at: Fixtures.at(0))
        try editor.apply(.moveTo(step: FlowStep(.goal), overriddenGuards: ["everyone invited"], overrideReason: "Short of time"), at: Fixtures.at(600))
        let session = editor.session
        XCTAssertEqual(session.step, FlowStep(.goal))
        XCTAssertEqual(session.visits, [
            StepVisit(step: FlowStep(.welcome), enteredAt: Fixtures.start, leftAt: Fixtures.at(600)),
            StepVisit(step: FlowStep(.goal), enteredAt: Fixtures.at(600)),
        ])
        XCTAssertEqual(session.overrides, [RecordedOverride(step: FlowStep(.welcome), guards: ["everyone invited"], reason: "Short of time", at: Fixtures.at(600))])
        XCTAssertNil(session.record.round.currentTeller, "leaving the round puts the stick down")
        XCTAssertEqual(session.elapsedInTimeBox(now: Fixtures.at(660)), 60)
        XCTAssertEqual(session.furthestStage, .goal)
    }
}
