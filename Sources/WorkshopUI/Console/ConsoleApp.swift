import Foundation
import StateMachine
import TerminalUI
import Workshop

/// What a console on a session kept in memory needs from the world outside: the time, and a way
/// to save (see ``ConsoleApp/init(editor:content:environment:readOnlyReason:)``).
public struct ConsoleEnvironment {
    public var clock: any Workshop.Clock
    /// Writes one event; returns only when it is kept. Throwing keeps the change out.
    public var save: (SessionEvent, Date) throws -> Void
    /// Keeps a copy of the whole session when a step is left (best effort).
    public var keepStageSnapshot: (Session, FlowStep) -> Void

    public init(
        clock: any Workshop.Clock,
        save: @escaping (SessionEvent, Date) throws -> Void,
        keepStageSnapshot: @escaping (Session, FlowStep) -> Void = { _, _ in }
    ) {
        self.clock = clock
        self.save = save
        self.keepStageSnapshot = keepStageSnapshot
    }
}

/// The facilitator's console: takes keys, turns them into session events, and draws.
///
/// One place handles every key (as in Bubble Tea's update); rendering is a pure
/// function of the session and this state, so every screen can be tested as text.
public final class ConsoleApp {
    /// The one owner of the session and its undo and redo history (for a session in a folder, its
    /// `SessionStore`): the console asks it for the session and hands it each change, and keeps
    /// no editor of its own.
    public let openSession: any OpenSession
    /// The session and its undo and redo history, as the owner holds them.
    public var editor: SessionEditor { openSession.editor }
    public var state = ConsoleState()
    public let content: ContentLibrary
    public let flow: WorkshopFlow
    /// When set, the session is open read-only and this says why.
    public var readOnlyReason: String?
    public private(set) var wantsToQuit = false
    private let clock: any Workshop.Clock
    /// Counts saved changes, so work done for drawing is redone only when something changed.
    /// The session's version (``SessionEditor/version``): it changes with every change applied,
    /// saved here or by anything else holding the session (a practice run's simulated group).
    public var revision: Int { openSession.editor.version }
    /// What is worked out from the session per list, kept for one revision: each list's ids
    /// (``ids(of:)``) and row texts (``rowTexts(_:make:)``).
    private var listCache: (revision: Int, ids: [ListName: [String]], rows: [ListName: [String]]) = (-1, [:], [:])

    private var periodNoteCache: (revision: Int, note: String?) = (-1, nil)

    /// How long room-only words are kept (``RoomOnlyNotice/periodNote(for:)``), worked out once
    /// per revision: the stories step draws it every frame, and it looks at every story.
    public var roomOnlyPeriodNote: String? {
        if periodNoteCache.revision != revision { periodNoteCache = (revision, RoomOnlyNotice.periodNote(for: session)) }
        return periodNoteCache.note
    }

    /// `listCache`, emptied when the session has changed since it was filled.
    private func currentListCache() {
        let revision = revision
        if listCache.revision != revision { listCache = (revision, [:], [:]) }
    }
    private var jargonCache: (revision: Int, step: FlowStep, entries: [GlossaryEntry])?
    private var tallyCache: (revision: Int, closed: [ParticipantID: TurnTally])?
    /// The side panel as last drawn (``SidePanel/render(_:in:grid:)``).
    var sidePanelDrawn: SidePanel.Drawn?
    /// The header's hint as last laid out (see `ConsoleScreen.headerHint`).
    var headerHintMemo: (width: Int, step: FlowStep, savedWidth: Int, value: (heading: String, lines: [String]))?
    /// The header's "✓ Saved 11:24:45" for the last save (see `ConsoleScreen.savedText`).
    var savedTextMemo: (at: Date, text: String)?
    /// The revision the list highlights were last pinned at (see `pinSelections`).
    var pinnedRevision = -1
    /// In a practice run, the simulated group: it answers each saved change (see `recordReply`).
    public var practice: PracticeConsole?

    /// A console on an open session, which owns the session and saves each change.
    public init(session openSession: any OpenSession, content: ContentLibrary, clock: any Workshop.Clock, readOnlyReason: String? = nil) {
        self.openSession = openSession
        self.content = content
        self.flow = WorkshopFlow(template: openSession.editor.session.template)
        self.clock = clock
        self.readOnlyReason = readOnlyReason
        // A resumed session carries on where it was: the next person to score, and so on.
        placeHighlights()
        pinSelections()
    }

    /// A console on a session kept in memory (the guided tour, review's copy, tests): each change
    /// is handed to `environment.save` before it is applied.
    public convenience init(editor: SessionEditor, content: ContentLibrary, environment: ConsoleEnvironment, readOnlyReason: String? = nil) {
        let keep = environment.keepStageSnapshot
        self.init(session: SessionInMemory(editor: editor, save: environment.save, keepStageSnapshot: { session, step, _ in keep(session, step) }),
                  content: content, clock: environment.clock, readOnlyReason: readOnlyReason)
    }

    public var session: Session { openSession.editor.session }
    public var now: Date { clock.now() }

    // MARK: - What is on screen

    /// What the console shows now, for the window size last drawn (see ``screen(width:height:)``).
    public var screen: ConsoleScreenMode { screen(width: state.size?.width, height: state.size?.height) }

    /// What the console shows at a size. The same value decides what is drawn
    /// (``ConsoleScreen/render(_:width:height:)``) and which keys do what (``handle(_:)``), so a
    /// box or question that is not on screen can never take a key.
    public func screen(width: Int?, height: Int?) -> ConsoleScreenMode {
        let boxOpen = state.form != nil || state.mode.isBox
        // The projector view is drawn only when nothing waits for an answer: a box opened from it
        // brings the console back (see `afterKey`), and this keeps that true even if it did not.
        let projector = state.layout == .projector && !boxOpen
        if !projector, let width, let height, width < ConsoleScreen.minimumWidth || height < ConsoleScreen.minimumHeight { return .tooSmall }
        if projector { return .projector }
        if state.form != nil {
            if state.mode == .help { return .help }
            return state.mode == .confirmDiscard ? .confirmDiscard : .form
        }
        switch state.mode {
        case .browse: return .stage
        case .help: return .help
        case .consensus: return .consensus
        case .confirm: return .confirm
        case .confirmDiscard: return .stage  // nothing to throw away without a box (not reached)
        case .pickPerson: return .picker
        }
    }

    /// The screen that handled the last key (for the model-based key tests: it must be the one drawn).
    public private(set) var lastHandledBy: ConsoleScreenMode?

    // MARK: - Keys

    /// The bindings active right now, in the order the hint bar shows them.
    public var activeBindings: [KeyBinding] { bindings(for: screen) }

    /// The bindings of one screen.
    public func bindings(for screen: ConsoleScreenMode) -> [KeyBinding] {
        switch screen {
        case .tooSmall: return Bindings.tooSmall
        case .projector: return Bindings.projector
        case .consensus: return Bindings.consensus
        case .picker:
            if case .pickPerson(let picker) = state.mode { return Bindings.picker(picker.purpose) }
            return []
        case .stage, .help, .form, .confirm, .confirmDiscard:
            return PracticeConsole.bindings(Bindings.forStep(session.step, focus: state.focus), at: session.step, practice: practice)
        }
    }

    /// The keys the help box lists: those of what it was opened over (a box, the round of
    /// answers, the name picker, or the step).
    public var helpBindings: [KeyBinding] {
        if state.form != nil { return Bindings.formKeys }
        switch state.helpReturn {
        case .consensus: return Bindings.consensus
        case .pickPerson(let picker): return Bindings.picker(picker.purpose)
        default: return bindings(for: .stage)
        }
    }

    /// Opens the help box over what is on screen now (closing it goes back there).
    private func openHelp() {
        state.helpReturn = state.mode == .help ? .browse : state.mode
        state.mode = .help
        state.helpOffset = 0
    }

    /// Handles one key, in the screen now shown.
    public func handle(_ key: Key) {
        let shown = screen
        lastHandledBy = shown
        if key == .resize { return }
        switch shown {
        case .tooSmall:
            // Nothing typed into a box nobody can see; only quitting works (the draft is kept).
            if Bindings.tooSmall.first(where: { $0.matches(key) })?.command == .quit { wantsToQuit = true }
            return
        case .form:
            handleForm(key)
        case .confirmDiscard:
            if key == .character("y") || key == .character("Y") {
                state.form = nil
                state.message = StatusMessage(.info, "What you typed was not kept.")
                state.mode = .browse
            } else {
                state.message = StatusMessage(.info, "Carry on typing: nothing was thrown away.")
                state.mode = .browse
                // "Any other key keeps typing": a letter or a paste goes into the box, so nothing
                // typed is swallowed by the question (n, Enter and arrows just go back to it).
                switch key {
                case .character(let letter) where letter != "n" && letter != "N": handleForm(key)
                case .paste: handleForm(key)
                default: break
                }
            }
        case .help:
            // ↑ and ↓ scroll a box too long for the window; any other key closes it.
            if key == .down || key == .up || key == .pageDown || key == .pageUp {
                // The box is drawn in the rows between the header and the status line, inside its edges.
                let (width, height) = state.size ?? (80, 24)
                let area = ConsoleScreen.middleAndBottom(self, width: width, height: height).middle
                let rows = max(area.height - 2, 1)
                let most = HelpBox.maxOffset(helpBindings, note: ConsoleScreen.helpNote, rows: rows, width: area.width)
                let step = key == .down || key == .up ? 1 : max(rows - 2, 1)
                state.helpOffset = min(max(state.helpOffset + (key == .down || key == .pageDown ? step : -step), 0), most)
            } else {
                state.mode = state.helpReturn
                state.helpReturn = .browse
            }
        case .confirm:
            guard case .confirm(_, let event) = state.mode else { return }
            state.mode = .browse
            if key == .character("y") || key == .character("Y") {
                record(event)
            } else {
                state.message = StatusMessage(.info, event.isFinish ? "The workshop carries on." : "Nothing was removed.")
            }
        case .picker:
            handlePicker(key)
        case .projector, .stage, .consensus:
            if case .paste = key {
                state.message = StatusMessage(.info, "To paste words, first open a box to type in (for example a to add).")
                return
            }
            guard let binding = bindings(for: shown).first(where: { $0.matches(key) }) else { return }
            perform(binding.command)
        }
        afterKey()
    }

    /// Keeps what is drawn and what takes keys the same after every key.
    private func afterKey() {
        pinSelections()
        let boxOpen = state.form != nil || state.mode.isBox
        if let readOnlyReason, boxOpen || state.mode.isConsensus {
            // A read-only session opens no box that could only be refused.
            state.form = nil
            state.mode = .browse
            state.message = StatusMessage(.refusal, "Nothing can be changed: " + readOnlyReason)
        }
        if boxOpen, state.layout == .projector {
            // A box or question opened from the projector view brings the console back, with it.
            state.layout = .console
            if state.message == nil || state.message?.kind == .saved {
                state.message = StatusMessage(.info, "Back on the console to answer this; p shows the projector again.")
            }
        }
    }

    // MARK: - Commands

    private func perform(_ command: Command) {
        let record = session.record
        switch command {
        case .help:
            // From the projector view the help opens on the console, never on the room's wall.
            state.layout = .console
            openHelp()
        case .quit: wantsToQuit = true
        case .toggleProjector: state.layout = state.layout == .console ? .projector : .console
        case .nextStep where flow.isLastStep(session.step, template: session.template): offerToFinish()
        case .nextStep: move(.next, overrideReason: nil)
        case .previousStep: move(.back, overrideReason: nil)
        case .undo:
            guard let event = editor.undoEvent else { state.message = StatusMessage(.info, "There is nothing to undo since this workshop was opened. Anything from before can still be changed or deleted (for example e to edit)."); return }
            self.record(event)
        case .redo:
            guard let event = editor.redoEvent else { state.message = StatusMessage(.info, "There is nothing to redo."); return }
            self.record(event)
        case .nextPanel: state.focus = state.focus == 0 ? 1 : 0
        case .moveUp where showsDebrief: scrollDebrief(by: -1)
        case .moveDown where showsDebrief: scrollDebrief(by: 1)
        case .moveUp: moveSelection(by: -1)
        case .moveDown: moveSelection(by: 1)
        case .leaveMode: state.mode = .browse
        case .invite where practice != nil && session.step.stage != .storytelling: startAsking()
        case .finish: offerToFinish()
        case .consensus where practice != nil && session.step.stage == .storytelling: askConsent()
        case .switchView: state.closeView = (state.closeView + 1) % (practice == nil ? 2 : 3)
        case .roomOnlyPeriod:
            let periods = Session.roomOnlyPeriods
            let next = periods.first { $0 > session.roomOnlyPeriodDays } ?? periods[0]
            self.record(.setRoomOnlyDays(next))  // the status line says the new period and the old
        case .toggleLiveAnswers:
            self.record(.showAnswersLive(!(session.showsAnswersLive ?? false)))
        default: performStageCommand(command, record: record)
        }
    }

    private func performStageCommand(_ command: Command, record: WorkshopRecord) {
        switch (session.step.stage, command) {
        // Welcome
        case (.welcome, .add): state.form = Forms.person(nil, content: content)
        case (.welcome, .edit):
            guard let person = selectedPerson else { return nothing("Add a person first: press a.") }
            state.form = Forms.person(person, content: content)
        case (.welcome, .delete):
            guard let person = selectedPerson else { return }
            state.mode = .confirm(question: "Remove \(person.name)? Press y to remove, any other key to keep.", event: .removeParticipant(id: person.id))

        // The campfire round
        case (.storytelling, .nextTeller):
            guard let next = nextTeller() else { return nothing("Add people on the Welcome step first.") }
            self.record(.giveStick(to: next.id, invited: false))
        case (.storytelling, .invite):
            guard !record.present.isEmpty else { return nothing("Add people on the Welcome step first.") }
            state.mode = .pickPerson(PersonPicker(purpose: .giveStick, selected: selectedPresentPerson?.id))
        case (.storytelling, .edit) where state.focus == 0:
            guard let person = selectedPresentPerson else { return nothing("Add people on the Welcome step first.") }
            self.record(.giveStick(to: person.id, invited: true))
        case (.storytelling, .pass): self.record(.pass)
        case (.storytelling, .endTurn): self.record(.endTurn)
        case (.storytelling, .add): state.form = Forms.story(nil, teller: record.round.currentTeller, record: record, content: content)
        case (.storytelling, .edit):
            guard let story = selectedStory else { return nothing("Write a story down first: press a.") }
            state.form = Forms.story(story, teller: story.teller, record: record, content: content)
        case (.storytelling, .delete):
            guard state.focus == 1, let story = selectedStory else { return nothing("Select a story first (Tab moves to the stories).") }
            state.mode = .confirm(question: "Delete the story \"\(story.title)\"? Press y to delete, any other key to keep.", event: .deleteStory(id: story.id))

        // Shared goal
        case (.goal, .add): state.form = Forms.goal(nil, record: record)
        case (.goal, .edit):
            guard let draft = selectedDraft else { return nothing("Propose a wording first: press a.") }
            state.form = Forms.goal(draft, record: record)
        case (.goal, .markForMerge):
            guard let draft = selectedDraft else { return }
            if state.mergeMarks.contains(draft.id) { state.mergeMarks.remove(draft.id) } else { state.mergeMarks.insert(draft.id) }
        case (.goal, .merge):
            let marked = record.openDrafts.filter { state.mergeMarks.contains($0.id) }
            guard marked.count >= 2 else { return nothing("Mark two or more wordings with Space, then press m to merge them.") }
            state.form = Forms.merge(marked)
        case (.goal, .consensus):
            guard let draft = selectedDraft else { return nothing("Propose a wording first: press a.") }
            state.mode = .consensus(draft.id)
            // Start with the first person not asked yet.
            let people = record.present
            let next = people.firstIndex { draft.responses[$0.id] == nil } ?? 0
            state.select(.consensus, next, ids: people.map(\.id))
            if let practice { recordReply(practice.consensusCheck(on: draft.id, in: session, at: now)) }
        case (.goal, .respond(let number)):
            guard case .consensus(let draftID) = state.mode else { return }
            let people = record.present
            guard !people.isEmpty else { return }
            let ids = people.map(\.id)
            let index = state.selected(.consensus, ids: ids)
            let response: ConsensusResponse? = [1: .agree, 2: .canLiveWith, 3: .disagree][number]
            if self.record(.respond(draft: draftID, participant: people[index].id, response: response)) {
                state.select(.consensus, index + 1, ids: ids)
            }
        case (.goal, .agreeGoal):
            guard let draft = selectedDraft else { return nothing("Propose a wording first: press a.") }
            let disagreeing = draft.responses.filter { $0.value == .disagree }.map { record.name(of: $0.key) }.sorted()
            if !disagreeing.isEmpty {
                state.form = Forms.reason(
                    title: "Someone disagrees",
                    note: "\(SessionReducer.listed(disagreeing)) \(disagreeing.count == 1 ? "disagrees" : "disagree"). If the group still wants this goal, say why.",
                    purpose: .goalOverrideReason(draft.id))
            } else {
                self.record(.agreeGoal(draft: draft.id, overrideReason: nil))
            }
        case (.goal, .withdrawGoal): self.record(.withdrawGoal)
        case (.goal, .delete):
            guard let draft = selectedDraft else { return }
            state.mode = .confirm(question: "Delete the wording \"\(draft.text)\"? Press y to delete, any other key to keep.", event: .deleteGoal(id: draft.id))

        // Principles
        case (.principles, .setStage(let stage)): scoreSelectedPerson(stage)
        case (.principles, .clearStage): scoreSelectedPerson(nil)
        case (.principles, .agreePrinciple):
            guard let principle = session.step.principle else { return }
            state.form = Forms.agreePrinciple(record.score(for: principle), content: content)

        // Ideas
        case (.ideas, .add): state.form = Forms.idea(nil, content: content)
        case (.ideas, .edit):
            guard let idea = selectedIdea else { return nothing("Add an idea first: press a.") }
            state.form = Forms.idea(idea, content: content)
        case (.ideas, .delete):
            guard let idea = selectedIdea else { return }
            state.mode = .confirm(question: "Delete the idea \"\(idea.text)\"? Press y to delete, any other key to keep.", event: .deleteIdea(id: idea.id))

        // Choosing
        case (.choose, .addDot), (.choose, .removeDot):
            guard let idea = selectedIdeaByVotes, let person = selectedVoter else { return nothing("There are no ideas or no people to vote yet.") }
            // The highlight stays on this idea however the list re-sorts (selection is by identity).
            self.record(.vote(idea: idea.id, participant: person.id, change: command == .addDot ? 1 : -1))
        case (.choose, .choose):
            guard let idea = selectedIdeaByVotes else { return }
            self.record(record.chosenIdeas.contains(idea.id) ? .unchoose(idea: idea.id) : .choose(idea: idea.id))

        // Actions
        case (.actions, .add): state.form = Forms.action(nil, record: record, content: content, today: Day(now))
        case (.actions, .edit):
            guard let action = selectedAction else { return nothing("Plan an action first: press a.") }
            state.form = Forms.action(action, record: record, content: content, today: Day(now))
        case (.actions, .delete):
            guard let action = selectedAction else { return }
            state.mode = .confirm(question: "Delete the action \"\(action.what)\"? Press y to delete, any other key to keep.", event: .deleteAction(id: action.id))

        default:
            break
        }
    }

    /// Records the selected person's stage and selects the next person, so a round of scores is one key each.
    private func scoreSelectedPerson(_ stage: Int?) {
        guard let principle = session.step.principle, session.step.phase == .score else { return }
        let people = session.record.present
        guard !people.isEmpty else { return nothing("Add people on the Welcome step first.") }
        let ids = people.map(\.id)
        let index = state.selected(.score, ids: ids)
        if record(.score(principle: principle, participant: people[index].id, stage: stage)) {
            state.select(.score, index + 1, ids: ids)
        }
    }

    private func nothing(_ text: String) {
        state.message = StatusMessage(.info, text)
    }

    // MARK: - Moving between steps

    private func move(_ event: FlowEvent, overrideReason: String?) {
        switch flow.transition(event, in: session, overrideReason: overrideReason) {
        case .moved(let step):
            let before = session
            if record(WorkshopFlow.event(for: step)) {
                // A new step starts at the top of its lists (the first person to score, and so on).
                state.focus = 0
                state.selection = [:]
                state.selectedItem = [:]
                state.mergeMarks = []
                state.mode = .browse
                placeHighlights()
                for effect in step.effects {
                    if case .keepStageSnapshot(let left) = effect { openSession.keepStageSnapshot(before, leaving: left, at: now) }
                }
                // Said on arriving at the Close step; not in practice, where the debrief needs the
                // rows and the stories are the scenario's (the finish question still says it).
                let forgetting = step.to.stage == .close && practice == nil ? RoomOnlyNotice.sentence(for: session).map { " " + $0 } ?? "" : ""
                state.message = StatusMessage(.saved, "Now on: \(WorkshopFlow.describe(step.to)). Saved.\(forgetting)")
                // Something the group said on arriving that the trainee must react to stays in view.
                if let remark = practice?.takeUnshownImportant() { state.message = StatusMessage(.refusal, remark.text) }
            }
        case .rejected(let rejection):
            if rejection.canBeOverridden && overrideReason == nil {
                state.form = Forms.reason(title: "Not quite ready", note: rejection.reason + " To move on anyway, say why (Esc to stay).", purpose: .overrideReason(event))
            } else {
                state.message = StatusMessage(.refusal, rejection.reason)
            }
        }
    }

    // MARK: - Saving

    /// Checks, saves and applies one event. Returns whether it was saved.
    @discardableResult
    public func record(_ event: SessionEvent) -> Bool {
        let at = now
        guard record(event, at: at) else { return false }
        practiceReacts(to: event, at: at)
        return true
    }

    /// In a practice run, the simulated group answers a saved change.
    private func practiceReacts(to event: SessionEvent, at: Date) {
        if let practice {
            // The simulated group answers through the same path, each change at its own moment.
            recordReply(practice.react(to: event, in: session, at: at))
            if case .moveTo = event, session.step.stage == .close {
                practice.finish(session, at: now)
                state.closeView = 2
            }
        }
    }

    /// Records the simulated group's changes in order, as typed ones are (they are not answered again).
    func recordReply(_ reply: PracticeReply) {
        let message = state.message
        for simulated in reply.events { record(simulated.event, at: simulated.at) }
        state.message = PracticeConsole.headline(of: reply.remarks).map { StatusMessage($0.kind.isImportant ? .refusal : .info, $0.text) } ?? message
        if let problem = practice?.problem { state.message = StatusMessage(.problem, problem); practice?.problem = nil }
    }

    @discardableResult
    private func record(_ event: SessionEvent, at: Date) -> Bool {
        if let readOnlyReason {
            // Worked out on a copy only, so a change the session would refuse says why.
            var copy = editor
            do { try copy.apply(event, at: at) } catch {
                state.message = StatusMessage(.refusal, error.reason)
                return false
            }
            state.message = StatusMessage(.problem, "Not saved: \(ConsoleApp.sentence(readOnlyReason))")
            return false
        }
        // The owner checks the change, writes it (on disk before it returns) and only then applies it.
        let before = session
        do {
            try openSession.record(event, at: at)
        } catch let refusal as ChangeRefusal {
            state.message = StatusMessage(.refusal, refusal.reason)
            return false
        } catch {
            state.message = StatusMessage(.problem, "Not saved: \(ConsoleApp.sentence(error)) Nothing typed is lost: it is still on screen.")
            return false
        }
        state.lastSavedAt = at
        state.message = StatusMessage(.saved, ChangeDescription.saved(event, before: before, after: session))
        return true
    }

    // MARK: - Forms

    private func handleForm(_ key: Key) {
        guard var form = state.form else { return }
        // F1 lists the box's keys (`?` is a letter here); any key goes back to the box.
        if key == .function(1) { openHelp(); return }
        switch form.handle(key) {
        case .editing:
            state.form = form
        case .cancel:
            // Esc on a box where nothing was typed or chosen just closes it.
            if form.isChanged { state.form = form; state.mode = .confirmDiscard } else { state.form = nil }
        case .submit:
            submit(form)
        }
    }

    private func submit(_ form: Form) {
        let record = session.record
        let events: [SessionEvent]
        do {
            events = try Forms.events(for: form, app: self, record: record)
        } catch {
            refuse(error, in: form)
            return
        }
        if case .overrideReason(let event) = form.purpose {
            state.form = nil
            let from = session.step
            move(event, overrideReason: ReasonDraft(reading: form).why)
            // Kept open only when the move was refused: a move that happened may still end on a
            // warning (in practice, something the group says on arrival that needs a reaction).
            if state.form == nil, session.step == from, case .refusal = state.message?.kind { state.form = form }
            return
        }
        if events.isEmpty {
            // Saved unchanged: nothing is written.
            state.form = nil
            state.message = StatusMessage(.info, "Nothing changed, so nothing was saved.")
            return
        }
        // A box saved as several events (a person's perspective and access needs) is one change:
        // the status line names each part, and one undo takes the whole box back.
        let mark = editor.changeCount
        let at = now
        var said: [String] = []
        for event in events {
            guard self.record(event, at: at) else {
                // Keep the form open: nothing typed is lost. The cursor goes to the field the refusal is about.
                if case .refusal = state.message?.kind { state.form = Forms.focusingProblem(form, app: self) }
                return
            }
            if let text = state.message?.text { said.append(text.hasSuffix(" Saved.") ? String(text.dropLast(" Saved.".count)) : text) }
        }
        if events.count > 1 {
            openSession.joinChanges(since: mark)
            state.message = StatusMessage(.saved, said.joined(separator: " ") + " Saved.")
        }
        for event in events { practiceReacts(to: event, at: at) }
        state.form = nil
        // A new item is selected, by identity.
        for event in events {
            switch event {
            case .addStory(let story): state.select(.stories, id: story.id, ids: session.record.stories.map(\.id)); state.focus = 1
            case .addParticipant(let person): state.select(.people, id: person.id, ids: session.record.participants.map(\.id))
            case .addIdea(let idea): state.select(.ideas, id: idea.id, ids: session.record.ideas.map(\.id))
            case .addAction(let action): state.select(.actions, id: action.id, ids: session.record.actions.map(\.id))
            case .proposeGoal(let draft), .mergeGoals(_, let draft): state.select(.drafts, id: draft.id, ids: session.record.openDrafts.map(\.id))
            default: break
            }
        }
    }

    /// Shows a refusal of a form and puts the cursor in the field it is about.
    private func refuse(_ error: ChangeRefusal, in form: Form) {
        state.message = StatusMessage(.refusal, error.reason)
        state.form = Forms.focusingProblem(form, app: self)
    }

    /// An error's words as one sentence ending in a single full stop.
    static func sentence(_ error: Any) -> String {
        var text = "\(error)".trimmingCharacters(in: .whitespacesAndNewlines)
        while text.hasSuffix(".") { text.removeLast() }
        return text + "."
    }

    // MARK: - Derived for drawing

    /// Jargon in the words saved at this step, worked out again only after a change.
    public var jargonOnScreen: [GlossaryEntry] {
        if let cache = jargonCache, cache.revision == revision, cache.step == session.step { return cache.entries }
        let entries = SidePanel.jargon(in: session, glossary: content.glossary)
        jargonCache = (revision, session.step, entries)
        return entries
    }

    /// Turns, passes and speaking time per person. Finished turns are counted once per change;
    /// only the turn in progress is added on each redraw, so the timers move at no cost.
    public var turnTallies: [ParticipantID: TurnTally] {
        let (closed, open) = closedTallies()
        guard let open else { return closed }
        var tallies = closed
        tallies[open.participant] = turnTally(for: open.participant)
        return tallies
    }

    /// One person's tally, the turn in progress included (without copying everyone's).
    func turnTally(for id: ParticipantID) -> TurnTally {
        let (closed, open) = closedTallies()
        var tally = closed[id] ?? TurnTally()
        if let open, open.participant == id {
            tally.turns += 1
            tally.seconds += open.seconds(upTo: now)
        }
        return tally
    }

    /// The finished turns' tallies (worked out once per revision) and the turn in progress.
    private func closedTallies() -> (closed: [ParticipantID: TurnTally], open: Turn?) {
        let turns = session.record.round.turns
        let open = turns.last.flatMap { $0.endedAt == nil && !$0.passed ? $0 : nil }
        if tallyCache?.revision != revision {
            var finished = StoryRound(turns: turns)
            if open != nil { finished.turns.removeLast() }
            tallyCache = (revision, finished.tally(upTo: now))
        }
        return (tallyCache!.closed, open)
    }

    // MARK: - Selection

    /// Whether the close step shows the practice debrief, where ↑ ↓ scroll its indicators.
    private var showsDebrief: Bool { practice != nil && session.step.stage == .close && state.closeView == 2 }

    /// Scrolls the debrief's indicator table, kept inside what there is to see at the window's
    /// size, and says which are in view.
    private func scrollDebrief(by offset: Int) {
        guard let practice else { return }
        let debrief = practice.currentDebrief(session, at: now)
        let size = state.size ?? (80, 24)
        let limit = DebriefScreen.scrollLimit(debrief, in: ConsoleScreen.debriefArea(self, width: size.width, height: size.height))
        guard limit > 0 else {
            state.message = StatusMessage(.info, "Every indicator is in view.")
            return
        }
        state.debriefScroll = min(max(min(state.debriefScroll, limit) + offset, 0), limit)
        let shown = debrief.indicators.count - limit
        state.message = StatusMessage(.info, "Indicators \(state.debriefScroll + 1)–\(state.debriefScroll + shown) of \(debrief.indicators.count).")
    }

    private func moveSelection(by offset: Int) {
        let (list, ids) = currentList
        state.select(list, state.selected(list, ids: ids) + offset, ids: ids)
    }

    /// The list the arrows move in right now, and the ids of its items in the order shown.
    public var currentList: (name: ListName, ids: [String]) {
        if case .consensus = state.mode { return (.consensus, ids(of: .consensus)) }
        let name: ListName
        switch session.step.stage {
        case .welcome: name = .people
        case .storytelling: name = state.focus == 0 ? .stick : .stories
        case .goal: name = .drafts
        case .principles: name = .score
        case .ideas: name = .ideas
        case .choose: name = state.focus == 0 ? .choose : .voters
        case .actions: name = .actions
        case .close: name = .close
        }
        return (name, ids(of: name))
    }

    /// The ids of a list's items, in the order the screen shows them. Worked out once per
    /// revision of the session: the arrows and every redraw ask for them, and a list of 1,000
    /// stories (or 500 ideas sorted by dots) cost a fifth of a key.
    public func ids(of list: ListName) -> [String] {
        currentListCache()
        if let known = listCache.ids[list] { return known }
        let record = session.record
        let ids: [String]
        switch list {
        case .people: ids = record.participants.map(\.id)
        case .stick, .consensus, .score, .voters, .close: ids = record.present.map(\.id)
        case .stories: ids = record.stories.map(\.id)
        case .drafts: ids = record.openDrafts.map(\.id)
        case .ideas: ids = record.ideas.map(\.id)
        case .choose: ids = record.ideasByVotes.map(\.id)
        case .actions: ids = record.actions.map(\.id)
        }
        listCache.ids[list] = ids
        return ids
    }

    /// The text of every row of a list, made once per revision of the session (a list of 500
    /// ideas, each with its principles' names, was built again for every key).
    func rowTexts(_ list: ListName, make: () -> [String]) -> [String] {
        currentListCache()
        if let known = listCache.rows[list] { return known }
        let rows = make()
        listCache.rows[list] = rows
        return rows
    }

    /// Remembers the item under each list's highlight, so that the next change (a dot that re-sorts
    /// the ideas, an undo that brings an item back above it) cannot move the highlight to another
    /// item. Found by the key storm: a list never touched by the arrows kept only its row.
    func pinSelections() {
        // Without a saved change since the last time, no item has moved or gone: only a list
        // with nothing pinned yet needs looking at (working out every list's items, the ideas
        // sorted by dots among them, on every key cost more than the rest of the key).
        let changed = revision != pinnedRevision
        pinnedRevision = revision
        for list in ListName.allCases {
            if !changed, state.selectedItem[list] != nil { continue }
            let ids = ids(of: list)
            guard !ids.isEmpty else { continue }
            if let id = state.selectedItem[list], ids.contains(id) { continue }
            state.select(list, state.selected(list, ids: ids), ids: ids)
        }
    }

    /// The highlighted row of a list: the row of the selected item, wherever it has moved to.
    public func selectedRow(_ list: ListName) -> Int { state.selected(list, ids: ids(of: list)) }

    /// Where each list's shown rows began when it was last drawn (``ListViewport``).
    private var viewports: [ListName: ListViewport] = [:]

    /// The memory of where a list's shown rows begin, for drawing it.
    func viewport(_ list: ListName) -> ListViewport {
        if let known = viewports[list] { return known }
        let made = ListViewport()
        viewports[list] = made
        return made
    }

    /// The item selected in a list, or nil when the list is empty.
    private func selected<Item>(_ items: [Item], in list: ListName) -> Item? {
        items.isEmpty ? nil : items[state.selected(list, ids: ids(of: list))]
    }

    var selectedPerson: Participant? { selected(session.record.participants, in: .people) }
    var selectedPresentPerson: Participant? { selected(session.record.present, in: .stick) }
    var selectedStory: Story? { selected(session.record.stories, in: .stories) }
    var selectedDraft: GoalDraft? { selected(session.record.openDrafts, in: .drafts) }
    var selectedIdea: Idea? { selected(session.record.ideas, in: .ideas) }
    var selectedIdeaByVotes: Idea? { selected(session.record.ideasByVotes, in: .choose) }
    var selectedVoter: Participant? { selected(session.record.present, in: .voters) }
    var selectedAction: Action? { selected(session.record.actions, in: .actions) }

    /// Puts each list's highlight where the work carries on: the next person to score on a
    /// principle, the first person with dots left. Used on opening (so a resumed session
    /// carries on where it was) and on entering a step.
    public func placeHighlights() {
        let record = session.record
        let people = record.present
        if let principle = session.step.principle {
            let scores = record.score(for: principle).scores
            if let next = people.firstIndex(where: { scores[$0.id] == nil }) {
                state.select(.score, next, ids: people.map(\.id))
            }
        }
        if session.step.stage == .choose, let next = people.firstIndex(where: { record.dotsUsed(by: $0.id) < session.template.dotsPerPerson }) {
            state.select(.voters, next, ids: people.map(\.id))
        }
        if session.step.stage == .storytelling, let teller = record.round.currentTeller, let row = people.firstIndex(where: { $0.id == teller }) {
            state.select(.stick, row, ids: people.map(\.id))
        }
    }

    // MARK: - Choosing a person by name

    private func handlePicker(_ key: Key) {
        guard case .pickPerson(var picker) = state.mode else { return }
        let people = session.record.present
        switch key {
        case .function(1):
            openHelp()
            return
        case .escape:
            state.mode = .browse
            state.message = StatusMessage(.info, picker.purpose == .giveStick ? "Nobody was given the stick." : "Nobody was asked.")
            return
        case .control("c"):
            state.mode = .browse
            wantsToQuit = true
            return
        case .up, .down:
            let shown = picker.matches(people)
            guard !shown.isEmpty else { return }
            let row = shown.firstIndex { $0.id == picker.highlighted(people)?.id } ?? 0
            picker.selected = shown[min(max(row + (key == .up ? -1 : 1), 0), shown.count - 1)].id
        case .backspace:
            if !picker.filter.isEmpty { picker.filter.removeLast() }
        case .control("u"):
            picker.filter = ""
        case .character(let character):
            picker.filter.append(character)
        case .paste(let text):
            picker.filter += text.filter { !$0.isNewline }
        case .enter:
            guard let person = picker.highlighted(people) else {
                state.message = StatusMessage(.info, "Nobody's name has \"\(picker.filter)\" in it. Backspace to change what you typed.")
                return
            }
            state.mode = .browse
            choose(person, for: picker.purpose)
            return
        default:
            return
        }
        state.mode = .pickPerson(picker)
    }

    private func choose(_ person: Participant, for purpose: PickPurpose) {
        switch purpose {
        case .giveStick:
            if record(.giveStick(to: person.id, invited: true)) {
                state.select(.stick, id: person.id, ids: ids(of: .stick))
            }
        case .ask:
            guard let practice else { return }
            let reply = practice.invite(person.id, in: session, at: now)
            recordReply(reply)
            if reply.isEmpty { state.message = StatusMessage(.info, "\(person.name) has nothing to add just now.") }
        }
    }

    // MARK: - Finishing

    /// On the last step, `]` offers to finish the workshop (a recorded change).
    private func offerToFinish() {
        guard flow.isLastStep(session.step, template: session.template) else {
            return nothing("The workshop can be finished on its last step (\(session.template.steps.last.map(WorkshopFlow.describe) ?? "Close")).")
        }
        if session.finishedAt != nil {
            return nothing("This workshop is finished. Press [ to go back to a step and carry on.")
        }
        let forgetting = RoomOnlyNotice.sentence(for: session).map { " " + $0 } ?? ""
        state.mode = .confirm(question: "Finish the workshop? It is then shown as finished in the list.\(forgetting) Press y to finish, any other key to carry on.", event: .finishWorkshop)
    }

    /// The next person round the circle after the current (or last) teller.
    private func nextTeller() -> Participant? {
        let people = session.record.present
        guard !people.isEmpty else { return nil }
        let last = session.record.round.currentTeller ?? session.record.round.turns.last?.participant
        guard let last, let index = people.firstIndex(where: { $0.id == last }) else {
            // Start with whoever has not been heard, else the first person.
            return session.record.notYetHeard.first ?? people.first
        }
        return people[(index + 1) % people.count]
    }
}

extension ConsoleApp {
    /// The first screen a console reopened on this session would draw at this size: a new
    /// console on the same session and content, back at this one's place, as `campfire resume`
    /// opens it. Kept when the console closes, to be shown at once when it is resumed
    /// (`LastScreen`); a test compares it with the screen a real reopening draws.
    public func screenWhenReopened(width: Int, height: Int) -> Grid {
        let fresh = ConsoleApp(session: openSession, content: content, clock: clock, readOnlyReason: readOnlyReason)
        fresh.restore(place)
        fresh.state.size = (width, height)
        return ConsoleScreen.render(fresh, width: width, height: height)
    }
}
