import Foundation
import Workshop

/// Exports that leave the room. Stories whose teller did not agree to sharing never appear in them.
public enum SessionExport {

    /// The session with only the stories that may be shared.
    public static func shareable(_ session: Session) -> Session {
        var copy = session
        copy.record.stories = session.record.stories.filter { $0.consent.allowsSharing }
        return copy
    }

    /// The whole session as JSON (readable, keys sorted), leaving out stories not shared.
    public static func json(_ session: Session) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var data = try encoder.encode(ExportedSession(schema: SessionStore.schema, session: shareable(session)))
        data.append(0x0A)
        return data
    }

    private struct ExportedSession: Encodable {
        var schema: Int
        var session: Session
    }
}
