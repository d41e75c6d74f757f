import Foundation
import Persistence
import Workshop
import XCTest

/// A group's year: twelve real workshops, a month apart, from June 2024 to May 2025.
///
/// Each is made as a user makes one held on paper: `campfire new --date DAY` with its four people
/// (the built program, as a user runs it). What was said and decided that day is then written
/// through the same journal path the console writes through (`SessionStore.record`, a stage
/// snapshot when a step is left, `close`, which forgets room-only words), each change dated on
/// that day: stories with their consent (one for the room only), a goal, every principle placed
/// and agreed with a RAG and evidence that change over the year, ideas, dots, chosen ideas, and
/// actions with who and when. Looking back later, some actions are marked (done, not done,
/// dropped) and one has what happened noted; the rest are overdue. Priya is erased from one
/// workshop with `campfire erase --participant`. The twelfth workshop is left to the caller, to
/// enter by keys in the console.
enum YearOfWorkshops {
    /// The 10th of each month from June 2024 (month 0) to May 2025 (month 11).
    static func day(_ month: Int) -> String {
        let total = 6 + month
        return String(format: "%04d-%02d-10", 2024 + (total - 1) / 12, (total - 1) % 12 + 1)
    }

    static let names = ["Maya", "Tom", "Priya", "Sam"]
    static let perspectives: [Perspective] = [.lived, .frontline, .carer, .manager]
    /// The workshop Priya is erased from.
    static let erasedMonth = 4

    /// What each month's group chose to do first.
    static let firstSteps = [
        "Put up a skills board", "Ask the library for a room", "Start a walking group", "Send notes in large print",
        "Invite carers to plan the day", "Pay bus fares on the day", "Try a Saturday drop-in", "Write the welcome letter together",
        "Ask the café for a table", "Set up a lift-share list", "Run a taster session", "Thank helpers in the newsletter",
    ]

    /// The story each month that may be shared, and its words.
    static func sharedStory(_ month: Int) -> (title: String, words: String) {
        ("Story of \(day(month))", "Shared words from \(day(month)): someone waited for me.")
    }
    /// The story each month kept in the group's record only.
    static func keptStory(_ month: Int) -> (title: String, words: String) {
        ("Kept story \(day(month))", "Kept words from \(day(month)).")
    }
    /// The story each month for the room only: its words must never reach review.
    static func roomOnlyStory(_ month: Int) -> (title: String, words: String) {
        ("Private \(day(month))", "Private words from \(day(month)).")
    }

    /// The agreed stage of principle `index` (0-3) in `month`: it rises over the year.
    static func agreedStage(_ index: Int, month: Int) -> Int { min(4, 1 + (month + index) / 4) }
    static func rag(forStage stage: Int) -> RAG { stage == 1 ? .red : (stage == 2 ? .amber : .green) }
    static func evidence(_ index: Int, month: Int) -> String {
        let said = ["Maya now runs the art table", "Helpers are asked to plan, not only thanked", "People swap lifts and help each other", "Neighbours come to the café"][index]
        return "\(said) (\(day(month)))."
    }

    /// How each action was marked looking back: nil is still planned (so overdue by now).
    static func status(month: Int, action: Int) -> ActionStatus? {
        if action == 0 && month % 3 == 0 { return .done }
        if action == 0 && month == 7 { return .notDone }
        if action == 1 && month % 4 == 1 { return .dropped }
        return nil
    }
    /// The one action (month 2's first) whose outcome was noted when looking back.
    static let notedMonth = 2
    static let notedWords = "The library gave us Thursdays"

    /// Makes workshop `month` and returns its id.
    @discardableResult
    static func make(month: Int, in data: URL) throws -> String {
        var arguments = ["new", "--data-dir", data.path, "--title", "Riverside \(day(month))", "--group", "riverside", "--date", day(month), "--prepare"]
        for name in names { arguments += ["--participant", name] }
        let made = try Binary.run(arguments)
        guard made.status == 0 else { throw Problem("campfire new failed: \(made.errors)") }
        guard let id = value(of: "id:", in: made.output), let folder = value(of: "folder:", in: made.output) else { throw Problem("no id in \(made.output)") }

        let store = try SessionStore.open(URL(fileURLWithPath: folder), readOnly: false, at: Date())
        var moment = store.session.createdAt
        func record(_ event: SessionEvent, after seconds: TimeInterval = 20) throws {
            moment = moment.addingTimeInterval(seconds)
            try store.record(event, at: moment)
        }
        func next(_ prefix: String) -> String { store.editor.makeID(prefix) }
        let people = store.session.record.participants.map(\.id)
        guard people.count == 4 else { throw Problem("expected four people, found \(people)") }
        for (index, person) in people.enumerated() { try record(.setPerspective(id: person, perspective: perspectives[index])) }

        let steps = store.session.template.steps
        var ideas: [IdeaID] = []
        for (stepIndex, step) in steps.enumerated() {
            if stepIndex > 0 {
                store.keepStageSnapshot(store.session, leaving: steps[stepIndex - 1], at: moment)
                try record(.moveTo(step: step, overriddenGuards: [], overrideReason: nil), after: 30)
            }
            switch step.stage {
            case .storytelling:
                // One person passes first (always fine), then three tell their stories.
                try record(.giveStick(to: people[(month + 3) % 4], invited: true))
                try record(.pass, after: 5)
                let stories = [(sharedStory(month), Consent.share), (keptStory(month), .keep), (roomOnlyStory(month), .roomOnly)]
                for (offset, (story, consent)) in stories.enumerated() {
                    let teller = people[(month + offset) % 4]
                    try record(.giveStick(to: teller, invited: offset == 2))
                    try record(.addStory(Story(id: next("s"), teller: teller, title: story.title, whatHappened: story.words, smallThing: "Being listened to.", consent: consent)), after: 180)
                }
                try record(.endTurn)
            case .goal:
                let draft = next("g")
                try record(.proposeGoal(GoalDraft(id: draft, text: "Everyone here is asked what they are good at", proposedBy: people[month % 4])))
                for person in people { try record(.respond(draft: draft, participant: person, response: person == people[1] ? .canLiveWith : .agree), after: 5) }
                try record(.agreeGoal(draft: draft, overrideReason: nil))
            case .principles:
                guard let principle = step.principle, let phase = step.phase, let index = PrincipleID.allCases.firstIndex(of: principle) else { break }
                let agreed = agreedStage(index, month: month)
                switch phase {
                case .explain: break
                case .score:
                    // The people who use services and carers place the agreed stage; the staff one higher.
                    for (offset, person) in people.enumerated() {
                        let stage = perspectives[offset] == .lived || perspectives[offset] == .carer ? agreed : min(4, agreed + 1)
                        try record(.score(principle: principle, participant: person, stage: stage), after: 5)
                    }
                case .agree:
                    try record(.agreePrinciple(principle: principle, stage: agreed, rag: rag(forStage: agreed), evidence: evidence(index, month: month)))
                }
            case .ideas:
                for (offset, text) in [firstSteps[month], "Tell the group how it went", "A suggestion box"].enumerated() {
                    let id = next("i")
                    ideas.append(id)
                    try record(.addIdea(Idea(id: id, text: text, principles: [PrincipleID.allCases[(month + offset) % 4]], proposedBy: people[offset])))
                }
            case .choose:
                for (offset, person) in people.enumerated() {
                    try record(.vote(idea: ideas[0], participant: person, change: 1), after: 3)
                    try record(.vote(idea: ideas[offset % 2], participant: person, change: 1), after: 3)
                }
                try record(.choose(idea: ideas[0]))
                try record(.choose(idea: ideas[1]))
            case .actions:
                let held = Day(day(month))!
                for (offset, what) in [firstSteps[month], "Tell the group how it went"].enumerated() {
                    try record(.addAction(Action(id: next("a"), idea: ideas[offset], what: what, who: [people[(month + offset) % 4], people[(month + offset + 1) % 4]],
                                                 when: held.adding(days: 14 + 7 * offset), how: "Talk to them next week")))
                }
            case .welcome, .close:
                break
            }
        }
        try record(.finishWorkshop)
        store.close(at: moment)

        // Looking back, later: some actions marked, one outcome noted (through review's own path).
        let session = try SessionStore.open(URL(fileURLWithPath: folder), readOnly: true, at: Date()).session
        let later = moment.addingTimeInterval(40 * 86_400)
        let files = ReviewFiles(library: SessionLibrary(dataFolder: DataFolder(url: data)))
        for (offset, action) in session.record.actions.enumerated() {
            if let status = status(month: month, action: offset) { try files.markAction(id, action: action.id, status: status, at: later) }
        }
        if month == notedMonth { try files.noteAction(id, action: session.record.actions[0].id, note: notedWords, on: Day(later), at: later) }

        if month == erasedMonth {
            let erased = try Binary.run(["erase", "--data-dir", data.path, id, "--participant", "Priya", "--yes"])
            guard erased.status == 0 else { throw Problem("erase failed: \(erased.errors)") }
        }
        return id
    }

    private static func value(of label: String, in output: String) -> String? {
        output.split(separator: "\n").first { $0.hasPrefix(label) }.map { $0.dropFirst(label.count).trimmingCharacters(in: .whitespaces) }
    }

    struct Problem: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

extension YearOfWorkshops {
    /// How many of the year's 24 actions are still planned (and so overdue by now).
    static var overdueCount: Int {
        (0..<12).reduce(0) { total, month in total + (0..<2).filter { status(month: month, action: $0) == nil }.count }
    }
}
