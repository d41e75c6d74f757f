import Foundation

/// Replaces people's names inside free text: whole words, ignoring case and accents, longest names first.
///
/// One pass over the text: at each place the longest name that matches is replaced and the scan
/// moves past the replacement, so a replacement ("Person 2") is never itself searched again.
///
/// "Whole word" means the characters either side of the match are not letters (or combining
/// marks): digits and punctuation are edges, so "Priya123", "42priya" and "@PRIYA" all hold the
/// name Priya, while "Annual" does not hold Ann. Scripts
/// written without spaces between words (Chinese, Japanese, Thai and a few others) have no such
/// edges, so a name in one of them is replaced wherever it appears.
public struct NameReplacer: Sendable {
    private struct Entry: Sendable {
        var folded: [String]
        var replacement: String
        var needsLeadingEdge: Bool
        var needsTrailingEdge: Bool
    }

    private let entries: [Entry]

    /// - Parameter replacements: each name and what to put in its place. Blank names are ignored;
    ///   when the same name appears twice, the first replacement wins.
    public init(_ replacements: [(name: String, replacement: String)]) {
        var seen = Set<[String]>()
        var entries: [Entry] = []
        for (name, replacement) in replacements {
            let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            let folded = trimmed.map(Self.fold)
            guard seen.insert(folded).inserted else { continue }
            entries.append(Entry(
                folded: folded, replacement: replacement,
                needsLeadingEdge: !Self.isUnspacedScript(trimmed.first!),
                needsTrailingEdge: !Self.isUnspacedScript(trimmed.last!)))
        }
        // Longest first, so "Mary Ann" is replaced before "Mary" or "Ann" could be.
        self.entries = entries.enumerated().sorted { a, b in
            a.element.folded.count != b.element.folded.count ? a.element.folded.count > b.element.folded.count : a.offset < b.offset
        }.map(\.element)
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// The text with every name replaced.
    public func apply(_ text: String) -> String {
        guard !entries.isEmpty, !text.isEmpty else { return text }
        let characters = Array(text)
        let folded = characters.map(Self.fold)
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var index = 0
        scan: while index < characters.count {
            for entry in entries where matches(entry, at: index, in: folded, characters) {
                result += Self.startsSentence(result) ? Self.capitalised(entry.replacement) : entry.replacement
                index += entry.folded.count
                continue scan
            }
            result.append(characters[index])
            index += 1
        }
        return result
    }

    /// Whether text that follows `before` starts a sentence ("someone" is then written "Someone").
    static func startsSentence(_ before: String) -> Bool {
        guard let last = before.last(where: { !$0.isWhitespace || $0.isNewline }) else { return true }
        return last.isNewline || [".", "!", "?", ":"].contains(last)
    }

    static func capitalised(_ text: String) -> String {
        guard let first = text.first, first.isLowercase else { return text }
        return first.uppercased() + text.dropFirst()
    }

    /// Whether any of the names appears in `text`.
    public func finds(in text: String) -> Bool { apply(text) != text }

    private func matches(_ entry: Entry, at start: Int, in folded: [String], _ characters: [Character]) -> Bool {
        let end = start + entry.folded.count
        guard end <= folded.count else { return false }
        for offset in 0..<entry.folded.count where folded[start + offset] != entry.folded[offset] { return false }
        if entry.needsLeadingEdge, start > 0, Self.joinsAName(characters[start - 1]) { return false }
        if entry.needsTrailingEdge, end < characters.count, Self.joinsAName(characters[end]) { return false }
        return true
    }

    /// A character compared without case, accents or width ("É" and "e" match).
    static func fold(_ character: Character) -> String {
        String(character).folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// A letter or mark: next to one, a name is part of a longer word. Digits are not.
    static func joinsAName(_ character: Character) -> Bool {
        character.unicodeScalars.contains { CharacterSet.letters.contains($0) || CharacterSet.nonBaseCharacters.contains($0) }
    }

    /// Scripts that do not put spaces between words.
    static func isUnspacedScript(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        if scalar.properties.isIdeographic { return true }
        switch scalar.value {
        case 0x3040...0x30FF,   // Hiragana, Katakana
             0x31F0...0x31FF,   // Katakana extensions
             0x0E00...0x0EFF,   // Thai, Lao
             0x1000...0x109F,   // Myanmar
             0x1780...0x17FF,   // Khmer
             0x0F00...0x0FFF:   // Tibetan
            return true
        default:
            return false
        }
    }
}

extension NameReplacer {
    /// A name compared without case, accents, width or surrounding spaces.
    public static func foldedName(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespacesAndNewlines).map(fold).joined()
    }
}
