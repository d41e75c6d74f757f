import Foundation

/// A JSON value with the line each part starts on, so a checker can name the line of a problem.
///
/// Foundation's decoders do not report positions, so scenario files are read once by this small
/// scanner for checking, and then decoded with Codable once they pass.
public indirect enum JSONValue: Equatable, Sendable {
    case object([JSONMember])
    case array([JSONNode])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    /// A plain name for the kind of value, for messages ("a list", "some text").
    public var kindName: String {
        switch self {
        case .object: return "a { } block"
        case .array: return "a [ ] list"
        case .string: return "text in quotes"
        case .number: return "a number"
        case .bool: return "true or false"
        case .null: return "null"
        }
    }
}

/// One key of a JSON object, with the line the key is on.
public struct JSONMember: Equatable, Sendable {
    public var key: String
    public var keyLine: Int
    public var value: JSONNode
}

/// A JSON value and the line it starts on (1-based).
public struct JSONNode: Equatable, Sendable {
    public var value: JSONValue
    public var line: Int

    /// The member with a key, if this is an object that has it.
    public func member(_ key: String) -> JSONMember? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }
    }

    public var string: String? { if case .string(let s) = value { return s }; return nil }
    public var number: Double? { if case .number(let n) = value { return n }; return nil }
    public var array: [JSONNode]? { if case .array(let a) = value { return a }; return nil }
    public var members: [JSONMember]? { if case .object(let m) = value { return m }; return nil }
    public var bool: Bool? { if case .bool(let b) = value { return b }; return nil }
}

/// A JSON syntax problem and its line.
public struct JSONSyntaxError: Error, Equatable, Sendable {
    public var line: Int
    public var problem: String
}

/// Reads JSON text into `JSONNode`s, counting lines as it goes.
public struct JSONScanner {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1

    private init(_ data: Data) { bytes = [UInt8](data) }

    /// Parses a whole document.
    /// - Throws: `JSONSyntaxError` naming the line.
    public static func parse(_ data: Data) throws(JSONSyntaxError) -> JSONNode {
        var scanner = JSONScanner(data)
        scanner.skipSpace()
        let node = try scanner.value(depth: 0)
        scanner.skipSpace()
        if scanner.index < scanner.bytes.count { throw scanner.fail("there is more after the end of the file's main { } block") }
        return node
    }

    private func fail(_ problem: String) -> JSONSyntaxError { JSONSyntaxError(line: line, problem: problem) }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x0A: line += 1; index += 1
            case 0x20, 0x09, 0x0D: index += 1
            default: return
            }
        }
    }

    private mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONNode {
        guard depth < 200 else { throw fail("it is nested too deeply") }
        guard index < bytes.count else { throw fail("the file ends too soon") }
        let startLine = line
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            var members: [JSONMember] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return JSONNode(value: .object([]), line: startLine) }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a \"name\" in quotes") }
                let keyLine = line
                let key = try string()
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected : after \"\(key)\"") }
                index += 1
                skipSpace()
                let child = try value(depth: depth + 1)
                members.append(JSONMember(key: key, keyLine: keyLine, value: child))
                skipSpace()
                guard index < bytes.count else { throw fail("the file ends inside a { } block") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; break }
                throw fail("expected , or } after the value of \"\(key)\"")
            }
            return JSONNode(value: .object(members), line: startLine)
        case UInt8(ascii: "["):
            index += 1
            var items: [JSONNode] = []
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return JSONNode(value: .array([]), line: startLine) }
            while true {
                skipSpace()
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard index < bytes.count else { throw fail("the file ends inside a [ ] list") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; break }
                throw fail("expected , or ] in a list")
            }
            return JSONNode(value: .array(items), line: startLine)
        case UInt8(ascii: "\""):
            return JSONNode(value: .string(try string()), line: startLine)
        case UInt8(ascii: "t"): try literal("true"); return JSONNode(value: .bool(true), line: startLine)
        case UInt8(ascii: "f"): try literal("false"); return JSONNode(value: .bool(false), line: startLine)
        case UInt8(ascii: "n"): try literal("null"); return JSONNode(value: .null, line: startLine)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = index
            while index < bytes.count, "+-.eE0123456789".utf8.contains(bytes[index]) { index += 1 }
            guard let text = String(bytes: bytes[start..<index], encoding: .utf8), let number = Double(text) else { throw fail("this is not a number") }
            return JSONNode(value: .number(number), line: startLine)
        default:
            throw fail("expected a value (text in quotes, a number, a list or a { } block)")
        }
    }

    private mutating func literal(_ word: String) throws(JSONSyntaxError) {
        let expected = Array(word.utf8)
        guard index + expected.count <= bytes.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw fail("expected a value; text needs \"quotes\"")
        }
        index += expected.count
    }

    private mutating func string() throws(JSONSyntaxError) -> String {
        index += 1 // the opening quote
        var out: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                guard let text = String(bytes: out, encoding: .utf8) else { throw fail("this text is not UTF-8") }
                return text
            case UInt8(ascii: "\\"):
                guard index + 1 < bytes.count else { throw fail("the file ends inside text") }
                let escape = bytes[index + 1]
                index += 2
                switch escape {
                case UInt8(ascii: "\""): out.append(0x22)
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "/"): out.append(0x2F)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var code = try hex4()
                    if (0xD800..<0xDC00).contains(code), index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                        index += 2
                        let low = try hex4()
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(code) else { throw fail("a \\u escape is not a character") }
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                default: throw fail("an unknown \\ escape in text")
                }
            case 0x0A: throw fail("text in quotes cannot run over the end of a line; use \\n")
            default:
                out.append(byte)
                index += 1
            }
        }
        throw fail("the file ends inside text; a closing \" is missing")
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count, let text = String(bytes: bytes[index..<index + 4], encoding: .ascii), let code = UInt32(text, radix: 16) else {
            throw fail("a \\u escape needs four hex digits")
        }
        index += 4
        return code
    }
}
