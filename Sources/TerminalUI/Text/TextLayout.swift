// MARK: - TextLayout

/// Making untrusted text safe and fitting it into columns.
///
/// Everything people type, paste or load from files passes through here before it reaches
/// the terminal. All functions measure with ``TextWidth`` and work on whole grapheme
/// clusters, so an accent is never separated from its letter nor an emoji sequence broken.
public enum TextLayout {
    // MARK: Sanitizing

    /// The symbol shown in place of a control character.
    public static let replacementCharacter: Character = "\u{FFFD}"

    /// Text with nothing in it that could drive the terminal.
    ///
    /// - C0 controls (U+0000–U+001F, including ESC), DEL (U+007F) and C1 controls
    ///   (U+0080–U+009F) become U+FFFD REPLACEMENT CHARACTER (`�`), so an escape sequence
    ///   such as `ESC [2J` shows as `�[2J` and cannot clear the screen.
    /// - Tab, and line breaks (`\n`, `\r`, `\r\n`, U+2028, U+2029), become one space:
    ///   the result is for one row; ``wrap(_:width:)`` splits lines before sanitizing.
    /// - Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069)
    ///   are dropped, so a name cannot reverse the rest of the row.
    /// - Zero-width joiners, variation selectors and combining marks are kept.
    /// - Parameter text: Untrusted text.
    /// - Returns: Text safe to write to one row of the terminal.
    public static func sanitize(_ text: String) -> String {
        // Fast paths: nothing to change in ordinary text.
        if TextWidth.printableASCIIWidth(text) != nil { return text }
        if !text.unicodeScalars.contains(where: needsSanitizing) { return text }
        var result = String.UnicodeScalarView()
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar.value {
            case 0x0A where previousWasCarriageReturn:
                continue  // "\r\n" is one line break: already a space
            case 0x09, 0x0A, 0x0D, 0x2028, 0x2029:
                result.append(" ")
            case 0x00...0x1F, 0x7F...0x9F:
                result.append("\u{FFFD}")
            case 0x202A...0x202E, 0x2066...0x2069:
                continue
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func needsSanitizing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    // MARK: Wrapping

    /// Word-wraps text to lines of at most `width` columns.
    ///
    /// Honours line breaks (`\n`, `\r\n`, `\r`); an empty line stays an empty line. Words
    /// are split at spaces; spaces at a wrap point are dropped. A word longer than the width
    /// is broken between grapheme clusters. A cluster wider than the whole width (a CJK
    /// character when the width is 1) is replaced by `…` so no line is ever too wide.
    /// Each line is sanitized.
    /// - Parameters:
    ///   - text: The text to wrap.
    ///   - width: Maximum columns per line.
    /// - Returns: The lines (none if `width` is less than 1; one empty line for empty text).
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        // Most texts on a screen are one line of plain ASCII that fits (a name, a label):
        // such a text is its own one line, unless it ends in spaces, which wrapping drops.
        if let columns = TextWidth.printableASCIIWidth(text), columns <= width, text.utf8.last != UInt8(ascii: " ") {
            return [text]
        }
        return wrapEveryLine(text, width: width)
    }

    /// ``wrap(_:width:)`` without its quick answer for one short line (tested against it).
    static func wrapEveryLine(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        // "\r\n" is a single Character in Swift, so all three line breaks are one separator each.
        let paragraphs = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        for paragraph in paragraphs {
            lines.append(contentsOf: wrapParagraph(sanitize(String(paragraph)), width: width))
        }
        return lines
    }

    private static func wrapParagraph(_ paragraph: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = "", lineWidth = 0
        var pendingSpaces = 0
        var word = "", wordWidth = 0
        var atParagraphStart = true

        func place(_ word: String, _ wordWidth: Int) {
            // Spaces before a word are kept only if the word fits after them on this line;
            // at the very start of the paragraph they are kept as indentation.
            if !line.isEmpty || atParagraphStart {
                if lineWidth + pendingSpaces + wordWidth <= width {
                    line += String(repeating: " ", count: pendingSpaces)
                    lineWidth += pendingSpaces
                    line += word
                    lineWidth += wordWidth
                    pendingSpaces = 0
                    atParagraphStart = false
                    return
                }
                if !line.isEmpty {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
            }
            pendingSpaces = 0
            atParagraphStart = false
            if wordWidth <= width {
                line = word
                lineWidth = wordWidth
                return
            }
            // Too long for any line: break between clusters.
            for character in word {
                var piece = String(character)
                var pieceWidth = TextWidth.of(character)
                if pieceWidth > width { piece = "…"; pieceWidth = 1 }
                if lineWidth + pieceWidth > width {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                line += piece
                lineWidth += pieceWidth
            }
        }

        for character in paragraph {
            if character == " " {
                if !word.isEmpty { place(word, wordWidth); word = ""; wordWidth = 0 }
                pendingSpaces += 1
            } else {
                word.append(character)
                wordWidth += TextWidth.of(character)
            }
        }
        if !word.isEmpty { place(word, wordWidth) }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    // MARK: Truncating and padding

    /// Shortens sanitized text to at most `width` columns, ending with `ellipsis` when cut.
    ///
    /// Never splits a grapheme cluster: if a wide character would straddle the limit, it is
    /// left out and the line is one column short.
    /// - Parameters:
    ///   - text: The text to shorten (sanitized first).
    ///   - width: Maximum columns.
    ///   - ellipsis: What marks the cut; dropped if it alone is wider than `width`.
    /// - Returns: Text of at most `width` columns.
    public static func truncate(_ text: String, width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        let clean = sanitize(text)
        if TextWidth.of(clean) <= width { return clean }
        let ellipsisWidth = TextWidth.of(ellipsis)
        let mark = ellipsisWidth <= width ? sanitize(ellipsis) : ""
        let budget = width - (mark.isEmpty ? 0 : ellipsisWidth)
        return prefix(clean, width: budget) + mark
    }

    /// Truncates or pads sanitized text with spaces to exactly `width` columns.
    /// - Parameters:
    ///   - text: The text to fit.
    ///   - width: Exact columns wanted.
    /// - Returns: Text of exactly `width` columns (empty if `width` is less than 1).
    public static func pad(_ text: String, width: Int) -> String {
        aligned(text, width: width, alignment: .left)
    }

    /// Truncates or pads sanitized text to exactly `width` columns with the given alignment.
    /// - Parameters:
    ///   - text: The text to fit.
    ///   - width: Exact columns wanted.
    ///   - alignment: Where the text sits when shorter than `width`.
    /// - Returns: Text of exactly `width` columns (empty if `width` is less than 1).
    public static func aligned(_ text: String, width: Int, alignment: Alignment) -> String {
        guard width > 0 else { return "" }
        let fitted = truncate(text, width: width)
        let spare = width - TextWidth.of(fitted)
        let left: Int
        switch alignment {
        case .left: left = 0
        case .centre: left = spare / 2
        case .right: left = spare
        }
        return String(repeating: " ", count: left) + fitted + String(repeating: " ", count: spare - left)
    }

    /// The longest run of whole clusters from the start of `text` that fits in `width` columns.
    /// - Parameters:
    ///   - text: Sanitized text.
    ///   - width: Maximum columns.
    /// - Returns: The fitting prefix.
    public static func prefix(_ text: String, width: Int) -> String {
        if let columns = TextWidth.printableASCIIWidth(text) {
            return columns <= width ? text : String(decoding: text.utf8.prefix(max(0, width)), as: UTF8.self)
        }
        var result = "", used = 0
        for character in text {
            let columns = TextWidth.of(character)
            if used + columns > width { break }
            result.append(character)
            used += columns
        }
        return result
    }
}
