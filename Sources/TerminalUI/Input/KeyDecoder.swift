// MARK: - KeyDecoder

/// Turns the characters a terminal sends into ``Key``s: escape sequences the terminal library
/// did not translate, control characters, and bracketed paste.
///
/// A backend feeds each character it reads to ``feed(_:)``. Sequences arrive over several
/// calls, so the decoder keeps state; when input pauses mid-sequence the backend calls
/// ``flush()``, which is how a lone Esc is told apart from the start of a sequence.
///
/// Decisions:
/// - Bracketed paste (`ESC [200~` … `ESC [201~`) becomes one ``Key/paste(_:)``, so pasted
///   text never triggers shortcuts. Line breaks in it become `\n`; other control characters
///   (including stray escape sequences) are dropped; text beyond ``maximumPasteBytes`` bytes
///   of UTF-8 is dropped.
/// - Esc followed at once by a printable character is an Alt chord. No binding uses Alt, so
///   it is ignored rather than typed.
/// - Unknown escape sequences (focus reports, modified keys we do not bind) are swallowed.
/// - Modified arrows and function keys (`ESC [1;5A`, Ctrl-Up) act as the plain key.
/// - Bytes (``feed(byte:)``) are read as UTF-8. Every byte typed is kept, and nothing that is not
///   UTF-8 holds up the keys after it. The stated fallback: a single byte that does not start or
///   continue a valid sequence (a Latin-1 or Windows-1252 terminal: `é` is E9, `’` is 92) is read
///   as the Windows-1252 character it stands for (the same as Latin-1 for A0–FF; the five bytes
///   Windows-1252 leaves undefined give U+FFFD); two or more bytes that start a sequence and
///   then stop short become one U+FFFD. A sequence that stops short is ended by the next byte
///   that cannot continue it (which is then read on its own) or by a pause (``flush()``).
public struct KeyDecoder: Sendable {
    // MARK: State

    private enum State: Sendable, Equatable {
        case ground
        case escape
        case controlSequence(String)
        case singleShift
        case paste
    }

    /// Largest paste kept, in bytes of UTF-8.
    public let maximumPasteBytes: Int
    private var state: State = .ground
    private var pasteText = String.UnicodeScalarView()
    private var pasteBytes = 0
    private var pasteTerminatorMatched: [Unicode.Scalar] = []
    private var pasteAfterCarriageReturn = false
    private var pasteIsFull = false
    /// UTF-8 bytes of a character still arriving, and how many it needs in all.
    private var utf8Pending: [UInt8] = []
    private var utf8Needed = 0

    private static let pasteTerminator: [Unicode.Scalar] = ["\u{1B}", "[", "2", "0", "1", "~"]
    private static let longestControlSequence = 32

    /// Creates a decoder.
    /// - Parameter maximumPasteBytes: Largest paste kept (1 MB by default).
    public init(maximumPasteBytes: Int = 1 << 20) {
        self.maximumPasteBytes = maximumPasteBytes
    }

    /// Whether the decoder is part-way through a sequence and waiting for more input.
    public var isWaiting: Bool { state != .ground || !utf8Pending.isEmpty }
    /// Whether the decoder is inside a bracketed paste.
    public var isPasting: Bool { state == .paste }

    // MARK: Feeding

    /// Feeds every scalar of `text` in turn (for tests and for backends reading bytes).
    /// - Parameter text: Characters as the terminal sent them.
    /// - Returns: The keys completed.
    public mutating func feed(_ text: String) -> [Key] {
        text.unicodeScalars.flatMap { feed($0) }
    }

    /// Feeds bytes as the terminal sent them (see ``feed(byte:)``).
    public mutating func feed(bytes: [UInt8]) -> [Key] {
        bytes.flatMap { feed(byte: $0) }
    }

    /// Feeds one byte read from the terminal, assembling UTF-8 (with the fallback in the type's
    /// notes for bytes that are not UTF-8).
    /// - Returns: The keys it completes.
    public mutating func feed(byte: UInt8) -> [Key] {
        if utf8Pending.isEmpty {
            switch byte {
            case 0x00...0x7F: return feed(Unicode.Scalar(byte))
            case 0xC2...0xDF: utf8Needed = 2
            case 0xE0...0xEF: utf8Needed = 3
            case 0xF0...0xF4: utf8Needed = 4
            default: return feed(Self.windows1252(byte))  // a lone continuation byte, C0, C1, F5–FF
            }
            utf8Pending = [byte]
            return []
        }
        if Self.canContinue(utf8Pending, with: byte) {
            utf8Pending.append(byte)
            guard utf8Pending.count == utf8Needed else { return [] }
            let bytes = utf8Pending
            utf8Pending = []
            var scalar: Unicode.Scalar = "\u{FFFD}"
            var iterator = bytes.makeIterator()
            var codec = UTF8()
            if case .scalarValue(let decoded) = codec.decode(&iterator) { scalar = decoded }
            return feed(scalar)
        }
        // The sequence stopped short: keep what came as the fallback, then read this byte afresh.
        return endUTF8() + feed(byte: byte)
    }

    /// A sequence that stopped short, as the fallback character (nothing if there is none).
    private mutating func endUTF8() -> [Key] {
        guard !utf8Pending.isEmpty else { return [] }
        let bytes = utf8Pending
        utf8Pending = []
        return feed(bytes.count == 1 ? Self.windows1252(bytes[0]) : "\u{FFFD}")
    }

    /// Whether `byte` may follow `pending` in UTF-8 (the second byte has narrower ranges after
    /// E0, ED, F0 and F4, which rule out overlong forms, surrogates and values past U+10FFFF).
    private static func canContinue(_ pending: [UInt8], with byte: UInt8) -> Bool {
        guard (0x80...0xBF).contains(byte) else { return false }
        guard pending.count == 1 else { return true }
        switch pending[0] {
        case 0xE0: return byte >= 0xA0
        case 0xED: return byte <= 0x9F
        case 0xF0: return byte >= 0x90
        case 0xF4: return byte <= 0x8F
        default: return true
        }
    }

    /// The character a single byte stands for in Windows-1252 (Latin-1 from A0 up; U+FFFD for
    /// the five bytes Windows-1252 leaves undefined).
    static func windows1252(_ byte: UInt8) -> Unicode.Scalar {
        let low: [UInt32] = [
            0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
            0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
        ]
        if (0x80...0x9F).contains(byte) { return Unicode.Scalar(low[Int(byte - 0x80)])! }
        return Unicode.Scalar(byte)
    }

    /// Feeds one character read from the terminal.
    /// - Parameter scalar: The character.
    /// - Returns: The keys it completes (often none or one).
    public mutating func feed(_ scalar: Unicode.Scalar) -> [Key] {
        switch state {
        case .ground:
            return ground(scalar)
        case .escape:
            switch scalar {
            case "[":
                state = .controlSequence("")
                return []
            case "O":
                state = .singleShift
                return []
            case "\u{1B}":
                return [.escape]  // Esc Esc: the first is a lone Esc, the second may start a sequence
            default:
                state = .ground
                return []  // Alt chord: no binding uses Alt
            }
        case .controlSequence(var sequence):
            guard (0x20...0x7E).contains(scalar.value) else {
                // Not part of a sequence after all: give up on it and read this normally.
                state = .ground
                return ground(scalar)
            }
            sequence.unicodeScalars.append(scalar)
            if (0x40...0x7E).contains(scalar.value) {
                state = .ground
                return controlSequence(sequence)
            }
            state = sequence.unicodeScalars.count > Self.longestControlSequence ? .ground : .controlSequence(sequence)
            return []
        case .singleShift:
            state = .ground
            return Self.singleShiftKeys[scalar].map { [$0] } ?? []
        case .paste:
            return paste(scalar)
        }
    }

    /// Ends any sequence in progress because input has paused.
    ///
    /// A pending Esc becomes ``Key/escape``; a paste whose end marker never came is delivered
    /// as it is; an incomplete escape sequence is dropped.
    /// - Returns: The keys completed by the pause.
    public mutating func flush() -> [Key] {
        // A character whose bytes stopped short is kept as the fallback first.
        let ended = endUTF8()
        return ended + flushSequence()
    }

    private mutating func flushSequence() -> [Key] {
        defer { state = .ground }
        switch state {
        case .escape: return [.escape]
        case .paste: return finishPaste()
        default: return []
        }
    }

    // MARK: Ground

    private mutating func ground(_ scalar: Unicode.Scalar) -> [Key] {
        switch scalar.value {
        case 0x1B:
            state = .escape
            return []
        case 0x0D, 0x0A: return [.enter]
        case 0x09: return [.tab]
        case 0x7F, 0x08: return [.backspace]
        case 0x01...0x1A: return [.control(Character(Unicode.Scalar(0x60 + scalar.value)!))]
        case 0x1C: return [.control("\\")]
        case 0x1D: return [.control("]")]
        case 0x1E: return [.control("^")]
        case 0x1F: return [.control("_")]
        case 0x00, 0x80...0x9F: return []
        default: return [.character(Character(scalar))]
        }
    }

    // MARK: Escape sequences

    private static let singleShiftKeys: [Unicode.Scalar: Key] = [
        "A": .up, "B": .down, "C": .right, "D": .left, "H": .home, "F": .end, "M": .enter,
        "P": .function(1), "Q": .function(2), "R": .function(3), "S": .function(4),
    ]

    private static let tildeKeys: [Int: Key] = [
        1: .home, 3: .delete, 4: .end, 5: .pageUp, 6: .pageDown, 7: .home, 8: .end,
        11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4), 15: .function(5),
        17: .function(6), 18: .function(7), 19: .function(8), 20: .function(9), 21: .function(10),
        23: .function(11), 24: .function(12),
    ]

    private mutating func controlSequence(_ sequence: String) -> [Key] {
        guard let final = sequence.unicodeScalars.last else { return [] }
        let parameters = String(sequence.unicodeScalars.dropLast())
        let first = Int(parameters.split(separator: ";", omittingEmptySubsequences: false).first ?? "")
        switch final {
        case "~":
            if first == 200 {
                state = .paste
                pasteText = String.UnicodeScalarView()
                pasteBytes = 0
                pasteTerminatorMatched = []
                pasteAfterCarriageReturn = false
                pasteIsFull = false
                return []
            }
            return first.flatMap { Self.tildeKeys[$0] }.map { [$0] } ?? []
        case "Z":
            return [.backTab]
        default:
            // Parameters here only carry modifiers (1;5A is Ctrl-Up): act as the plain key.
            guard parameters.isEmpty || first == 1, final != "M" else { return [] }
            return Self.singleShiftKeys[final].map { [$0] } ?? []
        }
    }

    // MARK: Bracketed paste

    private mutating func paste(_ scalar: Unicode.Scalar) -> [Key] {
        let expected = Self.pasteTerminator[pasteTerminatorMatched.count]
        if scalar == expected {
            pasteTerminatorMatched.append(scalar)
            if pasteTerminatorMatched.count == Self.pasteTerminator.count {
                pasteTerminatorMatched = []
                state = .ground
                return finishPaste()
            }
            return []
        }
        // Not the end marker after all: what looked like its start is pasted text.
        let heldBack = pasteTerminatorMatched
        pasteTerminatorMatched = []
        for held in heldBack { appendPasted(held) }
        if scalar == Self.pasteTerminator[0] {
            pasteTerminatorMatched = [scalar]
        } else {
            appendPasted(scalar)
        }
        return []
    }

    private mutating func appendPasted(_ scalar: Unicode.Scalar) {
        defer { pasteAfterCarriageReturn = scalar == "\r" }
        let kept: Unicode.Scalar
        switch scalar.value {
        case 0x0A where pasteAfterCarriageReturn: return
        case 0x0A, 0x0D: kept = "\n"
        case 0x09: kept = "\t"
        case 0x00...0x1F, 0x7F...0x9F: return
        default: kept = scalar
        }
        let bytes = UTF8.width(kept)
        // Once full, stay full: keeping a later short character would garble the text.
        guard !pasteIsFull, pasteBytes + bytes <= maximumPasteBytes else {
            pasteIsFull = true
            return
        }
        pasteBytes += bytes
        pasteText.append(kept)
    }

    private mutating func finishPaste() -> [Key] {
        // Only reached with a partial end marker when the paste was cut off: that part was text.
        for held in pasteTerminatorMatched { appendPasted(held) }
        let text = String(pasteText)
        pasteText = String.UnicodeScalarView()
        pasteTerminatorMatched = []
        pasteBytes = 0
        return text.isEmpty ? [] : [.paste(text)]
    }
}
