import Foundation

/// Where the group places itself on one principle.
public struct PrincipleScore: Codable, Equatable, Hashable, Sendable {
    public var principle: PrincipleID
    /// Each person's own stage, 1 to 4.
    public var scores: [ParticipantID: Int]
    /// The stage the group agreed, 1 to 4.
    public var agreedStage: Int?
    public var rag: RAG?
    /// What people are doing or saying that shows this stage.
    public var evidence: String

    public init(principle: PrincipleID, scores: [ParticipantID: Int] = [:], agreedStage: Int? = nil, rag: RAG? = nil, evidence: String = "") {
        self.principle = principle
        self.scores = scores
        self.agreedStage = agreedStage
        self.rag = rag
        self.evidence = evidence
    }

    /// How many people chose each stage, index 0 for stage 1.
    public func spread(among people: Set<ParticipantID>? = nil) -> [Int] {
        var counts = [0, 0, 0, 0]
        for (person, stage) in scores where (1...4).contains(stage) {
            if let people, !people.contains(person) { continue }
            counts[stage - 1] += 1
        }
        return counts
    }

    /// Whether the principle has an agreed stage and a RAG score.
    public var isAgreed: Bool { agreedStage != nil && rag != nil }
}
