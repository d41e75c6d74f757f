// MARK: - Graphviz

/// Renders the machine in Graphviz DOT, for documentation and review.
extension StateMachine {

    // MARK: Rendering

    /// The machine as a Graphviz `digraph`.
    ///
    /// Node ids are generated (`s0`, `s1`, … in declared order) so no state's
    /// text can break the syntax; the text goes in quoted, escaped labels from
    /// ``describeState`` and ``describeEvent``. Final states are drawn as
    /// double circles. Guarded edges are dashed and list their guard names in
    /// square brackets under the event; an overridable guard is marked with
    /// a trailing `?` because the group may move on without it.
    ///
    /// - Parameter name: The graph's name.
    /// - Returns: DOT text ending in a newline.
    public func dot(name: String = "flow") -> String {
        var lines: [String] = []
        lines.append("digraph \(Self.dotQuoted(name)) {")
        lines.append("  rankdir=LR;")
        lines.append("  node [shape=box, style=rounded];")
        lines.append("  start [shape=point, label=\"\"];")
        for state in states {
            var attributes = ["label=\(Self.dotQuoted(describeState(state)))"]
            if finalStates.contains(state) {
                attributes.append("shape=doublecircle")
            }
            lines.append("  \(nodeID(state)) [\(attributes.joined(separator: ", "))];")
        }
        lines.append("  start -> \(nodeID(initial));")
        for transition in transitions {
            var label = describeEvent(transition.event)
            var attributes: [String] = []
            if transition.isGuarded {
                label += "\n[" + Self.guardList(transition.guards) + "]"
                attributes.append("style=dashed")
            }
            attributes.insert("label=\(Self.dotQuoted(label))", at: 0)
            lines.append(
                "  \(nodeID(transition.from)) -> \(nodeID(transition.to)) [\(attributes.joined(separator: ", "))];"
            )
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Helpers

    /// The generated id of a declared state, shared by DOT and Mermaid.
    ///
    /// - Parameter state: A declared state.
    /// - Returns: `s` followed by its position in ``states``.
    func nodeID(_ state: State) -> String {
        "s\(stateIndex[state] ?? -1)"
    }

    /// Guard names joined for an edge label, overridable ones marked with `?`.
    ///
    /// - Parameter guards: The guards of one transition.
    /// - Returns: For example `"goal agreed, everyone heard?"`.
    static func guardList(_ guards: [Guard<Context>]) -> String {
        guards.map { $0.name + ($0.isOverridable ? "?" : "") }.joined(separator: ", ")
    }

    /// A DOT double-quoted string.
    ///
    /// Backslashes and quotes are escaped so any text is safe. Line breaks
    /// become DOT's `\n` line break; carriage returns are dropped because
    /// they would otherwise split the label in the output file.
    ///
    /// - Parameter text: Any text.
    /// - Returns: The text in double quotes, escaped.
    static func dotQuoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n", "\r\n": result += "\\n"
            case "\r": break
            default: result.append(character)
            }
        }
        return result + "\""
    }
}
