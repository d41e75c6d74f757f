// MARK: - BidiIsolation

/// Keeps right-to-left text (Arabic, Hebrew, …) from pulling the columns beside it across.
///
/// Terminals that apply the Unicode bidirectional algorithm (GNOME Terminal and other VTE
/// terminals, Konsole, mlterm, macOS Terminal) treat numbers after Arabic letters as part of
/// the right-to-left run, so "○ مريم 0 0:00" is shown as "○ 0:00 0 ميرم". A left-to-right
/// mark (U+200E, no width) after each right-to-left phrase ends the run there. Words of one
/// phrase ("مريم علي") are kept together, so their own order is untouched.
public enum BidiIsolation {
    /// The left-to-right mark.
    public static let leftToRightMark: Unicode.Scalar = "\u{200E}"

    /// Whether a scalar is a strong right-to-left letter or belongs with one (Hebrew, Arabic,
    /// Syriac, Thaana, N'Ko and their presentation forms and marks).
    public static func isRightToLeft(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0590...0x08FF, 0xFB1D...0xFDFF, 0xFE70...0xFEFC, 0x10800...0x10FFF, 0x1E800...0x1EFFF: return true
        default: return false
        }
    }

    /// Whether a scalar ends a right-to-left phrase: a left-to-right letter or a digit.
    /// Spaces and punctuation in between do not; they may join two right-to-left words.
    private static func endsPhrase(_ scalar: Unicode.Scalar) -> Bool {
        if isRightToLeft(scalar) { return false }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || (scalar.value >= 0x30 && scalar.value <= 0x39)
    }

    /// `text` with a left-to-right mark after each right-to-left phrase; unchanged (and not
    /// copied) when it has no right-to-left letters. The marks take no columns.
    public static func isolate(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isRightToLeft) else { return text }
        var result = String.UnicodeScalarView()
        var pending = false  // a right-to-left phrase is open
        var held = String.UnicodeScalarView()  // neutrals after it, not yet placed
        for scalar in text.unicodeScalars {
            if isRightToLeft(scalar) {
                result.append(contentsOf: held)
                held.removeAll()
                result.append(scalar)
                pending = true
            } else if pending, scalar == leftToRightMark {
                continue
            } else if pending, !endsPhrase(scalar) {
                held.append(scalar)
            } else {
                if pending {
                    result.append(leftToRightMark)
                    pending = false
                }
                result.append(contentsOf: held)
                held.removeAll()
                result.append(scalar)
            }
        }
        if pending { result.append(leftToRightMark) }
        result.append(contentsOf: held)
        return String(result)
    }
}
