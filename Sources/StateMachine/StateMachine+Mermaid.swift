// MARK: - Mermaid

/// Renders the machine as a Mermaid state diagram, which Markdown viewers
/// such as GitHub draw directly.
extension StateMachine {

    // MARK: Rendering

    /// The machine as Mermaid `stateDiagram-v2` text.
    ///
    /// State ids are generated (`s0`, `s1`, … in declared order) and each gets
    /// a description from ``describeState``, so any state text is safe.
    /// `[*] --> initial` marks the start and `final --> [*]` each final state.
    /// Guarded transitions list their guard names in square brackets after the
    /// event; an overridable guard is marked with a trailing `?`.
    ///
    /// - Returns: Mermaid text ending in a newline.
    public func mermaid() -> String {
        var lines: [String] = ["stateDiagram-v2"]
        for state in states {
            lines.append("    \(nodeID(state)) : \(Self.mermaidText(describeState(state)))")
        }
        lines.append("    [*] --> \(nodeID(initial))")
        for transition in transitions {
            var label = describeEvent(transition.event)
            if transition.isGuarded {
                label += " [" + Self.guardList(transition.guards) + "]"
            }
            lines.append(
                "    \(nodeID(transition.from)) --> \(nodeID(transition.to)) : \(Self.mermaidText(label))"
            )
        }
        for state in states where finalStates.contains(state) {
            lines.append("    \(nodeID(state)) --> [*]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: Helpers

    /// Text made safe for a Mermaid description or transition label.
    ///
    /// Mermaid ends a statement at a line break or `;`, so line breaks become
    /// spaces and `;` becomes Mermaid's entity code `#59;`. `#` is encoded
    /// first (`#35;`) so existing text is never read as an entity code.
    ///
    /// - Parameter text: Any text.
    /// - Returns: The text on one line, with `#` and `;` encoded.
    static func mermaidText(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "#": result += "#35;"
            case ";": result += "#59;"
            case "\n", "\r\n", "\r": result += " "
            default: result.append(character)
            }
        }
        return result
    }
}
