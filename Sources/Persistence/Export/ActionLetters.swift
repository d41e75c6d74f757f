import Foundation
import TextMeasure
import Workshop

/// One plain-text letter per person with their own actions: to print and post as a reminder.
///
/// A letter holds only that person's actions, the group's goal, the workshop's title and date and
/// the first names of the people doing each action with them. Never anyone's story.
public enum ActionLetters {

    public struct Letter: Equatable, Sendable {
        /// Counts from 1 in the order people were added.
        public var number: Int
        public var participant: ParticipantID
        public var name: String
        public var text: String

        /// `letter-<n>-<safe-name>.txt`.
        public var fileName: String { "letter-\(number)-\(ActionLetters.safeName(name)).txt" }
    }

    /// The letters, in the order people were added.
    /// - Parameter everyone: also write a short note to people who have no actions.
    public static func letters(_ session: Session, everyone: Bool = false) -> [Letter] {
        var letters: [Letter] = []
        for person in session.record.participants {
            let actions = session.record.actions(for: person.id)
            guard everyone || !actions.isEmpty else { continue }
            letters.append(Letter(number: letters.count + 1, participant: person.id, name: person.name,
                                  text: letter(to: person, actions: actions, in: session)))
        }
        return letters
    }

    /// Every letter in one text, pages separated by a form feed.
    public static func render(_ session: Session, everyone: Bool = false) -> String {
        letters(session, everyone: everyone).map(\.text).joined(separator: "\u{0C}")
    }

    static func letter(to person: Participant, actions: [Action], in session: Session) -> String {
        let record = session.record
        let name = ExportWords.plainLine(person.name)
        let title = ExportWords.plainLine(session.title)
        let date = ExportWords.date(session.createdAt)
        var lines: [String] = []
        lines.append(contentsOf: wrap(title, indent: ""))
        lines.append(date)
        lines.append("")
        lines.append(contentsOf: wrap("Dear \(name),", indent: ""))
        lines.append("")
        lines.append(contentsOf: wrap("Thank you for taking part in \"\(title)\" on \(date).", indent: ""))
        lines.append("")
        if let goal = record.agreedGoal, !ExportWords.plainLine(goal.text).isEmpty {
            lines.append("Together we agreed this goal:")
            lines.append("")
            lines.append(contentsOf: wrap(ExportWords.plainLine(goal.text), indent: "    "))
            lines.append("")
        }
        if actions.isEmpty {
            lines.append("You did not take on an action this time, and that is fine.")
            lines.append("You are always welcome to join in and help.")
        } else {
            lines.append(actions.count == 1 ? "Here is what you said you would do:" : "Here are the things you said you would do:")
            for (index, action) in actions.enumerated() {
                lines.append("")
                let what = ExportWords.plainLine(action.what)
                lines.append(contentsOf: wrap(what, indent: "\(index + 1). ", continuation: "   "))
                lines.append("   By: \(ExportWords.day(action.when))")
                let others = action.who.filter { $0 != person.id }.map { ExportWords.plainLine(record.name(of: $0)) }
                lines.append(contentsOf: wrap("With: " + (others.isEmpty ? "you are down for this one on your own, so ask the group if you would like help" : ExportWords.listed(others)), indent: "   "))
                let how = ExportWords.plainLine(action.how)
                if !how.isEmpty { lines.append(contentsOf: wrap("How: " + how, indent: "   ")) }
            }
            lines.append("")
            lines.append(contentsOf: wrap("Small steps make a big difference. If something gets in the way, that is all right: tell the group, and you can work it out together.", indent: ""))
        }
        lines.append("")
        lines.append("With thanks,")
        if session.facilitator == Pseudonyms.facilitator {
            lines.append("The facilitator, for the group")
        } else if let facilitator = session.facilitator.map(ExportWords.plainLine), !facilitator.isEmpty {
            lines.append("\(facilitator), for the group")
        } else {
            lines.append("The group")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Wraps text to 72 columns, for a printed page: wide characters (Chinese, Japanese, Korean)
    /// count two, combining marks none, and a word longer than a line is cut across lines.
    static func wrap(_ text: String, indent: String, continuation: String? = nil, width: Int = 72) -> [String] {
        let next = continuation ?? indent
        var lines: [String] = []
        var current = indent
        var currentWidth = columns(indent)
        var currentIsEmpty = true
        func newLine() {
            lines.append(current)
            current = next
            currentWidth = columns(next)
            currentIsEmpty = true
        }
        for word in text.split(separator: " ") {
            let wordWidth = columns(word)
            if !currentIsEmpty && currentWidth + 1 + wordWidth > width { newLine() }
            if currentWidth + (currentIsEmpty ? 0 : 1) + wordWidth <= width {
                current += (currentIsEmpty ? "" : " ") + word
                currentWidth += (currentIsEmpty ? 0 : 1) + wordWidth
                currentIsEmpty = false
                continue
            }
            // Longer than a whole line: cut it, character by character.
            for character in word {
                let characterWidth = columns(String(character))
                if !currentIsEmpty && currentWidth + characterWidth > width { newLine() }
                current.append(character)
                currentWidth += characterWidth
                currentIsEmpty = false
            }
        }
        if !currentIsEmpty { lines.append(current) }
        return lines
    }

    /// The columns a text takes on a fixed-width page: the same `wcwidth` measure as the screens.
    static func columns<S: StringProtocol>(_ text: S) -> Int { TextWidth.of(String(text)) }

    /// A name made safe for a file name: the letters and digits of any script, in lower case
    /// ("zoë", "李小龍", "مريم"), with "-" between words; "person" if nothing is left. Everything
    /// else (spaces, "/", dots, control and direction characters) goes, so the name can never
    /// leave the folder or hide its ending. The letter's number keeps each file name unique.
    public static func safeName(_ name: String) -> String {
        var result = ""
        for character in name.precomposedStringWithCanonicalMapping.lowercased() {
            let keeps = character.unicodeScalars.first.map { CharacterSet.letters.contains($0) || CharacterSet.decimalDigits.contains($0) } ?? false
            if keeps {
                result.append(String(character.unicodeScalars.filter {
                    CharacterSet.letters.contains($0) || CharacterSet.decimalDigits.contains($0) || CharacterSet.nonBaseCharacters.contains($0)
                }.map(Character.init)))
            } else if !result.isEmpty && !result.hasSuffix("-") {
                result.append("-")
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "person" : String(result.prefix(40))
    }
}
