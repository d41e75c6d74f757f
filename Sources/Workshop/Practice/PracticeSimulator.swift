import Foundation

/// The simulated group of a practice run: personas who answer what the trainee does
/// with the same `SessionEvent`s a real room would produce.
///
/// Deterministic: the same scenario, seed and trainee events (with their moments) give the
/// same replies, byte for byte. There is no clock and no global state inside; every moment
/// is passed in, and randomness comes from the simulator's own `SplitMix64`.
///
/// ## How the console uses it
///
/// ```swift
/// var simulator = PracticeSimulator(scenario: scenario, seed: 7, glossary: content.glossary)
/// var session = PracticeSimulator.newSession(for: scenario, template: template, id: id, at: clock.now())
/// apply(simulator.start(in: session, at: clock.now()))          // adds the personas
///
/// // after every event the TRAINEE makes (and the console has applied):
/// apply(simulator.react(to: event, in: session, at: moment))
///
/// // when the trainee asks someone by name outside the round (goal, evidence, ideas):
/// apply(simulator.invite(participant, in: session, at: clock.now()))
/// // when the trainee runs the consensus check on a wording:
/// apply(simulator.consensusCheck(on: draftID, in: session, at: clock.now()))
/// ```
///
/// `apply(reply)` means: for each `reply.events` in order, check, journal and apply it at its
/// `at` exactly as a typed change, and move the practice clock (a `ManualClock`) to that moment;
/// show `reply.remarks` to the trainee. Do not call `react` for the simulator's own events: a
/// reply already contains the group's reactions to itself (an interruption after a turn, say).
/// `session` is always the session *after* the trainee's event has been applied.
///
/// At the end, `FacilitationIndicators.measure(session, scenario: scenario, log: simulator.log, now:)`
/// gives the debrief.
public struct PracticeSimulator: Sendable {
    public let scenario: Scenario
    public let seed: UInt64
    public let glossary: Glossary
    /// What happened that the record cannot show; the debrief reads it.
    public private(set) var log = PracticeLog()

    /// A dominant persona takes at most this many turns they were not given.
    public static let interruptionLimit = 3

    private var random: SplitMix64
    private var storiesTold: [String: Int] = [:]
    private var suggestionsMade: [String: Int] = [:]
    private var ideasOffered: Set<String> = []
    private var ideaIDs: [String: IdeaID] = [:]
    private var evidenceGiven: Set<String> = []
    private var interruptionsBy: [String: Int] = [:]
    /// "action/participant" pairs already answered, so editing an action does not ask again.
    private var actionsAnswered: Set<String> = []

    public init(scenario: Scenario, seed: UInt64, glossary: Glossary) {
        self.scenario = scenario
        self.seed = seed
        self.glossary = glossary
        random = SplitMix64(seed: seed)
    }

    /// Everything the simulator remembers between calls, as a plain value to save next to the
    /// session (for example `practice.json`) so a practice run can be resumed exactly.
    public var state: PracticeState {
        PracticeState(seed: seed, random: random, log: log, storiesTold: storiesTold, suggestionsMade: suggestionsMade,
                      ideasOffered: ideasOffered.sorted(), ideaIDs: ideaIDs, evidenceGiven: evidenceGiven.sorted(), interruptionsBy: interruptionsBy,
                      actionsAnswered: actionsAnswered.sorted())
    }

    /// A simulator carrying on from a saved state.
    public init(scenario: Scenario, glossary: Glossary, state: PracticeState) {
        self.init(scenario: scenario, seed: state.seed, glossary: glossary)
        random = state.random
        log = state.log
        storiesTold = state.storiesTold
        suggestionsMade = state.suggestionsMade
        ideasOffered = Set(state.ideasOffered)
        ideaIDs = state.ideaIDs
        evidenceGiven = Set(state.evidenceGiven)
        interruptionsBy = state.interruptionsBy
        actionsAnswered = Set(state.actionsAnswered)
    }

    /// A new, empty practice session for a scenario, marked as practice.
    public static func newSession(for scenario: Scenario, template: WorkshopTemplate, id: String, at: Date) -> Session {
        Session(id: id, title: "Practice: \(scenario.title)", group: "practice-\(scenario.name)", createdAt: at, isPractice: true, template: template)
    }

    // MARK: - Looking up

    /// The persona behind a participant, if they are one.
    public func persona(for participant: ParticipantID) -> Persona? {
        guard let key = log.participantIDs.first(where: { $0.value == participant })?.key else { return nil }
        return scenario.persona(key)
    }

    /// The participant playing a persona, once `start` has added them.
    public func participant(for persona: String) -> ParticipantID? { log.participantIDs[persona] }

    /// Personas still in the room, in the scenario's order, with their participant ids.
    private func present(in session: Session) -> [(Persona, ParticipantID)] {
        scenario.personas.compactMap { persona in
            guard let id = log.participantIDs[persona.id], let person = session.record.participant(id), !person.hasLeft else { return nil }
            return (persona, id)
        }
    }

    // MARK: - Starting

    /// Adds every persona to the session as a participant. Call once, on the welcome step.
    public mutating func start(in session: Session, at: Date) -> PracticeReply {
        var builder = Builder(session: session, time: at)
        for persona in scenario.personas where log.participantIDs[persona.id] == nil {
            let id = builder.makeID("p")
            if builder.emit(.addParticipant(Participant(id: id, name: persona.name, perspective: persona.perspective)), after: 2) {
                log.participantIDs[persona.id] = id
            }
        }
        return finish(builder)
    }

    // MARK: - Reacting

    /// The group's answer to one event the trainee made.
    /// - Parameters:
    ///   - event: what the trainee just did (already applied to `session`).
    ///   - session: the session after that event.
    ///   - at: the moment of the trainee's event; the reply's moments are at or after it.
    public mutating func react(to event: SessionEvent, in session: Session, at: Date) -> PracticeReply {
        log.jargon.note(event, glossary: glossary)
        switch event {
        case .giveStick(let to, let invited):
            guard session.step.stage == .storytelling, let persona = persona(for: to) else { return PracticeReply() }
            var builder = Builder(session: session, time: at)
            takeTurn(persona, participant: to, invited: invited, &builder)
            interruptIfUnmanaged(after: persona, participant: to, &builder)
            return finish(builder)
        case .moveTo(let step, _, _):
            return contributions(entering: step, in: session, at: at)
        case .addAction(let action), .editAction(let action):
            var reply = answer(action, in: session, at: at)
            reply.append(puzzle(over: [action.what, action.how], item: .action(action.id), in: session, at: reply.endsAt ?? at))
            return reply
        case .editStory(let story):
            return objectIfOpened(story, in: session, at: at)
        case .agreePrinciple(let principle, _, _, let evidence):
            return puzzle(over: [evidence], item: .evidence(principle), in: session, at: at)
        default:
            return PracticeReply()
        }
    }

    // MARK: - Consent

    /// The trainee asks the teller of a story what may happen to it: the teller answers, and the
    /// story's consent is set to their answer. Until asked, a told story stays in the room.
    public mutating func askConsent(_ story: StoryID, in session: Session, at: Date) -> PracticeReply {
        guard let index = log.consent.firstIndex(where: { $0.story == story }), let current = session.record.stories.first(where: { $0.id == story }),
              let persona = persona(for: log.consent[index].teller) else { return PracticeReply() }
        var builder = Builder(session: session, time: at)
        let wish = log.consent[index].wish
        log.consent[index].asked = true
        let answer: String
        switch wish {
        case .share: answer = "Yes, you can share that one outside the room."
        case .keep: answer = "Keep it in our own notes, please, but not outside the group."
        case .roomOnly: answer = "That one's just for the room today, please. Don't write it up."
        }
        builder.remark(log.consent[index].teller, .consents, "\(persona.name): \(answer)", after: 5)
        if current.consent != wish {
            var answered = current
            answered.consent = wish
            builder.emit(.editStory(answered), after: 0)
        }
        return finish(builder)
    }

    /// A trainee who records a story as more open than its teller wants hears about it.
    private mutating func objectIfOpened(_ story: Story, in session: Session, at: Date) -> PracticeReply {
        guard let ask = log.consent.first(where: { $0.story == story.id }), Self.openness(story.consent) > Self.openness(ask.wish),
              let persona = persona(for: ask.teller), session.record.participant(ask.teller)?.hasLeft == false else { return PracticeReply() }
        var builder = Builder(session: session, time: at)
        let said = ask.asked ? "I said" : "Nobody asked me, and"
        let wish = ask.wish == .roomOnly ? "that story is just for the room" : "that story stays in our group"
        builder.remark(ask.teller, .disagrees, "\(persona.name): \(said) \(wish).", after: 3)
        return finish(builder)
    }

    /// How far a consent lets a story travel: not chosen yet or room only 0, kept 1, shared 2.
    public static func openness(_ consent: Consent?) -> Int {
        switch consent {
        case nil, .roomOnly: return 0
        case .keep: return 1
        case .share: return 2
        }
    }

    // MARK: - Jargon in the trainee's words

    /// Whether a persona would stumble over service jargon: people who use services and carers
    /// who do not use it themselves.
    public func stumblesOnJargon(_ persona: Persona) -> Bool {
        (persona.perspective == .lived || persona.perspective == .carer) && !persona.has(.usesJargon)
    }

    /// The glossary terms in some text, in the order they appear, each once.
    /// (as written, so "KPIs" rather than the glossary's "kpis").
    func terms(in texts: [String]) -> [String] {
        var seen: [String] = []
        var written: [String] = []
        for text in texts {
            let characters = Array(text)
            for match in glossary.matches(in: text) where !seen.contains(match.entry.term) {
                seen.append(match.entry.term)
                written.append(String(characters[match.start..<min(match.start + match.length, characters.count)]))
            }
        }
        return written
    }

    /// Jargon in what the trainee wrote (evidence, an action): the first person present who
    /// stumbles over it asks what it means (a quiet person frowns instead).
    private mutating func puzzle(over texts: [String], item: JargonItem, in session: Session, at: Date) -> PracticeReply {
        let found = terms(in: texts)
        guard let term = found.first, let (persona, id) = present(in: session).first(where: { stumblesOnJargon($0.0) }) else { return PracticeReply() }
        var builder = Builder(session: session, time: at)
        log.jargonReactions.append(JargonReaction(participant: id, term: term, item: item, at: at))
        if persona.has(.quietUnlessInvited) {
            builder.remark(id, .puzzled, "\(persona.name) frowns at “\(term)” on the screen and says nothing.", after: 3)
        } else {
            builder.remark(id, .puzzled, "\(persona.name): Sorry, what does “\(term)” mean?", after: 3)
        }
        return finish(builder)
    }

    /// What the group offers on arriving at a step: goal wordings, scores, evidence, ideas, dots, offers to help.
    /// `react(to: .moveTo…)` calls this; call it directly only if you move steps without an event.
    public mutating func contributions(entering step: FlowStep, in session: Session, at: Date) -> PracticeReply {
        var builder = Builder(session: session, time: at)
        let people = present(in: session)
        switch step.stage {
        case .goal:
            for (persona, id) in people where !persona.has(.quietUnlessInvited) {
                let count = persona.has(.talksOverOthers) ? persona.goalSuggestions.count : min(1, persona.goalSuggestions.count)
                for _ in 0..<count { suggestGoal(persona, participant: id, &builder) }
            }
        case .principles:
            guard let principle = step.principle, let phase = step.phase else { break }
            switch phase {
            case .explain:
                break
            case .score:
                for (persona, id) in random.shuffled(people) where session.record.score(for: principle).scores[id] == nil {
                    guard let view = persona.view(of: principle) else { continue }
                    builder.emit(.score(principle: principle, participant: id, stage: view.stage), after: TimeInterval(8 + random.below(8)))
                }
            case .agree:
                for (persona, id) in people where !persona.has(.quietUnlessInvited) {
                    giveEvidence(persona, participant: id, on: principle, &builder)
                }
            }
        case .ideas:
            let speakers = people.filter { !$0.0.has(.quietUnlessInvited) }
            let rounds = speakers.map { $0.0.ideas.count }.max() ?? 0
            for round in 0..<rounds {
                for (persona, id) in speakers where round < persona.ideas.count {
                    // Everyone offers their first idea; after that only the talkative keep going.
                    if round > 0 && !persona.has(.talksOverOthers) && !persona.has(.overPromises) { continue }
                    offerIdea(persona.ideas[round], by: id, &builder)
                }
            }
        case .choose:
            placeDots(people, &builder)
        case .actions:
            let today = Day(builder.time)
            for (persona, id) in people where persona.has(.overPromises) {
                builder.remark(id, .offers, "\(persona.name): Put me down for every one. I'll get them all done by \(today.adding(days: persona.actions.daysNeeded)).", after: 10)
            }
        case .welcome, .storytelling, .close:
            break
        }
        return finish(builder)
    }

    /// Someone asked by name outside the story round: a quiet persona speaks up now.
    /// In the goal stage they suggest a wording, in a principle's agree step they give evidence,
    /// in the ideas stage they offer their ideas. Returns an empty reply elsewhere.
    public mutating func invite(_ participant: ParticipantID, in session: Session, at: Date) -> PracticeReply {
        guard let persona = persona(for: participant), session.record.participant(participant)?.hasLeft == false else { return PracticeReply() }
        var builder = Builder(session: session, time: at)
        switch session.step.stage {
        case .goal:
            if !suggestGoal(persona, participant: participant, &builder) {
                builder.remark(participant, .says, "\(persona.name): I think what's up there covers it.", after: 5)
            }
        case .principles:
            if let principle = session.step.principle, session.step.phase == .agree {
                giveEvidence(persona, participant: participant, on: principle, &builder)
            }
        case .ideas:
            let fresh = persona.ideas.filter { !ideasOffered.contains($0.key) }
            if fresh.isEmpty { builder.remark(participant, .says, "\(persona.name): I've nothing to add to those.", after: 5) }
            for idea in fresh { offerIdea(idea, by: participant, &builder) }
        default:
            break
        }
        return finish(builder)
    }

    // MARK: - The goal

    /// How each person still in the room would answer a goal wording (see `DraftResponseRule`).
    public func responses(to draft: GoalDraft, in session: Session) -> [ParticipantID: ConsensusResponse] {
        var answers: [ParticipantID: ConsensusResponse] = [:]
        let jargon = terms(in: [draft.text])
        for (persona, id) in present(in: session) {
            answers[id] = answer(of: persona, to: draft.text, jargon: jargon)
        }
        return answers
    }

    /// A persona's answer with the jargon in the wording taken into account: someone who stumbles
    /// over it goes one step down (agree → can live with; can live with → disagree), except a
    /// quiet person, who only frowns and goes no lower than "can live with".
    func answer(of persona: Persona, to text: String, jargon: [String]) -> ConsensusResponse {
        let plain = response(of: persona, to: text, visited: [])
        guard !jargon.isEmpty, stumblesOnJargon(persona) else { return plain }
        switch plain {
        case .agree: return .canLiveWith
        case .canLiveWith: return persona.has(.quietUnlessInvited) ? .canLiveWith : .disagree
        case .disagree: return .disagree
        }
    }

    /// One persona's answer: a sceptic rejects a vague wording; then the word rules; then whoever they follow; then their default.
    public func response(of persona: Persona, to text: String, visited: Set<String> = []) -> ConsensusResponse {
        if persona.has(.scepticalOfChange) && scenario.vagueness.isVague(text) { return .disagree }
        let rule = persona.draftResponse
        if rule.disagreeIfAny.contains(where: { TextMatch.contains(phrase: $0, in: text) }) { return .disagree }
        if rule.agreeIfAny.contains(where: { TextMatch.contains(phrase: $0, in: text) }) { return .agree }
        if let lead = rule.followsLead, !visited.contains(lead), let leader = scenario.persona(lead) {
            return response(of: leader, to: text, visited: visited.union([persona.id]))
        }
        return rule.otherwise
    }

    /// The consensus check on one wording: everyone present answers, one after another.
    /// A disagreement comes with a remark saying why.
    public mutating func consensusCheck(on draft: GoalDraftID, in session: Session, at: Date) -> PracticeReply {
        guard let wording = session.record.draft(draft) else { return PracticeReply() }
        var builder = Builder(session: session, time: at)
        let answers = responses(to: wording, in: session)
        let jargon = terms(in: [wording.text])
        for (persona, id) in present(in: session) {
            guard let answer = answers[id] else { continue }
            builder.emit(.respond(draft: draft, participant: id, response: answer), after: 4)
            if let term = jargon.first, stumblesOnJargon(persona) {
                log.jargonReactions.append(JargonReaction(participant: id, term: term, item: .goal(draft), at: builder.time))
                if persona.has(.quietUnlessInvited) {
                    builder.remark(id, .puzzled, "\(persona.name) frowns at “\(term)” and says nothing.", after: 0)
                } else if answer == .disagree && response(of: persona, to: wording.text) != .disagree {
                    builder.remark(id, .disagrees, "\(persona.name): What does “\(term)” mean? I can't agree to words I don't understand.", after: 0)
                    continue
                } else {
                    builder.remark(id, .puzzled, "\(persona.name): I'll go along with it, but what's “\(term)”?", after: 0)
                }
            }
            guard answer == .disagree else { continue }
            if persona.has(.scepticalOfChange) && scenario.vagueness.isVague(wording.text) {
                builder.remark(id, .disagrees, "\(persona.name): That could mean anything. What would we actually see change, and where?", after: 0)
            } else {
                builder.remark(id, .disagrees, "\(persona.name): I can't sign up to that as it's worded.", after: 0)
            }
        }
        return finish(builder)
    }

    // MARK: - Actions

    /// What each person still in the room would say if asked to take on one more action.
    /// An over-promiser is always willing, with their (far-off) date.
    public func offers(in session: Session, today: Day) -> [ActionOffer] {
        present(in: session).map { persona, id in
            let current = session.record.actions(for: id).count
            let partner = persona.actions.partner.flatMap { log.participantIDs[$0] }
            return ActionOffer(participant: id, willing: persona.has(.overPromises) || current < persona.actions.maxActions,
                               when: today.adding(days: persona.actions.daysNeeded), partner: partner)
        }
    }

    /// A persona named on more actions than they will take says no, and is taken off the action
    /// when someone else is on it too (an action needs at least one person). Each person answers
    /// once per action: editing the action later does not ask them again.
    private mutating func answer(_ action: Action, in session: Session, at: Date) -> PracticeReply {
        var builder = Builder(session: session, time: at)
        var current = action
        for id in action.who {
            guard let persona = persona(for: id), actionsAnswered.insert("\(action.id)/\(id)").inserted, !persona.has(.overPromises) else { continue }
            let count = builder.session.record.actions(for: id).count
            guard count > persona.actions.maxActions else { continue }
            log.declinedActions += 1
            let already = count - 1
            let reason = already == 0 ? "I can't take anything on just now." : "I've already got \(already == 1 ? "one thing" : "\(already) things") to do. I can't take this on as well."
            builder.remark(id, .declines, "\(persona.name): \(reason)", after: 5)
            log.refusals.append(ActionRefusal(action: action.id, participant: id, words: "\(persona.name): \(reason)"))
            if current.who.count > 1 {
                current.who.removeAll { $0 == id }
                builder.emit(.editAction(current), after: 0)
            }
        }
        return finish(builder)
    }

    // MARK: - Doing things

    private mutating func speakingTime(_ persona: Persona) -> TimeInterval {
        (Double(persona.speakingSeconds) * (0.8 + 0.4 * random.unit())).rounded()
    }

    /// One turn with the stick: a story, a pass, or (for a talker with no stories left) more talk.
    private mutating func takeTurn(_ persona: Persona, participant: ParticipantID, invited: Bool, _ builder: inout Builder) {
        if persona.has(.quietUnlessInvited) && !invited {
            builder.emit(.pass, after: 5)
            builder.remark(participant, .passes, "\(persona.name) looks down and passes.", after: 0)
            return
        }
        let told = storiesTold[persona.id, default: 0]
        if told < persona.stories.count {
            let story = persona.stories[told]
            let seconds = speakingTime(persona)
            let id = builder.makeID("s")
            // Told, not yet asked about: until the teller is asked, a story stays in the room.
            if builder.emit(.addStory(Story(id: id, teller: participant, title: story.title, whatHappened: story.whatHappened, smallThing: story.smallThing, consent: .roomOnly)), after: seconds) {
                storiesTold[persona.id] = told + 1
                log.consent.append(StoryConsentAsk(story: id, teller: participant, wish: story.consent))
            }
            builder.emit(.endTurn, after: 0)
        } else if persona.has(.talksOverOthers) {
            builder.remark(participant, .says, "\(persona.name) goes back over what they said before, at length.", after: 0)
            builder.emit(.endTurn, after: (speakingTime(persona) / 2).rounded())
        } else {
            builder.emit(.pass, after: 5)
            builder.remark(participant, .passes, "\(persona.name): I've said my piece, thanks.", after: 0)
        }
    }

    /// After someone else's turn, a persona who talks over others takes the stick unless the round is managed.
    private mutating func interruptIfUnmanaged(after speaker: Persona, participant speakerID: ParticipantID, _ builder: inout Builder) {
        for persona in scenario.personas where persona.has(.talksOverOthers) && persona.id != speaker.id {
            guard let id = log.participantIDs[persona.id], builder.session.record.participant(id)?.hasLeft == false,
                  interruptionsBy[persona.id, default: 0] < Self.interruptionLimit,
                  !PracticeSimulator.isRoundManaged(against: id, in: builder.session.record.round) else { continue }
            guard builder.emit(.giveStick(to: id, invited: false), after: 3) else { continue }
            interruptionsBy[persona.id, default: 0] += 1
            log.interruptions.append(Interruption(participant: id, at: builder.time, after: speakerID))
            builder.remark(id, .interrupts, "\(persona.name) cuts in before anyone else can start.", after: 0)
            takeTurn(persona, participant: id, invited: false, &builder)
            return
        }
    }

    /// The round is managed against a dominant person when, since their last spoken turn began
    /// (or since the round began if they have not spoken), the trainee has given the stick by
    /// name (`invited: true`) to someone else.
    public static func isRoundManaged(against dominant: ParticipantID, in round: StoryRound) -> Bool {
        let turns = round.turns
        let start = (turns.lastIndex { $0.participant == dominant && !$0.passed }).map { $0 + 1 } ?? 0
        return turns[start...].contains { $0.invited && $0.participant != dominant }
    }

    @discardableResult
    private mutating func suggestGoal(_ persona: Persona, participant: ParticipantID, _ builder: inout Builder) -> Bool {
        let made = suggestionsMade[persona.id, default: 0]
        guard made < persona.goalSuggestions.count else { return false }
        suggestionsMade[persona.id] = made + 1
        let id = builder.makeID("g")
        return builder.emit(.proposeGoal(GoalDraft(id: id, text: persona.goalSuggestions[made], proposedBy: participant)), after: TimeInterval(20 + random.below(20)))
    }

    private mutating func giveEvidence(_ persona: Persona, participant: ParticipantID, on principle: PrincipleID, _ builder: inout Builder) {
        guard let view = persona.view(of: principle), evidenceGiven.insert("\(persona.id)/\(principle.rawValue)").inserted else { return }
        builder.remark(participant, .evidence, "\(persona.name) (stage \(view.stage)): \(view.evidence)", after: TimeInterval(15 + random.below(15)))
    }

    private mutating func offerIdea(_ idea: PersonaIdea, by participant: ParticipantID, _ builder: inout Builder) {
        guard !ideasOffered.contains(idea.key) else { return }
        let id = builder.makeID("i")
        if builder.emit(.addIdea(Idea(id: id, text: idea.text, principles: idea.principles.sorted(), proposedBy: participant)), after: TimeInterval(20 + random.below(20))) {
            ideasOffered.insert(idea.key)
            ideaIDs[idea.key] = id
        }
    }

    /// Everyone places their dots: first on the ideas they care about, then the rest at random.
    private mutating func placeDots(_ people: [(Persona, ParticipantID)], _ builder: inout Builder) {
        let dots = builder.session.template.dotsPerPerson
        for (persona, id) in random.shuffled(people) {
            guard builder.session.record.dotsUsed(by: id) == 0 else { continue }
            let ideas = builder.session.record.ideas.map(\.id)
            guard !ideas.isEmpty else { return }
            var picks = persona.votesFor.compactMap { ideaIDs[$0] }.filter { ideas.contains($0) }
            while picks.count < dots { picks.append(ideas[random.below(ideas.count)]) }
            for idea in picks.prefix(dots) {
                builder.emit(.vote(idea: idea, participant: id, change: 1), after: 3)
            }
        }
    }

    private mutating func finish(_ builder: Builder) -> PracticeReply {
        for event in builder.reply.events { log.jargon.note(event.event, glossary: glossary) }
        log.remarks += builder.reply.remarks
        return builder.reply
    }
}

/// Builds a reply on a working copy of the session, so ids are fresh and every event is one the reducer takes.
private struct Builder {
    var session: Session
    var time: Date
    var reply = PracticeReply()

    func makeID(_ prefix: String) -> String { "\(prefix)\(session.record.nextNumber)" }

    /// Adds an event `seconds` after the previous one; a refused event is left out.
    @discardableResult
    mutating func emit(_ event: SessionEvent, after seconds: TimeInterval) -> Bool {
        let moment = time.addingTimeInterval(seconds)
        do { try SessionReducer.apply(event, at: moment, to: &session) } catch { return false }
        time = moment
        reply.events.append(SimulatedEvent(event: event, at: moment))
        return true
    }

    mutating func remark(_ participant: ParticipantID, _ kind: PersonaRemark.Kind, _ text: String, after seconds: TimeInterval) {
        time = time.addingTimeInterval(seconds)
        reply.remarks.append(PersonaRemark(participant: participant, kind: kind, text: text, at: time))
    }
}
