import Foundation

/// One stage of a template and its time-box.
public struct TemplateStage: Codable, Equatable, Hashable, Sendable {
    public var stage: Stage
    /// The time-box in minutes. For principles it is the time for each principle.
    public var minutes: Int

    public init(stage: Stage, minutes: Int) {
        self.stage = stage
        self.minutes = minutes
    }
}

/// Which stages a workshop runs, in what order, and its settings. A plain JSON file.
public struct WorkshopTemplate: Codable, Equatable, Hashable, Sendable {
    public var name: String
    public var title: String
    public var description: String
    public var stages: [TemplateStage]
    public var dotsPerPerson: Int
    /// Actions due further away than this many days are flagged: cut them smaller.
    public var smallMovementDays: Int

    public init(name: String, title: String, description: String, stages: [TemplateStage], dotsPerPerson: Int = 3, smallMovementDays: Int = 28) {
        self.name = name
        self.title = title
        self.description = description
        self.stages = stages
        self.dotsPerPerson = dotsPerPerson
        self.smallMovementDays = smallMovementDays
    }

    /// Whether the template includes a stage.
    public func includes(_ stage: Stage) -> Bool { stages.contains { $0.stage == stage } }

    /// The time-box of a stage, in minutes (for principles, per principle).
    public func minutes(for stage: Stage) -> Int? { stages.first { $0.stage == stage }?.minutes }

    /// Every step of the flow in order; principles expand into explain, score and agree for each.
    public var steps: [FlowStep] {
        stages.flatMap { entry -> [FlowStep] in
            guard entry.stage == .principles else { return [FlowStep(entry.stage)] }
            return PrincipleID.allCases.flatMap { principle in
                PrinciplePhase.allCases.map { FlowStep(principle: principle, phase: $0) }
            }
        }
    }

    /// Problems that make the template unusable, in plain words; empty when it is fine.
    public var problems: [String] {
        var problems: [String] = []
        if stages.isEmpty { problems.append("It has no stages.") }
        var seen = Set<Stage>()
        for entry in stages {
            if !seen.insert(entry.stage).inserted { problems.append("The stage \"\(entry.stage.rawValue)\" appears twice.") }
            if entry.minutes < 1 || entry.minutes > 600 { problems.append("The time for \"\(entry.stage.rawValue)\" should be between 1 and 600 minutes.") }
        }
        if dotsPerPerson < 1 || dotsPerPerson > 20 { problems.append("dotsPerPerson should be between 1 and 20.") }
        if smallMovementDays < 1 || smallMovementDays > 366 { problems.append("smallMovementDays should be between 1 and 366.") }
        if includes(.choose) && !includes(.ideas) { problems.append("It has a \"choose\" stage but no \"ideas\" stage to choose from.") }
        return problems
    }
}
