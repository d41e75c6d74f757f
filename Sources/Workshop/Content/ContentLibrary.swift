import Foundation

/// The words Campfire uses: principles and their rubric, prompts, the glossary and the templates.
///
/// The built-in files ship with the program. A user may put their own `principles.json`,
/// `prompts.json` or `glossary.txt` in a content folder (for another wording, an Easy Read
/// version or another language); their glossary adds to the built-in one.
public struct ContentLibrary: Sendable {
    public var principles: PrinciplesFile
    public var prompts: PromptsFile
    public var glossary: Glossary
    /// The built-in templates, in the order they are offered.
    public var templates: [WorkshopTemplate]

    public init(principles: PrinciplesFile, prompts: PromptsFile, glossary: Glossary, templates: [WorkshopTemplate]) {
        self.principles = principles
        self.prompts = prompts
        self.glossary = glossary
        self.templates = templates
    }

    /// The names of the built-in templates, default first.
    public static let builtInTemplateNames = ["standard", "principles-only", "stories-and-goal"]

    /// Loads the built-in content, then any of the user's own files from `overrides`.
    /// - Throws: `PlainFileError` naming the file (and line) that could not be used.
    public static func load(overrides: URL? = nil) throws(PlainFileError) -> ContentLibrary {
        let folder = try resourcesFolder()
        func file(_ relative: String) -> URL { folder.appendingPathComponent(relative) }

        var principles = try decodeFile(PrinciplesFile.self, at: file("content/principles.json"))
        var prompts = try decodeFile(PromptsFile.self, at: file("content/prompts.json"))
        var glossary = try Glossary.parse(readText(file("content/glossary.txt")), file: file("content/glossary.txt").path)
        let templates = try builtInTemplateNames.map { name throws(PlainFileError) in
            try loadTemplate(at: file("templates/\(name).json"))
        }

        if let overrides {
            let own = { (name: String) in overrides.appendingPathComponent(name) }
            if FileManager.default.fileExists(atPath: own("principles.json").path) {
                principles = try decodeFile(PrinciplesFile.self, at: own("principles.json"))
                if let problem = principles.problems.first { throw PlainFileError(file: own("principles.json").path, problem: problem) }
            }
            if FileManager.default.fileExists(atPath: own("prompts.json").path) {
                prompts = try decodeFile(PromptsFile.self, at: own("prompts.json"))
                if let problem = prompts.problems.first { throw PlainFileError(file: own("prompts.json").path, problem: problem) }
            }
            if FileManager.default.fileExists(atPath: own("glossary.txt").path) {
                glossary = glossary.merged(with: try Glossary.parse(readText(own("glossary.txt")), file: own("glossary.txt").path))
            }
        }
        return ContentLibrary(principles: principles, prompts: prompts, glossary: glossary, templates: templates)
    }

    /// A built-in template by name, or a template file by path.
    /// - Throws: `PlainFileError` when there is no such template or the file is not usable.
    public func template(named nameOrPath: String) throws(PlainFileError) -> WorkshopTemplate {
        if let builtIn = templates.first(where: { $0.name == nameOrPath }) { return builtIn }
        let url = URL(fileURLWithPath: nameOrPath)
        guard FileManager.default.fileExists(atPath: url.path) else {
            let names = templates.map(\.name).joined(separator: ", ")
            throw PlainFileError(file: nameOrPath, problem: "there is no template with this name and no file at this path. The built-in templates are: \(names).")
        }
        return try ContentLibrary.loadTemplate(at: url)
    }

    /// Reads and checks a template file.
    public static func loadTemplate(at url: URL) throws(PlainFileError) -> WorkshopTemplate {
        let template = try decodeFile(WorkshopTemplate.self, at: url)
        if let problem = template.problems.first { throw PlainFileError(file: url.path, problem: problem) }
        return template
    }

    // MARK: - Files

    private static func decodeFile<T: Decodable>(_ type: T.Type, at url: URL) throws(PlainFileError) -> T {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw PlainFileError(file: url.path, problem: "could not be opened. Check that it exists and that you may read it.")
        }
        return try PlainFileError.decode(type, from: data, file: url.path)
    }

    private static func readText(_ url: URL) throws(PlainFileError) -> String {
        guard let data = try? Data(contentsOf: url) else {
            throw PlainFileError(file: url.path, problem: "could not be opened. Check that it exists and that you may read it.")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PlainFileError(file: url.path, problem: "is not plain UTF-8 text.")
        }
        return text
    }

    /// Finds the folder of built-in files: next to the program when installed or built,
    /// or in the source tree while developing.
    public static func resourcesFolder() throws(PlainFileError) -> URL {
        let bundleName = "Campfire_Workshop.resources"
        var candidates: [URL] = []
        if let own = ProcessEnvironment.value("CAMPFIRE_RESOURCES"), !own.isEmpty {
            candidates.append(URL(fileURLWithPath: own))
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().deletingLastPathComponent()
        let procExecutable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        for base in [procExecutable, executable, Bundle.main.bundleURL] {
            candidates.append(base.appendingPathComponent(bundleName).appendingPathComponent("Resources"))
            candidates.append(base.appendingPathComponent(bundleName))
            candidates.append(base.appendingPathComponent("../share/campfire").appendingPathComponent(bundleName).appendingPathComponent("Resources"))
        }
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Resources"))
        for candidate in candidates where FileManager.default.fileExists(atPath: candidate.appendingPathComponent("content/principles.json").path) {
            return candidate.standardizedFileURL
        }
        throw PlainFileError(file: bundleName, problem: "Campfire's own content files are missing. Reinstall Campfire, or set CAMPFIRE_RESOURCES to the folder that holds content/ and templates/.")
    }
}
