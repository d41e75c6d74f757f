import Plot

/// Words people typed, made safe for a page and marked with their language and direction.
///
/// Every character that means something in HTML (`&` `<` `>` `"` `'`) is escaped here, by
/// Campfire, rather than by Plot: Plot leaves what looks like an entity (`&amp;`) as it is, so a
/// person who typed "&amp;" would see "&". Control characters are dropped.
///
/// Runs of Arabic or Hebrew letters are isolated (`<bdi dir="rtl">`) so a name like مريم keeps
/// its shape and cannot reorder the sentence around it; runs of Chinese, Japanese or Korean are
/// marked with their language so the browser picks a font that draws them the way that
/// language writes them. Spaces and punctuation between two runs of one script stay inside it.
public enum MarkedText {

    /// The text as escaped, marked HTML. Line breaks become `<br>` when `keepLines`, else spaces.
    public static func html(_ text: String, keepLines: Bool = false) -> String {
        var out = ""
        var run: (script: Script, text: String)?
        var pending = ""

        func flushRun() {
            guard let current = run else { return }
            out += current.script.open(current.text) + escaped(current.text) + current.script.close
            run = nil
        }
        func flushPending() {
            out += escaped(pending)
            pending = ""
        }

        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                flushRun()
                flushPending()
                out += keepLines ? "<br>" : " "
                continue
            }
            if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format && scalar.value != 0x200D {
                continue
            }
            guard let script = Script(scalar) else {
                pending.unicodeScalars.append(scalar)
                continue
            }
            if var current = run, current.script == script {
                current.text += pending
                current.text.unicodeScalars.append(scalar)
                pending = ""
                run = current
            } else {
                flushRun()
                flushPending()
                run = (script, String(scalar))
            }
        }
        flushRun()
        flushPending()
        return out
    }

    /// The text as a Plot node (already escaped and marked).
    public static func node<Context>(_ text: String, keepLines: Bool = false) -> Node<Context> {
        .raw(html(text, keepLines: keepLines))
    }

    /// Text for an attribute value or an SVG `<text>`: escaped, on one line, no marking.
    public static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\r", "\t": out += " "
            default:
                if scalar.properties.generalCategory == .control { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The text on one line with control characters dropped, not escaped (for counting and tests).
    public static func plain(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
            if scalar == "\n" || scalar == "\r" || scalar == "\t" { return " " }
            return scalar.properties.generalCategory == .control ? nil : scalar
        }))
    }

    /// The writing systems that need marking. Latin, Greek, Cyrillic and the rest are left as they are.
    enum Script: Equatable {
        case other, arabic, hebrew, han, kana, hangul

        /// The script of a letter; nil for anything that is not a letter (spaces, digits, punctuation).
        init?(_ scalar: Unicode.Scalar) {
            guard scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark else { return nil }
            switch scalar.value {
            case 0x0600...0x06FF, 0x0750...0x077F, 0x08A0...0x08FF, 0xFB50...0xFDFF, 0xFE70...0xFEFF: self = .arabic
            case 0x0590...0x05FF, 0xFB1D...0xFB4F: self = .hebrew
            case 0x3040...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: self = .kana
            case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: self = .hangul
            case 0x2E80...0x2FDF, 0x3005...0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: self = .han
            default:
                // A combining mark belongs to the letter before it: treat it as neutral.
                if scalar.properties.generalCategory == .nonspacingMark { return nil }
                self = .other
            }
        }

        func open(_ text: String) -> String {
            switch self {
            case .other: return ""
            case .arabic: return "<bdi lang=\"ar\" dir=\"rtl\">"
            case .hebrew: return "<bdi lang=\"he\" dir=\"rtl\">"
            case .han: return "<span lang=\"zh\">"
            case .kana: return "<span lang=\"ja\">"
            case .hangul: return "<span lang=\"ko\">"
            }
        }

        var close: String {
            switch self {
            case .other: return ""
            case .arabic, .hebrew: return "</bdi>"
            case .han, .kana, .hangul: return "</span>"
            }
        }
    }
}
