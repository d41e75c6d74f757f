import Foundation

/// An idea for change. Nothing is too silly.
public struct Idea: Codable, Equatable, Hashable, Sendable, Identifiable {
    public var id: IdeaID
    public var text: String
    public var principles: [PrincipleID]
    public var proposedBy: ParticipantID?
    /// Dots placed on this idea, per person.
    public var votes: [ParticipantID: Int]

    public init(id: IdeaID, text: String, principles: [PrincipleID] = [], proposedBy: ParticipantID? = nil, votes: [ParticipantID: Int] = [:]) {
        self.id = id
        self.text = text
        self.principles = principles
        self.proposedBy = proposedBy
        self.votes = votes
    }

    /// All dots on this idea.
    public var totalVotes: Int { votes.values.reduce(0, +) }
}
