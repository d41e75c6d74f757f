import Foundation
import Persistence
import Workshop

/// The workshops open in a running Campfire on this computer, found by their lock files, for
/// `campfire present` with no id.
struct OpenWorkshops {
    let library: SessionLibrary

    /// One open workshop: its folder and what the list shows of it.
    struct Entry: Equatable {
        var folder: URL
        var id: String
        var title: String
    }

    /// Workshops whose lock names this computer and a process that is still running, oldest lock first.
    func entries(host: String = SessionLock.currentHost()) -> [Entry] {
        let titles = Dictionary(library.summaries().map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        var found: [(Date, Entry)] = []
        for folder in library.sessionFolders() {
            guard let lock = try? SessionLock.current(in: folder), lock.host == host, SessionLock.isHeld(lock, host: host) else { continue }
            let id = folder.lastPathComponent
            found.append((lock.startedAt, Entry(folder: folder, id: id, title: titles[id] ?? id)))
        }
        return found.sorted { ($0.0, $0.1.id) < ($1.0, $1.1.id) }.map(\.1)
    }

    /// The folder to follow: the one open workshop, or the one the person picks when several are.
    /// - Parameters:
    ///   - ask: shows the question and returns the answer typed, or nil when nobody can answer
    ///     (the input is not a terminal).
    /// - Throws: `Failure` in plain words when none is open or nothing was picked.
    ///   - presentCommand: how to name one, as the facilitator would type it ("campfire present ID").
    ///   - listCommand: how to list the sessions ("campfire list").
    func choose(presentCommand: String = "campfire present ID", listCommand: String = "campfire list",
                ask: (String) -> String?) throws -> URL {
        let open = entries()
        switch open.count {
        case 0:
            throw Failure("No workshop is open in Campfire on this computer. Give the one to show: \(presentCommand) (\(listCommand) shows them).")
        case 1:
            return open[0].folder
        default:
            let lines = open.enumerated().map { "  \($0.offset + 1)  \($0.element.id)  \(MarkedLine.clean($0.element.title))" }
            let question = "Several workshops are open on this computer:\n" + lines.joined(separator: "\n")
                + "\nWhich one should be shown? Type its number and press Enter: "
            guard let answer = ask(question) else {
                throw Failure("Several workshops are open on this computer (\(open.map(\.id).joined(separator: ", "))). Give the one to show: \(presentCommand).")
            }
            guard let number = Int(answer.trimmingCharacters(in: .whitespacesAndNewlines)), (1...open.count).contains(number) else {
                throw Failure("\"\(MarkedLine.clean(answer))\" is not one of the numbers 1 to \(open.count), so nothing is shown.")
            }
            return open[number - 1].folder
        }
    }

    /// Asks on the terminal: the question to standard error, the answer from standard input.
    /// Nil when standard input is not a terminal.
    static func askOnTerminal(_ question: String) -> String? {
        guard isatty(STDIN_FILENO) == 1 else { return nil }
        FileHandle.standardError.write(Data(question.utf8))
        return readLine(strippingNewline: true) ?? ""
    }
}

/// Text from files made safe for one line of a terminal: control characters dropped.
enum MarkedLine {
    static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.properties.generalCategory != .control }))
    }
}
