import Foundation
import TerminalUI
import XCTest

/// Compares a whole rendered screen with a golden file of quoted rows.
///
/// A missing golden is recorded and the test fails, so nothing passes unseen; set
/// CAMPFIRE_RECORD_GOLDENS=1 to re-record on purpose after a deliberate change.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens", isDirectory: true)

    static func assertScreen(_ grid: Grid, named name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = folder.appendingPathComponent("\(name).txt")
        let actual = grid.quotedRows()
        let record = ProcessInfo.processInfo.environment["CAMPFIRE_RECORD_GOLDENS"] == "1"
        guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            if !record { XCTFail("Recorded a new golden screen \(name); look at it, then run again.", file: file, line: line) }
            return
        }
        if actual != expected {
            let expectedRows = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualRows = actual.split(separator: "\n", omittingEmptySubsequences: false)
            var differences: [String] = []
            for index in 0..<max(expectedRows.count, actualRows.count) {
                let want = index < expectedRows.count ? String(expectedRows[index]) : "(none)"
                let got = index < actualRows.count ? String(actualRows[index]) : "(none)"
                if want != got { differences.append("row \(index):\n  expected \(want)\n  actual   \(got)") }
            }
            XCTFail("Screen \(name) differs from its golden:\n" + differences.prefix(6).joined(separator: "\n"), file: file, line: line)
        }
    }
}
