import Foundation
import Persistence
import Workshop

/// Where a group placed each principle at each of its workshops: the points of the report's
/// "over time" charts.
///
/// Only the agreed stage and score of each principle are taken from the other workshops: no
/// names, titles or words, so nothing of theirs can leave the room through this report.
public struct GroupHistory: Equatable, Sendable {

    /// One workshop of the group.
    public struct Point: Equatable, Sendable {
        public var date: Date
        /// Whether this is the workshop the report is about.
        public var isThisWorkshop: Bool
        public var stages: [PrincipleID: Int]
        public var scores: [PrincipleID: RAG]

        public init(date: Date, isThisWorkshop: Bool, stages: [PrincipleID: Int], scores: [PrincipleID: RAG]) {
            self.date = date
            self.isThisWorkshop = isThisWorkshop
            self.stages = stages
            self.scores = scores
        }

        init(_ session: Session, isThisWorkshop: Bool) {
            var stages: [PrincipleID: Int] = [:], scores: [PrincipleID: RAG] = [:]
            for id in PrincipleID.allCases {
                let score = session.record.score(for: id)
                stages[id] = score.agreedStage
                scores[id] = score.rag
            }
            self.init(date: session.createdAt, isThisWorkshop: isThisWorkshop, stages: stages, scores: scores)
        }
    }

    /// Oldest first, this workshop last.
    public var points: [Point]

    public init(points: [Point]) { self.points = points }

    /// Whether there is anything to draw: at least one earlier workshop.
    public var hasEarlierWorkshops: Bool { points.count > 1 }

    /// The workshops of the session's group held before it (practice runs left out), then the session itself.
    /// A workshop that cannot be read is left out: the chart shows what can be read.
    public static func of(_ session: Session, in library: SessionLibrary) -> GroupHistory {
        let this = Point(session, isThisWorkshop: true)
        guard let group = session.group, !session.isPractice else { return GroupHistory(points: [this]) }
        var earlier: [(Date, String, Point)] = []
        for summary in library.summaries() where summary.group == group && !summary.isPractice && summary.id != session.id
            && summary.createdAt < session.createdAt {
            guard let folder = try? library.resolve(summary.id),
                  let store = try? SessionStore.open(folder, readOnly: true, at: Date()) else { continue }
            earlier.append((summary.createdAt, summary.id, Point(store.session, isThisWorkshop: false)))
            store.close(at: Date())
        }
        earlier.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        return GroupHistory(points: earlier.map(\.2) + [this])
    }
}
