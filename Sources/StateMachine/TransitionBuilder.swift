// MARK: - TransitionBuilder

/// Lets transitions be listed one per line, with `if`, `for` and helper
/// functions, instead of as an array literal.
///
/// The data initializer of ``StateMachine`` stays the primary API; this is
/// only a more readable way to write the same list. Order is preserved, so
/// ``StateMachine/events(availableFrom:)`` lists events as written.
///
/// ```swift
/// StateMachine<Door, Action, Facts, Effect>(initial: .closed, states: [.closed, .open]) {
///     Transition(from: .closed, on: .open, to: .open)
///     Transition(from: .open, on: .close, to: .closed)
/// }
/// ```
@resultBuilder
public enum TransitionBuilder<
    State: Hashable & Sendable,
    Event: Hashable & Sendable,
    Context,
    Effect: Sendable
> {
    /// A transition of the machine being built.
    public typealias Item = Transition<State, Event, Context, Effect>

    // MARK: Expressions

    /// Accepts a single transition.
    ///
    /// - Parameter transition: The transition.
    /// - Returns: It, as a one-element list.
    public static func buildExpression(_ transition: Item) -> [Item] {
        [transition]
    }

    /// Accepts a ready-made list, for example from a helper function.
    ///
    /// - Parameter transitions: The transitions.
    /// - Returns: The same list.
    public static func buildExpression(_ transitions: [Item]) -> [Item] {
        transitions
    }

    // MARK: Combining

    /// Joins the lines of a block, in order.
    ///
    /// - Parameter parts: One list per line.
    /// - Returns: All transitions, in order.
    public static func buildBlock(_ parts: [Item]...) -> [Item] {
        parts.flatMap { $0 }
    }

    /// Supports `if` without `else`.
    ///
    /// - Parameter part: The transitions when the condition held.
    /// - Returns: Them, or nothing.
    public static func buildOptional(_ part: [Item]?) -> [Item] {
        part ?? []
    }

    /// Supports the first branch of `if`/`else` and `switch`.
    ///
    /// - Parameter part: The branch's transitions.
    /// - Returns: The same list.
    public static func buildEither(first part: [Item]) -> [Item] {
        part
    }

    /// Supports the second branch of `if`/`else` and `switch`.
    ///
    /// - Parameter part: The branch's transitions.
    /// - Returns: The same list.
    public static func buildEither(second part: [Item]) -> [Item] {
        part
    }

    /// Supports `for` loops.
    ///
    /// - Parameter parts: One list per iteration.
    /// - Returns: All transitions, in order.
    public static func buildArray(_ parts: [[Item]]) -> [Item] {
        parts.flatMap { $0 }
    }
}

// MARK: - StateMachine + TransitionBuilder

extension StateMachine {

    /// Creates a machine whose transitions are written in a builder block.
    ///
    /// Behaves exactly like the data initializer, including its checks.
    ///
    /// - Parameter initial: The state a new run starts in.
    /// - Parameter states: Every state, in display order.
    /// - Parameter finalStates: States where a run is complete.
    /// - Parameter entryEffects: Effects run on entering a state.
    /// - Parameter exitEffects: Effects run on leaving a state.
    /// - Parameter describeState: Plain words for a state.
    /// - Parameter describeEvent: Plain words for an event.
    /// - Parameter transitions: The transitions, one per line.
    public init(
        initial: State,
        states: [State],
        finalStates: Set<State> = [],
        entryEffects: [State: [Effect]] = [:],
        exitEffects: [State: [Effect]] = [:],
        describeState: @escaping @Sendable (State) -> String = { "\($0)" },
        describeEvent: @escaping @Sendable (Event) -> String = { "\($0)" },
        @TransitionBuilder<State, Event, Context, Effect> transitions: () -> [Transition<State, Event, Context, Effect>]
    ) {
        self.init(
            initial: initial,
            states: states,
            finalStates: finalStates,
            transitions: transitions(),
            entryEffects: entryEffects,
            exitEffects: exitEffects,
            describeState: describeState,
            describeEvent: describeEvent
        )
    }
}
