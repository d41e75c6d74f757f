import ArgumentParser
import Foundation
import Persistence
import Workshop

/// `campfire export`: the session in a form that can leave the room.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Export a workshop. Stories whose teller did not agree to sharing are left out.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json
    }

    @OptionGroup var options: CommonOptions

    @Argument(help: "The session: its id (or the start of it), or its folder.")
    var session: String

    @Option(name: .long, help: "The kind of file to make: json.")
    var format: Format = .json

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of the screen.", valueName: "file"))
    var output: String?

    func run() throws {
        do {
            let folder = try options.library.resolve(session)
            let store = try SessionStore.open(folder, readOnly: true, at: Date())
            let data = try SessionExport.json(store.session)
            if let output {
                try SafeFile.writeAtomically(data, to: URL(fileURLWithPath: output))
            } else {
                FileHandle.standardOutput.write(data)
            }
        } catch {
            throw plain(error)
        }
    }
}
