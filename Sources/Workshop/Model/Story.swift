import Foundation

/// What the teller agreed may happen to their story.
public enum Consent: String, Codable, CaseIterable, Hashable, Sendable {
    /// Heard in the room today; kept in the session files so nothing is lost, but never exported or shown in reports.
    case roomOnly
    /// Kept in the group's own record; not shared outside it.
    case keep
    /// May appear in reports and exports that leave the room.
    case share

    /// Whether the story may appear in anything that leaves the room.
    public var allowsSharing: Bool { self == .share }
}

/// One story from the campfire round.
public struct Story: Codable, Equatable, Hashable, Sendable, Identifiable {
    public var id: StoryID
    public var teller: ParticipantID?
    public var title: String
    public var whatHappened: String
    /// The small thing that made a big difference.
    public var smallThing: String
    public var consent: Consent

    public init(id: StoryID, teller: ParticipantID?, title: String, whatHappened: String = "", smallThing: String = "", consent: Consent = .keep) {
        self.id = id
        self.teller = teller
        self.title = title
        self.whatHappened = whatHappened
        self.smallThing = smallThing
        self.consent = consent
    }
}
