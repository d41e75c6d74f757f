import StateMachine
import XCTest

// MARK: - Property tests

/// Drives a machine with random events and random contexts and checks that
/// every outcome agrees with the declaration.
final class PropertyTests: XCTestCase {

    // MARK: The machine under test

    struct Facts: Sendable {
        var level: Int
        var flag: Bool
    }

    typealias Machine = StateMachine<Int, Int, Facts, String>

    static let levelHigh = Guard<Facts>("level high", overridable: true) {
        $0.level > 3 ? nil : "The level is too low."
    }

    static let flagSet = Guard<Facts>("flag set") {
        $0.flag ? nil : "The flag is not set."
    }

    /// Seven states (6 is final) and five events (4 is never declared), with
    /// transitions spread by a fixed formula and guards chosen by event.
    static func machine() -> Machine {
        var transitions: [Transition<Int, Int, Facts, String>] = []
        for state in 0..<6 {
            for event in 0..<4 where (state + event) % 3 != 0 {
                let guards: [Guard<Facts>] = switch event {
                case 1: [levelHigh]
                case 2: [flagSet]
                case 3: [levelHigh, flagSet]
                default: []
                }
                transitions.append(Transition(
                    from: state, on: event, to: (state * 3 + event * 5) % 7,
                    guards: guards, effects: ["t\(state)-\(event)"]
                ))
            }
        }
        var entry: [Int: [String]] = [:]
        var exit: [Int: [String]] = [:]
        for state in 0..<7 {
            if state % 2 == 0 { entry[state] = ["in\(state)"] }
            if state % 3 == 0 { exit[state] = ["out\(state)"] }
        }
        return Machine(
            initial: 0, states: Array(0..<7), finalStates: [6],
            transitions: transitions, entryEffects: entry, exitEffects: exit
        )
    }

    // MARK: Generator

    func testSplitMix64IsDeterministicAndMatchesTheReference() {
        var generator = SplitMix64(seed: 0)
        // First outputs of the reference implementation for seed 0.
        XCTAssertEqual(generator.next(), 0xE220_A839_7B1D_CDAF)
        XCTAssertEqual(generator.next(), 0x6E78_9E6A_A1B9_65F4)
        var again = SplitMix64(seed: 42)
        var other = SplitMix64(seed: 42)
        XCTAssertEqual((0..<5).map { _ in again.next() }, (0..<5).map { _ in other.next() })
    }

    // MARK: Random runs

    func testRandomRunsAgreeWithTheDeclaration() {
        let machine = Self.machine()
        let declared = Set(machine.states)
        var generator = SplitMix64(seed: 0x5EED_CAFE)
        var moves = 0
        var rejections = 0
        var overrides = 0

        for run in 0..<500 {
            var current = machine.initial
            let length = Int.random(in: 0...50, using: &generator)
            for index in 0..<length {
                let facts = Facts(level: Int.random(in: 0..<8, using: &generator), flag: Bool.random(using: &generator))
                let event = Int.random(in: 0..<5, using: &generator)
                let override: GuardOverride? = switch Int.random(in: 0..<5, using: &generator) {
                case 0: GuardOverride(reason: "  ")
                case 1: GuardOverride(reason: "The group agreed.")
                default: nil
                }
                let place = "run \(run), step \(index): state \(current), event \(event)"

                let before = current
                let outcome = machine.transition(from: current, on: event, context: facts, override: override)
                current = outcome.resultingState
                XCTAssertTrue(declared.contains(current), "undeclared state reached at \(place)")

                // An independent oracle, read straight from the declaration.
                let transition = machine.transitions.first { $0.from == before && $0.event == event }
                let failing = (transition?.guards ?? []).filter { $0.check(facts) != nil }

                switch outcome {
                case .moved(let step):
                    moves += 1
                    XCTAssertEqual(step.from, before, place)
                    XCTAssertEqual(step.event, event, place)
                    guard let transition else {
                        XCTFail("moved without a declared transition at \(place)")
                        continue
                    }
                    XCTAssertEqual(step.to, transition.to, place)
                    XCTAssertEqual(
                        step.effects,
                        (machine.exitEffects[before] ?? []) + transition.effects + (machine.entryEffects[transition.to] ?? []),
                        place
                    )
                    XCTAssertEqual(step.overriddenGuards, failing.map(\.name), place)
                    if failing.isEmpty {
                        XCTAssertNil(step.override, place)
                    } else {
                        overrides += 1
                        XCTAssertTrue(failing.allSatisfy(\.isOverridable), place)
                        XCTAssertEqual(step.override, override, place)
                        XCTAssertEqual(override?.isBlank, false, place)
                    }

                case .rejected(let rejection):
                    rejections += 1
                    XCTAssertEqual(current, before, "a refused event changed the state at \(place)")
                    XCTAssertEqual(rejection.state, before, place)
                    XCTAssertEqual(rejection.event, event, place)
                    XCTAssertFalse(rejection.reason.isEmpty, place)
                    if transition == nil {
                        XCTAssertNil(rejection.guardName, place)
                        XCTAssertEqual(rejection.reason, "You can't \(event) from \(before).", place)
                    } else {
                        XCTAssertFalse(failing.isEmpty, "refused although every guard passed at \(place)")
                        XCTAssertEqual(
                            rejection.canBeOverridden, failing.allSatisfy(\.isOverridable), place
                        )
                        if override == nil {
                            XCTAssertEqual(rejection.guardName, failing.first?.name, place)
                            XCTAssertEqual(rejection.reason, failing.first.flatMap { $0.check(facts) }, place)
                        } else if rejection.canBeOverridden {
                            XCTAssertEqual(override?.isBlank, true, place)
                        }
                    }
                }
            }
        }

        // The run must actually exercise every kind of outcome, or the checks
        // above prove little.
        XCTAssertGreaterThan(moves, 1_000)
        XCTAssertGreaterThan(rejections, 1_000)
        XCTAssertGreaterThan(overrides, 50)
    }
}
