// MARK: - ColourName

/// The terminal colours Campfire uses: the eight ANSI colours, bright white, and the
/// terminal's own default. Keeping to these works on every colour terminal and projector.
public enum ColourName: Sendable, Hashable, CaseIterable {
    /// ANSI black.
    case black
    /// ANSI red.
    case red
    /// ANSI green.
    case green
    /// ANSI yellow (often brown-ish; used for amber).
    case yellow
    /// ANSI blue.
    case blue
    /// ANSI magenta.
    case magenta
    /// ANSI cyan.
    case cyan
    /// ANSI white (a light grey on many terminals).
    case white
    /// Bright white, for maximum contrast on dark backgrounds (white plus bold on 8-colour terminals).
    case brightWhite
    /// Whatever the terminal's own foreground or background is.
    case `default`
}
