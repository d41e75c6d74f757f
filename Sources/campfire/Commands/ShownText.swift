import TerminalUI

/// Stored text (titles, names, paths) as the command line prints it: the same placeholder rule
/// as the screens (`TextLayout.sanitize`), so an escape sequence typed into a title shows as
/// `�]0;…` and can never retitle the window or clear the screen. Line breaks become spaces.
func shown(_ text: String) -> String {
    TextLayout.sanitize(text)
}

/// A whole message of several lines, each made safe as `shown` does, the line breaks kept.
func shownLines(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { TextLayout.sanitize(String($0)) }.joined(separator: "\n")
}
