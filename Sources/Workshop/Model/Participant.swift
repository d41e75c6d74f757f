import Foundation

/// The point of view a person chooses to say they bring. Optional, and never a job title.
public enum Perspective: String, Codable, CaseIterable, Hashable, Sendable {
    case lived, carer, frontline, manager, commissioner, other, `private`
}

/// Someone in the room. Names only: no job titles, no badges.
public struct Participant: Codable, Equatable, Hashable, Sendable, Identifiable {
    public var id: ParticipantID
    public var name: String
    public var perspective: Perspective?
    /// Anything the person asked for so they can take part (large print, breaks, a quiet corner…).
    public var accessNeeds: String
    /// Someone who left part-way through keeps what they said on the record,
    /// but is no longer asked to speak, respond or vote.
    public var hasLeft: Bool

    public init(id: ParticipantID, name: String, perspective: Perspective? = nil, accessNeeds: String = "", hasLeft: Bool = false) {
        self.id = id
        self.name = name
        self.perspective = perspective
        self.accessNeeds = accessNeeds
        self.hasLeft = hasLeft
    }
}
