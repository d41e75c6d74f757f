import Foundation

extension JournalLine {
    /// The start every line has, `{"seq":`, and what follows the number, `,"at":"`.
    private static let seqKey = Array(#"{"seq":"#.utf8)
    private static let atKey = Array(#","at":""#.utf8)
    private static let eventKey = Array(#"","event":"#.utf8)

    /// The sequence number and time of a line, read straight from its bytes when it starts
    /// exactly as Campfire writes it, `{"seq":N,"at":"<24 characters>","event":`; nil otherwise
    /// (the caller then reads it with `JSONDecoder`, as before).
    ///
    /// For reopening: the lines a snapshot already holds are checked (checksum, numbering, time)
    /// but not decoded, and reading their header with `JSONDecoder` was most of the time of
    /// reopening a long session (docs/performance.md, figure 4).
    static func quickHeader(_ line: ArraySlice<UInt8>) -> (sequence: Int, at: Date)? {
        var index = line.startIndex
        func expect(_ bytes: [UInt8]) -> Bool {
            guard line.endIndex - index >= bytes.count else { return false }
            for offset in 0..<bytes.count where line[index + offset] != bytes[offset] { return false }
            index += bytes.count
            return true
        }
        guard expect(seqKey) else { return nil }
        var sequence = 0
        let digitsStart = index
        while index < line.endIndex, line[index] >= UInt8(ascii: "0"), line[index] <= UInt8(ascii: "9"), index - digitsStart < 18 {
            sequence = sequence * 10 + Int(line[index] - UInt8(ascii: "0"))
            index += 1
        }
        // JSON numbers have no leading zeros; anything unusual goes the careful way.
        guard index > digitsStart, index - digitsStart == 1 || line[digitsStart] != UInt8(ascii: "0") else { return nil }
        guard expect(atKey), line.endIndex - index >= 24 else { return nil }
        let timeBytes = line[index..<(index + 24)]
        index += 24
        guard expect(eventKey), line.last == UInt8(ascii: "}") || line.last == UInt8(ascii: "\"") else { return nil }
        guard let date = Timestamp.parse(bytes: timeBytes) else { return nil }
        return (sequence, date)
    }
}
