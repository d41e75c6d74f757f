import ArgumentParser
import Foundation
import Persistence
import Printouts
import Workshop

/// `campfire export`: the session in a form that can leave the room.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a workshop. Stories whose teller did not agree to sharing are left out.",
        discussion: """
        html: a report to print or pin on the wall, with pictures, as one web page. \
        markdown: a report to read, print or email. csv: the action plan, for a spreadsheet. \
        json: the whole session. letters: one page per person with their own actions, to print and post; \
        html-letters: the same as a web page to print, in large print where someone's access needs ask for it \
        (or for everyone with --large-print), or Easy Read with --easy-read. With -o FOLDER, one file per person. \
        With --anonymise every name becomes "Person 1", "Person 2"…, in the words people typed too.
        """)

    /// Every format, in the order the help lists them.
    static let formats = ExportFormat.allCases.map(\.rawValue)

    @OptionGroup var options: CommonOptions

    @Argument(help: "The session: its id (or the start of it), or its folder.", completion: .custom(SessionCompletion.ids))
    var session: String

    @Option(name: .long, help: ArgumentHelp("The kind of export: \(Export.formats.joined(separator: ", ")).", valueName: "format"),
            completion: .list(ExportFormat.allCases.map(\.rawValue)))
    var format: String = "json"

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of the screen (for letters, a folder gets one file per person).", valueName: "path"),
            completion: .file())
    var output: String?

    @Flag(name: [.customLong("anonymise"), .customLong("anonymize")], help: "Replace every name with \"Person 1\", \"Person 2\"…, everywhere.")
    var anonymise = false

    @Flag(name: .long, help: "With letters: also write a short note to people who have no actions.")
    var everyone = false

    @Flag(name: .long, help: "With html-letters: large print for everyone (people whose access needs ask for it always get it).")
    var largePrint = false

    @Flag(name: .long, help: "With html-letters: Easy Read (short sentences, one idea a line, a picture beside each action).")
    var easyRead = false

    func validate() throws {
        guard let kind = ExportFormat(rawValue: format.lowercased()) else {
            throw ValidationError("Campfire cannot export as \"\(format)\". Choose one of: \(Export.formats.joined(separator: ", ")).")
        }
        if (largePrint || easyRead) && kind != .htmlLetters {
            throw ValidationError("\(largePrint ? "--large-print" : "--easy-read") is for letters as a web page: add --format html-letters.")
        }
    }

    func run() throws {
        do {
            let kind = ExportFormat(rawValue: format.lowercased())!
            let folder = try options.resolve(session)
            let store = try SessionStore.open(folder, readOnly: true, at: Date())
            // Whatever opening found (damage, a snapshot set aside) is said, never dropped silently.
            for note in store.report.problemMessages + store.replayProblems {
                FileHandle.standardError.write(Data(("Note: " + note + "\n").utf8))
            }
            let formerNames = anonymise ? NameHistory.names(in: folder) : [:]
            let principles = (try? options.content())?.principles

            if kind == .letters || kind == .htmlLetters, !everyone, !store.session.record.actions.contains(where: { !$0.who.isEmpty }) {
                throw Failure("Nobody has an action in this workshop yet, so there are no letters to write.")
            }
            if kind == .html || kind == .htmlLetters {
                try printout(kind, of: store.session, formerNames: formerNames, principles: principles)
                return
            }
            let plainKind = SessionExport.Format(rawValue: kind.rawValue)!

            if plainKind == .letters, let output, isFolder(output) {
                let prepared = SessionExport.prepare(store.session, anonymise: anonymise, formerNames: formerNames)
                let target = URL(fileURLWithPath: output, isDirectory: true)
                try SafeFile.createFolder(target)
                let letters = ActionLetters.letters(prepared, everyone: everyone)
                for letter in letters {
                    try SafeFile.writeAtomically(Data(letter.text.utf8), to: target.appendingPathComponent(letter.fileName))
                }
                let note = letters.isEmpty ? "Nobody has an action yet, so there are no letters." : "Wrote \(letters.count) letter\(letters.count == 1 ? "" : "s") in \(shown(target.path))."
                FileHandle.standardError.write(Data((note + "\n").utf8))
                return
            }

            let data = try SessionExport.render(store.session, as: plainKind, anonymise: anonymise, formerNames: formerNames,
                                                principles: principles, lettersForEveryone: everyone)
            if let output {
                try SafeFile.writeAtomically(data, to: try fileTarget(output, kind: kind))
            } else {
                FileHandle.standardOutput.write(data)
            }
        } catch {
            throw plain(error)
        }
    }

    /// The report or the letters as web pages, through the same filter as every export.
    private func printout(_ kind: ExportFormat, of session: Session, formerNames: [ParticipantID: [String]], principles: PrinciplesFile?) throws {
        let prepared = SessionExport.prepare(session, anonymise: anonymise, formerNames: formerNames)
        let style = HTMLLetters.Style(largePrint: largePrint, easyRead: easyRead, everyone: everyone)
        if kind == .htmlLetters, let output, isFolder(output) {
            let target = URL(fileURLWithPath: output, isDirectory: true)
            try SafeFile.createFolder(target)
            let letters = HTMLLetters.letters(prepared, style: style)
            for letter in letters {
                try SafeFile.writeAtomically(Data(letter.html.utf8), to: target.appendingPathComponent(letter.fileName))
            }
            FileHandle.standardError.write(Data("Wrote \(letters.count) letter\(letters.count == 1 ? "" : "s") in \(target.path).\n".utf8))
            return
        }
        let html: String
        if kind == .html {
            // Earlier workshops of the group give the "over time" charts: only their scores are read.
            html = HTMLReport.render(prepared, history: GroupHistory.of(session, in: options.library), principles: principles)
        } else {
            html = HTMLLetters.render(prepared, style: style)
        }
        if let output {
            try SafeFile.writeAtomically(Data(html.utf8), to: try fileTarget(output, kind: kind))
        } else {
            FileHandle.standardOutput.write(Data(html.utf8))
        }
    }

    /// The file a one-file export is written to. A folder (an existing one, or a path ending in
    /// "/") is refused with an example file name, and so is a file in a folder that is not there,
    /// before anything is written.
    private func fileTarget(_ output: String, kind: ExportFormat) throws -> URL {
        let file = URL(fileURLWithPath: output)
        if isFolder(output) {
            let example: [ExportFormat: String] = [.html: "report.html", .markdown: "report.md", .csv: "actions.csv",
                                                   .json: "session.json", .letters: "letters.txt", .htmlLetters: "letters.html"]
            throw Failure("\(output) is a folder. A \(kind.rawValue) export is one file: give its name, for example -o \(file.path)/\(example[kind] ?? "export")")
        }
        let parent = file.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Failure("There is no folder \(parent.path) to put the export in. Make it first, or choose another place.")
        }
        return file
    }

    /// Letters go into a folder when the path is an existing folder or ends with "/".
    private func isFolder(_ path: String) -> Bool {
        if path.hasSuffix("/") { return true }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

/// What `campfire export` can write: the formats of `SessionExport` and the web pages of `Printouts`.
enum ExportFormat: String, CaseIterable {
    case html, markdown, csv, json, letters
    case htmlLetters = "html-letters"
}
