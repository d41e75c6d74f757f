import Foundation

/// How a simulated person tends to behave in the room.
public enum PersonaTrait: String, Codable, CaseIterable, Hashable, Sendable {
    /// Takes extra turns and talks over others unless the facilitator manages the round.
    case talksOverOthers
    /// Says nothing (passes) unless the facilitator invites them by name.
    case quietUnlessInvited
    /// Their stories and goal wording contain jargon from the glossary.
    case usesJargon
    /// Disagrees with a vague goal.
    case scepticalOfChange
    /// Says yes to every action, with dates far away.
    case overPromises
}

/// One story a persona would tell in the round.
public struct PersonaStory: Codable, Equatable, Hashable, Sendable {
    public var title: String
    public var whatHappened: String
    public var smallThing: String
    public var consent: Consent

    public init(title: String, whatHappened: String, smallThing: String, consent: Consent) {
        self.title = title
        self.whatHappened = whatHappened
        self.smallThing = smallThing
        self.consent = consent
    }
}

/// How a persona answers the consensus check on a goal wording.
///
/// Checked in this order: a sceptic disagrees with a vague wording; then
/// `disagreeIfAny`; then `agreeIfAny`; then `followsLead` (the answer that person gives);
/// then `otherwise`. Words and phrases match whole words, ignoring case.
public struct DraftResponseRule: Codable, Equatable, Hashable, Sendable {
    public var agreeIfAny: [String]
    public var disagreeIfAny: [String]
    public var otherwise: ConsensusResponse
    /// Another persona's id: answer as they do when no word rule applies.
    public var followsLead: String?

    public init(agreeIfAny: [String] = [], disagreeIfAny: [String] = [], otherwise: ConsensusResponse = .canLiveWith, followsLead: String? = nil) {
        self.agreeIfAny = agreeIfAny
        self.disagreeIfAny = disagreeIfAny
        self.otherwise = otherwise
        self.followsLead = followsLead
    }

    enum CodingKeys: String, CodingKey { case agreeIfAny, disagreeIfAny, otherwise, followsLead }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        agreeIfAny = try c.decodeIfPresent([String].self, forKey: .agreeIfAny) ?? []
        disagreeIfAny = try c.decodeIfPresent([String].self, forKey: .disagreeIfAny) ?? []
        otherwise = try c.decode(ConsensusResponse.self, forKey: .otherwise)
        followsLead = try c.decodeIfPresent(String.self, forKey: .followsLead)
    }
}

/// Where a persona places the group on one principle, and what they would say shows it.
public struct PrincipleView: Codable, Equatable, Hashable, Sendable {
    public var stage: Int
    public var evidence: String

    public init(stage: Int, evidence: String) {
        self.stage = stage
        self.evidence = evidence
    }
}

/// An idea a persona would offer. `key` names it inside the scenario so votes can point at it.
public struct PersonaIdea: Codable, Equatable, Hashable, Sendable {
    public var key: String
    public var text: String
    public var principles: [PrincipleID]

    public init(key: String, text: String, principles: [PrincipleID] = []) {
        self.key = key
        self.text = text
        self.principles = principles
    }

    enum CodingKeys: String, CodingKey { case key, text, principles }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        key = try c.decode(String.self, forKey: .key)
        text = try c.decode(String.self, forKey: .text)
        principles = try c.decodeIfPresent([PrincipleID].self, forKey: .principles) ?? []
    }
}

/// How much a persona will take on in the action plan.
public struct ActionWillingness: Codable, Equatable, Hashable, Sendable {
    /// The most actions they will be named on; beyond it they say no (an over-promiser never does).
    public var maxActions: Int
    /// How many days from today they would say they need.
    public var daysNeeded: Int
    /// Another persona's id they would like to share an action with.
    public var partner: String?

    public init(maxActions: Int, daysNeeded: Int, partner: String? = nil) {
        self.maxActions = maxActions
        self.daysNeeded = daysNeeded
        self.partner = partner
    }
}

/// A simulated person in a practice scenario. Invented: never a real person.
public struct Persona: Codable, Equatable, Hashable, Sendable, Identifiable {
    /// A short id used inside the scenario file, such as `rosa`.
    public var id: String
    public var name: String
    public var perspective: Perspective
    public var traits: [PersonaTrait]
    /// About how long one of their turns in the round lasts, in seconds (the simulator varies it by up to a fifth).
    public var speakingSeconds: Int
    public var stories: [PersonaStory]
    public var goalSuggestions: [String]
    public var draftResponse: DraftResponseRule
    /// Keyed by principle (`assets`, `work`, `reciprocity`, `networks`). A principle left out: they do not score it.
    public var principles: [String: PrincipleView]
    public var ideas: [PersonaIdea]
    /// Idea keys (anyone's) where they put their dots first; a key may repeat for two dots.
    public var votesFor: [String]
    public var actions: ActionWillingness

    public init(id: String, name: String, perspective: Perspective, traits: [PersonaTrait] = [], speakingSeconds: Int = 120, stories: [PersonaStory] = [], goalSuggestions: [String] = [], draftResponse: DraftResponseRule = DraftResponseRule(), principles: [String: PrincipleView] = [:], ideas: [PersonaIdea] = [], votesFor: [String] = [], actions: ActionWillingness = ActionWillingness(maxActions: 1, daysNeeded: 14)) {
        self.id = id
        self.name = name
        self.perspective = perspective
        self.traits = traits
        self.speakingSeconds = speakingSeconds
        self.stories = stories
        self.goalSuggestions = goalSuggestions
        self.draftResponse = draftResponse
        self.principles = principles
        self.ideas = ideas
        self.votesFor = votesFor
        self.actions = actions
    }

    enum CodingKeys: String, CodingKey {
        case id, name, perspective, traits, speakingSeconds, stories, goalSuggestions, draftResponse, principles, ideas, votesFor, actions
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        perspective = try c.decode(Perspective.self, forKey: .perspective)
        traits = try c.decode([PersonaTrait].self, forKey: .traits)
        speakingSeconds = try c.decodeIfPresent(Int.self, forKey: .speakingSeconds) ?? 120
        stories = try c.decode([PersonaStory].self, forKey: .stories)
        goalSuggestions = try c.decode([String].self, forKey: .goalSuggestions)
        draftResponse = try c.decode(DraftResponseRule.self, forKey: .draftResponse)
        principles = try c.decode([String: PrincipleView].self, forKey: .principles)
        ideas = try c.decode([PersonaIdea].self, forKey: .ideas)
        votesFor = try c.decodeIfPresent([String].self, forKey: .votesFor) ?? []
        actions = try c.decode(ActionWillingness.self, forKey: .actions)
    }

    public func has(_ trait: PersonaTrait) -> Bool { traits.contains(trait) }

    /// Their view of a principle, if they score it.
    public func view(of principle: PrincipleID) -> PrincipleView? { principles[principle.rawValue] }
}

/// What makes a goal wording "vague" to a sceptic: too few words, or a vague word with nothing concrete.
public struct Vagueness: Codable, Equatable, Hashable, Sendable {
    /// A wording with fewer words than this is vague.
    public var minimumWords: Int
    /// Words like "improve" or "better" that promise without saying what.
    public var vagueWords: [String]
    /// Things you could point at in this setting ("bus", "lunch", "rota"); one of them makes a wording concrete.
    public var concreteWords: [String]

    public init(minimumWords: Int = 6, vagueWords: [String] = Vagueness.standardVagueWords, concreteWords: [String] = []) {
        self.minimumWords = minimumWords
        self.vagueWords = vagueWords
        self.concreteWords = concreteWords
    }

    public static let standardVagueWords = ["improve", "improving", "better", "enhance", "enhanced", "more", "quality", "excellent", "best", "good", "great", "support", "empower", "empowering", "outcomes"]

    enum CodingKeys: String, CodingKey { case minimumWords, vagueWords, concreteWords }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        minimumWords = try c.decodeIfPresent(Int.self, forKey: .minimumWords) ?? 6
        vagueWords = try c.decodeIfPresent([String].self, forKey: .vagueWords) ?? Vagueness.standardVagueWords
        concreteWords = try c.decodeIfPresent([String].self, forKey: .concreteWords) ?? []
    }

    /// Whether a wording is vague: fewer than `minimumWords` words, or it has a vague word and none of the concrete words.
    public func isVague(_ text: String) -> Bool {
        let words = TextMatch.words(text)
        if words.count < minimumWords { return true }
        let hasVague = vagueWords.contains { TextMatch.contains(phrase: $0, inWords: words) }
        let hasConcrete = concreteWords.contains { TextMatch.contains(phrase: $0, inWords: words) }
        return hasVague && !hasConcrete
    }
}

/// What a good run of this scenario reaches: the debrief compares the trainee's figures with these.
/// Shares are fractions from 0 to 1.
public struct ScenarioIdeal: Codable, Equatable, Hashable, Sendable {
    public var loudestVoiceShareAtMost: Double
    public var quietVoicesInvitedAtLeast: Double
    public var jargonCaughtAtLeast: Double
    public var timeBoxesKeptAtLeast: Double
    public var consensusWithoutOverride: Bool
    public var principlesWithEvidenceAtLeast: Double
    public var actionsCompleteAtLeast: Double
    public var actionsInsideWindowAtLeast: Double
    public var ownerShareAtMost: Double
    public var interruptionsAtMost: Int

    public init(loudestVoiceShareAtMost: Double = 0.35, quietVoicesInvitedAtLeast: Double = 1, jargonCaughtAtLeast: Double = 0.8, timeBoxesKeptAtLeast: Double = 0.75, consensusWithoutOverride: Bool = true, principlesWithEvidenceAtLeast: Double = 1, actionsCompleteAtLeast: Double = 1, actionsInsideWindowAtLeast: Double = 1, ownerShareAtMost: Double = 0.5, interruptionsAtMost: Int = 1) {
        self.loudestVoiceShareAtMost = loudestVoiceShareAtMost
        self.quietVoicesInvitedAtLeast = quietVoicesInvitedAtLeast
        self.jargonCaughtAtLeast = jargonCaughtAtLeast
        self.timeBoxesKeptAtLeast = timeBoxesKeptAtLeast
        self.consensusWithoutOverride = consensusWithoutOverride
        self.principlesWithEvidenceAtLeast = principlesWithEvidenceAtLeast
        self.actionsCompleteAtLeast = actionsCompleteAtLeast
        self.actionsInsideWindowAtLeast = actionsInsideWindowAtLeast
        self.ownerShareAtMost = ownerShareAtMost
        self.interruptionsAtMost = interruptionsAtMost
    }

    /// The figures used for a real session, or when a scenario gives none.
    public static let standard = ScenarioIdeal()

    /// The names of every field, as written in a scenario file.
    public static let fieldNames = ["loudestVoiceShareAtMost", "quietVoicesInvitedAtLeast", "jargonCaughtAtLeast", "timeBoxesKeptAtLeast", "consensusWithoutOverride", "principlesWithEvidenceAtLeast", "actionsCompleteAtLeast", "actionsInsideWindowAtLeast", "ownerShareAtMost", "interruptionsAtMost"]
}

/// A practice scenario: a setting, a question and a simulated group. A plain JSON file
/// (see docs/practice-scenarios.md); check one with `ScenarioValidator`.
public struct Scenario: Codable, Equatable, Hashable, Sendable {
    /// Short name used on the command line, such as `day-service`.
    public var name: String
    public var title: String
    /// One line for lists.
    public var description: String
    /// Where the group meets and who they are.
    public var setting: String
    /// The question the group works on.
    public var question: String
    /// The workshop template to run: a built-in name such as `standard`.
    public var template: String
    public var vagueness: Vagueness
    public var personas: [Persona]
    public var ideal: ScenarioIdeal

    public init(name: String, title: String, description: String, setting: String, question: String, template: String = "standard", vagueness: Vagueness = Vagueness(), personas: [Persona], ideal: ScenarioIdeal = .standard) {
        self.name = name
        self.title = title
        self.description = description
        self.setting = setting
        self.question = question
        self.template = template
        self.vagueness = vagueness
        self.personas = personas
        self.ideal = ideal
    }

    enum CodingKeys: String, CodingKey { case name, title, description, setting, question, template, vagueness, personas, ideal }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        title = try c.decode(String.self, forKey: .title)
        description = try c.decode(String.self, forKey: .description)
        setting = try c.decode(String.self, forKey: .setting)
        question = try c.decode(String.self, forKey: .question)
        template = try c.decode(String.self, forKey: .template)
        vagueness = try c.decodeIfPresent(Vagueness.self, forKey: .vagueness) ?? Vagueness()
        personas = try c.decode([Persona].self, forKey: .personas)
        ideal = try c.decode(ScenarioIdeal.self, forKey: .ideal)
    }

    /// The persona with a scenario id.
    public func persona(_ id: String) -> Persona? { personas.first { $0.id == id } }

    /// The fewest and most personas a scenario may have.
    public static let personaRange = 4...8
}

/// Whole-word matching used by the simulator's rules: lower case, letters and digits only.
public enum TextMatch {
    /// The words of a text, lower case; anything but letters, digits, `'` and `-` separates words.
    public static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "-") }.map(String.init)
    }

    /// Whether a phrase (one or more words) appears, whole words, in the text.
    public static func contains(phrase: String, in text: String) -> Bool {
        contains(phrase: phrase, inWords: words(text))
    }

    static func contains(phrase: String, inWords words: [String]) -> Bool {
        let target = self.words(phrase)
        guard !target.isEmpty, target.count <= words.count else { return false }
        for start in 0...(words.count - target.count) where Array(words[start..<start + target.count]) == target {
            return true
        }
        return false
    }
}
