import Foundation
import Workshop

/// One short tip for a trainee facilitator, tied to what is happening now.
public struct CoachTip: Equatable, Sendable {
    public enum Kind: String, Equatable, Sendable, CaseIterable {
        case overrun, notYetHeard, dominantVoice, jargon, goalDisagreement, noEvidence, actionIncomplete, actionFarOff, consent
    }

    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

/// The coach of a practice run: a pure function from the session (and what the console knows
/// about the simulated people) to a few short, timely tips. Nothing here draws or saves.
public enum CoachTips {
    /// A person with at least this share of the round's speaking time (once two people have
    /// had the stick) is a dominant voice.
    public static let dominantShare = 0.4

    /// The tips for this moment, most pressing first.
    /// - Parameters:
    ///   - quiet: people who speak only when asked by name (from the scenario), for a sharper tip.
    ///   - jargon: the glossary terms in the words on screen at this step.
    ///   - ownJargon: glossary terms in the trainee's own words (the agreed goal, evidence, actions…), with where each is: these lead the jargon tip.
    ///   - unasked: stories whose teller has not been asked what may happen to them (practice).
    public static func tips(for session: Session, now: Date, quiet: Set<ParticipantID> = [], jargon: [GlossaryEntry] = [], ownJargon: [(entry: GlossaryEntry, place: String)] = [],
                            unasked: [Story] = []) -> [CoachTip] {
        var tips: [CoachTip] = []
        let record = session.record
        let step = session.step

        // A time-box overrun.
        if let box = session.timeBoxSeconds {
            let elapsed = session.elapsedInTimeBox(now: now)
            if elapsed > box {
                tips.append(CoachTip(.overrun, "Over time by \(minutes(elapsed - box)): sum up and move on (]), or agree more time with the group."))
            }
        }

        switch step.stage {
        case .storytelling:
            if let loudest = dominantVoice(in: record, now: now) {
                tips.append(CoachTip(.dominantVoice, "\(loudest.name) has \(percent(loudest.share)) of the talking. Name who speaks next (i) so nobody cuts in."))
            }
            let invited = Set(record.round.turns.filter(\.invited).map(\.participant))
            let quietOnes = record.present.filter { quiet.contains($0.id) && !invited.contains($0.id) }.map(\.name)
            if !quietOnes.isEmpty {
                tips.append(CoachTip(.notYetHeard, "Ask \(SessionReducer.listed(quietOnes)) by name (i): they speak only when invited."))
            }
            let waiting = record.notYetHeard.filter { !quietOnes.contains($0.name) }.map(\.name)
            if !waiting.isEmpty {
                tips.append(CoachTip(.notYetHeard, "Not heard yet: \(SessionReducer.listed(waiting)). Offer them the stick."))
            }
            if let story = unasked.first {
                let teller = story.teller.map { record.name(of: $0) } ?? "the teller"
                let more = unasked.count > 1 ? " (\(unasked.count - 1) more not asked)" : ""
                tips.append(CoachTip(.consent, "Ask \(teller) whether “\(story.title)” may be shared, kept in the group's notes, or stays in the room (c)\(more)."))
            }
        case .goal:
            let silent = record.present.filter { person in quiet.contains(person.id) && !record.goalDrafts.contains { $0.proposedBy == person.id } }.map(\.name)
            if !silent.isEmpty {
                tips.append(CoachTip(.notYetHeard, "\(SessionReducer.listed(silent)) \(silent.count == 1 ? "has" : "have") not put a wording forward. Ask by name (i)."))
            }
            for draft in record.openDrafts {
                let against = draft.responses.filter { $0.value == .disagree }.compactMap { record.participant($0.key)?.name }.sorted()
                guard !against.isEmpty else { continue }
                tips.append(CoachTip(.goalDisagreement, "\(SessionReducer.listed(against)) \(against.count == 1 ? "disagrees" : "disagree") with “\(draft.text)”. Ask what would make it work, then reword it (Enter) and ask again (c)."))
                break
            }
        case .principles:
            let scored = record.principles.filter { $0.isAgreed && $0.evidence.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            if let first = scored.first {
                tips.append(CoachTip(.noEvidence, "\(title(first.principle)) is scored without evidence. Ask “what shows that?” and write their example in (Enter on its agree step)."))
            }
        case .ideas:
            let silent = record.present.filter { person in quiet.contains(person.id) && !record.ideas.contains { $0.proposedBy == person.id } }.map(\.name)
            if !silent.isEmpty {
                tips.append(CoachTip(.notYetHeard, "\(SessionReducer.listed(silent)) \(silent.count == 1 ? "has" : "have") not offered an idea. Ask by name (i)."))
            }
        case .actions:
            let window = session.template.smallMovementDays
            let start = Day(session.createdAt)
            if let action = record.actions.first(where: { $0.who.isEmpty || $0.when == nil }) {
                let missing = action.who.isEmpty ? "nobody to do it" : "no date"
                tips.append(CoachTip(.actionIncomplete, "“\(action.what)” has \(missing). Ask “who will do it, and by when?”"))
            }
            if let action = record.actions.first(where: { $0.isBeyond(windowDays: window, from: start) }), let when = action.when {
                tips.append(CoachTip(.actionFarOff, "“\(action.what)” is due \(when), more than \(window) days away. What small first step could happen sooner?"))
            }
        default:
            break
        }

        // The trainee's own words first, every term with an everyday word to try; then the rest on screen, every one.
        if !ownJargon.isEmpty {
            var places: [String] = []
            for item in ownJargon where !places.contains(item.place) { places.append(item.place) }
            let terms = ownJargon.map { "“\($0.entry.term)” → “\($0.entry.plain[0])”" }.joined(separator: ", ")
            // What the trainee wrote comes straight after an overrun: nobody else will fix it.
            tips.insert(CoachTip(.jargon, "Your own words have jargon (\(SessionReducer.listed(places))): \(terms). Edit them (Enter)."), at: tips.first?.kind == .overrun ? 1 : 0)
        }
        let others = jargon.filter { entry in !ownJargon.contains { $0.entry.term == entry.term } }
        if !others.isEmpty {
            let terms = others.map { "“\($0.term)”" }.joined(separator: ", ")
            tips.append(CoachTip(.jargon, "Jargon on screen: \(terms). Ask what it means in everyday words and edit it in (Enter)."))
        }
        return tips
    }

    /// The person with the largest share of the round's speaking time, if it is at least `dominantShare`
    /// and twice anyone else's, once at least two people have had the stick (spoken or passed).
    public static func dominantVoice(in record: WorkshopRecord, now: Date) -> (name: String, share: Double)? {
        let tallies = record.round.tally(upTo: now)
        guard tallies.count >= 2 else { return nil }
        let total = tallies.values.reduce(0) { $0 + $1.seconds }
        guard total > 0, let top = tallies.max(by: { ($0.value.seconds, $1.key) < ($1.value.seconds, $0.key) }) else { return nil }
        let share = top.value.seconds / total
        let runnerUp = tallies.filter { $0.key != top.key }.map(\.value.seconds).max() ?? 0
        guard share >= dominantShare, top.value.seconds >= 2 * runnerUp, let person = record.participant(top.key) else { return nil }
        return (person.name, share)
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }

    static func minutes(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 60 ? "\(whole / 60) min \(whole % 60) s" : "\(whole) s"
    }

    static func title(_ principle: PrincipleID) -> String {
        principle.rawValue.prefix(1).uppercased() + principle.rawValue.dropFirst()
    }
}
