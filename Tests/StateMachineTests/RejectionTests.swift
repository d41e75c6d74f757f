import StateMachine
import XCTest

// MARK: - Rejections

final class RejectionTests: XCTestCase {

    let machine = Door.machine()

    func testUnknownEventInAStateUsesPlainWords() {
        let outcome = machine.transition(from: .locked, on: .open, context: DoorContext())
        XCTAssertEqual(outcome, .rejected(TransitionRejection(
            state: .locked, event: .open,
            reason: "You can't open the door from Locked.",
            guardName: nil, canBeOverridden: false
        )))
    }

    func testUnknownEventReasonsForSeveralStates() {
        XCTAssertEqual(
            machine.transition(from: .open, on: .lock, context: DoorContext()).rejection?.reason,
            "You can't lock the door from Open."
        )
        XCTAssertEqual(
            machine.transition(from: .demolished, on: .knock, context: DoorContext()).rejection?.reason,
            "You can't knock from Demolished."
        )
        XCTAssertEqual(
            machine.transition(from: .cellar, on: .climbDown, context: DoorContext()).rejection?.reason,
            "You can't climb down from Cellar."
        )
    }

    func testUnknownEventCannotBeOverridden() {
        let outcome = machine.transition(
            from: .cellar, on: .close, context: DoorContext(), override: GuardOverride(reason: "Please.")
        )
        XCTAssertEqual(outcome.rejection?.reason, "You can't close the door from Cellar.")
        XCTAssertNil(outcome.rejection?.guardName)
        XCTAssertEqual(outcome.rejection?.canBeOverridden, false)
    }

    func testDefaultDescriptionsUseTheValuesThemselves() {
        let machine = StateMachine<String, String, Void, Never>(
            initial: "idle", states: ["idle"], transitions: []
        )
        XCTAssertEqual(
            machine.transition(from: "idle", on: "go", context: ()).rejection?.reason,
            "You can't go from idle."
        )
    }

    func testRejectionIsAnErrorThatPrintsItsReason() {
        let rejection = TransitionRejection<DoorState, DoorEvent>(
            state: .closed, event: .lock, reason: "You need the key."
        )
        let error: any Error = rejection
        XCTAssertEqual("\(error)", "You need the key.")
        XCTAssertEqual(rejection.description, "You need the key.")
    }
}
