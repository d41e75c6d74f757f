// `TextWidth` lives in its own small module so that the plain-text letters (Persistence) measure
// columns with the same `wcwidth` rules as the screens; everything that uses TerminalUI sees it
// as before.
@_exported import TextMeasure
