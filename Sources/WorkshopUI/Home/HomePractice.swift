import Foundation
import TerminalUI
import Workshop

/// A practice scenario as the home screen lists it.
public struct HomeScenario: Equatable, Sendable {
    public var name: String
    public var title: String
    public var description: String

    public init(name: String, title: String, description: String) {
        self.name = name
        self.title = title
        self.description = description
    }
}

/// The home screen's "Practise" list (key `t`): the built-in scenarios, one line each.
extension HomeApp {
    public static let scenarioBindings: [KeyBinding] = [
        KeyBinding([.enter], "Enter", "start practising", help: "Start a practice run of the selected scenario.", .edit),
        KeyBinding([.escape, .character("q")], "Esc", "back", help: "Back to the workshops.", .leaveMode),
        KeyBinding([.up], "↑", "up", help: "Move up the list.", .moveUp, inHintBar: false),
        KeyBinding([.down], "↓", "down", help: "Move down the list.", .moveDown, inHintBar: false),
    ]

    func handleScenarioKey(_ key: Key) {
        guard let binding = Self.scenarioBindings.first(where: { $0.matches(key) }) else { return }
        switch binding.command {
        case .edit: choice = .practice(scenario: scenarios[min(selectedScenario, scenarios.count - 1)].name)
        case .leaveMode: leaveScenarios()
        case .moveUp: selectedScenario = max(selectedScenario - 1, 0)
        case .moveDown: selectedScenario = min(selectedScenario + 1, max(scenarios.count - 1, 0))
        default: break
        }
    }

    func renderScenarios(into grid: inout Grid, area: Rect, y top: Int) -> Grid {
        var y = top
        grid.write("Practise with a simulated group", x: area.x, y: y, style: Style(.heading, bold: true))
        y += 1
        y += Draw.paragraph("Run a whole workshop with invented people who behave like a real room. A coach gives tips as you go and a debrief comes at the end. Practice runs are saved, marked (practice).",
                            in: Rect(x: area.x, y: y, width: area.width, height: 3), grid: &grid, style: Style(.muted), maxRows: 3)
        y += 1
        let rows = scenarios.map { ("\($0.title): \($0.description)", Style(.text)) }
        StageScreens.list(rows, selected: selectedScenario, active: true, in: Rect(x: area.x, y: y, width: area.width, height: max(area.maxY - y - 2, 1)), grid: &grid,
                          empty: "No scenarios.")
        if let message {
            Draw.line(message.text, x: area.x, y: grid.height - 2, width: area.width, grid: &grid, style: Style(.warning, bold: true))
        }
        let (hints, pinned) = HintBar.split(Self.scenarioBindings, pinning: [.leaveMode])
        HintBar.render(hints, pinned: pinned, y: grid.height - 1, x: 0, width: grid.width, grid: &grid)
        return grid
    }
}
