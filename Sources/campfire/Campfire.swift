import ArgumentParser
import Foundation

/// The `campfire` command: a workshop facilitator for co-production groups.
@main
struct Campfire: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "campfire",
        abstract: "Run a co-production workshop: stories, a shared goal, the four principles and an action plan.",
        discussion: """
        With no command, Campfire opens its home screen. Everything is saved as you go, \
        in plain files in the data folder (see --data-dir).
        """,
        version: version,
        subcommands: [Home.self, New.self, Resume.self, Present.self, List.self, Review.self, Export.self, Erase.self, Repair.self, Flow.self, Doctor.self, Practice.self],
        defaultSubcommand: Home.self
    )

    /// `--data-dir` and `--theme` before a command. `CommandLineOrder` moves them after the
    /// command, which reads them; they are declared here too so that `campfire --help` lists them
    /// and the shell completions know them before a command name (`campfire --data-dir D re<Tab>`).
    @OptionGroup(title: "Options before or after any command") var common: CommonOptions

    static func main() {
        // A file-size limit (`ulimit -f`) would otherwise kill Campfire in the middle of a write,
        // leaving the terminal raw and the words typed lost. Ignored, the write fails with EFBIG
        // instead, and the facilitator is told the change is not saved, as for a full disk.
        signal(SIGXFSZ, SIG_IGN)
        // `campfire` on its own, the usual way in, opens the home screen. Its one command is
        // opened directly: building the whole tree of commands, options and help takes
        // about 2 ms, a third of the time to the first screen (docs/performance.md).
        // `argc`, not `arguments`: building the arguments array costs 0.15 ms of Swift set-up.
        if CommandLine.argc == 1 {
            home(Settings())
        }
        // `campfire --data-dir PATH` (or `--data-dir=PATH`) opens the same home screen, as quickly.
        if let dataDir = homeDataDir() {
            home(Settings(dataDir: dataDir))
        }
        // `campfire resume SESSION`, as the home screen's list and the quick start print it.
        if CommandLine.argc == 3, let command = CommandLine.unsafeArgv[1], strcmp(command, "resume") == 0,
           let argument = CommandLine.unsafeArgv[2], argument.pointee != 0, argument.pointee != CChar(UInt8(ascii: "-")) {
            do {
                try Resume.open(String(cString: argument), readOnly: false, settings: Settings())
                Foundation.exit(0)
            } catch {
                exit(withError: error)
            }
        }
        switch CommandLineOrder.arrange(Array(CommandLine.arguments.dropFirst())) {
        case .parse(let arguments):
            main(arguments)
        case .refuse(let sentence):
            FileHandle.standardError.write(Data("Error: \(sentence)\n".utf8))
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
    }

    private static func home(_ settings: Settings) -> Never {
        do {
            try HomeScreen(options: settings).run()
            Foundation.exit(0)
        } catch {
            exit(withError: error)
        }
    }

    /// The folder of `campfire --data-dir PATH` or `campfire --data-dir=PATH` with nothing else,
    /// read straight from the arguments; nil for anything else (which the parser then reads).
    static func homeDataDir() -> String? {
        let argv = CommandLine.unsafeArgv
        if CommandLine.argc == 3, let option = argv[1], strcmp(option, "--data-dir") == 0, let value = argv[2] {
            let path = String(cString: value)
            // `--data-dir --help` and the like are for the parser to explain.
            return path.hasPrefix("-") || path.isEmpty ? nil : path
        }
        if CommandLine.argc == 2, let option = argv[1], strncmp(option, "--data-dir=", 11) == 0 {
            let path = String(cString: option + 11)
            return path.isEmpty ? nil : path
        }
        return nil
    }
}
