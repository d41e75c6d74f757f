import Foundation
import StateMachine
import TerminalUI
import Workshop

/// What the console needs from the world outside: the time, and a way to save.
public struct ConsoleEnvironment {
    public var clock: any Workshop.Clock
    /// Writes one event to the journal; returns only when it is on disk.
    public var save: (SessionEvent, Date) throws -> Void
    /// Told after each saved event is applied, with the session as it now is (for regular snapshots).
    public var didApply: (Session, Date) -> Void
    /// Keeps a copy of the whole session when a step is left (best effort).
    public var keepStageSnapshot: (Session, FlowStep) -> Void

    public init(
        clock: any Workshop.Clock,
        save: @escaping (SessionEvent, Date) throws -> Void,
        didApply: @escaping (Session, Date) -> Void = { _, _ in },
        keepStageSnapshot: @escaping (Session, FlowStep) -> Void = { _, _ in }
    ) {
        self.clock = clock
        self.save = save
        self.didApply = didApply
        self.keepStageSnapshot = keepStageSnapshot
    }
}

/// The facilitator's console: takes keys, turns them into session events, and draws.
///
/// One place handles every key (as in Bubble Tea's update); rendering is a pure
/// function of the session and this state, so every screen can be tested as text.
public final class ConsoleApp {
    public private(set) var editor: SessionEditor
    public var state = ConsoleState()
    public let content: ContentLibrary
    public let flow: WorkshopFlow
    /// When set, the session is open read-only and this says why.
    public var readOnlyReason: String?
    public private(set) var wantsToQuit = false
    private let environment: ConsoleEnvironment
    /// Counts saved changes, so work done for drawing is redone only when something changed.
    public private(set) var revision = 0
    private var jargonCache: (revision: Int, step: FlowStep, entries: [GlossaryEntry])?
    private var tallyCache: (revision: Int, closed: [ParticipantID: TurnTally])?
    /// In a practice run, the simulated group: it answers each saved change (see `recordReply`).
    public var practice: PracticeConsole?

    public init(editor: SessionEditor, content: ContentLibrary, environment: ConsoleEnvironment, readOnlyReason: String? = nil) {
        self.editor = editor
        self.content = content
        self.flow = WorkshopFlow(template: editor.session.template)
        self.environment = environment
        self.readOnlyReason = readOnlyReason
    }

    public var session: Session { editor.session }
    public var now: Date { environment.clock.now() }

    // MARK: - Keys

    /// The bindings active right now, in the order the hint bar shows them.
    public var activeBindings: [KeyBinding] {
        if state.layout == .projector { return Bindings.projector }
        if let practice, practice.asking != nil { return PracticeConsole.askingBindings }
        switch state.mode {
        case .consensus: return Bindings.consensus
        default: return PracticeConsole.bindings(Bindings.forStep(session.step, focus: state.focus), at: session.step, practice: practice)
        }
    }

    /// Handles one key.
    public func handle(_ key: Key) {
        if key == .resize { return }
        if practice?.asking != nil, state.form == nil, state.layout == .console { handleAsking(key); return }
        // The "throw away what you typed?" question comes before the form it is about.
        if state.form != nil, state.mode != .confirmDiscard { handleForm(key); return }
        switch state.mode {
        case .help:
            state.mode = .browse
            return
        case .confirm(_, let event):
            state.mode = .browse
            if key == .character("y") || key == .character("Y") {
                record(event)
            } else {
                state.message = StatusMessage(.info, "Nothing was removed.")
            }
            return
        case .confirmDiscard:
            if key == .character("y") || key == .character("Y") {
                state.form = nil
                state.message = StatusMessage(.info, "What you typed was not kept.")
            } else {
                state.message = StatusMessage(.info, "Carry on typing: nothing was thrown away.")
            }
            state.mode = .browse
            return
        case .consensus, .browse:
            break
        }
        if case .paste = key {
            state.message = StatusMessage(.info, "To paste words, first open a box to type in (for example a to add).")
            return
        }
        guard let binding = activeBindings.first(where: { $0.matches(key) }) else { return }
        perform(binding.command)
    }

    // MARK: - Commands

    private func perform(_ command: Command) {
        let record = session.record
        switch command {
        case .help: state.mode = .help
        case .quit: wantsToQuit = true
        case .toggleProjector: state.layout = state.layout == .console ? .projector : .console
        case .nextStep: move(.next, overrideReason: nil)
        case .previousStep: move(.back, overrideReason: nil)
        case .undo:
            guard let event = editor.undoEvent else { state.message = StatusMessage(.info, "There is nothing to undo."); return }
            if self.record(event) { state.message = StatusMessage(.saved, "Undone. Saved.") }
        case .redo:
            guard let event = editor.redoEvent else { state.message = StatusMessage(.info, "There is nothing to redo."); return }
            if self.record(event) { state.message = StatusMessage(.saved, "Redone. Saved.") }
        case .nextPanel: state.focus = state.focus == 0 ? 1 : 0
        case .moveUp: moveSelection(by: -1)
        case .moveDown: moveSelection(by: 1)
        case .leaveMode: state.mode = .browse
        case .invite where practice != nil && session.step.stage != .storytelling: startAsking()
        case .consensus where practice != nil && session.step.stage == .storytelling: askConsent()
        case .switchView: state.closeView = (state.closeView + 1) % (practice == nil ? 2 : 3)
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
            guard let person = selectedPresentPerson else { return }
            self.record(.giveStick(to: person.id, invited: true))
        case (.storytelling, .pass): self.record(.pass)
        case (.storytelling, .endTurn): self.record(.endTurn)
        case (.storytelling, .add): state.form = Forms.story(nil, teller: record.round.currentTeller, record: record, content: content)
        case (.storytelling, .edit):
            if state.focus == 0 {
                performStageCommand(.invite, record: record)
            } else if let story = selectedStory {
                state.form = Forms.story(story, teller: story.teller, record: record, content: content)
            }
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
            state.select("consensus", 0, count: record.present.count)
            if let practice { recordReply(practice.consensusCheck(on: draft.id, in: session, at: now)) }
        case (.goal, .respond(let number)):
            guard case .consensus(let draftID) = state.mode else { return }
            let people = record.present
            guard !people.isEmpty else { return }
            let index = state.selected("consensus", count: people.count)
            let response: ConsensusResponse? = [1: .agree, 2: .canLiveWith, 3: .disagree][number]
            if self.record(.respond(draft: draftID, participant: people[index].id, response: response)) {
                state.select("consensus", index + 1, count: people.count)
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
            if self.record(.vote(idea: idea.id, participant: person.id, change: command == .addDot ? 1 : -1)) {
                let left = session.template.dotsPerPerson - session.record.dotsUsed(by: person.id)
                state.message = StatusMessage(.saved, "Saved. \(person.name) has \(left) \(left == 1 ? "dot" : "dots") left.")
            }
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
        let index = state.selected("score", count: people.count)
        if record(.score(principle: principle, participant: people[index].id, stage: stage)) {
            state.select("score", index + 1, count: people.count)
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
                state.mergeMarks = []
                state.mode = .browse
                for effect in step.effects {
                    if case .keepStageSnapshot(let left) = effect { environment.keepStageSnapshot(before, left) }
                }
                state.message = StatusMessage(.saved, "Now on: \(WorkshopFlow.describe(step.to)). Saved.")
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
        if let practice {
            // The simulated group answers through the same path, each change at its own moment.
            recordReply(practice.react(to: event, in: session, at: at))
            if case .moveTo = event, session.step.stage == .close {
                practice.finish(session, at: now)
                state.closeView = 2
            }
        }
        return true
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
        // The change is worked out once, on a copy; the copy is kept only once the journal has it.
        var changed = editor
        do {
            try changed.apply(event, at: at)
        } catch {
            state.message = StatusMessage(.refusal, error.reason)
            return false
        }
        if let readOnlyReason {
            state.message = StatusMessage(.problem, "Not saved: \(readOnlyReason)")
            return false
        }
        do {
            try environment.save(event, at)
        } catch {
            state.message = StatusMessage(.problem, "Not saved: \(error). Nothing typed is lost: it is still on screen.")
            return false
        }
        editor = changed
        environment.didApply(editor.session, at)
        revision += 1
        state.lastSavedAt = at
        state.message = StatusMessage(.saved, "Saved.")
        return true
    }

    // MARK: - Forms

    private func handleForm(_ key: Key) {
        guard var form = state.form else { return }
        switch form.handle(key) {
        case .editing:
            state.form = form
        case .cancel:
            if form.hasInput { state.mode = .confirmDiscard } else { state.form = nil }
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
            state.message = StatusMessage(.refusal, error.reason)
            return
        }
        if case .overrideReason(let event) = form.purpose {
            state.form = nil
            move(event, overrideReason: form.text("Why"))
            if state.form == nil, case .refusal = state.message?.kind { state.form = form }
            return
        }
        for event in events {
            guard self.record(event) else { return } // keep the form open: nothing typed is lost
        }
        state.form = nil
        if case .addStory = form.purpose { state.select("stories", record.stories.count, count: session.record.stories.count) }
        if case .addPerson = form.purpose { state.select("people", record.participants.count, count: session.record.participants.count) }
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
        let turns = session.record.round.turns
        let open = turns.last.flatMap { $0.endedAt == nil && !$0.passed ? $0 : nil }
        if tallyCache?.revision != revision {
            let finished = StoryRound(turns: open == nil ? turns : Array(turns.dropLast()))
            tallyCache = (revision, finished.tally(upTo: now))
        }
        var tallies = tallyCache!.closed
        if let open {
            var tally = tallies[open.participant] ?? TurnTally()
            tally.turns += 1
            tally.seconds += open.seconds(upTo: now)
            tallies[open.participant] = tally
        }
        return tallies
    }

    // MARK: - Selection

    private func moveSelection(by offset: Int) {
        let (list, count) = currentList
        state.select(list, state.selected(list, count: count) + offset, count: count)
    }

    /// The list the arrows move in right now, and its length.
    public var currentList: (name: String, count: Int) {
        let record = session.record
        if case .consensus = state.mode { return ("consensus", record.present.count) }
        switch session.step.stage {
        case .welcome: return ("people", record.participants.count)
        case .storytelling: return state.focus == 0 ? ("stick", record.present.count) : ("stories", record.stories.count)
        case .goal: return ("drafts", record.openDrafts.count)
        case .principles: return ("score", record.present.count)
        case .ideas: return ("ideas", record.ideas.count)
        case .choose: return state.focus == 0 ? ("choose", record.ideas.count) : ("voters", record.present.count)
        case .actions: return ("actions", record.actions.count)
        case .close: return ("close", record.present.count)
        }
    }

    /// The item selected in a list, or nil when the list is empty.
    private func selected<Item>(_ items: [Item], in list: String) -> Item? {
        items.isEmpty ? nil : items[state.selected(list, count: items.count)]
    }

    var selectedPerson: Participant? { selected(session.record.participants, in: "people") }
    var selectedPresentPerson: Participant? { selected(session.record.present, in: "stick") }
    var selectedStory: Story? { selected(session.record.stories, in: "stories") }
    var selectedDraft: GoalDraft? { selected(session.record.openDrafts, in: "drafts") }
    var selectedIdea: Idea? { selected(session.record.ideas, in: "ideas") }
    var selectedIdeaByVotes: Idea? { selected(session.record.ideasByVotes, in: "choose") }
    var selectedVoter: Participant? { selected(session.record.present, in: "voters") }
    var selectedAction: Action? { selected(session.record.actions, in: "actions") }

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
