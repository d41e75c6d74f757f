// MARK: - Transition

/// One arrow of a state machine: in state `from`, event `event` leads to `to`,
/// provided every guard passes.
///
/// A transition is plain data. Taking it is the job of
/// ``StateMachine/transition(from:on:context:override:)``.
public struct Transition<
    State: Hashable & Sendable,
    Event: Hashable & Sendable,
    Context,
    Effect: Sendable
>: Sendable {

    // MARK: Properties

    /// The state the transition leaves.
    public let from: State

    /// The event that triggers the transition.
    public let event: Event

    /// The state the transition enters. May equal ``from``.
    public let to: State

    /// Conditions that must hold, checked in order; the first failing one
    /// decides the rejection reason.
    public let guards: [Guard<Context>]

    /// Effects of taking this transition, run after the exit effects of
    /// ``from`` and before the entry effects of ``to``.
    public let effects: [Effect]

    // MARK: Creating a transition

    /// Creates a transition.
    ///
    /// - Parameter from: The state the transition leaves.
    /// - Parameter event: The event that triggers it.
    /// - Parameter to: The state it enters.
    /// - Parameter guards: Conditions checked in order before it may be taken.
    /// - Parameter effects: Effects of taking it.
    public init(
        from: State,
        on event: Event,
        to: State,
        guards: [Guard<Context>] = [],
        effects: [Effect] = []
    ) {
        self.from = from
        self.event = event
        self.to = to
        self.guards = guards
        self.effects = effects
    }

    // MARK: Inspecting

    /// Whether the transition has any guard.
    public var isGuarded: Bool {
        !guards.isEmpty
    }
}
