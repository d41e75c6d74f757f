import Foundation

/// Every change to a session, as written to its journal, one per line.
///
/// Events carry everything needed to replay them (ids included), so replaying a
/// journal is exact and needs no clock, random source or undo history.
public enum SessionEvent: Codable, Equatable, Sendable {
    // MARK: People
    case addParticipant(Participant)
    case renameParticipant(id: ParticipantID, name: String)
    case setPerspective(id: ParticipantID, perspective: Perspective?)
    case setAccessNeeds(id: ParticipantID, needs: String)
    /// Deletes someone added by mistake; someone who already contributed is marked as having left.
    case removeParticipant(id: ParticipantID)
    case setGroundRules([String])

    // MARK: The campfire round
    /// Hands the talking stick to a person. `invited` is true when the facilitator chose them by name.
    case giveStick(to: ParticipantID, invited: Bool)
    /// The teller passes. Always allowed, never a failure.
    case pass
    /// The teller has finished; nobody holds the stick.
    case endTurn

    // MARK: Stories
    case addStory(Story)
    case editStory(Story)
    case deleteStory(id: StoryID)
    /// The teller changed their mind about what may happen to their story. Its own event, so the
    /// change is plain in the journal and in review.
    case setConsent(story: StoryID, consent: Consent)

    // MARK: Shared goal
    case proposeGoal(GoalDraft)
    case editGoal(id: GoalDraftID, text: String)
    case mergeGoals(ids: [GoalDraftID], into: GoalDraft)
    case deleteGoal(id: GoalDraftID)
    case respond(draft: GoalDraftID, participant: ParticipantID, response: ConsensusResponse?)
    /// Agrees a draft as the group's goal; `overrideReason` is needed when someone disagrees.
    case agreeGoal(draft: GoalDraftID, overrideReason: String?)
    case withdrawGoal

    // MARK: Principles
    case score(principle: PrincipleID, participant: ParticipantID, stage: Int?)
    case agreePrinciple(principle: PrincipleID, stage: Int?, rag: RAG?, evidence: String)

    // MARK: Ideas and choosing
    case addIdea(Idea)
    case editIdea(id: IdeaID, text: String, principles: [PrincipleID])
    case deleteIdea(id: IdeaID)
    /// Adds (+1) or takes back (-1) one of a person's dots on an idea.
    case vote(idea: IdeaID, participant: ParticipantID, change: Int)
    case choose(idea: IdeaID)
    case unchoose(idea: IdeaID)

    // MARK: Actions
    case addAction(Action)
    case editAction(Action)
    case deleteAction(id: ActionID)
    /// Recorded when looking back: whether an action was done.
    case setActionStatus(id: ActionID, status: ActionStatus)
    /// Recorded when looking back: what happened with an action, and the day it was noted.
    case noteActionOutcome(id: ActionID, note: String, on: Day)

    // MARK: Undo, redo and moving between steps
    /// Puts the record back as it was; the whole record travels so a journal replays without history.
    case undo(restoring: WorkshopRecord)
    case redo(restoring: WorkshopRecord)
    /// Moves to another step; `override` carries the reason when a guard was overridden.
    case moveTo(step: FlowStep, overriddenGuards: [String], overrideReason: String?)
    /// The facilitator says the workshop is finished (offered on its last step). Moving to
    /// another step afterwards carries it on again.
    case finishWorkshop
    /// Shows scores and answers on the wall as they come (true) or all together once everyone
    /// has placed (false, the default). A display setting, not a capture: undo leaves it.
    case showAnswersLive(Bool)
    /// How many days after the workshop was last open its room-only stories are forgotten, if it
    /// is not finished by then. A setting, not a capture: undo leaves it.
    case setRoomOnlyDays(Int)

    /// Whether this event changes the record (and so can be undone).
    public var changesRecord: Bool {
        switch self {
        case .undo, .redo, .moveTo, .setActionStatus, .finishWorkshop, .showAnswersLive, .setRoomOnlyDays, .noteActionOutcome: return false
        default: return true
        }
    }
}
