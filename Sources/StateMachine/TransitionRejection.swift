// MARK: - TransitionRejection

/// A refused event, with the reason in plain words.
///
/// The reason is written for a workshop facilitator. It is either
/// "You can't … from …." when the event means nothing in that state, or the
/// failing guard's own reason.
public struct TransitionRejection<
    State: Hashable & Sendable,
    Event: Hashable & Sendable
>: Error, Sendable, Equatable {

    // MARK: Properties

    /// The state the machine stays in.
    public let state: State

    /// The event that was refused.
    public let event: Event

    /// Why, in plain words.
    public let reason: String

    /// The name of the guard that refused, or `nil` when no transition exists
    /// for this event in this state.
    public let guardName: String?

    /// Whether giving a ``GuardOverride`` with a reason would let the step go
    /// ahead: true only when every failing guard is overridable.
    public let canBeOverridden: Bool

    // MARK: Creating a rejection

    /// Creates a rejection. Normally only the machine creates rejections; this
    /// is public so callers can build expected values in tests.
    ///
    /// - Parameter state: The state the machine stays in.
    /// - Parameter event: The refused event.
    /// - Parameter reason: Why, in plain words.
    /// - Parameter guardName: The refusing guard, or `nil` when there was no
    ///   transition.
    /// - Parameter canBeOverridden: Whether an override would let it through.
    public init(
        state: State,
        event: Event,
        reason: String,
        guardName: String? = nil,
        canBeOverridden: Bool = false
    ) {
        self.state = state
        self.event = event
        self.reason = reason
        self.guardName = guardName
        self.canBeOverridden = canBeOverridden
    }
}

// MARK: - CustomStringConvertible

extension TransitionRejection: CustomStringConvertible {
    /// The plain-words reason, so printing a rejection shows what a person
    /// needs to read.
    public var description: String { reason }
}
