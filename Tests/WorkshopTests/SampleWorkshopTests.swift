import XCTest
@testable import Workshop

final class SampleWorkshopTests: XCTestCase {
    func testSampleRunsTheWholeStandardFlowWithoutARefusal() throws {
        let template = try ContentLibrary.load().template(named: "standard")
        var editor = SessionEditor(session: Session(id: "x", title: "x", createdAt: Fixtures.start, template: template))
        let flow = WorkshopFlow(template: template)
        for (event, seconds) in SampleWorkshop.events(template: template) {
            if case .moveTo(let step, _, _) = event {
                // Every move is one the flow itself allows without an override.
                guard case .moved(let taken) = flow.transition(.next, in: editor.session) else {
                    return XCTFail("the flow refused to leave \(editor.session.step.label)")
                }
                XCTAssertEqual(taken.to, step)
            }
            try editor.apply(event, at: Fixtures.at(seconds))
        }
        let session = editor.session
        XCTAssertEqual(session.step, FlowStep(.close))
        XCTAssertEqual(session.record.stories.count, 3)
        XCTAssertEqual(session.record.agreedGoal?.text, "Everyone who comes here is asked what they are good at")
        XCTAssertEqual(session.record.principles.map(\.rag), [.amber, .amber, .red, .green])
        XCTAssertEqual(session.record.ideasByVotes.map(\.id), ["i10", "i12", "i11"])
        XCTAssertEqual(session.record.actions.count, 2)
        XCTAssertEqual(session.record.round.speakingSeconds(for: "p1", upTo: Fixtures.at(100_000)), 260)
    }
}
