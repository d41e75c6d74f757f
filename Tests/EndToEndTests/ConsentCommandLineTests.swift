import Foundation
import XCTest
import Persistence
import Workshop

/// Erase reaches every copy of a session; commands never print stored text raw.
final class ConsentCommandLineTests: XCTestCase {
    var data: URL!
    static let canary = "Wystanbrook"

    override func setUpWithError() throws { data = try Binary.temporaryDataFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: data) }

    private func makeSessionAndACopy() throws -> String {
        let id = try SessionMaker.sample(in: data, extra: [
            .addParticipant(Participant(id: "p40", name: Self.canary)),
            .addStory(Story(id: "s41", teller: "p40", title: "\(Self.canary) on buses", whatHappened: "Words", consent: .share)),
            .agreePrinciple(principle: .networks, stage: 3, rag: .green, evidence: "\(Self.canary.lowercased())7 brings neighbours"),
        ])
        let sessions = data.appendingPathComponent("sessions")
        try FileManager.default.copyItem(at: sessions.appendingPathComponent(id), to: sessions.appendingPathComponent("\(id) copy"))
        return id
    }

    private func filesHolding(_ text: String) -> [String] {
        var found: [String] = []
        let walker = FileManager.default.enumerator(at: data, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            if let bytes = try? Data(contentsOf: url), String(decoding: bytes, as: UTF8.self).lowercased().contains(text.lowercased()) {
                found.append(url.path)
            }
        }
        return found
    }

    func testErasingOnePersonReachesACopyOfTheSessionBesideIt() throws {
        let id = try makeSessionAndACopy()
        XCTAssertEqual(Set(filesHolding(Self.canary).map { URL(fileURLWithPath: $0).deletingLastPathComponent().lastPathComponent }).count, 2, "both copies hold the words")
        let run = try Binary.run(["erase", "--data-dir", data.path, id, "--participant", Self.canary, "--yes"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.contains("also from 1 of 1 copy"), run.output)
        XCTAssertEqual(filesHolding(Self.canary), [], "no copy keeps their words")

        let list = try Binary.run(["list", "--data-dir", data.path])
        XCTAssertEqual(list.status, 0, list.errors)
        XCTAssertFalse(list.output.lowercased().contains(Self.canary.lowercased()), list.output)
    }

    func testErasingAWholeSessionErasesItsCopiesAndListShowsNone() throws {
        let id = try makeSessionAndACopy()
        let run = try Binary.run(["erase", "--data-dir", data.path, id, "--yes"])
        XCTAssertEqual(run.status, 0, run.errors)
        XCTAssertTrue(run.output.contains("and 1 of 1 copy of it"), run.output)
        XCTAssertEqual(filesHolding(Self.canary), [])
        XCTAssertEqual(filesHolding("Riverside"), [])
        let list = try Binary.run(["list", "--data-dir", data.path])
        XCTAssertTrue(list.output.contains("No workshops yet"), list.output)
    }

    func testACopyThatIsOpenElsewhereIsNamedAndTheEraseSaysSo() throws {
        let id = try makeSessionAndACopy()
        let copy = data.appendingPathComponent("sessions/\(id) copy")
        let open = try SessionStore.open(copy, readOnly: false, at: Date())
        defer { open.close(at: Date()) }
        let run = try Binary.run(["erase", "--data-dir", data.path, id, "--yes"])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.errors.contains("\(id) copy"), run.errors)
        XCTAssertTrue(run.errors.contains("still hold everything"), run.errors)
    }

    func testStoredTextWithEscapeSequencesIsNeverPrintedRaw() throws {
        let evil = "Evil\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m"
        let made = try Binary.run(["new", "--data-dir", data.path, "--title", evil, "--participant", "Ann", "--prepare"])
        XCTAssertEqual(made.status, 0, made.errors)
        for output in [made.output, made.errors] {
            XCTAssertFalse(output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) }, output.debugDescription)
        }
        XCTAssertTrue(made.output.contains("Made the workshop \"Evil\u{FFFD}]0;pwned\u{FFFD}\u{FFFD}[2J\u{FFFD}31m\""), made.output.debugDescription)
        let id = try XCTUnwrap(made.output.split(separator: "\n").first { $0.hasPrefix("id:") }?.split(separator: " ").last.map(String.init))

        let list = try Binary.run(["list", "--data-dir", data.path])
        let erase = try Binary.run(["erase", "--data-dir", data.path, id, "--participant", "Bo\u{1B}[2J", "--yes"])
        XCTAssertNotEqual(erase.status, 0)
        XCTAssertTrue(erase.errors.contains("Nobody called \"Bo\u{FFFD}[2J\""), erase.errors.debugDescription)
        let gone = try Binary.run(["erase", "--data-dir", data.path, id, "--yes"])
        XCTAssertEqual(gone.status, 0, gone.errors)
        for output in [list.output, list.errors, erase.output, erase.errors, gone.output, gone.errors] {
            XCTAssertFalse(output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) }, output.debugDescription)
        }
    }
}
