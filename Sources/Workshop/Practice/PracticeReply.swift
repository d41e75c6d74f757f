import Foundation

/// A change the simulated group makes, and the moment it happens.
public struct SimulatedEvent: Codable, Equatable, Sendable {
    public var event: SessionEvent
    public var at: Date

    public init(event: SessionEvent, at: Date) {
        self.event = event
        self.at = at
    }
}

/// Something a simulated person says that is not itself a change to the record
/// (an interruption, evidence, saying no to an action). The console shows these to the trainee.
public struct PersonaRemark: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case interrupts, passes, evidence, declines, offers, says, disagrees
        /// A teller answering "may this story be shared?".
        case consents
        /// Someone who did not understand a word on the screen.
        case puzzled

        /// Whether the trainee must react to it: these reach the status line before anything else the group says.
        public var isImportant: Bool { [.offers, .declines, .disagrees, .puzzled].contains(self) }
    }

    public var participant: ParticipantID
    public var kind: Kind
    /// What they say, already with their name: "Dev: I'll do all of those."
    public var text: String
    public var at: Date

    public init(participant: ParticipantID, kind: Kind, text: String, at: Date) {
        self.participant = participant
        self.kind = kind
        self.text = text
        self.at = at
    }
}

/// What the simulated group does in answer to one thing the trainee did.
///
/// `events` are in order, each valid on the session after the ones before it (the simulator
/// checks them through `SessionReducer`), with non-decreasing moments.
public struct PracticeReply: Codable, Equatable, Sendable {
    public var events: [SimulatedEvent]
    public var remarks: [PersonaRemark]

    public init(events: [SimulatedEvent] = [], remarks: [PersonaRemark] = []) {
        self.events = events
        self.remarks = remarks
    }

    public var isEmpty: Bool { events.isEmpty && remarks.isEmpty }

    /// The moment of the last thing in the reply, if any: where a practice clock should move to.
    public var endsAt: Date? { (events.map(\.at) + remarks.map(\.at)).max() }

    mutating func append(_ other: PracticeReply) {
        events += other.events
        remarks += other.remarks
    }
}

/// A persona's answer to "who will do this, and by when?".
public struct ActionOffer: Codable, Equatable, Sendable {
    public var participant: ParticipantID
    /// Whether they would take on one more action.
    public var willing: Bool
    /// The day they would say they can do it by.
    public var when: Day
    /// Who they would like to do it with, if anyone.
    public var partner: ParticipantID?

    public init(participant: ParticipantID, willing: Bool, when: Day, partner: ParticipantID? = nil) {
        self.participant = participant
        self.willing = willing
        self.when = when
        self.partner = partner
    }
}

/// One time a persona took the stick without being given it.
public struct Interruption: Codable, Equatable, Sendable {
    public var participant: ParticipantID
    public var at: Date
    /// Whose turn had just ended: the round was theirs to hand on, and the next person's chance went.
    public var after: ParticipantID?

    public init(participant: ParticipantID, at: Date, after: ParticipantID? = nil) {
        self.participant = participant
        self.at = at
        self.after = after
    }
}

/// Someone who said no to an action they were named on.
public struct ActionRefusal: Codable, Equatable, Sendable {
    public var action: ActionID
    public var participant: ParticipantID
    /// What they said, with their name.
    public var words: String

    public init(action: ActionID, participant: ParticipantID, words: String) {
        self.action = action
        self.participant = participant
        self.words = words
    }
}

/// A story a persona told, what they would say if asked what may happen to it, and whether they were asked.
public struct StoryConsentAsk: Codable, Equatable, Sendable {
    public var story: StoryID
    public var teller: ParticipantID
    /// Their answer when asked.
    public var wish: Consent
    /// Whether the trainee asked them.
    public var asked: Bool

    public init(story: StoryID, teller: ParticipantID, wish: Consent, asked: Bool = false) {
        self.story = story
        self.teller = teller
        self.wish = wish
        self.asked = asked
    }
}

/// A glossary term a persona did not understand, and what they did about it.
public struct JargonReaction: Codable, Equatable, Sendable {
    public var participant: ParticipantID
    public var term: String
    /// Where the term was: "the goal wording …", "the evidence for …".
    public var item: JargonItem
    public var at: Date

    public init(participant: ParticipantID, term: String, item: JargonItem, at: Date) {
        self.participant = participant
        self.term = term
        self.item = item
        self.at = at
    }
}

/// What the simulator knows that the session record cannot show: who each persona is,
/// interruptions, actions turned down, and every piece of jargon that appeared.
public struct PracticeLog: Codable, Equatable, Sendable {
    /// Persona id in the scenario → participant id in the session.
    public var participantIDs: [String: ParticipantID]
    public var interruptions: [Interruption]
    public var declinedActions: Int
    public var jargon: JargonTrail
    /// Every time someone said no to an action, in order.
    public var refusals: [ActionRefusal]
    /// Every story a persona told, and whether its teller was asked what may happen to it.
    public var consent: [StoryConsentAsk]
    /// Jargon someone did not understand (a question or a frown in the room).
    public var jargonReactions: [JargonReaction]
    /// Everything the group said that was not a change, in order: review shows it to a trainer.
    public var remarks: [PersonaRemark]

    public init(participantIDs: [String: ParticipantID] = [:], interruptions: [Interruption] = [], declinedActions: Int = 0, jargon: JargonTrail = JargonTrail(),
                refusals: [ActionRefusal] = [], consent: [StoryConsentAsk] = [], jargonReactions: [JargonReaction] = [], remarks: [PersonaRemark] = []) {
        self.participantIDs = participantIDs
        self.interruptions = interruptions
        self.declinedActions = declinedActions
        self.jargon = jargon
        self.refusals = refusals
        self.consent = consent
        self.jargonReactions = jargonReactions
        self.remarks = remarks
    }

    enum CodingKeys: String, CodingKey { case participantIDs, interruptions, declinedActions, jargon, refusals, consent, jargonReactions, remarks }

    // Files saved before refusals, consent and reactions were kept still load.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        participantIDs = try c.decode([String: ParticipantID].self, forKey: .participantIDs)
        interruptions = try c.decode([Interruption].self, forKey: .interruptions)
        declinedActions = try c.decode(Int.self, forKey: .declinedActions)
        jargon = try c.decode(JargonTrail.self, forKey: .jargon)
        refusals = try c.decodeIfPresent([ActionRefusal].self, forKey: .refusals) ?? []
        consent = try c.decodeIfPresent([StoryConsentAsk].self, forKey: .consent) ?? []
        jargonReactions = try c.decodeIfPresent([JargonReaction].self, forKey: .jargonReactions) ?? []
        remarks = try c.decodeIfPresent([PersonaRemark].self, forKey: .remarks) ?? []
    }
}

/// A practice simulator's memory, saved with the session so a run can be resumed exactly.
public struct PracticeState: Codable, Equatable, Sendable {
    public var seed: UInt64
    public var random: SplitMix64
    public var log: PracticeLog
    /// Persona id → how many of their stories they have told.
    public var storiesTold: [String: Int]
    /// Persona id → how many of their goal wordings they have offered.
    public var suggestionsMade: [String: Int]
    /// Idea keys already offered.
    public var ideasOffered: [String]
    /// Idea key → the idea's id in the session.
    public var ideaIDs: [String: IdeaID]
    /// "persona/principle" pairs whose evidence has been given.
    public var evidenceGiven: [String]
    /// Persona id → turns taken without being given the stick.
    public var interruptionsBy: [String: Int]
    /// "action/participant" pairs already asked whether they would take the action on.
    public var actionsAnswered: [String]
}
