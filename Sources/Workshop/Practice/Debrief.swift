import Foundation

/// The facilitation indicators the debrief reports, in the order it reports them.
public enum IndicatorKind: String, Codable, CaseIterable, Hashable, Sendable {
    case stickOffered, quietVoicesInvited, interruptions, voiceShare, consentAsked, jargon, explainedFirst, timeBoxes, consensus,
         stagesHeard, principlesWithEvidence, plainEvidence, actionsComplete, actionsInsideWindow, refusalsHeeded, sharedActions, ownerSpread
}

/// One facilitation indicator: a figure, what it means, and how it compares with the ideal.
public struct Indicator: Equatable, Sendable {
    public var kind: IndicatorKind
    public var title: String
    /// The figure in a short sentence, such as "Dev had 46% of the speaking time".
    public var figure: String
    /// The main number behind the figure (a share from 0 to 1, or a count for interruptions); nil when there was nothing to measure.
    public var value: Double?
    /// A line per person or per stage, where that helps.
    public var details: [String]
    /// What the indicator is about, in plain words.
    public var explanation: String
    /// The ideal, in words: "at most 35%".
    public var ideal: String
    /// Whether the figure meets the ideal; nil when there was nothing to measure.
    public var meetsIdeal: Bool?
    /// How far short of the ideal, from 0 (met) to 1 (as far as it can be): used to pick what to work on.
    public var shortfall: Double
    /// What to do differently, used when this is one of the weakest indicators.
    public var advice: String
}

/// The debrief of a session: the indicators and the three things to do differently next time.
public struct Debrief: Equatable, Sendable {
    public var sessionID: String
    public var sessionTitle: String
    public var isPractice: Bool
    public var scenarioTitle: String?
    /// The seed of the simulated group, for a practice run: the same scenario and seed give the same group again.
    public var seed: UInt64?
    public var measuredAt: Date
    public var indicators: [Indicator]
    /// Up to three, from the indicators furthest from the ideal; empty when every ideal was met.
    public var nextTime: [String]

    /// The indicator of a kind, if it applied to this session.
    public func indicator(_ kind: IndicatorKind) -> Indicator? { indicators.first { $0.kind == kind } }

    /// The debrief as a plain text file body (`debrief.txt` in the session folder).
    public var text: String {
        var lines: [String] = []
        lines.append(isPractice ? "Campfire practice debrief" : "Campfire debrief")
        lines.append(String(repeating: "=", count: lines[0].count))
        lines.append("")
        if let scenarioTitle { lines.append("Scenario: \(scenarioTitle)") }
        if let seed { lines.append("Seed:     \(seed) (run the same group again: campfire practice --replay \(sessionID))") }
        lines.append("Session:  \(sessionTitle) (\(sessionID))")
        lines.append("Measured: \(Debrief.stamp(measuredAt)) local time (\(TimeZone.current.identifier))")
        lines.append("")
        lines.append("Each figure is compared with what a good run looks like.")
        lines.append("")
        for (number, indicator) in indicators.enumerated() {
            let verdict: String
            switch indicator.meetsIdeal {
            case .some(true): verdict = "meets the ideal"
            case .some(false): verdict = "short of the ideal"
            case .none: verdict = "nothing to measure"
            }
            lines.append("\(number + 1). \(indicator.title): \(verdict)")
            lines.append("   \(indicator.figure)")
            lines.append("   Ideal: \(indicator.ideal).")
            for detail in indicator.details { lines.append("   - \(detail)") }
            lines.append("   Why it matters: \(indicator.explanation)")
            lines.append("")
        }
        lines.append("Three things to do differently next time")
        lines.append("---------------------------------------")
        if nextTime.isEmpty {
            lines.append("Every figure met its ideal. Keep doing what you did, and try a harder scenario.")
        } else {
            for (number, advice) in nextTime.enumerated() { lines.append("\(number + 1). \(advice)") }
        }
        lines.append("")
        return lines.joined(separator: "\n")
    }

    static func stamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }
}
