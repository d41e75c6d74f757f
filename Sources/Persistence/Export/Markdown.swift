import Foundation

/// Writing people's words into CommonMark so that the words can never change the structure:
/// no stray headings, lists, emphasis, code, links, HTML or table columns.
public enum Markdown {

    /// Characters escaped with a backslash wherever they appear. Every ASCII punctuation character
    /// may be escaped in CommonMark; these are the ones that can start or end structure inline.
    private static let alwaysEscaped: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "#", "|", "~", "&", "!"]

    /// One line of text for a paragraph, heading, list item or table cell: line breaks become
    /// spaces, control characters are dropped, and anything Markdown would read as structure is escaped.
    public static func inline(_ text: String) -> String {
        let line = lines(of: text).joined(separator: " ")
        return escapeLine(line)
    }

    /// A paragraph that keeps the writer's line breaks (as hard line breaks). Blank lines are
    /// dropped, so a paragraph stays one paragraph.
    public static func paragraph(_ text: String) -> String {
        lines(of: text).map(escapeLine).joined(separator: "\\\n")
    }

    /// The text's lines, trimmed, without empty ones or control characters.
    static func lines(of text: String) -> [String] {
        var cleaned = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x0D, 0x0B, 0x0C, 0x85, 0x2028, 0x2029: cleaned.append("\n")
            case 0x09: cleaned.append(" ")
            case 0x00...0x1F, 0x7F...0x9F: continue
            default: cleaned.unicodeScalars.append(scalar)
            }
        }
        return cleaned.split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    /// Escapes one line (no line breaks in it).
    static func escapeLine(_ line: String) -> String {
        var out = ""
        let characters = Array(line)
        for (index, character) in characters.enumerated() {
            if alwaysEscaped.contains(character) {
                out.append("\\")
            } else if index == 0, ["-", "+", "="].contains(character) {
                // A list item, a setext underline or a thematic break when it starts a line.
                out.append("\\")
            } else if [".", ")"].contains(character), index > 0, index <= 9,
                      characters[0..<index].allSatisfy({ $0.isASCII && $0.isNumber }),
                      index + 1 == characters.count || characters[index + 1] == " " {
                // "1. " or "1)" at the start of a line would begin a numbered list.
                out.append("\\")
            }
            out.append(character)
        }
        return out
    }

    /// A table row from cells already escaped with `inline`.
    static func row(_ cells: [String]) -> String {
        "| " + cells.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |"
    }
}
