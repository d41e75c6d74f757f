import Foundation
import XCTest

/// Every character Campfire itself draws (symbols, bars, the timer, the stick, the words of its
/// content files) is in DejaVu Sans Mono, the font most Linux terminals use, so none shows as
/// an empty box. Checked against the font file itself with fontconfig's `fc-query`.
final class GlyphCoverageTests: XCTestCase {
    static let font = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized

    /// The code points the font covers, from fc-query's charset ("20-7e a0-17f ...").
    static func coverage() throws -> [ClosedRange<UInt32>] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/fc-query")
        process.arguments = ["--format=%{charset}", font]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.split(separator: " ").compactMap { part in
            let ends = part.split(separator: "-").compactMap { UInt32($0, radix: 16) }
            guard let first = ends.first else { return nil }
            return first...(ends.last ?? first)
        }
    }

    /// Characters above ASCII in the program's own text: Swift sources (comments left out)
    /// and the content files, with where each was found.
    static func charactersCampfireDraws() throws -> [Unicode.Scalar: String] {
        var found: [Unicode.Scalar: String] = [:]
        let sources = root.appendingPathComponent("Sources")
        let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        // The key storm and its runner are test tools, not screens: they paste names in any script.
        let tools = ["Sources/ConsoleKeyStorm/", "Sources/keystorm/"]
        while let url = walker.nextObject() as? URL {
            let relative = url.path.replacingOccurrences(of: root.path + "/", with: "")
            if tools.contains(where: { relative.hasPrefix($0) }) { continue }
            guard ["swift", "json", "txt", "md", "yaml", "toml"].contains(url.pathExtension),
                  let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") {
                if url.pathExtension == "swift", line.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
                for scalar in line.unicodeScalars where scalar.value > 0x7F && found[scalar] == nil {
                    found[scalar] = url.path.replacingOccurrences(of: root.path + "/", with: "")
                }
            }
        }
        return found
    }

    func testTheFontCheckWorks() throws {
        let coverage = try Self.coverage()
        func has(_ scalar: Unicode.Scalar) -> Bool { coverage.contains { $0.contains(scalar.value) } }
        XCTAssertTrue(has("A"))
        XCTAssertTrue(has("█"))
        // The emoji the wall used to draw, which showed as empty boxes.
        XCTAssertFalse(has("🔥"))
        XCTAssertFalse(has("⏱"))
    }

    func testEveryCharacterCampfireDrawsIsInDejaVuSansMono() throws {
        let coverage = try Self.coverage()
        let characters = try Self.charactersCampfireDraws()
        XCTAssertGreaterThan(characters.count, 10, "the scan found Campfire's symbols")
        XCTAssertNotNil(characters["●"], "the dots are among them")
        for (scalar, file) in characters.sorted(by: { $0.key.value < $1.key.value }) {
            // Variation selectors and joiners are not drawn on their own.
            if (0xFE00...0xFE0F).contains(scalar.value) || scalar.value == 0x200D || scalar.value == 0x200E || scalar.value == 0x200F || (0x2066...0x2069).contains(scalar.value) { continue }
            XCTAssertTrue(coverage.contains { $0.contains(scalar.value) },
                          "U+\(String(scalar.value, radix: 16, uppercase: true)) \(scalar) in \(file) is not in DejaVu Sans Mono")
        }
    }
}
