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

extension Story {
    /// Whether the story may appear in anything that leaves the room (never without a choice).
    public var mayBeShared: Bool { consent?.allowsSharing ?? false }

    /// What a room-only story becomes once the workshop is over: that a story was told, by whom.
    public static let toldInTheRoom = "a story told in the room"

    /// Whether this story still holds words that were for the room only.
    public var holdsRoomOnlyWords: Bool {
        consent == .roomOnly && !(title == Story.toldInTheRoom && whatHappened.isEmpty && smallThing.isEmpty)
    }

    /// The story with its words forgotten: the teller, the id and the choice stay (for turn counts).
    public var forgotten: Story {
        var copy = self
        copy.title = Story.toldInTheRoom
        copy.whatHappened = ""
        copy.smallThing = ""
        return copy
    }
}

/// One story from the campfire round.
public struct Story: Codable, Equatable, Hashable, Sendable, Identifiable {
    public var id: StoryID
    public var teller: ParticipantID?
    public var title: String
    public var whatHappened: String
    /// The small thing that made a big difference.
    public var smallThing: String
    /// The teller's choice. `nil` only while nobody has asked: a story without a choice is never saved
    /// (the reducer refuses it), so every stored story has one. Journals and snapshots written
    /// before this was optional hold a value and read unchanged.
    public var consent: Consent?

    public init(id: StoryID, teller: ParticipantID?, title: String, whatHappened: String = "", smallThing: String = "", consent: Consent? = nil) {
        self.id = id
        self.teller = teller
        self.title = title
        self.whatHappened = whatHappened
        self.smallThing = smallThing
        self.consent = consent
    }
}
