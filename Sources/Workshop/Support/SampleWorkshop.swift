import Foundation

/// A made-up workshop, run all the way through: for tests, golden screens and the guided tour.
///
/// The people and their words are invented; any likeness to real people is chance.
public enum SampleWorkshop {

    /// The events of the sample, each with its moment in seconds after `start`, up to and including `step`.
    /// - Parameters:
    ///   - template: the plan to follow (its stages decide which parts are included).
    ///   - names: override the people's names (for Unicode tests); four are used.
    ///   - upTo: stop once this step is reached.
    public static func events(template: WorkshopTemplate, names: [String] = ["Maya", "Tom", "Priya", "Sam"], upTo target: FlowStep? = nil) -> [(SessionEvent, TimeInterval)] {
        var events: [(SessionEvent, TimeInterval)] = []
        var clock: TimeInterval = 0
        func add(_ event: SessionEvent, after seconds: TimeInterval = 20) {
            clock += seconds
            events.append((event, clock))
        }
        let perspectives: [Perspective?] = [.lived, .frontline, .carer, .manager]
        let people = names.prefix(4).enumerated().map { index, name in
            Participant(id: "p\(index + 1)", name: name, perspective: perspectives[index], accessNeeds: index == 0 ? "Large print" : "")
        }
        for person in people { add(.addParticipant(person)) }

        let steps = template.steps
        var stepIndex = 0
        func advance() -> Bool {
            guard stepIndex + 1 < steps.count else { return false }
            if let target, steps[stepIndex] == target { return false }
            stepIndex += 1
            add(.moveTo(step: steps[stepIndex], overriddenGuards: [], overrideReason: nil), after: 30)
            return true
        }
        func at(_ stage: Stage) -> Bool { steps[stepIndex].stage == stage }

        while true {
            let step = steps[stepIndex]
            switch step.stage {
            case .storytelling:
                add(.giveStick(to: "p1", invited: false))
                add(.addStory(Story(id: "s5", teller: "p1", title: "The bus that waited", whatHappened: "I was late for my first day at college and scared to go in.", smallThing: "The driver waited and walked me to the door.", consent: .share)), after: 240)
                add(.giveStick(to: "p2", invited: false))
                add(.addStory(Story(id: "s6", teller: "p2", title: "Asking, not telling", whatHappened: "A new person joined and we had filled in all her forms for her.", smallThing: "Someone asked her what she was good at.", consent: .keep)), after: 180)
                add(.giveStick(to: "p3", invited: false))
                add(.pass, after: 5)
                add(.giveStick(to: "p4", invited: true))
                add(.addStory(Story(id: "s7", teller: "p4", title: "Room only", whatHappened: "Something private about my family.", smallThing: "Being listened to.", consent: .roomOnly)), after: 120)
                add(.endTurn)
            case .goal:
                add(.proposeGoal(GoalDraft(id: "g8", text: "Everyone who comes here is asked what they are good at", proposedBy: "p1")))
                add(.proposeGoal(GoalDraft(id: "g9", text: "People help to run the place", proposedBy: "p2")))
                add(.respond(draft: "g8", participant: "p1", response: .agree))
                add(.respond(draft: "g8", participant: "p2", response: .agree))
                add(.respond(draft: "g8", participant: "p3", response: .canLiveWith))
                add(.respond(draft: "g8", participant: "p4", response: .agree))
                add(.agreeGoal(draft: "g8", overrideReason: nil))
            case .principles:
                guard let principle = step.principle, let phase = step.phase else { break }
                let base = PrincipleID.allCases.firstIndex(of: principle)!
                switch phase {
                case .explain: break
                case .score:
                    let stages = [[1, 3, 2, 3], [2, 2, 2, 3], [1, 2, 1, 3], [2, 3, 2, 4]][base]
                    for (index, person) in people.enumerated() {
                        add(.score(principle: principle, participant: person.id, stage: stages[index]), after: 5)
                    }
                case .agree:
                    let rag: [RAG] = [.amber, .amber, .red, .green]
                    let evidence = [
                        "Maya now helps with the art group on Tuesdays.",
                        "Volunteers are thanked, but only staff are asked to plan.",
                        "People are not encouraged to help each other yet.",
                        "The café is open to neighbours twice a week.",
                    ]
                    add(.agreePrinciple(principle: principle, stage: [2, 2, 1, 3][base], rag: rag[base], evidence: evidence[base]))
                }
            case .ideas:
                add(.addIdea(Idea(id: "i10", text: "A skills swap board by the door", principles: [.assets, .reciprocity], proposedBy: "p1")))
                add(.addIdea(Idea(id: "i11", text: "Members join staff interviews", principles: [.assets, .work], proposedBy: "p3")))
                add(.addIdea(Idea(id: "i12", text: "Open the café to the street on Fridays", principles: [.networks], proposedBy: "p2")))
            case .choose:
                let votes = [("p1", "i10"), ("p1", "i10"), ("p1", "i12"), ("p2", "i11"), ("p2", "i10"), ("p2", "i12"), ("p3", "i10"), ("p3", "i11"), ("p4", "i12")]
                for (person, idea) in votes { add(.vote(idea: idea, participant: person, change: 1), after: 3) }
                add(.choose(idea: "i10"))
                add(.choose(idea: "i12"))
            case .actions:
                add(.addAction(Action(id: "a13", idea: "i10", what: "Make the swap board", who: ["p1", "p2"], when: Day(year: 2026, month: 12, day: 4), how: "Cork board from the office")))
                add(.addAction(Action(id: "a14", idea: "i12", what: "Ask the landlord about a sign", who: ["p4", "p3"], when: Day(year: 2026, month: 11, day: 30), how: "Phone on Monday")))
            case .welcome, .close:
                break
            }
            if !advance() { break }
        }
        return events
    }

    /// The sample as a session, applied through the reducer (so it is exactly what a replay would give).
    public static func session(template: WorkshopTemplate, names: [String] = ["Maya", "Tom", "Priya", "Sam"], upTo target: FlowStep? = nil, start: Date) -> Session {
        var editor = SessionEditor(session: Session(id: "20261117-0930-cafe", title: "Riverside day service", group: "riverside", facilitator: "Jo", createdAt: start, template: template))
        for (event, seconds) in events(template: template, names: names, upTo: target) {
            try? editor.apply(event, at: start.addingTimeInterval(seconds))
        }
        return editor.session
    }
}
