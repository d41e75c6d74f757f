import Foundation

/// A problem reading one of Campfire's plain files, naming the file and, where known, the line.
public struct PlainFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let problem: String

    public init(file: String, line: Int? = nil, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var description: String {
        if let line { return "\(file), line \(line): \(problem)" }
        return "\(file): \(problem)"
    }

    /// Decodes JSON, turning any failure into a plain message with the file and line.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String) throws(PlainFileError) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw explain(error, data: data, file: file)
        } catch {
            throw PlainFileError(file: file, problem: "could not be read: \(error.localizedDescription)")
        }
    }

    private static func explain(_ error: DecodingError, data: Data, file: String) -> PlainFileError {
        let text = String(decoding: data, as: UTF8.self)
        func where_(_ path: [CodingKey]) -> String {
            let names = path.map { $0.intValue.map { "item \($0 + 1)" } ?? $0.stringValue }
            return names.isEmpty ? "the top level" : names.joined(separator: " → ")
        }
        func lineOf(_ path: [CodingKey]) -> Int? {
            // Finds the last named key of the path in the text; good enough to point a person at the spot.
            guard let key = path.last(where: { $0.intValue == nil })?.stringValue,
                  let range = text.range(of: "\"\(key)\"") else { return nil }
            return text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
        }
        switch error {
        case .keyNotFound(let key, let context):
            return PlainFileError(file: file, line: lineOf(context.codingPath), problem: "\"\(key.stringValue)\" is missing in \(where_(context.codingPath)).")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return PlainFileError(file: file, line: lineOf(context.codingPath), problem: "the value at \(where_(context.codingPath)) is not the right kind (\(context.debugDescription)).")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let detail = (context.underlyingError as NSError?)?.debugDescription ?? context.debugDescription
                let line = firstNumber(after: "line ", in: detail)
                return PlainFileError(file: file, line: line, problem: "is not valid JSON (\(context.debugDescription)).")
            }
            return PlainFileError(file: file, line: lineOf(context.codingPath), problem: "the value at \(where_(context.codingPath)) is not allowed: \(context.debugDescription)")
        @unknown default:
            return PlainFileError(file: file, problem: "could not be read.")
        }
    }

    private static func firstNumber(after marker: String, in text: String) -> Int? {
        guard let range = text.range(of: marker) else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }
}
