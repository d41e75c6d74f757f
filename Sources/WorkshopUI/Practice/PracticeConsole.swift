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

    private func took(_ reply: PracticeReply) -> PracticeReply {
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
        let measured = FacilitationIndicators.measure(session, scenario: scenario, log: simulator.log, glossary: glossary, now: at)
        debrief = measured
        do { try writeDebrief(measured.text) } catch { problem = "The debrief could not be written: \(error)." }
        save()
        return measured
    }

    /// The debrief to show: the one measured at the close, or one measured now.
    public func currentDebrief(_ session: Session, at: Date) -> Debrief {
        debrief ?? FacilitationIndicators.measure(session, scenario: scenario, log: simulator.log, glossary: glossary, now: at)
    }

    /// Whether a run has got far enough to be worth a debrief: past the welcome.
    public static func isPastWelcome(_ session: Session) -> Bool {
        session.visits.contains { $0.step.stage != .welcome }
    }
}
