// MARK: - Guard

/// A named condition that must hold before a transition may be taken.
///
/// A guard returns `nil` when it passes and a reason in plain words when it
/// fails. The reason is shown to a workshop facilitator, so write it as a
/// sentence a person would say ("The group has not agreed a goal yet."), not as
/// a code or a variable name.
///
/// Some guards protect a good habit rather than a hard rule. Mark those
/// `overridable`, so a facilitator can move on anyway by giving a reason
/// (see ``GuardOverride``).
public struct Guard<Context>: Sendable {

    // MARK: Properties

    /// A short identifier for the guard, for example `"goal agreed"`.
    ///
    /// It appears in diagrams and in ``TransitionStep/overriddenGuards``, so
    /// keep it short and readable.
    public let name: String

    /// Whether a facilitator may move on even though this guard fails.
    public let isOverridable: Bool

    /// Decides whether the guard passes for a given context.
    ///
    /// Returns `nil` when the guard passes, otherwise the reason it fails,
    /// in plain words.
    public let check: @Sendable (Context) -> String?

    // MARK: Creating a guard

    /// Creates a guard.
    ///
    /// - Parameter name: A short identifier, for example `"goal agreed"`.
    /// - Parameter overridable: Whether a facilitator may move on anyway when
    ///   the guard fails. Defaults to `false`.
    /// - Parameter check: Returns `nil` when the guard passes, otherwise a
    ///   plain-words reason, for example `"The group has not agreed a goal yet."`.
    public init(
        _ name: String,
        overridable: Bool = false,
        check: @escaping @Sendable (Context) -> String?
    ) {
        self.name = name
        self.isOverridable = overridable
        self.check = check
    }

    // MARK: Evaluating

    /// Runs the check against a context.
    ///
    /// - Parameter context: The facts the guard looks at.
    /// - Returns: `nil` when the guard passes, otherwise the reason it fails.
    public func failureReason(in context: Context) -> String? {
        check(context)
    }
}
