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
        let parts = Day.calendar.dateComponents([.year, .month, .day], from: date)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    /// Midnight UTC at the start of the day.
    public var date: Date? {
        Day.calendar.date(from: DateComponents(year: year, month: month, day: day))
    }

    /// Whole days from `self` to `other`.
    public func days(until other: Day) -> Int {
        guard let a = date, let b = other.date else { return 0 }
        return Int((b.timeIntervalSince(a) / 86_400).rounded())
    }

    /// The day `count` days later.
    public func adding(days count: Int) -> Day {
        Day(date!.addingTimeInterval(TimeInterval(count) * 86_400))
    }

    public var description: String { String(format: "%04d-%02d-%02d", year, month, day) }

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

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
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

    public init(id: ActionID, idea: IdeaID? = nil, what: String, who: [ParticipantID], when: Day?, how: String = "", status: ActionStatus = .planned) {
        self.id = id
        self.idea = idea
        self.what = what
        self.who = who
        self.when = when
        self.how = how
        self.status = status
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
