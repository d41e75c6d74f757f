import Foundation
import XCTest
@testable import Persistence
@testable import Workshop

/// Every file Campfire reads (journal, snapshot, template, content overrides, glossary, practice
/// scenario), mutated at random: no crash, nothing slower than a second, and a refusal names the file.
///
/// The suite runs a few hundred inputs; `Scripts/fuzz` runs many more (CAMPFIRE_FUZZ_ITERATIONS,
/// CAMPFIRE_FUZZ_SEED). Before each input is tried it is written to
/// `$TMPDIR/campfire-fuzz-last-<kind>`, so an input that crashes the process is kept for a regression test.
final class FaultBadInputTests: XCTestCase {
    let iterations = Int(ProcessInfo.processInfo.environment["CAMPFIRE_FUZZ_ITERATIONS"] ?? "") ?? 60
    let seed = UInt64(ProcessInfo.processInfo.environment["CAMPFIRE_FUZZ_SEED"] ?? "") ?? 6
    let start = Date(timeIntervalSince1970: 1_795_000_000)

    // MARK: Mutations

    struct Mutator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }

        static let interesting: [[UInt8]] = [
            [0], [0xFF], [0xC3], [0xE2, 0x80, 0xAE], [0x1B, 0x5B, 0x32, 0x4A], Array("\n".utf8), Array("\"".utf8),
            Array("{".utf8), Array("}".utf8), Array("[".utf8), Array("-1".utf8), Array("9999999999999999999999".utf8),
            Array("null".utf8), Array("1e308".utf8), Array("\\u0000".utf8), Array("\\ud800".utf8), Array("𝄞".utf8),
        ]

        /// One to four random changes: flips, inserts, deletes, cuts, repeats, or the file emptied.
        mutating func mutate(_ input: [UInt8]) -> [UInt8] {
            var bytes = input
            for _ in 0...below(4) {
                switch below(8) {
                case 0 where !bytes.isEmpty:
                    let i = below(bytes.count); bytes[i] ^= UInt8(1 << below(8))
                case 1:
                    bytes.insert(contentsOf: Self.interesting[below(Self.interesting.count)], at: below(bytes.count + 1))
                case 2 where !bytes.isEmpty:
                    let i = below(bytes.count); bytes.removeSubrange(i..<min(bytes.count, i + 1 + below(16)))
                case 3:
                    bytes = Array(bytes.prefix(below(bytes.count + 1)))  // torn or truncated
                case 4 where !bytes.isEmpty:
                    let i = below(bytes.count); let chunk = bytes[i..<min(bytes.count, i + 1 + below(64))]
                    bytes.insert(contentsOf: chunk, at: below(bytes.count + 1))
                case 5 where !bytes.isEmpty:
                    let i = below(bytes.count); bytes[i] = UInt8(truncatingIfNeeded: next())
                case 6 where below(20) == 0:
                    bytes = []  // zero length
                default:
                    // Swap a digit for another, which keeps JSON valid but changes numbers (sequences, schemas, stages).
                    if let i = bytes.indices.filter({ (48...57).contains(bytes[$0]) }).randomElement(using: &self) {
                        bytes[i] = UInt8(48 + below(10))
                    }
                }
            }
            return bytes
        }
    }

    private func timed(_ what: String, _ body: () throws -> Void) rethrows {
        let began = Date()
        try body()
        let took = Date().timeIntervalSince(began)
        XCTAssertLessThan(took, 1.0, "\(what) took \(took) s")
    }

    private func keep(_ bytes: [UInt8], kind: String) {
        let file = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("campfire-fuzz-last-\(kind)")
        try? Data(bytes).write(to: file)
    }

    // MARK: Session files

    private func sampleSession(in folder: URL) throws {
        let template = try ContentLibrary.load().template(named: "standard")
        let names = ["Ann", "李明", "Zoë\u{301}", "👩🏽‍🦱 Ama"]
        let store = try SessionStore.create(Session(id: "20261117-0930-cafe", title: "Fuzz", group: nil, facilitator: nil, createdAt: start, template: template), in: folder, at: start)
        for (index, (event, seconds)) in SampleWorkshop.events(template: template, names: names).enumerated() where index < 30 {
            try store.record(event, at: start.addingTimeInterval(seconds))
        }
        store.close(at: start.addingTimeInterval(5000))
        // Put the snapshot back at the start, so opening replays the whole journal.
    }

    func testMutatedJournalsAndSnapshotsNeverCrashAndAreNamed() throws {
        let root = try makeTemporaryFolder(self)
        let original = root.appendingPathComponent("original")
        try sampleSession(in: original)
        let files = ["journal.jsonl", "snapshot.json"]
        var mutator = Mutator(state: seed)
        var opened = 0, readOnly = 0, refused = 0
        for iteration in 0..<iterations {
            for name in files {
                let folder = root.appendingPathComponent("m\(iteration)-\(name)")
                try FileManager.default.copyItem(at: original, to: folder)
                let file = folder.appendingPathComponent(name)
                let mutated = mutator.mutate(Array(try Data(contentsOf: file)))
                keep(mutated, kind: name)
                try Data(mutated).write(to: file)
                try timed("opening with a mutated \(name) (seed \(seed), iteration \(iteration))") {
                    do {
                        let store = try SessionStore.open(folder, readOnly: false, at: start.addingTimeInterval(9000))
                        if store.isReadOnly {
                            readOnly += 1
                            XCTAssertFalse((store.report.messages + store.replayProblems).isEmpty, "read-only without saying why")
                        } else {
                            opened += 1
                        }
                        store.close(at: start.addingTimeInterval(9001))
                    } catch {
                        refused += 1
                        XCTAssertTrue("\(error)".contains(name) || "\(error)".contains(folder.lastPathComponent),
                                      "the message does not name the file: \(error)")
                    }
                }
                try? FileManager.default.removeItem(at: folder)
            }
        }
        print("FAULT-FIGURES fuzz-session inputs=\(iterations * files.count) opened=\(opened) read-only=\(readOnly) refused=\(refused) seed=\(seed)")
    }

    // MARK: Content files

    func testMutatedContentTemplatesAndScenariosNeverCrashAndAreNamed() throws {
        let root = try makeTemporaryFolder(self)
        let resources = try ContentLibrary.resourcesFolder()
        let glossary = try ContentLibrary.load().glossary
        var mutator = Mutator(state: seed &+ 1)
        var accepted = 0, refused = 0
        let contentFiles = ["principles.json", "prompts.json", "glossary.txt"]
        let templates = ContentLibrary.builtInTemplateNames.map { resources.appendingPathComponent("templates/\($0).json") }
        let scenarios = try FileManager.default.contentsOfDirectory(at: resources.appendingPathComponent("scenarios"), includingPropertiesForKeys: nil)
        for iteration in 0..<iterations {
            // Content overrides, one file at a time.
            let name = contentFiles[iteration % contentFiles.count]
            let overrides = root.appendingPathComponent("o\(iteration)")
            try FileManager.default.createDirectory(at: overrides, withIntermediateDirectories: true)
            let mutated = mutator.mutate(Array(try Data(contentsOf: resources.appendingPathComponent("content/\(name)"))))
            keep(mutated, kind: name)
            try Data(mutated).write(to: overrides.appendingPathComponent(name))
            timed("content override \(name), iteration \(iteration)") {
                do { _ = try ContentLibrary.load(overrides: overrides); accepted += 1 } catch {
                    refused += 1
                    XCTAssertTrue("\(error)".contains(name), "not named: \(error)")
                }
            }
            // A template file.
            let template = root.appendingPathComponent("t\(iteration).json")
            let templateBytes = mutator.mutate(Array(try Data(contentsOf: templates[iteration % templates.count])))
            keep(templateBytes, kind: "template")
            try Data(templateBytes).write(to: template)
            timed("template, iteration \(iteration)") {
                do { _ = try ContentLibrary.loadTemplate(at: template); accepted += 1 } catch {
                    refused += 1
                    XCTAssertTrue("\(error)".contains(template.lastPathComponent), "not named: \(error)")
                }
            }
            // A practice scenario.
            let scenarioBytes = mutator.mutate(Array(try Data(contentsOf: scenarios[iteration % scenarios.count])))
            keep(scenarioBytes, kind: "scenario")
            timed("scenario, iteration \(iteration)") {
                do { _ = try ScenarioValidator.load(Data(scenarioBytes), file: "mine.json", glossary: glossary); accepted += 1 } catch {
                    refused += 1
                    XCTAssertTrue("\(error)".contains("mine.json"), "not named: \(error)")
                }
            }
            try? FileManager.default.removeItem(at: overrides)
            try? FileManager.default.removeItem(at: template)
        }
        print("FAULT-FIGURES fuzz-content inputs=\(iterations * 3) accepted=\(accepted) refused=\(refused) seed=\(seed)")
    }
}

extension FaultBadInputTests.Mutator: RandomNumberGenerator {}
