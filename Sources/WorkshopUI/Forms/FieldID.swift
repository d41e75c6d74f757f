import Foundation

/// The identity of a field in a box: which value it holds, whatever its label says.
///
/// Saving a box reads its fields by these (through the box's typed value, such as
/// ``PersonDraft``), never by the words on screen, so a label can be reworded or
/// translated without changing what is saved.
public enum FieldID: String, Equatable, Hashable, Sendable, Codable, CaseIterable {
    // A person
    case name, perspective, accessNeeds
    // A story
    case teller, title, whatHappened, smallThing, consent
    // A goal wording
    case goal, suggestedBy
    // A reason for going on anyway
    case why
    // What the group agrees on a principle
    case stage, rag, evidence
    // An idea
    case idea, helpsWith
    // An action
    case forIdea, what, who, when, how
    // A new workshop (the home screen)
    case group, plan

    /// The identity of a field in a draft kept by an older Campfire, which saved only the label.
    /// Used only when reading such a draft back (see `FormField.init(from:)`).
    public init?(keptLabel label: String) {
        let labels: [String: FieldID] = [
            "First name": .name, "Perspective": .perspective, "Access needs": .accessNeeds,
            "Told by": .teller, "Title": .title, "What happened": .whatHappened, "The small thing": .smallThing, "Consent": .consent,
            "Goal": .goal, "Suggested by": .suggestedBy, "Why": .why,
            "Stage": .stage, "Red, amber or green": .rag, "Evidence": .evidence,
            "Idea": .idea, "Helps with": .helpsWith,
            "For idea": .forIdea, "What": .what, "Who": .who, "When": .when, "How": .how,
            "Group": .group, "Plan": .plan,
        ]
        guard let id = labels[label] else { return nil }
        self = id
    }
}
