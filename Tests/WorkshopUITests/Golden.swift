import Foundation
import TerminalUI
import XCTest

/// Compares a whole rendered screen with a golden file: its characters as quoted rows, then the
/// role of every cell, then its bold, underline and reverse (``GridTranscript``), so a change of
/// colour or emphasis fails as surely as a change of words.
///
/// A missing golden is recorded and the test fails, so nothing passes unseen; set
/// CAMPFIRE_RECORD_GOLDENS=1 to re-record on purpose after a deliberate change.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Goldens", isDirectory: true)

    static func assertScreen(_ grid: Grid, named name: String, file: StaticString = #filePath, line: UInt = #line) {
        let url = folder.appendingPathComponent("\(name).txt")
        let actual = GridTranscript.text(of: grid)
        let record = ProcessInfo.processInfo.environment["CAMPFIRE_RECORD_GOLDENS"] == "1"
        guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            if !record { XCTFail("Recorded a new golden screen \(name); look at it, then run again.", file: file, line: line) }
            return
        }
        let found = differences(expected: expected, actual: actual)
        if !found.isEmpty {
            XCTFail("Screen \(name) differs from its golden:\n" + found.prefix(8).joined(separator: "\n"), file: file, line: line)
        }
    }

    // MARK: Differences

    /// Every difference between two transcripts, each naming its block, row and columns.
    /// - Parameters:
    ///   - expected: The golden file's text.
    ///   - actual: The transcript of the screen drawn now.
    /// - Returns: One line per differing row (empty when the two are the same).
    static func differences(expected: String, actual: String) -> [String] {
        let names = ["text", "roles", "attributes"]
        let expectedBlocks = blocks(expected)
        let actualBlocks = blocks(actual)
        var found: [String] = []
        for index in 0..<max(expectedBlocks.count, actualBlocks.count, names.count) {
            let name = index < names.count ? names[index] : "block \(index + 1)"
            guard index < expectedBlocks.count else { found.append("\(name): not in the golden (re-record it)"); continue }
            guard index < actualBlocks.count else { found.append("\(name): in the golden but not on the screen"); continue }
            var want = expectedBlocks[index]
            var got = actualBlocks[index]
            if index > 0 {
                // The legend line first: a changed legend changes the meaning of every letter.
                let wantLegend = want.isEmpty ? "" : want.removeFirst()
                let gotLegend = got.isEmpty ? "" : got.removeFirst()
                if wantLegend != gotLegend { found.append("\(name) legend:\n  expected \(wantLegend)\n  actual   \(gotLegend)") }
            }
            for row in 0..<max(want.count, got.count) {
                let wantRow = row < want.count ? want[row] : "(none)"
                let gotRow = row < got.count ? got[row] : "(none)"
                guard wantRow != gotRow else { continue }
                if index == 0 {
                    found.append("text row \(row), from column \(firstDifferentColumn(wantRow, gotRow)):\n  expected \(wantRow)\n  actual   \(gotRow)")
                } else {
                    found.append("\(name) row \(row), " + letterDifferences(wantRow, gotRow, isRole: index == 1) + ":\n  expected \(wantRow)\n  actual   \(gotRow)")
                }
            }
        }
        return found
    }

    /// The transcript's blocks (separated by a blank line), each a list of lines.
    private static func blocks(_ text: String) -> [[String]] {
        text.components(separatedBy: "\n\n").map { block in
            block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
        }
    }

    /// The screen column where two quoted text rows first differ (wide characters count two).
    private static func firstDifferentColumn(_ want: String, _ got: String) -> Int {
        var column = 0
        for (a, b) in zip(unquoted(want), unquoted(got)) {
            if a != b { return column }
            column += TextWidth.of(a)
        }
        return column
    }

    /// "column 17: expected T (title), actual . (text)", or a run of columns with the same change.
    private static func letterDifferences(_ want: String, _ got: String, isRole: Bool) -> String {
        let wantLetters = Array(unquoted(want))
        let gotLetters = Array(unquoted(got))
        var runs: [String] = []
        var column = 0
        while column < max(wantLetters.count, gotLetters.count) {
            let a = column < wantLetters.count ? wantLetters[column] : " "
            let b = column < gotLetters.count ? gotLetters[column] : " "
            guard a != b else { column += 1; continue }
            var end = column
            while end + 1 < max(wantLetters.count, gotLetters.count),
                  (end + 1 < wantLetters.count ? wantLetters[end + 1] : " ") == a,
                  (end + 1 < gotLetters.count ? gotLetters[end + 1] : " ") == b { end += 1 }
            let columns = end == column ? "column \(column)" : "columns \(column)-\(end)"
            runs.append("\(columns): expected \(GridTranscript.describe(a, isRole: isRole)), actual \(GridTranscript.describe(b, isRole: isRole))")
            column = end + 1
        }
        return runs.prefix(4).joined(separator: "; ")
    }

    private static func unquoted(_ row: String) -> Substring {
        guard row.count >= 2, row.first == "\"", row.last == "\"" else { return Substring(row) }
        return row.dropFirst().dropLast()
    }
}
