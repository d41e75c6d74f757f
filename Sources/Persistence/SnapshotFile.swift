import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads and writes snapshot files (format in Snapshot.swift).
public enum SnapshotFile {
    /// What reading a snapshot found.
    public struct ReadResult<Document> {
        /// The snapshot, in the current schema.
        public var snapshot: Snapshot<Document>
        /// The schema the file had, if it was older and so migrated.
        public var migratedFromSchema: Int?
        /// Where the original of a migrated file was kept (nil if read-only).
        public var keptOriginal: URL?
    }

    // MARK: Writing

    /// Encodes a snapshot, keys in the documented order (see `SnapshotEnvelope`).
    /// - Throws: `PersistenceError.cannotEncode`.
    public static func encode<Document: Encodable>(_ snapshot: Snapshot<Document>, for file: URL) throws -> Data {
        let documentJSON: Data
        do {
            documentJSON = try JSONCoding.encoder().encode(snapshot.document)
        } catch {
            throw PersistenceError.cannotEncode(path: file.path, detail: "\(error)")
        }
        return snapshot.envelope.assemble(documentJSON: documentJSON)
    }

    /// Writes a snapshot atomically with mode 0600.
    /// - Throws: `PersistenceError`; the previous file stays whole on failure.
    public static func write<Document: Encodable>(_ snapshot: Snapshot<Document>, to file: URL) throws {
        try SafeFile.writeAtomically(try encode(snapshot, for: file), to: file)
    }

    // MARK: Reading

    private struct DocumentOnly<Document: Decodable>: Decodable {
        let document: Document
    }

    /// Reads a snapshot, migrating it if it is older than `currentSchema`.
    ///
    /// - A newer schema is refused and the file is not touched in any way.
    /// - An older schema is passed through `migrate`; unless `readOnly`, the
    ///   migrated snapshot is written to `file` and the original kept beside it
    ///   as `<name>.v<schema>.json` (or `.v<schema>-2.json`, … never
    ///   overwriting an earlier kept original).
    /// - Parameters:
    ///   - now: the `savedAt` of a migrated file.
    /// - Throws: `PersistenceError.newerSchema`, `.migrationFailed`,
    ///   `.unreadableSnapshot`, `.cannotRead`.
    public static func read<Document: Codable>(
        _ file: URL,
        as type: Document.Type = Document.self,
        currentSchema: Int,
        migrate: SchemaMigration?,
        readOnly: Bool,
        now: Date
    ) throws -> ReadResult<Document> {
        let data = try SafeFile.read(file)
        // Decoded already by `campfire resume`'s second thread, from exactly these bytes?
        if let early = SessionPrefetch.snapshot(for: file, data: data, as: Document.self, currentSchema: currentSchema) { return early }
        return try read(data, of: file, as: type, currentSchema: currentSchema, migrate: migrate, readOnly: readOnly, now: now)
    }

    /// The same, for `data` just read from `file` (the prefetch thread decodes the bytes it read,
    /// without reading the file again).
    static func read<Document: Codable>(
        _ data: Data, of file: URL, as type: Document.Type, currentSchema: Int, migrate: SchemaMigration?, readOnly: Bool, now: Date
    ) throws -> ReadResult<Document> {
        // The quick way for the current schema; anything it is not sure of goes the way below.
        // Only the decoding is quicker: the envelope is checked below exactly as it would be.
        let quick = try? QuickJSONDecoder.decode(QuickJSONDecoder.Snapshot<Document>.self, from: data)
        let decoder = JSONCoding.decoder()
        let envelope: SnapshotEnvelope
        if let quick {
            envelope = quick.envelope
        } else {
            do {
                envelope = try decoder.decode(SnapshotEnvelope.Header.self, from: data).envelope
            } catch {
                throw PersistenceError.unreadableSnapshot(path: file.path, detail: "its header is missing or damaged")
            }
        }
        if envelope.format > SnapshotEnvelope.currentFormat {
            throw PersistenceError.newerSchema(path: file.path, found: envelope.format, supported: SnapshotEnvelope.currentFormat)
        }
        let header = (schema: envelope.schema, journalSequence: envelope.journal.sequence)
        if let expected = envelope.documentSum {
            guard let sum = exactDocumentSum(in: data), CRC32.hex(sum) == expected else {
                throw PersistenceError.unreadableSnapshot(
                    path: file.path, detail: "its contents were changed after it was written: its checksum does not match")
            }
        }
        if let quick, quick.schema == currentSchema {
            return ReadResult(snapshot: Snapshot(envelope: envelope, document: quick.document), migratedFromSchema: nil, keptOriginal: nil)
        }
        if header.schema > currentSchema {
            throw PersistenceError.newerSchema(path: file.path, found: header.schema, supported: currentSchema)
        }
        if header.schema == currentSchema {
            do {
                let document = try decoder.decode(DocumentOnly<Document>.self, from: data).document
                return ReadResult(
                    snapshot: Snapshot(envelope: envelope, document: document),
                    migratedFromSchema: nil, keptOriginal: nil)
            } catch {
                throw PersistenceError.unreadableSnapshot(path: file.path, detail: "its contents do not match the expected format")
            }
        }

        // Older: migrate in memory and check the result before touching any file.
        guard let migrate else {
            throw PersistenceError.migrationFailed(
                path: file.path, fromSchema: header.schema, detail: "this version has no way to update it")
        }
        guard let oldDocumentJSON = documentJSON(in: data) else {
            throw PersistenceError.unreadableSnapshot(path: file.path, detail: "its document part is missing or damaged")
        }
        let newDocumentJSON: Data
        let document: Document
        do {
            newDocumentJSON = try migrate(header.schema, oldDocumentJSON)
            document = try decoder.decode(Document.self, from: newDocumentJSON)
        } catch {
            throw PersistenceError.migrationFailed(path: file.path, fromSchema: header.schema, detail: "\(error)")
        }
        var keptOriginal: URL?
        if !readOnly {
            keptOriginal = try keepOriginal(data, of: file, schema: header.schema)
            // Re-encode so the stored document is in canonical form.
            let canonical = (try? JSONCoding.encoder().encode(document)) ?? newDocumentJSON
            var updated = envelope
            updated.schema = currentSchema
            updated.savedAt = now
            try SafeFile.writeAtomically(updated.assemble(documentJSON: canonical), to: file)
        }
        var updated = envelope
        updated.schema = currentSchema
        updated.savedAt = now
        return ReadResult(
            snapshot: Snapshot(envelope: updated, document: document),
            migratedFromSchema: header.schema, keptOriginal: keptOriginal)
    }

    /// The document in `data`, if it can be decoded at all, without any check: used only to
    /// find a session's start (its identity and plan) when nothing better is left.
    static func looseDocument<Document: Decodable>(_ type: Document.Type, in data: Data) -> Document? {
        try? JSONCoding.decoder().decode(DocumentOnly<Document>.self, from: data).document
    }

    /// The bytes between `"document":` and the file's last `}`, exactly as written (nil if the
    /// file is not laid out that way): what `documentSum` is computed over.
    /// The CRC-32 of ``exactDocumentJSON(in:)``, summed where it lies in `data` (no copies of
    /// a snapshot of a megabyte).
    static func exactDocumentSum(in data: Data) -> UInt32? {
        data.withUnsafeBytes { raw -> UInt32? in
            let bytes = raw.bindMemory(to: UInt8.self)
            let key = Array(#""document":"#.utf8)
            guard bytes.count >= key.count, let base = bytes.baseAddress else { return nil }
            var keyStart: Int?
            var index = 0
            while index + key.count <= bytes.count {
                guard let found = memchr(base + index, Int32(key[0]), bytes.count - index - key.count + 1) else { break }
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + at, key, key.count) == 0 {
                    keyStart = at
                    break
                }
                index = at + 1
            }
            guard let keyStart else { return nil }
            var end = bytes.count
            if end > 0, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
            guard end > keyStart + key.count, bytes[end - 1] == UInt8(ascii: "}") else { return nil }
            return CRC32.update(0, buffer: UnsafeRawBufferPointer(rebasing: raw[(keyStart + key.count)..<(end - 1)]))
        }
    }

    static func exactDocumentJSON(in data: Data) -> Data? {
        let bytes = [UInt8](data)
        let key = Array(#""document":"#.utf8)
        guard let keyStart = firstIndex(of: key, in: bytes) else { return nil }
        var end = bytes.count
        if end > 0, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        guard end > keyStart + key.count, bytes[end - 1] == UInt8(ascii: "}") else { return nil }
        return Data(bytes[(keyStart + key.count)..<(end - 1)])
    }

    /// The exact bytes of the `"document"` value, so the migration sees the
    /// file as written (no number or key-order changes from re-encoding).
    static func documentJSON(in data: Data) -> Data? {
        let bytes = [UInt8](data)
        let key = Array(#""document":"#.utf8)
        // The header holds only numbers and a date, so the first match is the key.
        guard let keyStart = firstIndex(of: key, in: bytes) else { return nil }
        var end = bytes.count
        while end > 0, [UInt8(ascii: "\n"), UInt8(ascii: " "), UInt8(ascii: "\r"), UInt8(ascii: "\t")].contains(bytes[end - 1]) {
            end -= 1
        }
        guard end > keyStart + key.count, bytes[end - 1] == UInt8(ascii: "}") else { return nil }
        let candidate = Data(bytes[(keyStart + key.count)..<(end - 1)])
        guard (try? JSONSerialization.jsonObject(with: candidate, options: [.fragmentsAllowed])) != nil else {
            // Not laid out as Campfire writes it: fall back to re-encoding the value.
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let value = object["document"],
                  let encoded = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
            else { return nil }
            return encoded
        }
        return candidate
    }

    /// Copies the original beside `file` under a name not yet used. A copy,
    /// not a hard link, so it works on every kind of disk (USB sticks too).
    private static func keepOriginal(_ data: Data, of file: URL, schema: Int) throws -> URL {
        let folder = file.deletingLastPathComponent()
        let stem = file.deletingPathExtension().lastPathComponent
        for attempt in 1...1000 {
            let name = attempt == 1 ? "\(stem).v\(schema).json" : "\(stem).v\(schema)-\(attempt).json"
            let kept = folder.appendingPathComponent(name)
            let descriptor: Int32
            do {
                descriptor = try SafeFile.createNewFile(kept)
            } catch PersistenceError.cannotOpen(_, let code) where code == EEXIST {
                continue
            }
            do {
                try SafeFile.writeAll(data, to: descriptor, path: kept.path, calls: .live)
                try SafeFile.flush(descriptor, path: kept.path, calls: .live)
                _ = closeFile(descriptor)
            } catch {
                _ = closeFile(descriptor)
                unlink(kept.path)
                throw error
            }
            try SafeFile.syncFolder(folder)
            return kept
        }
        throw PersistenceError.cannotOpen(path: folder.appendingPathComponent("\(stem).v\(schema).json").path, code: EEXIST)
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }
}

@inline(__always)
private func closeFile(_ descriptor: Int32) -> Int32 {
    #if canImport(Glibc)
    return Glibc.close(descriptor)
    #else
    return Darwin.close(descriptor)
    #endif
}
