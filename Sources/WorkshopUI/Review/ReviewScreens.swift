import Foundation
import TerminalUI
import Workshop

/// Draws the review browser's screens. Pure: the app's state in, a grid out.
public enum ReviewScreens {
    public static let minimumWidth = 60
    public static let minimumHeight = 16
    /// Said on every screen where something can be changed.
    public static let oneChange = "This is the one change review makes: it is added to that session's journal."

    public static func render(_ app: ReviewApp, width: Int, height: Int) -> Grid {
        var grid = Grid(width: max(width, 0), height: max(height, 0))
        guard width >= minimumWidth, height >= minimumHeight else {
            ConsoleScreen.tooSmall(into: &grid, minimumWidth: minimumWidth, minimumHeight: minimumHeight)
            return grid
        }
        let (body, bottom) = grid.area.splitBottom(2)
        var hints: [(keys: String, label: String)] = []
        switch app.screen {
        case .browser:
            browser(app, in: body, grid: &grid)
            hints = app.isSearching
                ? [("Enter", "keep search"), ("Esc", "clear search")]
                : [("Enter", "open"), ("/", "search"), ("g", "group"), ("p", "practice"), ("s", "sort"), ("S", "reverse"), ("t", "timeline"), ("o", "over time"), ("c", "compare")]
        case .session(let id):
            if let session = app.session(id) { sessionView(app, session, in: body, grid: &grid) }
            hints = [("← →", "stage"), ("t", "timeline"), ("o", "over time")]
        case .timeline(let id):
            if let timeline = app.timeline(id), let session = app.session(id) { timelineView(app, session, timeline, in: body, grid: &grid) }
            hints = [("← →", "one event"), ("[ ]", "stage change"), ("Home End", "first, last"), ("v", "stages")]
        case .progress(let group):
            progress(app, group: group, in: body, grid: &grid)
            hints = app.noteDraft != nil ? [("Enter", "save"), ("Esc", "cancel")]
                : [("↑ ↓", "action"), ("d", "done"), ("n", "not done"), ("x", "dropped"), ("e", "what happened"), ("f", "status"), ("w", "who"), ("← →", "older"), ("u", "planned")]
        case .compare(let first, let second):
            if let a = app.session(first), let b = app.session(second) { compare(app, a, b, in: body, grid: &grid) }
            hints = []
        }
        if let message = app.message {
            let role: Role
            switch message.kind {
            case .saved: role = .good
            case .info: role = .text
            case .refusal: role = .warning
            case .problem: role = .danger
            }
            Draw.line(message.text, x: 1, y: bottom.y, width: width - 2, grid: &grid, style: Style(role, bold: message.kind != .info))
        }
        if app.showingKeys {
            let bindings = ReviewApp.bindings(for: app.screen)
            app.keysOffset = min(app.keysOffset, HelpBox.maxOffset(bindings, note: nil, rows: max(body.height - 2, 1), width: body.width))
            HelpBox.render(bindings, note: nil, offset: app.keysOffset, in: body, grid: &grid)
        }
        let pinned: [(keys: String, label: String)] = app.isSearching ? []
            : (app.noteDraft != nil ? [] : [("?", "keys")]) + [(app.screen == .browser ? "q" : "Esc", app.screen == .browser ? "quit" : "back")]
        HintBar.render(hints, pinned: pinned, y: bottom.y + 1, x: 0, width: width, grid: &grid)
        return grid
    }

    // MARK: - Shared pieces

    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = zone
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    /// The time zone review shows dates and times in: the computer's own, said once on each
    /// screen that shows times. Tests set it.
    nonisolated(unsafe) public static var zone = TimeZone.current

    /// The zone in words, as said once on a screen: "local time (Europe/London)".
    static var zoneName: String { "local time (\(zone.identifier))" }

    /// "14:05" in the local time zone.
    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = zone
        formatter.dateFormat = "HH:mm"
        return formatter.string(from: date)
    }

    static func shortDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = zone
        formatter.dateFormat = "d MMM"
        return formatter.string(from: date)
    }

    /// The title bar: reversed, with "READ-ONLY" (or other words) at the right.
    static func titleBar(_ text: String, right: String = "read-only", y: Int, grid: inout Grid) {
        grid.fill(Rect(x: 0, y: y, width: grid.width, height: 1), style: Style(.title, reverse: true))
        let rightWidth = TextWidth.of(right)
        Draw.line(text, x: 1, y: y, width: grid.width - rightWidth - 4, grid: &grid, style: Style(.title, bold: true, reverse: true))
        grid.write(right, x: grid.width - rightWidth - 1, y: y, style: Style(.title, bold: true, reverse: true))
    }

    // MARK: - Browser

    static func browser(_ app: ReviewApp, in rect: Rect, grid: inout Grid) {
        titleBar("Campfire · looking back", right: "\(app.shown.count) of \(app.allEntries.count) sessions", y: rect.y, grid: &grid)
        let query = app.query
        var filters = "Showing \(query.practice.label)"
        filters += " · group: \(query.group ?? "all")"
        filters += " · sorted by \(query.sort.words) \(query.descending ? "↓" : "↑")"
        Draw.line(filters, x: 1, y: rect.y + 1, width: rect.width - 2, grid: &grid, style: Style(.muted))
        var top = rect.y + 2
        if app.isSearching || !query.search.isEmpty {
            let text = "Search: " + query.search + (app.isSearching ? "▏" : "")
            Draw.line(text, x: 1, y: top, width: rect.width - 2, grid: &grid, style: Style(app.isSearching ? .highlight : .accent, bold: true))
            top += 1
        }
        if let mark = app.compareMark, let entry = app.allEntries.first(where: { $0.id == mark }) {
            Draw.line("Comparing with: \(entry.title) (\(date(entry.createdAt)))", x: 1, y: top, width: rect.width - 2, grid: &grid, style: Style(.accent))
            top += 1
        }
        top += 1
        let layout = columns(width: rect.width - 2)
        let list = Rect(x: 1, y: top + 1, width: rect.width - 2, height: rect.maxY - top - 1)
        let range = app.shown.isEmpty ? 0..<0 : app.viewports.sessions.rows(selected: app.selected, count: app.shown.count, rows: list.height)
        // One table (TerminalUI's, as every list of columns): a marker column, the columns, and
        // the four principles a column each so each score has its own colour.
        var tableColumns = [Table.Column("", width: 1)]
        var headerStyles: [Style?] = [nil]
        for (column, columnWidth) in layout {
            let sorted = column == query.sort
            let arrow = sorted ? (query.descending ? " ↓" : " ↑") : ""
            if column == .principles {
                // Four columns of 2 in the principles' width (11 = 4 x 2 + 3 gaps).
                for (index, letter) in ["A", "W", "R", "N"].enumerated() {
                    tableColumns.append(Table.Column(letter + (index == 3 && sorted ? arrow.trimmingCharacters(in: .whitespaces) : ""), width: (columnWidth - 3) / 4, alignment: .right))
                    headerStyles.append(Style(.heading, bold: true, underline: sorted))
                }
            } else {
                tableColumns.append(Table.Column(column.heading + arrow, width: columnWidth))
                headerStyles.append(Style(.heading, bold: true, underline: sorted))
            }
        }
        var rows: [[String]] = [], rowStyles: [Style] = [], cellStyles: [[Style?]] = []
        for index in range {
            let entry = app.shown[index]
            let isSelected = index == app.selected
            let marked = isSelected || app.compareMark == entry.id
            var row = [isSelected ? "▸" : (marked ? "◆" : " ")]
            var styles: [Style?] = [marked ? Style(.accent, bold: true) : nil]  // a blank in the row's own colours
            for (column, _) in layout {
                switch column {
                case .date: row.append(date(entry.createdAt)); styles.append(nil)
                case .title: row.append((entry.damaged ? "(damaged) " : "") + entry.title + (entry.isPractice ? " (practice)" : "")); styles.append(nil)
                case .group: row.append(entry.group ?? "–"); styles.append(nil)
                case .stage: row.append(entry.finished ? "Finished" : entry.stage.title); styles.append(nil)
                case .people: row.append(String(repeating: " ", count: max(3 - "\(entry.people)".count, 0)) + "\(entry.people)"); styles.append(nil)
                case .principles:
                    for value in entry.rag.prefix(4) + Array(repeating: nil, count: max(4 - entry.rag.count, 0)) {
                        row.append(value.map { "\($0.symbol)\($0.letter)" } ?? "· ")
                        styles.append(isSelected ? nil : Style(Draw.role(for: value), bold: value != nil))
                    }
                }
            }
            rows.append(row)
            rowStyles.append(Style(entry.isPractice ? .muted : .text))
            cellStyles.append(styles)
        }
        var table = Table(columns: tableColumns, rows: rows, selected: range.firstIndex(of: app.selected).map { $0 - range.lowerBound },
                          headerStyle: Style(.heading, bold: true), selectedStyle: Draw.band)
        table.rowStyles = rowStyles
        table.cellStyles = cellStyles
        table.headerStyles = headerStyles
        table.bandsOnlySelected = true
        table.bandFrom = 1  // the rows handed over are already the ones in view
        table.render(in: Rect(x: list.x, y: top, width: list.width, height: list.height + 1), into: &grid)
        guard !app.shown.isEmpty else {
            let empty = app.allEntries.isEmpty
                ? "There are no sessions yet. Run a workshop first; it will appear here."
                : "No session matches. Press / to change the search, g for another group, p for practice runs."
            Draw.paragraph(empty, in: list, grid: &grid, style: Style(.muted))
            return
        }
    }

    /// Column widths for the browser: the title takes what is left.
    static func columns(width: Int) -> [(ReviewColumn, Int)] {
        let group = width >= 120 ? 20 : 12
        let fixed = 10 + group + 11 + 6 + 11 + 6 + 2
        let title = max(width - fixed, 8)
        return [(.date, 10), (.title, title), (.group, group), (.stage, 11), (.people, 6), (.principles, 11)]
    }

    // MARK: - One session

    /// A console for drawing a stage as the console showed it; it cannot save anything.
    static func readOnlyConsole(_ session: Session, at step: FlowStep, content: ContentLibrary, now: Date) -> ConsoleApp {
        var copy = session
        copy.step = step
        let environment = ConsoleEnvironment(clock: ManualClock(now), save: { _, _ in
            throw ChangeRefusal("Review never changes a session.")
        })
        return ConsoleApp(editor: SessionEditor(session: copy), content: content, environment: environment,
                          readOnlyReason: "this is review: nothing here changes the session.")
    }

    static func sessionView(_ app: ReviewApp, _ session: Session, in rect: Rect, grid: inout Grid) {
        let pages = ReviewApp.pages(session)
        let practice = app.practice(session.id)
        let page = min(app.page, max(pages.count - (practice == nil ? 1 : 0), 0))
        titleBar("\(session.title) · \(date(session.createdAt))" + (session.group.map { " · \($0)" } ?? "") + (session.isPractice ? " · practice" : ""), y: rect.y, grid: &grid)
        guard !pages.isEmpty else { return }
        // Where we are: every page named, the current one in bold.
        // Every page named, the current one in brackets; the names scroll to keep it in view.
        let names = (pages.map { pageStep -> String in
            pageStep.principle.map { content(app).principles.guide($0)?.shortName ?? $0.displayName } ?? pageStep.stage.title
        } + (practice == nil ? [] : ["Debrief"])).enumerated().map { index, name in index == page ? "[\(name)]" : name }
        var first = 0
        while first < page, names[first...page].reduce(0, { $0 + TextWidth.of($1) + 1 }) + 2 > rect.width - 2 { first += 1 }
        var x = 1
        if first > 0 { x += grid.write("…", x: x, y: rect.y + 1, style: Style(.muted)) + 1 }
        for index in first..<names.count {
            let text = names[index]
            if x + TextWidth.of(text) >= rect.maxX - 1 {
                grid.write("…", x: x, y: rect.y + 1, style: Style(.muted))
                break
            }
            x += grid.write(text, x: x, y: rect.y + 1, style: index == page ? Style(.accent, bold: true) : Style(.muted)) + 1
        }
        if let practice, page == pages.count {
            Draw.line("\(page + 1) of \(names.count): the debrief, and what the group said (↑ ↓ scroll)", x: 1, y: rect.y + 2, width: rect.width - 2, grid: &grid, style: Style(.heading, bold: true))
            practicePage(app, practice, in: Rect(x: 1, y: rect.y + 4, width: rect.width - 2, height: rect.height - 4), grid: &grid)
            return
        }
        let step = pages[page]
        let heading = "\(page + 1) of \(names.count): " + (step.principle.map { "\(content(app).principles.guide($0)?.name ?? $0.displayName) — what the group agreed" } ?? content(app).prompts.prompt(for: step.stage).title)
        Draw.line(heading, x: 1, y: rect.y + 2, width: rect.width - 2, grid: &grid, style: Style(.heading, bold: true))
        var main = Rect(x: 1, y: rect.y + 4, width: rect.width - 2, height: rect.height - 4)
        if rect.width >= 120 {
            let split = main.splitRight(min(48, rect.width / 3))
            main = Rect(x: split.rest.x, y: split.rest.y, width: split.rest.width - 2, height: split.rest.height)
            overview(session, content: app.content, in: split.right, grid: &grid)
        }
        stagePanel(session, step: step, content: app.content, in: main, grid: &grid, scroll: app.pageScroll)
    }

    private static func content(_ app: ReviewApp) -> ContentLibrary { app.content }

    /// The lines of a practice run's last page: the scenario and seed, what the group said (each
    /// remark with its time), then the debrief as saved.
    static func practiceLines(_ practice: ReviewPractice, width: Int) -> [(text: String, style: Style)] {
        var lines: [(String, Style)] = [("Scenario: \(practice.scenarioTitle) · seed \(practice.seed) (campfire practice --replay runs the same group again)", Style(.muted))]
        lines.append(("", Style(.text)))
        lines.append(("What the group said (\(practice.remarks.count))", Style(.heading, bold: true)))
        if practice.remarks.isEmpty { lines.append(("Nothing yet.", Style(.muted))) }
        for remark in practice.remarks {
            let mark = remark.kind.isImportant ? "! " : "  "
            for (index, line) in TextLayout.wrap("\(time(remark.at))  \(remark.text)", width: max(width - 2, 10)).enumerated() {
                lines.append(((index == 0 ? mark : "  ") + line, Style(remark.kind.isImportant ? .warning : .text)))
            }
        }
        lines.append(("", Style(.text)))
        lines.append(("The debrief", Style(.heading, bold: true)))
        if let debrief = practice.debrief {
            for raw in debrief.split(separator: "\n", omittingEmptySubsequences: false) {
                for line in TextLayout.wrap(String(raw), width: max(width, 10)) { lines.append((line, Style(.text))) }
            }
        } else {
            lines.append(("This run did not get past the welcome, so it has no debrief.", Style(.muted)))
        }
        return lines
    }

    static func practicePage(_ app: ReviewApp, _ practice: ReviewPractice, in rect: Rect, grid: inout Grid) {
        let lines = practiceLines(practice, width: rect.width)
        let first = min(app.pageScroll, max(lines.count - rect.height, 0))
        for (offset, line) in lines.dropFirst(first).prefix(rect.height).enumerated() {
            Draw.line(line.text, x: rect.x, y: rect.y + offset, width: rect.width, grid: &grid, style: line.style)
        }
    }

    /// The main panel for one stage: the console's own screen, except the action plan, which
    /// shows what became of each action.
    static func stagePanel(_ session: Session, step: FlowStep, content: ContentLibrary, in rect: Rect, grid: inout Grid, scroll: Int = 0) {
        if step.stage == .storytelling {
            storiesPage(session, scroll: scroll, in: rect, grid: &grid)
            return
        }
        if step.stage == .actions {
            actionPlan(session, in: rect, grid: &grid)
            return
        }
        let now = session.visits.last?.leftAt ?? session.visits.last?.enteredAt ?? session.createdAt
        let console = readOnlyConsole(session, at: step, content: content, now: now)
        StageScreens.render(console, in: rect, grid: &grid)
    }

    /// The lines of the stories page: who had the stick, then each story with what happened and
    /// the small thing. A story for the room only is never shown: only that it was told.
    static func storyLines(_ session: Session, width: Int) -> [(text: String, style: Style)] {
        let record = session.record
        var lines: [(String, Style)] = []
        let tallies = record.round.tally(upTo: session.visits.last?.leftAt ?? session.createdAt)
        let turns = record.participants.compactMap { person -> String? in
            guard let tally = tallies[person.id] else { return nil }
            return "\(person.name) \(tally.turns) \(tally.turns == 1 ? "turn" : "turns")" + (tally.passes > 0 ? ", passed \(tally.passes)" : "")
        }
        for line in TextLayout.wrap("The stick: " + (turns.isEmpty ? "nobody had it." : turns.joined(separator: " · ")), width: max(width, 10)) { lines.append((line, Style(.muted))) }
        lines.append(("", Style(.text)))
        if record.stories.isEmpty { lines.append(("No stories were written down.", Style(.muted))) }
        for story in record.stories {
            let teller = story.teller.map { record.name(of: $0) } ?? "Someone"
            if story.consent == .roomOnly {
                for line in TextLayout.wrap("[room only] \(teller) told a story for the room only: its words are not shown here.", width: max(width, 10)) {
                    lines.append((line, Style(.muted)))
                }
                lines.append(("", Style(.text)))
                continue
            }
            let mark = story.consent == .share ? "[share]" : "[keep]"
            for line in TextLayout.wrap("\(mark) \(teller): \(story.title)", width: max(width, 10)) { lines.append((line, Style(.text, bold: true))) }
            if !story.whatHappened.isEmpty {
                for line in TextLayout.wrap(story.whatHappened, width: max(width - 2, 10)) { lines.append(("  " + line, Style(.text))) }
            }
            if !story.smallThing.isEmpty {
                for line in TextLayout.wrap("The small thing: " + story.smallThing, width: max(width - 2, 10)) { lines.append(("  " + line, Style(.accent))) }
            }
            lines.append(("", Style(.text)))
        }
        return lines
    }

    static func storiesPage(_ session: Session, scroll: Int, in rect: Rect, grid: inout Grid) {
        let lines = storyLines(session, width: rect.width)
        let first = min(scroll, max(lines.count - rect.height, 0))
        for (offset, line) in lines.dropFirst(first).prefix(rect.height).enumerated() {
            Draw.line(line.text, x: rect.x, y: rect.y + offset, width: rect.width, grid: &grid, style: line.style)
        }
        if lines.count > rect.height, rect.height > 0 {
            let more = first + rect.height < lines.count ? "↓ more" : "↑ back"
            Draw.line(more, x: rect.maxX - 7, y: rect.maxY - 1, width: 7, grid: &grid, style: Style(.muted))
        }
    }

    /// The action plan with each action's status.
    static func actionPlan(_ session: Session, in rect: Rect, grid: inout Grid) {
        let record = session.record
        var y = rect.y
        let chosen = record.chosenIdeas.compactMap { record.idea($0) }
        if !chosen.isEmpty {
            Draw.line("Chosen: " + chosen.map(\.text).joined(separator: " · "), x: rect.x, y: y, width: rect.width, grid: &grid, style: Style(.muted))
            y += 1
        }
        if record.actions.isEmpty {
            Draw.line("No actions were planned.", x: rect.x, y: y, width: rect.width, grid: &grid, style: Style(.muted))
        }
        for action in record.actions where y < rect.maxY {
            let status = statusLabel(action.status)
            let used = grid.write(status.text, x: rect.x, y: y, style: Style(status.role, bold: true))
            Draw.line(" " + action.what, x: rect.x + used, y: y, width: rect.width - used, grid: &grid, style: Style(.text, bold: true))
            y += 1
            guard y < rect.maxY else { break }
            let who = action.who.map { record.name(of: $0) }.joined(separator: ", ")
            var detail = "\(who.isEmpty ? "nobody named" : who) · by \(action.when?.description ?? "no date")"
            if !action.how.isEmpty { detail += " · \(action.how)" }
            if let outcome = action.outcome { detail += " · noted \(outcome.on): “\(outcome.note)”" }
            Draw.line(detail, x: rect.x + 4, y: y, width: rect.width - 4, grid: &grid, style: Style(.muted))
            y += 1
        }
    }

    static func statusLabel(_ status: ActionStatus) -> (text: String, role: Role) {
        switch status {
        case .planned: return ("[· planned ]", .muted)
        case .done: return ("[✓ done    ]", .good)
        case .notDone: return ("[✗ not done]", .warning)
        case .dropped: return ("[– dropped ]", .muted)
        }
    }

    /// Goal, board, stories and numbers: the side panel on wide screens.
    static func overview(_ session: Session, content: ContentLibrary, in rect: Rect, grid: inout Grid) {
        let record = session.record
        var y = rect.y
        for row in rect.y..<rect.maxY { grid.write("│", x: rect.x, y: row, style: Style(.border)) }
        let inner = Rect(x: rect.x + 2, y: rect.y, width: rect.width - 2, height: rect.height)
        Draw.line("Goal", x: inner.x, y: y, width: inner.width, grid: &grid, style: Style(.heading, bold: true))
        y += 1
        y += Draw.paragraph(record.agreedGoal?.text ?? "No goal agreed.", in: Rect(x: inner.x, y: y, width: inner.width, height: 3), grid: &grid, style: Style(record.agreedGoal == nil ? .muted : .good), maxRows: 3)
        y += 1
        Draw.line("Principle board", x: inner.x, y: y, width: inner.width, grid: &grid, style: Style(.heading, bold: true))
        y += 1
        y = Board.render(session, content: content, x: inner.x, y: y, width: inner.width, maxY: inner.maxY, grid: &grid)
        y += 1
        guard y < inner.maxY else { return }
        let roomOnly = record.stories.filter { $0.consent == .roomOnly }.count
        let lines = [
            "\(record.participants.count) people · \(record.stories.count) stories (\(roomOnly) for the room only)",
            "\(record.ideas.count) ideas · \(record.chosenIdeas.count) chosen · \(record.actions.count) actions",
            "Stories for the room only are shown here: this is the group's own record. Exports leave them out.",
        ]
        for line in lines where y < inner.maxY {
            y += Draw.paragraph(line, in: Rect(x: inner.x, y: y, width: inner.width, height: inner.maxY - y), grid: &grid, style: Style(.muted), maxRows: 3)
        }
    }

    // MARK: - Timeline

    static func timelineView(_ app: ReviewApp, _ session: Session, _ timeline: Timeline, in rect: Rect, grid: inout Grid) {
        titleBar("Timeline · \(session.title) · \(date(session.createdAt))", y: rect.y, grid: &grid)
        var y = rect.y + 1
        if let problem = timeline.problem {
            y += Draw.paragraph(problem, in: Rect(x: 1, y: y, width: rect.width - 2, height: 2), grid: &grid, style: Style(.warning, bold: true), maxRows: 2)
        }
        guard !timeline.entries.isEmpty else {
            Draw.paragraph(emptyTimelineWords(session), in: Rect(x: 1, y: y + 1, width: rect.width - 2, height: max(rect.maxY - y - 1, 1)), grid: &grid, style: Style(.muted))
            return
        }
        let index = min(app.timelineIndex, timeline.entries.count - 1)
        let current = timeline.entries[index]
        let listHeight = max(min(rect.height / 3, 9), 3)
        let list = Rect(x: 1, y: y, width: rect.width - 2, height: listHeight)
        for (offset, row) in app.viewports.timeline.rows(selected: index, count: timeline.entries.count, rows: list.height).enumerated() {
            let entry = timeline.entries[row]
            let isCurrent = row == index
            let style = isCurrent ? Draw.band : Style(entry.isStepChange ? .accent : .text, bold: entry.isStepChange)
            grid.write(isCurrent ? "▸ " : "  ", x: list.x, y: list.y + offset, style: Draw.markerStyle(isCurrent))
            if isCurrent { grid.fill(Rect(x: list.x + 2, y: list.y + offset, width: list.width - 2, height: 1), style: style) }
            Draw.line("\(Timeline.clock(entry.at))  \(entry.words)", x: list.x + 2, y: list.y + offset, width: list.width - 2, grid: &grid, style: style)
        }
        y = list.maxY
        grid.fill(Rect(x: 0, y: y, width: rect.width, height: 1), style: Style(.border))
        let after = current.after
        let status = "Entry \(current.sequence) of \(timeline.entries.last!.sequence) · \(date(current.at)) \(time(current.at)) \(zoneName) · after it, on \(WorkshopFlow.describe(after.step))"
        Draw.line(status, x: 1, y: y, width: rect.width - 2, grid: &grid, style: Style(.heading, bold: true))
        y += 1
        let panel = Rect(x: 1, y: y + 1, width: rect.width - 2, height: rect.maxY - y - 1)
        // The session as it was after this entry, on the step it was on.
        let step = after.step.stage == .principles && after.step.phase == .explain ? FlowStep(principle: after.step.principle ?? .assets, phase: .agree) : after.step
        if step.stage == .actions {
            actionPlan(after, in: panel, grid: &grid)
        } else if step.stage == .storytelling {
            storiesPage(after, scroll: 0, in: panel, grid: &grid)
        } else {
            let console = readOnlyConsole(after, at: step, content: app.content, now: current.at)
            StageScreens.render(console, in: panel, grid: &grid)
        }
    }

    /// What an empty journal means: a new session, or one whose history was removed (erasing a
    /// person rebuilds the session without its journal, because the journal held their words).
    static func emptyTimelineWords(_ session: Session) -> String {
        let record = session.record
        let happened = session.furthestStage != .welcome || !record.stories.isEmpty || !record.actions.isEmpty || record.agreedGoal != nil
        guard happened else { return "Nothing happened in this session yet: its journal is empty." }
        func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
        return "The step-by-step history of this session was removed: this happens when someone is erased from it "
            + "(campfire erase --participant), because the history held their words. What is kept is the session as saved: it reached "
            + "\(session.furthestStage.title), with \(count(record.present.count, "person", "people")), \(count(record.stories.count, "story", "stories")), "
            + "\(count(record.actions.count, "action", "actions"))\(record.agreedGoal == nil ? "" : " and an agreed goal"). Press v to read it stage by stage."
    }

    // MARK: - Progress over time

    static func progress(_ app: ReviewApp, group: String, in rect: Rect, grid: inout Grid) {
        let entries = app.groupEntries(group)
        titleBar("Over time · group \(group) · \(entries.count) \(entries.count == 1 ? "session" : "sessions") (practice runs left out)", right: "marks actions only", y: rect.y, grid: &grid)
        var y = rect.y + 2
        y = trendChart(app, entries: entries, x: 1, y: y, width: rect.width - 2, maxY: rect.maxY, grid: &grid)
        y += 1
        guard y < rect.maxY else { return }
        let all = app.progressActions(group)
        let actions = app.filteredProgressActions(group)
        Draw.line("Actions, newest first · \(app.actionFilter.words) · \(actions.count) of \(all.count) (f status, w person)", x: 1, y: y, width: rect.width - 2, grid: &grid, style: Style(.heading, bold: true))
        y += 1
        if y < rect.maxY {
            Draw.line(oneChange, x: 1, y: y, width: rect.width - 2, grid: &grid, style: Style(.warning))
            y += 1
        }
        var list = Rect(x: 1, y: y, width: rect.width - 2, height: rect.maxY - y)
        if let draft = app.noteDraft, list.height >= 3 {
            // The box for what happened takes the last two rows of the list.
            let selected = actions.indices.contains(app.progressSelected) ? actions[app.progressSelected].action.what : "the action"
            Draw.line("What happened with “\(selected)”? Enter saves (dated \(app.today)), Esc cancels:", x: list.x, y: list.maxY - 2, width: list.width, grid: &grid, style: Style(.accent, bold: true))
            Draw.line("› " + draft + "▏", x: list.x, y: list.maxY - 1, width: list.width, grid: &grid, style: Style(.text, bold: true))
            list = Rect(x: list.x, y: list.y, width: list.width, height: list.height - 2)
        }
        guard !actions.isEmpty else {
            Draw.line(all.isEmpty ? "No actions were planned in these sessions." : "No actions match: f and w change what is shown.", x: list.x, y: list.y, width: list.width, grid: &grid, style: Style(.muted))
            return
        }
        let selected = min(app.progressSelected, actions.count - 1)
        for (offset, index) in app.viewports.actions.rows(selected: selected, count: actions.count, rows: list.height).enumerated() {
            let item = actions[index]
            let rowY = list.y + offset
            let isSelected = index == selected
            grid.write(isSelected ? "▸ " : "  ", x: list.x, y: rowY, style: Draw.markerStyle(isSelected))
            let overdue = item.isOverdue(today: app.today)
            let status = overdue ? ("[⚠ overdue ]", Role.warning) : statusLabel(item.action.status)
            var x = list.x + 2
            x += grid.write(status.0, x: x, y: rowY, style: isSelected ? Draw.band : Style(status.1, bold: true)) + 1
            let who = item.who.isEmpty ? "" : " — \(item.who.joined(separator: ", "))"
            let when = item.action.when.map { overdue ? " — was due \($0), \($0.days(until: app.today)) days ago" : " — by \($0)" } ?? ""
            let outcome = item.action.outcome.map { " — noted \($0.on): “\($0.note)”" } ?? ""
            // What happened comes straight after the action, so it is seen on a narrow screen.
            let text = "\(item.action.what)\(outcome)\(who)\(when) (\(date(item.sessionDate)))"
            let style = isSelected ? Draw.band : Style(overdue ? .warning : .text)
            if isSelected { grid.fill(Rect(x: x, y: rowY, width: list.maxX - x, height: 1), style: style) }
            Draw.line(text, x: x, y: rowY, width: list.maxX - x, grid: &grid, style: style)
        }
    }

    /// "3 Jun" and "2026" for a column of the trend chart.
    static func dayMonth(_ date: Date) -> (dayMonth: String, year: String) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = zone
        formatter.dateFormat = "d MMM"
        let year = DateFormatter()
        year.locale = Locale(identifier: "en_GB")
        year.timeZone = zone
        year.dateFormat = "yyyy"
        return (formatter.string(from: date), year.string(from: date))
    }

    /// Each principle's agreed stage and RAG across the sessions, one column a session, oldest at
    /// the left; ← → move through them when they do not all fit. Each principle's name is on a
    /// line of its own, whole. Returns the next free row.
    static func trendChart(_ app: ReviewApp, entries: [ReviewEntry], x: Int, y: Int, width: Int, maxY: Int, grid: inout Grid) -> Int {
        var y = y
        Draw.line("The agreed stage of each principle, workshop by workshop", x: x, y: y, width: width, grid: &grid, style: Style(.heading, bold: true))
        y += 1
        guard !entries.isEmpty else {
            Draw.line("No real sessions for this group yet.", x: x, y: y, width: width, grid: &grid, style: Style(.muted))
            return y + 1
        }
        let indent = 2
        let cellWidth = 8
        let fit = max((width - indent) / cellWidth, 1)
        let first = app.trendFirst(count: entries.count, fit: fit)
        let shownEntries = Array(entries[first..<min(first + fit, entries.count)])
        // The year over the first column and wherever it changes; then the day and month.
        var lastYear = ""
        for (column, entry) in shownEntries.enumerated() {
            let label = dayMonth(entry.createdAt)
            let cellX = x + indent + column * cellWidth
            if label.year != lastYear { grid.write(label.year, x: cellX, y: y, style: Style(.muted, bold: true), maxWidth: cellWidth - 1) }
            lastYear = label.year
            grid.write(label.dayMonth, x: cellX, y: y + 1, style: Style(.heading, bold: true), maxWidth: cellWidth - 1)
        }
        y += 2
        let sessions = shownEntries.map { app.session($0.id) }
        for principle in PrincipleID.allCases where y + 1 < maxY {
            let guide = app.content.principles.guide(principle)
            y += Draw.paragraph(guide?.name ?? principle.displayName, in: Rect(x: x, y: y, width: width, height: 2), grid: &grid, style: Style(.text, bold: true), maxRows: 2)
            for (column, session) in sessions.enumerated() {
                let score = session?.record.score(for: principle)
                let cellX = x + indent + column * cellWidth
                guard let score, score.agreedStage != nil || score.rag != nil else {
                    grid.write("  ·", x: cellX, y: y, style: Style(.muted))
                    continue
                }
                let bar = score.agreedStage.map { ["▁", "▃", "▅", "█"][min(max($0, 1), 4) - 1] } ?? " "
                let stage = score.agreedStage.map(String.init) ?? "–"
                let rag = score.rag.map { "\($0.symbol)\($0.letter)" } ?? "· "
                grid.write("\(bar) \(stage) \(rag)", x: cellX, y: y, style: Style(Draw.role(for: score.rag), bold: true), maxWidth: cellWidth - 1)
            }
            y += 1
        }
        if y < maxY {
            let place = entries.count > fit
                ? "Workshops \(first + 1)–\(first + shownEntries.count) of \(entries.count): ← earlier, → later. "
                : ""
            Draw.line(place + "Each column a workshop: the bar and number are the agreed stage (1-4), then ■R ▲A ●G; · not agreed.", x: x, y: y, width: width, grid: &grid, style: Style(.muted))
            y += 1
        }
        return y
    }

    // MARK: - Compare

    static func compare(_ app: ReviewApp, _ a: Session, _ b: Session, in rect: Rect, grid: inout Grid) {
        titleBar("Side by side · \(a.title) and \(b.title)", y: rect.y, grid: &grid)
        let columns = Rect(x: 1, y: rect.y + 2, width: rect.width - 2, height: rect.height - 2).columns(2, gap: 3)
        for (index, session) in [a, b].enumerated() {
            let area = columns[index]
            let other = index == 0 ? nil : a
            var y = area.y
            Draw.line(session.title + (session.isPractice ? " (practice)" : ""), x: area.x, y: y, width: area.width, grid: &grid, style: Style(.heading, bold: true))
            y += 1
            Draw.line("\(date(session.createdAt)) · \(session.group ?? "no group") · \(session.record.present.count) people · reached \(session.furthestStage.title)", x: area.x, y: y, width: area.width, grid: &grid, style: Style(.muted))
            y += 2
            Draw.line("Goal", x: area.x, y: y, width: area.width, grid: &grid, style: Style(.heading, bold: true))
            y += 1
            y += Draw.paragraph(session.record.agreedGoal?.text ?? "No goal agreed.", in: Rect(x: area.x, y: y, width: area.width, height: 3), grid: &grid, style: Style(session.record.agreedGoal == nil ? .muted : .good), maxRows: 3)
            y += 1
            Draw.line("Principle board", x: area.x, y: y, width: area.width, grid: &grid, style: Style(.heading, bold: true))
            y += 1
            let evidenceRows = area.height >= 40 ? 3 : (area.height >= 20 ? 1 : 0)
            for principle in PrincipleID.allCases where y < area.maxY {
                let score = session.record.score(for: principle)
                let name = app.content.principles.guide(principle)?.shortName ?? principle.displayName
                var text = "\(name): stage \(score.agreedStage.map(String.init) ?? "–") "
                if let before = other?.record.score(for: principle).agreedStage, let now = score.agreedStage, now != before {
                    text = "\(name): stage \(now) (\(now > before ? "+" : "")\(now - before)) "
                }
                let used = grid.write(text, x: area.x, y: y, style: Style(.text, bold: true), maxWidth: area.width)
                grid.write(Draw.rag(score.rag), x: area.x + used, y: y, style: Style(Draw.role(for: score.rag), bold: true), maxWidth: max(area.width - used, 0))
                y += 1
                if evidenceRows > 0, !score.evidence.isEmpty, y < area.maxY {
                    y += Draw.paragraph(score.evidence, in: Rect(x: area.x + 2, y: y, width: area.width - 2, height: area.maxY - y), grid: &grid, style: Style(.muted), maxRows: evidenceRows)
                }
            }
            // The actions and what became of them.
            y += 1
            guard y < area.maxY else { continue }
            let actions = session.record.actions
            Draw.line("Actions (\(actions.count))", x: area.x, y: y, width: area.width, grid: &grid, style: Style(.heading, bold: true))
            y += 1
            if actions.isEmpty, y < area.maxY {
                Draw.line("No actions were planned.", x: area.x, y: y, width: area.width, grid: &grid, style: Style(.muted))
            }
            for action in actions.reversed() where y < area.maxY {
                let item = ProgressAction(sessionID: session.id, sessionTitle: session.title, sessionDate: session.createdAt, action: action, who: action.who.map { session.record.name(of: $0) })
                let overdue = item.isOverdue(today: app.today)
                let status = overdue ? ("[⚠ overdue ]", Role.warning) : statusLabel(action.status)
                let used = grid.write(status.0, x: area.x, y: y, style: Style(status.1, bold: true), maxWidth: area.width)
                let who = item.who.isEmpty ? "" : " — \(item.who.joined(separator: ", "))"
                Draw.line(" \(action.what)\(who)" + (action.when.map { " — by \($0)" } ?? ""), x: area.x + used, y: y, width: max(area.width - used, 0), grid: &grid, style: Style(overdue ? .warning : .text))
                y += 1
            }
        }
    }
}
