import XCTest
@testable import Workshop

/// The jargon check's quick way for plain ASCII text finds exactly what the careful way finds.
final class GlossaryFastPathTests: XCTestCase {
    func testTheASCIIWayAndTheCharacterWayAgreeOnRandomText() throws {
        let glossary = try ContentLibrary.load().glossary
        let terms = glossary.entries.map(\.term)
        let fillers = ["the", "we", "Care", "PLAN", "a", "co-op", "7", "x2", "", "-", "'s", "budgets", "(", ")", ".", ",", "\t", "and/or", "_"]
        var seed: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(bound))
        }
        var checked = 0, withMatches = 0
        for _ in 0..<3000 {
            var words: [String] = []
            for _ in 0..<(1 + next(14)) {
                var word = next(3) == 0 ? terms[next(terms.count)] : fillers[next(fillers.count)]
                if next(4) == 0 { word = word.uppercased() }
                if next(6) == 0 { word = String(word.prefix(max(0, word.count - 1))) }
                words.append(word)
            }
            let separators = [" ", "", "  ", ", ", "-", "."]
            let text = words.reduce("") { $0 + separators[next(separators.count)] + $1 }
            guard text.utf8.allSatisfy({ $0 < 0x80 }) else { continue }
            let quick = glossary.asciiMatches(in: text)
            XCTAssertEqual(quick, glossary.characterMatches(in: text), text)
            checked += 1
            if !quick.isEmpty { withMatches += 1 }
        }
        XCTAssertGreaterThan(checked, 2000)
        XCTAssertGreaterThan(withMatches, 500, "the texts hold jargon often enough to test the matching")
    }

    func testTextWithOtherCharactersStillGoesTheCarefulWay() throws {
        let glossary = Glossary(entries: [GlossaryEntry(term: "care package", plain: ["support"]), GlossaryEntry(term: "café", plain: ["place"])])
        XCTAssertEqual(glossary.matches(in: "Zoë's care package at the café").map(\.start), [6, 26])
        XCTAssertEqual(glossary.matches(in: "A CARE PACKAGE.").map(\.start), [2])
    }
}
