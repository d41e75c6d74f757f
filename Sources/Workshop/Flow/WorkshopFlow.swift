import Foundation
import StateMachine

/// What the facilitator asks the flow to do.
public enum FlowEvent: String, Hashable, Sendable, CaseIterable, Codable {
    case next
    case back

    public var phrase: String {
        switch self {
        case .next: return "move on"
        case .back: return "go back"
        }
    }
}

/// What the program should do when the flow moves, handed back as values.
public enum FlowEffect: Hashable, Sendable {
    /// Keep a copy of the whole session as it was when this step was left.
    case keepStageSnapshot(FlowStep)
    /// Start this step's timer.
    case startTimer(FlowStep)
}

/// The workshop flow for one template, defined on the StateMachine library.
///
/// Steps run in the template's order; `next` and `back` move one step. Guards on
/// `next` explain in plain words what is missing, and most can be overridden
/// with a recorded reason.
public struct WorkshopFlow: Sendable {
    public typealias Machine = StateMachine<FlowStep, FlowEvent, Session, FlowEffect>

    public let template: WorkshopTemplate
    public let machine: Machine

    public init(template: WorkshopTemplate) {
        self.template = template
        let steps = template.steps
        var transitions: [Transition<FlowStep, FlowEvent, Session, FlowEffect>] = []
        for (index, step) in steps.enumerated() {
            if index + 1 < steps.count {
                transitions.append(Transition(from: step, on: .next, to: steps[index + 1], guards: WorkshopFlow.guards(leaving: step)))
            }
            if index > 0 {
                transitions.append(Transition(from: step, on: .back, to: steps[index - 1]))
            }
        }
        var entry: [FlowStep: [FlowEffect]] = [:]
        var exit: [FlowStep: [FlowEffect]] = [:]
        for step in steps {
            entry[step] = [.startTimer(step)]
            exit[step] = [.keepStageSnapshot(step)]
        }
        machine = Machine(
            initial: steps.first ?? FlowStep(.welcome),
            states: steps,
            finalStates: steps.last.map { [$0] } ?? [],
            transitions: transitions,
            entryEffects: entry,
            exitEffects: exit,
            describeState: { WorkshopFlow.describe($0) },
            describeEvent: { $0.phrase }
        )
    }

    /// Asks to move; returns the step taken or the plain reason it was refused.
    public func transition(_ event: FlowEvent, in session: Session, overrideReason: String? = nil) -> TransitionOutcome<FlowStep, FlowEvent, FlowEffect> {
        machine.transition(from: session.step, on: event, context: session, override: overrideReason.map { GuardOverride(reason: $0) })
    }

    /// Whether a step is the last of the template's plan, where the workshop can be finished.
    public func isLastStep(_ step: FlowStep, template: WorkshopTemplate) -> Bool {
        template.steps.last == step
    }

    /// The journal event for a step the machine took.
    public static func event(for step: TransitionStep<FlowStep, FlowEvent, FlowEffect>) -> SessionEvent {
        .moveTo(step: step.to, overriddenGuards: step.overriddenGuards, overrideReason: step.override?.reason)
    }

    /// A readable name for a step, such as "Principles: Promoting reciprocity (agree)".
    public static func describe(_ step: FlowStep) -> String {
        guard let principle = step.principle, let phase = step.phase else { return step.stage.title }
        return "\(principle.displayName): \(phase.title)"
    }

    // MARK: - Guards

    /// The guards checked before leaving a step with `next`.
    public static func guards(leaving step: FlowStep) -> [Guard<Session>] {
        switch step.stage {
        case .welcome:
            return [Guard("people added") { session in
                session.record.present.isEmpty ? "Add the people in the room first, by first name." : nil
            }]
        case .storytelling:
            return [Guard("everyone invited", overridable: true) { session in
                let waiting = session.record.notYetHeard.map(\.name)
                guard !waiting.isEmpty else { return nil }
                return "Not everyone has been offered the talking stick yet: \(SessionReducer.listed(waiting)). Passing is fine, but they should be asked."
            }]
        case .goal:
            return [Guard("goal agreed", overridable: true) { session in
                session.record.agreedGoal == nil ? "The group has not agreed a goal yet." : nil
            }]
        case .principles:
            guard let principle = step.principle, let phase = step.phase else { return [] }
            switch phase {
            case .explain:
                return []
            case .score:
                return [Guard("someone scored", overridable: true) { session in
                    session.record.score(for: principle).scores.isEmpty ? "Nobody has placed a stage for \(principle.displayName) yet." : nil
                }]
            case .agree:
                return [
                    Guard("stage and score agreed", overridable: true) { session in
                        let score = session.record.score(for: principle)
                        return score.isAgreed ? nil : "The group has not agreed a stage and a red, amber or green score for \(principle.displayName) yet."
                    },
                    Guard("evidence written", overridable: true) { session in
                        let score = session.record.score(for: principle)
                        return score.evidence.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                            ? "There is no evidence written down for \(principle.displayName) yet: what are people doing or saying that shows it?" : nil
                    },
                ]
            }
        case .ideas:
            return [Guard("ideas captured", overridable: true) { session in
                session.record.ideas.isEmpty ? "No ideas have been written down yet." : nil
            }]
        case .choose:
            return [
                Guard("at most three chosen") { session in
                    session.record.chosenIdeas.count > 3 ? "More than three ideas are chosen. Two or three is plenty: take some out." : nil
                },
                Guard("ideas chosen", overridable: true) { session in
                    session.record.chosenIdeas.isEmpty ? "No ideas have been chosen yet. Pick two or three to plan." : nil
                },
            ]
        case .actions:
            return [Guard("every chosen idea planned", overridable: true) { session in
                let unplanned = session.record.chosenIdeas.filter { idea in !session.record.actions.contains { $0.idea == idea } }
                guard !unplanned.isEmpty else { return nil }
                let names = unplanned.compactMap { session.record.idea($0)?.text }
                return "These chosen ideas have no action yet: \(SessionReducer.listed(names.map { "\"\($0)\"" }))."
            }]
        case .close:
            return []
        }
    }
}

extension PrincipleID {
    /// The principle's name in plain words.
    public var displayName: String {
        switch self {
        case .assets: return "Recognising people as assets"
        case .work: return "Valuing work differently"
        case .reciprocity: return "Promoting reciprocity"
        case .networks: return "Building social networks"
        }
    }
}
