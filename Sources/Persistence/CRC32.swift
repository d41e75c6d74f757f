/// CRC-32 as zlib and Python's `zlib.crc32` compute it (IEEE 802.3,
/// reflected polynomial 0xEDB88320), so other tools can check journal lines.
enum CRC32 {
    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = (value & 1) != 0 ? (0xEDB8_8320 ^ (value >> 1)) : (value >> 1)
        }
        return value
    }

    /// - Returns: the checksum of `bytes`.
    static func checksum<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        update(0, with: bytes)
    }

    /// The checksum of what `previous` was the checksum of, followed by `bytes` (as zlib's
    /// `crc32(previous, bytes)`): so a long file's checksum is kept up to date line by line.
    static func update<Bytes: Sequence>(_ previous: UInt32, with bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        var crc: UInt32 = previous ^ 0xFFFF_FFFF
        for byte in bytes {
            crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
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
}
