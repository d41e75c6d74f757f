import Foundation

/// A person in the room, by a stable id such as `p3` (names can change; ids never do).
public typealias ParticipantID = String
/// A story captured in the campfire round, such as `s2`.
public typealias StoryID = String
/// A goal wording proposed by someone, such as `g1`.
public typealias GoalDraftID = String
/// An idea for change, such as `i4`.
public typealias IdeaID = String
/// One planned action, such as `a1`.
public typealias ActionID = String

/// The four principles of co-production, as Edgar Cahn named them and
/// Inclusion North's self-reflection tool (June 2011) set them out.
public enum PrincipleID: String, Codable, CaseIterable, Hashable, Sendable, Comparable {
    case assets
    case work
    case reciprocity
    case networks

    public static func < (lhs: PrincipleID, rhs: PrincipleID) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The group's RED / AMBER / GREEN self-score for a principle.
public enum RAG: String, Codable, CaseIterable, Hashable, Sendable {
    case red, amber, green

    /// The word shown next to the colour, so colour never carries the meaning alone.
    public var word: String { rawValue.uppercased() }
    /// One letter for tight tables.
    public var letter: String { String(rawValue.prefix(1)).uppercased() }
    /// A symbol that differs in shape for each score.
    public var symbol: String {
        switch self {
        case .red: return "■"
        case .amber: return "▲"
        case .green: return "●"
        }
    }
}
