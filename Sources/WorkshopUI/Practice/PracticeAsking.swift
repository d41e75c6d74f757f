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

    /// Keys while choosing whom to ask.
    public static let askingBindings: [KeyBinding] = [
        KeyBinding([.enter], "Enter", "ask", help: "Ask the selected person by name.", .edit),
        KeyBinding([.escape], "Esc", "cancel", help: "Ask nobody.", .leaveMode),
        KeyBinding([.up], "↑", "up", help: "Previous person.", .moveUp, inHintBar: false),
        KeyBinding([.down], "↓", "down", help: "Next person.", .moveDown, inHintBar: false),
        KeyBinding([.character("q"), .control("c")], "q", "quit", help: "Quit (Ctrl-C too). Everything is already saved.", .quit),
    ]
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
        guard let practice else { return }
        guard PracticeConsole.canAsk(at: session.step) else { return }
        guard !session.record.present.isEmpty else { return state.message = StatusMessage(.info, "There is nobody in the room to ask.") }
        practice.asking = 0
    }

    func handleAsking(_ key: Key) {
        guard let practice, let index = practice.asking else { return }
        let people = session.record.present
        guard let binding = PracticeConsole.askingBindings.first(where: { $0.matches(key) }) else { return }
        switch binding.command {
        case .moveUp: practice.asking = max(index - 1, 0)
        case .moveDown: practice.asking = min(index + 1, max(people.count - 1, 0))
        case .leaveMode: practice.asking = nil
        case .quit: practice.asking = nil; handle(key)
        case .edit:
            practice.asking = nil
            guard index < people.count else { return }
            let person = people[index]
            let reply = practice.invite(person.id, in: session, at: now)
            recordReply(reply)
            if reply.isEmpty { state.message = StatusMessage(.info, "\(person.name) has nothing to add just now.") }
        default: break
        }
    }
}

/// The "whom to ask?" list over the console's middle area.
enum PracticeAsking {
    static func render(_ app: ConsoleApp, _ practice: PracticeConsole, in rect: Rect, grid: inout Grid) {
        grid.fill(rect, style: .plain)
        let box = rect.inset(horizontal: 2, vertical: 0)
        Box(title: " Ask someone by name ", style: Style(.accent, bold: true)).render(in: box, into: &grid)
        let inner = Box.inner(box)
        var y = inner.y
        y += Draw.paragraph("Who do you ask for their view? Asking by name is how a quiet person is heard.", in: Rect(x: inner.x, y: y, width: inner.width, height: 2), grid: &grid, style: Style(.muted), maxRows: 2)
        y += 1
        let people = app.session.record.present
        let quiet = practice.coachOn ? practice.quietPeople(in: app.session) : []
        let rows = people.map { person -> (text: String, style: Style) in
            (person.name + (quiet.contains(person.id) ? "  · speaks when asked" : ""), Style(.text))
        }
        StageScreens.list(rows, selected: min(practice.asking ?? 0, max(people.count - 1, 0)), active: true,
                          in: Rect(x: inner.x, y: y, width: inner.width, height: max(inner.maxY - y, 0)), grid: &grid, empty: "Nobody is here.")
    }
}
