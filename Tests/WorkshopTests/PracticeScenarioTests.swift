import Foundation
import XCTest
@testable import Workshop

/// The scenario files: the validator names every mistake with its line, and the built-in ones pass.
final class PracticeScenarioTests: XCTestCase {
    let glossary = PracticeFixtures.glossary

    private func builtInText(_ name: String = "day-service") throws -> String {
        let url = try ContentLibrary.resourcesFolder().appendingPathComponent("scenarios/\(name).json")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The line a unique piece of text is on, found independently of the validator.
    private func line(of marker: String, in text: String) -> Int {
        let range = text.range(of: marker)!
        XCTAssertNil(text[range.upperBound...].range(of: marker), "marker \(marker) should be unique")
        return text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
    }

    /// Replaces one unique piece of the built-in file and checks it.
    private func problems(replacing old: String, with new: String) throws -> (problems: [ScenarioProblem], text: String) {
        let original = try builtInText()
        XCTAssertNotNil(original.range(of: old), "the built-in file should contain \(old)")
        let text = original.replacingOccurrences(of: old, with: new)
        return (ScenarioValidator.check(Data(text.utf8), file: "x.json", glossary: glossary), text)
    }

    // MARK: Built-in scenarios

    func testEveryBuiltInScenarioValidatesAndLoads() throws {
        for name in ScenarioLibrary.builtInNames {
            XCTAssertEqual(ScenarioValidator.check(Data(try builtInText(name).utf8), file: name, glossary: glossary), [], name)
        }
        let library = try ScenarioLibrary.builtIn(glossary: glossary)
        XCTAssertEqual(library.scenarios.map(\.name), ScenarioLibrary.builtInNames)
        XCTAssertEqual(library.listing.count, 3)
        XCTAssertTrue(library.listing[0].hasPrefix("day-service        Maple Street day centre: "))
        for scenario in library.scenarios {
            XCTAssertTrue(Scenario.personaRange.contains(scenario.personas.count))
            for trait in PersonaTrait.allCases {
                XCTAssertTrue(scenario.personas.contains { $0.has(trait) }, "\(scenario.name) has someone who \(trait.plainName)")
            }
            // Jargon comes from the jargon users only, so the figures in a debrief are the ones the scenario means.
            for persona in scenario.personas where !persona.has(.usesJargon) {
                let words = persona.stories.flatMap { [$0.title, $0.whatHappened, $0.smallThing] } + persona.goalSuggestions + persona.ideas.map(\.text)
                XCTAssertEqual(words.flatMap { glossary.matches(in: $0) }.map(\.entry.term), [], "\(scenario.name)/\(persona.id)")
            }
            // Perspectives differ somewhere on every principle.
            for principle in PrincipleID.allCases {
                XCTAssertGreaterThan(Set(scenario.personas.compactMap { $0.view(of: principle)?.stage }).count, 1, "\(scenario.name) \(principle)")
            }
        }
    }

    func testAScenarioByPathAndAnUnknownName() throws {
        let library = try ScenarioLibrary.builtIn()
        let path = try ContentLibrary.resourcesFolder().appendingPathComponent("scenarios/home-care.json").path
        XCTAssertEqual(try library.scenario(named: path).name, "home-care")
        XCTAssertThrowsError(try library.scenario(named: "no-such-scenario")) { error in
            XCTAssertTrue("\(error)".contains("The built-in scenarios are: day-service, home-care, supported-housing."))
        }
    }

    // MARK: Each kind of mistake, with its line

    func testMissingField() throws {
        let (found, _) = try problems(replacing: "  \"question\": \"How could the people who come to Maple Street have more say in what happens each day?\",\n", with: "")
        XCTAssertEqual(found, [ScenarioProblem(line: 1, problem: "missing field \"question\" in the scenario.")])
    }

    func testMissingFieldInAPersonaNamesThePersonasOpeningLine() throws {
        let (found, text) = try problems(replacing: "\"perspective\": \"carer\",", with: "")
        let opening = line(of: "\"id\": \"june\"", in: text) - 1
        XCTAssertEqual(found, [ScenarioProblem(line: opening, problem: "missing field \"perspective\" in persona \"june\".")])
    }

    func testUnknownPrinciple() throws {
        let (found, text) = try problems(replacing: "\"networks\": {\n          \"stage\": 1,\n          \"evidence\": \"The centre keeps to itself.\"", with: "\"network\": {\n          \"stage\": 1,\n          \"evidence\": \"The centre keeps to itself.\"")
        XCTAssertEqual(found.map(\.line), [line(of: "\"network\":", in: text)])
        XCTAssertTrue(found[0].problem.hasPrefix("unknown principle \"network\" in \"principles\" of persona \"tomasz\""))
    }

    func testUnknownPrincipleOnAnIdea() throws {
        let (found, text) = try problems(replacing: "\"principles\": [\n            \"work\"\n          ]\n        }\n      ],\n      \"votesFor\": [\n        \"you-said\"", with: "\"principles\": [\n            \"kindness\"\n          ]\n        }\n      ],\n      \"votesFor\": [\n        \"you-said\"")
        XCTAssertEqual(found.map(\.line), [line(of: "\"kindness\"", in: text)])
    }

    func testPersonaReferencedButNotDefined() throws {
        let (found, text) = try problems(replacing: "\"partner\": \"june\"", with: "\"partner\": \"juno\"")
        XCTAssertEqual(found, [ScenarioProblem(line: line(of: "\"juno\"", in: text), problem: "persona \"juno\" is referenced in \"actions\" of persona \"elsie\" but not defined.")])
        let (lead, leadText) = try problems(replacing: "\"followsLead\": \"elsie\"", with: "\"followsLead\": \"elise\"")
        XCTAssertEqual(lead.map(\.line), [line(of: "\"elise\"", in: leadText)])
    }

    func testBadStageNumber() throws {
        let (found, text) = try problems(replacing: "\"stage\": 1,\n          \"evidence\": \"They asked about lunch and did nothing.\"", with: "\"stage\": 5,\n          \"evidence\": \"They asked about lunch and did nothing.\"")
        XCTAssertEqual(found, [ScenarioProblem(line: line(of: "\"stage\": 5", in: text), problem: "bad stage number 5 in \"assets\" of persona \"tomasz\": stages go from 1 to 4.")])
        let (zero, _) = try problems(replacing: "\"stage\": 1,\n          \"evidence\": \"They asked about lunch and did nothing.\"", with: "\"stage\": 0,\n          \"evidence\": \"They asked about lunch and did nothing.\"")
        XCTAssertEqual(zero.count, 1)
        let (fraction, _) = try problems(replacing: "\"stage\": 1,\n          \"evidence\": \"They asked about lunch and did nothing.\"", with: "\"stage\": 2.5,\n          \"evidence\": \"They asked about lunch and did nothing.\"")
        XCTAssertEqual(fraction.map(\.problem), ["\"stage\" in \"assets\" of persona \"tomasz\" should be a whole number, not a fraction."])
    }

    func testUnknownTrait() throws {
        let (found, text) = try problems(replacing: "\"overPromises\"\n      ]", with: "\"overpromises\"\n      ]")
        XCTAssertEqual(found.map(\.line), [line(of: "\"overpromises\"", in: text)])
        XCTAssertTrue(found[0].problem.hasPrefix("unknown trait \"overpromises\" in persona \"june\"."))
    }

    func testDuplicatePersonaID() throws {
        let (found, text) = try problems(replacing: "\"id\": \"kofi\"", with: "\"id\": \"elsie\"")
        let first = line(of: "\"id\": \"elsie\",\n      \"name\": \"Elsie\"", in: text)
        let second = line(of: "\"id\": \"elsie\",\n      \"name\": \"Kofi\"", in: text)
        XCTAssertEqual(found.first, ScenarioProblem(line: second, problem: "duplicate persona id \"elsie\": it is already used on line \(first)."))
        // Kofi followed Elsie's lead; now he is "elsie" too, and that is reported as well.
        XCTAssertEqual(found.dropFirst().map(\.problem), ["persona \"elsie\" cannot follow their own lead."])
    }

    func testTooFewAndTooManyPersonas() throws {
        let original = try JSONSerialization.jsonObject(with: Data(try builtInText().utf8)) as! [String: Any]
        let personas = original["personas"] as! [[String: Any]]
        func check(_ list: [[String: Any]]) throws -> ([ScenarioProblem], String) {
            var copy = original
            copy["personas"] = list
            let data = try JSONSerialization.data(withJSONObject: copy, options: [.prettyPrinted, .sortedKeys])
            let text = String(decoding: data, as: UTF8.self)
            return (ScenarioValidator.check(data, file: "x.json"), text)
        }
        let few = personas.filter { ["marcus", "elsie", "june"].contains($0["id"] as! String) }
        let (tooFew, fewText) = try check(few)
        XCTAssertEqual(tooFew, [ScenarioProblem(line: line(of: "\"personas\"", in: fewText), problem: "a scenario needs 4 to 8 personas; this one has 3.")])

        var many = personas
        for index in 0..<3 {
            var extra = personas[3]
            extra["id"] = "extra\(index)"
            extra["name"] = "Extra \(index)"
            extra["ideas"] = []
            many.append(extra)
        }
        let (tooMany, _) = try check(many)
        XCTAssertEqual(tooMany.map(\.problem), ["a scenario needs 4 to 8 personas; this one has 9."])
    }

    func testEveryProblemIsReportedNotJustTheFirst() throws {
        var text = try builtInText()
        for (old, new) in [("\"template\": \"standard\"", "\"template\": \"huge\""), ("\"traits\": [\n        \"scepticalOfChange\"", "\"traits\": [\n        \"grumpy\""),
                           ("\"consent\": \"keep\"", "\"consent\": \"maybe\""), ("\"otherwise\": \"agree\"", "\"otherwise\": \"sure\""),
                           ("\"interruptionsAtMost\": 1", "\"interruptionsAtMost\": -1"), ("\"loudestVoiceShareAtMost\": 0.3", "\"loudestVoiceShareAtMost\": 30"),
                           ("\"votesFor\": [\n        \"family-evening\"", "\"votesFor\": [\n        \"family-night\""), ("\"daysNeeded\": 90", "\"dayNeeded\": 90")] {
            XCTAssertNotNil(text.range(of: old), old)
            text = text.replacingOccurrences(of: old, with: new)
        }
        let found = ScenarioValidator.check(Data(text.utf8), file: "x.json")
        // "keep" is the consent of four stories, so that one change is four problems.
        XCTAssertEqual(found.count, 12, found.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(found.map(\.line), found.map(\.line).sorted(), "in file order")
        XCTAssertTrue(found.contains { $0.problem.contains("unknown template \"huge\"") && $0.line == line(of: "\"huge\"", in: text) })
        XCTAssertTrue(found.contains { $0.problem.contains("\"family-night\" in \"votesFor\"") && $0.line == line(of: "\"family-night\"", in: text) })
        XCTAssertTrue(found.contains { $0.problem.hasPrefix("unknown field \"dayNeeded\"") && $0.line == line(of: "\"dayNeeded\"", in: text) })
        XCTAssertTrue(found.contains { $0.problem == "missing field \"daysNeeded\" in \"actions\" of persona \"june\"." })
        XCTAssertTrue(found.contains { $0.problem == "\"loudestVoiceShareAtMost\" in \"ideal\" is a share and should be from 0 to 1 (0.35 means 35%), not 30." })
    }

    func testJargonUserWithoutJargonAndSyntaxErrors() throws {
        let (found, text) = try problems(replacing: "\"usesJargon\"", with: "\"usesJargon\", \"talksOverOthers\"")
        XCTAssertEqual(found.map(\.problem), [], "two traits together are fine")
        _ = text
        var plain = try builtInText()
        for jargon in ["service user", "care plan", "outcomes", "Co-production", "service users", "going forward"] { plain = plain.replacingOccurrences(of: jargon, with: "people") }
        let noJargon = ScenarioValidator.check(Data(plain.utf8), file: "x.json", glossary: glossary)
        XCTAssertEqual(noJargon.map(\.problem), ["persona \"nadia\" uses jargon, but none of their stories or goal suggestions has a word from the glossary."])

        let broken = "{\n  \"name\": \"x\",\n  \"title\" \"y\"\n}\n"
        XCTAssertEqual(ScenarioValidator.check(Data(broken.utf8), file: "x.json"), [ScenarioProblem(line: 3, problem: "this is not valid JSON: expected : after \"title\".")])
        let unclosed = "{\n  \"name\": \"x\n}"
        XCTAssertEqual(ScenarioValidator.check(Data(unclosed.utf8), file: "x.json").map(\.line), [2])
    }

    func testProblemsReadLikeCompilerMessages() {
        XCTAssertEqual(ScenarioProblem(line: 12, problem: "bad stage number 5.").described(file: "mine.json"), "mine.json:12: bad stage number 5.")
        XCTAssertEqual(ScenarioProblem(line: 0, problem: "could not be opened.").described(file: "mine.json"), "mine.json: could not be opened.")
    }

    func testTheScannerKeepsLinesAndUnicode() throws {
        let node = try JSONScanner.parse(Data("{\n \"a\": [1,\n  \"é\\u00e9\\ud83d\\ude00\"],\n \"b\": {\"c\": true, \"d\": null}\n}".utf8))
        XCTAssertEqual(node.member("a")?.keyLine, 2)
        XCTAssertEqual(node.member("a")?.value.array?[1].line, 3)
        XCTAssertEqual(node.member("a")?.value.array?[1].string, "éé😀")
        XCTAssertEqual(node.member("b")?.value.member("c")?.value.bool, true)
        XCTAssertEqual(node.member("b")?.keyLine, 4)
    }
}

final class ScenarioSummaryWordingTests: XCTestCase {
    func testTheSummarySaysHowManyPeopleHaveEachTraitInGoodEnglish() throws {
        var scenario = PracticeFixtures.scenario
        scenario.personas[1].traits = [.usesJargon]
        XCTAssertTrue(scenario.summary.contains("2 use jargon"), scenario.summary)
        XCTAssertTrue(scenario.summary.contains("1 talks over others"), scenario.summary)
        XCTAssertFalse(scenario.summary.contains("2 uses jargon"), scenario.summary)
    }
}
