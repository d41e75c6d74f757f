import Foundation

/// WCAG 2 contrast between two sRGB colours (0xRRGGBB): what the themes are checked against,
/// from the palettes' published colours and from the pixels of a real terminal's screenshot.
public enum Contrast {
    /// Relative luminance, 0 for black to 1 for white.
    public static func luminance(_ rgb: UInt32) -> Double {
        func channel(_ value: UInt32) -> Double {
            let c = Double(value & 0xFF) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb)
    }

    /// The contrast ratio, from 1 (the same) to 21 (black with white).
    public static func ratio(_ first: UInt32, _ second: UInt32) -> Double {
        let (a, b) = (luminance(first), luminance(second))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }
}
