import Foundation

/// One of the four stages of the rubric for a principle.
public struct RubricStage: Codable, Equatable, Hashable, Sendable {
    public var stage: Int
    public var name: String
    public var signs: [String]
    public var youMightHear: [String]
}

/// A principle explained in plain words, with its four-stage rubric.
public struct PrincipleGuide: Codable, Equatable, Hashable, Sendable {
    public var id: PrincipleID
    public var name: String
    public var shortName: String
    public var explanation: String
    public var question: String
    public var stages: [RubricStage]

    /// The rubric entry for a stage 1-4.
    public func stage(_ number: Int) -> RubricStage? { stages.first { $0.stage == number } }
}

/// The principles file: the four principles and the questions asked about each.
public struct PrinciplesFile: Codable, Equatable, Sendable {
    public var source: String
    public var principles: [PrincipleGuide]
    public var evidenceQuestion: String
    public var ragQuestion: String
    public var rag: [String: String]

    /// The guide for a principle.
    public func guide(_ id: PrincipleID) -> PrincipleGuide? { principles.first { $0.id == id } }

    /// Problems in plain words; empty when the file is usable.
    public var problems: [String] {
        var problems: [String] = []
        for id in PrincipleID.allCases {
            guard let guide = guide(id) else { problems.append("The principle \"\(id.rawValue)\" is missing."); continue }
            for stage in 1...4 where guide.stage(stage) == nil {
                problems.append("\(guide.name) has no stage \(stage).")
            }
        }
        for word in ["red", "amber", "green"] where rag[word] == nil {
            problems.append("\"rag\" has no line for \(word).")
        }
        return problems
    }
}
