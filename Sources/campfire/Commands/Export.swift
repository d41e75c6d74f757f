import ArgumentParser
import Foundation
import Persistence
import Workshop

/// `campfire export`: the session in a form that can leave the room.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a workshop. Stories whose teller did not agree to sharing are left out.",
        discussion: """
        markdown: a report to read, print or email. csv: the action plan, for a spreadsheet. \
        json: the whole session. letters: one page per person with their own actions, to print and post; \
        with -o FOLDER, one file per person. With --anonymise every name becomes "Person 1", "Person 2"…, \
        in the words people typed too.
        """)

    @OptionGroup var options: CommonOptions

    @Argument(help: "The session: its id (or the start of it), or its folder.")
    var session: String

    @Option(name: .long, help: ArgumentHelp("The kind of export: markdown, csv, json or letters.", valueName: "format"))
    var format: String = "json"

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of the screen (for letters, a folder gets one file per person).", valueName: "path"))
    var output: String?

    @Flag(name: [.customLong("anonymise"), .customLong("anonymize")], help: "Replace every name with \"Person 1\", \"Person 2\"…, everywhere.")
    var anonymise = false

    @Flag(name: .long, help: "With letters: also write a short note to people who have no actions.")
    var everyone = false

    func validate() throws {
        guard SessionExport.Format(rawValue: format.lowercased()) != nil else {
            throw ValidationError("Campfire cannot export as \"\(format)\". Choose one of: markdown, csv, json, letters.")
        }
    }

    func run() throws {
        do {
            let kind = SessionExport.Format(rawValue: format.lowercased())!
            let folder = try options.library.resolve(session)
            let store = try SessionStore.open(folder, readOnly: true, at: Date())
            // Whatever opening found (damage, a snapshot set aside) is said, never dropped silently.
            for note in store.report.problemMessages + store.replayProblems {
                FileHandle.standardError.write(Data(("Note: " + note + "\n").utf8))
            }
            let formerNames = anonymise ? NameHistory.names(in: folder) : [:]
            let principles = (try? options.content())?.principles

            if kind == .letters, let output, isFolder(output) {
                let prepared = SessionExport.prepare(store.session, anonymise: anonymise, formerNames: formerNames)
                let target = URL(fileURLWithPath: output, isDirectory: true)
                try SafeFile.createFolder(target)
                let letters = ActionLetters.letters(prepared, everyone: everyone)
                for letter in letters {
                    try SafeFile.writeAtomically(Data(letter.text.utf8), to: target.appendingPathComponent(letter.fileName))
                }
                let note = letters.isEmpty ? "Nobody has an action yet, so there are no letters." : "Wrote \(letters.count) letter\(letters.count == 1 ? "" : "s") in \(target.path)."
                FileHandle.standardError.write(Data((note + "\n").utf8))
                return
            }

            let data = try SessionExport.render(store.session, as: kind, anonymise: anonymise, formerNames: formerNames,
                                                principles: principles, lettersForEveryone: everyone)
            if let output {
                try SafeFile.writeAtomically(data, to: URL(fileURLWithPath: output))
            } else {
                FileHandle.standardOutput.write(data)
            }
        } catch {
            throw plain(error)
        }
    }

    /// Letters go into a folder when the path is an existing folder or ends with "/".
    private func isFolder(_ path: String) -> Bool {
        if path.hasSuffix("/") { return true }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
