import Foundation

/// A list kept in chunks of 256, used for a long list that changes a little at a time (the
/// story round's turns).
///
/// A record is a value, and undo keeps earlier records (`SessionEditor`), so a change to an
/// ordinary array that an earlier record still holds copies the whole array first: every turn
/// of a long workshop, thousands of them, on every pass of the talking stick. Here a change
/// copies one chunk and the short list of chunks, and comparing two versions skips the chunks
/// they share (docs/performance.md, figure 3).
///
/// Every chunk but the last is full, always, so equal lists have equal chunks. It reads,
/// compares and is written to JSON as a plain array.
public struct ChunkedArray<Element> {
    private static var shift: Int { 8 }
    private static var chunkSize: Int { 1 << shift }

    private var chunks: [[Element]] = []
    public private(set) var count = 0

    public init() {}

    public init<S: Sequence>(_ elements: S) where S.Element == Element {
        for element in elements { append(element) }
    }

    /// Adds an element at the end, copying at most the last chunk.
    public mutating func append(_ element: Element) {
        if let last = chunks.indices.last, chunks[last].count < Self.chunkSize {
            chunks[last].append(element)
        } else {
            var chunk: [Element] = []
            chunk.reserveCapacity(Self.chunkSize)
            chunk.append(element)
            chunks.append(chunk)
        }
        count += 1
    }

    /// Removes the last element, copying at most the last chunk.
    @discardableResult
    public mutating func removeLast() -> Element {
        precondition(count > 0, "Can't remove the last element of an empty list")
        let last = chunks.count - 1
        let element = chunks[last].removeLast()
        if chunks[last].isEmpty { chunks.removeLast() }
        count -= 1
        return element
    }
}

extension ChunkedArray: RandomAccessCollection, MutableCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> Element {
        get {
            precondition(position >= 0 && position < count, "Index out of range")
            return chunks[position >> Self.shift][position & (Self.chunkSize - 1)]
        }
        set {
            precondition(position >= 0 && position < count, "Index out of range")
            chunks[position >> Self.shift][position & (Self.chunkSize - 1)] = newValue
        }
    }
}

extension ChunkedArray: RangeReplaceableCollection {
    public mutating func replaceSubrange<C: Collection>(_ subrange: Range<Int>, with newElements: C) where C.Element == Element {
        if subrange.isEmpty && subrange.lowerBound == count {
            for element in newElements { append(element) }
            return
        }
        // Anything else (removing turns, rare) is done on a plain copy and chunked again.
        var all = Array(self)
        all.replaceSubrange(subrange, with: newElements)
        self = ChunkedArray(all)
    }
}

extension ChunkedArray: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Element...) {
        self.init(elements)
    }
}

extension ChunkedArray: Equatable where Element: Equatable {
    /// Chunks the two share (most of them, between two versions of a record) compare at once.
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.count == rhs.count && lhs.chunks == rhs.chunks
    }
}

extension ChunkedArray: Hashable where Element: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for element in self { hasher.combine(element) }
    }
}

extension ChunkedArray: Sendable where Element: Sendable {}

extension ChunkedArray: Encodable where Element: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for element in self { try container.encode(element) }
    }
}

extension ChunkedArray: Decodable where Element: Decodable {
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([Element].self))
    }
}

extension ChunkedArray: CustomStringConvertible {
    public var description: String { Array(self).description }
}
