import Foundation
import Persistence
import TerminalUI
import Workshop
import WorkshopUI

/// A model-based key test of the console: seeded random key sequences (letters, digits, Enter,
/// Esc, Tab, arrows, `]` `[`, `u` Ctrl-R, `p`, pastes, resizes down to 20 × 8 and back, quitting
/// and opening again) driven into the in-process console over a real session folder, with the
/// console's promises checked after every key:
///
/// - nothing stops Campfire (a trap ends the whole run, with the seed printed first);
/// - the events saved so far, replayed, give the live session (after every key), and the session
///   read back from its folder is the live one (on every quit and at the end);
/// - undoing everything returns the session as it was opened;
/// - the screen that handled a key is the one drawn before it, and a box not on screen never
///   changes;
/// - a list that re-sorts or changes never moves the highlight to another item;
/// - a box closed without change writes nothing.
///
/// The same seed always gives the same keys and the same checks, so a failure is replayed and
/// shrunk to a short key list for a named regression test.
public struct KeyStorm {
    /// One thing the console did that it promises not to.
    public struct Failure: Error, CustomStringConvertible {
        public var seed: UInt64
        public var keyIndex: Int
        public var problem: String
        public var keys: [Key]
        public var start: String

        public var description: String {
            "seed \(seed) (\(start)), key \(keyIndex + 1) of \(keys.count): \(problem)\n  keys: \(KeyStorm.swiftLiteral(keys))"
        }
    }

    /// What a run did.
    public struct Figures {
        public var sequences = 0
        public var keys = 0
        public var events = 0
        public var reopenings = 0
        public var failures: [Failure] = []

        public init() {}
    }

    public let content: ContentLibrary
    public let scenarios: [Scenario]
    /// Where the session folders go (each sequence makes one and removes it).
    public let scratch: URL
    /// Whether a failing key list is shrunk before it is reported.
    public var shrinks = true

    public init(scratch: URL) throws {
        content = try ContentLibrary.load()
        scenarios = (try ScenarioLibrary.builtIn(glossary: content.glossary)).scenarios
        self.scratch = scratch
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    // MARK: - Starting points

    /// Where a sequence starts: an empty session or the sample stopped at a step, of each built-in
    /// template, or a practice run of each built-in scenario.
    public enum Start: CustomStringConvertible {
        case empty(template: String)
        case sample(template: String, step: FlowStep)
        case practice(scenario: String, seed: UInt64)

        public var description: String {
            switch self {
            case .empty(let template): return "empty \(template)"
            case .sample(let template, let step): return "\(template) sample at \(WorkshopFlow.describe(step))"
            case .practice(let scenario, let seed): return "practice \(scenario) seed \(seed)"
            }
        }
    }

    func start(for random: inout SeededRandom) -> Start {
        let templates = content.templates.map(\.name)
        switch random.next(below: 6) {
        case 0:
            return .practice(scenario: scenarios[random.next(below: scenarios.count)].name, seed: random.next())
        case 1:
            return .empty(template: templates[random.next(below: templates.count)])
        default:
            let name = templates[random.next(below: templates.count)]
            let steps = (try? content.template(named: name).steps) ?? []
            return .sample(template: name, step: steps[random.next(below: max(steps.count, 1))])
        }
    }

    // MARK: - Keys

    /// The keys of one sequence, from its seed.
    public static func keys(seed: UInt64, count: Int) -> [Key] {
        var random = SeededRandom(seed: seed ^ 0x5EED_0F_CA3F)
        return (0..<count).map { _ in key(&random) }
    }

    static let sizes: [(Int, Int)] = [(20, 8), (43, 11), (44, 12), (60, 20), (80, 24), (120, 30), (160, 48)]
    static let letters = Array("aeidncgmwxfvqsoyYnhtlrbzë李 ")
    static let pastes = ["Zoë's idea", "a line\nand another", "q]u p", "  ", "Café 🔥 together"]

    static func key(_ random: inout SeededRandom) -> Key {
        switch random.next(below: 100) {
        case 0..<22: return .character(letters[random.next(below: letters.count)])
        case 22..<32: return .character(Character(String(random.next(below: 5))))
        case 32..<42: return .enter
        case 42..<47: return .escape
        case 47..<51: return .tab
        case 51..<52: return .backTab
        case 52..<60: return [.up, .down, .left, .right][random.next(below: 4)]
        case 60..<67: return .character("]")
        case 67..<71: return .character("[")
        case 71..<76: return .character("u")
        case 76..<78: return .control("r")
        case 78..<80: return .character("p")
        case 80..<85: return .character(["+", "+", "-", " "][random.next(below: 4)])
        case 85..<87: return .character("?")
        case 87..<89: return .backspace
        case 89..<91: return .paste(pastes[random.next(below: pastes.count)])
        case 91..<94:
            let size = sizes[random.next(below: sizes.count)]
            return .function(1000 + size.0 * 1000 + size.1)  // a resize to this size (see `resizeTo`)
        case 94..<95: return .control("u")
        case 95..<96: return .control("c")
        case 96..<97: return .character("q")
        default: return .character("a")
        }
    }

    /// The size a resize stands for (a resize is written into the key list as a function key no
    /// terminal sends, so a key list replays exactly).
    static func resizeTo(_ key: Key) -> (width: Int, height: Int)? {
        guard case .function(let code) = key, code >= 1000 else { return nil }
        return ((code - 1000) / 1000, (code - 1000) % 1000)
    }

    // MARK: - Running

    /// Runs one sequence. Returns its failure, if the console broke a promise.
    public func run(seed: UInt64, keyCount: Int, figures: inout Figures) -> Failure? {
        var random = SeededRandom(seed: seed)
        let start = start(for: &random)
        let keys = Self.keys(seed: seed, count: keyCount)
        let result = run(start: start, keys: keys)
        figures.sequences += 1
        figures.keys += result.keysRun
        figures.events += result.events
        figures.reopenings += result.reopenings
        guard var failure = result.failure else { return nil }
        failure.seed = seed
        failure.start = start.description
        failure.keys = Array(keys.prefix(failure.keyIndex + 1))
        if shrinks { failure.keys = shrink(start: start, keys: failure.keys, problem: failure.problem) }
        failure.keyIndex = failure.keys.count - 1
        return failure
    }

    /// Makes a failing key list shorter while the same kind of problem still happens.
    func shrink(start: Start, keys: [Key], problem: String) -> [Key] {
        var keys = keys
        let kind = problem.prefix(while: { $0 != ":" })
        var attempts = 0
        // Take out chunks, halving their size, as delta debugging does; then single keys.
        var chunk = max(keys.count / 2, 1)
        while chunk >= 1, attempts < 300 {
            var index = 0
            while index < keys.count, attempts < 300 {
                attempts += 1
                var shorter = keys
                shorter.removeSubrange(index..<min(index + chunk, keys.count))
                let result = run(start: start, keys: shorter)
                if let failure = result.failure, failure.problem.hasPrefix(kind) {
                    keys = Array(shorter.prefix(failure.keyIndex + 1))
                } else {
                    index += chunk
                }
            }
            chunk /= 2
        }
        return keys
    }

    struct Outcome {
        var failure: Failure?
        var keysRun = 0
        var events = 0
        var reopenings = 0
    }

    /// The console over a real session folder, as `ConsoleRunner` wires it, with the clock in our hands.
    final class Harness {
        let clock: ManualClock
        var store: SessionStore
        var app: ConsoleApp
        var saved: [SessionEvent] = []
        /// The session replayed from the events saved since opening.
        var replayed: Session
        var opening: Session
        /// How many events had been saved when the session was (last) opened.
        var savedAtOpening = 0
        /// Whether a change undo does not take back (a move that put the stick down) was made since opening.
        var movedTheRecord = false
        let practice: PracticeConsole?
        let content: ContentLibrary

        /// - Parameter opening: the session as it was before any change the editor can undo (for a
        ///   practice run, before the simulated group's first words, which are recorded in the same
        ///   editor and so can be undone too).
        init(store: SessionStore, clock: ManualClock, practice: PracticeConsole?, content: ContentLibrary, opening: Session? = nil) {
            self.store = store
            self.clock = clock
            self.practice = practice
            self.content = content
            replayed = store.session
            self.opening = opening ?? store.session
            app = ConsoleApp(editor: store.editor, content: content, environment: ConsoleEnvironment(clock: clock, save: { _, _ in }))
            app = makeApp()
        }

        /// The store as the console's one owner of the session, each saved event also replayed here.
        func makeApp() -> ConsoleApp {
            let watched = WatchedStore(store: store) { [unowned self] event, at in
                self.saved.append(event)
                let before = self.replayed.record
                try? SessionReducer.apply(event, at: at, to: &self.replayed)
                // Moving on puts the talking stick down: a change to the record that undo does
                // not take back (moves are not undone), so "undo all" cannot return to the opening.
                switch event {
                case .undo, .redo: break
                default: if !event.changesRecord && self.replayed.record != before { self.movedTheRecord = true }
                }
            }
            // As `ConsoleRunner` sets it: snapshots on a thread of their own, once the change is drawn.
            store.writesSnapshotsInBackground = true
            store.defersRegularSnapshots = true
            let app = ConsoleApp(session: watched, content: content, clock: practice?.clock ?? clock)
            app.practice = practice
            return app
        }

        /// Quits and opens the session again from its folder, as `campfire resume` does.
        func reopen() throws -> String? {
            store.close(at: clock.now())
            let reopened = try SessionStore.open(store.folder, readOnly: false, at: clock.now())
            // A workshop closed at its Close step has its room-only words forgotten (issue 16):
            // that is what the folder must then hold.
            let expected = app.session.step.stage == .close ? RoomOnlyForgetting.scrubbingEveryRoomOnlyStory(app.session) : app.session
            if let problem = KeyStorm.compare(reopened.session, expected, what: "the session read back from its folder") { return problem }
            store = reopened
            replayed = reopened.session
            opening = reopened.session
            savedAtOpening = saved.count
            movedTheRecord = false
            app = makeApp()
            return nil
        }
    }

    func makeHarness(_ start: Start, folder: URL) throws -> Harness {
        let clock = ManualClock(Date(timeIntervalSince1970: 1_795_000_000))
        switch start {
        case .empty(let name):
            let template = try content.template(named: name)
            let session = Session(id: "20261117-0930-cafe", title: "Storm", group: "storm", createdAt: clock.now(), template: template)
            return Harness(store: try SessionStore.create(session, in: folder, at: clock.now()), clock: clock, practice: nil, content: content)
        case .sample(let name, let step):
            let template = try content.template(named: name)
            let session = SampleWorkshop.session(template: template, names: ["Zoë", "Tom", "李小龍", "Sam"], upTo: step, start: clock.now())
            clock.advance(by: 60)
            return Harness(store: try SessionStore.create(session, in: folder, at: clock.now()), clock: clock, practice: nil, content: content)
        case .practice(let name, let seed):
            let scenario = scenarios.first { $0.name == name }!
            let template = try content.template(named: scenario.template)
            let practiceClock = PracticeClock(base: clock)
            let practice = PracticeConsole(scenario: scenario, glossary: content.glossary,
                                           simulator: PracticeSimulator(scenario: scenario, seed: seed, glossary: content.glossary),
                                           clock: practiceClock, coachOn: seed % 2 == 0)
            let session = PracticeSimulator.newSession(for: scenario, template: template, id: "20261117-0930-beef", at: practiceClock.now())
            let store = try SessionStore.create(session, in: folder, at: practiceClock.now())
            for simulated in practice.start(in: session, at: practiceClock.now()).events {
                try store.record(simulated.event, at: simulated.at)
            }
            return Harness(store: store, clock: clock, practice: practice, content: content, opening: session)
        }
    }

    /// Runs keys from a start, checking every promise after each key.
    func run(start: Start, keys: [Key]) -> Outcome {
        var outcome = Outcome()
        let folder = scratch.appendingPathComponent("storm-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let harness: Harness
        do { harness = try makeHarness(start, folder: folder) } catch {
            outcome.failure = Failure(seed: 0, keyIndex: 0, problem: "start: could not make the session: \(error)", keys: keys, start: start.description)
            return outcome
        }
        var size = (width: 80, height: 24)
        func fail(_ index: Int, _ problem: String) -> Outcome {
            var result = outcome
            result.failure = Failure(seed: 0, keyIndex: index, problem: problem, keys: keys, start: start.description)
            harness.store.close(at: harness.clock.now())
            return result
        }
        for (index, key) in keys.enumerated() {
            harness.clock.advance(by: 1)
            let app = harness.app
            // What the loop does before each key: tell the console its size, and draw.
            app.state.size = size
            let grid = ConsoleScreen.render(app, width: size.width, height: size.height)
            guard grid.width == size.width, grid.height == size.height else { return fail(index, "draw: the screen is \(grid.width) × \(grid.height), not \(size.width) × \(size.height)") }
            let shown = app.screen(width: size.width, height: size.height)
            let formBefore = app.state.form
            let stepBefore = app.session.step
            let focusBefore = app.state.focus
            let selectedBefore = Dictionary(uniqueKeysWithValues: ListName.allCases.map { list -> (ListName, String?) in
                let ids = app.ids(of: list)
                return (list, ids.isEmpty ? nil : ids[app.selectedRow(list)])
            })
            let savedBefore = harness.saved.count

            if let resize = Self.resizeTo(key) {
                // As in the loop: the resize is handled, then the next draw reads the new size.
                app.handle(.resize)
                size = resize
            } else {
                app.handle(key)
            }
            // As the loop does after drawing the change: the regular snapshot, if one is due.
            harness.store.snapshotIfDue(at: harness.clock.now())
            outcome.keysRun += 1
            let newEvents = Array(harness.saved[savedBefore...])
            outcome.events += newEvents.count

            // The screen that took the key is the one that was drawn.
            guard app.lastHandledBy == shown else { return fail(index, "mode: \(shown) was drawn but \(String(describing: app.lastHandledBy)) took \(key)") }
            if shown != .form, shown != .confirmDiscard, let before = formBefore, let after = app.state.form,
               !zip(before.fields, after.fields).allSatisfy({ $0.sameValue(as: $1) }) {
                return fail(index, "hidden box: \(key) changed a box that was not on screen (\(shown))")
            }
            // A box closed (or left) without change writes nothing. (The merge box is the one that
            // opens holding what it saves, the marked wordings' words: Enter on it is the merge `m` asked for.)
            if shown == .form, let before = formBefore, !before.isChanged, !newEvents.isEmpty, !before.purpose.isMerge {
                return fail(index, "unchanged box: \(before.title) wrote \(newEvents)")
            }
            // Journal replayed equals the live session.
            if let problem = Self.compare(harness.replayed, app.session, what: "the saved events replayed") { return fail(index, "replay: \(problem)") }
            // A re-sort or change never moves the highlight to another item.
            if case .pickPerson = app.state.mode {} else if let problem = highlightMoved(app, key: key, shown: shown, stepBefore: stepBefore, focusBefore: focusBefore, selectedBefore: selectedBefore, newEvents: newEvents) {
                return fail(index, "highlight: \(problem)")
            }
            if app.wantsToQuit {
                outcome.reopenings += 1
                do {
                    if let problem = try harness.reopen() { return fail(index, "reopen: \(problem)") }
                } catch {
                    return fail(index, "reopen: the session did not open again: \(error)")
                }
            }
        }
        // The session read back from its folder is the live one.
        harness.store.close(at: harness.clock.now())
        do {
            let reread = try SessionStore.open(folder, readOnly: true, at: harness.clock.now())
            let live = harness.app.session
            let expected = live.step.stage == .close ? RoomOnlyForgetting.scrubbingEveryRoomOnlyStory(live) : live
            if let problem = Self.compare(reread.session, expected, what: "the session read back from its folder") { return fail(keys.count - 1, "disk: \(problem)") }
        } catch {
            return fail(keys.count - 1, "disk: the session did not open again: \(error)")
        }
        // Undoing everything (with the simulated group out of the room) returns the session as opened.
        // (On a copy of the editor: the files are closed, and undoing is not saved.)
        let app = ConsoleApp(editor: harness.app.editor, content: content, environment: ConsoleEnvironment(clock: harness.clock, save: { _, _ in }))
        var undone = 0
        while let undo = app.editor.undoEvent, undone < SessionEditor.undoLimit + 5 {
            guard app.record(undo) else { return fail(keys.count - 1, "undo all: an undo was refused: \(app.state.message?.text ?? "")") }
            undone += 1
        }
        let changes = harness.saved[harness.savedAtOpening...].filter { $0.changesRecord }.count
        if changes < SessionEditor.undoLimit - 10, !harness.movedTheRecord, app.session.record != harness.opening.record {
            return fail(keys.count - 1, "undo all: after \(undone) undos the record is not as it was opened")
        }
        return outcome
    }

    /// The session store, as the console's one owner of the session, telling the harness of each
    /// event it has saved and applied (to replay them and compare).
    final class WatchedStore: OpenSession {
        let store: SessionStore
        let didRecord: (SessionEvent, Date) -> Void

        init(store: SessionStore, didRecord: @escaping (SessionEvent, Date) -> Void) {
            self.store = store
            self.didRecord = didRecord
        }

        var editor: SessionEditor { store.editor }

        func record(_ event: SessionEvent, at date: Date) throws {
            try store.record(event, at: date)
            didRecord(event, date)
        }

        func keepStageSnapshot(_ session: Session, leaving step: FlowStep, at date: Date) {
            store.keepStageSnapshot(session, leaving: step, at: date)
        }

        func joinChanges(since mark: Int) { store.joinChanges(since: mark) }
    }

    /// Whether the highlight of some list moved to another item although the key was not one that moves it.
    func highlightMoved(_ app: ConsoleApp, key: Key, shown: ConsoleScreenMode, stepBefore: FlowStep, focusBefore: Int,
                        selectedBefore: [ListName: String?], newEvents: [SessionEvent]) -> String? {
        guard app.session.step == stepBefore, app.state.focus == focusBefore else { return nil }
        let moving: Set<Key> = [.up, .down]
        var exempt: Set<ListName> = []
        if moving.contains(key) && (shown == .stage || shown == .consensus) { exempt.insert(app.currentList.name) }
        for event in newEvents {
            switch event {
            // These select what they add, or move on to the next person, on purpose.
            case .addParticipant: exempt.insert(.people)
            case .addStory: exempt.insert(.stories)
            case .addIdea: exempt.insert(.ideas)
            case .addAction: exempt.insert(.actions)
            case .proposeGoal, .mergeGoals: exempt.insert(.drafts)
            case .score: exempt.insert(.score)
            case .respond: exempt.insert(.consensus)
            case .giveStick: exempt.insert(.stick)
            default: break
            }
        }
        if shown == .stage, key == .character("c") || key == .enter { exempt.insert(.consensus) }  // asking starts at the first not asked
        for list in ListName.allCases where !exempt.contains(list) {
            guard let before = selectedBefore[list] ?? nil else { continue }
            let ids = app.ids(of: list)
            guard ids.contains(before) else { continue }  // the item went: the highlight goes to its row
            let now = ids[app.selectedRow(list)]
            if now != before { return "\(key) moved the \(list) highlight from \(before) to \(now)" }
        }
        return nil
    }

    /// Whether two sessions are the same as far as the files can tell (dates to the millisecond).
    static func compare(_ expected: Session, _ live: Session, what: String) -> String? {
        if expected == live { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode((date.timeIntervalSince1970 * 1000).rounded())
        }
        guard let left = try? encoder.encode(expected), let right = try? encoder.encode(live) else { return "\(what) could not be compared" }
        if left == right { return nil }
        return "\(what) differs from the live session (step \(expected.step) / \(live.step); \(expected.record == live.record ? "records equal" : "records differ"))"
    }

    /// Keys written as Swift, for a regression test.
    public static func swiftLiteral(_ keys: [Key]) -> String {
        "[" + keys.map { key -> String in
            if let size = resizeTo(key) { return "resize(\(size.width), \(size.height))" }
            switch key {
            case .character(let character): return ".character(\(String(reflecting: String(character))))"
            case .paste(let text): return ".paste(\(String(reflecting: text)))"
            case .control(let character): return ".control(\(String(reflecting: String(character))))"
            default: return ".\(key)"
            }
        }.joined(separator: ", ") + "]"
    }
}

/// SplitMix64: small, fast and the same on every machine, so a seed always gives the same keys.
public struct SeededRandom {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func next(below bound: Int) -> Int {
        Int(next() % UInt64(max(bound, 1)))
    }
}
