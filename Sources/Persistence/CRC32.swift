import Foundation

/// CRC-32 as zlib and Python's `zlib.crc32` compute it (IEEE 802.3,
/// reflected polynomial 0xEDB88320), so other tools can check journal lines.
///
/// Eight bytes at a time ("slicing by 8", eight tables of 256 entries): reopening a long
/// session checks every journal line and the journal as a whole, several megabytes, and one
/// byte at a time that was several milliseconds of the first screen (docs/performance.md).
enum CRC32 {
    /// `tables[k][b]`: the CRC of byte `b` followed by `k` zero bytes; `tables[0]` is the
    /// usual one-byte table. Laid out flat, 8 x 256.
    private static let tables: [UInt32] = {
        var flat = [UInt32](repeating: 0, count: 8 * 256)
        for index in 0..<256 {
            var value = UInt32(index)
            for _ in 0..<8 {
                value = (value & 1) != 0 ? (0xEDB8_8320 ^ (value >> 1)) : (value >> 1)
            }
            flat[index] = value
        }
        for index in 0..<256 {
            var value = flat[index]
            for slice in 1..<8 {
                value = flat[Int(value & 0xFF)] ^ (value >> 8)
                flat[slice * 256 + index] = value
            }
        }
        return flat
    }()

    /// - Returns: the checksum of `bytes`.
    static func checksum<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        update(0, with: bytes)
    }

    /// The checksum of what `previous` was the checksum of, followed by `bytes` (as zlib's
    /// `crc32(previous, bytes)`): so a long file's checksum is kept up to date line by line.
    static func update<Bytes: Sequence>(_ previous: UInt32, with bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        if let fast = bytes.withContiguousStorageIfAvailable({ update(previous, buffer: UnsafeRawBufferPointer($0)) }) {
            return fast
        }
        return tables.withUnsafeBufferPointer { table in
            var crc: UInt32 = previous ^ 0xFFFF_FFFF
            for byte in bytes {
                crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
            }
            return crc ^ 0xFFFF_FFFF
        }
    }

    /// The same over raw memory, eight bytes a step.
    static func update(_ previous: UInt32, buffer: UnsafeRawBufferPointer) -> UInt32 {
        tables.withUnsafeBufferPointer { table in
            let t = table.baseAddress!
            var crc: UInt32 = previous ^ 0xFFFF_FFFF
            guard var pointer = buffer.baseAddress else { return previous }
            var left = buffer.count
            while left >= 8 {
                let low = UInt32(littleEndian: pointer.loadUnaligned(as: UInt32.self)) ^ crc
                let high = UInt32(littleEndian: (pointer + 4).loadUnaligned(as: UInt32.self))
                crc = t[7 * 256 + Int(low & 0xFF)] ^ t[6 * 256 + Int((low >> 8) & 0xFF)]
                    ^ t[5 * 256 + Int((low >> 16) & 0xFF)] ^ t[4 * 256 + Int(low >> 24)]
                    ^ t[3 * 256 + Int(high & 0xFF)] ^ t[2 * 256 + Int((high >> 8) & 0xFF)]
                    ^ t[1 * 256 + Int((high >> 16) & 0xFF)] ^ t[Int(high >> 24)]
                pointer += 8
                left -= 8
            }
            while left > 0 {
                crc = t[Int((crc ^ UInt32(pointer.load(as: UInt8.self))) & 0xFF)] ^ (crc >> 8)
                pointer += 1
                left -= 1
            }
            return crc ^ 0xFFFF_FFFF
        }
    }

    /// - Returns: the checksum of `data` (a snapshot's document: read straight from its memory).
    static func checksum(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { update(0, buffer: $0) }
    }

    /// - Returns: the checksum of `data` as 8 lowercase hex digits.
    static func hex(_ data: Data) -> String {
        hex(checksum(data))
    }

    /// - Returns: the checksum as 8 lowercase hex digits, as written in the journal.
    static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        hex(checksum(bytes))
    }

    /// `value` as 8 lowercase hex digits.
    static func hex(_ value: UInt32) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 8 - text.count) + text
    }

    /// Whether `digits` (8 lowercase hex digits, as written) is `value`; without making a string.
    static func matches(_ value: UInt32, hexDigits digits: ArraySlice<UInt8>) -> Bool {
        guard digits.count == 8 else { return false }
        var parsed: UInt32 = 0
        for byte in digits {
            let nibble: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
            default: return false
            }
            parsed = parsed << 4 | UInt32(nibble)
        }
        return parsed == value
    }
}
