// MARK: - Role

/// What a piece of text means on screen, rather than how it looks.
///
/// Screens say "this is a warning" and the ``Theme`` decides the colours, so one screen works
/// on a dark and a light projector and without colour at all (as htop's colour schemes do).
public enum Role: String, CaseIterable, Sendable, Codable {
    /// Ordinary body text.
    case text
    /// Less important text: secondary details, placeholders.
    case muted
    /// A section heading.
    case heading
    /// The title line of a screen.
    case title
    /// Something to draw the eye without alarm, such as the current teller.
    case accent
    /// The selected row or item.
    case selected
    /// A highlighted span, such as a search match.
    case highlight
    /// Something that needs attention soon.
    case warning
    /// Something wrong or irreversible.
    case danger
    /// Something done or agreed.
    case good
    /// A RED self-score (always shown with a word or symbol too).
    case red
    /// An AMBER self-score (always shown with a word or symbol too).
    case amber
    /// A GREEN self-score (always shown with a word or symbol too).
    case green
    /// A timer that has run past its time-box.
    case overrun
    /// A word flagged as jargon on the console.
    case jargon
    /// Box borders and separators.
    case border
    /// Key hints at the bottom of the console.
    case hint
    /// A banner across the screen, such as "Practice" or "Read-only".
    case banner
    /// The wall's big block letters: drawn on the screen's own background, so a light theme
    /// shows black letters on white rather than a coloured band with letters cut out of it.
    case bigLetters
}

extension Role {
    /// The role's place in `Role.allCases`, for tables kept as arrays.
    public var ordinal: Int { Role.allCases.firstIndex(of: self)! }
}
