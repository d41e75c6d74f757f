import Foundation
import Workshop

/// Writes a session's snapshots on a thread of its own, so that a saved change never waits for
/// one (docs/performance.md, figure 3; docs/decisions.md).
///
/// The journal is what keeps every change safe: each change is in it, flushed to disk, before it
/// counts. A snapshot only saves replaying the journal when the session is reopened. So a
/// snapshot may be written a moment later than the change that made it due, as long as it is
/// written whole and says exactly which journal lines it holds. The caller takes the journal
/// position (``SessionFiles/lastSequence``) and a copy of the session at the same moment, on its
/// own thread; this thread encodes and writes them with the same safe steps as before (a
/// temporary file, flushed, renamed over the old one, the folder flushed), then the summary.
///
/// Only the latest snapshot waiting is written: if a newer one is handed over while an older one
/// is waiting, the older one is dropped (the newer holds everything it did). ``finish()`` waits
/// until nothing is waiting or being written; ``SessionStore/close(at:)`` calls it before its
/// last snapshot and before giving the lock back.
final class SnapshotWriter: @unchecked Sendable {
    /// One snapshot to write: the session as it was when the journal stood at `position`.
    struct Job: @unchecked Sendable {
        let files: SessionStore.Files
        let session: Session
        let position: JournalPosition
        let date: Date
    }

    /// A stage snapshot to write (one per move to another step): never dropped, written in the
    /// order handed over, each standing at the journal position worked out when it was handed over.
    struct StageJob: @unchecked Sendable {
        let files: SessionStore.Files
        let session: Session
        let label: String
        let journal: JournalPosition
        let date: Date
        /// What to tell the facilitator if it cannot be written ("The copy of the session as it was on leaving …").
        let what: String
    }

    private let condition = NSCondition()
    private var waiting: Job?
    private var stages: [StageJob] = []
    /// Stage snapshots that could not be written: what, and why, for the status line.
    private var problems: [(what: String, error: Error)] = []
    private var writing = false
    private var running = false
    private var stopping = false
    /// How many snapshots were written, and how many dropped for a newer one (for tests).
    private(set) var written = 0
    private(set) var dropped = 0

    /// Hands a snapshot over to be written; returns at once.
    func submit(_ job: Job) {
        condition.lock()
        if waiting != nil { dropped += 1 }
        waiting = job
        wake()
    }

    /// Hands a stage snapshot over to be written; returns at once.
    func submit(stage job: StageJob) {
        condition.lock()
        stages.append(job)
        wake()
    }

    /// Starts the thread if it is not running and wakes it; called holding the lock, releases it.
    private func wake() {
        stopping = false
        if !running {
            running = true
            let thread = Thread { [self] in run() }
            thread.name = "campfire snapshots"
            thread.start()
        }
        condition.broadcast()
        condition.unlock()
    }

    /// The first stage snapshot that could not be written since the last call, if any.
    func takeProblem() -> (what: String, error: Error)? {
        condition.lock()
        defer { condition.unlock() }
        return problems.isEmpty ? nil : problems.removeFirst()
    }

    /// Waits until every snapshot handed over has been written (or dropped for a newer one).
    func finish() {
        condition.lock()
        while waiting != nil || !stages.isEmpty || writing { condition.wait() }
        condition.unlock()
    }

    /// Writes what is waiting, then ends the thread (a later ``submit(_:)`` starts another).
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while waiting != nil || !stages.isEmpty || writing || running { condition.wait() }
        condition.unlock()
    }

    private func run() {
        while true {
            condition.lock()
            while waiting == nil && stages.isEmpty && !stopping { condition.wait() }
            // Stage snapshots first, in order: each is the only copy of a step as it was left.
            if !stages.isEmpty {
                let stage = stages.removeFirst()
                writing = true
                condition.unlock()
                var failure: Error?
                do {
                    _ = try stage.files.writeStageSnapshot(stage.session, label: stage.label, journal: stage.journal, at: stage.date)
                } catch {
                    failure = error
                }
                condition.lock()
                if let failure { problems.append((stage.what, failure)) }
                writing = false
                written += 1
                condition.broadcast()
                condition.unlock()
                continue
            }
            guard let job = waiting else {
                running = false
                condition.broadcast()
                condition.unlock()
                return
            }
            waiting = nil
            writing = true
            condition.unlock()

            // As before, a snapshot that cannot be written is not an error for the person
            // typing: the journal holds the change, and the next snapshot tries again.
            try? job.files.writeSnapshot(
                job.session, covering: job.position, summary: SessionSummary(job.session, updatedAt: job.date), at: job.date)

            condition.lock()
            writing = false
            written += 1
            condition.broadcast()
            condition.unlock()
        }
    }
}

extension SessionFiles {
    /// Replaces `snapshot.json` with `document`, recorded as covering the journal up to
    /// `position` (taken by the caller at the same moment as the document), then `summary.json`.
    /// Safe to call from another thread than the one appending: it reads no state that changes.
    func writeSnapshot<Summary: Encodable>(_ document: Document, covering position: JournalPosition, summary: Summary, at date: Date) throws {
        if isReadOnly { throw PersistenceError.readOnly(folder: folder.path) }
        try SnapshotFile.write(
            Snapshot(schema: schema, journal: position, savedAt: date, document: document),
            to: folder.appendingPathComponent(Self.snapshotName))
        var data: Data
        do {
            data = try JSONCoding.encoder().encode(summary)
        } catch {
            throw PersistenceError.cannotEncode(path: folder.appendingPathComponent(Self.summaryName).path, detail: "\(error)")
        }
        data.append(UInt8(ascii: "\n"))
        try SafeFile.writeAtomically(data, to: folder.appendingPathComponent(Self.summaryName))
    }
}
