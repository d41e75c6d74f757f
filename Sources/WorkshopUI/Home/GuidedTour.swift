import Foundation
import TerminalUI
import Workshop

/// The two-minute tour: a made-up workshop shown on the console and the projector side by side,
/// one step at a time, with the keys that matter.
public final class GuidedTour {
    /// One stop of the tour.
    public struct Stop: Equatable, Sendable {
        public var step: FlowStep
        public var caption: String
    }

    public static let stops: [Stop] = [
        Stop(step: FlowStep(.welcome), caption: "The console (left) is yours alone. The projector view (right) is what the room sees: large, clear, no controls. Add each person by first name with a."),
        Stop(step: FlowStep(.storytelling), caption: "The campfire round. n passes the talking stick on, i invites the person you pick, x is a pass (always fine). a writes a story down, with the teller's consent."),
        Stop(step: FlowStep(.goal), caption: "Write down each wording (a). Ask everyone with c: 1 agree, 2 can live with it, 3 disagree. Then g agrees the goal."),
        Stop(step: FlowStep(principle: .reciprocity, phase: .score), caption: "Each person places a stage from 1 to 4 with one key. The spread shows where views differ, for example between people who use services and staff."),
        Stop(step: FlowStep(.actions), caption: "Plan two or three small steps: what, who, when and how. A date far off is flagged, so the step can be cut smaller."),
        Stop(step: FlowStep(.close), caption: "The summary for the wall. ] and [ move between steps at any time, u undoes, ? lists every key. Every change is saved as you go."),
    ]

    public let content: ContentLibrary
    public private(set) var index = 0
    public private(set) var finished = false
    /// Set when the person asks to try the sample themselves.
    public private(set) var wantsToOpenSample = false
    /// On a narrow screen the two views take turns.
    public private(set) var showsProjector = false
    private let template: WorkshopTemplate
    private let start: Date
    private var sessions: [Int: Session] = [:]

    public init(content: ContentLibrary, start: Date) {
        self.content = content
        self.template = content.templates.first { $0.name == "standard" } ?? content.templates[0]
        self.start = start
    }

    public static let bindings: [KeyBinding] = [
        KeyBinding([.enter, .right, .character(" ")], "Enter", "next", help: "The next part of the tour.", .nextStep),
        KeyBinding([.backspace, .left], "←", "back", help: "The part before.", .previousStep),
        .char("p", "console/projector", help: "On a narrow screen, switch between the console and the projector view.", .toggleProjector),
        .char("o", "try it yourself", help: "Open the sample workshop and try the keys.", .edit),
        KeyBinding([.escape, .character("q")], "Esc", "leave the tour", help: "Back to the home screen.", .quit),
        .char("?", "all keys", help: "Show every key of the tour.", .help),
    ]

    /// Whether the `?` box is open, and how far it is scrolled.
    public private(set) var showingKeys = false
    public private(set) var keysOffset = 0

    public func handle(_ key: Key) {
        if showingKeys {
            // ↑ and ↓ scroll a box too long for the window (the drawing keeps it in range);
            // any other key closes it.
            switch key {
            case .down: keysOffset += 1
            case .up: keysOffset = max(keysOffset - 1, 0)
            case .resize: break
            default: showingKeys = false
            }
            return
        }
        guard let binding = Self.bindings.first(where: { $0.matches(key) }) else { return }
        switch binding.command {
        case .nextStep:
            if index + 1 < Self.stops.count { index += 1 } else { finished = true }
        case .previousStep: index = max(index - 1, 0)
        case .toggleProjector: showsProjector.toggle()
        case .edit: wantsToOpenSample = true
        case .quit: finished = true
        case .help: showingKeys = true; keysOffset = 0
        default: break
        }
    }

    private func session(at stop: Int) -> Session {
        if let cached = sessions[stop] { return cached }
        let made = SampleWorkshop.session(template: template, upTo: Self.stops[stop].step, start: start)
        sessions[stop] = made
        return made
    }

    /// Draws the tour: both views side by side when there is room, else one at a time.
    public func render(width: Int, height: Int) -> Grid {
        var grid = Grid(width: max(width, 0), height: max(height, 0))
        guard width >= 44, height >= 14 else {
            ConsoleScreen.tooSmall(into: &grid, minimumWidth: 44, minimumHeight: 14)
            return grid
        }
        let stop = Self.stops[index]
        let session = session(at: index)
        let now = session.visits.last.map { $0.enteredAt.addingTimeInterval(300) } ?? start
        let (top, rest) = grid.area.splitTop(1)
        let (middle, bottom) = rest.splitBottom(4)
        grid.fill(top, style: Style(.title, reverse: true))
        Draw.line(" Guided tour \(index + 1) of \(Self.stops.count) · a made-up workshop", x: 0, y: 0, width: width, grid: &grid, style: Style(.title, bold: true, reverse: true))

        let sideBySide = width >= 150
        let app = ConsoleApp(editor: SessionEditor(session: session), content: content,
                             environment: ConsoleEnvironment(clock: ManualClock(now), save: { _, _ in }))
        if sideBySide {
            let halves = middle.columns(2, gap: 1)
            blit(ConsoleScreen.render(app, width: halves[0].width, height: halves[0].height), into: &grid, at: halves[0])
            var wall = Grid(width: halves[1].width, height: halves[1].height)
            ProjectorScreen.render(session: session, content: content, now: now, into: &wall)
            blit(wall, into: &grid, at: halves[1])
            for y in middle.y..<middle.maxY { grid.write("┃", x: halves[0].maxX, y: y, style: Style(.accent, bold: true)) }
        } else if showsProjector {
            var wall = Grid(width: middle.width, height: middle.height)
            ProjectorScreen.render(session: session, content: content, now: now, into: &wall)
            blit(wall, into: &grid, at: middle)
        } else {
            blit(ConsoleScreen.render(app, width: middle.width, height: middle.height), into: &grid, at: middle)
        }

        var caption = stop.caption
        // "(left)" and "(right)" only where both views are on screen side by side.
        if !sideBySide { caption = caption.replacingOccurrences(of: " (left)", with: "").replacingOccurrences(of: " (right)", with: "") }
        if !sideBySide { caption += showsProjector ? " (Showing the projector view; p for the console.)" : " (Showing the console; p for the projector view.)" }
        grid.fill(bottom, style: .plain)
        Draw.paragraph(caption, in: Rect(x: 1, y: bottom.y, width: width - 2, height: 3), grid: &grid, style: Style(.accent, bold: true), maxRows: 3)
        if showingKeys {
            keysOffset = min(keysOffset, HelpBox.maxOffset(Self.bindings, note: nil, rows: max(middle.height - 2, 1), width: middle.width))
            HelpBox.render(Self.bindings, note: nil, offset: keysOffset, in: middle, grid: &grid)
        }
        let (hints, pinned) = HintBar.split(Self.bindings)
        HintBar.render(hints, pinned: pinned, y: bottom.maxY - 1, x: 0, width: width, grid: &grid)
        return grid
    }

    private func blit(_ source: Grid, into grid: inout Grid, at rect: Rect) {
        for y in 0..<min(source.height, rect.height) {
            for x in 0..<min(source.width, rect.width) {
                grid[rect.x + x, rect.y + y] = source[x, y]
            }
        }
    }
}
