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
        print(SessionTable.render(summaries))
        if let note { print(note) }
    }
}

/// The session list as plain text columns.
enum SessionTable {
    static func render(_ summaries: [SessionSummary]) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.dateFormat = "yyyy-MM-dd"
        let header = ["id", "date", "title", "group", "reached", "people", "principles (A W R N)"]
        let rows = summaries.map { summary -> [String] in
            let rag = summary.rag.map { $0.map { "\($0.symbol)\($0.letter)" } ?? "· " }.joined(separator: " ")
            return [TextLayout.sanitize(summary.id), formatter.string(from: summary.createdAt), summary.isPractice ? TextLayout.truncate(TextLayout.sanitize(summary.title), width: 29) + " (practice)" : TextLayout.sanitize(summary.title),
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
