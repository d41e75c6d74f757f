import XCTest
import StateMachine
@testable import Workshop

final class WorkshopFlowTests: XCTestCase {

    private func step(_ outcome: TransitionOutcome<FlowStep, FlowEvent, FlowEffect>) -> TransitionStep<FlowStep, FlowEvent, FlowEffect>? {
        if case .moved(let step) = outcome { return step }
        return nil
    }

    private func rejection(_ outcome: TransitionOutcome<FlowStep, FlowEvent, FlowEffect>) -> TransitionRejection<FlowStep, FlowEvent>? {
        if case .rejected(let rejection) = outcome { return rejection }
        return nil
    }

    func testStandardTemplateStepsInOrder() throws {
        let library = try ContentLibrary.load()
        let standard = try library.template(named: "standard")
        XCTAssertEqual(standard.steps.count, 7 + 12)
        XCTAssertEqual(standard.steps.prefix(4).map(\.label), ["welcome", "storytelling", "goal", "principles-assets-explain"])
        XCTAssertEqual(standard.steps.suffix(4).map(\.label), ["ideas", "choose", "actions", "close"])
        let flow = WorkshopFlow(template: standard)
        XCTAssertEqual(flow.machine.deadEnds(), [])
        XCTAssertEqual(flow.machine.unreachableStates(), [])
        XCTAssertEqual(flow.machine.shortestPaths()[FlowStep(.goal)], [.next, .next])
    }

    func testEveryBuiltInTemplateIsUsableAndFullyReachable() throws {
        let library = try ContentLibrary.load()
        XCTAssertEqual(library.templates.map(\.name), ["standard", "principles-only", "stories-and-goal"])
        for template in library.templates {
            XCTAssertEqual(template.problems, [], template.name)
            let flow = WorkshopFlow(template: template)
            XCTAssertEqual(flow.machine.reachableStates().count, template.steps.count, template.name)
            XCTAssertEqual(flow.machine.deadEnds(), [], template.name)
        }
        XCTAssertEqual(try library.template(named: "principles-only").stages.map(\.stage), [.welcome, .principles, .close])
        XCTAssertEqual(try library.template(named: "stories-and-goal").stages.map(\.stage), [.welcome, .storytelling, .goal, .close])
    }

    func testWelcomeNeedsPeopleAndCannotBeOverridden() throws {
        let flow = WorkshopFlow(template: Fixtures.template)
        let outcome = flow.transition(.next, in: Fixtures.session(), overrideReason: "in a hurry")
        let refused = try XCTUnwrap(rejection(outcome))
        XCTAssertEqual(refused.reason, "Add the people in the room first, by first name.")
        XCTAssertFalse(refused.canBeOverridden)
    }

    func testStorytellingGuardNamesWhoHasNotBeenAskedAndCanBeOverridden() throws {
        var editor = try Fixtures.threePeople()
        let flow = WorkshopFlow(template: Fixtures.template)
        try editor.apply(WorkshopFlow.event(for: XCTUnwrap(step(flow.transition(.next, in: editor.session)))), at: Fixtures.at(1))
        try editor.apply(.giveStick(to: "p1", invited: false), at: Fixtures.at(2))
        let refused = try XCTUnwrap(rejection(flow.transition(.next, in: editor.session)))
        XCTAssertEqual(refused.reason, "Not everyone has been offered the talking stick yet: Bo and Cy. Passing is fine, but they should be asked.")
        XCTAssertTrue(refused.canBeOverridden)
        let moved = try XCTUnwrap(step(flow.transition(.next, in: editor.session, overrideReason: "Bo and Cy will go after the break")))
        XCTAssertEqual(moved.to, FlowStep(.goal))
        XCTAssertEqual(moved.overriddenGuards, ["everyone invited"])
        XCTAssertEqual(moved.effects, [.keepStageSnapshot(FlowStep(.storytelling)), .startTimer(FlowStep(.goal))])
        try editor.apply(WorkshopFlow.event(for: moved), at: Fixtures.at(3))
        XCTAssertEqual(editor.session.overrides.map(\.reason), ["Bo and Cy will go after the break"])
    }

    func testGoalGuard() throws {
        var session = try Fixtures.threePeople().session
        session.step = FlowStep(.goal)
        let flow = WorkshopFlow(template: Fixtures.template)
        XCTAssertEqual(rejection(flow.transition(.next, in: session))?.reason, "The group has not agreed a goal yet.")
        session.record.goalDrafts = [GoalDraft(id: "g1", text: "Be heard")]
        session.record.agreedGoal = AgreedGoal(draft: "g1", text: "Be heard")
        XCTAssertEqual(step(flow.transition(.next, in: session))?.to, FlowStep(principle: .assets, phase: .explain))
    }

    func testPrincipleAgreeNeedsStageRagAndEvidence() throws {
        var session = try Fixtures.threePeople().session
        session.step = FlowStep(principle: .work, phase: .agree)
        let flow = WorkshopFlow(template: Fixtures.template)
        XCTAssertEqual(rejection(flow.transition(.next, in: session))?.reason,
                       "The group has not agreed a stage and a red, amber or green score for Valuing work differently yet.")
        session.record.principles[1].agreedStage = 2
        session.record.principles[1].rag = .red
        XCTAssertEqual(rejection(flow.transition(.next, in: session))?.reason,
                       "There is no evidence written down for Valuing work differently yet: what are people doing or saying that shows it?")
        session.record.principles[1].evidence = "Volunteers get thanked at the summer party"
        XCTAssertEqual(step(flow.transition(.next, in: session))?.to, FlowStep(principle: .reciprocity, phase: .explain))
    }

    func testChooseRefusesMoreThanThreeEvenWithAReason() throws {
        var session = try Fixtures.threePeople().session
        session.step = FlowStep(.choose)
        session.record.ideas = (1...4).map { Idea(id: "i\($0)", text: "Idea \($0)") }
        session.record.chosenIdeas = ["i1", "i2", "i3", "i4"]
        let flow = WorkshopFlow(template: Fixtures.template)
        let refused = try XCTUnwrap(rejection(flow.transition(.next, in: session, overrideReason: "we like them all")))
        XCTAssertEqual(refused.reason, "More than three ideas are chosen. Two or three is plenty: take some out.")
        XCTAssertFalse(refused.canBeOverridden)
    }

    func testActionsGuardNamesUnplannedIdeas() throws {
        var session = try Fixtures.threePeople().session
        session.step = FlowStep(.actions)
        session.record.ideas = [Idea(id: "i1", text: "Shared lunch"), Idea(id: "i2", text: "Buddies")]
        session.record.chosenIdeas = ["i1", "i2"]
        session.record.actions = [Action(id: "a1", idea: "i1", what: "Book room", who: ["p1"], when: Day(year: 2026, month: 12, day: 1))]
        let flow = WorkshopFlow(template: Fixtures.template)
        XCTAssertEqual(rejection(flow.transition(.next, in: session))?.reason, "These chosen ideas have no action yet: \"Buddies\".")
    }

    func testBackIsAlwaysAllowedAndCloseIsTheEnd() throws {
        var session = try Fixtures.threePeople().session
        let flow = WorkshopFlow(template: Fixtures.template)
        XCTAssertEqual(rejection(flow.transition(.back, in: session))?.reason, "You can't go back from Welcome.")
        session.step = FlowStep(.close)
        XCTAssertEqual(step(flow.transition(.back, in: session))?.to, FlowStep(.actions))
        XCTAssertEqual(rejection(flow.transition(.next, in: session))?.reason, "You can't move on from Close.")
        XCTAssertEqual(flow.machine.finalStates, [FlowStep(.close)])
    }

    func testFlowGraphNamesEveryStep() throws {
        let flow = WorkshopFlow(template: Fixtures.template)
        let dot = flow.machine.dot(name: "workshop")
        XCTAssertTrue(dot.hasPrefix("digraph"))
        XCTAssertTrue(dot.contains("Building social networks: agree"))
        XCTAssertTrue(flow.machine.mermaid().hasPrefix("stateDiagram-v2"))
    }
}
