import Foundation
import Workshop
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The other copies of a session inside its folder, which `RoomOnlyForgetting` must reach too:
/// an original kept by a format change (`snapshot.v0.json` and the like), everything kept in
/// `kept/<date>/` (by `campfire repair`: the journal with its damaged lines, the quarantine, the
/// snapshot; by opening: a snapshot set aside), a stage snapshot that cannot be read, and any
/// temporary file a crash left anywhere in the folder.
///
/// Each copy is rewritten with the room-only stories' words forgotten, keeping everything else
/// it holds: a snapshot keeps its envelope; a journal keeps every line, a good line re-encoded
/// with its number and time, a damaged one that is still JSON scrubbed in place (it stays
/// damaged); a kept quarantine drops the lines that may hold a room-only story, as the live one
/// does. A copy that cannot be read at all and may hold such a story (a snapshot cut short, a
/// line with a broken structure) is removed: its words cannot be told apart from the rest.
/// Temporary files are removed (each is a copy that never replaced anything).
enum RoomOnlyCopies {
    /// What to forget.
    struct Forgetting {
        /// Stories whose last known choice is "room only".
        var ids: Set<StoryID>
        /// Stories whose last known choice is something else: an older room-only version of one
        /// of these in a copy stays as it is (its teller changed their mind).
        var notRoomOnly: Set<StoryID>
        /// Every known version of the stories in `ids` (their words, to look for).
        var stories: [Story]
    }

    /// The copies this reaches, in the session folder and any folder below it (sorted, so runs are
    /// repeatable): everything under `kept/`, stage snapshots, `start.json`, originals kept by a
    /// format change, and temporary files anywhere. Files of other kinds (a practice run's
    /// `practice.json` and `debrief.txt`, which hold the scenario's own made-up stories, or
    /// anything Campfire did not write) are left exactly as they are.
    static func files(in folder: URL) -> [URL] {
        var found: [URL] = []
        func walk(_ place: URL, depth: Int, inKept: Bool) {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: place.path)) ?? []).sorted()
            for name in names {
                let url = place.appendingPathComponent(name)
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { continue }
                if isFolder.boolValue {
                    walk(url, depth: depth + 1, inKept: inKept || (depth == 0 && name == KeptFolder.name))
                    continue
                }
                let inStages = depth == 1 && place.lastPathComponent == SessionStore.Files.stagesName
                let reached = name.hasPrefix(SafeFile.temporaryPrefix) || inKept
                    || (inStages && name.hasSuffix(".json"))
                    || (depth == 0 && (name == SessionStore.Files.startName || isOlderFormatOriginal(name)))
                // The live journal, snapshot, quarantine, summary, lock and draft are none of these:
                // `RoomOnlyForgetting.forget` handles them itself; `screen.txt` is removed on opening.
                if reached { found.append(url) }
            }
        }
        walk(folder, depth: 0, inKept: false)
        return found
    }

    /// Whether any copy still holds a room-only story's words, judged from the copies alone
    /// (for a finished session whose own record is already clean), leaving out the stories in
    /// `notRoomOnly` (their last choice is something else).
    static func anyHoldWords(in folder: URL, notRoomOnly: Set<StoryID> = []) -> Bool {
        let candidates = files(in: folder)
        let nothing = Forgetting(ids: [], notRoomOnly: notRoomOnly, stories: [])
        return candidates.contains { (try? rewrite($0, nothing, dryRun: true)) == true }
    }

    /// `snapshot.v0.json`, `0003-goal.v1-2.json`: an original kept beside a migrated file.
    static func isOlderFormatOriginal(_ name: String) -> Bool {
        name.range(of: #"\.v[0-9]+(-[0-9]+)?\.json$"#, options: .regularExpression) != nil
    }

    /// Forgets the words in every copy.
    /// - Returns: how many files were rewritten or removed.
    static func forget(in folder: URL, _ what: Forgetting) throws -> Int {
        var changed = 0
        for file in files(in: folder) where try rewrite(file, what, dryRun: false) { changed += 1 }
        return changed
    }

    /// Rewrites or removes one copy if it holds any of the words.
    /// - Returns: whether it did (or, with `dryRun`, would).
    static func rewrite(_ file: URL, _ what: Forgetting, dryRun: Bool) throws -> Bool {
        if file.lastPathComponent.hasPrefix(SafeFile.temporaryPrefix) {
            if !dryRun { try remove(file) }
            return true
        }
        guard let data = try? SafeFile.read(file) else { return false }
        let replacement: Data?
        if file.pathExtension == "jsonl" {
            replacement = file.lastPathComponent == SessionStore.Files.quarantineName
                ? forgetInQuarantine(data, what) : forgetInJournal(data, what)
        } else {
            switch forgetInDocument(data, what) {
            case .unchanged: replacement = nil
            case .rewritten(let new): replacement = new
            case .unreadableHoldingWords:
                if !dryRun { try remove(file) }
                return true
            }
        }
        guard let replacement, replacement != data else { return false }
        if !dryRun { try SafeFile.writeAtomically(replacement, to: file) }
        return true
    }

    // MARK: Kinds of copy

    enum DocumentOutcome { case unchanged, rewritten(Data), unreadableHoldingWords }

    /// A snapshot (kept, of an older format, or a stage snapshot) or any other JSON document.
    static func forgetInDocument(_ data: Data, _ what: Forgetting) -> DocumentOutcome {
        if let header = try? JSONCoding.decoder().decode(SnapshotEnvelope.Header.self, from: data),
           let document = SnapshotFile.looseDocument(Session.self, in: data) {
            var clean = document
            clean.record.stories = document.record.stories.map { shouldForget($0.id, consent: $0.consent, what) ? $0.forgotten : $0 }
            guard clean != document else { return .unchanged }
            guard let encoded = try? SnapshotFile.encode(Snapshot(envelope: header.envelope, document: clean), for: URL(fileURLWithPath: "/copy")) else {
                return .unreadableHoldingWords
            }
            return .rewritten(encoded)
        }
        if let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) {
            let (clean, changed) = scrub(object, what)
            guard changed else { return .unchanged }
            guard var encoded = try? JSONSerialization.data(withJSONObject: clean, options: [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes]) else {
                return .unreadableHoldingWords
            }
            encoded.append(UInt8(ascii: "\n"))
            return .rewritten(encoded)
        }
        return mayHoldRoomOnlyWords(data, what) ? .unreadableHoldingWords : .unchanged
    }

    /// A copy of a journal: every line kept, a good one re-encoded with its number and time.
    static func forgetInJournal(_ data: Data, _ what: Forgetting) -> Data? {
        let decoder = JSONCoding.decoder()
        let encoder = JSONCoding.encoder()
        var result = Data()
        var changed = false
        let bytes = [UInt8](data)
        var start = 0
        while start < bytes.count {
            let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n"))
            let end = newline ?? bytes.count
            let next = newline.map { $0 + 1 } ?? bytes.count
            let line = bytes[start..<end]
            let ending: [UInt8] = newline == nil ? [] : [UInt8(ascii: "\n")]
            start = next
            if case .success(.record(let record)) = JournalLine.decode(line, as: SessionEvent.self, decoder: decoder, eventsAfter: 0) {
                let event = scrub(record.event, what)
                if event != record.event, let json = try? encoder.encode(event) {
                    var encoded = JournalLine.encode(eventJSON: json, sequence: record.sequence, at: record.at)
                    if newline == nil { encoded.removeLast() }
                    result.append(encoded)
                    changed = true
                } else {
                    result.append(contentsOf: line + ending)
                }
                continue
            }
            // Damaged: scrubbed where it is still JSON, dropped where it is not and may hold a story.
            if let object = try? JSONSerialization.jsonObject(with: Data(line)) {
                let (clean, scrubbed) = scrub(object, what)
                if scrubbed, let encoded = try? JSONSerialization.data(withJSONObject: clean, options: [.sortedKeys, .withoutEscapingSlashes]) {
                    result.append(encoded)
                    result.append(contentsOf: ending)
                    changed = true
                    continue
                }
                if !scrubbed { result.append(contentsOf: line + ending); continue }
            }
            if mayHoldRoomOnlyWords(Data(line), what) { changed = true; continue }
            result.append(contentsOf: line + ending)
        }
        return changed ? result : nil
    }

    /// A kept quarantine: lines that may hold a room-only story are dropped (as from the live one).
    static func forgetInQuarantine(_ data: Data, _ what: Forgetting) -> Data? {
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
        let kept = lines.filter { line in
            var bytes = Data(line)
            if let entry = try? JSONCoding.decoder().decode(QuarantineEntry.self, from: bytes), let raw = Data(base64Encoded: entry.base64) {
                bytes = raw
            }
            return !mayHoldRoomOnlyWords(bytes, what)
        }
        guard kept.count != lines.count else { return nil }
        var result = Data()
        for line in kept { result.append(contentsOf: line); result.append(UInt8(ascii: "\n")) }
        return result
    }

    // MARK: Telling a room-only story

    static func shouldForget(_ id: StoryID, consent: Consent?, _ what: Forgetting) -> Bool {
        what.ids.contains(id) || (consent == .roomOnly && !what.notRoomOnly.contains(id))
    }

    static func scrub(_ event: SessionEvent, _ what: Forgetting) -> SessionEvent {
        func clean(_ record: WorkshopRecord) -> WorkshopRecord {
            var copy = record
            copy.stories = record.stories.map { shouldForget($0.id, consent: $0.consent, what) ? $0.forgotten : $0 }
            return copy
        }
        switch event {
        case .addStory(let story) where shouldForget(story.id, consent: story.consent, what): return .addStory(story.forgotten)
        case .editStory(let story) where shouldForget(story.id, consent: story.consent, what): return .editStory(story.forgotten)
        case .undo(let record): return .undo(restoring: clean(record))
        case .redo(let record): return .redo(restoring: clean(record))
        default: return event
        }
    }

    /// Any JSON value with every story-shaped object that is to be forgotten forgotten, and any
    /// string that is exactly one of the stories' words replaced (an older format may name the
    /// fields otherwise).
    static func scrub(_ value: Any, _ what: Forgetting) -> (Any, Bool) {
        if let dictionary = value as? [String: Any] {
            var copy: [String: Any] = [:]
            var changed = false
            for (key, inner) in dictionary {
                let (clean, innerChanged) = scrub(inner, what)
                copy[key] = clean
                changed = changed || innerChanged
            }
            if let id = dictionary["id"] as? String, dictionary["teller"] != nil, dictionary["title"] != nil,
               shouldForget(StoryID(id), consent: (dictionary["consent"] as? String).flatMap { Consent(rawValue: $0) }, what) {
                for (key, forgotten) in [("title", Story.toldInTheRoom), ("whatHappened", ""), ("smallThing", "")] {
                    if let old = copy[key] as? String, old != forgotten { copy[key] = forgotten; changed = true }
                }
            }
            return (copy, changed)
        }
        if let array = value as? [Any] {
            var changed = false
            let clean = array.map { inner -> Any in
                let (value, innerChanged) = scrub(inner, what)
                changed = changed || innerChanged
                return value
            }
            return (clean, changed)
        }
        if let text = value as? String, text != Story.toldInTheRoom,
           what.stories.contains(where: { [$0.title, $0.whatHappened, $0.smallThing].contains { !$0.isEmpty && $0 == text } }) {
            return (Story.toldInTheRoom, true)
        }
        return (value, false)
    }

    /// Whether bytes that cannot be read as JSON may hold a room-only story: they name the
    /// choice or one of the stories' ids, or hold any of their words.
    static func mayHoldRoomOnlyWords(_ bytes: Data, _ what: Forgetting) -> Bool {
        RoomOnlyForgetting.mayHold(what.stories, ids: what.ids, quarantineLine: bytes)
    }

    private static func remove(_ file: URL) throws {
        if let code = FaultInjection.before(.unlink, path: file.path) {
            throw PersistenceError.cannotReplace(path: file.path, code: code)
        }
        if unlink(file.path) != 0 && errno != ENOENT {
            throw PersistenceError.cannotReplace(path: file.path, code: errno)
        }
        try SafeFile.syncFolder(file.deletingLastPathComponent())
    }
}
