import CTextWidth

// MARK: - TextWidth

/// How many terminal columns text occupies.
///
/// Widths come from the C library's `wcwidth`, evaluated under a UTF-8 character type
/// whatever the process locale is (see `CTextWidth`), so they are the same before and
/// after the terminal layer calls `setlocale`. `wcwidth` knows single code points only;
/// a grapheme cluster takes the width of its first scalar, adjusted for emoji:
///
/// - an emoji presentation selector (U+FE0F) makes the cluster 2 columns (`❤️`, `1️⃣`);
/// - a pair of regional indicators (a flag) is 2 columns;
/// - combining marks, ZWJ and variation selectors after the base add nothing, so a ZWJ
///   family is as wide as its first emoji: 2 columns.
///
/// Control characters count as 1 column because ``TextLayout/sanitize(_:)`` shows them as
/// one visible symbol.
public enum TextWidth {
    // MARK: Measuring

    /// Display columns of a string, summed per grapheme cluster.
    /// - Parameter text: The text to measure.
    /// - Returns: Columns the text occupies on one line.
    public static func of(_ text: String) -> Int {
        if let columns = printableASCIIWidth(text) { return columns }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Display columns of one grapheme cluster: 0, 1 or 2.
    /// - Parameter character: The cluster to measure.
    /// - Returns: Columns it occupies.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        // ASCII printable is by far the most common case; skip the C call.
        if first.value >= 0x20 && first.value < 0x7F && scalars.count == 1 { return 1 }
        if scalars.count > 1 {
            if scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
            if isRegionalIndicator(first), scalars.dropFirst().contains(where: isRegionalIndicator) { return 2 }
        }
        return columns(of: first)
    }

    /// The width of text made only of printable ASCII (one column per byte), or nil for any
    /// other text. Most of what is drawn is plain ASCII; looking at its bytes skips the
    /// grapheme breaking and per-cluster measuring that other text needs.
    public static func printableASCIIWidth(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where byte < 0x20 || byte >= 0x7F { return nil }
            return bytes.count
        }
    }

    /// Display columns of one Unicode scalar on its own.
    /// - Parameter scalar: The scalar to measure.
    /// - Returns: 0, 1 or 2; control characters count as 1 (they are shown as a symbol).
    public static func columns(of scalar: Unicode.Scalar) -> Int {
        let width = campfire_wcwidth(scalar.value)
        switch width {
        case 0...2: return Int(width)
        case -2: return fallbackColumns(of: scalar)
        default:
            // -1: a control character, or a code point the C library does not know
            // (unassigned, private use). Sanitized text shows controls as one symbol.
            return isControl(scalar) ? 1 : fallbackColumns(of: scalar)
        }
    }

    /// Whether widths come from the C library (a UTF-8 locale could be loaded) rather than
    /// the built-in approximation.
    public static var usesSystemTable: Bool { campfire_wcwidth_is_reliable() != 0 }

    // MARK: Fallback

    /// An approximation used only when no UTF-8 locale exists on the machine: zero for marks
    /// and format characters, two for East Asian wide ranges and emoji presentation, else one.
    /// - Parameter scalar: The scalar to measure.
    /// - Returns: 0, 1 or 2.
    static func fallbackColumns(of scalar: Unicode.Scalar) -> Int {
        if isControl(scalar) { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    // MARK: Helpers

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
    }

    static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }
}
