import Foundation
import Workshop

/// The clock of a practice run: real time, plus the minutes the simulated group spent talking.
///
/// It moves with real time while the trainee types (so time-boxes can be overrun), and jumps
/// forward to the moment of the group's last event after each reply.
public final class PracticeClock: Workshop.Clock, @unchecked Sendable {
    private let lock = NSLock()
    private let base: any Workshop.Clock
    private var offset: TimeInterval = 0

    public init(base: any Workshop.Clock) { self.base = base }

    public func now() -> Date { lock.withLock { base.now().addingTimeInterval(offset) } }

    /// Moves the clock on to `date` if it is behind it; never moves back.
    public func advance(to date: Date) {
        lock.withLock {
            let current = base.now().addingTimeInterval(offset)
            if date > current { offset += date.timeIntervalSince(current) }
        }
    }
}

/// What `practice.json` in a practice session's folder holds: enough to carry the simulation on.
public struct PracticeFile: Codable, Equatable, Sendable {
    public static let name = "practice.json"
    public static let debriefName = "debrief.txt"

    public var scenario: Scenario
    /// Whether the coach panel is shown (false for an assessed run).
    public var coach: Bool
    public var state: PracticeState
    /// The practice clock when last saved, so a resumed run does not go back in time.
    public var clockAt: Date

    public init(scenario: Scenario, coach: Bool, state: PracticeState, clockAt: Date) {
        self.scenario = scenario
        self.coach = coach
        self.state = state
        self.clockAt = clockAt
    }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    public static func decode(_ data: Data) throws -> PracticeFile {
        try JSONDecoder().decode(PracticeFile.self, from: data)
    }
}

/// The simulated group wired into the console: the console asks it to react after each of the
/// trainee's changes, and draws its coach panel, what the room says, and the debrief.
public final class PracticeConsole {
    public let scenario: Scenario
    public let glossary: Glossary
    public private(set) var simulator: PracticeSimulator
    public let clock: PracticeClock
    /// Whether the coach panel is shown (off for an assessed run).
    public var coachOn: Bool
    /// What the simulated people said, newest last (only the last few are kept).
    public private(set) var remarks: [PersonaRemark] = []
    /// Writes `practice.json` (the runner makes this write atomically, mode 0600).
    public var saveFile: (PracticeFile) throws -> Void
    /// Writes `debrief.txt` into the session folder.
    public var writeDebrief: (String) throws -> Void
    /// The debrief measured on reaching the close, if it has been.
    public private(set) var debrief: Debrief?
    /// A problem writing practice files, to show once.
    public var problem: String?

    public static let remarksKept = 6

    public init(scenario: Scenario, glossary: Glossary, simulator: PracticeSimulator, clock: PracticeClock, coachOn: Bool,
                saveFile: @escaping (PracticeFile) throws -> Void = { _ in }, writeDebrief: @escaping (String) throws -> Void = { _ in }) {
        self.scenario = scenario
        self.glossary = glossary
        self.simulator = simulator
        self.clock = clock
        self.coachOn = coachOn
        self.saveFile = saveFile
        self.writeDebrief = writeDebrief
    }

    /// The file that carries this run on.
    public var file: PracticeFile {
        PracticeFile(scenario: scenario, coach: coachOn, state: simulator.state, clockAt: clock.now())
    }

    /// The glossary terms in words the trainee wrote or made the group's own, each once, with where
    /// they are: the agreed goal first, then goal wordings, evidence, ideas and actions the group
    /// did not put forward themselves (text a persona said word for word is theirs, not the trainee's).
    public func ownJargon(in session: Session) -> [(entry: GlossaryEntry, place: String)] {
        let record = session.record
        let personaGoals = Set(scenario.personas.flatMap(\.goalSuggestions))
        let personaIdeas = Set(scenario.personas.flatMap { $0.ideas.map(\.text) })
        var places: [(String, String)] = []
        if let goal = record.agreedGoal { places.append((goal.text, "the agreed goal")) }
        places += record.openDrafts.filter { !personaGoals.contains($0.text) }.map { ($0.text, "a goal wording") }
        places += record.principles.filter { !$0.evidence.isEmpty }.map { ($0.evidence, "the evidence for \($0.principle.displayName)") }
        places += record.ideas.filter { !personaIdeas.contains($0.text) }.map { ($0.text, "an idea") }
        places += record.actions.flatMap { [($0.what, "an action"), ($0.how, "an action")] }
        var seen = Set<String>()
        var found: [(entry: GlossaryEntry, place: String)] = []
        for (text, place) in places {
            for match in glossary.matches(in: text) where seen.insert(match.entry.term).inserted { found.append((match.entry, place)) }
        }
        return found
    }

    /// Stories told by the group whose teller has not yet been asked what may happen to them.
    public func unaskedStories(in session: Session) -> [Story] {
        let unasked = Set(simulator.log.consent.filter { !$0.asked }.map(\.story))
        return session.record.stories.filter { unasked.contains($0.id) }
    }

    /// People who speak only when asked by name.
    public func quietPeople(in session: Session) -> Set<ParticipantID> {
        Set(session.record.participants.map(\.id).filter { simulator.persona(for: $0)?.has(.quietUnlessInvited) == true })
    }

    // MARK: - The group's answers

    /// Adds the personas to a new session.
    public func start(in session: Session, at: Date) -> PracticeReply {
        took(simulator.start(in: session, at: at))
    }

    /// The group's answer to one of the trainee's changes (already applied to `session`).
    public func react(to event: SessionEvent, in session: Session, at: Date) -> PracticeReply {
        took(simulator.react(to: event, in: session, at: at))
    }

    /// Everyone answers about a goal wording.
    public func consensusCheck(on draft: GoalDraftID, in session: Session, at: Date) -> PracticeReply {
        took(simulator.consensusCheck(on: draft, in: session, at: at))
    }

    /// Someone asked by name outside the round.
    public func invite(_ participant: ParticipantID, in session: Session, at: Date) -> PracticeReply {
        took(simulator.invite(participant, in: session, at: at))
    }

    /// The teller of a story is asked what may happen to it.
    public func askConsent(_ story: StoryID, in session: Session, at: Date) -> PracticeReply {
        took(simulator.askConsent(story, in: session, at: at))
    }

    /// The remark of a reply the status line should show: the last one the trainee must react to
    /// (an offer to do everything, a no, a disagreement, a puzzled question), else the last one.
    public static func headline(of remarks: [PersonaRemark]) -> PersonaRemark? {
        remarks.last { $0.kind.isImportant } ?? remarks.last
    }

    /// An important remark not yet shown on the status line because something else took it
    /// (moving to a new step says where you are now): the console shows it next.
    public private(set) var unshownImportant: PersonaRemark?

    /// Takes the important remark waiting to be shown, if any.
    public func takeUnshownImportant() -> PersonaRemark? {
        defer { unshownImportant = nil }
        return unshownImportant
    }

    private func took(_ reply: PracticeReply) -> PracticeReply {
        unshownImportant = reply.remarks.last { $0.kind.isImportant }
        remarks.append(contentsOf: reply.remarks)
        if remarks.count > Self.remarksKept { remarks.removeFirst(remarks.count - Self.remarksKept) }
        if let end = reply.endsAt { clock.advance(to: end) }
        save()
        return reply
    }

    /// Saves `practice.json`; a failure is kept to be shown, and the run carries on.
    public func save() {
        do { try saveFile(file) } catch { problem = "The practice state could not be saved: \(error)." }
    }

    // MARK: - The debrief

    /// Measures the run now, keeps the debrief and writes `debrief.txt`.
    @discardableResult
    public func finish(_ session: Session, at: Date) -> Debrief {
        let measured = FacilitationIndicators.measure(session, scenario: scenario, log: simulator.log, glossary: glossary, now: at, seed: simulator.seed)
        debrief = measured
        do { try writeDebrief(measured.text) } catch { problem = "The debrief could not be written: \(error)." }
        save()
        return measured
    }

    /// The debrief to show: the one measured at the close, or one measured now.
    public func currentDebrief(_ session: Session, at: Date) -> Debrief {
        debrief ?? FacilitationIndicators.measure(session, scenario: scenario, log: simulator.log, glossary: glossary, now: at, seed: simulator.seed)
    }

    /// Whether a run has got far enough to be worth a debrief: past the welcome.
    public static func isPastWelcome(_ session: Session) -> Bool {
        session.visits.contains { $0.step.stage != .welcome }
    }
}
