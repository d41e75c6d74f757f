import ArgumentParser
import Foundation
import Persistence
import Workshop

/// Options every command takes.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The folder where sessions are kept.", discussion: "Otherwise CAMPFIRE_DATA_DIR, then $XDG_DATA_HOME/campfire, then ~/.local/share/campfire.", valueName: "folder"),
            completion: .directory)
    var dataDir: String?

    @Option(name: .long, help: ArgumentHelp("Colours for the screen: dark, light, or contrast (black and white only, for very bright rooms). Also CAMPFIRE_THEME. NO_COLOR turns colour off.", valueName: "theme"),
            completion: .list(Settings.themes))
    var theme: String?

    /// An empty `--data-dir ''` is a mistake (a variable that was not set), not a wish for the
    /// usual folder: say so rather than quietly using another folder.
    func validate() throws {
        if let dataDir, dataDir.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--data-dir was given an empty folder name. Give the folder where sessions are kept, for example --data-dir ~/campfire, or leave the option out to use the usual one.")
        }
    }

    /// The same choices as plain values, for code that runs without the parser.
    var settings: Settings { Settings(dataDir: dataDir, theme: theme) }

    func startTerminal() throws -> TerminalSession { try settings.startTerminal() }

    /// A command to print for the facilitator to run next, with the options this one was given,
    /// so it works when pasted ("campfire resume ID --data-dir D").
    func followUp(_ command: String, _ arguments: String...) -> String { settings.followUp(command, arguments) }

    /// The same, with the arguments as a list.
    func followUp(_ command: String, arguments: [String]) -> String { settings.followUp(command, arguments) }
    var dataFolder: DataFolder { settings.dataFolder }
    var library: SessionLibrary { settings.library }

    /// The folder of the session `reference` names (an id, the start of one, or a folder). When
    /// there is none, the message suggests listing the sessions of this same data folder, so the
    /// suggestion works when pasted.
    func resolve(_ reference: String) throws -> URL { try settings.resolve(reference) }
    func content() throws -> ContentLibrary { try settings.content() }
}

/// The options every command takes, as plain values. `campfire` on its own opens the home
/// screen with these at their defaults, without building the command-line parser at all.
struct Settings: Sendable {
    var dataDir: String?
    var theme: String?

    /// The themes there are.
    static let themes = ["dark", "light", "contrast"]

    /// The folder of the session `reference` names (an id, the start of one, or a folder). When
    /// there is none, the message suggests listing the sessions of this same data folder, so the
    /// suggestion works when pasted.
    func resolve(_ reference: String) throws -> URL {
        do {
            return try library.resolve(reference)
        } catch LibraryError.noSuchSession(let name) {
            throw Failure("There is no session called \"\(name)\". Run \"\(followUp("list", []))\" to see the sessions there are.")
        }
    }

    /// The folder `reference` names if it is a path with a slash in it or a whole id in the data
    /// folder (what `resolve` finds first for either). The start of an id gives a path that does
    /// not exist, which the caller's look at the files turns away; nil for a name no folder can
    /// have. Nothing is listed and no `URL` is made: this is on the way to `campfire resume`'s
    /// first screen.
    func plainFolderPath(_ reference: String) -> String? {
        if reference.contains("/") { return reference }
        guard !reference.isEmpty, !reference.hasPrefix(".") else { return nil }
        return dataFolder.sessionsPath + "/" + reference
    }

    /// A command to print for the facilitator to run next, with these options, so it works when
    /// pasted ("campfire resume ID --data-dir D").
    func followUp(_ command: String, _ arguments: [String]) -> String {
        var words = ["campfire", command] + arguments.map(shellQuoted)
        if let dataDir { words += ["--data-dir", shellQuoted(dataFolder.url.path)] }
        if let theme { words += ["--theme", shellQuoted(theme)] }
        return words.joined(separator: " ")
    }

    /// The theme chosen by `--theme`, else by CAMPFIRE_THEME (an empty one counts as unset), else nil (dark).
    /// - Throws: the same plain sentence for an unknown theme from either place, naming the place.
    func chosenTheme(environment: String? = ProcessEnvironment.value("CAMPFIRE_THEME")) throws -> String? {
        let (value, source): (String?, String) = theme != nil ? (theme, "--theme") : (environment.flatMap { $0.isEmpty ? nil : $0 }, "CAMPFIRE_THEME")
        guard let value else { return nil }
        guard Settings.themes.contains(value) else {
            throw Failure("The theme can be dark, light or contrast, not \"\(value)\" (from \(source)).")
        }
        return value
    }

    /// Starts the terminal with the chosen theme.
    func startTerminal() throws -> TerminalSession {
        try TerminalSession.start(theme: try chosenTheme() ?? "dark")
    }

    var dataFolder: DataFolder {
        DataFolder.resolve(explicitPath: dataDir)
    }

    var library: SessionLibrary { SessionLibrary(dataFolder: dataFolder) }

    /// The content, with the user's own files from `<data folder>/content` if there are any.
    func content() throws -> ContentLibrary {
        do {
            return try ContentLibrary.load(overrides: dataFolder.url.appendingPathComponent("content", isDirectory: true))
        } catch {
            throw Failure(error.description)
        }
    }
}

/// A plain-words failure: printed as one sentence, and the program exits with a non-zero code.
struct Failure: Error, CustomStringConvertible {
    let description: String
    /// Messages quote stored text (titles, names, paths): never with raw control characters.
    init(_ description: String) { self.description = shownLines(description) }
}

/// Turns any error into a plain sentence.
func plain(_ error: Error) -> Failure {
    if let failure = error as? Failure { return failure }
    // Foundation's own errors read best through their localized description; Campfire's
    // errors describe themselves in plain words.
    if let cocoa = error as? CocoaError { return Failure(cocoa.localizedDescription) }
    return Failure(String(describing: error))
}

/// `text` as one shell word: as it is when it holds only safe characters, otherwise in single quotes.
func shellQuoted(_ text: String) -> String {
    let safe = !text.isEmpty && text.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "/._-+:@=,".unicodeScalars.contains($0) }
    return safe ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
}
