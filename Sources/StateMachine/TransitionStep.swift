// MARK: - TransitionStep

/// An accepted transition: where the machine goes and the effects to run.
///
/// ## Effect order
///
/// ``effects`` holds, in this order, the exit effects of ``from``, the
/// transition's own effects, then the entry effects of ``to``.
///
/// A self-transition (``from`` equals ``to``) still runs the exit effects and
/// then the entry effects of that state, like an external transition in
/// statecharts. That way "start this activity again" really restarts it
/// (for example, a timer set on entry is set again).
public struct TransitionStep<
    State: Hashable & Sendable,
    Event: Hashable & Sendable,
    Effect: Sendable
>: Sendable {

    // MARK: Properties

    /// The state the machine left.
    public let from: State

    /// The event that was accepted.
    public let event: Event

    /// The state the machine entered.
    public let to: State

    /// Exit effects of ``from``, then the transition's effects, then entry
    /// effects of ``to``.
    public let effects: [Effect]

    /// Names of guards that failed but were overridden, in guard order.
    public let overriddenGuards: [String]

    /// The override that allowed the step, or `nil` when no guard needed one.
    public let override: GuardOverride?

    // MARK: Creating a step

    /// Creates a step. Normally only the machine creates steps; this is public
    /// so callers can build expected values in tests and replay saved steps.
    ///
    /// - Parameter from: The state left.
    /// - Parameter event: The event accepted.
    /// - Parameter to: The state entered.
    /// - Parameter effects: The effects to run, in order.
    /// - Parameter overriddenGuards: Names of guards that were overridden.
    /// - Parameter override: The override used, if one was needed.
    public init(
        from: State,
        event: Event,
        to: State,
        effects: [Effect],
        overriddenGuards: [String] = [],
        override: GuardOverride? = nil
    ) {
        self.from = from
        self.event = event
        self.to = to
        self.effects = effects
        self.overriddenGuards = overriddenGuards
        self.override = override
    }

    // MARK: Inspecting

    /// Whether the step needed an override.
    public var wasOverridden: Bool {
        override != nil
    }
}

// MARK: - Equatable

extension TransitionStep: Equatable where Effect: Equatable {}
