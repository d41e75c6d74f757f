import Foundation
import TerminalUI
@testable import Workshop
@testable import WorkshopUI
import XCTest

/// Right-to-left names beside numbers keep the columns in order in a terminal that applies
/// the Unicode bidi algorithm. The rendered rows are reordered by GNU FriBidi (the `fribidi`
/// command, as VTE terminals do with a left-to-right paragraph) and everything that is not a
/// right-to-left letter must come out in the same order as it went in.
final class BidiRowsTests: XCTestCase {
    static let names = ["مريم", "Tom", "נועה", "Sam"]

    /// The rows as a bidi terminal shows them, one per input row.
    static func reordered(_ rows: [String]) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/fribidi")
        process.arguments = ["--ltr", "--nopad", "--nobreak", "--width", "1000"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(rows.joined(separator: "\n").appending("\n").data(using: .utf8)!)
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// What must not move: every character but right-to-left letters, marks and spaces.
    static func columns(_ row: String) -> String {
        String(String.UnicodeScalarView(row.unicodeScalars.filter { !BidiIsolation.isRightToLeft($0) && $0 != BidiIsolation.leftToRightMark && $0 != " " }))
    }

    /// Every row with a right-to-left name on the screens where names sit beside numbers.
    static func rowsWithNames() -> [(place: String, row: String)] {
        var rows: [(String, String)] = []
        let places: [(String, FlowStep, Layout)] = [
            ("people panel", FlowStep(.storytelling), .console),
            ("stories on the wall", FlowStep(.storytelling), .projector),
            ("scores", FlowStep(principle: .reciprocity, phase: .score), .console),
            ("dots", FlowStep(.choose), .console),
            ("dots on the wall", FlowStep(.choose), .projector),
            ("actions", FlowStep(.actions), .console),
            ("close", FlowStep(.close), .projector),
        ]
        for (place, step, layout) in places {
            let (app, _) = ScreenFixtures.app(at: step, names: names)
            app.state.layout = layout
            for size in [(80, 24), (160, 48)] {
                for row in ConsoleScreen.render(app, width: size.0, height: size.1).rows where row.unicodeScalars.contains(where: BidiIsolation.isRightToLeft) {
                    rows.append(("\(place) \(size.0)x\(size.1)", row))
                }
            }
        }
        return rows
    }

    func testFriBidiSeesTheFaultWithoutTheMark() throws {
        let shown = try Self.reordered(["│ ○ مريم 0 0:00"])
        XCTAssertNotEqual(Self.columns(shown[0]), Self.columns("│ ○ مريم 0 0:00"), "without a mark the numbers move")
    }

    func testColumnsKeepTheirOrderBesideArabicAndHebrewNames() throws {
        let rows = Self.rowsWithNames()
        XCTAssertTrue(rows.contains { $0.place.hasPrefix("people panel") && $0.row.contains("0:00") || $0.row.contains(":") }, "the people panel's tally rows are among them")
        XCTAssertTrue(rows.contains { $0.row.contains("נועה") }, "Hebrew names too")
        XCTAssertTrue(rows.contains { $0.place.hasPrefix("dots") && $0.row.contains("●") }, "the dots rows too")
        // The same rows without their marks do scramble: the check is not empty.
        let bare = try Self.reordered(rows.map { $0.row.replacingOccurrences(of: "\u{200E}", with: "") })
        let scrambled = rows.indices.filter { Self.columns(bare[$0]) != Self.columns(rows[$0].row) }
        XCTAssertGreaterThan(scrambled.count, 5, "rows that a bidi terminal would scramble without the marks")
        let shown = try Self.reordered(rows.map(\.row))
        for (index, entry) in rows.enumerated() {
            XCTAssertEqual(Self.columns(shown[index]), Self.columns(entry.row), "\(entry.place): “\(entry.row)” is shown as “\(shown[index])”")
        }
    }
}
