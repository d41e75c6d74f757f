import Foundation
import Workshop

/// Stand-in names for an anonymised export: "Person 1", "Person 2", … and "Facilitator".
///
/// The numbers are dealt in a random order for each export (`order` fixes it, for tests), so they
/// say nothing about who was added first: someone holding the sign-in list in arrival order cannot
/// read "Person 1" as its first name. Within one export every format and every mention agree.
/// A name a person had earlier (before being renamed) gets that person's pseudonym too, and so
/// do people taken off the list whose name the journal still knows.
public struct Pseudonyms: Sendable {
    /// Each person's pseudonym, by id.
    public let byParticipant: [ParticipantID: String]
    /// Each person's number, by id.
    public let numbers: [ParticipantID: Int]
    /// What the facilitator is called in an anonymised export.
    public static let facilitator = "Facilitator"
    /// Replaces every known name in free text.
    public let replacer: NameReplacer

    /// - Parameters:
    ///   - session: the session being exported.
    ///   - formerNames: every name each id has had (from `NameHistory`), including people no longer listed.
    ///   - order: a seed for the order numbers are dealt in; `nil` (the default) draws one at random.
    public init(_ session: Session, formerNames: [ParticipantID: [String]] = [:], order: UInt64? = nil) {
        var everyone: [ParticipantID] = []
        for person in session.record.participants where !everyone.contains(person.id) { everyone.append(person.id) }
        for id in formerNames.keys.sorted(by: NameHistory.idOrder) where !everyone.contains(id) { everyone.append(id) }
        var dealer = ShuffleOrder(seed: order ?? UInt64.random(in: 0...UInt64.max))
        everyone.shuffle(using: &dealer)
        var byParticipant: [ParticipantID: String] = [:]
        var numbers: [ParticipantID: Int] = [:]
        for (index, id) in everyone.enumerated() {
            byParticipant[id] = "Person \(index + 1)"
            numbers[id] = index + 1
        }
        self.byParticipant = byParticipant
        self.numbers = numbers

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

/// A small seeded generator (SplitMix64), so a test can fix the order pseudonyms are dealt in.
struct ShuffleOrder: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
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
