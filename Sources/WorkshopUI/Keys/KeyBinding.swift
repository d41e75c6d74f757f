import Foundation
import TerminalUI

/// One key binding: the keys, what they do, and the words for the hint bar and the help screen.
///
/// The same records match input and draw the hint bar, so the two can never disagree.
public struct KeyBinding: Equatable, Sendable {
    public let keys: [Key]
    /// How the key is written for people, such as "a", "Enter" or "Ctrl-R".
    public let keyLabel: String
    /// A few words for the hint bar.
    public let label: String
    /// A sentence for the help screen.
    public let help: String
    public let command: Command
    /// Whether the hint bar shows it (the help screen shows them all).
    public let inHintBar: Bool

    public init(_ keys: [Key], _ keyLabel: String, _ label: String, help: String, _ command: Command, inHintBar: Bool = true) {
        self.keys = keys
        self.keyLabel = keyLabel
        self.label = label
        self.help = help
        self.command = command
        self.inHintBar = inHintBar
    }

    /// A binding for one printable character.
    public static func char(_ character: Character, _ label: String, help: String, _ command: Command, inHintBar: Bool = true) -> KeyBinding {
        KeyBinding([.character(character)], String(character), label, help: help, command, inHintBar: inHintBar)
    }

    public func matches(_ key: Key) -> Bool { keys.contains(key) }
}
