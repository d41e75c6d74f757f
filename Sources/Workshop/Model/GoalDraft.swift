import Foundation

/// A person's answer in the consensus check.
public enum ConsensusResponse: String, Codable, CaseIterable, Hashable, Sendable {
    case agree
    case canLiveWith
    case disagree
}

/// One wording of the shared goal, and how each person responded to it.
public struct GoalDraft: Codable, Equatable, Hashable, Sendable, Identifiable {
    public var id: GoalDraftID
    public var text: String
    public var proposedBy: ParticipantID?
    public var responses: [ParticipantID: ConsensusResponse]
    /// Drafts merged into a newer wording stay on the record but are no longer offered.
    public var mergedInto: GoalDraftID?

    public init(id: GoalDraftID, text: String, proposedBy: ParticipantID? = nil, responses: [ParticipantID: ConsensusResponse] = [:], mergedInto: GoalDraftID? = nil) {
        self.id = id
        self.text = text
        self.proposedBy = proposedBy
        self.responses = responses
        self.mergedInto = mergedInto
    }

    /// How many people gave each response.
    public func count(of response: ConsensusResponse) -> Int {
        responses.values.filter { $0 == response }.count
    }
}

/// The goal the group settled on.
public struct AgreedGoal: Codable, Equatable, Hashable, Sendable {
    public var draft: GoalDraftID
    public var text: String
    /// Set when the facilitator agreed it although someone disagreed; says why.
    public var overrideReason: String?

    public init(draft: GoalDraftID, text: String, overrideReason: String? = nil) {
        self.draft = draft
        self.text = text
        self.overrideReason = overrideReason
    }
}
