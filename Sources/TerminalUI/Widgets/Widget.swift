// MARK: - Widget

/// Anything that can draw itself into a rectangle of a ``Grid``.
///
/// As in ratatui, a widget is a value describing what to draw; rendering never touches the
/// terminal, so widgets and whole screens are tested by comparing ``Grid/quotedRows()``.
public protocol Widget {
    /// Draws the widget, staying inside `area`.
    /// - Parameters:
    ///   - area: Where to draw; the widget must not write outside it.
    ///   - grid: The grid to draw into.
    func render(in area: Rect, into grid: inout Grid)
}
