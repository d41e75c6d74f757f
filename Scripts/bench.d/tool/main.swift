// campfire-bench: the in-process half of Scripts/bench.
//
// Built by Scripts/bench with swiftc against the release build's modules (it is not a
// package target and not part of the tests). Every command prints one JSON object on stdout.
//
//   campfire-bench fixtures DIR       make the session folders the other figures use
//   campfire-bench render REPS        figure 2: handle one key + render + grid diff
//   campfire-bench append DIR REPS    figure 3: append one event, flushed, big vs small journal
//   campfire-bench reopen DIR REPS    figure 4: SessionStore.open, 10,000 vs 10 events
//
// Comparisons are interleaved (A, B, B, A, ...) so that a noisy machine hurts both sides alike.

import Foundation
import Persistence
import TerminalUI
import Workshop
import WorkshopUI
#if canImport(Glibc)
import Glibc
#endif

// MARK: - Helpers

func nowNanos() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(max(values.count, 1)) }

/// Runs `a` and `b` `reps` times each, alternating which goes first; returns milliseconds.
func interleaved(_ reps: Int, _ a: () throws -> Void, _ b: () throws -> Void) rethrows -> ([Double], [Double]) {
    var timesA: [Double] = [], timesB: [Double] = []
    for rep in 0..<reps {
        func time(_ body: () throws -> Void) rethrows -> Double {
            let start = nowNanos()
            try body()
            return Double(nowNanos() - start) / 1e6
        }
        if rep % 2 == 0 {
            timesA.append(try time(a)); timesB.append(try time(b))
        } else {
            timesB.append(try time(b)); timesA.append(try time(a))
        }
    }
    return (timesA, timesB)
}

func summary(_ times: [Double]) -> [String: Any] {
    ["median": median(times), "p10": percentile(times, 0.1), "p90": percentile(times, 0.9), "mean": mean(times), "n": times.count]
}

func emit(_ object: [String: Any]) {
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    FileHandle.standardOutput.write(data)
    FileHandle.standardOutput.write("\n".data(using: .utf8)!)
}

func fail(_ text: String) -> Never {
    FileHandle.standardError.write((text + "\n").data(using: .utf8)!)
    exit(1)
}

let start = Date(timeIntervalSince1970: 1_795_000_000) // 2026-11-18, a fixed moment

func template() -> WorkshopTemplate {
    do { return try ContentLibrary.load().template(named: "standard") } catch { fail("content: \(error)") }
}

// MARK: - Sessions to measure

/// A busy session's events: 30 people, 1,000 stories, 500 ideas, goal drafts and consensus,
/// scores, votes and edits, ending on the ideas step. `total` pads with talking-stick
/// turns (give the stick, end the turn) to reach exactly that many events.
func bigEvents(template: WorkshopTemplate, total: Int?) -> [SessionEvent] {
    var events: [SessionEvent] = []
    let names = ["Maya", "Tom", "Priya", "Sam", "Aisha", "Ben", "Chen", "Dara", "Eli", "Femi",
                 "Gwen", "Hiro", "Ines", "Jon", "Kofi", "Lena", "Mo", "Nia", "Omar", "Pat",
                 "Quinn", "Rosa", "Sia", "Theo", "Uma", "Vik", "Wen", "Xavi", "Yara", "Zoë"]
    var next = 1
    func id(_ prefix: String) -> String { defer { next += 1 }; return "\(prefix)\(next)" }
    let people = names.map { Participant(id: id("p"), name: $0, perspective: .lived) }
    events += people.map { .addParticipant($0) }
    events.append(.moveTo(step: FlowStep(.storytelling), overriddenGuards: [], overrideReason: nil))
    var storyIDs: [String] = []
    for number in 0..<1000 {
        let teller = people[number % people.count].id
        let story = Story(id: id("s"), teller: teller, title: "Story \(number): the bus that waited",
                          whatHappened: "I was late for my first day at college and scared to go in, number \(number).",
                          smallThing: "The driver waited and walked me to the door.", consent: .keep)
        storyIDs.append(story.id)
        events.append(.giveStick(to: teller, invited: false))
        events.append(.addStory(story))
        events.append(.endTurn)
    }
    for number in 0..<300 {
        let story = Story(id: storyIDs[number], teller: people[number % people.count].id, title: "Story \(number): the bus that waited (edited)",
                          whatHappened: "Edited: I was late for my first day.", smallThing: "The driver waited.", consent: .share)
        events.append(.editStory(story))
    }
    events.append(.moveTo(step: FlowStep(.goal), overriddenGuards: [], overrideReason: nil))
    let draft = GoalDraft(id: id("g"), text: "Everyone who comes here is asked what they are good at", proposedBy: people[0].id)
    events.append(.proposeGoal(draft))
    for person in people { events.append(.respond(draft: draft.id, participant: person.id, response: .agree)) }
    events.append(.agreeGoal(draft: draft.id, overrideReason: nil))
    for principle in PrincipleID.allCases {
        events.append(.moveTo(step: FlowStep(principle: principle, phase: .score), overriddenGuards: [], overrideReason: nil))
        for (index, person) in people.enumerated() { events.append(.score(principle: principle, participant: person.id, stage: 1 + index % 4)) }
        events.append(.moveTo(step: FlowStep(principle: principle, phase: .agree), overriddenGuards: [], overrideReason: nil))
        events.append(.agreePrinciple(principle: principle, stage: 2, rag: .amber, evidence: "Volunteers are thanked, but only staff plan."))
    }
    events.append(.moveTo(step: FlowStep(.ideas), overriddenGuards: [], overrideReason: nil))
    var ideaIDs: [String] = []
    for number in 0..<500 {
        let idea = Idea(id: id("i"), text: "Idea \(number): a skills swap board by the door", principles: [.assets, .reciprocity], proposedBy: people[number % people.count].id)
        ideaIDs.append(idea.id)
        events.append(.addIdea(idea))
    }
    for number in 0..<200 {
        events.append(.editIdea(id: ideaIDs[number], text: "Idea \(number): a skills swap board (edited)", principles: [.assets]))
    }
    if let total {
        var turn = 0
        // Talking-stick turns before the ideas step would be more realistic, but the stick
        // events are accepted anywhere and cost the same to store.
        while events.count + 2 <= total {
            events.insert(contentsOf: [.giveStick(to: people[turn % people.count].id, invited: false), .endTurn], at: 31 + 3000)
            turn += 1
        }
        if events.count < total { events.insert(.giveStick(to: people[0].id, invited: true), at: 31 + 3000) }
    }
    return events
}

func smallEvents(count: Int) -> [SessionEvent] {
    var events: [SessionEvent] = []
    for number in 1...count {
        events.append(.addParticipant(Participant(id: "p\(number)", name: "Person \(number)")))
    }
    return events
}

func newSession(_ id: String, _ template: WorkshopTemplate) -> Session {
    Session(id: id, title: "Benchmark \(id)", group: "bench", facilitator: "Jo", createdAt: start, template: template)
}

func buildInMemory(_ events: [SessionEvent], template: WorkshopTemplate) -> SessionEditor {
    var editor = SessionEditor(session: newSession("20261118-0930-beef", template))
    for (index, event) in events.enumerated() {
        do { try editor.apply(event, at: start.addingTimeInterval(Double(index))) } catch { fail("event \(index) refused: \(error.reason)") }
    }
    return editor
}

/// Writes a session folder through SessionStore, as the console would (journal line flushed
/// per event, a snapshot every 50 events, closed at the end).
func writeSession(_ id: String, events: [SessionEvent], in dataFolder: URL, template: WorkshopTemplate) throws -> URL {
    let library = SessionLibrary(dataFolder: DataFolder(url: dataFolder))
    let store = try library.create(newSession(id, template), at: start)
    for (index, event) in events.enumerated() {
        try store.record(event, at: start.addingTimeInterval(Double(index + 1)))
    }
    store.close(at: start.addingTimeInterval(Double(events.count + 2)))
    return store.folder
}

func journalLines(_ folder: URL) -> Int {
    let data = (try? Data(contentsOf: folder.appendingPathComponent("journal.jsonl"))) ?? Data()
    return data.reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
}

func fileSize(_ url: URL) -> Int {
    ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue ?? 0
}

// MARK: - fixtures

func fixtures(_ root: URL) throws {
    let template = template()
    let began = nowNanos()
    let big = try writeSession("20261118-0930-b10k", events: bigEvents(template: template, total: 10_000), in: root.appendingPathComponent("big"), template: template)
    let small = try writeSession("20261118-0930-s010", events: smallEvents(count: 10), in: root.appendingPathComponent("small"), template: template)
    let empty = try writeSession("20261118-0930-e000", events: [], in: root.appendingPathComponent("empty"), template: template)
    // For figure 2 in the real program: the busy session and empty ones at the steps whose
    // keys are timed (the 10,000-event session is already at the ideas step).
    func at(_ step: FlowStep) -> SessionEvent { .moveTo(step: step, overriddenGuards: [], overrideReason: nil) }
    let bigStories = try writeSession("20261118-0930-b0st", events: bigEvents(template: template, total: nil) + [at(FlowStep(.storytelling))],
                                      in: root.appendingPathComponent("big-stories"), template: template)
    let emptyStories = try writeSession("20261118-0930-e0st", events: [at(FlowStep(.storytelling))], in: root.appendingPathComponent("empty-stories"), template: template)
    let emptyIdeas = try writeSession("20261118-0930-e0id", events: [at(FlowStep(.ideas))], in: root.appendingPathComponent("empty-ideas"), template: template)

    // The worst case for reopening: the same 10,000-line journal with only the first snapshot,
    // so every event is replayed (as after a crash just before the first regular snapshot,
    // if snapshots were never taken). Written as a copy; opened read-only so it stays so.
    let replayData = root.appendingPathComponent("replay")
    let replay = replayData.appendingPathComponent("sessions/20261118-0930-b10k")
    try FileManager.default.createDirectory(at: replay.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: big, to: replay)
    try SnapshotFile.write(Snapshot(schema: SessionStore.schema, journalSequence: 0, savedAt: start, document: newSession("20261118-0930-b10k", template)),
                           to: replay.appendingPathComponent("snapshot.json"))
    let made = nowNanos()

    // Data folders for `campfire list`: 1,000 and 10 finished sample workshops.
    let sample = SampleWorkshop.session(template: template, start: start)
    for (name, count) in [("list10", 10), ("list1000", 1000)] {
        let library = SessionLibrary(dataFolder: DataFolder(url: root.appendingPathComponent(name)))
        for number in 0..<count {
            var session = sample
            session.id = SessionLibrary.makeID(at: start.addingTimeInterval(Double(number * 3600)), random: UInt16(number))
            session.title = "Riverside day service \(number)"
            let store = try library.create(session, at: start)
            store.close(at: start)
        }
    }
    let listed = nowNanos()
    emit([
        "big": big.path, "small": small.path, "empty": empty.path, "replay": replay.path,
        "bigStories": bigStories.path, "emptyStories": emptyStories.path, "emptyIdeas": emptyIdeas.path,
        "bigJournalLines": journalLines(big), "smallJournalLines": journalLines(small), "emptyJournalLines": journalLines(empty),
        "bigJournalBytes": fileSize(big.appendingPathComponent("journal.jsonl")),
        "bigSnapshotBytes": fileSize(big.appendingPathComponent("snapshot.json")),
        "secondsSessions": Double(made - began) / 1e9, "secondsListFolders": Double(listed - made) / 1e9,
    ])
}

// MARK: - render (figure 2)

struct NoSave: Error {}

func makeApp(_ editor: SessionEditor, content: ContentLibrary) -> ConsoleApp {
    let clock = ManualClock(start.addingTimeInterval(20_000))
    let environment = ConsoleEnvironment(clock: clock, save: { _, _ in })
    return ConsoleApp(editor: editor, content: content, environment: environment)
}

/// What NcursesTerminal.draw does before calling ncurses: compare every cell with the last frame.
func changedCells(_ grid: Grid, _ previous: Grid) -> Int {
    var changed = 0
    for y in 0..<grid.height {
        for x in 0..<grid.width {
            let cell = grid[x, y]
            if cell.isContinuation { continue }
            if previous[x, y] != cell { changed += 1 }
        }
    }
    return changed
}

/// One console whose keys are timed: handle(key), render, diff against the last frame.
final class Driver {
    let app: ConsoleApp
    let width: Int, height: Int
    var last: Grid
    var changed: [Int] = []
    init(_ app: ConsoleApp, width: Int, height: Int) {
        self.app = app; self.width = width; self.height = height
        last = ConsoleScreen.render(app, width: width, height: height)
    }
    func press(_ key: Key) {
        app.handle(key)
        let grid = ConsoleScreen.render(app, width: width, height: height)
        changed.append(changedCells(grid, last))
        last = grid
    }
}

func render(reps: Int) {
    let content: ContentLibrary
    do { content = try ContentLibrary.load() } catch { fail("content: \(error)") }
    let template = template()
    let bigEditor = buildInMemory(bigEvents(template: template, total: nil), template: template)
    let record = bigEditor.session.record
    var results: [[String: Any]] = []

    // Each case: a step, keys to set the console up, and the keys timed (cycled).
    struct Case { let name: String; let step: FlowStep; let setup: [Key]; let keys: [Key] }
    let cases = [
        Case(name: "stories list: Down/Up", step: FlowStep(.storytelling), setup: [.tab], keys: [.down, .down, .up, .up]),
        Case(name: "ideas list: Down/Up", step: FlowStep(.ideas), setup: [], keys: [.down, .down, .up, .up]),
        Case(name: "story form: type a letter", step: FlowStep(.storytelling), setup: [.tab, .character("a"), .tab], keys: [.character("x"), .character("y"), .backspace, .backspace]),
        Case(name: "idea form: type a letter", step: FlowStep(.ideas), setup: [.character("a")], keys: [.character("x"), .character("y"), .backspace, .backspace]),
    ]
    // BENCH_ONLY=<case name prefix> limits the run to one case at 80x24 (for profiling).
    let only = ProcessInfo.processInfo.environment["BENCH_ONLY"]
    for size in only == nil ? [(80, 24), (200, 60)] : [(80, 24)] {
        for testCase in cases where only == nil || testCase.name.hasPrefix(only!) {
            var big = bigEditor, empty = SessionEditor(session: newSession("20261118-0930-e000", template))
            for editor in [0, 1] {
                let event = SessionEvent.moveTo(step: testCase.step, overriddenGuards: [], overrideReason: nil)
                if editor == 0 { try! big.apply(event, at: start) } else { try! empty.apply(event, at: start) }
            }
            let bigDriver = Driver(makeApp(big, content: content), width: size.0, height: size.1)
            let emptyDriver = Driver(makeApp(empty, content: content), width: size.0, height: size.1)
            for key in testCase.setup { bigDriver.press(key); emptyDriver.press(key) }
            bigDriver.changed = []; emptyDriver.changed = []
            // Warm up.
            for index in 0..<min(8, reps) { let key = testCase.keys[index % testCase.keys.count]; bigDriver.press(key); emptyDriver.press(key) }
            var index = 0
            var bigTimes: [Double] = [], emptyTimes: [Double] = []
            for _ in 0..<(reps / testCase.keys.count) {
                // One key at a time, interleaved: both sides see the same key sequence.
                for _ in 0..<testCase.keys.count {
                    let key = testCase.keys[index % testCase.keys.count]
                    index += 1
                    let (b, e) = interleaved(1, { bigDriver.press(key) }, { emptyDriver.press(key) })
                    bigTimes += b; emptyTimes += e
                }
            }
            results.append([
                "case": testCase.name, "width": size.0, "height": size.1,
                "big": summary(bigTimes), "empty": summary(emptyTimes),
                "ratio": median(bigTimes) / median(emptyTimes),
                "bigChangedCells": median(bigDriver.changed.suffix(bigTimes.count).map(Double.init)),
                "emptyChangedCells": median(emptyDriver.changed.suffix(emptyTimes.count).map(Double.init)),
            ])
        }
    }
    emit(["people": record.participants.count, "stories": record.stories.count, "ideas": record.ideas.count, "cases": results])
}

// MARK: - append (figure 3)

func append(_ root: URL, reps: Int) throws {
    // Work on copies: the fixtures stay as made for the other figures.
    let work = root.appendingPathComponent("append-work")
    try? FileManager.default.removeItem(at: work)
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    let bigFolder = work.appendingPathComponent("big"), smallFolder = work.appendingPathComponent("small")
    try FileManager.default.copyItem(at: root.appendingPathComponent("big/sessions/20261118-0930-b10k"), to: bigFolder)
    try FileManager.default.copyItem(at: root.appendingPathComponent("small/sessions/20261118-0930-s010"), to: smallFolder)
    let big = try SessionStore.open(bigFolder, readOnly: false, at: start)
    let small = try SessionStore.open(smallFolder, readOnly: false, at: start)
    let bigLines = journalLines(bigFolder), smallLines = journalLines(smallFolder)
    var moment = start.addingTimeInterval(50_000)
    func tick() -> Date { moment = moment.addingTimeInterval(1); return moment }

    // SessionStore.append: one journal line, written and fdatasync'd.
    let event = SessionEvent.giveStick(to: "p1", invited: false)
    for _ in 0..<10 { try big.append(event, at: tick()); try small.append(event, at: tick()) }
    let (bigAppend, smallAppend) = try interleaved(reps, { try big.append(event, at: tick()) }, { try small.append(event, at: tick()) })

    // SessionStore.record: check, append, apply, and the snapshot every 50 events: the whole
    // cost of one saved change, including the periodic snapshot (mean shows its share).
    let toggle = [SessionEvent.giveStick(to: "p1", invited: false), .endTurn]
    var bigCount = 0, smallCount = 0
    let (bigRecord, smallRecord) = try interleaved(reps, {
        try big.record(toggle[bigCount % 2], at: tick()); bigCount += 1
    }, {
        try small.record(toggle[smallCount % 2], at: tick()); smallCount += 1
    })
    // As the console saves a change now: through the store, the one owner of the session (check,
    // append, apply), and a due snapshot handed to the background writer after the screen is
    // drawn (SnapshotWriter), every 50.
    big.writesSnapshotsInBackground = true
    small.writesSnapshotsInBackground = true
    big.defersRegularSnapshots = true
    small.defersRegularSnapshots = true
    func consoleSave(_ store: SessionStore, _ event: SessionEvent) throws {
        let at = tick()
        try store.record(event, at: at)
        store.snapshotIfDue(at: at)
    }
    let (bigConsole, smallConsole) = try interleaved(reps, {
        try consoleSave(big, toggle[bigCount % 2]); bigCount += 1
    }, {
        try consoleSave(small, toggle[smallCount % 2]); smallCount += 1
    })
    big.close(at: tick()); small.close(at: tick())
    emit([
        "bigJournalLines": bigLines, "smallJournalLines": smallLines,
        "append": ["big": summary(bigAppend), "small": summary(smallAppend), "ratio": median(bigAppend) / median(smallAppend)],
        "record": ["big": summary(bigRecord), "small": summary(smallRecord), "ratio": median(bigRecord) / median(smallRecord),
                   "meanRatio": mean(bigRecord) / mean(smallRecord)],
        "console": ["big": summary(bigConsole), "small": summary(smallConsole), "ratio": median(bigConsole) / median(smallConsole),
                    "meanRatio": mean(bigConsole) / mean(smallConsole)],
    ])
    try? FileManager.default.removeItem(at: work)
}

// MARK: - reopen (figure 4)

func reopen(_ root: URL, reps: Int) throws {
    let big = root.appendingPathComponent("big/sessions/20261118-0930-b10k")
    let small = root.appendingPathComponent("small/sessions/20261118-0930-s010")
    let replay = root.appendingPathComponent("replay/sessions/20261118-0930-b10k")
    var bigEvents = 0, smallEvents = 0, replayEvents = 0
    // As `campfire resume` opens it: lock, snapshot, journal, replay of the tail. Then close
    // (outside the timing), which writes a last snapshot and frees the lock.
    let (bigTimes, smallTimes) = try interleaved(reps, {
        let store = try SessionStore.open(big, readOnly: false, at: start)
        bigEvents = store.files.lastSequence
        try store.files.close()
    }, {
        let store = try SessionStore.open(small, readOnly: false, at: start)
        smallEvents = store.files.lastSequence
        try store.files.close()
    })
    // Worst case: no snapshot after the first, so all 10,000 events are replayed (read-only,
    // so the files stay as they are).
    let (replayTimes, smallReadOnly) = try interleaved(max(reps / 2, 3), {
        let store = try SessionStore.open(replay, readOnly: true, at: start)
        replayEvents = store.files.lastSequence
        precondition(store.session.record.stories.count == 1000)
    }, {
        _ = try SessionStore.open(small, readOnly: true, at: start)
    })
    emit([
        "bigEvents": bigEvents, "smallEvents": smallEvents, "replayEvents": replayEvents,
        "big": summary(bigTimes), "small": summary(smallTimes), "ratio": median(bigTimes) / median(smallTimes),
        "replayAll": summary(replayTimes), "smallReadOnly": summary(smallReadOnly),
    ])
}

// MARK: - main

let arguments = CommandLine.arguments
guard arguments.count >= 2 else { fail("usage: campfire-bench fixtures DIR | render REPS | append DIR REPS | reopen DIR REPS") }
do {
    switch arguments[1] {
    case "fixtures": try fixtures(URL(fileURLWithPath: arguments[2]))
    case "render": render(reps: Int(arguments[2]) ?? 400)
    case "append": try append(URL(fileURLWithPath: arguments[2]), reps: Int(arguments[3]) ?? 200)
    case "reopen": try reopen(URL(fileURLWithPath: arguments[2]), reps: Int(arguments[3]) ?? 30)
    default: fail("unknown command \(arguments[1])")
    }
} catch {
    fail("campfire-bench: \(error)")
}
