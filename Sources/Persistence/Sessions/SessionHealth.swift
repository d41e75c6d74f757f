import Foundation
import Workshop

/// What is wrong with a session's files, found by looking only (nothing is written, no lock
/// taken), each with the command that mends it. Used by `doctor` and `list`.
public enum SessionHealth {
    public struct Finding: Sendable, Equatable {
        public enum Level: Sendable, Equatable {
            /// It stops saving, or opening.
            case problem
            /// Worth knowing; opening deals with it, or it stops nothing.
            case warning
        }
        public var level: Level
        /// What was found, in plain words, naming the file (and line).
        public var message: String
        /// The `campfire` command that mends it (for example "repair"), run on the session; nil if none is needed.
        public var fix: String?
        /// Whether it is damage to what was saved (as opposed to a lock, a kept file).
        public var isDamage: Bool
        /// Whether it is about the lock.
        public var isLock = false
    }

    /// Checks the session in `folder`: journal checksums and numbering, the snapshot and whether it
    /// agrees with the journal, the lock, anything set aside.
    public static func check(_ folder: URL, at date: Date = Date()) -> [Finding] {
        var findings: [Finding] = []
        let journalFile = folder.appendingPathComponent(SessionStore.Files.journalName)
        let snapshotFile = folder.appendingPathComponent(SessionStore.Files.snapshotName)
        do {
            let (_, recovered) = try SessionStore.Files.open(
                folder: folder, schema: SessionStore.schema, readOnly: true, migrate: nil, startOf: SessionStore.start(of:), at: date)
            let report = recovered.report
            if !report.corruptLines.isEmpty {
                let list = report.corruptLines.map { "line \($0.lineNumber) (\($0.reason))" }.joined(separator: "; ")
                findings.append(Finding(level: .problem, message: "The journal \(journalFile.path) is damaged after the last snapshot: \(list). The session opens read-only until it is repaired.", fix: "repair", isDamage: true))
            }
            if !report.coveredDamage.isEmpty {
                let list = report.coveredDamage.map { "line \($0.lineNumber) (\($0.reason))" }.joined(separator: "; ")
                findings.append(Finding(level: .warning, message: "The journal \(journalFile.path) is damaged where the snapshot already holds its changes: \(list). Nothing is lost and saving goes on.", fix: "repair", isDamage: true))
            }
            for reason in report.readOnlyReasons {
                if case let .journalBehindSnapshot(ends, covers) = reason {
                    findings.append(Finding(level: .problem, message: "The journal \(journalFile.path) ends at change \(ends) but the snapshot holds up to change \(covers): lines are missing from the journal. The session opens read-only until it is repaired.", fix: "repair", isDamage: true))
                }
            }
            if let tail = report.tornTail {
                findings.append(Finding(level: .warning, message: "The last line of \(journalFile.path) (line \(tail.lineNumber), \(tail.byteCount) bytes) was cut off part way, as a crash leaves it. It is set aside in quarantine.jsonl when the session is next opened.", fix: "resume", isDamage: true))
            }
            if let aside = report.snapshotSetAside {
                let after = SafeFile.exists(snapshotFile) ? "rebuilds the session from the journal and keeps the old snapshot" : "rebuilds it from the journal"
                findings.append(Finding(level: .warning, message: "The snapshot \(snapshotFile.path) cannot be used (\(aside.reason)). Opening the session \(after).", fix: "resume", isDamage: true))
            }
        } catch {
            findings.append(Finding(level: .problem, message: "\(error)", fix: nil, isDamage: true))
        }

        // The lock.
        do {
            if let holder = try SessionLock.current(in: folder) {
                if SessionLock.isFromAnotherComputer(holder) {
                    findings.append(Finding(level: .warning, message: SessionLock.otherComputerSentence(holder), fix: "resume", isDamage: false, isLock: true))
                } else if let reason = SessionLock.staleReason(holder) {
                    findings.append(Finding(level: .warning, message: "The session has a lock left by a Campfire that has stopped (\(holder)): \(reason). It is taken over when the session is next opened.", fix: "resume", isDamage: false, isLock: true))
                }
            }
        } catch {
            findings.append(Finding(level: .warning, message: "The lock file \(folder.appendingPathComponent(SessionLock.fileName).path) cannot be read (it may have been cut off by a crash). It is taken over when the session is next opened, once it is over 10 seconds old.", fix: "resume", isDamage: false, isLock: true))
        }

        // What was set aside.
        let quarantine = folder.appendingPathComponent(SessionStore.Files.quarantineName)
        if let data = try? SafeFile.read(quarantine) {
            let count = data.split(separator: UInt8(ascii: "\n")).count
            findings.append(Finding(level: .warning, message: "\(count == 1 ? "1 journal line was" : "\(count) journal lines were") set aside in \(quarantine.path) during a recovery or repair; the words in it are kept there for you to read.", fix: nil, isDamage: false))
        }
        return findings
    }
}
