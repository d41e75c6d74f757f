import Foundation
import TerminalUI
import Workshop

/// One workshop in the home screen's list.
public struct HomeEntry: Equatable, Sendable {
    public var id: String
    public var date: String
    public var title: String
    public var group: String
    public var stage: String
    public var people: Int
    public var rag: [RAG?]
    public var isPractice: Bool
    /// The made-up sample from the tour, which can be deleted from here.
    public var isSample: Bool

    public init(id: String, date: String, title: String, group: String, stage: String, people: Int, rag: [RAG?], isPractice: Bool, isSample: Bool = false) {
        self.id = id
        self.date = date
        self.title = title
        self.group = group
        self.stage = stage
        self.people = people
        self.rag = rag
        self.isPractice = isPractice
        self.isSample = isSample
    }
}

/// What the home screen asks the program to do next.
public enum HomeChoice: Equatable, Sendable {
    case newWorkshop(title: String, group: String?, template: String)
    case resume(id: String)
    case lookBack(id: String)
    case tour
    /// Delete a made-up workshop (the sample or a practice run); `what` names it for the message after.
    case deleteSample(id: String, what: String)
    /// Practise with the simulated group of a scenario (by name).
    case practice(scenario: String)
    case quit
}

/// The home screen: start a workshop, carry one on, or look back at one.
public final class HomeApp {
    public private(set) var entries: [HomeEntry]
    /// The content (templates, prompts, glossary). The program draws the first screen before
    /// reading the content files, so this is nil until it has; nothing on the list needs it,
    /// and every key is handled after it is set.
    public var content: ContentLibrary?
    public var selected = 0
    /// Where the list began when last drawn (``ListViewport``).
    let viewport = ListViewport()
    public var form: Form?
    public var message: StatusMessage?
    public internal(set) var choice: HomeChoice?
    private var pendingDelete: String?
    /// The practice scenarios offered by `p` (see `HomeScenario`).
    public var scenarios: [HomeScenario] = []
    /// Reads the scenarios the first time `p` is pressed, when `scenarios` is empty (reading and
    /// checking them is too slow to do before the first screen, for a list rarely opened).
    public var loadScenarios: (() -> [HomeScenario])?
    /// The command that erases a real workshop, with the options this program was given (so it
    /// works when pasted: `campfire erase ID --data-dir D`).
    public var eraseCommand: (String) -> String = { "campfire erase \($0)" }
    /// Whether the list shows the practice scenarios instead of the workshops.
    public internal(set) var choosingScenario = false
    public var selectedScenario = 0

    func leaveScenarios() { choosingScenario = false }

    public init(entries: [HomeEntry], content: ContentLibrary?) {
        // Newest first: the workshop of today is the one most likely wanted.
        self.entries = entries.reversed()
        self.content = content
    }

    public static let bindings: [KeyBinding] = [
        .char("n", "new", help: "Start a new workshop.", .add),
        KeyBinding([.enter], "Enter", "carry on", help: "Carry on with the selected workshop.", .edit),
        .char("l", "look back", help: "Look at the selected workshop without changing it.", .switchView),
        .char("t", "tour", help: "A two-minute tour of a made-up workshop.", .help),
        .char("d", "delete sample", help: "Delete the selected sample workshop (only made-up samples can be deleted here).", .delete, inHintBar: false),
        .char("?", "keys", help: "Show every key of this screen.", .showKeys),
        .char("q", "quit", help: "Quit Campfire.", .quit),
        .char("p", "practise", help: "Practise facilitating with a simulated group: pick a scenario.", .invite),
        KeyBinding([.up], "↑", "up", help: "Move up the list.", .moveUp, inHintBar: false),
        KeyBinding([.down], "↓", "down", help: "Move down the list.", .moveDown, inHintBar: false),
    ]

    /// Whether the box of every key (`?`) is open, and how far it is scrolled.
    public internal(set) var showingKeys = false
    var keysOffset = 0

    public func handle(_ key: Key) {
        if showingKeys {
            if key == .down { keysOffset += 1 } else if key == .up { keysOffset = max(keysOffset - 1, 0) } else { showingKeys = false }
            return
        }
        if var form {
            // F1 lists the box's keys (`?` is a letter in a box); any key goes back to it.
            if key == .function(1) { showingKeys = true; keysOffset = 0; return }
            switch form.handle(key) {
            case .editing: self.form = form
            case .cancel: self.form = nil
            case .submit:
                let draft = NewWorkshopDraft(reading: form)
                guard !draft.title.isEmpty else {
                    message = StatusMessage(.refusal, "Please give the workshop a title.")
                    return
                }
                guard let templates = content?.templates, !templates.isEmpty else { return }
                let template = templates[min(max(draft.plan, 0), templates.count - 1)].name
                choice = .newWorkshop(title: draft.title, group: draft.group.isEmpty ? nil : draft.group, template: template)
            }
            return
        }
        if choosingScenario { handleScenarioKey(key); return }
        guard let binding = Self.bindings.first(where: { $0.matches(key) }) else { return }
        if binding.command != .delete { pendingDelete = nil }
        switch binding.command {
        case .add:
            guard let content else { return }
            form = Forms.newWorkshop(templates: content.templates)
        case .edit:
            guard !entries.isEmpty else { message = StatusMessage(.info, "No workshops yet: press n to start one."); return }
            choice = .resume(id: entries[selected].id)
        case .switchView:
            guard !entries.isEmpty else { return }
            choice = .lookBack(id: entries[selected].id)
        case .invite:
            if scenarios.isEmpty, let load = loadScenarios {
                scenarios = load()
                loadScenarios = nil
            }
            guard !scenarios.isEmpty else { message = StatusMessage(.info, "No practice scenarios were found."); return }
            choosingScenario = true
        case .help: choice = .tour
        case .delete:
            guard !entries.isEmpty else { return }
            let entry = entries[selected]
            // Made-up workshops (the sample, practice runs) can go from here; a real one is
            // erased with the command, which says what it removes and asks first.
            guard entry.isSample || entry.isPractice else {
                message = StatusMessage(.info, "Only made-up workshops (the sample and practice runs) can be deleted here. To remove a real workshop, use: \(eraseCommand(entry.id))")
                return
            }
            let what = entry.isSample ? "the sample workshop" : "the practice run “\(entry.title)”"
            if pendingDelete == entry.id {
                choice = .deleteSample(id: entry.id, what: what)
            } else {
                pendingDelete = entry.id
                message = StatusMessage(.refusal, "Press d again to delete \(what) (made up).")
            }
            return
        case .quit: choice = .quit
        case .showKeys:
            showingKeys = true
            keysOffset = 0
        case .moveUp: selected = max(selected - 1, 0)
        case .moveDown: selected = min(selected + 1, max(entries.count - 1, 0))
        default: break
        }
    }

    /// Draws the home screen.
    public func render(width: Int, height: Int) -> Grid {
        var grid = Grid(width: max(width, 0), height: max(height, 0))
        guard width >= 40, height >= 10 else {
            ConsoleScreen.tooSmall(into: &grid, minimumWidth: 40, minimumHeight: 10)
            return grid
        }
        let area = grid.area.inset(horizontal: 2, vertical: 1)
        var y = area.y
        if height >= 24, BigText.width(of: "Campfire") <= area.width {
            for line in BigText.lines("Campfire") {
                grid.write(line, x: area.x, y: y, style: Style(.bigLetters))
                y += 1
            }
        } else {
            grid.write("▲ Campfire", x: area.x, y: y, style: Style(.heading, bold: true))
            y += 1
        }
        y += Draw.paragraph("Workshops for people who use services, carers and staff, as equals: stories, a shared goal, the four principles of co-production, and an action plan.", in: Rect(x: area.x, y: y, width: area.width, height: 2), grid: &grid, style: Style(.muted), maxRows: 2)
        y += 1
        if choosingScenario { return renderScenarios(into: &grid, area: area, y: y) }
        grid.write("Workshops", x: area.x, y: y, style: Style(.heading, bold: true))
        y += 1
        let listRect = Rect(x: area.x, y: y, width: area.width, height: max(area.maxY - y - 2, 1))
        let rows = entries.map { entry -> (String, Style) in
            // Built by hand: `joined(separator:)` costs 0.06 ms of Swift set-up on first use,
            // and this is the first screen (docs/performance.md).
            // The four scores stay together on one line (no-break spaces between them), and a
            // workshop with none says so rather than showing four bare dots.
            var rag = ""
            for score in entry.rag {
                if !rag.isEmpty { rag += "\u{00A0}" }
                rag += score.map { "\($0.symbol)\($0.letter)" } ?? "·"
            }
            if entry.rag.allSatisfy({ $0 == nil }) { rag = "not scored yet" }
            let practice = entry.isSample ? " (sample)" : (entry.isPractice ? " (practice)" : "")
            return ("\(entry.date)  \(entry.title)\(practice) · \(entry.group) · \(entry.stage) · \(entry.people) people · \(rag)", Style(.text))
        }
        StageScreens.list(rows, selected: selected, viewport: viewport, active: form == nil, in: listRect, grid: &grid,
                          empty: "None yet. New here? Press t for a two-minute tour of a made-up workshop, or n to start your first one.")
        if let form {
            let formArea = Rect(x: 0, y: area.y + 2, width: grid.width, height: min(10, area.height - 2))
            grid.fill(formArea, style: .plain)
            if let content { FormView.render(form, content: content, in: formArea, grid: &grid) }
        }
        if let message {
            // As many lines as it needs, up to half the screen, so a reason (such as why a
            // workshop will not open, with the file's path) is read whole.
            let rows = min(max(TextLayout.wrap(message.text, width: max(area.width, 1)).count, 1), max(3, (grid.height - 2) / 2))
            let messageRect = Rect(x: area.x, y: grid.height - 1 - rows, width: area.width, height: rows)
            grid.fill(Rect(x: 0, y: messageRect.y, width: grid.width, height: rows), style: .plain)
            Draw.paragraph(message.text, in: messageRect, grid: &grid, style: Style(.warning, bold: true), maxRows: rows)
        }
        // "q quit" stays on screen at the right however narrow the window (a projector's big
        // letters leave few columns).
        if showingKeys {
            let rect = Rect(x: 0, y: 1, width: grid.width, height: grid.height - 2)
            let listed = form == nil ? Self.bindings : Bindings.formKeys
            keysOffset = min(keysOffset, HelpBox.maxOffset(listed, note: nil, rows: max(rect.height - 2, 1), width: rect.width))
            HelpBox.render(listed, note: nil, offset: keysOffset, in: rect, grid: &grid)
        }
        let (hints, pinned) = form.map { Bindings.formBar($0) } ?? HintBar.split(Self.bindings, pinning: [.quit, .showKeys])
        HintBar.render(hints, pinned: pinned, more: form == nil ? nil : ("F1", "more"), y: grid.height - 1, x: 0, width: grid.width, grid: &grid)
        return grid
    }
}
