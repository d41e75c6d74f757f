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
    public static func measure(_ session: Session, scenario: Scenario? = nil, log: PracticeLog? = nil, glossary: Glossary, now: Date, seed: UInt64? = nil) -> Debrief {
        let ideal = scenario?.ideal ?? .standard
        let template = session.template
        let practiceLog = scenario != nil ? log : nil
        var indicators: [Indicator] = []
        if template.includes(.storytelling) {
            indicators.append(stickOffered(session))
            if let quiet = quietVoicesInvited(session, scenario, log, ideal) { indicators.append(quiet) }
            if let practiceLog { indicators.append(interruptions(session, practiceLog, ideal)) }
            indicators.append(voiceShare(session, ideal, now))
            if let practiceLog { indicators.append(consentAsked(session, practiceLog)) }
        }
        indicators.append(jargon(session, log, glossary, ideal))
        if template.includes(.principles) { indicators.append(explainedFirst(session)) }
        indicators.append(timeBoxes(session, ideal, now))
        if template.includes(.goal) { indicators.append(consensus(session, ideal)) }
        if template.includes(.principles) {
            indicators.append(stagesHeard(session, scenario, practiceLog))
            indicators.append(principlesWithEvidence(session, ideal))
            indicators.append(plainEvidence(session, glossary))
        }
        if template.includes(.actions) {
            indicators.append(actionsComplete(session, ideal))
            indicators.append(actionsInsideWindow(session, ideal))
        }
        if let practiceLog { indicators.append(refusalsHeeded(session, practiceLog)) }
        if template.includes(.actions) {
            indicators.append(sharedActions(session))
            indicators.append(ownerSpread(session, ideal))
        }

        let order = IndicatorKind.allCases
        let worst = indicators.filter { $0.meetsIdeal == false }.sorted {
            $0.shortfall != $1.shortfall ? $0.shortfall > $1.shortfall : order.firstIndex(of: $0.kind)! < order.firstIndex(of: $1.kind)!
        }
        return Debrief(sessionID: session.id, sessionTitle: session.title, isPractice: session.isPractice, scenarioTitle: scenario?.title,
                       seed: seed, measuredAt: now, indicators: indicators, nextTime: worst.prefix(3).map(\.advice))
    }

    // MARK: - Voices

    /// The people who were in the room for the round: still here, or had the stick before leaving.
    static func roundPeople(_ session: Session) -> [Participant] {
        session.record.participants.filter { !$0.hasLeft || session.record.round.hasHadTurn($0.id) }
    }

    static func stickOffered(_ session: Session) -> Indicator {
        let round = session.record.round
        let people = roundPeople(session)
        let explanation = "Everyone is owed an invitation to speak, by name: the quietest most of all, and the person who talks most too, so nobody is left out or left to take the stick for themselves."
        let idealText = "everyone offered the stick by name"
        guard !people.isEmpty else {
            return Indicator(kind: .stickOffered, title: "Stick offered by name", figure: "Nobody was in the round.", value: nil, details: [],
                             explanation: explanation, ideal: idealText, meetsIdeal: nil, shortfall: 0, advice: "")
        }
        let offered = people.filter { person in round.turns.contains { $0.participant == person.id && $0.invited } }
        let missing = people.filter { !offered.contains($0) }
        let details = people.map { person -> String in
            if offered.contains(person) { return "\(person.name): offered the stick by name" }
            if round.hasHadTurn(person.id) { return "\(person.name): had the stick but was never offered it by name" }
            return "\(person.name): never had the stick"
        }
        let share = Double(offered.count) / Double(people.count)
        let names = SessionReducer.listed(missing.map(\.name))
        let figure = missing.isEmpty ? "All \(people.count) people were offered the stick by name."
            : offered.isEmpty ? "Nobody was offered the stick by name."
            : "\(offered.count) of \(people.count) people were offered the stick by name; not \(names)."
        return Indicator(kind: .stickOffered, title: "Stick offered by name", figure: figure, value: share, details: details,
                         explanation: explanation, ideal: idealText, meetsIdeal: missing.isEmpty, shortfall: missing.isEmpty ? 0 : 1 - share,
                         advice: offered.isEmpty ? "Offer the stick to each person by name (i on their name) rather than passing it round, and make it easy to pass."
                            : "Offer the stick to every person by name, \(names) too (i on their name), and make it easy to pass.")
    }

    /// The parts of a room, by the perspective people chose to say they bring.
    public enum RoomPart: String, CaseIterable, Sendable {
        case servicesAndCarers, workers, others

        public init(_ perspective: Perspective?) {
            switch perspective {
            case .lived?, .carer?: self = .servicesAndCarers
            case .frontline?, .manager?, .commissioner?: self = .workers
            default: self = .others
            }
        }

        public var words: String {
            switch self {
            case .servicesAndCarers: return "people who use services and carers"
            case .workers: return "people who work in services"
            case .others: return "others (no perspective or another one)"
            }
        }
    }

    /// Each part of the room should have at least this share of its fair share of the talking
    /// (its share of the people). Why a half: docs/practice-scenarios.md.
    public static let voiceBandFactor = 0.5

    static func voiceShare(_ session: Session, _ ideal: ScenarioIdeal, _ now: Date) -> Indicator {
        let round = session.record.round
        let people = roundPeople(session)
        let seconds = Dictionary(uniqueKeysWithValues: people.map { ($0.id, round.speakingSeconds(for: $0.id, upTo: now)) })
        let total = seconds.values.reduce(0, +)
        var details = people.map { person -> String in
            let turns = round.turnCount(for: person.id), passes = round.passCount(for: person.id)
            let share = total > 0 ? seconds[person.id]! / total : 0
            return "\(person.name): \(turns) \(turns == 1 ? "turn" : "turns")\(passes > 0 ? ", passed \(passes)" : ""), \(duration(seconds[person.id]!)) (\(percent(share)) of the talking)"
        }
        let parts = RoomPart.allCases.compactMap { part -> (part: RoomPart, people: Int, room: Double, talk: Double)? in
            let members = people.filter { RoomPart($0.perspective) == part }
            guard !members.isEmpty else { return nil }
            let talk = total > 0 ? members.reduce(0) { $0 + seconds[$1.id]! } / total : 0
            return (part, members.count, Double(members.count) / Double(people.count), talk)
        }
        let explanation = "Power shows in who gets heard. Stories differ in length, so the band is wide: each part of the room should have at least half its share of the talking, never a fixed number."
        let idealText = "each part of the room at least half its share of the talking"
        guard total > 0, parts.count >= 2 else {
            return Indicator(kind: .voiceShare, title: "Voices by perspective", figure: total > 0 ? "Everyone in the round was from one part of the room." : "Nobody spoke in the story round.",
                             value: nil, details: details, explanation: explanation, ideal: idealText, meetsIdeal: nil, shortfall: 0, advice: "")
        }
        details = parts.map { "\($0.part.words): \(percent($0.talk)) of the talking, \($0.people) of \(people.count) people (band: at least \(percent($0.room * voiceBandFactor)))" } + details
        if let loudest = people.max(by: { seconds[$0.id]! < seconds[$1.id]! }) {
            details.append("the longest talker, \(loudest.name), had \(percent(seconds[loudest.id]! / total)) (a guide of \(percent(ideal.loudestVoiceShareAtMost)); not judged alone, as one long story can do this)")
        }
        let below = parts.filter { $0.talk + 1e-9 < $0.room * voiceBandFactor }
        let worst = below.max { ($0.room * voiceBandFactor - $0.talk) / ($0.room * voiceBandFactor) < ($1.room * voiceBandFactor - $1.talk) / ($1.room * voiceBandFactor) }
        let figure: String
        if let worst {
            figure = "\(worst.part.words.prefix(1).uppercased() + worst.part.words.dropFirst()) had \(percent(worst.talk)) of the talking, below the band for \(worst.people) of \(people.count) people (at least \(percent(worst.room * voiceBandFactor)))."
        } else {
            figure = "Each part of the room had at least half its share of the talking: " + parts.map { "\($0.part.words) \(percent($0.talk)) (\($0.people) of \(people.count))" }.joined(separator: ", ") + "."
        }
        let shortfall = worst.map { min(1, ($0.room * voiceBandFactor - $0.talk) / ($0.room * voiceBandFactor)) } ?? 0
        // The headline number: the share of talking of the part furthest from its band (or the people who use services and carers).
        let shown = worst ?? parts.first { $0.part == .servicesAndCarers } ?? parts[0]
        return Indicator(kind: .voiceShare, title: "Voices by perspective", figure: figure, value: shown.talk, details: details,
                         explanation: explanation, ideal: idealText, meetsIdeal: worst == nil, shortfall: shortfall,
                         advice: "Hand the stick by name to \(worst?.part.words ?? "the quieter part of the room") early, and when a turn runs long, thank the speaker and move on, so every part of the room is heard about as much as it is there.")
    }

    static func interruptions(_ session: Session, _ log: PracticeLog, _ ideal: ScenarioIdeal) -> Indicator {
        let record = session.record
        let count = log.interruptions.count
        let details = log.interruptions.map { cut in
            "\(record.name(of: cut.participant)) took the stick without being given it" + (cut.after.map { " after \(record.name(of: $0))'s turn" } ?? "")
        }
        let meets = count <= ideal.interruptionsAtMost
        let cutters = record.participants.filter { person in log.interruptions.contains { $0.participant == person.id } }.map(\.name)
        let names = SessionReducer.listed(cutters)
        let figure: String
        if count == 0 {
            figure = "Nobody took the stick without being given it."
        } else {
            figure = "\(names) cut in \(count) \(count == 1 ? "time" : "times"), so the next person did not get their turn."
        }
        return Indicator(kind: .interruptions, title: "Talked over", figure: figure, value: Double(count), details: details,
                         explanation: "A turn taken over someone else's is a turn someone quieter does not get. Naming who speaks next stops it before it starts.",
                         ideal: "at most \(ideal.interruptionsAtMost)", meetsIdeal: meets,
                         shortfall: meets ? 0 : min(1, Double(count - ideal.interruptionsAtMost) / 3),
                         advice: "When \(names.isEmpty ? "someone" : names) cuts in, thank them and hand the stick on by name: \"Thanks. I'd like to hear from someone who hasn't spoken yet.\"")
    }

    static func consentAsked(_ session: Session, _ log: PracticeLog) -> Indicator {
        let record = session.record
        let stories = log.consent.filter { ask in record.stories.contains { $0.id == ask.story } }
        let explanation = "A story belongs to the person who told it. Only they can say whether it is shared, kept in the group's notes, or stays in the room, so ask every teller."
        let idealText = "every teller asked"
        guard !stories.isEmpty else {
            return Indicator(kind: .consentAsked, title: "Consent asked", figure: "No stories were told.", value: nil, details: [],
                             explanation: explanation, ideal: idealText, meetsIdeal: nil, shortfall: 0, advice: "")
        }
        let asked = stories.filter(\.asked)
        let details = stories.map { ask -> String in
            let title = record.stories.first { $0.id == ask.story }?.title ?? ask.story
            return "\(record.name(of: ask.teller)), “\(title)”: \(ask.asked ? "asked" : "not asked")"
        }
        let share = Double(asked.count) / Double(stories.count)
        let missing = stories.filter { !$0.asked }.map { record.name(of: $0.teller) }
        return Indicator(kind: .consentAsked, title: "Consent asked", figure: "Tellers were asked what may happen to \(asked.count) of \(stories.count) \(stories.count == 1 ? "story" : "stories").",
                         value: share, details: details, explanation: explanation, ideal: idealText, meetsIdeal: asked.count == stories.count,
                         shortfall: 1 - share,
                         advice: "After each story, ask the teller whether it may be shared, kept in the group's notes, or stays in the room (c on the story), and write down their answer: \(SessionReducer.listed(Array(Set(missing)).sorted())) \(Set(missing).count == 1 ? "was" : "were") not asked.")
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

    /// A principle explained for less than this before people score it was rushed.
    public static let explainSecondsAtLeast: TimeInterval = 60

    static func explainedFirst(_ session: Session) -> Indicator {
        let explanation = "People can only score what they understand. Reading out the principle and its four stages, and checking it makes sense, takes at least a minute."
        let idealText = "every principle explained for at least \(duration(explainSecondsAtLeast)) before scoring"
        var rows: [(PrincipleID, TimeInterval)] = []
        for principle in PrincipleID.allCases {
            guard let firstScore = session.visits.first(where: { $0.step.principle == principle && $0.step.phase == .score }) else { continue }
            let explained = session.visits.filter { $0.step.principle == principle && $0.step.phase == .explain && $0.enteredAt <= firstScore.enteredAt }
                .reduce(0.0) { $0 + max(0, ($1.leftAt ?? firstScore.enteredAt).timeIntervalSince($1.enteredAt)) }
            rows.append((principle, explained))
        }
        guard !rows.isEmpty else {
            return Indicator(kind: .explainedFirst, title: "Explained before scoring", figure: "No principle was scored.", value: nil, details: [],
                             explanation: explanation, ideal: idealText, meetsIdeal: nil, shortfall: 0, advice: "")
        }
        let rushed = rows.filter { $0.1 < explainSecondsAtLeast }
        let share = Double(rows.count - rushed.count) / Double(rows.count)
        let names = SessionReducer.listed(rushed.map(\.0.displayName))
        return Indicator(kind: .explainedFirst, title: "Explained before scoring",
                         figure: "\(rows.count - rushed.count) of \(rows.count) principles were explained for at least a minute before people scored them.",
                         value: share, details: rows.map { "\($0.0.displayName): explained for \(duration($0.1))" },
                         explanation: explanation, ideal: idealText, meetsIdeal: rushed.isEmpty, shortfall: 1 - share,
                         advice: "Before anyone scores \(rushed.isEmpty ? "a principle" : names), read it out with its four stages and ask \"Does that make sense? What would stage 1 look like here?\"")
    }

    /// Whether some evidence carries the voice of a person: it names them, or (in practice) repeats
    /// at least three words in a row of what they said.
    static func carriesVoice(of person: Participant, said: String?, in evidence: String) -> Bool {
        if TextMatch.contains(phrase: person.name, in: evidence) { return true }
        guard let said else { return false }
        let words = said.lowercased().split { !$0.isLetter && !$0.isNumber && $0 != "'" }.map(String.init)
        guard words.count >= 3 else { return false }
        for start in 0...(words.count - 3) where TextMatch.contains(phrase: words[start..<(start + 3)].joined(separator: " "), in: evidence) { return true }
        return false
    }

    static func stagesHeard(_ session: Session, _ scenario: Scenario?, _ log: PracticeLog?) -> Indicator {
        let record = session.record
        let explanation = "Agreeing a higher stage than the people who use services and carers placed, without their words in the evidence, lets the people with most power mark their own work."
        let idealText = "no agreed stage above theirs without their voice in the evidence"
        var measured = 0
        var flagged: [(PrincipleScore, ClosedRange<Int>)] = []
        var details: [String] = []
        for score in record.principles {
            guard let agreed = score.agreedStage else { continue }
            let voices = score.scores.compactMap { id, stage -> (Participant, Int)? in
                guard let person = record.participant(id), RoomPart(person.perspective) == .servicesAndCarers else { return nil }
                return (person, stage)
            }
            guard let low = voices.map(\.1).min(), let high = voices.map(\.1).max() else { continue }
            measured += 1
            let heard = voices.contains { person, _ in
                let said = log.flatMap { log in log.participantIDs.first { $0.value == person.id }.flatMap { scenario?.persona($0.key)?.view(of: score.principle)?.evidence } }
                return carriesVoice(of: person, said: said, in: score.evidence)
            }
            let range = low...high
            let spread = low == high ? "\(low)" : "\(low)–\(high)"
            if agreed > high && !heard {
                flagged.append((score, range))
                details.append("\(score.principle.displayName): agreed stage \(agreed); they placed \(spread); their voice is not in the evidence")
            } else {
                details.append("\(score.principle.displayName): agreed stage \(agreed); they placed \(spread)" + (agreed > high ? "; their words are in the evidence" : ""))
            }
        }
        guard measured > 0 else {
            return Indicator(kind: .stagesHeard, title: "Stages they would recognise", figure: "No principle was agreed with scores from people who use services or carers.",
                             value: nil, details: details, explanation: explanation, ideal: idealText, meetsIdeal: nil, shortfall: 0, advice: "")
        }
        let figure: String
        if let (first, range) = flagged.first {
            let spread = range.count == 1 ? "\(range.lowerBound)" : "\(range.lowerBound)–\(range.upperBound)"
            figure = "\(first.principle.displayName) was agreed at stage \(first.agreedStage!), above the \(spread) that people who use services and carers placed, and the evidence does not say what they see"
                + (flagged.count > 1 ? " (and \(flagged.count - 1) more)." : ".")
        } else {
            figure = "No agreed stage was above what people who use services and carers placed without their voice in the evidence."
        }
        return Indicator(kind: .stagesHeard, title: "Stages they would recognise", figure: figure, value: Double(flagged.count), details: details,
                         explanation: explanation, ideal: idealText, meetsIdeal: flagged.isEmpty, shortfall: min(1, Double(flagged.count) / 2),
                         advice: "When the stage the group is agreeing is above what people who use services and carers placed, ask them what they see, and write their words into the evidence, or agree the stage they would recognise.")
    }

    static func plainEvidence(_ session: Session, _ glossary: Glossary) -> Indicator {
        let written = session.record.principles.filter { !$0.evidence.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        let explanation = "Evidence is for the whole group to check next time. Written in service words, it shuts out the people it is about."
        let idealText = "all evidence in plain words"
        guard !written.isEmpty else {
            return Indicator(kind: .plainEvidence, title: "Evidence in plain words", figure: "No evidence was written.", value: nil, details: [],
                             explanation: explanation, ideal: idealText, meetsIdeal: nil, shortfall: 0, advice: "")
        }
        let withJargon = written.compactMap { score -> (PrincipleScore, [GlossaryEntry])? in
            var entries: [GlossaryEntry] = []
            for match in glossary.matches(in: score.evidence) where !entries.contains(match.entry) { entries.append(match.entry) }
            return entries.isEmpty ? nil : (score, entries)
        }
        let share = Double(written.count - withJargon.count) / Double(written.count)
        let details = withJargon.map { score, entries in
            "\(score.principle.displayName): " + entries.map { "“\($0.term)” (try “\($0.plain[0])”)" }.joined(separator: ", ")
        }
        let example = withJargon.first.map { "“\($0.1[0].term)” → “\($0.1[0].plain[0])”" } ?? ""
        return Indicator(kind: .plainEvidence, title: "Evidence in plain words",
                         figure: withJargon.isEmpty ? (written.count == 1 ? "The evidence is in plain words." : "All \(written.count) pieces of evidence are in plain words.") : "\(written.count - withJargon.count) of \(written.count) pieces of evidence are in plain words; \(withJargon.count) \(withJargon.count == 1 ? "has" : "have") jargon.",
                         value: share, details: details, explanation: explanation, ideal: idealText, meetsIdeal: withJargon.isEmpty, shortfall: 1 - share,
                         advice: "Write evidence in the words people used: what someone did or said, not service terms (\(example)).")
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

    static func refusalsHeeded(_ session: Session, _ log: PracticeLog) -> Indicator {
        let record = session.record
        var details: [String] = []
        var ignored = 0
        for refusal in log.refusals {
            let action = record.actions.first { $0.id == refusal.action }
            let still = action?.who.contains(refusal.participant) == true
            if still { ignored += 1 }
            details.append("\(refusal.words) (“\(action?.what ?? "an action since deleted")”): " + (still ? "still on it" : "taken off it"))
        }
        for ask in log.consent {
            guard let story = record.stories.first(where: { $0.id == ask.story }), PracticeSimulator.openness(story.consent) > PracticeSimulator.openness(ask.wish) else { continue }
            ignored += 1
            details.append("\(record.name(of: ask.teller)) wanted “\(story.title)” \(ask.wish == .roomOnly ? "to stay in the room" : "kept in the group"), and it is marked to be shared more widely")
        }
        let measured = log.refusals.count + log.consent.filter { ask in record.stories.contains { $0.id == ask.story } }.count
        let explanation = "A no is an answer. Someone who says they cannot take something on, or that their story stays in the room, must be heard, or they learn that saying no changes nothing."
        let idealText = "every no heeded"
        guard measured > 0 else {
            return Indicator(kind: .refusalsHeeded, title: "Refusals heeded", figure: "Nobody had anything to say no to.", value: nil, details: [],
                             explanation: explanation, ideal: idealText, meetsIdeal: nil, shortfall: 0, advice: "")
        }
        let figure: String
        if ignored > 0 {
            figure = "\(ignored) \(ignored == 1 ? "no was" : "noes were") not heeded."
        } else if log.refusals.isEmpty {
            figure = "Nobody said no to an action, and every story is kept as its teller wants."
        } else {
            figure = "Every no was heeded."
        }
        return Indicator(kind: .refusalsHeeded, title: "Refusals heeded", figure: figure, value: Double(ignored), details: details,
                         explanation: explanation, ideal: idealText, meetsIdeal: ignored == 0, shortfall: min(1, Double(ignored) / 2),
                         advice: "When someone says no, thank them and take them off (edit the action and find someone else), and keep a story as its teller asked.")
    }

    static func sharedActions(_ session: Session) -> Indicator {
        let actions = session.record.actions
        let explanation = "Nobody does it alone: an action two people share survives one of them having a bad week, and nobody carries the group's promise by themselves."
        let idealText = "every action shared by two or more"
        guard !actions.isEmpty else {
            return Indicator(kind: .sharedActions, title: "Shared actions", figure: "No actions were planned.", value: nil, details: [],
                             explanation: explanation, ideal: idealText, meetsIdeal: nil, shortfall: 0, advice: "")
        }
        let alone = actions.filter { $0.who.count < 2 }
        let share = Double(actions.count - alone.count) / Double(actions.count)
        let details = alone.map { action in "“\(action.what)”: " + (action.who.first.map { "only \(session.record.name(of: $0))" } ?? "nobody") }
        return Indicator(kind: .sharedActions, title: "Shared actions",
                         figure: alone.isEmpty ? "All \(actions.count) actions have two or more people on them." : "\(alone.count) of \(actions.count) actions \(alone.count == 1 ? "is" : "are") left to one person\(alone.contains { $0.who.isEmpty } ? " or nobody" : "").",
                         value: share, details: details, explanation: explanation, ideal: idealText, meetsIdeal: alone.isEmpty, shortfall: 1 - share,
                         advice: "For each action, ask \"Who will do this with you?\", so nobody is left to do it alone.")
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
