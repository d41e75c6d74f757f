import Foundation
import TerminalUI
import Workshop

/// The main panel of the console for each stage.
enum StageScreens {
    static func render(_ app: ConsoleApp, in rect: Rect, grid: inout Grid) {
        guard rect.width > 4, rect.height > 2 else { return }
        switch app.session.step.stage {
        case .welcome: welcome(app, rect, &grid)
        case .storytelling: storytelling(app, rect, &grid)
        case .goal: goal(app, rect, &grid)
        case .principles: principles(app, rect, &grid)
        case .ideas: ideas(app, rect, &grid)
        case .choose: choose(app, rect, &grid)
        case .actions: actions(app, rect, &grid)
        case .close: close(app, rect, &grid)
        }
    }

    // MARK: - A selectable list

    /// Draws rows with the selected one highlighted; `active` is false when another panel has focus.
    /// `viewport` keeps the list still while the highlight moves (see ``ListViewport``); without
    /// one the highlight is put in the middle.
    static func list(_ rows: [(text: String, style: Style)], selected: Int, viewport: ListViewport? = nil, active: Bool, in rect: Rect, grid: inout Grid, empty: String) {
        list(count: rows.count, row: { rows[$0] }, selected: selected, viewport: viewport, active: active, in: rect, grid: &grid, empty: empty)
    }

    /// The same, building only the rows that are on screen (lists can hold a thousand stories).
    static func list(count: Int, row: (Int) -> (text: String, style: Style), selected: Int, viewport: ListViewport? = nil, active: Bool, in rect: Rect, grid: inout Grid, empty: String) {
        guard rect.height > 0 else { return }
        if count == 0 {
            Draw.paragraph(empty, in: rect, grid: &grid, style: Style(.muted))
            return
        }
        if wrapsWhole(count: count, row: row, selected: selected, active: active, in: rect, grid: &grid) { return }
        let shown = viewport?.rows(selected: selected, count: count, rows: rect.height)
            ?? Draw.visibleRange(selected: selected, count: count, rows: rect.height)
        for (offset, index) in shown.enumerated() {
            let y = rect.y + offset
            let isSelected = index == selected
            let built = row(index)
            var style = built.style
            if isSelected && active { style = Draw.band }
            grid.write(isSelected ? (active ? "▸ " : "› ") : "  ", x: rect.x, y: y, style: Draw.markerStyle(isSelected))
            if isSelected && active { grid.fill(Rect(x: rect.x + 2, y: y, width: rect.width - 2, height: 1), style: style) }
            Draw.line(built.text, x: rect.x + 2, y: y, width: rect.width - 2, grid: &grid, style: style)
        }
    }

    /// When every row of a list fits wrapped, draws it wrapped (nothing cut while there is
    /// room) and returns true; a longer list keeps one line a row, cut, with the selection in view.
    private static func wrapsWhole(count: Int, row: (Int) -> (text: String, style: Style), selected: Int, active: Bool, in rect: Rect, grid: inout Grid) -> Bool {
        let width = rect.width - 2
        guard width > 0, count <= rect.height else { return false }
        let rows = (0..<count).map(row)
        let lines = rows.map { TextLayout.wrap($0.text, width: width) }
        guard lines.contains(where: { $0.count > 1 }), lines.reduce(0, { $0 + $1.count }) <= rect.height else { return false }
        var y = rect.y
        for (index, built) in rows.enumerated() {
            let isSelected = index == selected
            var style = built.style
            if isSelected && active { style = Draw.band }
            grid.write(isSelected ? (active ? "▸ " : "› ") : "  ", x: rect.x, y: y, style: Draw.markerStyle(isSelected))
            for line in lines[index] {
                if isSelected && active { grid.fill(Rect(x: rect.x + 2, y: y, width: width, height: 1), style: style) }
                grid.write(line, x: rect.x + 2, y: y, style: style, maxWidth: width)
                y += 1
            }
        }
        return true
    }

    /// A line that tells the facilitator which key to press, or plain words where nothing can be
    /// changed (a read-only session, or review), so no screen invites a key that does nothing.
    static func keyed(_ app: ConsoleApp, _ text: String, otherwise: String) -> String {
        app.readOnlyReason == nil ? text : otherwise
    }

    static func title(_ text: String, _ rect: Rect, _ grid: inout Grid, role: Role = .heading) -> Rect {
        Draw.line(text, x: rect.x, y: rect.y, width: rect.width, grid: &grid, style: Style(role, bold: true))
        return Rect(x: rect.x, y: rect.y + 1, width: rect.width, height: max(rect.height - 1, 0))
    }

    // MARK: - Welcome

    private static func welcome(_ app: ConsoleApp, _ rect: Rect, _ grid: inout Grid) {
        let record = app.session.record
        let people = record.participants
        let rules = app.content.prompts.groundRules + record.groundRules
        // People first; the ground rules and consent fill what is left.
        let emptyText = keyed(app, "Nobody yet. Press a to add each person by first name.", otherwise: "Nobody was added.")
        let listRows = people.isEmpty ? TextLayout.wrap(emptyText, width: max(rect.width, 1)).count : people.count
        let peopleHeight = min(listRows + 1, max(rect.height - 5, 3))
        let (top, bottom) = rect.splitTop(peopleHeight)
        let body = title("People in the room (\(record.present.count))", top, &grid)
        let rows = people.map { person -> (String, Style) in
            var text = person.name
            if let perspective = person.perspective { text += " — " + app.content.prompts.label(for: perspective) }
            if !person.accessNeeds.isEmpty { text += " · needs: " + person.accessNeeds }
            if person.hasLeft { text += " (left)" }
            return (text, Style(person.hasLeft ? .muted : .text))
        }
        list(rows, selected: app.selectedRow(.people), viewport: app.viewport(.people), active: true, in: body, grid: &grid,
             empty: emptyText)
        var y = bottom.y + 1
        guard y < bottom.maxY else { return }
        Draw.line("Ground rules", x: bottom.x, y: y, width: bottom.width, grid: &grid, style: Style(.heading, bold: true))
        y += 1
        // The consent words are kept whole (they are read out); the rules fill the rest and
        // say how many more there are when they run out of rows.
        let consent = "Consent: " + app.content.prompts.consent.explain
        let consentRows = min(TextLayout.wrap(consent, width: bottom.width).count, max(bottom.maxY - y - 2, 1))
        y = WallText.entries(rules.map { [WallText.Piece(text: "• " + $0, style: Style(.muted))] },
                             in: Rect(x: bottom.x, y: y, width: bottom.width, height: max(bottom.maxY - y - consentRows - 1, 0)),
                             gap: 0, grid: &grid, noun: { $0 == 1 ? "rule" : "rules" })
        y += 1
        if y < bottom.maxY {
            WallText.paragraph(WallText.Piece(text: consent, style: Style(.muted)), x: bottom.x, y: y, width: bottom.width, maxY: bottom.maxY, grid: &grid)
        }
    }

    // MARK: - Storytelling

    private static func storytelling(_ app: ConsoleApp, _ rect: Rect, _ grid: inout Grid) {
        let record = app.session.record
        let people = record.present
        let peopleHeight = min(people.count + 1, max(rect.height / 2 - 1, 3))
        var (top, rest) = rect.splitTop(peopleHeight + 1)
        let teller = record.round.currentTeller.map { record.name(of: $0) }
        let stickTitle = teller.map { "Talking stick: \($0)" } ?? keyed(app, "Talking stick: nobody — press n to start", otherwise: "Talking stick: nobody")
        let peopleArea = title(stickTitle, top, &grid, role: teller == nil ? .heading : .highlight)
        let tallies = app.turnTallies
        list(count: people.count, row: { index -> (String, Style) in
            let person = people[index]
            let holds = record.round.currentTeller == person.id
            let tally = tallies[person.id] ?? TurnTally()
            var text = (holds ? "▶ " : "") + person.name
            text += "  · \(tally.turns) \(tally.turns == 1 ? "turn" : "turns")"
            if tally.passes > 0 { text += ", passed \(tally.passes)" }
            if !tally.hasHadTurn { text += "  · not heard yet" }
            return (text, Style(holds ? .highlight : .text, bold: holds))
        }, selected: app.selectedRow(.stick), viewport: app.viewport(.stick), active: app.state.focus == 0, in: peopleArea, grid: &grid,
             empty: "Add people on the Welcome step first.")
        let stories = record.stories
        let storyRow = { (index: Int) -> (String, Style) in
            let story = stories[index]
            let teller = story.teller.map { record.name(of: $0) } ?? "someone"
            var text = "[\(consentWord(story.consent))] \(teller): \(story.title.isEmpty ? "(no title)" : story.title)"
            if !story.smallThing.isEmpty { text += " — small thing: \(story.smallThing)" }
            return (text, Style(.text))
        }
        // Under 70 columns the console has no side panel: its note on how long room-only words
        // are kept goes on the last rows here instead, where there are any, unless the stories
        // would then have to be cut where they now fit whole.
        if !ConsoleScreen.showsSidePanel(.storytelling, width: grid.width), app.readOnlyReason == nil, rest.height >= 6, let note = app.roomOnlyPeriodNote {
            let rows = min(TextLayout.wrap(note, width: rest.width).count, 2)
            let listRows = rest.height - 1  // below the list's title
            let wrapped = stories.count > listRows ? Int.max
                : (0..<stories.count).reduce(0) { $0 + TextLayout.wrap(storyRow($1).0, width: rest.width - 2).count }
            if wrapped > listRows || wrapped <= listRows - rows {
                let (above, below) = rest.splitBottom(rows)
                rest = above
                Draw.paragraph(note, in: below, grid: &grid, style: Style(.muted), maxRows: rows)
            }
        }
        let storiesArea = title("Stories (\(record.stories.count))" + (app.state.focus == 1 ? "" : "  · Tab to select"), rest, &grid)
        list(count: stories.count, row: storyRow, selected: app.selectedRow(.stories), viewport: app.viewport(.stories), active: app.state.focus == 1, in: storiesArea, grid: &grid,
             empty: keyed(app, "No stories written down yet. Press a to write one down.", otherwise: "No stories were written down."))
    }

    static func consentWord(_ consent: Consent?) -> String {
        switch consent {
        case nil: return "not asked"
        case .roomOnly: return "room only"
        case .keep: return "keep"
        case .share: return "share"
        }
    }

    // MARK: - Goal

    private static func goal(_ app: ConsoleApp, _ rect: Rect, _ grid: inout Grid) {
        let record = app.session.record
        var area = rect
        if let agreed = record.agreedGoal {
            let used = Draw.paragraph("✓ Agreed goal: \(agreed.text)", in: Rect(x: rect.x, y: rect.y, width: rect.width, height: 2), grid: &grid, style: Style(.good, bold: true), maxRows: 2)
            area = Rect(x: rect.x, y: rect.y + used + 1, width: rect.width, height: max(rect.height - used - 1, 0))
        }
        if case .consensus(let draftID) = app.state.mode, let draft = record.draft(draftID) {
            consensusCheck(app, draft: draft, area, &grid)
            return
        }
        let drafts = record.openDrafts
        let body = title("Goal wordings (\(drafts.count))", area, &grid)
        let rows = drafts.map { draft -> (String, Style) in
            let mark = app.state.mergeMarks.contains(draft.id) ? "◆ " : ""
            let tally = "✓\(draft.count(of: .agree)) ~\(draft.count(of: .canLiveWith)) ✗\(draft.count(of: .disagree))"
            let agreed = record.agreedGoal?.draft == draft.id ? " (agreed)" : ""
            return ("\(mark)[\(tally)] \(draft.text)\(agreed)", Style(draft.count(of: .disagree) > 0 ? .warning : .text))
        }
        list(rows, selected: app.selectedRow(.drafts), viewport: app.viewport(.drafts), active: true, in: body, grid: &grid,
             empty: keyed(app, "No wordings yet. Press a to write down what someone suggests.", otherwise: "No goal wordings were written down."))
    }

    private static func consensusCheck(_ app: ConsoleApp, draft: GoalDraft, _ rect: Rect, _ grid: inout Grid) {
        let record = app.session.record
        var y = rect.y
        y += Draw.paragraph("Asking everyone about: “\(draft.text)”", in: Rect(x: rect.x, y: y, width: rect.width, height: 2), grid: &grid, style: Style(.heading, bold: true), maxRows: 2)
        let words = app.content.prompts.consensus
        let rows = record.present.map { person -> (String, Style) in
            switch draft.responses[person.id] {
            case .agree?: return ("\(person.name): ✓ \(words.agree)", Style(.good))
            case .canLiveWith?: return ("\(person.name): ~ \(words.canLive)", Style(.amber))
            case .disagree?: return ("\(person.name): ✗ \(words.disagree)", Style(.danger))
            case nil: return ("\(person.name): … not asked yet", Style(.muted))
            }
        }
        list(rows, selected: app.selectedRow(.consensus), viewport: app.viewport(.consensus), active: true, in: Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y), grid: &grid, empty: "Nobody in the room yet.")
    }

    // MARK: - Principles

    private static func principles(_ app: ConsoleApp, _ rect: Rect, _ grid: inout Grid) {
        guard let principle = app.session.step.principle, let phase = app.session.step.phase else { return }
        let guide = app.content.principles.guide(principle)
        let record = app.session.record
        let score = record.score(for: principle)
        switch phase {
        case .explain:
            var y = rect.y
            // The explanation is kept whole; the signs under each stage go first when short of rows.
            let stages = guide?.stages ?? []
            let explanationLines = TextLayout.wrap(guide?.explanation ?? "", width: rect.width).count
            let showSigns = explanationLines + 1 + stages.count * 2 <= rect.height
            let explanationRows = max(rect.height - 1 - stages.count * (showSigns ? 2 : 1), 2)
            y += WallText.paragraph(WallText.Piece(text: guide?.explanation ?? "", style: .plain), x: rect.x, y: y, width: rect.width, maxY: y + explanationRows, grid: &grid)
            y += 1
            for (index, stage) in stages.enumerated() where y < rect.maxY {
                Draw.line("\(stage.stage) \(stage.name)", x: rect.x, y: y, width: rect.width, grid: &grid, style: Style(.heading, bold: true))
                y += 1
                if showSigns, y < rect.maxY, let sign = stage.signs.first {
                    // A sign wraps into rows the stages after it do not need.
                    let later = (stages.count - index - 1) * 2
                    y += WallText.paragraph(WallText.Piece(text: sign, style: Style(.muted), indent: 2), x: rect.x, y: y, width: rect.width, maxY: max(rect.maxY - later, y + 1), grid: &grid)
                }
            }
        case .score:
            let chartHeight = 8
            let (top, bottom) = rect.splitTop(max(rect.height - chartHeight, 3))
            let body = title(keyed(app, "Each person's stage (press 1-4 for the selected person)", otherwise: "Each person's stage"), top, &grid)
            let rows = record.present.map { person -> (String, Style) in
                let stage = score.scores[person.id].map { "stage \($0)" } ?? "…"
                let perspective = person.perspective.map { " (\(app.content.prompts.label(for: $0)))" } ?? ""
                return ("\(person.name)\(perspective): \(stage)", Style(score.scores[person.id] == nil ? .muted : .text))
            }
            list(rows, selected: app.selectedRow(.score), viewport: app.viewport(.score), active: true, in: body, grid: &grid, empty: "Add people on the Welcome step first.")
            SpreadChart.render(score: score, record: record, content: app.content, in: bottom, grid: &grid, large: false)
        case .agree:
            var y = rect.y
            // The chart takes the rows its gap and split need, leaving room for the score and the board.
            let chartHeight = min(SpreadChart.consoleHeight(score: score, record: record, width: rect.width), max(5, rect.height - 10))
            SpreadChart.render(score: score, record: record, content: app.content, in: Rect(x: rect.x, y: y, width: rect.width, height: chartHeight), grid: &grid, large: false)
            y += chartHeight + 1
            let stageName = score.agreedStage.flatMap { guide?.stage($0)?.name } ?? "not agreed yet"
            Draw.line("Agreed stage: \(score.agreedStage.map(String.init) ?? "–") \(stageName)", x: rect.x, y: y, width: rect.width, grid: &grid, style: Style(.heading, bold: true))
            y += 1
            if y < rect.maxY {
                Draw.line("Score: \(Draw.rag(score.rag))", x: rect.x, y: y, width: rect.width, grid: &grid, style: Style(Draw.role(for: score.rag), bold: true))
                y += 1
            }
            // The board of all four principles sits at the bottom when there is room for it.
            let boardHeight = rect.maxY - y >= 7 ? 5 : 0
            if y < rect.maxY - boardHeight {
                let evidence = score.evidence.isEmpty ? keyed(app, "No evidence yet. Press Enter to write it down.", otherwise: "No evidence was written down.") : "Evidence: \(score.evidence)"
                Draw.paragraph(evidence, in: Rect(x: rect.x, y: y, width: rect.width, height: rect.maxY - y - boardHeight), grid: &grid, style: Style(score.evidence.isEmpty ? .muted : .text))
            }
            if boardHeight > 0 {
                let boardY = rect.maxY - boardHeight
                Draw.line("All four principles", x: rect.x, y: boardY, width: rect.width, grid: &grid, style: Style(.heading, bold: true))
                _ = Board.render(app.session, content: app.content, x: rect.x, y: boardY + 1, width: rect.width, maxY: rect.maxY, grid: &grid)
            }
        }
    }

    // MARK: - Ideas

    private static func ideas(_ app: ConsoleApp, _ rect: Rect, _ grid: inout Grid) {
        let record = app.session.record
        let body = title("Ideas (\(record.ideas.count)) — nothing is too silly", rect, &grid)
        let rows = app.rowTexts(.ideas) {
            let shortNames = Dictionary(uniqueKeysWithValues: PrincipleID.allCases.compactMap { id in
                app.content.principles.guide(id).map { (id, $0.shortName) }
            })
            return record.ideas.map { idea in
                let links = idea.principles.compactMap { shortNames[$0] }.joined(separator: ", ")
                return idea.text + (links.isEmpty ? "" : "  → \(links)")
            }
        }
        list(count: rows.count, row: { index -> (String, Style) in (rows[index], Style(.text)) },
             selected: app.selectedRow(.ideas), viewport: app.viewport(.ideas), active: true, in: body, grid: &grid, empty: keyed(app, "No ideas yet. Press a to add one.", otherwise: "No ideas were written down."))
    }

    // MARK: - Choose

    private static func choose(_ app: ConsoleApp, _ rect: Rect, _ grid: inout Grid) {
        let record = app.session.record
        let dots = app.session.template.dotsPerPerson
        let peopleWidth = min(max(rect.width / 3, 16), 30)
        let (left, right) = rect.splitRight(peopleWidth)
        let ideas = record.ideasByVotes
        let body = title("Ideas by dots — chosen: \(record.chosenIdeas.count) of 2-3", left.inset(horizontal: 0, vertical: 0), &grid)
        let rows = ideas.map { idea -> (String, Style) in
            let chosen = record.chosenIdeas.contains(idea.id)
            return ("\(chosen ? "★" : "·") \(String(repeating: "●", count: min(idea.totalVotes, 12))) \(idea.totalVotes)  \(idea.text)", Style(chosen ? .good : .text, bold: chosen))
        }
        list(rows, selected: app.selectedRow(.choose), viewport: app.viewport(.choose), active: app.state.focus == 0, in: Rect(x: body.x, y: body.y, width: body.width - 1, height: body.height), grid: &grid, empty: "No ideas to choose from. Go back ([) and add some.")
        let voters = record.present
        let peopleArea = title(" Voting (\(dots) dots each)", right, &grid)
        let voterRows = voters.map { person -> (String, Style) in
            let left = dots - record.dotsUsed(by: person.id)
            return ("\(person.name): \(String(repeating: "●", count: max(left, 0)))\(String(repeating: "○", count: max(dots - left, 0))) \(left) left", Style(left == 0 ? .muted : .text))
        }
        list(voterRows, selected: app.selectedRow(.voters), viewport: app.viewport(.voters), active: app.state.focus == 1, in: peopleArea.inset(horizontal: 1, vertical: 0), grid: &grid, empty: "Nobody to vote.")
    }

    // MARK: - Actions

    private static func actions(_ app: ConsoleApp, _ rect: Rect, _ grid: inout Grid) {
        let record = app.session.record
        let start = Day(app.session.createdAt)
        let window = app.session.template.smallMovementDays
        let body = title("Action plan — small steps, in the next \(window) days", rect, &grid)
        let chosen = record.chosenIdeas.compactMap { record.idea($0) }
        var listArea = body
        if !chosen.isEmpty {
            let ideasLine = "Chosen: " + chosen.map { idea in "\(idea.text) (\(record.actions.filter { $0.idea == idea.id }.count))" }.joined(separator: " · ")
            Draw.line(ideasLine, x: body.x, y: body.y, width: body.width, grid: &grid, style: Style(.muted))
            listArea = Rect(x: body.x, y: body.y + 1, width: body.width, height: max(body.height - 1, 0))
        }
        guard !record.actions.isEmpty else {
            Draw.paragraph(keyed(app, "No actions yet. Press a to plan one: what, who, when and how.", otherwise: "No actions were planned."), in: listArea, grid: &grid, style: Style(.muted))
            return
        }
        // Two rows an action: what, then who, when and how.
        let selected = app.selectedRow(.actions)
        let visible = app.viewport(.actions).rows(selected: selected, count: record.actions.count, rows: max(listArea.height / 2, 1))
        var y = listArea.y
        // When every action fits with its details wrapped, they wrap rather than being cut.
        func detail(of action: Action) -> String {
            let who = action.who.map { record.name(of: $0) }.joined(separator: ", ")
            // A far-off date says so first, so the words show at 80 columns too.
            var detail = action.isBeyond(windowDays: window, from: start)
                ? "by \(action.when?.description ?? "no date") is far off: could it be cut smaller? · \(who)"
                : "\(who) · by \(action.when?.description ?? "no date")"
            // What became of it, once marked or noted when looking back (in review: o, then d n x or e).
            let status: String? = switch action.status {
            case .planned: nil
            case .done: "done"
            case .notDone: "not done"
            case .dropped: "dropped"
            }
            if let status { detail += " · \(status)" }
            if let outcome = action.outcome { detail += " · noted \(outcome.on): “\(outcome.note)”" }
            if !action.how.isEmpty { detail += " · \(action.how)" }
            return detail
        }
        let detailWidth = max(listArea.width - 4, 1)
        let wrapDetails = record.actions.reduce(0) { $0 + 1 + TextLayout.wrap(detail(of: $1), width: detailWidth).count } <= listArea.height
        for index in visible where y + 1 < listArea.maxY + 1 {
            let action = record.actions[index]
            let far = action.isBeyond(windowDays: window, from: start)
            let isSelected = index == selected
            let style = isSelected ? Draw.band : Style(far ? .warning : .text, bold: true)
            grid.write(isSelected ? "▸ " : "  ", x: listArea.x, y: y, style: Draw.markerStyle(isSelected))
            if isSelected { grid.fill(Rect(x: listArea.x + 2, y: y, width: listArea.width - 2, height: 1), style: style) }
            Draw.line((far ? "⚠ " : "") + action.what, x: listArea.x + 2, y: y, width: listArea.width - 2, grid: &grid, style: style)
            y += 1
            guard y < listArea.maxY else { break }
            let detailStyle = Style(far ? .warning : .muted)
            if wrapDetails {
                for line in TextLayout.wrap(detail(of: action), width: detailWidth) where y < listArea.maxY {
                    grid.write(line, x: listArea.x + 4, y: y, style: detailStyle, maxWidth: detailWidth)
                    y += 1
                }
            } else {
                Draw.line(detail(of: action), x: listArea.x + 4, y: y, width: listArea.width - 4, grid: &grid, style: detailStyle)
                y += 1
            }
        }
    }

    // MARK: - Close

    private static func close(_ app: ConsoleApp, _ rect: Rect, _ grid: inout Grid) {
        if app.state.closeView == 2, let practice = app.practice {
            DebriefScreen.render(practice.currentDebrief(app.session, at: app.now), in: rect, scroll: app.state.debriefScroll, grid: &grid)
        } else if app.state.closeView == 1 {
            PersonalActions.render(app.session, in: rect, grid: &grid)
        } else {
            Summary.render(app.session, content: app.content, in: rect, grid: &grid, large: false)
        }
    }
}
