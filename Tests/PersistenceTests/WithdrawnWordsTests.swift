import Foundation
import XCTest
@testable import Persistence
@testable import Workshop
#if canImport(Glibc)
import Glibc
#endif

/// A story refused by a full disk (or a disk fault) and then thrown away leaves no bytes in any
/// file: the refused line is cut back at once, not left for a later resume to set aside.
final class WithdrawnWordsTests: XCTestCase {
    static let canary = "Vexmorrowind"
    let start = Date(timeIntervalSince1970: 1_795_000_000)

    override func tearDown() {
        FaultInjection.use(nil)
    }

    private func story() -> SessionEvent {
        .addStory(Story(id: "s2", teller: "p1", title: "Pasted", whatHappened: "\(Self.canary) and more words", consent: .keep))
    }

    func testADiscardedStoryAfterAFullDiskLeavesNothingInAnyFile() throws {
        let root = try makeTemporaryFolder(self)
        let template = try ContentLibrary.load().template(named: "standard")
        var refusedAtSomeStep = false
        for code in [ENOSPC, EIO] {
            for count in [1, 3] {
                for failAt in 1...12 {
                    let data = root.appendingPathComponent("d\(code)-\(count)-\(failAt)")
                    let folder = data.appendingPathComponent("sessions/s")
                    let store = try SessionStore.create(Session(id: "20261123-1200-wd00", title: "Full", createdAt: start, template: template), in: folder, at: start)
                    try store.record(.addParticipant(Participant(id: "p1", name: "Ann")), at: start)
                    FaultInjection.use(FaultInjection.Plan(failAt: failAt, failCount: count, failCode: code))
                    var refused = false
                    do { try store.record(story(), at: start.addingTimeInterval(1)) } catch { refused = true }
                    FaultInjection.use(nil)
                    guard refused else { store.close(at: start); continue }
                    refusedAtSomeStep = true
                    // The facilitator throws the story away ("What you typed was not kept") and quits.
                    XCTAssertTrue(store.session.record.stories.isEmpty)
                    store.close(at: start.addingTimeInterval(2))
                    XCTAssertEqual(filesHoldingCanary(Self.canary, under: data), [], "code \(code), \(count) failing steps from \(failAt): words left on disk")

                    // Reopening finds nothing to set aside: nothing is blamed on a crash.
                    let reopened = try SessionStore.open(folder, readOnly: false, at: start.addingTimeInterval(3))
                    XCTAssertNil(reopened.report.tornTail, "failAt \(failAt): \(reopened.report.messages)")
                    XCTAssertFalse(reopened.report.messages.joined().contains("crash"))
                    XCTAssertTrue(reopened.session.record.stories.isEmpty)
                    reopened.close(at: start.addingTimeInterval(4))
                    XCTAssertEqual(filesHoldingCanary(Self.canary, under: data), [])
                }
            }
        }
        XCTAssertTrue(refusedAtSomeStep, "no step refused the story, so this test proves nothing")
    }

    func testAWriteCutShortByAFullDiskIsCutBackAtOnce() throws {
        let folder = try makeTemporaryFolder(self)
        let file = folder.appendingPathComponent("journal.jsonl")
        let halfThenFull = SystemCalls(
            write: { descriptor, bytes, count in
                let written = Glibc.write(descriptor, bytes, max(1, count / 2))
                if written > 0 && written < count { return written }
                errno = ENOSPC
                return -1
            },
            flush: { fdatasync($0) })
        let good = try JournalWriter<SessionEvent>(file: file)
        try good.append(.addParticipant(Participant(id: "p1", name: "Ann")), sequence: 1, at: start)
        good.close()
        let length = try Data(contentsOf: file).count

        let writer = try JournalWriter<SessionEvent>(file: file, calls: halfThenFull)
        XCTAssertThrowsError(try writer.append(story(), sequence: 2, at: start))
        XCTAssertEqual(try Data(contentsOf: file).count, length, "the half line is gone at once, before anything else happens")
        XCTAssertFalse(String(decoding: try Data(contentsOf: file), as: UTF8.self).contains(Self.canary))
        writer.close()
    }
}
