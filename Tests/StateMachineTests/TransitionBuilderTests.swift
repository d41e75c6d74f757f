import StateMachine
import XCTest

// MARK: - Builder

final class TransitionBuilderTests: XCTestCase {

    typealias Light = StateMachine<String, String, Void, String>

    func testBuilderKeepsOrderAndSupportsControlFlow() {
        let withNight = true
        let light = Light(initial: "red", states: ["red", "green", "amber", "off"], finalStates: ["off"]) {
            Transition(from: "red", on: "go", to: "green", effects: ["beep"])
            Transition(from: "green", on: "slow", to: "amber")
            Transition(from: "amber", on: "stop", to: "red")
            if withNight {
                Transition(from: "red", on: "night", to: "off")
            }
            if !withNight {
                Transition(from: "red", on: "never", to: "off")
            } else {
                Transition(from: "amber", on: "night", to: "off")
            }
            for colour in ["green"] {
                Transition(from: colour, on: "night", to: "off")
            }
            helperTransitions()
        }
        XCTAssertEqual(light.events(availableFrom: "red"), ["go", "night", "panic"])
        XCTAssertEqual(light.events(availableFrom: "amber"), ["stop", "night"])
        XCTAssertEqual(light.events(availableFrom: "green"), ["slow", "night"])
        XCTAssertEqual(light.transition(from: "red", on: "go", context: ()).step?.effects, ["beep"])
        XCTAssertEqual(light.shortestPaths()["off"], ["night"])
    }

    func testBuilderMachineMatchesTheDataMachine() {
        let built = Light(initial: "a", states: ["a", "b"]) {
            Transition(from: "a", on: "go", to: "b")
        }
        let data = Light(initial: "a", states: ["a", "b"], transitions: [Transition(from: "a", on: "go", to: "b")])
        XCTAssertEqual(built.dot(), data.dot())
        XCTAssertEqual(built.mermaid(), data.mermaid())
    }

    private func helperTransitions() -> [Transition<String, String, Void, String>] {
        [Transition(from: "red", on: "panic", to: "amber")]
    }
}
