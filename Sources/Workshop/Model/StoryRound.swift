import Foundation

/// One turn with the talking stick.
public struct Turn: Codable, Equatable, Hashable, Sendable {
    public var participant: ParticipantID
    public var startedAt: Date
    public var endedAt: Date?
    /// Passing is always allowed and is never counted as a failure.
    public var passed: Bool
    /// Whether the facilitator gave the stick to this person by name (an invitation),
    /// rather than it simply moving round.
    public var invited: Bool

    public init(participant: ParticipantID, startedAt: Date, endedAt: Date? = nil, passed: Bool = false, invited: Bool = false) {
        self.participant = participant
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.passed = passed
        self.invited = invited
    }

    /// Seconds spoken in this turn, counting up to `now` while it is still going.
    public func seconds(upTo now: Date) -> TimeInterval {
        if passed { return 0 }
        return max(0, (endedAt ?? now).timeIntervalSince(startedAt))
    }
}

/// The campfire round: who holds the talking stick and every turn so far.
public struct StoryRound: Codable, Equatable, Hashable, Sendable {
    public var currentTeller: ParticipantID?
    /// Every turn in order: kept in chunks, so that a pass of the stick does not copy them all.
    public var turns: ChunkedArray<Turn>

    public init(currentTeller: ParticipantID? = nil, turns: ChunkedArray<Turn> = []) {
        self.currentTeller = currentTeller
        self.turns = turns
    }

    public init(currentTeller: ParticipantID? = nil, turns: [Turn]) {
        self.init(currentTeller: currentTeller, turns: ChunkedArray(turns))
    }

    /// How many turns a person has taken (passes not counted).
    public func turnCount(for id: ParticipantID) -> Int {
        turns.filter { $0.participant == id && !$0.passed }.count
    }

    /// How many times a person passed.
    public func passCount(for id: ParticipantID) -> Int {
        turns.filter { $0.participant == id && $0.passed }.count
    }

    /// Seconds a person has spoken in total.
    public func speakingSeconds(for id: ParticipantID, upTo now: Date) -> TimeInterval {
        turns.filter { $0.participant == id }.reduce(0) { $0 + $1.seconds(upTo: now) }
    }

    /// Turns, passes and seconds for everyone, in one pass over the turns (for screens that show them all).
    public func tally(upTo now: Date) -> [ParticipantID: TurnTally] {
        var tallies: [ParticipantID: TurnTally] = [:]
        for turn in turns {
            var tally = tallies[turn.participant] ?? TurnTally()
            if turn.passed { tally.passes += 1 } else { tally.turns += 1 }
            tally.seconds += turn.seconds(upTo: now)
            tallies[turn.participant] = tally
        }
        return tallies
    }

    /// Whether a person has had the stick at all (spoken or passed).
    public func hasHadTurn(_ id: ParticipantID) -> Bool {
        turns.contains { $0.participant == id }
    }
}

/// One person's share of the round.
public struct TurnTally: Equatable, Sendable {
    public var turns = 0
    public var passes = 0
    public var seconds: TimeInterval = 0

    public init(turns: Int = 0, passes: Int = 0, seconds: TimeInterval = 0) {
        self.turns = turns
        self.passes = passes
        self.seconds = seconds
    }

    /// Whether the person has had the stick at all.
    public var hasHadTurn: Bool { turns + passes > 0 }
}
