// MARK: - GuardOverride

/// A facilitator's decision to move on even though an overridable guard fails.
///
/// The reason is kept with the step so the record of the workshop shows why
/// the group moved on. An override with a blank reason is refused, because an
/// unexplained override would leave a gap in that record.
public struct GuardOverride: Hashable, Sendable, Codable {

    // MARK: Properties

    /// Why the facilitator chose to move on, in their own words.
    public let reason: String

    // MARK: Creating an override

    /// Creates an override.
    ///
    /// - Parameter reason: Why the facilitator chose to move on.
    public init(reason: String) {
        self.reason = reason
    }

    // MARK: Checking the reason

    /// Whether the reason is empty or only whitespace.
    ///
    /// Uses the standard library's idea of whitespace so the library needs no
    /// Foundation.
    public var isBlank: Bool {
        reason.allSatisfy(\.isWhitespace)
    }
}
