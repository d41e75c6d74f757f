import Foundation
import XCTest
import Persistence
import Workshop

/// `campfire erase`, run as a user would.
final class EraseCommandTests: XCTestCase {
    var data: URL!
    static let canary = "Zephyrine"

    override func setUpWithError() throws { data = try Binary.temporaryDataFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: data) }

    private func makeSession() throws -> String {
        try SessionMaker.sample(in: data, extra: [
            .addParticipant(Participant(id: "p40", name: Self.canary)),
            .addStory(Story(id: "s41", teller: "p40", title: "\(Self.canary) on buses", whatHappened: "Words", consent: .share)),
            .agreePrinciple(principle: .networks, stage: 3, rag: .green, evidence: "\(Self.canary.lowercased()) brings neighbours"),
            .addAction(Action(id: "a42", idea: "i10", what: "Help \(Self.canary)", who: ["p40", "p1"], when: Day(year: 2026, month: 12, day: 3))),
        ])
    }

    /// grep's own answer: the files under the data folder holding `text`, ignoring case.
    private func grep(_ text: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["grep", "-r", "-i", "-l", "-a", "--", text, data.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    func testTheMessageNamesThePersonAsTheSessionHeldThem() throws {
        // Trial finding 6: "Erased tom from …" for the person called Tom.
        let id = try makeSession()
        let typed = Self.canary.lowercased()
        XCTAssertNotEqual(typed, Self.canary)
        let run = try Binary.run(["erase", "--data-dir", data.path, id, "--participant", typed, "--yes"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.contains("Erased \(Self.canary) from"), run.output)
    }

    func testErasingOnePersonLeavesNothingForGrepToFind() throws {
        let id = try makeSession()
        XCTAssertFalse(try grep(Self.canary).isEmpty)
        let run = try Binary.run(["erase", "--data-dir", data.path, id, "--participant", Self.canary, "--yes"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.contains("Erased \(Self.canary)"), run.output)
        XCTAssertEqual(try grep(Self.canary), [])

        // The session is still there, without them.
        let export = try Binary.run(["export", "--data-dir", data.path, id, "--format", "csv"])
        XCTAssertEqual(export.status, 0, export.errors)
        XCTAssertTrue(export.output.contains("Help someone,Maya,2026-12-03"), export.output)
    }

    func testErasingAWholeSession() throws {
        let id = try makeSession()
        let run = try Binary.run(["erase", "--data-dir", data.path, id, "--yes"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: data.appendingPathComponent("sessions/\(id)").path))
        XCTAssertEqual(try grep(Self.canary), [])
        XCTAssertEqual(try grep("Riverside"), [])
    }

    func testWithoutATerminalOrYesNothingIsErased() throws {
        let id = try makeSession()
        let before = try grep(Self.canary)
        let run = try Binary.run(["erase", "--data-dir", data.path, id])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.errors.contains("Run it again with --yes"), run.errors)
        XCTAssertEqual(try grep(Self.canary), before)
    }

    func testErasingIsRefusedWhileAnotherCampfireHasItOpen() throws {
        let id = try makeSession()
        let folder = data.appendingPathComponent("sessions/\(id)")
        let open = try SessionStore.open(folder, readOnly: false, at: Date())  // this test process holds the lock
        defer { open.close(at: Date()) }
        for arguments in [["--participant", Self.canary, "--yes"], ["--yes"]] {
            let run = try Binary.run(["erase", "--data-dir", data.path, id] + arguments)
            XCTAssertNotEqual(run.status, 0)
            XCTAssertTrue(run.errors.contains("open in another Campfire"), run.errors)
            XCTAssertTrue(run.errors.contains("Nothing was erased"), run.errors)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("journal.jsonl").path))
        XCTAssertFalse(try grep(Self.canary).isEmpty)
    }

    func testUnknownPersonAndMissingSession() throws {
        let id = try makeSession()
        let person = try Binary.run(["erase", "--data-dir", data.path, id, "--participant", "Nobody", "--yes"])
        XCTAssertNotEqual(person.status, 0)
        XCTAssertTrue(person.errors.contains("Nobody called \"Nobody\" took part in this session."), person.errors)
        let missing = try Binary.run(["erase", "--data-dir", data.path, "nope", "--yes"])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.errors.contains("There is no session called \"nope\""), missing.errors)
    }
}

/// The confirmation, typed at a real terminal (util-linux `script` gives the program one).
final class EraseConfirmationTests: XCTestCase {
    func testTheSessionIdMustBeTypedToGoAhead() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { throw XCTSkip("util-linux script is not installed") }
        let data = try Binary.temporaryDataFolder()
        defer { try? FileManager.default.removeItem(at: data) }
        let id = try SessionMaker.sample(in: data)
        let folder = data.appendingPathComponent("sessions/\(id)")

        func erase(typing answer: String) throws -> (status: Int32, output: String) {
            let input = data.appendingPathComponent("answer.txt")
            try Data((answer + "\n").utf8).write(to: input)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
            process.arguments = ["-qec", "'\(Binary.campfire.path)' erase --data-dir '\(data.path)' \(id)", "/dev/null"]
            process.standardInput = try FileHandle(forReadingFrom: input)
            let out = Pipe()
            process.standardOutput = out
            try process.run()
            let output = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: output, as: UTF8.self))
        }

        let wrong = try erase(typing: "yes")
        XCTAssertNotEqual(wrong.status, 0)
        XCTAssertTrue(wrong.output.contains("Type the session id".lowercased()) || wrong.output.contains("type the session id"), wrong.output)
        XCTAssertTrue(wrong.output.contains("Nothing was erased."), wrong.output)
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.path))

        let right = try erase(typing: id)
        XCTAssertEqual(right.status, 0, right.output)
        XCTAssertTrue(right.output.contains("Erased the session"), right.output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path))
    }
}
