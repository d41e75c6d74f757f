import Foundation
import Workshop

/// Exports that leave the room. Stories whose teller did not agree to sharing never appear in them.
///
/// Every format goes through `prepare` first — the one filter for everything that leaves the room:
/// it keeps only stories with the consent `share` and, when anonymising, replaces every name
/// everywhere (see `Pseudonyms`) and leaves out or blurs what could point at one person
/// (see `AnonymousExport`). New formats must start from `prepare` too.
public enum SessionExport {

    /// The kinds of export.
    public enum Format: String, CaseIterable, Sendable {
        case markdown, csv, json, letters
    }

    /// The session with only the stories that may be shared.
    public static func shareable(_ session: Session) -> Session {
        var copy = session
        copy.record.stories = session.record.stories.filter { $0.mayBeShared }
        return copy
    }

    /// The session as it may leave the room: only shared stories; with `anonymise`, every
    /// participant's name (and the facilitator's) replaced by a stable pseudonym, free text included.
    /// - Parameters:
    ///   - formerNames: names people had earlier (see `NameHistory.names(in:)`), replaced too.
    ///   - order: fixes the order pseudonyms are dealt in (tests); by default it is random for each export.
    public static func prepare(_ session: Session, anonymise: Bool, formerNames: [ParticipantID: [String]] = [:], order: UInt64? = nil) -> Session {
        let shared = shareable(session)
        guard anonymise else { return shared }
        let pseudonyms = Pseudonyms(session, formerNames: formerNames, order: order)
        return AnonymousExport.blur(pseudonyms.apply(to: shared), pseudonyms: pseudonyms, perspectivesFrom: session.record.participants)
    }

    /// The whole session as JSON (readable, keys sorted), leaving out stories not shared.
    public static func json(_ session: Session) throws -> Data {
        try json(prepared: shareable(session))
    }

    /// An export of a session in one of the formats (letters: all pages, separated by form feeds).
    public static func render(_ session: Session, as format: Format, anonymise: Bool = false,
                              formerNames: [ParticipantID: [String]] = [:], principles: PrinciplesFile? = nil,
                              lettersForEveryone: Bool = false, order: UInt64? = nil) throws -> Data {
        let prepared = prepare(session, anonymise: anonymise, formerNames: formerNames, order: order)
        switch format {
        case .json: return try json(prepared: prepared, scoreCounts: anonymise ? AnonymousExport.scoreCounts(session) : nil)
        case .markdown: return Data(MarkdownReport.render(prepared, principles: principles).utf8)
        case .csv: return Data(ActionsCSV.render(prepared, principles: principles).utf8)
        case .letters: return Data(ActionLetters.render(prepared, everyone: lettersForEveryone).utf8)
        }
    }

    /// JSON of a session that has already been through `prepare`.
    static func json(prepared session: Session, scoreCounts: [AnonymousExport.ScoreCount]? = nil) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var data = try encoder.encode(ExportedSession(schema: SessionStore.schema, session: shareable(session), scoreCounts: scoreCounts))
        data.append(0x0A)
        return data
    }

    private struct ExportedSession: Encodable {
        var schema: Int
        var session: Session
        /// Anonymised only: how many people placed each stage, in place of each person's own scores.
        var scoreCounts: [AnonymousExport.ScoreCount]?
    }
}
