import Foundation
import Workshop

/// Stable stand-in names for an anonymised export: "Person 1", "Person 2", … in the order people
/// were added to the session (people who left keep their number), and "Facilitator".
///
/// The same session always gives the same pseudonyms. A name a person had earlier (before being
/// renamed) gets that person's pseudonym too; people who were taken off the list but whose name
/// the journal still knows are numbered after everyone else.
public struct Pseudonyms: Sendable {
    /// Each person's pseudonym, by id.
    public let byParticipant: [ParticipantID: String]
    /// What the facilitator is called in an anonymised export.
    public static let facilitator = "Facilitator"
    /// Replaces every known name in free text.
    public let replacer: NameReplacer

    /// - Parameters:
    ///   - session: the session being exported.
    ///   - formerNames: every name each id has had (from `NameHistory`), including people no longer listed.
    public init(_ session: Session, formerNames: [ParticipantID: [String]] = [:]) {
        var byParticipant: [ParticipantID: String] = [:]
        var number = 0
        for person in session.record.participants where byParticipant[person.id] == nil {
            number += 1
            byParticipant[person.id] = "Person \(number)"
        }
        for id in formerNames.keys.sorted(by: NameHistory.idOrder) where byParticipant[id] == nil {
            number += 1
            byParticipant[id] = "Person \(number)"
        }
        self.byParticipant = byParticipant

        var pairs: [(name: String, replacement: String)] = []
        for person in session.record.participants {
            pairs.append((person.name, byParticipant[person.id]!))
        }
        for id in formerNames.keys.sorted(by: NameHistory.idOrder) {
            for name in formerNames[id] ?? [] { pairs.append((name, byParticipant[id]!)) }
        }
        if let facilitator = session.facilitator {
            pairs.append((facilitator, Self.facilitator))
        }
        replacer = NameReplacer(pairs)
    }

    /// The session with every name replaced: the list of people, the facilitator, and all free text.
    public func apply(to session: Session) -> Session {
        var copy = SessionText.rewrite(session, replacer.apply)
        for index in copy.record.participants.indices {
            copy.record.participants[index].name = byParticipant[copy.record.participants[index].id] ?? "Someone"
        }
        if let facilitator = copy.facilitator, !facilitator.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            copy.facilitator = Self.facilitator
        }
        return copy
    }
}

/// The names people have had in a session, read from its files: the journal (names added,
/// renamed, and those inside undo and redo), the snapshots and stage snapshots.
public enum NameHistory {

    /// Every name each participant id has had in the session folder, current names included.
    /// Files that cannot be read are skipped: this only ever adds names to replace.
    public static func names(in folder: URL) -> [ParticipantID: [String]] {
        var names: [ParticipantID: [String]] = [:]
        func note(_ id: ParticipantID, _ name: String) {
            let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else { return }
            if !(names[id] ?? []).contains(name) { names[id, default: []].append(name) }
        }
        func note(_ record: WorkshopRecord) {
            for person in record.participants { note(person.id, person.name) }
        }
        let files = SessionStore.Files.self
        if let snapshot = try? SnapshotFile.read(folder.appendingPathComponent(files.snapshotName), as: Session.self,
                                                 currentSchema: SessionStore.schema, migrate: nil, readOnly: true, now: Date()) {
            note(snapshot.snapshot.document.record)
        }
        let journal = folder.appendingPathComponent(files.journalName)
        if let read = try? JournalReader.read(journal, as: SessionEvent.self) {
            for record in read.records {
                switch record.event {
                case .addParticipant(let person): note(person.id, person.name)
                case .renameParticipant(let id, let name): note(id, name)
                case .undo(let restoring), .redo(let restoring): note(restoring)
                default: break
                }
            }
        }
        let stages = folder.appendingPathComponent(files.stagesName, isDirectory: true)
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: stages.path)) ?? []).sorted() where name.hasSuffix(".json") {
            if let snapshot = try? SnapshotFile.read(stages.appendingPathComponent(name), as: Session.self,
                                                     currentSchema: SessionStore.schema, migrate: nil, readOnly: true, now: Date()) {
                note(snapshot.snapshot.document.record)
            }
        }
        return names
    }

    /// Orders ids such as `p2` before `p10`.
    static func idOrder(_ a: ParticipantID, _ b: ParticipantID) -> Bool {
        let na = Int(a.drop { !$0.isNumber }) ?? Int.max
        let nb = Int(b.drop { !$0.isNumber }) ?? Int.max
        return na != nb ? na < nb : a < b
    }
}
