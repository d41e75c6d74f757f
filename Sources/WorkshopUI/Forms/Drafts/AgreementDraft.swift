import Foundation
import Workshop

/// What the "What the group agrees" box of a principle holds.
public struct AgreementDraft: Equatable, Sendable {
    /// The agreed stage, 1 to 4, or nil when not agreed.
    public var stage: Int?
    public var rag: RAG?
    public var evidence: String

    public init(stage: Int? = nil, rag: RAG? = nil, evidence: String = "") {
        self.stage = stage
        self.rag = rag
        self.evidence = evidence
    }

    /// What the group has agreed so far (what the box opens with).
    public init(_ score: PrincipleScore) {
        self.init(stage: score.agreedStage, rag: score.rag, evidence: score.evidence)
    }

    /// What a box holds now.
    public init(reading form: Form) {
        let stage = form.choice(.stage), rag = form.choice(.rag)
        self.init(
            stage: (1...4).contains(stage) ? stage : nil,
            rag: RAG.allCases.indices.contains(rag - 1) ? RAG.allCases[rag - 1] : nil,
            evidence: form.text(.evidence))
    }

    /// The fields that show these values.
    public func fields(principle: PrincipleID, content: ContentLibrary) -> [FormField] {
        let guide = content.principles.guide(principle)
        let stageNames = (1...4).map { "\($0) " + (guide?.stage($0)?.name ?? "Stage \($0)") }
        return [
            FormField(.stage, "Stage", kind: .choice(["(not agreed)"] + stageNames), index: stage ?? 0),
            FormField(.rag, "Red, amber or green", kind: .choice(["(not agreed)"] + RAG.allCases.map { "\($0.symbol) \($0.word)" }),
                      index: rag.flatMap { RAG.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0),
            FormField(.evidence, "Evidence", text: evidence),
        ]
    }

    /// The events that make `old` hold these values: none when nothing differs.
    public func changes(to old: PrincipleScore) -> [SessionEvent] {
        self == AgreementDraft(old) ? [] : [.agreePrinciple(principle: old.principle, stage: stage, rag: rag, evidence: evidence)]
    }
}
