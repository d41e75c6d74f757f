import Foundation
import Workshop

/// The plain sentence that tells the facilitator, on the Close step, that the stories told for
/// the room only are about to be forgotten (their words leave every file when Campfire closes on
/// that step; see Persistence's `RoomOnlyForgetting`).
public enum RoomOnlyNotice {
    /// The sentence, or nil when no story still holds words for the room only.
    public static func sentence(for session: Session) -> String? {
        let stories = session.record.stories.filter(\.holdsRoomOnlyWords)
        guard !stories.isEmpty else { return nil }
        var tellers: [String] = []
        for story in stories {
            guard let teller = story.teller else { continue }
            let name = session.record.name(of: teller)
            if !tellers.contains(name) { tellers.append(name) }
        }
        let from = tellers.isEmpty ? "" : " from " + listed(tellers)
        if stories.count == 1 {
            return "The story for the room only\(from) is forgotten when Campfire closes on this step: "
                + "its words leave every file, and only that it was told stays."
        }
        return "The \(stories.count) stories for the room only\(from) are forgotten when Campfire closes on this step: "
            + "their words leave every file, and only who told them stays."
    }

    /// How long room-only words are kept while the workshop is not finished (the stories step
    /// says it: in the side panel, or under the list where there is no side panel), or nil when
    /// no story holds words for the room only.
    public static func periodNote(for session: Session) -> String? {
        guard session.record.stories.contains(where: \.holdsRoomOnlyWords) else { return nil }
        return "Room-only stories: forgotten at the close, or \(Draw.days(session.roomOnlyPeriodDays)) after last open if not finished (k)."
    }

    private static func listed(_ names: [String]) -> String {
        names.count <= 1 ? names.joined() : names.dropLast().joined(separator: ", ") + " and " + names.last!
    }
}
