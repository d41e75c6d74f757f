import StateMachine
import XCTest

// MARK: - Guards and overrides

final class GuardTests: XCTestCase {

    let machine = Door.machine()

    // MARK: Single guard

    func testGuardThatPassesLetsTheStepThrough() {
        let outcome = machine.transition(from: .closed, on: .lock, context: DoorContext(hasKey: true))
        XCTAssertEqual(outcome.step?.to, .locked)
        XCTAssertEqual(outcome.step?.overriddenGuards, [])
        XCTAssertNil(outcome.step?.override)
    }

    func testGuardThatFailsRejectsWithItsReason() {
        let outcome = machine.transition(from: .closed, on: .lock, context: DoorContext(hasKey: false))
        XCTAssertEqual(outcome, .rejected(TransitionRejection(
            state: .closed, event: .lock,
            reason: "You need the key.", guardName: "has key", canBeOverridden: false
        )))
    }

    func testGuardCheckAndFailureReasonAgree() {
        XCTAssertNil(Door.alarmOff.failureReason(in: DoorContext(alarmOn: false)))
        XCTAssertEqual(Door.alarmOff.failureReason(in: DoorContext(alarmOn: true)), "The alarm is still on.")
        XCTAssertEqual(Door.alarmOff.name, "alarm off")
        XCTAssertTrue(Door.alarmOff.isOverridable)
        XCTAssertFalse(Door.hasKey.isOverridable)
    }

    // MARK: Overridable or not

    func testOverridableFailureSaysItCanBeOverridden() {
        let outcome = machine.transition(from: .locked, on: .unlock, context: DoorContext(alarmOn: true))
        XCTAssertEqual(outcome.rejection, TransitionRejection(
            state: .locked, event: .unlock,
            reason: "The alarm is still on.", guardName: "alarm off", canBeOverridden: true
        ))
    }

    func testNonOverridableFailureCannotBeOverridden() {
        let override = GuardOverride(reason: "We trust them.")
        let outcome = machine.transition(
            from: .closed, on: .lock, context: DoorContext(hasKey: false), override: override
        )
        XCTAssertEqual(outcome.rejection, TransitionRejection(
            state: .closed, event: .lock,
            reason: "You need the key.", guardName: "has key", canBeOverridden: false
        ))
    }

    func testOverrideIsRecordedWhenItWasNeeded() {
        let override = GuardOverride(reason: "The fire officer said it is fine.")
        let outcome = machine.transition(
            from: .locked, on: .unlock, context: DoorContext(alarmOn: true), override: override
        )
        XCTAssertEqual(outcome, .moved(TransitionStep(
            from: .locked, event: .unlock, to: .closed,
            effects: ["draught stops"],
            overriddenGuards: ["alarm off"],
            override: override
        )))
        XCTAssertEqual(outcome.step?.wasOverridden, true)
    }

    func testOverrideRecordsEveryOverriddenGuardInOrder() {
        let override = GuardOverride(reason: "Board decision.")
        let outcome = machine.transition(
            from: .closed, on: .demolish,
            context: DoorContext(alarmOn: true, managerAgrees: false),
            override: override
        )
        XCTAssertEqual(outcome.step?.to, .demolished)
        XCTAssertEqual(outcome.step?.overriddenGuards, ["manager agrees", "alarm off"])
        XCTAssertEqual(outcome.step?.override, override)
    }

    func testOverrideIsNotRecordedWhenNoGuardFails() {
        let outcome = machine.transition(
            from: .locked, on: .unlock, context: DoorContext(),
            override: GuardOverride(reason: "Just in case.")
        )
        XCTAssertEqual(outcome.step?.to, .closed)
        XCTAssertEqual(outcome.step?.overriddenGuards, [])
        XCTAssertNil(outcome.step?.override)
        XCTAssertEqual(outcome.step?.wasOverridden, false)
    }

    func testOverrideOnUnguardedTransitionIsNotRecorded() {
        let outcome = machine.transition(
            from: .closed, on: .open, context: DoorContext(), override: GuardOverride(reason: "Why not.")
        )
        XCTAssertEqual(outcome.step?.to, .open)
        XCTAssertNil(outcome.step?.override)
    }

    // MARK: Blank override reasons

    func testOverrideWithBlankReasonIsRefused() {
        for blank in ["", " ", "  \n\t "] {
            let outcome = machine.transition(
                from: .locked, on: .unlock, context: DoorContext(alarmOn: true),
                override: GuardOverride(reason: blank)
            )
            XCTAssertEqual(outcome.rejection, TransitionRejection(
                state: .locked, event: .unlock,
                reason: "Please say why you are moving on anyway.",
                guardName: "alarm off", canBeOverridden: true
            ), "reason \(blank.debugDescription)")
        }
    }

    func testBlankOverrideIsHarmlessWhenNoGuardFails() {
        let outcome = machine.transition(
            from: .locked, on: .unlock, context: DoorContext(), override: GuardOverride(reason: "  ")
        )
        XCTAssertEqual(outcome.step?.to, .closed)
        XCTAssertNil(outcome.step?.override)
    }

    func testBlankOverrideAgainstHardGuardReportsTheHardGuard() {
        let outcome = machine.transition(
            from: .locked, on: .unlock, context: DoorContext(hasKey: false, alarmOn: true),
            override: GuardOverride(reason: "")
        )
        XCTAssertEqual(outcome.rejection?.reason, "You need the key.")
        XCTAssertEqual(outcome.rejection?.guardName, "has key")
        XCTAssertEqual(outcome.rejection?.canBeOverridden, false)
    }

    func testGuardOverrideBlankness() {
        XCTAssertTrue(GuardOverride(reason: "").isBlank)
        XCTAssertTrue(GuardOverride(reason: " \n").isBlank)
        XCTAssertFalse(GuardOverride(reason: " ok ").isBlank)
    }

    // MARK: Order of guards

    func testFirstFailingGuardDecidesTheReason() {
        // Demolish checks: manager agrees (overridable), has key, alarm off (overridable).
        let managerAndAlarm = machine.transition(
            from: .closed, on: .demolish, context: DoorContext(alarmOn: true, managerAgrees: false)
        )
        XCTAssertEqual(managerAndAlarm.rejection?.reason, "The manager has not agreed yet.")
        XCTAssertEqual(managerAndAlarm.rejection?.guardName, "manager agrees")

        let keyAndAlarm = machine.transition(
            from: .closed, on: .demolish, context: DoorContext(hasKey: false, alarmOn: true)
        )
        XCTAssertEqual(keyAndAlarm.rejection?.reason, "You need the key.")
        XCTAssertEqual(keyAndAlarm.rejection?.guardName, "has key")

        let alarmOnly = machine.transition(
            from: .closed, on: .demolish, context: DoorContext(alarmOn: true)
        )
        XCTAssertEqual(alarmOnly.rejection?.guardName, "alarm off")
    }

    func testCanBeOverriddenOnlyWhenEveryFailingGuardIsOverridable() {
        let bothSoft = machine.transition(
            from: .closed, on: .demolish, context: DoorContext(alarmOn: true, managerAgrees: false)
        )
        XCTAssertEqual(bothSoft.rejection?.canBeOverridden, true)

        // The first failing guard is overridable, but a later one is not.
        let softThenHard = machine.transition(
            from: .closed, on: .demolish, context: DoorContext(hasKey: false, managerAgrees: false)
        )
        XCTAssertEqual(softThenHard.rejection?.guardName, "manager agrees")
        XCTAssertEqual(softThenHard.rejection?.canBeOverridden, false)
    }

    func testOverridePastSoftGuardsStillStopsAtHardGuard() {
        let outcome = machine.transition(
            from: .closed, on: .demolish,
            context: DoorContext(hasKey: false, alarmOn: true, managerAgrees: false),
            override: GuardOverride(reason: "Board decision.")
        )
        XCTAssertEqual(outcome.rejection, TransitionRejection(
            state: .closed, event: .demolish,
            reason: "You need the key.", guardName: "has key", canBeOverridden: false
        ))
    }

    func testGuardsSeeTheContextTheyAreGiven() {
        struct Count: Sendable { var people: Int }
        let quorum = Guard<Count>("quorum") { $0.people >= 3 ? nil : "Wait until at least 3 people have joined." }
        let machine = StateMachine<String, String, Count, Never>(
            initial: "waiting", states: ["waiting", "started"],
            transitions: [Transition(from: "waiting", on: "start", to: "started", guards: [quorum])]
        )
        XCTAssertEqual(
            machine.transition(from: "waiting", on: "start", context: Count(people: 2)).rejection?.reason,
            "Wait until at least 3 people have joined."
        )
        XCTAssertEqual(machine.transition(from: "waiting", on: "start", context: Count(people: 3)).resultingState, "started")
    }
}
