import Foundation
import TerminalUI
#if canImport(Glibc)
import Glibc
#endif

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

/// `text` wrapped between words to the width of the terminal on `descriptor`, when it is a
/// terminal; as it is otherwise (a file or a pipe keeps one line per sentence, for scripts).
/// `indent` columns of every line after the first are spaces, to sit under the first line's text.
func wrappedForTerminal(_ text: String, descriptor: Int32, indent: Int = 0) -> String {
    guard isatty(descriptor) == 1 else { return text }
    var size = winsize()
    guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return text }
    return wrapped(text, width: Int(size.ws_col), indent: indent)
}

/// `text` wrapped between words to `width` columns, lines after the first indented by `indent`.
func wrapped(_ text: String, width: Int, indent: Int = 0) -> String {
    guard width > indent + 20 else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        let line = String(line)
        guard TextWidth.of(line) > width else { return line }
        let head = String(line.prefix(indent))
        let rows = TextLayout.wrap(String(line.dropFirst(indent)), width: width - indent)
        return rows.enumerated().map { ($0.offset == 0 ? head : String(repeating: " ", count: indent)) + $0.element }.joined(separator: "\n")
    }.joined(separator: "\n")
}
