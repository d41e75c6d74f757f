// MARK: - TransitionOutcome

/// What happens when an event arrives in a state: either the machine moves,
/// or the event is refused with a reason.
///
/// The outcome is a value; nothing has happened yet. The caller adopts the new
/// state and runs the effects, which keeps the machine itself pure.
public enum TransitionOutcome<
    State: Hashable & Sendable,
    Event: Hashable & Sendable,
    Effect: Sendable
>: Sendable {

    // MARK: Cases

    /// The event was accepted; the step says where to go and what to do.
    case moved(TransitionStep<State, Event, Effect>)

    /// The event was refused; the rejection says why, in plain words.
    case rejected(TransitionRejection<State, Event>)

    // MARK: Conveniences

    /// The step, if the event was accepted.
    public var step: TransitionStep<State, Event, Effect>? {
        if case .moved(let step) = self { return step }
        return nil
    }

    /// The rejection, if the event was refused.
    public var rejection: TransitionRejection<State, Event>? {
        if case .rejected(let rejection) = self { return rejection }
        return nil
    }

    /// The state the caller should be in afterwards: the step's target when it
    /// moved, or the unchanged state when it was refused.
    public var resultingState: State {
        switch self {
        case .moved(let step): return step.to
        case .rejected(let rejection): return rejection.state
        }
    }
}

// MARK: - Equatable

extension TransitionOutcome: Equatable where Effect: Equatable {}
