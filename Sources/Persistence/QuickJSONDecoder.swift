import Foundation
import Workshop

/// A small JSON decoder for Campfire's own files, used to reopen a session in one frame
/// (docs/decisions.md, "Reopening in one frame"; docs/performance.md, figure 1).
///
/// Foundation's `JSONDecoder` builds a dictionary of every object's keys and a `String` of every
/// key as it decodes; on a 10,000-event session's 0.8 MB snapshot that was most of the time of
/// reopening it. This one reads the whole text once into a flat list of values, then hands the
/// same `Decodable` code the values it asks for, finding each key by comparing bytes.
///
/// It reads only what it is sure of: strict JSON, valid UTF-8, dates in Campfire's one format
/// (`Timestamp`). Anything else, it throws, and the caller decodes with `JSONDecoder` as before,
/// which also gives the same error messages for damaged files. So the result is always what
/// `JSONDecoder` gives; a test decodes the same files both ways.
enum QuickJSONDecoder {
    struct Unsupported: Error {}

    /// A snapshot file read in one pass: its whole envelope (`SnapshotEnvelope`, every format)
    /// and its document. The envelope's checks are the caller's (`SnapshotFile.read`), the same
    /// whichever decoder read it.
    struct Snapshot<Document: Decodable>: Decodable {
        let format: Int?
        let schema: Int
        let journalSequence: Int
        let journalLength: Int?
        let journalSum: String?
        let savedAt: Date
        let documentSum: String?
        let document: Document

        var envelope: SnapshotEnvelope {
            SnapshotEnvelope.Header(
                format: format, schema: schema, journalSequence: journalSequence, journalLength: journalLength,
                journalSum: journalSum, savedAt: savedAt, documentSum: documentSum).envelope
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var parser = Parser(bytes: bytes)
            try parser.parseDocument()
            let document = Document(bytes: bytes, nodes: parser.nodes)
            return try T(from: NodeDecoder(document: document, node: 0, codingPath: []))
        }
    }

    // MARK: The flat list of values

    enum Kind: UInt8 { case object, array, string, escapedString, number, trueValue, falseValue, null }

    /// One value: for a string or number, its bytes `start..<end`; for an object or array, `count`
    /// members and `end`, the index of the node after its last one (an object's members are key
    /// and value nodes in turn).
    struct Node {
        var kind: Kind
        var start: Int32
        var end: Int32
        var count: Int32
    }

    struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0
        var nodes: [Node] = []

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            nodes.reserveCapacity(bytes.count / 8)
        }

        mutating func parseDocument() throws {
            guard bytes.count < Int(Int32.max) else { throw Unsupported() }
            try parseValue(depth: 0)
            skipSpace()
            guard index == bytes.count else { throw Unsupported() }
        }

        private mutating func skipSpace() {
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
                index += 1
            }
        }

        private mutating func parseValue(depth: Int) throws {
            guard depth < 512 else { throw Unsupported() }
            skipSpace()
            guard index < bytes.count else { throw Unsupported() }
            switch bytes[index] {
            case UInt8(ascii: "{"): try parseContainer(depth: depth, object: true)
            case UInt8(ascii: "["): try parseContainer(depth: depth, object: false)
            case UInt8(ascii: "\""): try parseString()
            case UInt8(ascii: "t"): try literal("true", .trueValue)
            case UInt8(ascii: "f"): try literal("false", .falseValue)
            case UInt8(ascii: "n"): try literal("null", .null)
            default: try parseNumber()
            }
        }

        private mutating func literal(_ word: StaticString, _ kind: Kind) throws {
            let length = word.utf8CodeUnitCount
            guard index + length <= bytes.count else { throw Unsupported() }
            for offset in 0..<length where bytes[index + offset] != word.utf8Start[offset] { throw Unsupported() }
            nodes.append(Node(kind: kind, start: Int32(index), end: Int32(index + length), count: 0))
            index += length
        }

        private mutating func parseContainer(depth: Int, object: Bool) throws {
            let me = nodes.count
            nodes.append(Node(kind: object ? .object : .array, start: Int32(index), end: 0, count: 0))
            index += 1
            var count: Int32 = 0
            skipSpace()
            let close = object ? UInt8(ascii: "}") : UInt8(ascii: "]")
            if index < bytes.count, bytes[index] == close {
                index += 1
            } else {
                while true {
                    if object {
                        skipSpace()
                        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw Unsupported() }
                        try parseString()
                        skipSpace()
                        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw Unsupported() }
                        index += 1
                    }
                    try parseValue(depth: depth + 1)
                    count += 1
                    skipSpace()
                    guard index < bytes.count else { throw Unsupported() }
                    if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                    guard bytes[index] == close else { throw Unsupported() }
                    index += 1
                    break
                }
            }
            nodes[me].count = count
            nodes[me].end = Int32(nodes.count)
        }

        private mutating func parseString() throws {
            index += 1  // the opening quote
            let start = index
            var escaped = false
            while true {
                guard index < bytes.count else { throw Unsupported() }
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") { break }
                if byte < 0x20 { throw Unsupported() }  // control characters must be escaped
                if byte == UInt8(ascii: "\\") {
                    escaped = true
                    index += 2
                    continue
                }
                index += 1
            }
            nodes.append(Node(kind: escaped ? .escapedString : .string, start: Int32(start), end: Int32(index), count: 0))
            index += 1
        }

        private mutating func parseNumber() throws {
            let start = index
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
            func digits() -> Int {
                let from = index
                while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
                return index - from
            }
            let integerStart = index
            let integerDigits = digits()
            guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else { throw Unsupported() }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { throw Unsupported() }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard digits() > 0 else { throw Unsupported() }
            }
            nodes.append(Node(kind: .number, start: Int32(start), end: Int32(index), count: 0))
        }
    }

    /// The text and its values, shared by every container.
    final class Document {
        let bytes: UnsafeBufferPointer<UInt8>
        let nodes: [Node]

        init(bytes: UnsafeBufferPointer<UInt8>, nodes: [Node]) {
            self.bytes = bytes
            self.nodes = nodes
        }

        /// The index of the node after `node` and everything in it.
        @inline(__always) func after(_ node: Int) -> Int {
            let value = nodes[node]
            return value.kind == .object || value.kind == .array ? Int(value.end) : node + 1
        }

        func string(_ node: Int) throws -> String {
            let value = nodes[node]
            let slice = UnsafeBufferPointer(rebasing: bytes[Int(value.start)..<Int(value.end)])
            switch value.kind {
            case .string:
                // Plain ASCII (most of a workshop's text) needs no check: every byte is a whole
                // character. `String(validating:)` is generic and looked up its metadata on each call.
                if isASCII(slice) { return String(decoding: slice, as: UTF8.self) }
                guard let text = String(validating: slice, as: UTF8.self) else { throw Unsupported() }
                return text
            case .escapedString:
                return try unescape(slice)
            default:
                throw Unsupported()
            }
        }

        /// Whether every byte is below 0x80, eight at a time.
        @inline(__always) private func isASCII(_ slice: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let base = slice.baseAddress else { return true }
            let raw = UnsafeRawPointer(base)
            var index = 0
            while index + 8 <= slice.count {
                if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                index += 8
            }
            while index < slice.count {
                if base[index] >= 0x80 { return false }
                index += 1
            }
            return true
        }

        private func unescape(_ slice: UnsafeBufferPointer<UInt8>) throws -> String {
            var out: [UInt8] = []
            out.reserveCapacity(slice.count)
            var index = 0
            func hex4() throws -> UInt32 {
                guard index + 4 <= slice.count else { throw Unsupported() }
                var value: UInt32 = 0
                for _ in 0..<4 {
                    let byte = slice[index]
                    let digit: UInt32
                    switch byte {
                    case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
                    case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
                    case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
                    default: throw Unsupported()
                    }
                    value = value * 16 + digit
                    index += 1
                }
                return value
            }
            while index < slice.count {
                let byte = slice[index]
                guard byte == UInt8(ascii: "\\") else {
                    out.append(byte)
                    index += 1
                    continue
                }
                guard index + 1 < slice.count else { throw Unsupported() }
                let code = slice[index + 1]
                index += 2
                switch code {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "/"): out.append(UInt8(ascii: "/"))
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800...0xDBFF).contains(scalar) {
                        // A pair of escapes for one character beyond the first 65,536.
                        guard index + 2 <= slice.count, slice[index] == UInt8(ascii: "\\"), slice[index + 1] == UInt8(ascii: "u") else { throw Unsupported() }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw Unsupported() }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw Unsupported()
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw Unsupported() }
                    out.append(contentsOf: Array(String(Character(unicode)).utf8))
                default:
                    throw Unsupported()
                }
            }
            guard let text = String(validating: out, as: UTF8.self) else { throw Unsupported() }
            return text
        }

        /// The story round's turns read straight from the nodes, when every turn is written
        /// exactly as Campfire writes it (the five keys, each once, no others); nil otherwise,
        /// and the turns are read the general way. A workshop's turn history is thousands of small
        /// objects, and the general way (a keyed container per turn, generic calls for each value)
        /// was the largest part of reading a long workshop's snapshot (docs/performance.md).
        func quickTurns(_ node: Int) throws -> [Turn]? {
            let array = nodes[node]
            guard array.kind == .array else { return nil }
            var turns: [Turn] = []
            turns.reserveCapacity(Int(array.count))
            var element = node + 1
            for _ in 0..<Int(array.count) {
                let object = nodes[element]
                guard object.kind == .object, object.count >= 4, object.count <= 5 else { return nil }
                var participant: String?, startedAt: Date?, endedAt: Date?, passed: Bool?, invited: Bool?
                var sawEndedAt = false
                var key = element + 1
                for _ in 0..<Int(object.count) {
                    let value = key + 1
                    let valueKind = nodes[value].kind
                    if keyMatches(key, "participant"), participant == nil {
                        participant = try string(value)
                    } else if keyMatches(key, "startedAt"), startedAt == nil, valueKind == .string {
                        guard let date = Timestamp.parse(buffer: slice(value)) else { throw Unsupported() }
                        startedAt = date
                    } else if keyMatches(key, "endedAt"), !sawEndedAt, valueKind == .string || valueKind == .null {
                        sawEndedAt = true
                        if valueKind == .string {
                            guard let date = Timestamp.parse(buffer: slice(value)) else { throw Unsupported() }
                            endedAt = date
                        }
                    } else if keyMatches(key, "passed"), passed == nil {
                        passed = try bool(value)
                    } else if keyMatches(key, "invited"), invited == nil {
                        invited = try bool(value)
                    } else {
                        return nil
                    }
                    key = after(value)
                }
                guard let participant, let startedAt, let passed, let invited else { return nil }
                turns.append(Turn(participant: participant, startedAt: startedAt, endedAt: endedAt, passed: passed, invited: invited))
                element = after(element)
            }
            return turns
        }

        @inline(__always) private func slice(_ node: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[Int(nodes[node].start)..<Int(nodes[node].end)])
        }

        /// Whether string node `node` is exactly `key` (keys Campfire writes need no escapes).
        @inline(__always) func keyMatches(_ node: Int, _ key: String) -> Bool {
            let value = nodes[node]
            guard value.kind == .string else { return false }
            let length = Int(value.end - value.start)
            var key = key
            return key.withUTF8 { utf8 in
                utf8.count == length && memcmp(utf8.baseAddress!, bytes.baseAddress! + Int(value.start), length) == 0
            }
        }

        func integer<T: FixedWidthInteger>(_ node: Int, as type: T.Type) throws -> T {
            let value = nodes[node]
            guard value.kind == .number else { throw Unsupported() }
            var index = Int(value.start)
            let end = Int(value.end)
            let negative = bytes[index] == UInt8(ascii: "-")
            if negative { index += 1 }
            var result: T = 0
            while index < end {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { throw Unsupported() }  // a fraction or exponent
                let (times, overflow1) = result.multipliedReportingOverflow(by: 10)
                let digit = T(byte - UInt8(ascii: "0"))
                let (next, overflow2) = negative ? times.subtractingReportingOverflow(digit) : times.addingReportingOverflow(digit)
                guard !overflow1, !overflow2 else { throw Unsupported() }
                result = next
                index += 1
            }
            return result
        }

        func double(_ node: Int) throws -> Double {
            let value = nodes[node]
            guard value.kind == .number,
                  let number = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(value.start)..<Int(value.end)]), as: UTF8.self)),
                  number.isFinite
            else { throw Unsupported() }
            return number
        }

        func bool(_ node: Int) throws -> Bool {
            switch nodes[node].kind {
            case .trueValue: return true
            case .falseValue: return false
            default: throw Unsupported()
            }
        }

        func decode<T: Decodable>(_ type: T.Type, node: Int, codingPath: [any CodingKey]) throws -> T {
            // The types with a strategy of their own in JSONCoding, or special in JSONDecoder.
            if T.self == Date.self {
                // Read from the bytes: a date is never escaped (any other string goes the careful way).
                let value = nodes[node]
                if value.kind == .string {
                    guard let date = Timestamp.parse(buffer: UnsafeBufferPointer(rebasing: bytes[Int(value.start)..<Int(value.end)]))
                    else { throw Unsupported() }
                    return date as! T
                }
                guard let date = Timestamp.parse(try string(node)) else { throw Unsupported() }
                return date as! T
            }
            if T.self == [Turn].self, let turns = try quickTurns(node) { return turns as! T }
            if T.self == ChunkedArray<Turn>.self, let turns = try quickTurns(node) { return ChunkedArray(turns) as! T }
            if T.self == String.self { return try string(node) as! T }
            if T.self == Int.self { return try integer(node, as: Int.self) as! T }
            if T.self == Bool.self { return try bool(node) as! T }
            if T.self == Double.self { return try double(node) as! T }
            if T.self == Data.self || T.self == URL.self || T.self == Decimal.self || T.self == Float.self { throw Unsupported() }
            return try T(from: NodeDecoder(document: self, node: node, codingPath: codingPath))
        }
    }

    // MARK: Decoder

    struct NodeDecoder: Decoder {
        let document: Document
        let node: Int
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
            guard document.nodes[node].kind == .object else { throw Unsupported() }
            return KeyedDecodingContainer(KeyedContainer<Key>(document: document, node: node, codingPath: codingPath))
        }

        func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
            guard document.nodes[node].kind == .array else { throw Unsupported() }
            return UnkeyedContainer(document: document, node: node, codingPath: codingPath)
        }

        func singleValueContainer() throws -> any SingleValueDecodingContainer {
            SingleValue(document: document, node: node, codingPath: codingPath)
        }
    }

    struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let document: Document
        let codingPath: [any CodingKey]
        private let first: Int
        private let count: Int
        /// Where to start looking for the next key (member number and its key node): keys are
        /// mostly asked for in the order they are written, so each is usually the next one.
        private final class Cursor {
            var member = 0
            var node: Int
            init(node: Int) { self.node = node }
        }
        private let cursor: Cursor

        init(document: Document, node: Int, codingPath: [any CodingKey]) {
            self.document = document
            self.codingPath = codingPath
            first = node + 1
            count = Int(document.nodes[node].count)
            cursor = Cursor(node: node + 1)
        }

        private var members: [(key: Int, value: Int)] {
            var members: [(key: Int, value: Int)] = []
            var next = first
            for _ in 0..<count {
                members.append((next, next + 1))
                next = document.after(next + 1)
            }
            return members
        }

        var allKeys: [Key] {
            members.compactMap { member in (try? document.string(member.key)).flatMap { Key(stringValue: $0) } }
        }

        private func find(_ key: Key) -> Int? {
            guard count > 0 else { return nil }
            let name = key.stringValue
            var member = cursor.member, node = cursor.node
            for _ in 0..<count {
                if member >= count { member = 0; node = first }
                let after = document.after(node + 1)
                if document.keyMatches(node, name) {
                    cursor.member = member + 1
                    cursor.node = after
                    return node + 1
                }
                member += 1
                node = after
            }
            // A key written with escapes: compare the text.
            for member in members where document.nodes[member.key].kind == .escapedString {
                if (try? document.string(member.key)) == name { return member.value }
            }
            return nil
        }

        private func value(_ key: Key) throws -> Int {
            guard let node = find(key) else { throw Unsupported() }
            return node
        }

        func contains(_ key: Key) -> Bool { find(key) != nil }

        func decodeNil(forKey key: Key) throws -> Bool {
            document.nodes[try value(key)].kind == .null
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try document.bool(try value(key)) }
        func decode(_ type: String.Type, forKey key: Key) throws -> String { try document.string(try value(key)) }
        func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try document.double(try value(key)) }
        func decode(_ type: Float.Type, forKey key: Key) throws -> Float { throw Unsupported() }
        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try document.integer(try value(key), as: Int.self) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try document.integer(try value(key), as: Int8.self) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try document.integer(try value(key), as: Int16.self) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try document.integer(try value(key), as: Int32.self) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try document.integer(try value(key), as: Int64.self) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try document.integer(try value(key), as: UInt.self) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try document.integer(try value(key), as: UInt8.self) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try document.integer(try value(key), as: UInt16.self) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try document.integer(try value(key), as: UInt32.self) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try document.integer(try value(key), as: UInt64.self) }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try document.decode(type, node: try value(key), codingPath: [])
        }

        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            guard let node = find(key), document.nodes[node].kind != .null else { return nil }
            return try document.decode(type, node: node, codingPath: [])
        }

        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
            guard let node = find(key), document.nodes[node].kind != .null else { return nil }
            return try document.string(node)
        }

        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
            guard let node = find(key), document.nodes[node].kind != .null else { return nil }
            return try document.integer(node, as: Int.self)
        }

        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
            guard let node = find(key), document.nodes[node].kind != .null else { return nil }
            return try document.bool(node)
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try NodeDecoder(document: document, node: try value(key), codingPath: []).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try NodeDecoder(document: document, node: try value(key), codingPath: []).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder { throw Unsupported() }
        func superDecoder(forKey key: Key) throws -> any Decoder { throw Unsupported() }
    }

    struct UnkeyedContainer: UnkeyedDecodingContainer {
        let document: Document
        let codingPath: [any CodingKey]
        let count: Int?
        private(set) var currentIndex = 0
        private var next: Int

        init(document: Document, node: Int, codingPath: [any CodingKey]) {
            self.document = document
            self.codingPath = codingPath
            count = Int(document.nodes[node].count)
            next = node + 1
        }

        var isAtEnd: Bool { currentIndex >= count! }

        private mutating func take() throws -> Int {
            guard !isAtEnd else { throw Unsupported() }
            let node = next
            next = document.after(node)
            currentIndex += 1
            return node
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd else { throw Unsupported() }
            if document.nodes[next].kind == .null {
                _ = try take()
                return true
            }
            return false
        }

        mutating func decode(_ type: String.Type) throws -> String { try document.string(try take()) }
        mutating func decode(_ type: Int.Type) throws -> Int { try document.integer(try take(), as: Int.self) }
        mutating func decode(_ type: Bool.Type) throws -> Bool { try document.bool(try take()) }
        mutating func decode(_ type: Double.Type) throws -> Double { try document.double(try take()) }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            try document.decode(type, node: try take(), codingPath: [])
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try NodeDecoder(document: document, node: try take(), codingPath: codingPath).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            try NodeDecoder(document: document, node: try take(), codingPath: codingPath).unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder { throw Unsupported() }
    }

    struct IndexKey: CodingKey {
        var stringValue: String { "Index \(intValue!)" }
        var intValue: Int?
        init(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { nil }
    }

    struct SingleValue: SingleValueDecodingContainer {
        let document: Document
        let node: Int
        let codingPath: [any CodingKey]

        func decodeNil() -> Bool { document.nodes[node].kind == .null }
        func decode(_ type: Bool.Type) throws -> Bool { try document.bool(node) }
        func decode(_ type: String.Type) throws -> String { try document.string(node) }
        func decode(_ type: Double.Type) throws -> Double { try document.double(node) }
        func decode(_ type: Float.Type) throws -> Float { throw Unsupported() }
        func decode(_ type: Int.Type) throws -> Int { try document.integer(node, as: Int.self) }
        func decode(_ type: Int8.Type) throws -> Int8 { try document.integer(node, as: Int8.self) }
        func decode(_ type: Int16.Type) throws -> Int16 { try document.integer(node, as: Int16.self) }
        func decode(_ type: Int32.Type) throws -> Int32 { try document.integer(node, as: Int32.self) }
        func decode(_ type: Int64.Type) throws -> Int64 { try document.integer(node, as: Int64.self) }
        func decode(_ type: UInt.Type) throws -> UInt { try document.integer(node, as: UInt.self) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try document.integer(node, as: UInt8.self) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try document.integer(node, as: UInt16.self) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try document.integer(node, as: UInt32.self) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try document.integer(node, as: UInt64.self) }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try document.decode(type, node: node, codingPath: codingPath) }
    }
}
