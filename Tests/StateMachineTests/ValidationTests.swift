@testable import StateMachine
import XCTest

// MARK: - Declaration checks

/// The initializer stops the program on a bad declaration, which a test
/// cannot survive, so these tests call the check it uses directly.
final class ValidationTests: XCTestCase {

    typealias Machine = StateMachine<String, String, Void, Never>

    func testValidDeclarationHasNoProblems() {
        XCTAssertEqual(Machine.problems(
            initial: "a", states: ["a", "b"], finalStates: ["b"],
            transitions: [Transition(from: "a", on: "go", to: "b")],
            entryEffects: ["a": []], exitEffects: ["b": []]
        ), [])
    }

    func testUndeclaredFromAndTo() {
        XCTAssertEqual(Machine.problems(
            initial: "a", states: ["a"], finalStates: [],
            transitions: [Transition(from: "x", on: "go", to: "y")],
            entryEffects: [:], exitEffects: [:]
        ), [
            "Transition 0 starts from undeclared state x.",
            "Transition 0 goes to undeclared state y.",
        ])
    }

    func testTwoTransitionsForTheSameEventFromTheSameState() {
        XCTAssertEqual(Machine.problems(
            initial: "a", states: ["a", "b", "c"], finalStates: [],
            transitions: [
                Transition(from: "a", on: "go", to: "b"),
                Transition(from: "b", on: "go", to: "c"),
                Transition(from: "a", on: "go", to: "c"),
            ],
            entryEffects: [:], exitEffects: [:]
        ), ["Transition 2 repeats event go from state a."])
    }

    func testOtherDeclarationMistakes() {
        XCTAssertEqual(Machine.problems(
            initial: "z", states: ["a", "a"], finalStates: ["f"],
            transitions: [],
            entryEffects: ["e": []], exitEffects: ["x": []]
        ), [
            "State a is declared more than once.",
            "Initial state z is not declared.",
            "Final state f is not declared.",
            "Entry effects are given for undeclared state e.",
            "Exit effects are given for undeclared state x.",
        ])
    }

    func testMachineCanBeUsedFromAnotherTask() async {
        // Compiles only because the machine is Sendable.
        let machine = Door.machine()
        let events = await Task.detached { machine.events(availableFrom: .closed) }.value
        XCTAssertEqual(events, [.open, .lock, .knock, .demolish])
    }
}
