// MARK: - Introspection

/// Questions about the shape of the machine, answered from its declaration.
///
/// Guards are ignored here: they depend on a context that only exists at run
/// time, so "reachable" means "reachable if every guard passed".
extension StateMachine {

    // MARK: Reachability

    /// The states a run can reach from ``initial``, including it.
    ///
    /// - Returns: Reachable states in declared order.
    public func reachableStates() -> [State] {
        let paths = shortestPaths()
        return states.filter { paths[$0] != nil }
    }

    /// The declared states no run can reach from ``initial``.
    ///
    /// Usually a sign of a missing transition.
    ///
    /// - Returns: Unreachable states in declared order.
    public func unreachableStates() -> [State] {
        let paths = shortestPaths()
        return states.filter { paths[$0] == nil }
    }

    /// The shortest event sequence from ``initial`` to each reachable state.
    ///
    /// Breadth-first, following transitions in declared order, so when two
    /// paths are equally short the one using earlier-declared transitions wins
    /// and the answer is the same on every run.
    ///
    /// - Returns: A path per reachable state; ``initial`` maps to `[]`.
    ///   Unreachable states are absent.
    public func shortestPaths() -> [State: [Event]] {
        var paths: [State: [Event]] = [initial: []]
        var queue: [State] = [initial]
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            let pathHere = paths[state] ?? []
            for transition in transitions(from: state) where paths[transition.to] == nil {
                paths[transition.to] = pathHere + [transition.event]
                queue.append(transition.to)
            }
        }
        return paths
    }

    // MARK: Dead ends

    /// Reachable states that are not final and have no way out.
    ///
    /// A run that gets here is stuck, which is almost always a mistake in the
    /// declaration.
    ///
    /// - Returns: Dead-end states in declared order.
    public func deadEnds() -> [State] {
        reachableStates().filter { !finalStates.contains($0) && (outgoing[$0] ?? []).isEmpty }
    }
}
