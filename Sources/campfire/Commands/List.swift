import ArgumentParser
import Foundation
import Persistence
import TerminalUI
import Workshop

/// `campfire list`: every session as a table.
struct List: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the workshops kept in the data folder.")

    @OptionGroup var options: CommonOptions

    @Flag(name: .long, help: "Also list practice runs.")
    var practice = false

    func run() throws {
        do { try options.dataFolder.checkExists() } catch { throw plain(error) }
        let everything = options.library.summaries()
        let summaries = everything.filter { practice || !$0.isPractice }
        // Practice runs left out are counted, so a run nobody can find is never a mystery.
        let leftOut = everything.count - summaries.count
        let note = leftOut == 0 ? nil
            : (leftOut == 1 ? "1 practice run is" : "\(leftOut) practice runs are") + " not shown: \(shown(options.followUp("list", "--practice")))"
        guard !summaries.isEmpty else {
            print("No workshops yet in \(shown(options.dataFolder.url.path)).")
            print("Start one with: \(shown(options.followUp("new", "--title", "A title")))")
            if let note { print(note) }
            return
        }
        print(SessionTable.render(summaries, seeds: practice ? PracticeRunner.seeds(of: summaries, in: options.library) : [:]))
        // Damage is never hidden: each damaged session is named, with what mends it.
        let listed = Set(summaries.map(\.id))
        for folder in options.library.sessionFolders() where listed.contains(folder.lastPathComponent) {
            for finding in SessionHealth.check(folder) where finding.isDamage {
                let fix = finding.fix.map { " To mend it: \(options.followUp($0, folder.lastPathComponent))" } ?? ""
                print(shown("\(finding.level == .problem ? "Damaged" : "Needs a look"): \(folder.lastPathComponent): \(finding.message)\(fix)"))
            }
        }
        if let note { print(note) }
    }
}

/// The session list as plain text columns.
enum SessionTable {
    /// A practice run's title, cut to leave room for "(practice, seed N)" in the 40-column title.
    static func practiceTitle(_ summary: SessionSummary, seed: UInt64?) -> String {
        let mark = seed.map { " (practice, seed \($0))" } ?? " (practice)"
        return TextLayout.truncate(TextLayout.sanitize(summary.title), width: 40 - TextWidth.of(mark)) + mark
    }

    /// `seeds`: the seed of each practice run by id, shown after "(practice" so the run can be replayed.
    static func render(_ summaries: [SessionSummary], seeds: [String: UInt64] = [:]) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.dateFormat = "yyyy-MM-dd"
        let header = ["id", "date", "title", "group", "reached", "people", "principles (A W R N)"]
        let rows = summaries.map { summary -> [String] in
            let rag = summary.rag.map { $0.map { "\($0.symbol)\($0.letter)" } ?? "· " }.joined(separator: " ")
            return [TextLayout.sanitize(summary.id), formatter.string(from: summary.createdAt), summary.isPractice ? practiceTitle(summary, seed: seeds[summary.id]) : TextLayout.sanitize(summary.title),
                    TextLayout.sanitize(summary.group ?? "–"), summary.reached, "\(summary.people)", rag]
        }
        let all = [header] + rows
        let widths = header.indices.map { column in min(all.map { TextWidth.of($0[column]) }.max() ?? 0, column == 2 ? 40 : 30) }
        return all.map { row in
            row.enumerated().map { TextLayout.pad($0.element, width: widths[$0.offset]) }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n")
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
