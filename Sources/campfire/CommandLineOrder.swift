import ArgumentParser
import Foundation

/// Puts a command line in the order the parser reads, so that it behaves as people expect.
///
/// - The options every command takes (`--data-dir`, `--theme`) work before the command as well
///   as after it: `campfire --data-dir D list` is read as `campfire list --data-dir D`.
/// - Only those options, given alone, open the home screen: `campfire --theme light`.
/// - A word that is not a command gets a plain sentence naming the commands there are, rather
///   than the parser's "Unexpected argument" and the usage of the hidden `home` command.
///
/// The commands are read from `Campfire.configuration.subcommands`, the one list of them, so a
/// new command needs no change here.
enum CommandLineOrder {
    /// Options of `CommonOptions` that take a value.
    static let globalOptions = ["--data-dir", "--theme"]

    /// What the program should do with its arguments.
    enum Outcome: Equatable {
        /// Parse these (the program's name left out).
        case parse([String])
        /// Say this and exit with the usage error code.
        case refuse(String)
    }

    /// The commands people can type (the hidden `home` included), with what they are for.
    static func commands(_ subcommands: [ParsableCommand.Type] = Campfire.configuration.subcommands) -> [(name: String, shown: Bool)] {
        subcommands.map { ($0._commandName, $0.configuration.shouldDisplay) }
    }

    /// The names shown in messages and completions: every command except hidden ones.
    static var shownCommandNames: [String] { commands().filter(\.shown).map(\.name) }

    static func arrange(_ arguments: [String]) -> Outcome {
        var globals: [String] = []
        var index = 0
        // Options the root command itself answers: pass the line through as it is.
        let rootOptions: Set<String> = ["-h", "--help", "--version", "--generate-completion-script", "--experimental-dump-help"]
        while index < arguments.count {
            let argument = arguments[index]
            if let name = globalOptions.first(where: { argument == $0 }) {
                guard index + 1 < arguments.count else { return .parse(arguments) }  // the parser says the value is missing
                globals += [name, arguments[index + 1]]
                index += 2
            } else if globalOptions.contains(where: { argument.hasPrefix($0 + "=") }) {
                globals.append(argument)
                index += 1
            } else {
                break
            }
        }
        guard index < arguments.count else {
            return .parse(globals.isEmpty ? arguments : ["home"] + globals)
        }
        let first = arguments[index]
        let rest = Array(arguments[(index + 1)...])
        // "---completion" is the shell asking for completions (see SessionCompletion).
        if rootOptions.contains(first) || first.hasPrefix("--generate-completion-script") || first.hasPrefix("---") {
            return .parse(Array(arguments[index...]))
        }
        if first == "help" {
            return .parse(Array(arguments[index...]))
        }
        if first.hasPrefix("-") {
            return .refuse("Campfire has no option \"\(first)\" here. Before a command it takes --data-dir and --theme; "
                           + "each command's own options go after it. See campfire --help.")
        }
        guard commands().contains(where: { $0.name == first }) else {
            return .refuse("Campfire has no command \"\(first)\". The commands are: \(shownCommandNames.joined(separator: ", ")). "
                           + "With no command it opens the home screen. See campfire --help.")
        }
        return .parse([first] + globals + rest)
    }
}
