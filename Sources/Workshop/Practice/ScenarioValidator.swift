import Foundation

/// One thing wrong with a scenario file, and the line it is on.
public struct ScenarioProblem: Equatable, Hashable, Sendable, CustomStringConvertible {
    /// 1-based line in the file; 0 when the problem is with the file as a whole (it cannot be opened).
    public var line: Int
    public var problem: String

    public init(line: Int, problem: String) {
        self.line = line
        self.problem = problem
    }

    /// `FILE:LINE: problem`, the form compilers use, so editors can jump to it.
    public func described(file: String) -> String { line > 0 ? "\(file):\(line): \(problem)" : "\(file): \(problem)" }

    public var description: String { "line \(line): \(problem)" }
}

/// Checks a scenario file and reports every problem with its line, not just the first.
///
/// The file is read with `JSONScanner` (which keeps line numbers), checked field by field,
/// and only then decoded; so a file that passes always decodes.
public enum ScenarioValidator {

    /// Every problem in a scenario file, in the order of the file; empty when it is usable.
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - file: the file's name, used only in messages about the file as a whole.
    ///   - glossary: when given, a persona who uses jargon must have at least one glossary term in their words.
    public static func check(_ data: Data, file: String, glossary: Glossary? = nil) -> [ScenarioProblem] {
        let root: JSONNode
        do { root = try JSONScanner.parse(data) } catch {
            return [ScenarioProblem(line: error.line, problem: "this is not valid JSON: \(error.problem).")]
        }
        var checker = Checker(glossary: glossary)
        checker.checkScenario(root)
        return checker.problems.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
    }

    /// Checks, then decodes.
    /// - Throws: `ScenarioFileError` with every problem when the file is not usable.
    public static func load(_ data: Data, file: String, glossary: Glossary? = nil) throws(ScenarioFileError) -> Scenario {
        let problems = check(data, file: file, glossary: glossary)
        guard problems.isEmpty else { throw ScenarioFileError(file: file, problems: problems) }
        do { return try JSONDecoder().decode(Scenario.self, from: data) } catch {
            throw ScenarioFileError(file: file, problems: [ScenarioProblem(line: 1, problem: "could not be read: \(error)")])
        }
    }
}

/// A scenario file that could not be used, with all its problems.
public struct ScenarioFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var problems: [ScenarioProblem]

    public init(file: String, problems: [ScenarioProblem]) {
        self.file = file
        self.problems = problems
    }

    public var description: String { problems.map { $0.described(file: file) }.joined(separator: "\n") }
}

// MARK: - The checks

private struct Checker {
    let glossary: Glossary?
    var problems: [ScenarioProblem] = []

    init(glossary: Glossary?) { self.glossary = glossary }

    mutating func report(_ line: Int, _ problem: String) { problems.append(ScenarioProblem(line: line, problem: problem)) }

    // MARK: Shapes

    /// Checks that a node is an object, that the required keys are there and that no unknown keys are.
    mutating func object(_ node: JSONNode, _ what: String, required: [String], optional: [String] = []) -> [JSONMember]? {
        guard let members = node.members else {
            report(node.line, "\(what) should be a { } block, not \(node.value.kindName).")
            return nil
        }
        var seen = Set<String>()
        for member in members {
            if !seen.insert(member.key).inserted { report(member.keyLine, "\"\(member.key)\" appears twice in \(what).") }
            if !required.contains(member.key) && !optional.contains(member.key) {
                let known = (required + optional).map { "\"\($0)\"" }.joined(separator: ", ")
                report(member.keyLine, "unknown field \"\(member.key)\" in \(what). The fields are: \(known).")
            }
        }
        for key in required where !seen.contains(key) {
            report(node.line, "missing field \"\(key)\" in \(what).")
        }
        return members
    }

    mutating func text(_ member: JSONMember?, _ what: String, allowEmpty: Bool = false) -> String? {
        guard let member else { return nil }
        guard let value = member.value.string else {
            report(member.value.line, "\"\(member.key)\" in \(what) should be text in quotes, not \(member.value.value.kindName).")
            return nil
        }
        if !allowEmpty && value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            report(member.value.line, "\"\(member.key)\" in \(what) is empty.")
        }
        return value
    }

    mutating func wholeNumber(_ member: JSONMember?, _ what: String, in range: ClosedRange<Int>, rangeText: String? = nil) -> Int? {
        guard let member else { return nil }
        guard let number = member.value.number, number == number.rounded(), abs(number) < 1e9 else {
            report(member.value.line, "\"\(member.key)\" in \(what) should be a whole number, not \(member.value.value.kindName == "a number" ? "a fraction" : member.value.value.kindName).")
            return nil
        }
        let value = Int(number)
        guard range.contains(value) else {
            report(member.value.line, rangeText ?? "\"\(member.key)\" in \(what) should be from \(range.lowerBound) to \(range.upperBound), not \(value).")
            return nil
        }
        return value
    }

    mutating func fraction(_ member: JSONMember?, _ what: String) {
        guard let member else { return }
        guard let number = member.value.number else {
            report(member.value.line, "\"\(member.key)\" in \(what) should be a number from 0 to 1, not \(member.value.value.kindName).")
            return
        }
        if number < 0 || number > 1 { report(member.value.line, "\"\(member.key)\" in \(what) is a share and should be from 0 to 1 (0.35 means 35%), not \(describe(member.value)).") }
    }

    mutating func texts(_ member: JSONMember?, _ what: String) -> [(String, Int)] {
        guard let member else { return [] }
        guard let items = member.value.array else {
            report(member.value.line, "\"\(member.key)\" in \(what) should be a [ ] list of text, not \(member.value.value.kindName).")
            return []
        }
        var out: [(String, Int)] = []
        for item in items {
            guard let value = item.string else {
                report(item.line, "each item of \"\(member.key)\" in \(what) should be text in quotes, not \(item.value.kindName).")
                continue
            }
            out.append((value, item.line))
        }
        return out
    }

    mutating func list(_ member: JSONMember?, _ what: String) -> [JSONNode] {
        guard let member else { return [] }
        guard let items = member.value.array else {
            report(member.value.line, "\"\(member.key)\" in \(what) should be a [ ] list, not \(member.value.value.kindName).")
            return []
        }
        return items
    }

    mutating func oneOf(_ member: JSONMember?, _ what: String, kind: String, allowed: [String]) -> String? {
        guard let value = text(member, what), let member else { return nil }
        guard allowed.contains(value) else {
            report(member.value.line, "unknown \(kind) \"\(value)\" in \(what). Use one of: \(allowed.joined(separator: ", ")).")
            return nil
        }
        return value
    }

    // MARK: The scenario

    mutating func checkScenario(_ root: JSONNode) {
        guard let members = object(root, "the scenario", required: ["name", "title", "description", "setting", "question", "template", "personas", "ideal"], optional: ["vagueness"]) else { return }
        func get(_ key: String) -> JSONMember? { members.first { $0.key == key } }
        if let name = text(get("name"), "the scenario"), let member = get("name"),
           name.contains(where: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            report(member.value.line, "\"name\" is typed on the command line, so use letters, digits and - only (like \"day-service\").")
        }
        _ = text(get("title"), "the scenario")
        if let description = text(get("description"), "the scenario"), let member = get("description"), description.contains("\n") || description.count > 100 {
            report(member.value.line, "\"description\" is shown as one line in lists: keep it to one line of at most 100 characters.")
        }
        _ = text(get("setting"), "the scenario")
        _ = text(get("question"), "the scenario")
        _ = oneOf(get("template"), "the scenario", kind: "template", allowed: ContentLibrary.builtInTemplateNames)
        if let vagueness = get("vagueness") {
            if let fields = object(vagueness.value, "\"vagueness\"", required: [], optional: ["minimumWords", "vagueWords", "concreteWords"]) {
                _ = wholeNumber(fields.first { $0.key == "minimumWords" }, "\"vagueness\"", in: 1...50)
                _ = texts(fields.first { $0.key == "vagueWords" }, "\"vagueness\"")
                _ = texts(fields.first { $0.key == "concreteWords" }, "\"vagueness\"")
            }
        }
        if let ideal = get("ideal") { checkIdeal(ideal.value) }
        if let personas = get("personas") { checkPersonas(personas) }
    }

    mutating func checkIdeal(_ node: JSONNode) {
        guard let fields = object(node, "\"ideal\"", required: ScenarioIdeal.fieldNames) else { return }
        for field in fields {
            switch field.key {
            case "consensusWithoutOverride":
                if field.value.bool == nil { report(field.value.line, "\"consensusWithoutOverride\" in \"ideal\" should be true or false, not \(field.value.value.kindName).") }
            case "interruptionsAtMost":
                _ = wholeNumber(field, "\"ideal\"", in: 0...100)
            case let key where ScenarioIdeal.fieldNames.contains(key):
                fraction(field, "\"ideal\"")
            default:
                break
            }
        }
    }

    // MARK: Personas

    mutating func checkPersonas(_ member: JSONMember) {
        let items = list(member, "the scenario")
        guard member.value.array != nil else { return }
        if !Scenario.personaRange.contains(items.count) {
            report(member.keyLine, "a scenario needs \(Scenario.personaRange.lowerBound) to \(Scenario.personaRange.upperBound) personas; this one has \(items.count).")
        }
        // First pass: ids, names and idea keys, so references can be checked whatever the order.
        var ids: [String: Int] = [:]
        var names: [String: Int] = [:]
        var ideaKeys: [String: Int] = [:]
        for item in items {
            guard let fields = item.members else { continue }
            if let idMember = fields.first(where: { $0.key == "id" }), let id = idMember.value.string, !id.isEmpty {
                if let first = ids[id] {
                    report(idMember.value.line, "duplicate persona id \"\(id)\": it is already used on line \(first).")
                } else {
                    ids[id] = idMember.value.line
                }
            }
            if let nameMember = fields.first(where: { $0.key == "name" }), let name = nameMember.value.string?.lowercased(), !name.isEmpty {
                if let first = names[name] {
                    report(nameMember.value.line, "two personas are called \"\(nameMember.value.string!)\" (the other on line \(first)); names must differ so the trainee can tell them apart.")
                } else {
                    names[name] = nameMember.value.line
                }
            }
            for idea in fields.first(where: { $0.key == "ideas" })?.value.array ?? [] {
                if let keyMember = idea.member("key"), let key = keyMember.value.string, !key.isEmpty {
                    if let first = ideaKeys[key] {
                        report(keyMember.value.line, "duplicate idea key \"\(key)\": it is already used on line \(first).")
                    } else {
                        ideaKeys[key] = keyMember.value.line
                    }
                }
            }
        }
        for (index, item) in items.enumerated() {
            checkPersona(item, number: index + 1, ids: Set(ids.keys), ideaKeys: Set(ideaKeys.keys))
        }
    }

    mutating func checkPersona(_ node: JSONNode, number: Int, ids: Set<String>, ideaKeys: Set<String>) {
        var what = "persona \(number)"
        if let id = node.member("id")?.value.string, !id.isEmpty { what = "persona \"\(id)\"" }
        guard let fields = object(node, what, required: ["id", "name", "perspective", "traits", "stories", "goalSuggestions", "draftResponse", "principles", "ideas", "actions"], optional: ["speakingSeconds", "votesFor"]) else { return }
        func get(_ key: String) -> JSONMember? { fields.first { $0.key == key } }
        let ownID = text(get("id"), what)
        _ = text(get("name"), what)
        _ = oneOf(get("perspective"), what, kind: "perspective", allowed: Perspective.allCases.map(\.rawValue))
        var traits = Set<PersonaTrait>()
        for (trait, line) in texts(get("traits"), what) {
            guard let known = PersonaTrait(rawValue: trait) else {
                report(line, "unknown trait \"\(trait)\" in \(what). Use any of: \(PersonaTrait.allCases.map(\.rawValue).joined(separator: ", ")).")
                continue
            }
            traits.insert(known)
        }
        if traits.contains(.talksOverOthers) && traits.contains(.quietUnlessInvited), let member = get("traits") {
            report(member.value.line, "\(what) cannot both talk over others and stay quiet unless invited.")
        }
        _ = wholeNumber(get("speakingSeconds"), what, in: 10...1800)

        var words: [String] = []
        for story in list(get("stories"), what) {
            guard let storyFields = object(story, "a story of \(what)", required: ["title", "whatHappened", "smallThing", "consent"]) else { continue }
            for key in ["title", "whatHappened", "smallThing"] {
                if let value = text(storyFields.first { $0.key == key }, "a story of \(what)", allowEmpty: key == "smallThing") { words.append(value) }
            }
            _ = oneOf(storyFields.first { $0.key == "consent" }, "a story of \(what)", kind: "consent", allowed: Consent.allCases.map(\.rawValue))
        }
        for (suggestion, line) in texts(get("goalSuggestions"), what) {
            if suggestion.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { report(line, "a goal suggestion of \(what) is empty.") }
            words.append(suggestion)
        }
        if traits.contains(.usesJargon), let glossary, let member = get("traits"),
           !words.contains(where: { !glossary.matches(in: $0).isEmpty }) {
            report(member.value.line, "\(what) uses jargon, but none of their stories or goal suggestions has a word from the glossary.")
        }

        if let rule = get("draftResponse"), let ruleFields = object(rule.value, "\"draftResponse\" of \(what)", required: ["otherwise"], optional: ["agreeIfAny", "disagreeIfAny", "followsLead"]) {
            let inRule = "\"draftResponse\" of \(what)"
            _ = texts(ruleFields.first { $0.key == "agreeIfAny" }, inRule)
            _ = texts(ruleFields.first { $0.key == "disagreeIfAny" }, inRule)
            _ = oneOf(ruleFields.first { $0.key == "otherwise" }, inRule, kind: "response", allowed: ConsensusResponse.allCases.map(\.rawValue))
            if let lead = ruleFields.first(where: { $0.key == "followsLead" }), let leadID = text(lead, inRule) {
                if !ids.contains(leadID) {
                    report(lead.value.line, "persona \"\(leadID)\" is referenced in \(inRule) but not defined.")
                } else if leadID == ownID {
                    report(lead.value.line, "\(what) cannot follow their own lead.")
                }
            }
        }

        if let principles = get("principles") {
            if let entries = object(principles.value, "\"principles\" of \(what)", required: [], optional: PrincipleID.allCases.map(\.rawValue)) {
                for entry in entries {
                    guard PrincipleID(rawValue: entry.key) != nil else { continue } // reported above as unknown
                    let inEntry = "\"\(entry.key)\" of \(what)"
                    guard let view = object(entry.value, inEntry, required: ["stage", "evidence"]) else { continue }
                    _ = wholeNumber(view.first { $0.key == "stage" }, inEntry, in: 1...4, rangeText: view.first { $0.key == "stage" }.map { "bad stage number \(describe($0.value)) in \(inEntry): stages go from 1 to 4." })
                    _ = text(view.first { $0.key == "evidence" }, inEntry)
                }
            }
        }
        // An unknown principle reads better as its own message than as an unknown field.
        problems = problems.map { problem in
            guard problem.problem.hasPrefix("unknown field"), problem.problem.contains("in \"principles\" of") else { return problem }
            let key = problem.problem.split(separator: "\"")[1]
            return ScenarioProblem(line: problem.line, problem: "unknown principle \"\(key)\" in \"principles\" of \(what). The principles are: \(PrincipleID.allCases.map(\.rawValue).joined(separator: ", ")).")
        }

        for idea in list(get("ideas"), what) {
            guard let ideaFields = object(idea, "an idea of \(what)", required: ["key", "text"], optional: ["principles"]) else { continue }
            _ = text(ideaFields.first { $0.key == "key" }, "an idea of \(what)")
            _ = text(ideaFields.first { $0.key == "text" }, "an idea of \(what)")
            for (principle, line) in texts(ideaFields.first { $0.key == "principles" }, "an idea of \(what)") where PrincipleID(rawValue: principle) == nil {
                report(line, "unknown principle \"\(principle)\" in an idea of \(what). The principles are: \(PrincipleID.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
        }
        for (key, line) in texts(get("votesFor"), what) where !ideaKeys.contains(key) {
            report(line, "idea \"\(key)\" in \"votesFor\" of \(what) is not the key of any persona's idea.")
        }
        if let actions = get("actions"), let actionFields = object(actions.value, "\"actions\" of \(what)", required: ["maxActions", "daysNeeded"], optional: ["partner"]) {
            _ = wholeNumber(actionFields.first { $0.key == "maxActions" }, "\"actions\" of \(what)", in: 0...20)
            _ = wholeNumber(actionFields.first { $0.key == "daysNeeded" }, "\"actions\" of \(what)", in: 1...730)
            if let partner = actionFields.first(where: { $0.key == "partner" }), let partnerID = text(partner, "\"actions\" of \(what)") {
                if !ids.contains(partnerID) {
                    report(partner.value.line, "persona \"\(partnerID)\" is referenced in \"actions\" of \(what) but not defined.")
                } else if partnerID == ownID {
                    report(partner.value.line, "\(what) cannot be their own partner.")
                }
            }
        }
    }

    func describe(_ node: JSONNode) -> String {
        switch node.value {
        case .number(let n): return n == n.rounded() && abs(n) < 1e9 ? String(Int(n)) : String(n)
        case .string(let s): return "\"\(s)\""
        default: return node.value.kindName
        }
    }
}
