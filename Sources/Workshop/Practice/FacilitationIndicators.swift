import Foundation

/// Measures how a session was facilitated, for the debrief.
///
/// Works for a practice run (with the scenario and the simulator's log) and for a real session
/// (without a scenario: the standard ideal is used, "quiet voices" are the people who said they
/// bring lived experience or care for someone, and jargon is judged from a trail rebuilt from the
/// journal, if one is given).
public enum FacilitationIndicators {

    /// Measures every indicator that applies to the session's template.
    /// - Parameters:
    ///   - session: the session as it stands.
    ///   - scenario: the practice scenario, for its ideal and its quiet personas.
    ///   - log: the simulator's log (or a `PracticeLog` holding only a jargon trail from a journal).
    ///     Without it, interruptions are not reported and jargon can only be counted in the final words.
    ///   - glossary: the glossary jargon is judged by.
    ///   - now: the moment of measuring; an open turn or step counts up to it.
    public static func measure(_ session: Session, scenario: Scenario? = nil, log: PracticeLog? = nil, glossary: Glossary, now: Date) -> Debrief {
        let ideal = scenario?.ideal ?? .standard
        let template = session.template
        var indicators: [Indicator] = []
        indicators.append(balanceOfVoices(session, ideal, now))
        if let log, scenario != nil { indicators.append(interruptions(session, log, ideal)) }
        if let quiet = quietVoicesInvited(session, scenario, log, ideal) { indicators.append(quiet) }
        indicators.append(jargon(session, log, glossary, ideal))
        indicators.append(timeBoxes(session, ideal, now))
        if template.includes(.goal) { indicators.append(consensus(session, ideal)) }
        if template.includes(.principles) { indicators.append(principlesWithEvidence(session, ideal)) }
        if template.includes(.actions) {
            indicators.append(actionsComplete(session, ideal))
            indicators.append(actionsInsideWindow(session, ideal))
            indicators.append(ownerSpread(session, ideal))
        }
        if !template.includes(.storytelling) { indicators.removeAll { [.balanceOfVoices, .interruptions, .quietVoicesInvited].contains($0.kind) } }

        let order = IndicatorKind.allCases
        let worst = indicators.filter { $0.meetsIdeal == false }.sorted {
            $0.shortfall != $1.shortfall ? $0.shortfall > $1.shortfall : order.firstIndex(of: $0.kind)! < order.firstIndex(of: $1.kind)!
        }
        return Debrief(sessionID: session.id, sessionTitle: session.title, isPractice: session.isPractice, scenarioTitle: scenario?.title,
                       measuredAt: now, indicators: indicators, nextTime: worst.prefix(3).map(\.advice))
    }

    // MARK: - Voices

    static func balanceOfVoices(_ session: Session, _ ideal: ScenarioIdeal, _ now: Date) -> Indicator {
        let record = session.record
        let round = record.round
        let people = record.participants.filter { !$0.hasLeft || round.hasHadTurn($0.id) }
        let totalTurns = people.reduce(0) { $0 + round.turnCount(for: $1.id) }
        let totalSeconds = people.reduce(0.0) { $0 + round.speakingSeconds(for: $1.id, upTo: now) }
        var loudest: (Participant, Double)?
        var details: [String] = []
        for person in people {
            let turns = round.turnCount(for: person.id)
            let seconds = round.speakingSeconds(for: person.id, upTo: now)
            let timeShare = totalSeconds > 0 ? seconds / totalSeconds : 0
            let turnShare = totalTurns > 0 ? Double(turns) / Double(totalTurns) : 0
            let passes = round.passCount(for: person.id)
            details.append("\(person.name): \(turns) \(turns == 1 ? "turn" : "turns") (\(percent(turnShare)) of turns)\(passes > 0 ? ", passed \(passes)" : ""), \(duration(seconds)) (\(percent(timeShare)) of the time)")
            if loudest == nil || timeShare > loudest!.1 { loudest = (person, timeShare) }
        }
        let explanation = "Everyone's voice counts the same. When one person fills the round, the others' stories are not heard and the group's goal becomes that person's goal."
        let idealText = "the loudest voice has at most \(percent(ideal.loudestVoiceShareAtMost)) of the speaking time"
        guard totalSeconds > 0, let (person, share) = loudest else {
            return Indicator(kind: .balanceOfVoices, title: "Balance of voices", figure: "Nobody spoke in the story round.", value: nil, details: details,
                             explanation: explanation, ideal: idealText, meetsIdeal: nil, shortfall: 0, advice: "")
        }
        let meets = share <= ideal.loudestVoiceShareAtMost + 1e-9
        return Indicator(kind: .balanceOfVoices, title: "Balance of voices",
                         figure: "The loudest voice, \(person.name), had \(percent(share)) of the speaking time (\(totalTurns) turns, \(duration(totalSeconds)) in all).",
                         value: share, details: details, explanation: explanation, ideal: idealText, meetsIdeal: meets,
                         shortfall: meets ? 0 : min(1, (share - ideal.loudestVoiceShareAtMost) / max(0.01, 1 - ideal.loudestVoiceShareAtMost)),
                         advice: "Keep the round even: when \(person.name) finishes, give the stick to the next person by name before anyone else starts, and gently hold a time for each turn.")
    }

    static func interruptions(_ session: Session, _ log: PracticeLog, _ ideal: ScenarioIdeal) -> Indicator {
        let count = log.interruptions.count
        var byPerson: [ParticipantID: Int] = [:]
        for interruption in log.interruptions { byPerson[interruption.participant, default: 0] += 1 }
        let details = session.record.participants.compactMap { person in byPerson[person.id].map { "\(person.name) took the stick \($0) \($0 == 1 ? "time" : "times") without being given it" } }
        let meets = count <= ideal.interruptionsAtMost
        let names = SessionReducer.listed(session.record.participants.filter { byPerson[$0.id] != nil }.map(\.name))
        return Indicator(kind: .interruptions, title: "Interruptions", figure: count == 0 ? "Nobody took the stick without being given it." : "Someone took the stick without being given it \(count) \(count == 1 ? "time" : "times").",
                         value: Double(count), details: details,
                         explanation: "A turn taken over someone else's is a turn someone quieter does not get. Naming who speaks next stops it before it starts.",
                         ideal: "at most \(ideal.interruptionsAtMost)", meetsIdeal: meets,
                         shortfall: meets ? 0 : min(1, Double(count - ideal.interruptionsAtMost) / 3),
                         advice: "When \(names.isEmpty ? "someone" : names) cuts in, thank them and hand the stick on by name: \"Thanks. I'd like to hear from someone who hasn't spoken yet.\"")
    }

    static func quietVoicesInvited(_ session: Session, _ scenario: Scenario?, _ log: PracticeLog?, _ ideal: ScenarioIdeal) -> Indicator? {
        let record = session.record
        let quiet: [Participant]
        let who: String
        if let scenario, let log {
            let ids = scenario.personas.filter { $0.has(.quietUnlessInvited) }.compactMap { log.participantIDs[$0.id] }
            quiet = record.participants.filter { ids.contains($0.id) }
            who = "the people who only speak when asked by name"
        } else {
            quiet = record.participants.filter { $0.perspective == .lived || $0.perspective == .carer }
            who = "the people who bring lived experience or care for someone"
        }
        guard !quiet.isEmpty else { return nil }
        let invited = quiet.filter { person in record.round.turns.contains { $0.participant == person.id && $0.invited } }
        let share = Double(invited.count) / Double(quiet.count)
        let missing = quiet.filter { !invited.contains($0) }.map(\.name)
        let meets = share + 1e-9 >= ideal.quietVoicesInvitedAtLeast
        return Indicator(kind: .quietVoicesInvited, title: "Quiet voices invited",
                         figure: "\(invited.count) of \(quiet.count) of \(who) were invited by name (\(percent(share))).",
                         value: share, details: quiet.map { "\($0.name): \(invited.contains($0) ? "invited" : "not invited")" },
                         explanation: "Some people will not take a turn unless they are asked by name. Passing is always fine, but they should be asked.",
                         ideal: "at least \(percent(ideal.quietVoicesInvitedAtLeast)) invited", meetsIdeal: meets,
                         shortfall: meets ? 0 : min(1, (ideal.quietVoicesInvitedAtLeast - share) / max(0.01, ideal.quietVoicesInvitedAtLeast)),
                         advice: "Invite \(missing.isEmpty ? "the quieter people" : SessionReducer.listed(missing)) by name (give the stick with \"invited\"), and make it easy to pass.")
    }

    // MARK: - Words

    static func jargon(_ session: Session, _ log: PracticeLog?, _ glossary: Glossary, _ ideal: ScenarioIdeal) -> Indicator {
        let explanation = "Jargon shuts people out. Words on the screen should be the words people in the room use."
        let idealText = "at least \(percent(ideal.jargonCaughtAtLeast)) of the jargon translated"
        guard let trail = log?.jargon else {
            // No history: only the final words can be checked.
            var finalTrail = JargonTrail()
            for story in session.record.stories { finalTrail.note(.addStory(story), glossary: glossary) }
            for draft in session.record.goalDrafts where draft.mergedInto == nil { finalTrail.note(.proposeGoal(draft), glossary: glossary) }
            for idea in session.record.ideas { finalTrail.note(.addIdea(idea), glossary: glossary) }
            for action in session.record.actions { finalTrail.note(.addAction(action), glossary: glossary) }
            let terms = Set(finalTrail.sightings.map(\.term)).sorted()
            return Indicator(kind: .jargon, title: "Jargon", figure: terms.isEmpty ? "No jargon is left in the record." : "\(finalTrail.sightings.count) jargon \(finalTrail.sightings.count == 1 ? "term is" : "terms are") still in the record. (Without the journal, jargon that was translated cannot be counted.)",
                             value: nil, details: terms.map { "still there: \"\($0)\"" }, explanation: explanation, ideal: idealText,
                             meetsIdeal: terms.isEmpty ? true : nil, shortfall: 0, advice: "")
        }
        let tally = trail.tally(in: session.record, glossary: glossary)
        let counted = tally.caught.count + tally.missed.count
        var details = tally.missed.map { sighting in
            "missed: \"\(sighting.term)\" in \(sighting.item)" + (glossary.entries.first { $0.term == sighting.term }.map { " (try \"\($0.plain[0])\")" } ?? "")
        }
        details += tally.caught.map { "caught: \"\($0.term)\" in \($0.item)" }
        if !tally.gone.isEmpty { details.append("\(tally.gone.count) more in text that was deleted (not counted)") }
        guard counted > 0 else {
            return Indicator(kind: .jargon, title: "Jargon", figure: "No jargon appeared.", value: nil, details: details, explanation: explanation,
                             ideal: idealText, meetsIdeal: nil, shortfall: 0, advice: "")
        }
        let share = Double(tally.caught.count) / Double(counted)
        let meets = share + 1e-9 >= ideal.jargonCaughtAtLeast
        let example = tally.missed.first.map { sighting in glossary.entries.first { $0.term == sighting.term }.map { "\"\(sighting.term)\" → \"\($0.plain[0])\"" } ?? "\"\(sighting.term)\"" } ?? "the jargon"
        return Indicator(kind: .jargon, title: "Jargon",
                         figure: "\(tally.caught.count) of \(counted) jargon terms were translated (\(percent(share))); \(tally.missed.count) \(tally.missed.count == 1 ? "was" : "were") missed.",
                         value: share, details: details, explanation: explanation, ideal: idealText, meetsIdeal: meets,
                         shortfall: meets ? 0 : min(1, (ideal.jargonCaughtAtLeast - share) / max(0.01, ideal.jargonCaughtAtLeast)),
                         advice: "Watch the console's jargon warnings and ask the speaker what they mean, then write their plain words: for example \(example).")
    }

    // MARK: - Time

    static func timeBoxes(_ session: Session, _ ideal: ScenarioIdeal, _ now: Date) -> Indicator {
        var boxes: [(name: String, seconds: TimeInterval, limit: TimeInterval)] = []
        let visited = Set(session.visits.map(\.step))
        for entry in session.template.stages where entry.stage != .close {
            let limit = TimeInterval(entry.minutes * 60)
            if entry.stage == .principles {
                for principle in PrincipleID.allCases where visited.contains(where: { $0.principle == principle }) {
                    let seconds = session.visits.filter { $0.step.principle == principle }.reduce(0) { $0 + max(0, ($1.leftAt ?? now).timeIntervalSince($1.enteredAt)) }
                    boxes.append((principle.displayName, seconds, limit))
                }
            } else if visited.contains(where: { $0.stage == entry.stage }) {
                boxes.append((entry.stage.title, session.seconds(in: entry.stage, now: now), limit))
            }
        }
        let kept = boxes.filter { $0.seconds <= $0.limit }
        let details = boxes.map { box in
            "\(box.name): \(duration(box.seconds)) of \(duration(box.limit))" + (box.seconds > box.limit ? " (over by \(duration(box.seconds - box.limit)))" : "")
        }
        let explanation = "Keeping to time is a promise to the group: people plan their day, their breaks and their energy around it. The close is not timed."
        let idealText = "at least \(percent(ideal.timeBoxesKeptAtLeast)) of the time-boxes kept"
        guard !boxes.isEmpty else {
            return Indicator(kind: .timeBoxes, title: "Time-boxes kept", figure: "No stage was timed.", value: nil, details: [], explanation: explanation, ideal: idealText, meetsIdeal: nil, shortfall: 0, advice: "")
        }
        let share = Double(kept.count) / Double(boxes.count)
        let meets = share + 1e-9 >= ideal.timeBoxesKeptAtLeast
        let worst = boxes.max { ($0.seconds - $0.limit) < ($1.seconds - $1.limit) }!
        return Indicator(kind: .timeBoxes, title: "Time-boxes kept", figure: "\(kept.count) of \(boxes.count) time-boxes were kept (\(percent(share))).",
                         value: share, details: details, explanation: explanation, ideal: idealText, meetsIdeal: meets,
                         shortfall: meets ? 0 : min(1, (ideal.timeBoxesKeptAtLeast - share) / max(0.01, ideal.timeBoxesKeptAtLeast)),
                         advice: "Watch the timer, especially in \(worst.name): give a few minutes' warning, and when time is up, park what is left and move on.")
    }

    // MARK: - Decisions

    static func consensus(_ session: Session, _ ideal: ScenarioIdeal) -> Indicator {
        let record = session.record
        let value: Double
        let figure: String
        var details: [String] = ["\(record.goalDrafts.count) goal \(record.goalDrafts.count == 1 ? "wording was" : "wordings were") put forward"]
        if let agreed = record.agreedGoal {
            if let reason = agreed.overrideReason {
                value = 0.5
                let against = record.draft(agreed.draft).map { $0.responses.filter { $0.value == .disagree }.map { record.name(of: $0.key) }.sorted() } ?? []
                figure = "The goal was agreed although \(against.isEmpty ? "someone" : SessionReducer.listed(against)) disagreed (override: \"\(reason)\")."
            } else {
                value = 1
                figure = "The goal was agreed with nobody disagreeing."
            }
            details.append("agreed: \"\(agreed.text)\"")
        } else {
            value = 0
            figure = "The group did not agree a goal."
        }
        let meets = ideal.consensusWithoutOverride ? value == 1 : value >= 0.5
        return Indicator(kind: .consensus, title: "Consensus on the goal", figure: figure, value: value, details: details,
                         explanation: "A goal everyone can at least live with is one everyone will work towards. Overriding a disagreement can be right, but it is a cost.",
                         ideal: ideal.consensusWithoutOverride ? "agreed with nobody disagreeing" : "agreed, even with an override", meetsIdeal: meets,
                         shortfall: meets ? 0 : 1 - value,
                         advice: "When someone disagrees, ask what would make the wording work for them, and change the words together (make it concrete: who, what, where) before checking again.")
    }

    static func principlesWithEvidence(_ session: Session, _ ideal: ScenarioIdeal) -> Indicator {
        let scores = PrincipleID.allCases.map { session.record.score(for: $0) }
        let done = scores.filter { $0.isAgreed && !$0.evidence.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        let share = Double(done.count) / Double(scores.count)
        let meets = share + 1e-9 >= ideal.principlesWithEvidenceAtLeast
        let details = scores.map { score -> String in
            let stage = score.agreedStage.map { "stage \($0)" } ?? "no stage"
            let rag = score.rag?.word ?? "no RAG"
            let evidence = score.evidence.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? "no evidence" : "evidence written"
            return "\(score.principle.displayName): \(stage), \(rag), \(evidence) (\(score.scores.count) scored)"
        }
        let missing = scores.filter { !done.contains($0) }.map(\.principle.displayName)
        return Indicator(kind: .principlesWithEvidence, title: "Principles scored with evidence",
                         figure: "\(done.count) of \(scores.count) principles have an agreed stage, a RED/AMBER/GREEN score and evidence (\(percent(share))).",
                         value: share, details: details,
                         explanation: "A score means little without what people are doing or saying that shows it. Evidence is what lets the group check progress next time.",
                         ideal: "at least \(percent(ideal.principlesWithEvidenceAtLeast)) with evidence", meetsIdeal: meets,
                         shortfall: meets ? 0 : min(1, (ideal.principlesWithEvidenceAtLeast - share) / max(0.01, ideal.principlesWithEvidenceAtLeast)),
                         advice: "Before agreeing a score for \(missing.isEmpty ? "each principle" : SessionReducer.listed(missing)), ask \"What have you seen or heard that shows it?\" and write the answer down.")
    }

    // MARK: - Actions

    static func isComplete(_ action: Action) -> Bool {
        !action.what.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && !action.who.isEmpty && action.when != nil
            && !action.how.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }

    static func actionsComplete(_ session: Session, _ ideal: ScenarioIdeal) -> Indicator {
        let actions = session.record.actions
        let complete = actions.filter(isComplete)
        let explanation = "An action with a what, a who, a when and a how is one that happens. Leave one out and it quietly drifts."
        let idealText = "at least \(percent(ideal.actionsCompleteAtLeast)) complete"
        guard !actions.isEmpty else {
            return Indicator(kind: .actionsComplete, title: "Actions complete", figure: "No actions were planned.", value: 0, details: [], explanation: explanation,
                             ideal: idealText, meetsIdeal: false, shortfall: 1, advice: "Leave time for the action plan: every chosen idea needs at least one small action with a what, who, when and how.")
        }
        let share = Double(complete.count) / Double(actions.count)
        let meets = share + 1e-9 >= ideal.actionsCompleteAtLeast
        let details = actions.filter { !isComplete($0) }.map { action -> String in
            var missing: [String] = []
            if action.what.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { missing.append("what") }
            if action.who.isEmpty { missing.append("who") }
            if action.when == nil { missing.append("when") }
            if action.how.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { missing.append("how") }
            return "\"\(action.what)\" has no \(SessionReducer.listed(missing))"
        }
        return Indicator(kind: .actionsComplete, title: "Actions complete", figure: "\(complete.count) of \(actions.count) actions say what, who, when and how (\(percent(share))).",
                         value: share, details: details, explanation: explanation, ideal: idealText, meetsIdeal: meets,
                         shortfall: meets ? 0 : min(1, (ideal.actionsCompleteAtLeast - share) / max(0.01, ideal.actionsCompleteAtLeast)),
                         advice: "For each action, ask the four questions out loud, what, who, when and how, and do not move on until all four are written.")
    }

    static func actionsInsideWindow(_ session: Session, _ ideal: ScenarioIdeal) -> Indicator {
        let actions = session.record.actions
        let start = Day(session.createdAt)
        let window = session.template.smallMovementDays
        let inside = actions.filter { $0.when != nil && !$0.isBeyond(windowDays: window, from: start) }
        let explanation = "Small purposeful movements are small changes made soon. A far-off date is a sign the action is too big, or will not happen."
        let idealText = "at least \(percent(ideal.actionsInsideWindowAtLeast)) due within \(window) days"
        guard !actions.isEmpty else {
            return Indicator(kind: .actionsInsideWindow, title: "Actions inside the small-movement window", figure: "No actions were planned.", value: nil, details: [],
                             explanation: explanation, ideal: idealText, meetsIdeal: nil, shortfall: 0, advice: "")
        }
        let share = Double(inside.count) / Double(actions.count)
        let meets = share + 1e-9 >= ideal.actionsInsideWindowAtLeast
        let late = actions.filter { !inside.contains($0) }
        let details = late.map { action in "\"\(action.what)\": " + (action.when.map { "due \($0), \(start.days(until: $0)) days away" } ?? "no date") }
        return Indicator(kind: .actionsInsideWindow, title: "Actions inside the small-movement window",
                         figure: "\(inside.count) of \(actions.count) actions are due within \(window) days (\(percent(share))).",
                         value: share, details: details, explanation: explanation, ideal: idealText, meetsIdeal: meets,
                         shortfall: meets ? 0 : min(1, (ideal.actionsInsideWindowAtLeast - share) / max(0.01, ideal.actionsInsideWindowAtLeast)),
                         advice: "When a date is more than \(window) days away, ask \"What is the first small step, and when could that be done?\", and plan that instead.")
    }

    static func ownerSpread(_ session: Session, _ ideal: ScenarioIdeal) -> Indicator {
        let record = session.record
        let actions = record.actions
        let present = record.present
        let explanation = "Nobody does it alone, and nobody should do it all. Actions spread across the group share the load and the ownership."
        let idealText = "nobody on more than \(percent(ideal.ownerShareAtMost)) of the actions"
        guard !actions.isEmpty else {
            return Indicator(kind: .ownerSpread, title: "Spread of action owners", figure: "No actions were planned.", value: nil, details: [], explanation: explanation,
                             ideal: idealText, meetsIdeal: nil, shortfall: 0, advice: "")
        }
        let owners = record.participants.filter { person in actions.contains { $0.who.contains(person.id) } }
        var busiest: (Participant, Int)?
        for person in owners {
            let count = record.actions(for: person.id).count
            if busiest == nil || count > busiest!.1 { busiest = (person, count) }
        }
        let share = Double(busiest?.1 ?? 0) / Double(actions.count)
        let meets = share <= ideal.ownerShareAtMost + 1e-9
        let details = owners.map { person in "\(person.name): \(record.actions(for: person.id).count) of \(actions.count)" }
        let ownersPresent = owners.filter { !$0.hasLeft }.count
        return Indicator(kind: .ownerSpread, title: "Spread of action owners",
                         figure: "\(ownersPresent) of \(present.count) people own an action; the busiest, \(busiest?.0.name ?? "nobody"), is on \(busiest?.1 ?? 0) of \(actions.count) (\(percent(share))).",
                         value: share, details: details, explanation: explanation, ideal: idealText, meetsIdeal: meets,
                         shortfall: meets ? 0 : min(1, (share - ideal.ownerShareAtMost) / max(0.01, 1 - ideal.ownerShareAtMost)),
                         advice: "When \(busiest?.0.name ?? "one person") offers again, thank them and ask who else could do it with them or instead.")
    }

    // MARK: - Words for figures

    /// "35%", rounded to a whole percent.
    public static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    /// "7 min 40 s", "45 s", "1 h 5 min".
    public static func duration(_ seconds: TimeInterval) -> String {
        let total = Int(seconds.rounded())
        if total < 60 { return "\(total) s" }
        if total < 3600 { return total % 60 == 0 ? "\(total / 60) min" : "\(total / 60) min \(total % 60) s" }
        let minutes = (total % 3600) / 60
        return minutes == 0 ? "\(total / 3600) h" : "\(total / 3600) h \(minutes) min"
    }
}
