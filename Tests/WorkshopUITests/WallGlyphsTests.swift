import Foundation
@testable import WorkshopUI
import XCTest

/// `WallGlyphs.symbols`, the list `campfire doctor` asks the fonts for, holds every symbol the
/// screens draw: a symbol added to a screen and not to the list fails here.
final class WallGlyphsTests: XCTestCase {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources").standardized

    func testEverySymbolTheScreensDrawIsInTheList() throws {
        var missing: [String] = []
        for folder in ["WorkshopUI", "TerminalUI", "campfire"] {
            let walker = try XCTUnwrap(FileManager.default.enumerator(at: Self.sources.appendingPathComponent(folder), includingPropertiesForKeys: nil))
            while let url = walker.nextObject() as? URL {
                guard url.pathExtension == "swift", let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
                for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                    for scalar in line.unicodeScalars where scalar.value > 0x7F && !scalar.properties.isAlphabetic
                        && !scalar.properties.isWhitespace && !scalar.properties.isDefaultIgnorableCodePoint
                        && !WallGlyphs.symbols.unicodeScalars.contains(scalar) {
                        missing.append("\(scalar) (U+\(String(scalar.value, radix: 16, uppercase: true))) in \(url.lastPathComponent)")
                    }
                }
            }
        }
        XCTAssertEqual(missing, [], "add these to WallGlyphs.symbols (and check DejaVu Sans Mono has them)")
    }

    func testTheCharsetIsWrittenAsFontconfigReadsIt() {
        XCTAssertTrue(WallGlyphs.fontconfigCharset.hasPrefix("b7 d7 2013"), WallGlyphs.fontconfigCharset)
        XCTAssertEqual(WallGlyphs.fontconfigCharset.split(separator: " ").count, WallGlyphs.symbols.unicodeScalars.count)
    }
}
