import Foundation
import Workshop

/// The few facts a session list shows, kept in `summary.json` so listing never replays journals.
public struct SessionSummary: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
    public var group: String?
    public var createdAt: Date
    public var isPractice: Bool
    public var template: String
    /// The furthest stage reached.
    public var stage: Stage
    public var people: Int
    /// The agreed RAG of each principle, in the usual order; nil where not agreed.
    public var rag: [RAG?]
    public var updatedAt: Date
    /// Whether the facilitator finished the workshop (nil in summaries written before Campfire knew).
    public var finished: Bool?

    /// What the lists show under "reached": the furthest stage, or "Finished".
    public var reached: String { finished == true ? "Finished" : stage.title }

    public init(_ session: Session, updatedAt: Date) {
        id = session.id
        title = session.title
        group = session.group
        createdAt = session.createdAt
        isPractice = session.isPractice
        template = session.template.name
        stage = session.furthestStage
        people = session.record.present.count
        rag = PrincipleID.allCases.map { session.record.score(for: $0).rag }
        self.updatedAt = updatedAt
        finished = session.finishedAt != nil
    }
}
