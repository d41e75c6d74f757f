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
    static let consentBinding = KeyBinding.char("c", "ask consent", help: "Practice: ask the teller of the selected story whether it may be shared, kept in the group's notes, or stays in the room.", .consensus, inHintBar: false)

    /// The step's bindings, with "ask by name" (and, on the stories, "ask consent") where it applies in a practice run.
    public static func bindings(_ bindings: [KeyBinding], at step: FlowStep, practice: PracticeConsole?) -> [KeyBinding] {
        if practice != nil, step.stage == .storytelling, !bindings.contains(where: { $0.matches(.character("c")) }) {
            var result = bindings
            let firstEverywhere = result.firstIndex { Bindings.everywhere.contains($0) } ?? result.count
            result.insert(consentBinding, at: firstEverywhere)
            return result
        }
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
    /// Practice: the teller of the selected story (or the newest story) is asked what may happen to it.
    func askConsent() {
        guard let practice else { return }
        let stories = session.record.stories
        guard !stories.isEmpty else { return state.message = StatusMessage(.info, "No story has been told yet: ask once someone has told one.") }
        let story = (state.focus == 1 ? selectedStory : nil) ?? stories[stories.count - 1]
        let reply = practice.askConsent(story.id, in: session, at: now)
        recordReply(reply)
        if reply.isEmpty { state.message = StatusMessage(.info, "“\(story.title)” was written down by you, not told by the group: there is nobody to ask.") }
    }

    func startAsking() {
        guard practice != nil else { return }
        guard PracticeConsole.canAsk(at: session.step) else { return }
        guard !session.record.present.isEmpty else { return state.message = StatusMessage(.info, "There is nobody in the room to ask.") }
        state.mode = .pickPerson(PersonPicker(purpose: .ask))
    }
}
