import Foundation
import TerminalUI
import Workshop

/// The console's side panel: who is here, turns and time, who has not spoken, and jargon warnings.
enum SidePanel {
    /// What the panel shows depends on, outside practice: the session's version, where the
    /// panel is, and the one figure that moves while nothing is saved (the time of the turn in
    /// progress, in whole seconds as shown).
    struct Drawn {
        let revision: Int
        let rect: Rect
        let turnInProgress: TurnInProgress?
        let rows: [[Cell]]
    }

    struct TurnInProgress: Equatable {
        let participant: ParticipantID
        let seconds: Int
    }

    /// Draws the panel, or puts down the cells drawn last time when nothing it shows has
    /// changed: thirty people's rows need not be laid out again for each key press.
    static func render(_ app: ConsoleApp, in rect: Rect, grid: inout Grid) {
        guard app.practice == nil else {
            draw(app, in: rect, grid: &grid)  // the simulated group changes the panel by itself
            return
        }
        let turn = turnInProgress(app)
        if let drawn = app.sidePanelDrawn, drawn.revision == app.revision, drawn.rect == rect, drawn.turnInProgress == turn {
            for (offset, row) in drawn.rows.enumerated() { grid.place(row, x: rect.x, y: rect.y + offset) }
            return
        }
        draw(app, in: rect, grid: &grid)
        let clipped = rect.intersection(grid.area)
        app.sidePanelDrawn = Drawn(revision: app.revision, rect: rect, turnInProgress: turn,
                                   rows: (clipped.y..<clipped.maxY).map { grid.cells(row: $0, from: clipped.x, count: clipped.width) })
    }

    private static func turnInProgress(_ app: ConsoleApp) -> TurnInProgress? {
        guard let open = app.session.record.round.turns.last, open.endedAt == nil, !open.passed else { return nil }
        return TurnInProgress(participant: open.participant, seconds: Int(app.turnTally(for: open.participant).seconds))
    }

    /// Lays the panel out afresh.
    static func draw(_ app: ConsoleApp, in rect: Rect, grid: inout Grid) {
        let record = app.session.record
        for y in rect.y..<rect.maxY { grid.write("│", x: rect.x, y: y, style: Style(.border)) }
        let inner = Rect(x: rect.x + 2, y: rect.y, width: rect.width - 3, height: rect.height)
        var y = inner.y
        grid.write("People", x: inner.x, y: y, style: Style(.heading, bold: true))
        grid.write("turns  time", x: inner.maxX - 11, y: y, style: Style(.muted))
        y += 1
        let people = record.present
        let maxRows = max(inner.height / 2, 3)
        let tallies = app.turnTallies
        // A name too long for its row goes on onto a second row while the panel has rows to spare.
        var spare = people.count <= maxRows ? maxRows - people.count : 0
        for person in people.prefix(maxRows) where y < inner.maxY {
            let holds = record.round.currentTeller == person.id
            let tally = tallies[person.id] ?? TurnTally()
            let turns = tally.turns
            let seconds = tally.seconds
            let heard = tally.hasHadTurn
            let marker = holds ? "▶" : (heard ? " " : "○")
            let figures = TextLayout.aligned(String(turns), width: 5, alignment: .right) + " " + Draw.clock(seconds)
            let figuresWidth = TextWidth.of(figures)
            let nameWidth = inner.width - 2 - figuresWidth
            // A blank marker is a plain blank (the muted colour's background showed in the light theme).
            Draw.line(marker, x: inner.x, y: y, width: 1, grid: &grid, style: marker == " " ? Style(.text) : Style(holds ? .highlight : .muted, bold: true))
            let nameStyle = Style(holds ? .highlight : .text, bold: holds)
            let nameLines = TextLayout.wrap(person.name, width: max(nameWidth - 1, 1))
            if nameLines.count > 1, spare > 0, y + 1 < inner.maxY {
                Draw.line(nameLines[0], x: inner.x + 2, y: y, width: nameWidth - 1, grid: &grid, style: nameStyle)
                Draw.line(nameLines[1...].joined(separator: " "), x: inner.x + 2, y: y + 1, width: inner.width - 2, grid: &grid, style: nameStyle)
                Draw.line(figures, x: inner.maxX - figuresWidth, y: y, width: figuresWidth, grid: &grid, style: Style(.muted))
                spare -= 1
                y += 2
                continue
            }
            Draw.line(person.name, x: inner.x + 2, y: y, width: nameWidth - 1, grid: &grid, style: nameStyle)
            Draw.line(figures, x: inner.maxX - figuresWidth, y: y, width: figuresWidth, grid: &grid, style: Style(.muted))
            y += 1
        }
        if people.count > maxRows, y < inner.maxY {
            grid.write("… and \(people.count - maxRows) more", x: inner.x, y: y, style: Style(.muted))
            y += 1
        }
        if people.isEmpty, y < inner.maxY {
            grid.write("Nobody added yet.", x: inner.x, y: y, style: Style(.muted))
            y += 1
        }
        y += 1
        if let practice = app.practice {
            // Practice: the coach (which covers who is waiting and jargon) and what the room said.
            y += PracticePanel.render(app, practice, in: Rect(x: inner.x, y: y, width: inner.width, height: max(inner.maxY - y, 0)), grid: &grid)
            if practice.coachOn { return }
        }
        let warnings = app.jargonOnScreen
        let waiting = people.filter { tallies[$0.id]?.hasHadTurn != true }.map(\.name)
        if !waiting.isEmpty, app.session.step.stage == .storytelling, y < inner.maxY {
            y += Draw.paragraph(app.content.prompts.nudge(naming: waiting), in: Rect(x: inner.x, y: y, width: inner.width, height: inner.maxY - y), grid: &grid, style: Style(.accent), maxRows: max(inner.maxY - y - (warnings.isEmpty ? 0 : 3), 2))
            y += 1
        }
        // How long room-only words are kept, where there are any (k changes it).
        if app.session.step.stage == .storytelling, let note = app.roomOnlyPeriodNote, y < inner.maxY - 1 {
            y += Draw.paragraph(note,
                                in: Rect(x: inner.x, y: y, width: inner.width, height: inner.maxY - y), grid: &grid, style: Style(.muted),
                                maxRows: max(inner.maxY - y - (warnings.isEmpty ? 0 : 3), 1))
            y += 1
        }
        if !warnings.isEmpty, y < inner.maxY {
            grid.write("Plain words", x: inner.x, y: y, style: Style(.jargon, bold: true))
            y += 1
            for entry in warnings where y < inner.maxY {
                Draw.line("“\(entry.term)” → \(entry.plain.first ?? "")", x: inner.x, y: y, width: inner.width, grid: &grid, style: Style(.jargon))
                y += 1
            }
        }
    }

    /// Jargon in the words saved at this stage, for the facilitator to translate.
    static func jargon(in session: Session, glossary: Glossary) -> [GlossaryEntry] {
        let record = session.record
        var texts: [String] = []
        switch session.step.stage {
        case .storytelling: texts = record.stories.flatMap { [$0.title, $0.whatHappened, $0.smallThing] }
        case .goal: texts = record.openDrafts.map(\.text)
        case .principles: texts = session.step.principle.map { [record.score(for: $0).evidence] } ?? []
        case .ideas, .choose: texts = record.ideas.map(\.text)
        case .actions: texts = record.actions.flatMap { [$0.what, $0.how] }
        default: texts = []
        }
        var seen = Set<String>()
        return texts.flatMap { glossary.matches(in: $0).map(\.entry) }.filter { seen.insert($0.term).inserted }
    }
}
