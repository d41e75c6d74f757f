import Foundation

/// The practice scenarios: the built-in ones that ship with Campfire, or a file of the user's own.
public struct ScenarioLibrary: Sendable {
    /// The built-in scenarios, in the order they are offered.
    public var scenarios: [Scenario]

    public init(scenarios: [Scenario]) { self.scenarios = scenarios }

    /// The names of the built-in scenarios, in the order they are offered.
    public static let builtInNames = ["day-service", "home-care", "supported-housing"]

    /// Loads and checks the built-in scenarios from `scenarios/` in Campfire's resources folder.
    /// - Throws: `ScenarioFileError` naming the file and every problem in it.
    public static func builtIn(glossary: Glossary? = nil) throws(ScenarioFileError) -> ScenarioLibrary {
        let folder: URL
        do { folder = try ContentLibrary.resourcesFolder().appendingPathComponent("scenarios", isDirectory: true) } catch {
            throw ScenarioFileError(file: error.file, problems: [ScenarioProblem(line: 0, problem: error.problem)])
        }
        var scenarios: [Scenario] = []
        for name in builtInNames {
            scenarios.append(try load(file: folder.appendingPathComponent("\(name).json"), glossary: glossary))
        }
        return ScenarioLibrary(scenarios: scenarios)
    }

    /// A built-in scenario by name, or a scenario file by path.
    /// - Throws: `ScenarioFileError` when there is no such scenario or the file has problems.
    public func scenario(named nameOrPath: String, glossary: Glossary? = nil) throws(ScenarioFileError) -> Scenario {
        if let builtIn = scenarios.first(where: { $0.name == nameOrPath }) { return builtIn }
        let url = URL(fileURLWithPath: nameOrPath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ScenarioFileError(file: nameOrPath, problems: [ScenarioProblem(line: 0, problem: "there is no scenario with this name and no file at this path. The built-in scenarios are: \(scenarios.map(\.name).joined(separator: ", ")).")])
        }
        return try ScenarioLibrary.load(file: url, glossary: glossary)
    }

    /// Reads and checks one scenario file.
    public static func load(file url: URL, glossary: Glossary? = nil) throws(ScenarioFileError) -> Scenario {
        guard let data = try? Data(contentsOf: url) else {
            throw ScenarioFileError(file: url.path, problems: [ScenarioProblem(line: 0, problem: "could not be opened. Check that it exists and that you may read it.")])
        }
        return try ScenarioValidator.load(data, file: url.path, glossary: glossary)
    }

    /// One line per scenario: its name, then its title and description.
    public var listing: [String] {
        let width = scenarios.map(\.name.count).max() ?? 0
        return scenarios.map { $0.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.title + ": " + $0.description }
    }
}

extension Scenario {
    /// A one-line summary, as `campfire practice --check` prints it: "6 personas (2 quiet, 1 talks over others, …)".
    public var summary: String {
        var parts: [String] = []
        for trait in PersonaTrait.allCases {
            let count = personas.filter { $0.has(trait) }.count
            guard count > 0 else { continue }
            parts.append("\(count) \(trait.plainName(count: count))")
        }
        let stories = personas.reduce(0) { $0 + $1.stories.count }
        let ideas = personas.reduce(0) { $0 + $1.ideas.count }
        return "\(personas.count) personas (\(parts.joined(separator: ", "))), \(stories) stories, \(ideas) ideas, template \(template)"
    }
}

extension PersonaTrait {
    /// The trait after a number of people: "1 uses jargon", "2 use jargon".
    public func plainName(count: Int) -> String {
        guard count != 1 else { return plainName }
        switch self {
        case .talksOverOthers: return "talk over others"
        case .usesJargon: return "use jargon"
        case .overPromises: return "over-promise"
        case .quietUnlessInvited, .scepticalOfChange: return plainName
        }
    }


    /// The trait in plain words, for lists.
    public var plainName: String {
        switch self {
        case .talksOverOthers: return "talks over others"
        case .quietUnlessInvited: return "quiet unless invited"
        case .usesJargon: return "uses jargon"
        case .scepticalOfChange: return "sceptical of change"
        case .overPromises: return "over-promises"
        }
    }
}
