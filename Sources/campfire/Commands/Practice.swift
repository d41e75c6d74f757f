import ArgumentParser
import Foundation
import Workshop

/// `campfire practice`: practise facilitating with a simulated group.
///
/// For now only the scenario tools are here: `--list` and `--check FILE`. Running a practice
/// session needs the console and is added with it.
struct Practice: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Practise facilitating with a simulated group (scenario tools: --list, --check).",
        discussion: """
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

    func run() throws {
        let content = try options.content()
        if let check {
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: check)) } catch {
                throw Failure("\(check): could not be opened. Check that it exists and that you may read it.")
            }
            let problems = ScenarioValidator.check(data, file: check, glossary: content.glossary)
            guard problems.isEmpty else {
                for problem in problems { print(problem.described(file: check)) }
                throw ExitCode(1)
            }
            let scenario: Scenario
            do { scenario = try ScenarioValidator.load(data, file: check, glossary: content.glossary) } catch { throw plain(error) }
            print("\(check) looks good: \(scenario.summary).")
            return
        }
        if list {
            let library: ScenarioLibrary
            do { library = try ScenarioLibrary.builtIn(glossary: content.glossary) } catch { throw plain(error) }
            for line in library.listing { print(line) }
            return
        }
        throw Failure("Running a practice session is not ready yet. For now: campfire practice --list, or campfire practice --check FILE.")
    }
}
