import StateMachine
import XCTest

// MARK: - Effect order

final class EffectOrderTests: XCTestCase {

    let machine = Door.machine()

    func testExitThenTransitionThenEntry() {
        let outcome = machine.transition(from: .closed, on: .open, context: DoorContext())
        XCTAssertEqual(outcome, .moved(TransitionStep(
            from: .closed, event: .open, to: .open,
            effects: ["draught starts", "door creaks", "light on"]
        )))
    }

    func testReverseDirectionUsesTheOtherStatesEffects() {
        let outcome = machine.transition(from: .open, on: .close, context: DoorContext())
        XCTAssertEqual(outcome.step?.effects, ["light off", "door thuds", "draught stops"])
    }

    func testSelfTransitionRunsExitThenEntry() {
        let outcome = machine.transition(from: .closed, on: .knock, context: DoorContext())
        XCTAssertEqual(outcome, .moved(TransitionStep(
            from: .closed, event: .knock, to: .closed,
            effects: ["draught starts", "knock knock", "draught stops"]
        )))
    }

    func testMissingEntryOrExitEffectsContributeNothing() {
        // Locked has neither entry nor exit effects.
        XCTAssertEqual(
            machine.transition(from: .closed, on: .lock, context: DoorContext()).step?.effects,
            ["draught starts", "bolt slides"]
        )
        XCTAssertEqual(
            machine.transition(from: .locked, on: .unlock, context: DoorContext()).step?.effects,
            ["draught stops"]
        )
        XCTAssertEqual(
            machine.transition(from: .locked, on: .fall, context: DoorContext()).step?.effects,
            []
        )
    }

    func testRejectedStepCarriesNoEffects() {
        let outcome = machine.transition(from: .closed, on: .lock, context: DoorContext(hasKey: false))
        XCTAssertNil(outcome.step)
        XCTAssertEqual(outcome.resultingState, .closed)
    }

    func testOverriddenStepStillRunsAllEffects() {
        let outcome = machine.transition(
            from: .locked, on: .unlock, context: DoorContext(alarmOn: true),
            override: GuardOverride(reason: "Drill.")
        )
        XCTAssertEqual(outcome.step?.effects, ["draught stops"])
    }

    func testTransitionIsPureAndRepeatable() {
        let first = machine.transition(from: .closed, on: .open, context: DoorContext())
        let second = machine.transition(from: .closed, on: .open, context: DoorContext())
        XCTAssertEqual(first, second)
        // The machine itself keeps no state: the same question from another
        // state gets its own answer.
        XCTAssertEqual(machine.transition(from: .open, on: .open, context: DoorContext()).resultingState, .open)
        XCTAssertNotNil(machine.transition(from: .open, on: .open, context: DoorContext()).rejection)
    }
}
