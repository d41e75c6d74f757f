import Foundation
import XCTest
@testable import Persistence
@testable import Workshop
#if canImport(Glibc)
import Glibc
#endif

/// Simulated power loss: a model of what the disk may hold after a power cut at any step, built by
/// watching every disk step (`FaultInjection.observer`). What a file held at its last flush survives;
/// bytes written after it may be lost or survive in part (a prefix: torn); a name created, renamed
/// or removed after the folder's last flush may or may not have happened. For every step and several
/// random draws per step, recovery must give a prefix of the changes holding every change confirmed
/// before the cut. (Reordering is limited to what this model allows: a later write surviving while an
/// earlier one in the same file is lost is not modelled, as append-only files on ext4/APFS do not do it.)
final class FaultPowerLossTests: XCTestCase {
    let start = Date(timeIntervalSince1970: 1_795_000_000)

    override func tearDown() {
        FaultInjection.observer = nil
    }

    private struct Entry { var inode: UInt64; var bytes: Data }

    private func listing(_ folder: URL) -> [String: Entry] {
        var result: [String: Entry] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            var info = stat()
            let path = folder.appendingPathComponent(name).path
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            result[name] = Entry(inode: UInt64(info.st_ino), bytes: (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data())
        }
        return result
    }

    func testAGoodSnapshotPlusAJournalPrefixAlwaysSurvivesAPowerCut() throws {
        let seeds = Int(ProcessInfo.processInfo.environment["CAMPFIRE_POWER_DRAWS"] ?? "") ?? 6
        let root = try makeTemporaryFolder(self)
        let folder = root.appendingPathComponent("session")
        let template = try ContentLibrary.load().template(named: "standard")
        let names = (1...8).map { "Person \($0) 李" }
        let created = try SessionStore.create(Session(id: "20261123-1230-9017", title: "Power", group: nil, facilitator: nil, createdAt: start, template: template), in: folder, at: start)
        created.close(at: start)

        // Everything so far is on disk: it was flushed, and closing flushed the folder.
        var durableNames: [String: UInt64] = listing(folder).mapValues(\.inode)
        var durableContent: [UInt64: Data] = Dictionary(uniqueKeysWithValues: listing(folder).values.map { ($0.inode, $0.bytes) })
        var previous: (FaultInjection.Step, String)?
        var confirmed = 0
        var states: [(step: Int, confirmed: Int, files: [String: Data])] = []
        var random = SplitMix(seed: 4242)
        var step = 0

        func finalisePrevious() {
            guard let (kind, path) = previous else { return }
            let now = listing(folder)
            let name = (path as NSString).lastPathComponent
            switch kind {
            case .flush:
                // The flushed descriptor is the named file, or the temporary file being written for it.
                for (entryName, entry) in now where entryName == name || entryName.hasPrefix("\(SafeFile.temporaryPrefix)\(name)-") {
                    durableContent[entry.inode] = entry.bytes
                }
            case .folderFlush where path == folder.path:
                durableNames = now.mapValues(\.inode)
            default:
                break
            }
        }

        func powerCutStates() {
            let now = listing(folder)
            for _ in 0..<seeds {
                var files: [String: Data] = [:]
                for name in Set(now.keys).union(durableNames.keys) {
                    // Which inode the name points to after the cut: the durable one, or (if the change
                    // of name was not flushed) maybe the current one; a name may vanish or not exist yet.
                    var candidates: [UInt64?] = []
                    if let durable = durableNames[name] { candidates.append(durable) } else { candidates.append(nil) }
                    if now[name]?.inode != durableNames[name] { candidates.append(now[name]?.inode) }
                    guard let inode = candidates[Int(random.next() % UInt64(candidates.count))] else { continue }
                    let kept = durableContent[inode] ?? Data()
                    let current = now.values.first { $0.inode == inode }?.bytes ?? kept
                    if current.count > kept.count, current.prefix(kept.count) == kept {
                        // Unflushed bytes: all, none or a torn part of them survive.
                        let extra = Int(random.next() % UInt64(current.count - kept.count + 1))
                        files[name] = current.prefix(kept.count + extra)
                    } else {
                        files[name] = kept
                    }
                }
                states.append((step, confirmed, files))
            }
        }

        FaultInjection.observer = { kind, path in
            finalisePrevious()
            step += 1
            powerCutStates()
            previous = (kind, path)
        }
        let store = try SessionStore.open(folder, readOnly: false, at: start)
        for (index, name) in names.enumerated() {
            try store.record(.addParticipant(Participant(id: "p\(index)", name: name)), at: start.addingTimeInterval(Double(index)))
            confirmed += 1
            if index == 4 { try store.snapshot(at: start.addingTimeInterval(50)) }
        }
        store.close(at: start.addingTimeInterval(100))
        FaultInjection.observer = nil
        finalisePrevious()
        powerCutStates()

        XCTAssertGreaterThan(states.count, 30 * seeds)
        var replays = 0
        for (index, state) in states.enumerated() {
            let copy = root.appendingPathComponent("cut-\(index)")
            try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
            for (name, bytes) in state.files where name != SessionLock.fileName {
                // The lock names this (still running) process; after a real cut it would be stale.
                try bytes.write(to: copy.appendingPathComponent(name))
            }
            let context = "power cut before step \(state.step) (draw \(index)), \(state.confirmed) confirmed"
            do {
                let reopened = try SessionStore.open(copy, readOnly: false, at: start.addingTimeInterval(1000))
                let people = reopened.session.record.participants.map(\.name)
                XCTAssertEqual(people, Array(names.prefix(people.count)), "\(context): not a prefix")
                XCTAssertGreaterThanOrEqual(people.count, state.confirmed, "\(context): a confirmed change was lost")
                XCTAssertFalse(reopened.isReadOnly, "\(context): \(reopened.report.messages)")
                if reopened.report.tornTail != nil { replays += 1 }
                reopened.close(at: start.addingTimeInterval(1001))
            } catch {
                XCTFail("\(context): could not be opened: \(error); files: \(state.files.keys.sorted())")
            }
            try? FileManager.default.removeItem(at: copy)
        }
        print("FAULT-FIGURES power-cuts states=\(states.count) steps=\(step) torn-journals=\(replays)")
    }
}

private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
