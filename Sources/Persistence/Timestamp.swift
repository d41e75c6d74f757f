import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Dates as written in Campfire's files: ISO-8601, UTC, milliseconds,
/// always 24 characters, e.g. `2026-11-23T10:41:07.123Z`.
///
/// Formatted by hand rather than with `ISO8601DateFormatter` so the output is
/// identical on every platform and round-trips exactly at millisecond precision.
enum Timestamp {
    /// - Returns: the date rounded to the nearest millisecond, in UTC.
    ///
    /// Digit by digit, not with `String(format:)`, which goes through CoreFoundation and took a
    /// third of the time of writing a 10,000-event snapshot (thousands of dates; a test checks
    /// that both give the same text).
    static func format(_ date: Date) -> String {
        let (parts, milliseconds) = fields(of: date)
        let year = Int(parts.tm_year) + 1900
        guard (0...9999).contains(year) else { return formatWithPrintf(date) }
        var bytes = [UInt8](repeating: 0, count: 24)
        func put(_ value: Int, _ digits: Int, at offset: Int) {
            var value = value
            for index in stride(from: offset + digits - 1, through: offset, by: -1) {
                bytes[index] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
        }
        put(year, 4, at: 0)
        bytes[4] = UInt8(ascii: "-")
        put(Int(parts.tm_mon) + 1, 2, at: 5)
        bytes[7] = UInt8(ascii: "-")
        put(Int(parts.tm_mday), 2, at: 8)
        bytes[10] = UInt8(ascii: "T")
        put(Int(parts.tm_hour), 2, at: 11)
        bytes[13] = UInt8(ascii: ":")
        put(Int(parts.tm_min), 2, at: 14)
        bytes[16] = UInt8(ascii: ":")
        put(Int(parts.tm_sec), 2, at: 17)
        bytes[19] = UInt8(ascii: ".")
        put(milliseconds, 3, at: 20)
        bytes[23] = UInt8(ascii: "Z")
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The same with `String(format:)`: for years outside 0–9999, and for the test that both agree.
    static func formatWithPrintf(_ date: Date) -> String {
        let (parts, milliseconds) = fields(of: date)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
            Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
            Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), milliseconds)
    }

    /// The date's calendar fields in UTC, and its milliseconds, rounded to the nearest.
    private static func fields(of date: Date) -> (tm, Int) {
        let totalMilliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded())
        var seconds = time_t(totalMilliseconds.floorDivided(by: 1000))
        let milliseconds = Int(totalMilliseconds - Int64(seconds) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return (parts, milliseconds)
    }

    /// - Returns: the date, or nil unless the text is exactly in Campfire's format.
    static func parse(_ text: String) -> Date? {
        parse(bytes: Array(text.utf8)[...])
    }

    /// The same, from the text's UTF-8 bytes (reopening reads 10,000 journal times this way,
    /// without making a string of each).
    static func parse(bytes: ArraySlice<UInt8>) -> Date? {
        bytes.withUnsafeBufferPointer { parse(buffer: $0) }
    }

    /// The same, from memory (the snapshot's bytes as `QuickJSONDecoder` holds them).
    static func parse(buffer bytes: UnsafeBufferPointer<UInt8>) -> Date? {
        guard bytes.count == 24 else { return nil }
        @inline(__always) func at(_ offset: Int) -> UInt8 { bytes[offset] }
        guard at(4) == UInt8(ascii: "-"), at(7) == UInt8(ascii: "-"), at(10) == UInt8(ascii: "T"),
              at(13) == UInt8(ascii: ":"), at(16) == UInt8(ascii: ":"), at(19) == UInt8(ascii: "."),
              at(23) == UInt8(ascii: "Z")
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for offset in range {
                let byte = at(offset)
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              let millisecond = number(20..<23),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        // Days since 1970-01-01 of the proleptic Gregorian calendar (as `timegm` counts them; a
        // day past the month's end, such as 31 February, runs on into the next month as there).
        let days = daysFromCivil(year: year, month: month) + day - 1
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return Date(timeIntervalSince1970: Double(seconds * 1000 + Int64(millisecond)) / 1000)
    }

    /// Days from 1970-01-01 to the first of `month` in `year` (Howard Hinnant's `days_from_civil`).
    private static func daysFromCivil(year: Int, month: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The same date worked out by the C library's `timegm` (for the test that both agree).
    static func parseWithTimegm(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 24, parse(bytes: bytes[...]) != nil else { return nil }
        func number(_ range: Range<Int>) -> Int {
            range.reduce(0) { $0 * 10 + Int(bytes[$1] - UInt8(ascii: "0")) }
        }
        var parts = tm()
        parts.tm_year = Int32(number(0..<4) - 1900)
        parts.tm_mon = Int32(number(5..<7) - 1)
        parts.tm_mday = Int32(number(8..<10))
        parts.tm_hour = Int32(number(11..<13))
        parts.tm_min = Int32(number(14..<16))
        parts.tm_sec = Int32(number(17..<19))
        let seconds = Int64(timegm(&parts))
        return Date(timeIntervalSince1970: Double(seconds * 1000 + Int64(number(20..<23))) / 1000)
    }
}

extension Int64 {
    /// Division that rounds towards minus infinity, so dates before 1970 format correctly.
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
