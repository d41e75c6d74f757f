import Foundation

/// Every symbol Campfire itself draws on its screens (not the letters of people's words): the
/// timer, the stick, boxes, bars, ticks, arrows and quotation marks.
///
/// `campfire doctor` asks the computer's fonts for these, and a test keeps the list complete: a
/// symbol added to a screen but not here fails it (Tests/TerminalUITests/GlyphCoverageTests).
public enum WallGlyphs {
    public static let symbols = "·×–—‘’“”•…‹›←↑→↓─│┃┌┐└┘▁▃▅█▉▊▋▌▍▎▏■▲▶▸◆○●◷★☐☑⚠✓✗"

    /// The symbols as hexadecimal code points, as fontconfig writes a character set ("25b6 25f7").
    public static var fontconfigCharset: String {
        symbols.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")
    }
}
