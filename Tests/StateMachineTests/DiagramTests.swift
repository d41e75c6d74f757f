import Foundation
import StateMachine
import XCTest

// MARK: - Diagrams

final class DiagramTests: XCTestCase {

    let machine = Door.machine()

    // MARK: Graphviz

    func testDotForTheDoorExactly() {
        let expected = #"""
        digraph "door" {
          rankdir=LR;
          node [shape=box, style=rounded];
          start [shape=point, label=""];
          s0 [label="Closed"];
          s1 [label="Open"];
          s2 [label="Locked"];
          s3 [label="Cellar"];
          s4 [label="Demolished", shape=doublecircle];
          s5 [label="Attic"];
          start -> s0;
          s0 -> s1 [label="open the door"];
          s0 -> s2 [label="lock the door\n[has key]", style=dashed];
          s0 -> s0 [label="knock"];
          s0 -> s4 [label="knock the door down\n[manager agrees?, has key, alarm off?]", style=dashed];
          s1 -> s0 [label="close the door"];
          s1 -> s3 [label="fall through the trapdoor"];
          s2 -> s0 [label="unlock the door\n[has key, alarm off?]", style=dashed];
          s2 -> s3 [label="fall through the trapdoor"];
          s5 -> s0 [label="climb down"];
        }

        """#
        XCTAssertEqual(machine.dot(name: "door"), expected)
    }

    func testDotDefaultName() {
        XCTAssertTrue(machine.dot().hasPrefix("digraph \"flow\" {\n"))
    }

    func testDotQuotesAndEscapesAwkwardText() {
        let awkward = awkwardMachine()
        let expected = #"""
        digraph "say \"hi\"" {
          rankdir=LR;
          node [shape=box, style=rounded];
          start [shape=point, label=""];
          s0 [label="Say \"hi\"\nthen C:\\temp"];
          s1 [label="a; b # c } {", shape=doublecircle];
          start -> s0;
          s0 -> s1 [label="go -> \"there\"\n[it's \"ok\"?]", style=dashed];
        }

        """#
        XCTAssertEqual(awkward.dot(name: "say \"hi\""), expected)
    }

    func testGraphvizAcceptsTheDoor() throws {
        try assertGraphvizAccepts(machine.dot(name: "door"))
    }

    func testGraphvizAcceptsAwkwardText() throws {
        try assertGraphvizAccepts(awkwardMachine().dot(name: "say \"hi\""))
    }

    // MARK: Mermaid

    func testMermaidForTheDoorExactly() {
        let expected = """
        stateDiagram-v2
            s0 : Closed
            s1 : Open
            s2 : Locked
            s3 : Cellar
            s4 : Demolished
            s5 : Attic
            [*] --> s0
            s0 --> s1 : open the door
            s0 --> s2 : lock the door [has key]
            s0 --> s0 : knock
            s0 --> s4 : knock the door down [manager agrees?, has key, alarm off?]
            s1 --> s0 : close the door
            s1 --> s3 : fall through the trapdoor
            s2 --> s0 : unlock the door [has key, alarm off?]
            s2 --> s3 : fall through the trapdoor
            s5 --> s0 : climb down
            s4 --> [*]

        """
        XCTAssertEqual(machine.mermaid(), expected)
    }

    func testMermaidKeepsAwkwardTextOnOneLineAndEncodesSeparators() {
        let expected = """
        stateDiagram-v2
            s0 : Say "hi" then C:\\temp
            s1 : a#59; b #35; c } {
            [*] --> s0
            s0 --> s1 : go -> "there" [it's "ok"?]
            s1 --> [*]

        """
        XCTAssertEqual(awkwardMachine().mermaid(), expected)
    }

    // MARK: Helpers

    /// A machine whose labels contain quotes, backslashes, line breaks and
    /// characters that mean something in DOT or Mermaid.
    private func awkwardMachine() -> StateMachine<Int, Int, Void, Never> {
        let careful = Guard<Void>("it's \"ok\"", overridable: true) { _ in nil }
        return StateMachine(
            initial: 0, states: [0, 1], finalStates: [1],
            transitions: [Transition(from: 0, on: 7, to: 1, guards: [careful])],
            describeState: { $0 == 0 ? "Say \"hi\"\nthen C:\\temp" : "a; b # c } {" },
            describeEvent: { _ in "go -> \"there\"" }
        )
    }

    /// Runs Graphviz on the text and fails unless it exits 0 without warnings.
    /// Skips when Graphviz is not installed; the project's test script
    /// installs it in CI.
    private func assertGraphvizAccepts(
        _ dot: String, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let candidates = ["/usr/bin/dot", "/usr/local/bin/dot", "/opt/homebrew/bin/dot"]
        guard let dotPath = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("Graphviz (dot) is not installed")
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("StateMachineTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("machine.dot")
        try dot.write(to: input, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: dotPath)
        process.arguments = ["-Tsvg", input.path, "-o", directory.appendingPathComponent("machine.svg").path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        XCTAssertEqual(process.terminationStatus, 0, "dot failed: \(errorText)", file: file, line: line)
        XCTAssertEqual(errorText, "", "dot warned", file: file, line: line)
    }
}
