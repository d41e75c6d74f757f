import Foundation
import Persistence
import TerminalUI
import Workshop
import WorkshopUI

/// The review loop: wait for a key, handle it, draw. Nothing is written except when an action is marked.
enum ReviewRunner {
    /// The files review reads, and the one change it makes.
    static func source(_ library: SessionLibrary) -> ReviewSource {
        let files = ReviewFiles(library: library)
        var source = ReviewSource(
            entries: {
                // Damage is never hidden: marked in the list, as `campfire list` names it.
                let damaged = Set(library.sessionFolders().filter { SessionHealth.check($0).contains(where: \.isDamage) }.map(\.lastPathComponent))
                return library.summaries().map { entry(from: $0, damaged: damaged.contains($0.id)) }
            },
            session: { try files.session($0) },
            journal: { try files.journal($0) },
            markAction: { id, action, status in try files.markAction(id, action: action, status: status) },
            practice: { id in practice(id, in: library) },
            noteAction: { id, action, note, day in try files.noteAction(id, action: action, note: note, on: day) })
        source.damage = { files.damage($0) }
        return source
    }

    /// A practice run's `practice.json` (for its seed and the group's remarks) and `debrief.txt`, read-only.
    static func practice(_ id: String, in library: SessionLibrary) -> ReviewPractice? {
        guard let folder = try? library.resolve(id),
              let data = try? SafeFile.read(folder.appendingPathComponent(PracticeFile.name)),
              let file = try? PracticeFile.decode(data) else { return nil }
        let debrief = (try? SafeFile.read(folder.appendingPathComponent(PracticeFile.debriefName))).map { String(decoding: $0, as: UTF8.self) }
        return ReviewPractice(scenarioTitle: file.scenario.title, seed: file.state.seed, debrief: debrief, remarks: file.state.log.remarks)
    }

    static func entry(from summary: SessionSummary, damaged: Bool = false) -> ReviewEntry {
        ReviewEntry(id: summary.id, title: summary.title, group: summary.group, createdAt: summary.createdAt,
                    isPractice: summary.isPractice, stage: summary.stage, people: summary.people, rag: summary.rag,
                    finished: summary.finished == true, damaged: damaged)
    }

    /// Runs until the person quits or a signal arrives. Returns the exit code.
    static func run(_ app: ReviewApp, terminal: TerminalSession) -> Int32 {
        do { try app.screenLoop().run(on: terminal) } catch let end as TerminalSession.LoopEnd { return end.code } catch { return 1 }
        return 0
    }
}
