// MARK: - Alignment

/// Where text sits in a space wider than itself.
public enum Alignment: Sendable, Hashable {
    /// Flush left.
    case left
    /// Centred (spare column on the right when odd).
    case centre
    /// Flush right.
    case right

    /// American spelling of ``centre``.
    public static var center: Alignment { .centre }
}
