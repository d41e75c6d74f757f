import Foundation
import XCTest
@testable import Persistence
import Workshop

/// Consent and anonymising, across every format, on random sessions.
final class ExportPrivacyTests: XCTestCase {

    // MARK: Names in free text

    func testNamesAreReplacedAsWholeWordsIgnoringCaseLongestFirst() {
        let replacer = NameReplacer([("Ann", "Person 1"), ("Mary Ann", "Person 2"), ("José", "Person 3"), ("Person", "Person 4")])
        XCTAssertEqual(replacer.apply("ann and ANN's Annual plan"), "Person 1 and Person 1's Annual plan")
        XCTAssertEqual(replacer.apply("Mary Ann met Mary"), "Person 2 met Mary")
        XCTAssertEqual(replacer.apply("jose, JOSÉ and Josef"), "Person 3, Person 3 and Josef")
        XCTAssertEqual(replacer.apply("Ann asked Person"), "Person 1 asked Person 4", "a replacement is never replaced again")
        XCTAssertEqual(replacer.apply("(Ann)"), "(Person 1)")
    }

    func testNamesInScriptsWithoutSpacesAreReplacedWherever() {
        let replacer = NameReplacer([("李明", "Person 1"), ("عائشة", "Person 2")])
        XCTAssertEqual(replacer.apply("我和李明一起"), "我和Person 1一起")
        XCTAssertEqual(replacer.apply("قالت عائشة"), "قالت Person 2")
    }

    func testAnonymisedSessionUsesOnePseudonymPerPersonEverywhere() throws {
        let session = ExportFixture.sample(extra: [
            .agreePrinciple(principle: .work, stage: 2, rag: .amber, evidence: "Tom and maya plan the rota; JO helps"),
            .setAccessNeeds(id: "p2", needs: "Sit near Sam"),
        ])
        let once = SessionExport.prepare(session, anonymise: true, order: 3)
        let again = SessionExport.prepare(session, anonymise: true, order: 3)
        XCTAssertEqual(once, again, "one export is consistent with itself")
        let numbers = Pseudonyms(session, order: 3).numbers
        XCTAssertEqual(Set(numbers.values), [1, 2, 3, 4])
        XCTAssertEqual(once.record.participants.map(\.name), ["Person 1", "Person 2", "Person 3", "Person 4"])
        XCTAssertEqual(once.record.participants.map(\.id), ["person-1", "person-2", "person-3", "person-4"])
        XCTAssertEqual(once.facilitator, "Facilitator")
        XCTAssertEqual(once.record.score(for: .work).evidence, "Person \(numbers["p2"]!) and Person \(numbers["p1"]!) plan the rota; Facilitator helps")
        XCTAssertEqual(once.record.participants.map(\.accessNeeds), ["", "", "", ""], "access needs never leave anonymised")
        XCTAssertEqual(once.record.stories.map(\.id), ["s5"], "only the shared story")
        XCTAssertEqual(once.record.stories.map(\.teller), [nil], "and not who told it")
    }

    // MARK: Property: nothing private leaves the room

    private static let syllables = ["zax", "qor", "vim", "kul", "rax", "tiz", "mox", "yul", "bex", "dro", "fep", "wug"]

    private struct Generated {
        var session: Session
        var names: [String]
        var secretMarkers: [String]
        var sharedMarkers: [String]
    }

    private func randomName(_ random: inout SeededRandom, taken: Set<String>) -> String {
        while true {
            let count = Int.random(in: 2...3, using: &random)
            var name = (0..<count).map { _ in Self.syllables.randomElement(using: &random)! }.joined()
            name = name.prefix(1).uppercased() + name.dropFirst()
            if Bool.random(using: &random) && Bool.random(using: &random) {
                name += " " + Self.syllables.randomElement(using: &random)!.capitalized + "ski"
            }
            if !taken.contains(name.lowercased()) { return name }
        }
    }

    /// A random session built with the reducer: people, stories with random consent, and every
    /// kind of free text mentioning people by name in varied case and punctuation.
    private func generate(seed: UInt64) -> Generated {
        var random = SeededRandom(seed: seed)
        var taken = Set<String>()
        var names: [String] = []
        for _ in 0..<Int.random(in: 2...7, using: &random) {
            let name = randomName(&random, taken: taken)
            taken.insert(name.lowercased())
            names.append(name)
        }
        let facilitator = randomName(&random, taken: taken)
        var everyone = names + [facilitator]
        var editor = SessionEditor(session: Session(id: "20261123-1000-\(String(seed, radix: 16))", title: "Workshop with \(names[0])",
                                                    group: "group", facilitator: facilitator, createdAt: ExportFixture.start, template: ExportFixture.template))
        var clock = ExportFixture.start
        func apply(_ event: SessionEvent) {
            clock.addTimeInterval(1)
            try? editor.apply(event, at: clock)
        }
        func mention(_ random: inout SeededRandom) -> String {
            let name = everyone.randomElement(using: &random)!
            switch Int.random(in: 0..<5, using: &random) {
            case 0: return name.uppercased()
            case 1: return name.lowercased() + "'s"
            case 2: return "(" + name + ")"
            case 3: return name + ","
            default: return name
            }
        }
        func text(_ random: inout SeededRandom, _ lead: String) -> String {
            "\(lead) \(mention(&random)) and \(mention(&random))\nsaid | *so* \(mention(&random))."
        }
        let ids = names.indices.map { "p\($0 + 1)" }
        for (index, name) in names.enumerated() {
            apply(.addParticipant(Participant(id: ids[index], name: name, accessNeeds: Bool.random(using: &random) ? text(&random, "Needs help from") : "")))
        }
        var secret: [String] = [], shared: [String] = []
        var number = 100
        for index in 0..<Int.random(in: 1...6, using: &random) {
            number += 1
            let consent = Consent.allCases.randomElement(using: &random)!
            let marker = "marker\(seed)x\(index)"
            (consent == .share ? { shared.append(marker) } : { secret.append(marker) })()
            apply(.addStory(Story(id: "s\(number)", teller: ids.randomElement(using: &random), title: "Title \(marker)",
                                  whatHappened: text(&random, marker), smallThing: text(&random, "Small \(marker)"), consent: consent)))
        }
        number += 1
        let draft = "g\(number)"
        apply(.proposeGoal(GoalDraft(id: draft, text: text(&random, "Goal"), proposedBy: ids.randomElement(using: &random))))
        for id in ids { apply(.respond(draft: draft, participant: id, response: ConsensusResponse.allCases.randomElement(using: &random)!)) }
        apply(.agreeGoal(draft: draft, overrideReason: text(&random, "Because")))
        for principle in PrincipleID.allCases {
            for id in ids { apply(.score(principle: principle, participant: id, stage: Int.random(in: 1...4, using: &random))) }
            apply(.agreePrinciple(principle: principle, stage: Int.random(in: 1...4, using: &random), rag: RAG.allCases.randomElement(using: &random), evidence: text(&random, "Evidence")))
        }
        var ideas: [String] = []
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            number += 1
            ideas.append("i\(number)")
            apply(.addIdea(Idea(id: "i\(number)", text: text(&random, "Idea"), principles: [PrincipleID.allCases.randomElement(using: &random)!], proposedBy: ids.randomElement(using: &random))))
            apply(.vote(idea: "i\(number)", participant: ids.randomElement(using: &random)!, change: 1))
        }
        apply(.choose(idea: ideas[0]))
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            number += 1
            let who = Array(ids.shuffled(using: &random).prefix(Int.random(in: 1...min(3, ids.count), using: &random)))
            apply(.addAction(Action(id: "a\(number)", idea: ideas.randomElement(using: &random), what: text(&random, "Do"), who: who,
                                    when: Day(year: 2026, month: 12, day: Int.random(in: 1...28, using: &random)), how: text(&random, "How"))))
        }
        apply(.setGroundRules([text(&random, "Listen to")]))
        // A rename: the old name is still in people's words and must go too.
        if Bool.random(using: &random) {
            let newName = randomName(&random, taken: Set(everyone.map { $0.lowercased() }))
            everyone.append(newName)
            apply(.renameParticipant(id: ids[0], name: newName))
        }
        return Generated(session: editor.session, names: everyone, secretMarkers: secret, sharedMarkers: shared)
    }

    func testNoPrivateStoryAndNoRealNameEverLeavesTheRoom() throws {
        for seed in UInt64(1)...60 {
            let generated = generate(seed: seed)
            let session = generated.session
            XCTAssertGreaterThanOrEqual(session.record.participants.count, 2, "seed \(seed)")
            // Former names, as NameHistory would find them in the journal.
            var formerNames: [ParticipantID: [String]] = [:]
            for person in session.record.participants { formerNames[person.id] = [person.name] }
            if let first = session.record.participants.first, first.name != generated.names[0] {
                formerNames[first.id, default: []].append(generated.names[0])
            }
            for anonymise in [false, true] {
                for format in SessionExport.Format.allCases {
                    let output = String(decoding: try SessionExport.render(session, as: format, anonymise: anonymise, formerNames: formerNames,
                                                                           lettersForEveryone: true), as: UTF8.self)
                    let folded = output.lowercased()
                    for marker in generated.secretMarkers {
                        XCTAssertFalse(output.contains(marker), "seed \(seed) \(format) anonymise \(anonymise): a story not shared appears")
                    }
                    if format == .json || format == .markdown {
                        for marker in generated.sharedMarkers {
                            XCTAssertTrue(output.contains(marker), "seed \(seed) \(format): a shared story is missing")
                        }
                    }
                    if anonymise {
                        for name in generated.names {
                            for part in [name] + name.split(separator: " ").map(String.init) where part.count > 3 {
                                XCTAssertFalse(folded.contains(part.lowercased()), "seed \(seed) \(format): \"\(part)\" appears:\n\(output)")
                            }
                        }
                    }
                }
            }
        }
    }
}
