import StateMachine
import XCTest

// MARK: - Introspection

final class IntrospectionTests: XCTestCase {

    let machine = Door.machine()

    func testDeclarationIsKept() {
        XCTAssertEqual(machine.initial, .closed)
        XCTAssertEqual(machine.states, [.closed, .open, .locked, .cellar, .demolished, .attic])
        XCTAssertEqual(machine.finalStates, [.demolished])
        XCTAssertEqual(machine.transitions.count, 9)
        XCTAssertTrue(machine.isFinal(.demolished))
        XCTAssertFalse(machine.isFinal(.cellar))
        XCTAssertTrue(machine.isDeclared(.attic))
    }

    func testEventsAvailableFromEachStateInDeclaredOrder() {
        XCTAssertEqual(machine.events(availableFrom: .closed), [.open, .lock, .knock, .demolish])
        XCTAssertEqual(machine.events(availableFrom: .open), [.close, .fall])
        XCTAssertEqual(machine.events(availableFrom: .locked), [.unlock, .fall])
        XCTAssertEqual(machine.events(availableFrom: .cellar), [])
        XCTAssertEqual(machine.events(availableFrom: .demolished), [])
        XCTAssertEqual(machine.events(availableFrom: .attic), [.climbDown])
    }

    func testDeclaredTransitionLookup() {
        XCTAssertEqual(machine.declaredTransition(from: .locked, on: .unlock)?.to, .closed)
        XCTAssertEqual(machine.declaredTransition(from: .locked, on: .unlock)?.guards.map(\.name), ["has key", "alarm off"])
        XCTAssertNil(machine.declaredTransition(from: .locked, on: .open))
        XCTAssertEqual(machine.transitions(from: .open).map(\.to), [.closed, .cellar])
    }

    func testReachableStatesInDeclaredOrder() {
        XCTAssertEqual(machine.reachableStates(), [.closed, .open, .locked, .cellar, .demolished])
    }

    func testUnreachableStates() {
        XCTAssertEqual(machine.unreachableStates(), [.attic])
    }

    func testShortestPathsExactly() {
        XCTAssertEqual(machine.shortestPaths(), [
            .closed: [],
            .open: [.open],
            .locked: [.lock],
            .demolished: [.demolish],
            // Both [.open, .fall] and [.lock, .fall] are two steps; the path
            // through the earlier-declared transition wins.
            .cellar: [.open, .fall],
        ])
    }

    func testDeadEndsAreReachableNonFinalStatesWithNoWayOut() {
        // Demolished has no way out either, but it is final; attic is not
        // reachable.
        XCTAssertEqual(machine.deadEnds(), [.cellar])
    }

    func testIntrospectionOfAMachineWithASingleState() {
        let lonely = StateMachine<String, String, Void, Never>(initial: "only", states: ["only"], transitions: [])
        XCTAssertEqual(lonely.reachableStates(), ["only"])
        XCTAssertEqual(lonely.unreachableStates(), [])
        XCTAssertEqual(lonely.shortestPaths(), ["only": []])
        XCTAssertEqual(lonely.deadEnds(), ["only"])
    }

    func testLongerShortestPathAvoidsCycles() {
        let line = StateMachine<Int, String, Void, Never>(
            initial: 0, states: [0, 1, 2, 3], finalStates: [3],
            transitions: [
                Transition(from: 0, on: "next", to: 1),
                Transition(from: 1, on: "back", to: 0),
                Transition(from: 1, on: "next", to: 2),
                Transition(from: 2, on: "next", to: 3),
                Transition(from: 0, on: "jump", to: 2),
            ]
        )
        XCTAssertEqual(line.shortestPaths(), [0: [], 1: ["next"], 2: ["jump"], 3: ["jump", "next"]])
        XCTAssertEqual(line.deadEnds(), [])
    }
}
