import ArgumentParser
import Foundation
import Persistence
import Workshop

/// `campfire practice`: practise facilitating with a simulated group.
///
/// Without `--list` or `--check`, starts a practice run: a session marked as practice, saved
/// like a real one, with the simulated group of the scenario wired into the console.
struct Practice: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice",
        abstract: "Practise facilitating with a simulated group, coached, with a debrief at the end.",
        discussion: """
        Runs the whole workshop with a simulated group from a scenario (a built-in one by name, \
        or a file). The coach panel gives tips as you go (--no-coach for an assessed run); the \
        debrief is shown at the close and saved as debrief.txt in the session folder. \
        A scenario is a plain JSON file describing a setting and a simulated group; \
        see docs/practice-scenarios.md. --check reports every problem as FILE:LINE: problem \
        and exits with 1 when there are any.
        """
    )

    @OptionGroup var options: CommonOptions

    @Flag(name: .long, help: "List the built-in scenarios, one line each.")
    var list = false

    @Option(name: .long, help: ArgumentHelp("Check a scenario file and report every problem with its line.", valueName: "file"))
    var check: String?

    @Option(name: .long, help: ArgumentHelp("The scenario: a built-in name (see --list) or the path of a scenario file.", valueName: "name|file"))
    var scenario: String = ScenarioLibrary.builtInNames[0]

    @Option(name: .long, help: ArgumentHelp("The seed of the simulated group: the same seed and the same keys give the same run.", valueName: "n"))
    var seed: UInt64?

    @Flag(name: .long, help: "Hide the coach panel, for an assessed run.")
    var noCoach = false

    @Option(name: .long, help: ArgumentHelp("Run the same group again: the scenario and seed of an earlier practice run (its id, the start of it, or its folder).", valueName: "run"))
    var replay: String?

    func run() throws {
        let content = try options.content()
        if let check {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: check)) } catch {
                throw Failure("\(check): could not be opened. Check that it exists and that you may read it.")
            }
            let problems = ScenarioValidator.check(data, file: check, glossary: content.glossary)
            guard problems.isEmpty else {
                for problem in problems { print(shownLines(problem.described(file: check))) }
                throw ExitCode(1)
            }
            let scenario: Scenario
            do { scenario = try ScenarioValidator.load(data, file: check, glossary: content.glossary) } catch { throw plain(error) }
            print(shownLines("\(check) looks good: \(scenario.summary)."))
            return
        }
        if list {
            let library: ScenarioLibrary
            do { library = try ScenarioLibrary.builtIn(glossary: content.glossary) } catch { throw plain(error) }
            for line in library.listing { print(shownLines(line)) }
            return
        }
        let chosen: Scenario
        var chosenSeed = seed
        if let replay {
            let earlier = try PracticeRunner.earlierRun(replay, in: options.library)
            chosen = earlier.scenario
            chosenSeed = earlier.state.seed
        } else {
            do {
                let library = try ScenarioLibrary.builtIn(glossary: content.glossary)
                chosen = try library.scenario(named: scenario, glossary: content.glossary)
            } catch { throw Failure(error.description) }
        }
        let terminal = try options.startTerminal()
        let code = try PracticeRunner.run(scenario: chosen, seed: chosenSeed ?? PracticeRunner.newSeed(), coach: !noCoach,
                                          library: options.library, content: content, terminal: terminal, stopTerminal: true)
        if code != 0 { throw ExitCode(code) }
    }
}
