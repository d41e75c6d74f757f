import Foundation

/// What the screens say at one stage.
public struct StagePrompt: Codable, Equatable, Hashable, Sendable {
    public var title: String
    /// The question shown large on the projector.
    public var question: String
    /// A line for the facilitator only, on the console.
    public var hint: String
    /// Short lines shown on the projector.
    public var points: [String]
}

/// The words for consent choices.
public struct ConsentWords: Codable, Equatable, Hashable, Sendable {
    public var explain: String
    public var roomOnly: String
    public var keep: String
    public var share: String

    public func label(for consent: Consent) -> String {
        switch consent {
        case .roomOnly: return roomOnly
        case .keep: return keep
        case .share: return share
        }
    }
}

/// The words for consensus answers.
public struct ConsensusWords: Codable, Equatable, Hashable, Sendable {
    public var agree: String
    public var canLive: String
    public var disagree: String

    public func label(for response: ConsensusResponse) -> String {
        switch response {
        case .agree: return agree
        case .canLiveWith: return canLive
        case .disagree: return disagree
        }
    }
}

/// Closing words.
public struct CloseWords: Codable, Equatable, Hashable, Sendable {
    public var thanks: String
    public var nextSteps: String
}

/// All the prompts: a plain JSON file that a user can replace with their own wording.
public struct PromptsFile: Codable, Equatable, Sendable {
    public var stages: [String: StagePrompt]
    public var groundRules: [String]
    public var consent: ConsentWords
    public var perspectives: [String: String]
    public var consensus: ConsensusWords
    public var nudgeNotHeard: String
    public var smallMovement: String
    public var close: CloseWords

    /// The prompt for a stage; a plain stand-in if the file leaves one out.
    public func prompt(for stage: Stage) -> StagePrompt {
        stages[stage.rawValue] ?? StagePrompt(title: stage.title, question: stage.title, hint: "", points: [])
    }

    /// The label for a perspective.
    public func label(for perspective: Perspective) -> String {
        perspectives[perspective.rawValue] ?? perspective.rawValue
    }

    /// The nudge naming people not heard yet.
    public func nudge(naming names: [String]) -> String {
        nudgeNotHeard.replacingOccurrences(of: "{names}", with: SessionReducer.listed(names))
    }

    /// Problems in plain words; empty when the file is usable.
    public var problems: [String] {
        var problems: [String] = []
        for stage in Stage.allCases where stages[stage.rawValue] == nil {
            problems.append("There are no words for the \"\(stage.rawValue)\" stage.")
        }
        for perspective in Perspective.allCases where perspectives[perspective.rawValue] == nil {
            problems.append("There is no label for the perspective \"\(perspective.rawValue)\".")
        }
        return problems
    }
}
