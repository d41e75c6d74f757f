import Foundation
import TerminalUI
import Workshop

/// In a practice run, asking someone by name outside the story round (key `i` on the goal,
/// a principle's agree step and ideas): a quiet person speaks up only when asked.
extension PracticeConsole {
    /// The steps where asking by name brings something from the simulated group.
    public static func canAsk(at step: FlowStep) -> Bool {
        switch step.stage {
        case .goal, .ideas: return true
        case .principles: return step.phase == .agree
        default: return false
        }
    }

    static let askBinding = KeyBinding.char("i", "ask by name", help: "Practice: ask one person by name for their view (a quiet person speaks only when asked).", .invite)

    /// The step's bindings, with "ask by name" where it applies in a practice run.
    public static func bindings(_ bindings: [KeyBinding], at step: FlowStep, practice: PracticeConsole?) -> [KeyBinding] {
        guard practice != nil, canAsk(at: step), !bindings.contains(where: { $0.matches(.character("i")) }) else { return bindings }
        var result = bindings
        let firstEverywhere = result.firstIndex { Bindings.everywhere.contains($0) } ?? result.count
        result.insert(askBinding, at: firstEverywhere)
        return result
    }

    /// Keys while choosing whom to ask (the console's person picker).
    public static var askingBindings: [KeyBinding] { Bindings.picker(.ask) }
}

extension ConsoleApp {
    func startAsking() {
        guard practice != nil else { return }
        guard PracticeConsole.canAsk(at: session.step) else { return }
        guard !session.record.present.isEmpty else { return state.message = StatusMessage(.info, "There is nobody in the room to ask.") }
        state.mode = .pickPerson(PersonPicker(purpose: .ask))
    }
}
