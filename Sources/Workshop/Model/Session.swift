import Foundation

/// A time a step was entered and left, for time-boxes and for the record.
public struct StepVisit: Codable, Equatable, Hashable, Sendable {
    public var step: FlowStep
    public var enteredAt: Date
    public var leftAt: Date?

    public init(step: FlowStep, enteredAt: Date, leftAt: Date? = nil) {
        self.step = step
        self.enteredAt = enteredAt
        self.leftAt = leftAt
    }
}

/// A guard the facilitator chose to override, and why.
public struct RecordedOverride: Codable, Equatable, Hashable, Sendable {
    public var step: FlowStep
    public var guards: [String]
    public var reason: String
    public var at: Date

    public init(step: FlowStep, guards: [String], reason: String, at: Date) {
        self.step = step
        self.guards = guards
        self.reason = reason
        self.at = at
    }
}

/// One workshop: its settings, where it has got to, and everything captured.
public struct Session: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
    public var group: String?
    public var facilitator: String?
    public var createdAt: Date
    /// Practice runs are kept apart from real history.
    public var isPractice: Bool
    public var template: WorkshopTemplate
    /// The step the workshop is on now.
    public var step: FlowStep
    public var visits: [StepVisit]
    public var overrides: [RecordedOverride]
    public var record: WorkshopRecord
    /// When the facilitator said the workshop is finished (nil while it is going on).
    public var finishedAt: Date?
    /// Whether the wall shows scores and answers as they are placed. Absent or false (the
    /// default): it shows only how many have placed until everyone has, then all at once, so
    /// nobody anchors on the first or the most senior answer.
    public var showsAnswersLive: Bool?
    /// How many days after the workshop was last open its room-only stories are forgotten if it
    /// is not finished by then (absent: ``defaultRoomOnlyDays``). A finished workshop forgets
    /// them at its close.
    public var roomOnlyDays: Int?

    /// Room-only stories of a workshop left unfinished are forgotten a week after it was last open,
    /// unless the facilitator chooses another period.
    public static let defaultRoomOnlyDays = 7
    /// The periods the facilitator can choose from, in days.
    public static let roomOnlyPeriods = [1, 3, 7, 14, 30]

    /// The room-only period in force, in days.
    public var roomOnlyPeriodDays: Int { roomOnlyDays ?? Self.defaultRoomOnlyDays }

    public init(id: String, title: String, group: String? = nil, facilitator: String? = nil, createdAt: Date, isPractice: Bool = false, template: WorkshopTemplate, record: WorkshopRecord = WorkshopRecord()) {
        self.id = id
        self.title = title
        self.group = group
        self.facilitator = facilitator
        self.createdAt = createdAt
        self.isPractice = isPractice
        self.template = template
        self.step = template.steps.first ?? FlowStep(.welcome)
        self.visits = [StepVisit(step: step, enteredAt: createdAt)]
        self.overrides = []
        self.record = record
    }

    /// The furthest stage reached, in the template's order.
    public var furthestStage: Stage {
        let order = template.stages.map(\.stage)
        return visits.map(\.step.stage).max { (order.firstIndex(of: $0) ?? 0) < (order.firstIndex(of: $1) ?? 0) } ?? step.stage
    }

    /// Seconds spent so far in the current time-box: the current stage, or for principles the current principle.
    public func elapsedInTimeBox(now: Date) -> TimeInterval {
        visits.filter { sameTimeBox($0.step, step) }.reduce(0) { $0 + max(0, ($1.leftAt ?? now).timeIntervalSince($1.enteredAt)) }
    }

    /// The current time-box in seconds, if the template sets one.
    public var timeBoxSeconds: TimeInterval? {
        template.minutes(for: step.stage).map { TimeInterval($0 * 60) }
    }

    /// Seconds spent in a stage across all visits.
    public func seconds(in stage: Stage, now: Date) -> TimeInterval {
        visits.filter { $0.step.stage == stage }.reduce(0) { $0 + max(0, ($1.leftAt ?? now).timeIntervalSince($1.enteredAt)) }
    }

    private func sameTimeBox(_ a: FlowStep, _ b: FlowStep) -> Bool {
        a.stage == b.stage && a.principle == b.principle
    }
}
