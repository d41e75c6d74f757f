import Foundation

/// Everything a key can ask the console to do.
public enum Command: Hashable, Sendable {
    // Everywhere
    /// A key of `campfire review`, handled by the review program itself (listed for its `?` box).
    case review
    case help, quit, nextStep, previousStep, toggleProjector, undo, redo, nextPanel, moveUp, moveDown
    // Lists
    case add, edit, delete
    // The campfire round
    case nextTeller, invite, pass, endTurn
    // Shared goal
    case consensus, markForMerge, merge, agreeGoal, withdrawGoal
    case respond(Int)
    // Principles
    case setStage(Int), clearStage, agreePrinciple
    // Choosing
    case addDot, removeDot, choose
    // Close
    case switchView, finish
    // Choosing a person by name: typed letters narrow the list
    case filter
    /// The wall shows scores and answers as they come, or together once everyone has placed.
    case toggleLiveAnswers
    /// How long an unfinished workshop keeps its room-only stories (the next period of a few).
    case roomOnlyPeriod
    // Screens other than the console: show every key
    case showKeys
    // Leaving a mode
    case leaveMode
}
