import Foundation

/// One jargon term and its plain alternatives.
public struct GlossaryEntry: Equatable, Hashable, Sendable {
    public var term: String
    public var plain: [String]

    public init(term: String, plain: [String]) {
        self.term = term
        self.plain = plain
    }
}

/// Where a jargon term was found in some text.
public struct JargonMatch: Equatable, Hashable, Sendable {
    /// The characters of the match, as offsets in the text's `Character`s.
    public var start: Int
    public var length: Int
    public var entry: GlossaryEntry

    public init(start: Int, length: Int, entry: GlossaryEntry) {
        self.start = start
        self.length = length
        self.entry = entry
    }
}

/// The jargon buster: maps jargon to plain words. A plain text file a user can extend.
///
/// Format: one entry per line, `jargon term = plain words / other plain words`;
/// `#` starts a comment; blank lines are ignored.
public struct Glossary: Equatable, Sendable {
    public private(set) var entries: [GlossaryEntry]
    /// Each term's characters, built once: matching runs on every keystroke.
    private let termCharacters: [[Character]]
    /// Each term's bytes when it is plain ASCII (nil otherwise), for the fast path of ``matches(in:)``.
    private let termBytes: [[UInt8]?]
    /// Each ASCII term's first byte and length (0 for a term that is not ASCII), so a text is
    /// checked against a term only where a word starts with that byte, without touching the rest.
    private let termFirstBytes: [UInt8]
    private let termLengths: [Int]

    public init(entries: [GlossaryEntry]) {
        // Longest terms first, so "personal budget" wins over "budget".
        self.entries = entries.sorted { $0.term.count != $1.term.count ? $0.term.count > $1.term.count : $0.term < $1.term }
        self.termCharacters = self.entries.map { Array($0.term) }
        self.termBytes = self.entries.map { entry in entry.term.utf8.allSatisfy { $0 < 0x80 } ? Array(entry.term.utf8) : nil }
        self.termFirstBytes = termBytes.map { $0?.first ?? 0 }
        self.termLengths = termBytes.map { $0?.count ?? 0 }
    }

    /// Reads the glossary format.
    /// - Throws: `PlainFileError` naming the line of the first problem.
    public static func parse(_ text: String, file: String) throws(PlainFileError) -> Glossary {
        var entries: [GlossaryEntry] = []
        var seen = Set<String>()
        // Plain Substring work rather than Foundation's trimming: this runs at every start.
        func trim(_ text: Substring) -> Substring {
            var text = text
            while let first = text.first, first.isWhitespace { text.removeFirst() }
            while let last = text.last, last.isWhitespace { text.removeLast() }
            return text
        }
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let trimmed = trim(line)
            if trimmed.isEmpty { continue }
            let parts = trimmed.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                throw PlainFileError(file: file, line: offset + 1, problem: "each line should look like \"jargon = plain words\".")
            }
            let term = trim(parts[0]).lowercased()
            let plain = parts[1].split(separator: "/").map { String(trim($0)) }.filter { !$0.isEmpty }
            guard !term.isEmpty else { throw PlainFileError(file: file, line: offset + 1, problem: "the jargon term before \"=\" is empty.") }
            guard !plain.isEmpty else { throw PlainFileError(file: file, line: offset + 1, problem: "there are no plain words after \"=\" for \"\(term)\".") }
            guard seen.insert(term).inserted else { continue }
            entries.append(GlossaryEntry(term: term, plain: plain))
        }
        return Glossary(entries: entries)
    }

    /// Adds entries from another glossary; the other's wording wins for the same term.
    public func merged(with other: Glossary) -> Glossary {
        let theirs = Set(other.entries.map(\.term))
        return Glossary(entries: entries.filter { !theirs.contains($0.term) } + other.entries)
    }

    /// Every jargon term in the text, whole words only, case-insensitive, not overlapping.
    public func matches(in text: String) -> [JargonMatch] {
        guard !entries.isEmpty, !text.isEmpty else { return [] }
        // Most text is plain ASCII: then a character is a byte, and comparing bytes is about twenty
        // times quicker than comparing `Character`s (reopening a workshop checks every saved text
        // once: docs/performance.md). The result is the same; a test compares the two ways.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiMatches(in: text) }
        return characterMatches(in: text)
    }

    /// ``matches(in:)`` for plain ASCII text, by bytes.
    func asciiMatches(in text: String) -> [JargonMatch] {
        var bytes = Array(text.utf8)
        for i in bytes.indices where bytes[i] >= UInt8(ascii: "A") && bytes[i] <= UInt8(ascii: "Z") { bytes[i] += 32 }
        func isWordByte(_ byte: UInt8) -> Bool {
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }
        func isBoundary(_ index: Int) -> Bool {
            guard index >= 0, index < bytes.count else { return true }
            return !isWordByte(bytes[index])
        }
        // Where words start, by their first byte: a term can only match at one of these, so each
        // term looks only there, in the same order as going through every position would.
        var starts = [[Int]](repeating: [], count: 128)
        var startsWith = [Bool](repeating: false, count: 128)
        for index in bytes.indices where isBoundary(index - 1) && !isBoundary(index) {
            starts[Int(bytes[index])].append(index)
            startsWith[Int(bytes[index])] = true
        }
        var taken = [Bool](repeating: false, count: bytes.count)
        var found: [JargonMatch] = []
        // By index, looking first at the term's first byte and length only: most terms start
        // with a letter no word of a short text starts with, and copying every entry to find
        // that out was most of the time of checking a workshop's saved texts (docs/performance.md).
        for termIndex in termLengths.indices {
            // A term with other characters than ASCII cannot be in ASCII text.
            let length = termLengths[termIndex]
            guard length > 0, length <= bytes.count else { continue }
            let first = termFirstBytes[termIndex]
            if isWordByte(first) && !startsWith[Int(first)] { continue }
            guard let term = termBytes[termIndex] else { continue }
            // A term starting with a character that is not a letter or digit can start anywhere.
            let candidates = isWordByte(first) ? starts[Int(first)] : Array(bytes.indices)
            var next = 0
            for index in candidates where index >= next {
                guard index + term.count <= bytes.count else { break }
                if bytes[index] == first, isBoundary(index - 1), isBoundary(index + term.count),
                   bytes[index..<index + term.count].elementsEqual(term),
                   !taken[index..<index + term.count].contains(true) {
                    found.append(JargonMatch(start: index, length: term.count, entry: entries[termIndex]))
                    for i in index..<index + term.count { taken[i] = true }
                    next = index + term.count
                }
            }
        }
        return found.sorted { $0.start < $1.start }
    }

    /// ``matches(in:)`` for any text, by `Character`s.
    func characterMatches(in text: String) -> [JargonMatch] {
        let characters = Array(text.lowercased())
        // Lower-casing can change the number of characters for a few scripts; then fall back to no matches rather than wrong offsets.
        guard characters.count == text.count else { return [] }
        var taken = [Bool](repeating: false, count: characters.count)
        var found: [JargonMatch] = []
        for (entry, term) in zip(entries, termCharacters) {
            guard !term.isEmpty, term.count <= characters.count else { continue }
            var index = 0
            while index + term.count <= characters.count {
                if characters[index] == term[0], Array(characters[index..<index + term.count]) == term,
                   isBoundary(characters, index - 1), isBoundary(characters, index + term.count),
                   !taken[index..<index + term.count].contains(true) {
                    found.append(JargonMatch(start: index, length: term.count, entry: entry))
                    for i in index..<index + term.count { taken[i] = true }
                    index += term.count
                } else {
                    index += 1
                }
            }
        }
        return found.sorted { $0.start < $1.start }
    }

    private func isBoundary(_ characters: [Character], _ index: Int) -> Bool {
        guard index >= 0, index < characters.count else { return true }
        return !(characters[index].isLetter || characters[index].isNumber)
    }
}
