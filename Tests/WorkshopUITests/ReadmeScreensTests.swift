import Foundation
import XCTest

/// The README's pictures of the console and the wall are the golden screens' text, so they
/// show what Campfire draws today (they had fallen behind: a cut hint, a cut title).
final class ReadmeScreensTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    private func goldenText(_ name: String) throws -> String {
        let golden = try String(contentsOf: Golden.folder.appendingPathComponent("\(name).txt"), encoding: .utf8)
        let text = golden.components(separatedBy: "\n\n")[0].trimmingCharacters(in: .newlines)
        return text.split(separator: "\n").map { String($0.dropFirst().dropLast()).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }.joined(separator: "\n")
    }

    private func block(after heading: String, in readme: String) throws -> String {
        let start = try XCTUnwrap(readme.range(of: heading), "README has \(heading)")
        let open = try XCTUnwrap(readme.range(of: "```\n", range: start.upperBound..<readme.endIndex))
        let close = try XCTUnwrap(readme.range(of: "```", range: open.upperBound..<readme.endIndex))
        return String(readme[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .newlines)
    }

    func testTheReadmeShowsTheScreensAsTheyAre() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        XCTAssertEqual(try block(after: "The facilitator's console during the campfire round (80x24):", in: readme), try goldenText("console-storytelling-80x24"))
        XCTAssertEqual(try block(after: "The same moment on the projector, for the room:", in: readme), try goldenText("projector-storytelling-80x24"))
    }
}
