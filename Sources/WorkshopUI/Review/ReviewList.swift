import Foundation
import Workshop

/// One session in the review browser: the few facts kept in its `summary.json`.
public struct ReviewEntry: Equatable, Sendable {
    public var id: String
    public var title: String
    public var group: String?
    public var createdAt: Date
    public var isPractice: Bool
    /// The furthest stage reached.
    public var stage: Stage
    public var people: Int
    /// The agreed RAG of each principle, in the usual order; nil where not agreed.
    public var rag: [RAG?]
    /// Whether the facilitator finished the workshop.
    public var finished: Bool
    /// Whether its files are damaged (as `campfire list` and `doctor` say): marked in the list.
    public var damaged: Bool

    public init(id: String, title: String, group: String?, createdAt: Date, isPractice: Bool, stage: Stage, people: Int, rag: [RAG?], finished: Bool = false, damaged: Bool = false) {
        self.finished = finished
        self.damaged = damaged
        self.id = id
        self.title = title
        self.group = group
        self.createdAt = createdAt
        self.isPractice = isPractice
        self.stage = stage
        self.people = people
        self.rag = rag
    }
}

/// A column of the browser, which is also what it can be sorted by.
public enum ReviewColumn: String, CaseIterable, Sendable {
    case date, title, group, stage, people, principles

    /// The column in words, for "sorted by …".
    public var words: String {
        switch self {
        case .date: return "date"
        case .title: return "title"
        case .group: return "group"
        case .stage: return "stage reached"
        case .people: return "people"
        case .principles: return "principles (greens first)"
        }
    }

    public var heading: String {
        switch self {
        case .date: return "Date"
        case .title: return "Title"
        case .group: return "Group"
        case .stage: return "Reached"
        case .people: return "People"
        case .principles: return "A W R N"
        }
    }
}

/// Which sessions to show: practice runs, real ones or both.
public enum PracticeFilter: String, CaseIterable, Sendable {
    case real, practice, all

    public var label: String {
        switch self {
        case .real: return "real sessions"
        case .practice: return "practice runs"
        case .all: return "real and practice"
        }
    }

    func admits(_ entry: ReviewEntry) -> Bool {
        switch self {
        case .real: return !entry.isPractice
        case .practice: return entry.isPractice
        case .all: return true
        }
    }
}

/// Search, filter and sort of the browser: a value, so it is easy to test.
public struct ReviewQuery: Equatable, Sendable {
    /// Words to find in the title or group (case and accents ignored; every word must match).
    public var search: String = ""
    /// Only this group tag (nil: every group).
    public var group: String?
    public var practice: PracticeFilter = .real
    public var sort: ReviewColumn = .date
    /// Largest first; the date column starts newest first.
    public var descending: Bool = true

    public init(search: String = "", group: String? = nil, practice: PracticeFilter = .real, sort: ReviewColumn = .date, descending: Bool = true) {
        self.search = search
        self.group = group
        self.practice = practice
        self.sort = sort
        self.descending = descending
    }

    /// The entries shown, in order.
    public func apply(_ entries: [ReviewEntry]) -> [ReviewEntry] {
        let words = Self.fold(search).split(separator: " ").map(String.init)
        let kept = entries.filter { entry in
            guard practice.admits(entry) else { return false }
            if let group, entry.group != group { return false }
            guard !words.isEmpty else { return true }
            let haystack = Self.fold(entry.title + " " + (entry.group ?? ""))
            return words.allSatisfy { haystack.contains($0) }
        }
        // Stable: ties keep date order, then id.
        let indexed = kept.enumerated().sorted { a, b in
            let order = Self.compare(a.element, b.element, by: sort)
            if order != .orderedSame { return descending ? order == .orderedDescending : order == .orderedAscending }
            let byDate = Self.compare(a.element, b.element, by: .date)
            if byDate != .orderedSame { return byDate == .orderedDescending }
            return a.offset < b.offset
        }
        return indexed.map(\.element)
    }

    /// Moves the sort to the next column (starting ascending, except dates and numbers which start largest first).
    public mutating func nextSortColumn() {
        let all = ReviewColumn.allCases
        sort = all[(all.firstIndex(of: sort)! + 1) % all.count]
        descending = [.date, .people, .principles, .stage].contains(sort)
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: Locale(identifier: "en_GB"))
    }

    static func compare(_ a: ReviewEntry, _ b: ReviewEntry, by column: ReviewColumn) -> ComparisonResult {
        func order<T: Comparable>(_ x: T, _ y: T) -> ComparisonResult { x < y ? .orderedAscending : (x > y ? .orderedDescending : .orderedSame) }
        switch column {
        case .date: return order(a.createdAt, b.createdAt) == .orderedSame ? order(a.id, b.id) : order(a.createdAt, b.createdAt)
        case .title: return order(fold(a.title), fold(b.title))
        case .group: return order(fold(a.group ?? "\u{10FFFF}"), fold(b.group ?? "\u{10FFFF}"))
        case .stage: return order(Stage.allCases.firstIndex(of: a.stage)!, Stage.allCases.firstIndex(of: b.stage)!)
        case .people: return order(a.people, b.people)
        case .principles: return order(ragScore(a.rag), ragScore(b.rag))
        }
    }

    /// Greens count most: 3 a green, 2 an amber, 1 a red, 0 not agreed.
    static func ragScore(_ rag: [RAG?]) -> Int {
        rag.reduce(0) { total, value in
            switch value {
            case .green?: return total + 3
            case .amber?: return total + 2
            case .red?: return total + 1
            case nil: return total
            }
        }
    }
}

/// The groups present in a list, sorted, for the group filter.
public func reviewGroups(_ entries: [ReviewEntry]) -> [String] {
    Array(Set(entries.compactMap(\.group))).sorted { ReviewQuery.fold($0) < ReviewQuery.fold($1) }
}
