import Foundation
import TerminalUI
import Workshop

/// What review needs from the files: given by the program (WorkshopUI never touches files).
public struct ReviewSource {
    /// Every session's summary (read from `summary.json`, never by replaying journals).
    public var entries: () -> [ReviewEntry]
    /// The latest saved session, read-only.
    public var session: (String) throws -> Session
    /// The session's journal, in order.
    public var journal: (String) throws -> [(sequence: Int, at: Date, event: SessionEvent)]
    /// Records that an action was done, not done or dropped: the one change review makes.
    public var markAction: (String, ActionID, ActionStatus) throws -> Void
    /// Damage found in the session's files, in plain words (nil if none), said on its timeline.
    public var damage: (String) -> String? = { _ in nil }
    /// A practice run's debrief and what its simulated group said; nil for a real session.
    public var practice: (String) -> ReviewPractice?
    /// One session's row of the list, read again after its files changed (nil: keep the row; its
    /// damage mark is kept from when the list was read).
    public var entry: (String) -> ReviewEntry? = { _ in nil }
    /// Records what happened with an action and the day: like marking, one journal line.
    public var noteAction: (String, ActionID, String, Day) throws -> Void

    public init(entries: @escaping () -> [ReviewEntry],
                session: @escaping (String) throws -> Session,
                journal: @escaping (String) throws -> [(sequence: Int, at: Date, event: SessionEvent)],
                markAction: @escaping (String, ActionID, ActionStatus) throws -> Void,
                practice: @escaping (String) -> ReviewPractice? = { _ in nil },
                noteAction: @escaping (String, ActionID, String, Day) throws -> Void = { _, _, _, _ in throw ChangeRefusal("Notes cannot be saved here.") }) {
        self.entries = entries
        self.session = session
        self.journal = journal
        self.markAction = markAction
        self.practice = practice
        self.noteAction = noteAction
    }
}

/// What review shows of a practice run beyond its record: the debrief (`debrief.txt`) and every
/// remark of the simulated group (kept in `practice.json`).
public struct ReviewPractice: Equatable, Sendable {
    public var scenarioTitle: String
    public var seed: UInt64
    /// The text of `debrief.txt`, if the run got far enough to have one.
    public var debrief: String?
    public var remarks: [PersonaRemark]

    public init(scenarioTitle: String, seed: UInt64, debrief: String?, remarks: [PersonaRemark]) {
        self.scenarioTitle = scenarioTitle
        self.seed = seed
        self.debrief = debrief
        self.remarks = remarks
    }
}

/// An action from an earlier session, on the progress screen.
public struct ProgressAction: Equatable, Sendable {
    public var sessionID: String
    public var sessionTitle: String
    public var sessionDate: Date
    public var action: Action
    public var who: [String]

    /// Still planned after the day it was due.
    public func isOverdue(today: Day) -> Bool {
        action.status == .planned && (action.when.map { $0 < today } ?? false)
    }
}

/// Which actions the progress screen lists: by what became of them, and by person.
public struct ActionFilter: Equatable, Sendable {
    public enum Status: CaseIterable, Equatable, Sendable {
        case all, planned, overdue, done, notDone, dropped

        var words: String {
            switch self {
            case .all: return "every status"
            case .planned: return "planned"
            case .overdue: return "overdue"
            case .done: return "done"
            case .notDone: return "not done"
            case .dropped: return "dropped"
            }
        }
    }

    public var status: Status = .all
    /// A person's name, or nil for everyone.
    public var person: String?

    public init(status: Status = .all, person: String? = nil) {
        self.status = status
        self.person = person
    }

    public var words: String { status.words + (person.map { " · \($0)" } ?? " · everyone") }

    public func matches(_ item: ProgressAction, today: Day) -> Bool {
        if let person, !item.who.contains(person) { return false }
        switch status {
        case .all: return true
        case .planned: return item.action.status == .planned && !item.isOverdue(today: today)
        case .overdue: return item.isOverdue(today: today)
        case .done: return item.action.status == .done
        case .notDone: return item.action.status == .notDone
        case .dropped: return item.action.status == .dropped
        }
    }
}

/// The review browser: look back at sessions without changing them.
///
/// Screens: the list of sessions; one session read stage by stage; its timeline; the progress of
/// a group over time; two sessions side by side. Every screen is drawn by `ReviewScreens` from
/// this state, so each can be tested as text.
public final class ReviewApp {
    public enum Screen: Equatable, Sendable {
        case browser
        case session(id: String)
        case timeline(id: String)
        case progress(group: String)
        case compare(String, String)
    }

    public let content: ContentLibrary
    let source: ReviewSource
    public private(set) var allEntries: [ReviewEntry]
    public private(set) var shown: [ReviewEntry] = []
    public var query: ReviewQuery {
        didSet { refilter() }
    }
    public private(set) var screen: Screen = .browser
    public var selected = 0
    /// Where the list of sessions, a timeline and the list of actions began when last drawn.
    let viewports = (sessions: ListViewport(), timeline: ListViewport(), actions: ListViewport())
    /// Typing a search (every key is text until Enter or Esc).
    public private(set) var isSearching = false
    /// A session marked with c, to compare with another.
    public private(set) var compareMark: String?
    public var message: StatusMessage?
    public private(set) var wantsToQuit = false

    // Per-screen positions.
    public var page = 0
    public var timelineIndex = 0
    public var progressSelected = 0
    /// How many workshops the trend chart is moved back from the latest (← and →).
    public var trendShift = 0
    /// Which actions the progress screen lists.
    public var actionFilter = ActionFilter()
    /// Today, for what is overdue and the day a note is made (tests set it).
    public var today = Day(Date())
    /// While writing what happened with the selected action (`e` on the progress screen): the words so far.
    public private(set) var noteDraft: String?

    /// How far a long page (the stories, a practice run's debrief) is scrolled, in lines.
    public var pageScroll = 0

    private var sessionCache: [String: Session] = [:]
    private var practiceCache: [String: ReviewPractice?] = [:]

    /// A practice run's debrief and remarks (read once), nil for a real session.
    public func practice(_ id: String) -> ReviewPractice? {
        if let cached = practiceCache[id] { return cached }
        let read = session(id)?.isPractice == true ? source.practice(id) : nil
        practiceCache[id] = read
        return read
    }

    /// The number of pages of a session in review: its stages, and for a practice run one more, the debrief.
    public func pageCount(_ id: String, _ session: Session) -> Int {
        Self.pages(session).count + (practice(id) == nil ? 0 : 1)
    }
    private var timelineCache: [String: Timeline] = [:]

    public init(source: ReviewSource, content: ContentLibrary, query: ReviewQuery = ReviewQuery()) {
        self.source = source
        self.content = content
        self.query = query
        self.allEntries = source.entries()
        refilter()
    }

    private func refilter() {
        shown = query.apply(allEntries)
        selected = min(selected, max(shown.count - 1, 0))
    }

    public var selectedEntry: ReviewEntry? { shown.indices.contains(selected) ? shown[selected] : nil }

    /// The session on screen, read page by page or as its timeline (nil on the list, a group's
    /// progress and a comparison), for following it while a console has it open.
    public var sessionOnScreen: String? {
        switch screen {
        case .session(let id), .timeline(let id): return id
        case .browser, .progress, .compare: return nil
        }
    }

    /// A session's files changed (a console has it open, or review noted an action): it is read
    /// again for the next drawing, its timeline too, and its row in the list.
    public func sessionChanged(_ id: String) {
        sessionCache[id] = nil
        timelineCache[id] = nil
        practiceCache[id] = nil
        if var fresh = source.entry(id), let index = allEntries.firstIndex(where: { $0.id == id }) {
            fresh.damaged = allEntries[index].damaged  // damage is judged when the list is read
            allEntries[index] = fresh
            refilter()
        }
    }

    // MARK: - Loading

    public func session(_ id: String) -> Session? {
        if let cached = sessionCache[id] { return cached }
        do {
            let loaded = try source.session(id)
            sessionCache[id] = loaded
            return loaded
        } catch {
            message = StatusMessage(.problem, "That session could not be read: \(error)")
            return nil
        }
    }

    public func timeline(_ id: String) -> Timeline? {
        if let cached = timelineCache[id] { return cached }
        guard let saved = session(id) else { return nil }
        do {
            let records = try source.journal(id)
            var built = Timeline.replay(from: Timeline.creation(of: saved), records: records, saved: saved)
            if let damage = source.damage(id) {
                // Damaged lines are not in the timeline: say so, before any other problem.
                built.problem = damage + (built.problem.map { " " + $0 } ?? "")
            }
            timelineCache[id] = built
            return built
        } catch {
            message = StatusMessage(.problem, "That session's journal could not be read: \(error)")
            return nil
        }
    }

    /// The pages of a session: one per stage of its plan, one per principle.
    public static func pages(_ session: Session) -> [FlowStep] {
        var pages: [FlowStep] = []
        for step in session.template.steps {
            if step.stage == .principles {
                guard step.phase == .agree else { continue }
            }
            if pages.contains(step) { continue }
            pages.append(step)
        }
        return pages
    }

    /// The group's real sessions, oldest first.
    public func groupEntries(_ group: String) -> [ReviewEntry] {
        allEntries.filter { $0.group == group && !$0.isPractice }.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    /// The first column of the trend chart when `fit` of `count` workshops fit: the latest ones
    /// until ← or → has moved it.
    public func trendFirst(count: Int, fit: Int) -> Int {
        let latest = max(count - fit, 0)
        // Moved back no further than the first workshop, so → answers at once after many ←.
        trendShift = min(trendShift, latest)
        return latest - trendShift
    }

    /// The actions the progress screen lists, with its filter applied.
    public func filteredProgressActions(_ group: String) -> [ProgressAction] {
        progressActions(group).filter { actionFilter.matches($0, today: today) }
    }

    /// Everyone named on an action of the group, in order of first appearance.
    public func progressPeople(_ group: String) -> [String] {
        var names: [String] = []
        for item in progressActions(group) { for name in item.who where !names.contains(name) { names.append(name) } }
        return names
    }

    /// The actions of the group's sessions, newest session first; within a session, the latest due first.
    public func progressActions(_ group: String) -> [ProgressAction] {
        groupEntries(group).reversed().flatMap { entry -> [ProgressAction] in
            guard let session = session(entry.id) else { return [] }
            return session.record.actions.reversed().map { action in
                ProgressAction(sessionID: entry.id, sessionTitle: session.title, sessionDate: session.createdAt, action: action,
                               who: action.who.map { session.record.name(of: $0) })
            }
        }
    }

    // MARK: - Keys

    /// Whether the `?` box (every key of this screen) is open, and how far it is scrolled.
    public private(set) var showingKeys = false
    public var keysOffset = 0

    /// What a key does in review. Each screen's keys are listed once, with what they do, in
    /// `keys(for:)`: the `?` box shows that list and `handle` looks keys up in it, so a key in
    /// the box always works and a key that works is always in the box.
    enum Action: Equatable, Sendable {
        case open, search, nextGroup, practiceRuns, sort, reverse, timeline, overTime, compare
        case up, down, jump, quit
        case nextPage, previousPage, ends, scroll
        case nextChange, previousChange, nextStageChange, previousStageChange, stages
        case done, notDone, dropped, planned, note, filterStatus, filterPerson, olderNewer
        case help, back
    }

    /// The keys of one review screen, with what each does.
    static func keys(for screen: Screen) -> [(binding: KeyBinding, action: Action)] {
        func b(_ keys: [Key], _ label: String, _ help: String, _ action: Action) -> (binding: KeyBinding, action: Action) {
            (KeyBinding(keys, label, label, help: help, .review), action)
        }
        let help = (KeyBinding([.character("?")], "?", "keys", help: "Show every key of this screen.", .help), Action.help)
        switch screen {
        case .browser:
            return [
                b([.enter], "Enter", "Open the selected workshop, one stage a page.", .open),
                b([.character("/")], "/", "Search by title or group; Enter keeps the search, Esc clears it.", .search),
                b([.character("g")], "g", "Show one group at a time (again for the next, then all).", .nextGroup),
                b([.character("p")], "p", "Show or hide practice runs.", .practiceRuns),
                b([.character("s")], "s", "Sort by the next column.", .sort),
                b([.character("S")], "S", "Reverse the order.", .reverse),
                b([.character("t")], "t", "The selected workshop's timeline, one change at a time.", .timeline),
                b([.character("o")], "o", "The selected group's actions over time.", .overTime),
                b([.character("c")], "c", "Mark the selected workshop to compare; c on another compares them.", .compare),
                b([.up, .character("k")], "↑", "Move up the list (k too).", .up),
                b([.down, .character("j")], "↓", "Move down the list (j too).", .down),
                b([.pageUp, .pageDown, .home, .end], "PgUp", "Move ten at a time (PgDn down); Home and End go to the first and last.", .jump),
                help,
                b([.character("q"), .escape, .control("c")], "q", "Quit (Esc too; Esc first clears a search).", .quit),
            ]
        case .session:
            return [
                b([.right, .character("]"), .character(" "), .pageDown], "→", "The next stage (], Space and PgDn too).", .nextPage),
                b([.left, .character("["), .pageUp], "←", "The stage before ([ and PgUp too).", .previousPage),
                b([.home, .end], "Home End", "The first and the last stage.", .ends),
                b([.up, .down, .character("k"), .character("j")], "↑ ↓", "Scroll the stories and practice pages (k and j too).", .scroll),
                b([.character("t")], "t", "This workshop's timeline.", .timeline),
                b([.character("o")], "o", "This group's actions over time.", .overTime),
                help,
                b([.escape, .character("q"), .backspace], "Esc", "Back to the list (q and Backspace too).", .back),
            ]
        case .timeline:
            return [
                b([.right, .down, .character("l"), .character("j")], "→", "The next change (↓, l and j too).", .nextChange),
                b([.left, .up, .character("h"), .character("k")], "←", "The change before (↑, h and k too).", .previousChange),
                b([.character("]"), .pageDown], "]", "The next change of stage.", .nextStageChange),
                b([.character("["), .pageUp], "[", "The change of stage before.", .previousStageChange),
                b([.home, .end], "Home End", "The first and the last change.", .ends),
                b([.character("v")], "v", "The workshop one stage a page.", .stages),
                help,
                b([.escape, .character("q"), .backspace], "Esc", "Back (q and Backspace too).", .back),
            ]
        case .progress:
            return [
                b([.up, .down, .character("k"), .character("j")], "↑ ↓", "Choose an action (k and j too).", .scroll),
                b([.character("d")], "d", "Mark it done.", .done),
                b([.character("n")], "n", "Mark it not done.", .notDone),
                b([.character("x")], "x", "Mark it dropped.", .dropped),
                b([.character("u")], "u", "Mark it planned again.", .planned),
                b([.character("e")], "e", "Write what happened.", .note),
                b([.character("f")], "f", "Show actions by status (again for the next).", .filterStatus),
                b([.character("w")], "w", "Show one person's actions (again for the next, then everyone).", .filterPerson),
                b([.left, .right], "← →", "Older and newer workshops of the group.", .olderNewer),
                help,
                b([.escape, .character("q"), .backspace], "Esc", "Back to the list (q and Backspace too).", .back),
            ]
        case .compare:
            return [help, b([.escape, .character("q"), .backspace], "Esc", "Back to the list (q and Backspace too).", .back)]
        }
    }

    /// The keys of one review screen, for its `?` box and docs/keys.md.
    public static func bindings(for screen: Screen) -> [KeyBinding] { keys(for: screen).map(\.binding) }

    public func handle(_ key: Key) {
        if key == .resize { return }
        if showingKeys {
            // ↑ and ↓ scroll a box too long for the window (the drawing keeps it in range);
            // any other key closes it.
            switch key {
            case .down, .pageDown: keysOffset += key == .down ? 1 : 5
            case .up, .pageUp: keysOffset = max(keysOffset - (key == .up ? 1 : 5), 0)
            default: showingKeys = false
            }
            return
        }
        if isSearching { handleSearch(key); return }
        if noteDraft != nil, case .progress(let group) = screen { handleNote(key, group: group); return }
        if key == .control("c") { wantsToQuit = true; return }
        guard let action = Self.keys(for: screen).first(where: { $0.binding.matches(key) })?.action else { return }
        if action == .help { showingKeys = true; keysOffset = 0; return }
        switch screen {
        case .browser: handleBrowser(action, key: key)
        case .session(let id): handleSession(action, key: key, id: id)
        case .timeline(let id): handleTimeline(action, key: key, id: id)
        case .progress(let group): handleProgress(action, key: key, group: group)
        case .compare: if action == .back { screen = .browser }
        }
    }

    private func handleSearch(_ key: Key) {
        switch key {
        case .enter: isSearching = false
        case .escape: isSearching = false; query.search = ""
        case .backspace: if !query.search.isEmpty { query.search.removeLast() }
        case .character(let character): query.search.append(character); selected = 0
        case .paste(let text): query.search += text.split(whereSeparator: \.isNewline).joined(separator: " "); selected = 0
        case .up: isSearching = false; handleBrowser(.up, key: key)
        case .down: isSearching = false; handleBrowser(.down, key: key)
        default: break
        }
    }

    private func handleBrowser(_ action: Action, key: Key) {
        switch action {
        case .quit where key == .escape && !query.search.isEmpty: query.search = ""
        case .quit: wantsToQuit = true
        case .up: selected = max(selected - 1, 0)
        case .down: selected = min(selected + 1, max(shown.count - 1, 0))
        case .jump:
            switch key {
            case .pageUp: selected = max(selected - 10, 0)
            case .pageDown: selected = min(selected + 10, max(shown.count - 1, 0))
            case .home: selected = 0
            default: selected = max(shown.count - 1, 0)
            }
        case .search: isSearching = true
        case .sort:
            query.nextSortColumn()
            message = StatusMessage(.info, "Sorted by \(query.sort.words), \(query.descending ? "largest or newest first" : "smallest or oldest first").")
        case .reverse:
            query.descending.toggle()
            message = StatusMessage(.info, "Sorted by \(query.sort.words), \(query.descending ? "largest or newest first" : "smallest or oldest first").")
        case .nextGroup:
            let groups = reviewGroups(allEntries)
            if let current = query.group, let index = groups.firstIndex(of: current) {
                query.group = index + 1 < groups.count ? groups[index + 1] : nil
            } else {
                query.group = groups.first
            }
            selected = 0
        case .practiceRuns:
            let all = PracticeFilter.allCases
            query.practice = all[(all.firstIndex(of: query.practice)! + 1) % all.count]
            selected = 0
        case .open:
            guard let entry = selectedEntry else { return }
            guard session(entry.id) != nil else { return }
            page = 0
            screen = .session(id: entry.id)
        case .timeline:
            guard let entry = selectedEntry else { return }
            openTimeline(entry.id)
        case .overTime:
            guard let entry = selectedEntry else { return }
            guard let group = entry.group else {
                message = StatusMessage(.info, "This session has no group, so there is nothing to follow over time.")
                return
            }
            progressSelected = 0
            trendShift = 0
            screen = .progress(group: group)
        case .compare:
            guard let entry = selectedEntry else { return }
            if let first = compareMark, first != entry.id {
                compareMark = nil
                guard session(first) != nil, session(entry.id) != nil else { return }
                message = nil
                screen = .compare(first, entry.id)
            } else if compareMark == entry.id {
                compareMark = nil
                message = StatusMessage(.info, "Nothing marked to compare.")
            } else {
                compareMark = entry.id
                message = StatusMessage(.info, "Marked “\(entry.title)”. Choose another session and press c to compare them.")
            }
        default: break
        }
    }

    private func openTimeline(_ id: String) {
        guard let timeline = timeline(id) else { return }
        _ = timeline
        timelineIndex = 0
        screen = .timeline(id: id)
    }

    private func handleSession(_ action: Action, key: Key, id: String) {
        guard let session = session(id) else { screen = .browser; return }
        let count = pageCount(id, session)
        let pages = Self.pages(session)
        let onPractice = page == pages.count || (pages.indices.contains(page) && pages[page].stage == .storytelling)
        switch action {
        case .scroll where onPractice:
            if key == .down || key == .character("j") { pageScroll += 1 } else { pageScroll = max(pageScroll - 1, 0) }
        case .nextPage: page = min(page + 1, max(count - 1, 0)); pageScroll = 0
        case .previousPage: page = max(page - 1, 0); pageScroll = 0
        case .ends: page = key == .home ? 0 : max(count - 1, 0)
        case .timeline: openTimeline(id)
        case .overTime:
            guard let group = session.group else {
                message = StatusMessage(.info, "This session has no group, so there is nothing to follow over time.")
                return
            }
            progressSelected = 0
            trendShift = 0
            screen = .progress(group: group)
        case .back: screen = .browser
        default: break
        }
    }

    private func handleTimeline(_ action: Action, key: Key, id: String) {
        guard let timeline = timeline(id) else { screen = .browser; return }
        let last = max(timeline.entries.count - 1, 0)
        switch action {
        case .nextChange: timelineIndex = min(timelineIndex + 1, last)
        case .previousChange: timelineIndex = max(timelineIndex - 1, 0)
        case .nextStageChange: timelineIndex = timeline.nextStepChange(after: timelineIndex)
        case .previousStageChange: timelineIndex = timeline.previousStepChange(before: timelineIndex)
        case .ends: timelineIndex = key == .home ? 0 : last
        case .stages, .back: screen = .session(id: id)
        default: break
        }
    }

    private func handleProgress(_ action: Action, key: Key, group: String) {
        let actions = filteredProgressActions(group)
        switch action {
        case .olderNewer:
            if key == .left { trendShift = min(trendShift + 1, max(groupEntries(group).count - 1, 0)) } else { trendShift = max(trendShift - 1, 0) }
        case .note:
            guard actions.indices.contains(progressSelected) else { return message = StatusMessage(.info, "There are no actions to write about.") }
            noteDraft = actions[progressSelected].action.outcome?.note ?? ""
        case .filterStatus:
            let all = ActionFilter.Status.allCases
            actionFilter.status = all[(all.firstIndex(of: actionFilter.status)! + 1) % all.count]
            progressSelected = 0
            message = StatusMessage(.info, "Showing actions: \(actionFilter.words).")
        case .filterPerson:
            let people = progressPeople(group)
            if let current = actionFilter.person, let index = people.firstIndex(of: current) {
                actionFilter.person = index + 1 < people.count ? people[index + 1] : nil
            } else {
                actionFilter.person = people.first
            }
            progressSelected = 0
            message = StatusMessage(.info, "Showing actions: \(actionFilter.words).")
        case .scroll:
            if key == .up || key == .character("k") {
                progressSelected = max(progressSelected - 1, 0)
            } else {
                progressSelected = min(progressSelected + 1, max(actions.count - 1, 0))
            }
        case .done: mark(actions, .done)
        case .notDone: mark(actions, .notDone)
        case .dropped: mark(actions, .dropped)
        case .planned: mark(actions, .planned)
        case .back: screen = .browser
        default: break
        }
    }

    /// Typing what happened: every key is text until Enter (save) or Esc (nothing saved).
    private func handleNote(_ key: Key, group: String) {
        guard var draft = noteDraft else { return }
        switch key {
        case .escape:
            noteDraft = nil
            message = StatusMessage(.info, "Nothing was saved.")
            return
        case .backspace: if !draft.isEmpty { draft.removeLast() }
        case .character(let character): draft.append(character)
        case .paste(let text): draft += text.split(whereSeparator: \.isNewline).joined(separator: " ")
        case .enter:
            let actions = filteredProgressActions(group)
            guard actions.indices.contains(progressSelected) else { noteDraft = nil; return }
            let item = actions[progressSelected]
            do {
                try source.noteAction(item.sessionID, item.action.id, draft, today)
                noteDraft = nil
                sessionChanged(item.sessionID)
                message = StatusMessage(.saved, "Saved: what happened with “\(item.action.what)”, noted on \(today), added to that session's journal.")
            } catch {
                // The words stay in the box, so nothing typed is lost.
                message = StatusMessage(.refusal, "Not saved: \(error)")
            }
            return
        default: break
        }
        noteDraft = draft
    }

    private func mark(_ actions: [ProgressAction], _ status: ActionStatus) {
        guard actions.indices.contains(progressSelected) else {
            message = StatusMessage(.info, "There are no actions to mark.")
            return
        }
        let item = actions[progressSelected]
        guard item.action.status != status else {
            message = StatusMessage(.info, "“\(item.action.what)” is already marked \(TimelineWords.statusWords(status)). Nothing was changed.")
            return
        }
        do {
            try source.markAction(item.sessionID, item.action.id, status)
            sessionChanged(item.sessionID)
            message = StatusMessage(.saved, "Saved: “\(item.action.what)” marked \(TimelineWords.statusWords(status)), added to that session's journal.")
        } catch {
            message = StatusMessage(.refusal, "Not saved: \(error)")
        }
    }
}

extension ReviewApp {
    /// Opens one session straight away (as `campfire review SESSION` and the home screen's "look back" do).
    public func open(_ id: String) {
        if let index = shown.firstIndex(where: { $0.id == id }) {
            selected = index
        } else if let entry = allEntries.first(where: { $0.id == id }) {
            // A practice run when real ones are shown, say: show everything so it is in the list.
            query.practice = .all
            query.group = nil
            query.search = ""
            selected = shown.firstIndex(of: entry) ?? 0
        }
        guard session(id) != nil else { return }
        page = 0
        screen = .session(id: id)
    }
}
