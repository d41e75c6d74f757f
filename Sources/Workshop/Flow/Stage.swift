import Foundation

/// The activities a workshop can include. A template chooses which, in what order.
public enum Stage: String, Codable, CaseIterable, Hashable, Sendable {
    case welcome, storytelling, goal, principles, ideas, choose, actions, close

    /// The short name shown in the breadcrumb.
    public var title: String {
        switch self {
        case .welcome: return "Welcome"
        case .storytelling: return "Stories"
        case .goal: return "Shared goal"
        case .principles: return "Principles"
        case .ideas: return "Ideas"
        case .choose: return "Choose"
        case .actions: return "Action plan"
        case .close: return "Close"
        }
    }
}

/// The three steps for each principle.
public enum PrinciplePhase: String, Codable, CaseIterable, Hashable, Sendable {
    /// Read the explanation and the four stages together.
    case explain
    /// Each person places their own stage.
    case score
    /// The group agrees a stage, a RED/AMBER/GREEN score and the evidence.
    case agree

    public var title: String {
        switch self {
        case .explain: return "explain"
        case .score: return "everyone scores"
        case .agree: return "agree"
        }
    }
}

/// One step of the flow: a stage, or one phase of one principle.
public struct FlowStep: Codable, Hashable, Sendable, CustomStringConvertible {
    public var stage: Stage
    public var principle: PrincipleID?
    public var phase: PrinciplePhase?

    public init(_ stage: Stage) {
        self.stage = stage
        self.principle = nil
        self.phase = nil
    }

    public init(principle: PrincipleID, phase: PrinciplePhase) {
        self.stage = .principles
        self.principle = principle
        self.phase = phase
    }

    /// A short label for files and graphs, such as `goal` or `principles-assets-score`.
    public var label: String {
        guard let principle, let phase else { return stage.rawValue }
        return "\(stage.rawValue)-\(principle.rawValue)-\(phase.rawValue)"
    }

    public var description: String { label }
}
