import Foundation
import TerminalUI
import Workshop

/// One field of a form on the console.
public struct FormField: Equatable, Sendable, Codable {
    /// What kind of answer the field takes.
    public enum Kind: Equatable, Sendable, Codable {
        /// Free text; `checksJargon` underlines glossary terms as they are typed.
        case text(checksJargon: Bool)
        /// One of a few options, chosen with ← and →.
        case choice([String])
        /// Any number of the people in the room, toggled with Space.
        case people([Participant])
        /// Any of the four principles, toggled with 1-4.
        case principles
        /// A day: "2026-12-14", "+14" (days from today) or "14" (the 14th of this or next month).
        case day
    }

    /// Which value of the box this field holds. Saving reads fields by this, never by `label`,
    /// so the words on screen can change without changing what is saved.
    public var id: FieldID
    /// The words shown before the field (drawing only).
    public var label: String
    public var kind: Kind
    public var text: String
    /// The cursor position in `text`, in characters.
    public var cursor: Int
    /// For choices: the option shown; for people: the person the cursor is on.
    public var index: Int
    /// For people and principles: which are ticked.
    public var ticked: Set<Int>
    public var isOptional: Bool

    public init(_ id: FieldID, _ label: String, kind: Kind = .text(checksJargon: true), text: String = "", index: Int = 0, ticked: Set<Int> = [], isOptional: Bool = true) {
        self.id = id
        self.label = label
        self.kind = kind
        self.text = text
        self.cursor = text.count
        self.index = index
        self.ticked = ticked
        self.isOptional = isOptional
    }

    /// The text with spaces and line breaks at either end left off, as it is saved.
    public var trimmedText: String { text.trimmingCharacters(in: .whitespacesAndNewlines) }

    /// Whether the field takes typed text (so printable keys are text, never commands).
    public var takesText: Bool {
        switch kind {
        case .text, .day: return true
        case .choice, .people, .principles: return false
        }
    }

    /// Whether anything has been typed or chosen that would be lost on cancel.
    public var hasInput: Bool { !text.trimmingCharacters(in: .whitespaces).isEmpty }

    /// Whether this field holds the same value as another (the cursor and, outside choices, the
    /// highlighted row do not count).
    public func sameValue(as other: FormField) -> Bool {
        guard text == other.text, ticked == other.ticked else { return false }
        if case .choice = kind { return index == other.index }
        return true
    }

    /// Whether nothing is filled in: no words, no ticks (for required fields).
    public var isEmpty: Bool {
        switch kind {
        case .people, .principles: return ticked.isEmpty
        case .choice: return false
        case .text, .day: return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
    }

    // MARK: Editing

    /// Inserts typed or pasted text at the cursor. Line breaks become spaces: every field is one paragraph.
    public mutating func insert(_ typed: String) {
        let cleaned = String(typed.map { $0.isNewline || $0 == "\t" ? " " : $0 })
        var characters = Array(text)
        let at = min(max(cursor, 0), characters.count)
        characters.insert(contentsOf: cleaned, at: at)
        text = String(characters)
        cursor = at + cleaned.count
    }

    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        var characters = Array(text)
        characters.remove(at: cursor - 1)
        text = String(characters)
        cursor -= 1
    }

    public mutating func deleteForward() {
        var characters = Array(text)
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
        text = String(characters)
    }

    public mutating func moveCursor(by offset: Int) {
        cursor = min(max(cursor + offset, 0), text.count)
    }

    public mutating func moveCursorToStart() { cursor = 0 }
    public mutating func moveCursorToEnd() { cursor = text.count }

    /// Steps a choice or the people cursor.
    public mutating func step(by offset: Int) {
        let count: Int
        switch kind {
        case .choice(let options): count = options.count
        case .people(let people): count = people.count
        case .principles: count = PrincipleID.allCases.count
        default: return
        }
        guard count > 0 else { return }
        index = ((index + offset) % count + count) % count
    }

    /// Ticks or unticks an item of a people or principles field.
    public mutating func toggle(_ item: Int) {
        if ticked.contains(item) { ticked.remove(item) } else { ticked.insert(item) }
    }

    /// Reads a day field relative to `today`.
    public static func parseDay(_ text: String, today: Day) -> Day? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return nil }
        if let day = Day(trimmed) { return day }
        if trimmed.hasPrefix("+"), let days = Int(trimmed.dropFirst()), (0...3660).contains(days) {
            return today.adding(days: days)
        }
        if let dayOfMonth = Int(trimmed), (1...31).contains(dayOfMonth) {
            var candidate = Day(year: today.year, month: today.month, day: dayOfMonth)
            if candidate < today || Day(candidate.description) == nil {
                let next = today.month == 12 ? Day(year: today.year + 1, month: 1, day: dayOfMonth) : Day(year: today.year, month: today.month + 1, day: dayOfMonth)
                candidate = next
            }
            return Day(candidate.description)
        }
        return nil
    }
}

// MARK: - Reading a kept draft

extension FormField {
    private enum CodingKeys: String, CodingKey {
        case id, label, kind, text, cursor, index, ticked, isOptional
    }

    /// Reads a field from `draft.json`. A draft kept by a Campfire from before fields had an
    /// identity has only its label: the identity is worked out from it once, here
    /// (``FieldID/init(keptLabel:)``), and nothing else ever reads a label.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        label = try container.decode(String.self, forKey: .label)
        if let id = try container.decodeIfPresent(FieldID.self, forKey: .id) {
            self.id = id
        } else if let id = FieldID(keptLabel: label) {
            self.id = id
        } else {
            throw DecodingError.dataCorruptedError(forKey: .label, in: container, debugDescription: "A field called \(label) is not one Campfire knows.")
        }
        kind = try container.decode(Kind.self, forKey: .kind)
        text = try container.decode(String.self, forKey: .text)
        cursor = try container.decode(Int.self, forKey: .cursor)
        index = try container.decode(Int.self, forKey: .index)
        ticked = try container.decode(Set<Int>.self, forKey: .ticked)
        isOptional = try container.decode(Bool.self, forKey: .isOptional)
    }
}
