import Foundation

/// Everything the group said and decided: the part of a session that undo and redo act on.
///
/// Where the workshop is (the current stage and its timings) lives in `Session`,
/// outside this record, so undoing a typing slip never moves the group back a stage.
public struct WorkshopRecord: Codable, Equatable, Hashable, Sendable {
    public var participants: [Participant]
    public var stories: [Story]
    public var round: StoryRound
    public var goalDrafts: [GoalDraft]
    public var agreedGoal: AgreedGoal?
    public var principles: [PrincipleScore]
    public var ideas: [Idea]
    public var chosenIdeas: [IdeaID]
    public var actions: [Action]
    /// Ground rules the group added or changed, beyond the standard ones.
    public var groundRules: [String]
    /// The next number used to make ids such as `p4` or `s12`; ids are never reused while a session lives.
    public var nextNumber: Int

    public init(
        participants: [Participant] = [], stories: [Story] = [], round: StoryRound = StoryRound(),
        goalDrafts: [GoalDraft] = [], agreedGoal: AgreedGoal? = nil,
        principles: [PrincipleScore] = PrincipleID.allCases.map { PrincipleScore(principle: $0) },
        ideas: [Idea] = [], chosenIdeas: [IdeaID] = [], actions: [Action] = [], groundRules: [String] = [], nextNumber: Int = 1
    ) {
        self.participants = participants
        self.stories = stories
        self.round = round
        self.goalDrafts = goalDrafts
        self.agreedGoal = agreedGoal
        self.principles = principles
        self.ideas = ideas
        self.chosenIdeas = chosenIdeas
        self.actions = actions
        self.groundRules = groundRules
        self.nextNumber = nextNumber
    }

    // MARK: Looking things up

    /// The people still in the room, in the order they were added.
    public var present: [Participant] { participants.filter { !$0.hasLeft } }

    public func participant(_ id: ParticipantID?) -> Participant? {
        guard let id else { return nil }
        return participants.first { $0.id == id }
    }

    /// A person's name, or a plain stand-in when they are unknown.
    public func name(of id: ParticipantID?) -> String {
        participant(id)?.name ?? "someone"
    }

    public func story(_ id: StoryID) -> Story? { stories.first { $0.id == id } }
    public func draft(_ id: GoalDraftID) -> GoalDraft? { goalDrafts.first { $0.id == id } }
    public func idea(_ id: IdeaID) -> Idea? { ideas.first { $0.id == id } }
    public func action(_ id: ActionID) -> Action? { actions.first { $0.id == id } }

    public func score(for principle: PrincipleID) -> PrincipleScore {
        principles.first { $0.principle == principle } ?? PrincipleScore(principle: principle)
    }

    /// Goal drafts still on offer (not merged into another).
    public var openDrafts: [GoalDraft] { goalDrafts.filter { $0.mergedInto == nil } }

    /// Dots a person has placed across all ideas.
    public func dotsUsed(by id: ParticipantID) -> Int {
        ideas.reduce(0) { $0 + ($1.votes[id] ?? 0) }
    }

    /// People present who have not yet had the talking stick.
    public var notYetHeard: [Participant] {
        present.filter { !round.hasHadTurn($0.id) }
    }

    /// Ideas in order of dots, most first; ties keep the order they were suggested.
    public var ideasByVotes: [Idea] {
        ideas.enumerated().sorted { a, b in
            a.element.totalVotes != b.element.totalVotes ? a.element.totalVotes > b.element.totalVotes : a.offset < b.offset
        }.map(\.element)
    }

    /// The actions a person is part of.
    public func actions(for id: ParticipantID) -> [Action] {
        actions.filter { $0.who.contains(id) }
    }
}
