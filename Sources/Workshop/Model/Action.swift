import Foundation

/// Whether an action was reported done when the group looked back.
public enum ActionStatus: String, Codable, CaseIterable, Hashable, Sendable {
    case planned, done, notDone, dropped
}

/// A calendar day with no time or time zone, as people say "by the 14th of December".
public struct Day: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `2026-12-14`. Returns nil for anything else or a date that does not exist.
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-")
        guard parts.count == 3, parts[0].count == 4,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
        guard let date = self.date, Day(date) == self else { return nil }
    }

    /// The day a moment falls on, in UTC (sessions store UTC moments).
    public init(_ date: Date) {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        self = Day(daysSince1970: days)
    }

    /// Midnight UTC at the start of the day.
    public var date: Date? {
        Date(timeIntervalSince1970: TimeInterval(daysSince1970) * 86_400)
    }

    /// Whole days since 1970-01-01, in the Gregorian calendar (negative before it).
    ///
    /// Plain arithmetic in 400-year eras (after H. Hinnant's `days_from_civil`), so that
    /// working out a day needs no calendar or time-zone set-up: it is on the path to the
    /// first screen, and UTC days need neither.
    public var daysSince1970: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day `days` whole days after 1970-01-01 (the inverse of `daysSince1970`).
    public init(daysSince1970 days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// Whole days from `self` to `other`.
    public func days(until other: Day) -> Int {
        other.daysSince1970 - daysSince1970
    }

    /// The day `count` days later.
    public func adding(days count: Int) -> Day {
        Day(daysSince1970: daysSince1970 + count)
    }

    /// "2026-12-14". Padded by hand: `String(format:)` sets up Foundation's formatting on first
    /// use, 0.17 ms of the home screen's start (docs/performance.md).
    public var description: String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(day, 2))"
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    // Encoded as "2026-12-14" so other tools read it easily.
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\"\(text)\" is not a date like 2026-12-14"))
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// What became of an action, in the group's words, and the day it was noted.
public struct ActionOutcome: Codable, Equatable, Hashable, Sendable {
    public var note: String
    public var on: Day

    public init(note: String, on: Day) {
        self.note = note
        self.on = on
    }
}

/// A small purposeful movement: what, who, when and how.
public struct Action: Codable, Equatable, Hashable, Sendable, Identifiable {
    public var id: ActionID
    /// The chosen idea this action belongs to, if any.
    public var idea: IdeaID?
    public var what: String
    /// One or more people in the room: nobody does it alone.
    public var who: [ParticipantID]
    public var when: Day?
    public var how: String
    public var status: ActionStatus
    /// What happened, noted when looking back, and on which day (nil until someone notes it).
    public var outcome: ActionOutcome?

    public init(id: ActionID, idea: IdeaID? = nil, what: String, who: [ParticipantID], when: Day?, how: String = "", status: ActionStatus = .planned,
                outcome: ActionOutcome? = nil) {
        self.id = id
        self.idea = idea
        self.what = what
        self.who = who
        self.when = when
        self.how = how
        self.status = status
        self.outcome = outcome
    }

    /// Plain-words reasons this action is not yet complete enough to save; empty when it is.
    public var missingParts: [String] {
        var missing: [String] = []
        if what.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { missing.append("what will be done") }
        if who.isEmpty { missing.append("who will do it") }
        if when == nil { missing.append("when it will be done by") }
        return missing
    }

    /// Whether the due day is further away than the small-movement window.
    public func isBeyond(windowDays: Int, from start: Day) -> Bool {
        guard let when else { return false }
        return start.days(until: when) > windowDays
    }
}
