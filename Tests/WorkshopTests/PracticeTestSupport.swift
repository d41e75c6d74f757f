import Foundation
import XCTest
@testable import Workshop

/// Drives a practice run the way the console will: the trainee's event is applied, then the
/// simulator's reply is applied event by event at its own moments.
struct PracticeRun {
    var simulator: PracticeSimulator
    var editor: SessionEditor
    var now: Date
    var replies: [PracticeReply] = []
    let flow: WorkshopFlow

    init(scenario: Scenario, seed: UInt64, template: WorkshopTemplate, glossary: Glossary) throws {
        simulator = PracticeSimulator(scenario: scenario, seed: seed, glossary: glossary)
        now = Fixtures.start
        editor = SessionEditor(session: PracticeSimulator.newSession(for: scenario, template: template, id: "practice-1", at: now))
        flow = WorkshopFlow(template: template)
        let reply = simulator.start(in: editor.session, at: now)
        try apply(reply)
    }

    var session: Session { editor.session }

    /// The participant id of a persona.
    func id(_ persona: String) -> ParticipantID { simulator.participant(for: persona)! }

    /// The trainee does something; the group answers.
    @discardableResult
    mutating func trainee(_ event: SessionEvent, after seconds: TimeInterval = 10) throws -> PracticeReply {
        now = now.addingTimeInterval(seconds)
        try editor.apply(event, at: now)
        let reply = simulator.react(to: event, in: editor.session, at: now)
        try apply(reply)
        return reply
    }

    /// The trainee asks someone by name outside the round.
    @discardableResult
    mutating func invite(_ persona: String) throws -> PracticeReply {
        let reply = simulator.invite(id(persona), in: editor.session, at: now)
        try apply(reply)
        return reply
    }

    @discardableResult
    mutating func consensusCheck(_ draft: GoalDraftID) throws -> PracticeReply {
        let reply = simulator.consensusCheck(on: draft, in: editor.session, at: now)
        try apply(reply)
        return reply
    }

    /// Moves on through the flow (overriding a guard with a reason if one says no).
    @discardableResult
    mutating func next(after seconds: TimeInterval = 30) throws -> PracticeReply {
        let event: SessionEvent
        switch flow.transition(.next, in: editor.session) {
        case .moved(let step):
            event = WorkshopFlow.event(for: step)
        default:
            guard case .moved(let step) = flow.transition(.next, in: editor.session, overrideReason: "practice run") else {
                throw ChangeRefusal("the flow would not move from \(editor.session.step.label)")
            }
            event = WorkshopFlow.event(for: step)
        }
        return try trainee(event, after: seconds)
    }

    mutating func apply(_ reply: PracticeReply) throws {
        for simulated in reply.events {
            XCTAssertGreaterThanOrEqual(simulated.at, now, "a simulated event went back in time")
            try editor.apply(simulated.event, at: simulated.at)
            now = max(now, simulated.at)
        }
        if let end = reply.endsAt { now = max(now, end) }
        replies.append(reply)
    }
}

enum PracticeFixtures {
    static let glossary: Glossary = try! ContentLibrary.load().glossary
    static let template: WorkshopTemplate = try! ContentLibrary.load().template(named: "standard")

    /// A small group with one persona for each trait.
    static var scenario: Scenario {
        func views(_ stages: [Int]) -> [String: PrincipleView] {
            Dictionary(uniqueKeysWithValues: zip(PrincipleID.allCases, stages).map { ($0.0.rawValue, PrincipleView(stage: $0.1, evidence: "Seen it at \($0.0.rawValue).")) })
        }
        return Scenario(
            name: "test", title: "Test room", description: "A room for tests.", setting: "A room.", question: "What now?",
            vagueness: Vagueness(minimumWords: 5, vagueWords: ["improve", "better"], concreteWords: ["bus", "lunch"]),
            personas: [
                Persona(id: "dom", name: "Dom", perspective: .frontline, traits: [.talksOverOthers], speakingSeconds: 300,
                        stories: [PersonaStory(title: "Dom one", whatHappened: "A long tale.", smallThing: "A cup of tea.", consent: .keep),
                                  PersonaStory(title: "Dom two", whatHappened: "Another long tale.", smallThing: "A lift.", consent: .keep)],
                        goalSuggestions: ["Dom's goal about the bus", "Dom's second goal about lunch"],
                        draftResponse: DraftResponseRule(agreeIfAny: ["bus"], otherwise: .canLiveWith), principles: views([3, 3, 3, 3]),
                        ideas: [PersonaIdea(key: "d1", text: "Dom's idea"), PersonaIdea(key: "d2", text: "Dom's other idea")], votesFor: ["d1", "d1"],
                        actions: ActionWillingness(maxActions: 2, daysNeeded: 14)),
                Persona(id: "quinn", name: "Quinn", perspective: .lived, traits: [.quietUnlessInvited], speakingSeconds: 100,
                        stories: [PersonaStory(title: "Quinn's story", whatHappened: "Something small.", smallThing: "Being asked.", consent: .share)],
                        goalSuggestions: ["Quinn's goal: a lunch we choose together"], draftResponse: DraftResponseRule(agreeIfAny: ["lunch"], otherwise: .canLiveWith),
                        principles: views([1, 1, 2, 1]), ideas: [PersonaIdea(key: "q1", text: "Quinn's idea")], votesFor: ["q1"],
                        actions: ActionWillingness(maxActions: 1, daysNeeded: 7)),
                Persona(id: "jo", name: "Jo", perspective: .manager, traits: [.usesJargon], speakingSeconds: 150,
                        stories: [PersonaStory(title: "Asking first", whatHappened: "We asked service users what they wanted.", smallThing: "Listening.", consent: .keep)],
                        goalSuggestions: ["Co-production of the lunch menu going forward"], draftResponse: DraftResponseRule(otherwise: .agree),
                        principles: views([3, 4, 3, 4]), ideas: [PersonaIdea(key: "j1", text: "Jo's idea")],
                        actions: ActionWillingness(maxActions: 1, daysNeeded: 28)),
                Persona(id: "sid", name: "Sid", perspective: .carer, traits: [.scepticalOfChange, .overPromises], speakingSeconds: 120,
                        stories: [PersonaStory(title: "Sid's story", whatHappened: "Waited for the bus.", smallThing: "A wave.", consent: .share)],
                        goalSuggestions: ["Improve things"], draftResponse: DraftResponseRule(followsLead: "quinn"),
                        principles: views([1, 2, 1, 2]), ideas: [PersonaIdea(key: "s1", text: "Sid's idea")],
                        actions: ActionWillingness(maxActions: 1, daysNeeded: 90)),
            ])
    }

    static func builtIn(_ name: String) throws -> Scenario {
        try ScenarioLibrary.builtIn(glossary: glossary).scenario(named: name)
    }
}

extension PracticeReply {
    /// The events only, without their moments.
    var plainEvents: [SessionEvent] { events.map(\.event) }
}

extension PracticeRun {
    /// The trainee asks the teller of a story what may happen to it.
    @discardableResult
    mutating func askConsent(_ story: StoryID) throws -> PracticeReply {
        let reply = simulator.askConsent(story, in: editor.session, at: now)
        try apply(reply)
        return reply
    }
}

extension Glossary {
    /// The text with every glossary term replaced by its first everyday word (what a careful trainee writes in).
    func translated(_ text: String) -> String {
        var characters = Array(text)
        for match in matches(in: text).sorted(by: { $0.start > $1.start }) {
            characters.replaceSubrange(match.start..<(match.start + match.length), with: Array(match.entry.plain[0]))
        }
        return String(characters)
    }
}
