@testable import ConsoleKeyStorm
import Foundation
import TerminalUI
import Workshop
import XCTest

/// The console's model-based key test with fixed seeds (the long run is `Scripts/keystorm`).
final class KeyStormTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("keystorm-tests-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Fixed seeds, every built-in template (empty and the sample at a random step) and practice
    /// runs of every scenario, each key checked against every promise.
    func testFixedSeedsKeepEveryPromise() throws {
        let storm = try KeyStorm(scratch: scratch)
        var figures = KeyStorm.Figures()
        for seed in UInt64(1)...40 {
            if let failure = storm.run(seed: seed, keyCount: 250, figures: &figures) {
                XCTFail("\(failure)")
            }
        }
        XCTAssertEqual(figures.sequences, 40)
        XCTAssertEqual(figures.keys, 40 * 250)
        XCTAssertGreaterThan(figures.events, 500, "the keys did change things")
        XCTAssertGreaterThan(figures.reopenings, 5, "quitting and opening again was tried")
    }

    /// The same seed gives the same keys, so a failure always replays.
    func testASeedAlwaysGivesTheSameKeys() {
        XCTAssertEqual(KeyStorm.keys(seed: 7, count: 300), KeyStorm.keys(seed: 7, count: 300))
        XCTAssertNotEqual(KeyStorm.keys(seed: 7, count: 300), KeyStorm.keys(seed: 8, count: 300))
    }
}

/// Named regressions of the key storm's own checks.
final class KeyStormCheckTests: XCTestCase {
    /// The merge box opens holding what it saves (the marked wordings' words): Enter on it at once
    /// is the merge `m` asked for, not "a box saved unchanged wrote an event". Before the storm
    /// knew this, these keys failed it.
    func testMergingTwoWordingsAtOnceIsNotAnUnchangedBoxWritingAnEvent() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("keystorm-merge-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let storm = try KeyStorm(scratch: scratch)
        let outcome = storm.run(start: .sample(template: "standard", step: FlowStep(.goal)), keys: [.character(" "), .down, .character(" "), .character("m"), .enter])
        XCTAssertNil(outcome.failure, "\(outcome.failure.map { "\($0)" } ?? "")")
        XCTAssertEqual(outcome.events, 1, "the merge was saved")
    }
}
