import Foundation
import TerminalUI
import Workshop

/// Draws the facilitator's console, or the projector view when that layout is on.
public enum ConsoleScreen {
    /// The smallest console that stays usable.
    public static let minimumWidth = 44
    public static let minimumHeight = 12

    /// Renders the whole screen for the app's current state.
    public static func render(_ app: ConsoleApp, width: Int, height: Int) -> Grid {
        var grid = Grid(width: max(width, 0), height: max(height, 0))
        // What is drawn comes from the same value that decides what each key does.
        let screen = app.screen(width: width, height: height)
        switch screen {
        case .projector:
            ProjectorScreen.render(session: app.session, content: app.content, now: app.now, into: &grid, consensusDraft: consensusDraft(app))
            return grid
        case .tooSmall:
            tooSmall(into: &grid, minimumWidth: minimumWidth, minimumHeight: minimumHeight)
            return grid
        case .stage, .form, .confirmDiscard, .confirm, .help, .consensus, .picker:
            break
        }
        let area = grid.area
        let hint = headerHint(app, width: width)
        let hintRows = headerRows(app, width: width, height: height) - 1
        let (top, _) = area.splitTop(1 + hintRows)
        let (middle, bottom) = middleAndBottom(app, width: width, height: height)
        header(app, hint: hint, rows: hintRows, in: top, grid: &grid)

        // A side panel of people and warnings when there is room for it.
        var main = middle.inset(horizontal: 1, vertical: 0)
        if showsSidePanel(app.session.step.stage, width: width) {
            let sideWidth = min(max(24, width / 3), 40)
            let split = middle.splitRight(sideWidth)
            main = split.rest.inset(horizontal: 1, vertical: 0)
            SidePanel.render(app, in: split.right, grid: &grid)
        }
        StageScreens.render(app, in: main, grid: &grid)

        switch screen {
        case .form, .confirmDiscard:
            if let form = app.state.form {
                grid.fill(middle, style: .plain)
                FormView.render(form, content: app.content, in: middle, grid: &grid)
            }
        case .picker:
            if case .pickPerson(let picker) = app.state.mode { PersonPickerView.render(app, picker, in: middle, grid: &grid) }
        case .help:
            grid.fill(middle, style: .plain)
            help(app, in: middle, grid: &grid)
        case .stage, .confirm, .consensus, .projector, .tooSmall:
            break
        }
        footer(app, screen: screen, in: bottom, grid: &grid)
        return grid
    }

    /// Whether the console has its side panel (people, turns, plain-words warnings): where it
    /// helps and there is room for it.
    static func showsSidePanel(_ stage: Stage, width: Int) -> Bool {
        let wanted = stage != .choose && stage != .close && (stage != .actions || width >= 100)
        return width >= 70 && wanted
    }

    private static func consensusDraft(_ app: ConsoleApp) -> GoalDraftID? {
        if case .consensus(let id) = app.state.mode { return id }
        return nil
    }

    /// "Please make the window larger", centred, in whatever space there is.
    static func tooSmall(into grid: inout Grid, minimumWidth: Int, minimumHeight: Int) {
        let text = "Please make this window larger (at least \(minimumWidth) × \(minimumHeight)). What you typed is kept; keys pressed now are not taken."
        let width = max(grid.width - 2, 1)
        let lines = TextLayout.wrap(text, width: width)
        let top = max((grid.height - lines.count) / 2, 0)
        for (offset, line) in lines.enumerated() where top + offset < grid.height {
            grid.write(line, x: max((grid.width - TextWidth.of(line)) / 2, 0), y: top + offset, style: Style(.warning, bold: true))
        }
    }

    // MARK: - Header

    /// Rows of the header: the steps and timer, then the step's title with its hint, which wraps
    /// onto up to two more rows rather than being cut, on a window of 24 rows or more.
    static func headerRows(_ app: ConsoleApp, width: Int, height: Int) -> Int {
        height >= 24 ? 1 + min(max(headerHint(app, width: width).lines.count, 1), 3) : 2
    }

    /// The step's title and its hint, wrapped in the columns beside the title (and under the saved
    /// time on the rows after the first).
    private static func headerHint(_ app: ConsoleApp, width: Int) -> (heading: String, lines: [String]) {
        let session = app.session
        // The saved time's width without formatting it ("✓ Saved 11:24:45" is always as wide).
        let savedWidth = app.readOnlyReason != nil ? TextWidth.of("READ-ONLY") : (app.state.lastSavedAt == nil ? 0 : TextWidth.of("✓ Saved 00:00:00"))
        // Laid out once per width and step, not on every key (the header is drawn on each).
        if let memo = app.headerHintMemo, memo.width == width, memo.step == session.step, memo.savedWidth == savedWidth { return memo.value }
        let value = layOutHeaderHint(app, width: width, savedWidth: savedWidth)
        app.headerHintMemo = (width, session.step, savedWidth, value)
        return value
    }

    private static func layOutHeaderHint(_ app: ConsoleApp, width: Int, savedWidth: Int) -> (heading: String, lines: [String]) {
        let session = app.session
        let prompt = app.content.prompts.prompt(for: session.step.stage)
        let heading = session.step.stage == .principles ? WorkshopFlow.describe(session.step) : prompt.title
        let headingWidth = min(TextWidth.of(heading), max(width - 2, 0))
        let first = max(width - 2 - headingWidth - 2 - savedWidth - 2, 1)
        let later = max(width - 2 - headingWidth - 2, 1)
        guard let line = TextLayout.wrap(prompt.hint, width: first).first else { return (heading, []) }
        let rest = prompt.hint.dropFirst(line.count).trimmingCharacters(in: .whitespaces)
        return (heading, [line] + (rest.isEmpty ? [] : TextLayout.wrap(rest, width: later)))
    }

    private static func header(_ app: ConsoleApp, hint: (heading: String, lines: [String]), rows: Int, in rect: Rect, grid: inout Grid) {
        let session = app.session
        grid.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: Style(.title, reverse: true))
        let timer = timerText(session, now: app.now)
        let timerWidth = TextWidth.of(timer.text)
        grid.write(timer.text, x: rect.maxX - timerWidth - 1, y: rect.y, style: Style(timer.overrun ? .overrun : .title, bold: true, reverse: !timer.overrun))
        Breadcrumb.render(session, x: rect.x + 1, y: rect.y, width: rect.width - timerWidth - 3, grid: &grid)

        let used = grid.write(hint.heading, x: rect.x + 1, y: rect.y + 1, style: Style(.heading, bold: true), maxWidth: rect.width - 2)
        let saved = savedText(app)
        let savedWidth = TextWidth.of(saved.text)
        for (index, line) in hint.lines.prefix(rows).enumerated() {
            // The last row shown says "…" if more of the hint did not fit (a window under 20 rows).
            let text = index == rows - 1 && hint.lines.count > rows ? line + " " + hint.lines[rows...].joined(separator: " ") : line
            let right = index == 0 ? savedWidth + 2 : 0
            Draw.line(text, x: rect.x + 1 + used + 2, y: rect.y + 1 + index, width: max(rect.width - used - 4 - right, 0), grid: &grid, style: Style(.muted))
        }
        grid.write(saved.text, x: rect.maxX - savedWidth - 1, y: rect.y + 1, style: Style(saved.role, bold: true))
    }

    static func timerText(_ session: Session, now: Date) -> (text: String, overrun: Bool) {
        let elapsed = session.elapsedInTimeBox(now: now)
        guard let box = session.timeBoxSeconds else { return (Draw.clock(elapsed), false) }
        // Over an hour past the time box (a workshop reopened the next day), the overrun in words.
        if elapsed - box >= 3600 { return ("◷ \(Draw.clock(box)) time box · \(Draw.duration(elapsed - box)) over", true) }
        if elapsed > box { return ("◷ \(Draw.clock(elapsed)) of \(Draw.clock(box)) · \(Draw.clock(elapsed - box)) over", true) }
        return ("◷ \(Draw.clock(elapsed)) of \(Draw.clock(box))", false)
    }

    private static func savedText(_ app: ConsoleApp) -> (text: String, role: Role) {
        if app.readOnlyReason != nil { return ("READ-ONLY", .danger) }
        guard let saved = app.state.lastSavedAt else { return ("", .good) }
        // Formatted once per save, not on every frame (a formatter is costly to make).
        if let memo = app.savedTextMemo, memo.at == saved { return (memo.text, .good) }
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        formatter.timeZone = TimeZone.current
        let text = "✓ Saved \(formatter.string(from: saved))"
        app.savedTextMemo = (saved, text)
        return (text, .good)
    }

    // MARK: - Footer

    /// What the status line says now, and in which role.
    /// The rows between the header and the status line, and the status line with the hint bar.
    /// The status line grows when a message needs it (three lines, or up to half the rows below
    /// the header), so no reason and no command to run is cut off.
    static func middleAndBottom(_ app: ConsoleApp, width: Int, height: Int) -> (middle: Rect, bottom: Rect) {
        // The header, then the status line (which grows when a message needs it: three lines, or
        // up to half the rows below the header, so no reason and no command to run is cut off).
        let (_, rest) = Rect(x: 0, y: 0, width: max(width, 0), height: max(height, 0)).splitTop(headerRows(app, width: width, height: height))
        let status = statusLine(app)
        let statusRows = status.map { min(max(TextLayout.wrap($0.text, width: width - 2).count, 1), max(3, (rest.height - 1) / 2)) } ?? 1
        let (middle, bottom) = rest.splitBottom(statusRows + 1)
        return (middle, bottom)
    }

    /// Where the close step's debrief is drawn at a size (no side panel on the close step).
    static func debriefArea(_ app: ConsoleApp, width: Int, height: Int) -> Rect {
        middleAndBottom(app, width: width, height: height).middle.inset(horizontal: 1, vertical: 0)
    }

    static func statusLine(_ app: ConsoleApp) -> (text: String, style: Style)? {
        if let reason = app.readOnlyReason, app.state.message == nil {
            return ("Read-only: \(reason)", Style(.danger, bold: true))
        } else if case .confirm(let question, _) = app.state.mode {
            return (question, Style(.warning, bold: true))
        } else if case .confirmDiscard = app.state.mode {
            return ("Throw away what you typed? Press y to throw it away, any other key to keep typing.", Style(.warning, bold: true))
        } else if let form = app.state.form, let jargon = FormView.jargonHint(form, content: app.content) {
            return (jargon, Style(.jargon, bold: true))
        } else if let message = app.state.message {
            let role: Role
            switch message.kind {
            case .saved: role = .good
            case .info: role = .text
            case .refusal: role = .warning
            case .problem: role = .danger
            }
            return (message.text, Style(role, bold: message.kind != .info))
        }
        return nil
    }

    private static func footer(_ app: ConsoleApp, screen: ConsoleScreenMode, in rect: Rect, grid: inout Grid) {
        if let status = statusLine(app) {
            Draw.paragraph(status.text, in: Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: rect.height - 1), grid: &grid, style: status.style)
        }
        // "? all keys" and "q quit" are always on screen, at the right.
        let (hints, pinned): ([(keys: String, label: String)], [(keys: String, label: String)])
        // In a box and in the name picker `?` is a letter, so F1 lists every key there.
        let more: (keys: String, label: String)? = screen == .form || screen == .confirmDiscard || screen == .picker ? ("F1", "more") : nil
        switch screen {
        case .form, .confirmDiscard: (hints, pinned) = app.state.form.map { Bindings.formBar($0) } ?? ([], [])
        case .picker: (hints, pinned) = HintBar.split(app.bindings(for: screen), pinning: [.leaveMode])
        // While the list of keys is open a key closes it: the bar says that, not the step's keys.
        case .help: (hints, pinned) = ([("↑ ↓", "scroll")], [("any key", "closes the list")])
        default:
            // A read-only console offers only the keys that work there: looking, not changing.
            let looking: Set<Command> = [.help, .quit, .toggleProjector, .nextPanel, .moveUp, .moveDown, .switchView, .leaveMode]
            let shown = app.bindings(for: screen).filter { app.readOnlyReason == nil || looking.contains($0.command) }
            (hints, pinned) = HintBar.split(shown)
        }
        HintBar.render(hints, pinned: pinned, more: more, y: rect.maxY - 1, x: rect.x, width: rect.width, grid: &grid)
    }

    // MARK: - Help

    static let helpNote = "Typing in a box never runs a key: words are only words."

    private static func help(_ app: ConsoleApp, in rect: Rect, grid: inout Grid) {
        HelpBox.render(app.helpBindings, note: helpNote, offset: app.state.helpOffset, in: rect, grid: &grid)
    }
}
