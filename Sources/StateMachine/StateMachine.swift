// MARK: - StateMachine

/// A finite state machine described as data, with a pure transition function.
///
/// The machine never holds a "current state". Callers keep the state
/// themselves and ask ``transition(from:on:context:override:)`` what would
/// happen; the answer is a value (a ``TransitionOutcome``) carrying the new
/// state and the effects to run. This keeps the machine `Sendable`, easy to
/// test and easy to replay, in the spirit of XState's pure transitions and
/// The Composable Architecture's reducers.
///
/// Guards see a `Context`: whatever facts they need (for example, whether the
/// group has agreed a goal). Effects are values the caller interprets.
public struct StateMachine<
    State: Hashable & Sendable,
    Event: Hashable & Sendable,
    Context,
    Effect: Sendable
>: Sendable {

    // MARK: Types

    /// A transition of this machine.
    public typealias MachineTransition = Transition<State, Event, Context, Effect>

    /// An outcome of this machine.
    public typealias Outcome = TransitionOutcome<State, Event, Effect>

    /// Identifies a transition by where it starts and what triggers it; the
    /// machine allows at most one transition per key, so the outcome of an
    /// event never depends on declaration order.
    struct Key: Hashable, Sendable {
        let state: State
        let event: Event
    }

    // MARK: Declaration

    /// The state a new run starts in.
    public let initial: State

    /// Every declared state, in display order.
    public let states: [State]

    /// States where a run is complete. They are never reported as dead ends.
    public let finalStates: Set<State>

    /// Every transition, in declared order.
    public let transitions: [MachineTransition]

    /// Effects run whenever a state is entered, keyed by state.
    public let entryEffects: [State: [Effect]]

    /// Effects run whenever a state is left, keyed by state.
    public let exitEffects: [State: [Effect]]

    /// Turns a state into plain words for people and diagrams.
    public let describeState: @Sendable (State) -> String

    /// Turns an event into plain words (a verb phrase such as "start the
    /// check-in") for people and diagrams.
    public let describeEvent: @Sendable (Event) -> String

    // MARK: Indexes

    /// Transition position by (state, event), so lookups do not scan.
    let transitionIndex: [Key: Int]

    /// Positions of outgoing transitions per state, in declared order.
    let outgoing: [State: [Int]]

    /// Position of each state in ``states``; diagrams use it for safe ids.
    let stateIndex: [State: Int]

    // MARK: Creating a machine

    /// Creates a machine and checks that its declaration makes sense.
    ///
    /// A malformed declaration is a programmer error, so it stops the program
    /// with a message naming the problem rather than failing later in a
    /// workshop. The checks: states are unique; the initial state, final
    /// states, effect keys and every transition's `from` and `to` are
    /// declared; no two transitions share the same `from` and `event`.
    ///
    /// - Parameter initial: The state a new run starts in.
    /// - Parameter states: Every state, in display order.
    /// - Parameter finalStates: States where a run is complete.
    /// - Parameter transitions: The transitions, in the order events should be
    ///   listed.
    /// - Parameter entryEffects: Effects run on entering a state.
    /// - Parameter exitEffects: Effects run on leaving a state.
    /// - Parameter describeState: Plain words for a state.
    /// - Parameter describeEvent: Plain words for an event.
    public init(
        initial: State,
        states: [State],
        finalStates: Set<State> = [],
        transitions: [Transition<State, Event, Context, Effect>],
        entryEffects: [State: [Effect]] = [:],
        exitEffects: [State: [Effect]] = [:],
        describeState: @escaping @Sendable (State) -> String = { "\($0)" },
        describeEvent: @escaping @Sendable (Event) -> String = { "\($0)" }
    ) {
        let problems = Self.problems(
            initial: initial,
            states: states,
            finalStates: finalStates,
            transitions: transitions,
            entryEffects: entryEffects,
            exitEffects: exitEffects
        )
        precondition(
            problems.isEmpty,
            "StateMachine declaration is invalid: " + problems.joined(separator: " ")
        )

        self.initial = initial
        self.states = states
        self.finalStates = finalStates
        self.transitions = transitions
        self.entryEffects = entryEffects
        self.exitEffects = exitEffects
        self.describeState = describeState
        self.describeEvent = describeEvent

        var stateIndex: [State: Int] = [:]
        for (position, state) in states.enumerated() {
            stateIndex[state] = position
        }
        var transitionIndex: [Key: Int] = [:]
        var outgoing: [State: [Int]] = [:]
        for (position, transition) in transitions.enumerated() {
            transitionIndex[Key(state: transition.from, event: transition.event)] = position
            outgoing[transition.from, default: []].append(position)
        }
        self.stateIndex = stateIndex
        self.transitionIndex = transitionIndex
        self.outgoing = outgoing
    }

    // MARK: Validation

    /// Lists everything wrong with a declaration, in programmer terms.
    ///
    /// Kept separate from the initializer so tests can check the messages
    /// without stopping the test process.
    ///
    /// - Parameter initial: The proposed initial state.
    /// - Parameter states: The proposed states.
    /// - Parameter finalStates: The proposed final states.
    /// - Parameter transitions: The proposed transitions.
    /// - Parameter entryEffects: The proposed entry effects.
    /// - Parameter exitEffects: The proposed exit effects.
    /// - Returns: One sentence per problem; empty when the declaration is valid.
    static func problems(
        initial: State,
        states: [State],
        finalStates: Set<State>,
        transitions: [MachineTransition],
        entryEffects: [State: [Effect]],
        exitEffects: [State: [Effect]]
    ) -> [String] {
        var problems: [String] = []
        var declared: Set<State> = []
        for state in states where !declared.insert(state).inserted {
            problems.append("State \(state) is declared more than once.")
        }
        if !declared.contains(initial) {
            problems.append("Initial state \(initial) is not declared.")
        }
        // Sorting by declared text keeps messages stable across runs, since
        // Set and Dictionary iteration order is randomised per process.
        for state in finalStates.filter({ !declared.contains($0) }).map({ "\($0)" }).sorted() {
            problems.append("Final state \(state) is not declared.")
        }
        for state in entryEffects.keys.filter({ !declared.contains($0) }).map({ "\($0)" }).sorted() {
            problems.append("Entry effects are given for undeclared state \(state).")
        }
        for state in exitEffects.keys.filter({ !declared.contains($0) }).map({ "\($0)" }).sorted() {
            problems.append("Exit effects are given for undeclared state \(state).")
        }
        var seen: Set<Key> = []
        for (position, transition) in transitions.enumerated() {
            if !declared.contains(transition.from) {
                problems.append("Transition \(position) starts from undeclared state \(transition.from).")
            }
            if !declared.contains(transition.to) {
                problems.append("Transition \(position) goes to undeclared state \(transition.to).")
            }
            if !seen.insert(Key(state: transition.from, event: transition.event)).inserted {
                problems.append(
                    "Transition \(position) repeats event \(transition.event) from state \(transition.from)."
                )
            }
        }
        return problems
    }

    // MARK: Looking up

    /// The transition for an event in a state, if one is declared.
    ///
    /// - Parameter state: The state the event arrives in.
    /// - Parameter event: The event.
    /// - Returns: The declared transition, or `nil`.
    public func declaredTransition(from state: State, on event: Event) -> MachineTransition? {
        transitionIndex[Key(state: state, event: event)].map { transitions[$0] }
    }

    /// The transitions leaving a state, in declared order.
    ///
    /// - Parameter state: The state.
    /// - Returns: Its outgoing transitions; empty for an unknown state.
    public func transitions(from state: State) -> [MachineTransition] {
        (outgoing[state] ?? []).map { transitions[$0] }
    }

    /// The events that have a transition from a state, in declared order.
    ///
    /// Guards are not checked: an event listed here may still be refused.
    ///
    /// - Parameter state: The state.
    /// - Returns: Its events in the order their transitions were declared.
    public func events(availableFrom state: State) -> [Event] {
        transitions(from: state).map(\.event)
    }

    /// Whether a state is declared.
    ///
    /// - Parameter state: The state.
    /// - Returns: `true` when it is in ``states``.
    public func isDeclared(_ state: State) -> Bool {
        stateIndex[state] != nil
    }

    /// Whether a state is final.
    ///
    /// - Parameter state: The state.
    /// - Returns: `true` when it is in ``finalStates``.
    public func isFinal(_ state: State) -> Bool {
        finalStates.contains(state)
    }

    // MARK: Transitioning

    /// The plain-words reason given when an override has no reason.
    public static var blankOverrideReason: String {
        "Please say why you are moving on anyway."
    }

    /// Works out what an event would do in a state. Pure: nothing is mutated
    /// and nothing is run.
    ///
    /// Guards are checked in order and the first failing one gives the reason.
    /// With an override, overridable failing guards are skipped and recorded
    /// in ``TransitionStep/overriddenGuards``, but a failing guard that is not
    /// overridable still refuses. An override with a blank reason is refused.
    /// When no guard fails, the override is ignored and not recorded.
    ///
    /// - Parameter state: The state the event arrives in.
    /// - Parameter event: The event.
    /// - Parameter context: The facts the guards look at.
    /// - Parameter override: A facilitator's decision to move on anyway.
    /// - Returns: `.moved` with the new state and effects, or `.rejected` with
    ///   the reason.
    public func transition(
        from state: State,
        on event: Event,
        context: Context,
        override: GuardOverride? = nil
    ) -> Outcome {
        guard let transition = declaredTransition(from: state, on: event) else {
            return .rejected(TransitionRejection(
                state: state,
                event: event,
                reason: "You can't \(describeEvent(event)) from \(describeState(state)).",
                guardName: nil,
                canBeOverridden: false
            ))
        }

        // Every guard is checked, not just the first failing one, because
        // whether an override would help depends on all of them.
        var failures: [(guard: Guard<Context>, reason: String)] = []
        for candidate in transition.guards {
            if let reason = candidate.check(context) {
                failures.append((candidate, reason))
            }
        }

        guard let firstFailure = failures.first else {
            return .moved(step(for: transition, overriddenGuards: [], override: nil))
        }

        let allOverridable = failures.allSatisfy { $0.guard.isOverridable }
        guard let override else {
            return .rejected(TransitionRejection(
                state: state,
                event: event,
                reason: firstFailure.reason,
                guardName: firstFailure.guard.name,
                canBeOverridden: allOverridable
            ))
        }

        // A hard rule wins over an override, and its reason matters more than
        // the missing override reason, so it is reported first.
        if let hardFailure = failures.first(where: { !$0.guard.isOverridable }) {
            return .rejected(TransitionRejection(
                state: state,
                event: event,
                reason: hardFailure.reason,
                guardName: hardFailure.guard.name,
                canBeOverridden: false
            ))
        }

        if override.isBlank {
            return .rejected(TransitionRejection(
                state: state,
                event: event,
                reason: Self.blankOverrideReason,
                guardName: firstFailure.guard.name,
                canBeOverridden: true
            ))
        }

        return .moved(step(
            for: transition,
            overriddenGuards: failures.map(\.guard.name),
            override: override
        ))
    }

    /// Builds the step for a transition that may be taken, putting effects in
    /// exit, transition, entry order.
    ///
    /// - Parameter transition: The transition being taken.
    /// - Parameter overriddenGuards: Guards skipped by an override.
    /// - Parameter override: The override, when one was needed.
    /// - Returns: The step.
    private func step(
        for transition: MachineTransition,
        overriddenGuards: [String],
        override: GuardOverride?
    ) -> TransitionStep<State, Event, Effect> {
        let effects = (exitEffects[transition.from] ?? [])
            + transition.effects
            + (entryEffects[transition.to] ?? [])
        return TransitionStep(
            from: transition.from,
            event: transition.event,
            to: transition.to,
            effects: effects,
            overriddenGuards: overriddenGuards,
            override: override
        )
    }
}
