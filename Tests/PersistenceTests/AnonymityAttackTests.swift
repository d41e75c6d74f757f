import Foundation
import XCTest
@testable import Persistence
import Workshop

/// Plays the attacker against anonymised exports: given the export and the real names and
/// perspectives (in the order people signed in), try to link any row to a person.
final class AnonymityAttackTests: XCTestCase {

    private struct Person { var name: String; var perspective: Perspective? }

    /// Five people, one per perspective, each with an access need, scores, a shared story, and
    /// names written into free text with digits, punctuation and capitals around them.
    private func fivePeople() -> (Session, [Person]) {
        let people = [Person(name: "Priya", perspective: .lived), Person(name: "Tomasz", perspective: .carer),
                      Person(name: "Fenella", perspective: .frontline), Person(name: "Odhran", perspective: .manager),
                      Person(name: "Marguerite", perspective: .commissioner)]
        var events: [SessionEvent] = []
        for (index, person) in people.enumerated() {
            events.append(.addParticipant(Participant(id: "p\(index + 1)", name: person.name, perspective: person.perspective,
                                                      accessNeeds: index == 1 ? "Cantonese interpreter for his mum" : "Hearing loop")))
        }
        events.append(.moveTo(step: FlowStep(.storytelling), overriddenGuards: [], overrideReason: nil))
        for index in people.indices {
            events.append(.addStory(Story(id: "s\(10 + index)", teller: "p\(index + 1)", title: "Story \(index)",
                                          whatHappened: "PRIYA123 and (Tomasz), @fenella; odhran42 met MARGUERITE_", consent: .share)))
        }
        for principle in PrincipleID.allCases {
            for index in people.indices {
                events.append(.score(principle: principle, participant: "p\(index + 1)", stage: index % 4 + 1))
            }
        }
        events.append(.agreePrinciple(principle: .assets, stage: 2, rag: .amber, evidence: "Priya123 runs the art group; call 07700 900123 Tomasz"))
        let session = ExportFixture.apply(events, to: Session(id: "20261123-1000-five", title: "Five of us", group: "g", facilitator: "Jo",
                                                             createdAt: ExportFixture.start, template: ExportFixture.template))
        return (session, people)
    }

    private func sample() -> (Session, [Person]) {
        let session = ExportFixture.sample()
        return (session, session.record.participants.map { Person(name: $0.name, perspective: $0.perspective) })
    }

    /// What the attacker can learn: for each row of people in the JSON export, who it could be.
    private func attack(_ session: Session, _ people: [Person], order: UInt64, file: StaticString = #filePath, line: UInt = #line) throws -> (candidates: [Int], orderGuessesRight: Int) {
        let data = try SessionExport.render(session, as: .json, anonymise: true, order: order)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let exported = try XCTUnwrap(json["session"] as? [String: Any])
        let record = try XCTUnwrap(exported["record"] as? [String: Any])
        let rows = try XCTUnwrap(record["participants"] as? [[String: Any]])
        XCTAssertEqual(rows.count, people.count, file: file, line: line)
        let text = String(decoding: data, as: UTF8.self).lowercased()

        // 1. Names, anywhere, in any case or with digits around them.
        for person in people { XCTAssertFalse(text.contains(person.name.lowercased()), "\(person.name) is in the export", file: file, line: line) }
        // 2. Notes on people, tellers, each person's own scores, the talking stick.
        for row in rows { XCTAssertEqual(row["accessNeeds"] as? String, "", file: file, line: line) }
        XCTAssertFalse(text.contains("interpreter") || text.contains("hearing loop"), file: file, line: line)
        for story in record["stories"] as? [[String: Any]] ?? [] { XCTAssertNil(story["teller"], file: file, line: line) }
        for score in record["principles"] as? [[String: Any]] ?? [] {
            XCTAssertEqual((score["scores"] as? [String: Any])?.count, 0, "individual scores", file: file, line: line)
        }
        XCTAssertEqual(((record["round"] as? [String: Any])?["turns"] as? [Any])?.count ?? 0, 0, "turns with the stick", file: file, line: line)
        let counts = try XCTUnwrap(json["scoreCounts"] as? [[String: Any]], file: file, line: line)
        for count in counts {
            let total = (count["people"] as? [String: Int] ?? [:]).values.reduce(0, +)
            XCTAssertEqual(total, session.record.principles.first { $0.principle.rawValue == count["principle"] as? String }?.scores.count, file: file, line: line)
        }

        // 3. Perspectives: a shown perspective narrows a row to the people who have it; "other"
        //    to everyone whose own perspective is not shown.
        let shownKinds = Set(rows.compactMap { $0["perspective"] as? String }.filter { $0 != "other" })
        let candidates = rows.map { row -> Int in
            let shown = row["perspective"] as? String
            return people.filter { person in
                let own = person.perspective?.rawValue
                if let shown, shown != "other" { return own == shown }
                return own == nil || !shownKinds.contains(own!)
            }.count
        }
        // 4. Order and ids: the attacker reads "Person k" (and row k) as the k-th to sign in.
        let truth = Pseudonyms(session, order: order).numbers
        var right = 0
        for (index, row) in rows.enumerated() {
            let id = row["id"] as? String ?? ""
            XCTAssertTrue(id.hasPrefix("person-"), "ids no longer follow the sign-in order: \(id)", file: file, line: line)
            let number = Int((row["name"] as? String ?? "").dropFirst("Person ".count)) ?? 0
            XCTAssertEqual(number, index + 1, "rows in pseudonym order", file: file, line: line)
            if truth[session.record.participants[index].id] == number { right += 1 }
        }
        return (candidates, right)
    }

    private func checkNobodyCanBeLinked(_ session: Session, _ people: [Person], file: StaticString = #filePath, line: UInt = #line) throws {
        var rightByOrder = 0
        var rows = 0
        for seed in UInt64(1)...20 {
            let (candidates, right) = try attack(session, people, order: seed, file: file, line: line)
            for count in candidates {
                XCTAssertGreaterThanOrEqual(count, min(AnonymousExport.minimumGroup, people.count), "a row narrows to \(count) people", file: file, line: line)
            }
            rightByOrder += right
            rows += people.count
        }
        // A random deal matches sign-in order for about one person in a group; never for all.
        XCTAssertLessThan(Double(rightByOrder) / Double(rows), 0.5, "pseudonyms follow the sign-in order", file: file, line: line)
        // Every other format holds no name either.
        for format in SessionExport.Format.allCases {
            let text = String(decoding: try SessionExport.render(session, as: format, anonymise: true, lettersForEveryone: true), as: UTF8.self).lowercased()
            for person in people { XCTAssertFalse(text.contains(person.name.lowercased()), "\(format): \(person.name)", file: file, line: line) }
        }
    }

    func testNobodyInTheSampleWorkshopCanBeLinked() throws {
        let (session, people) = sample()
        try checkNobodyCanBeLinked(session, people)
    }

    func testNobodyInAFivePersonWorkshopWithOnePersonPerPerspectiveCanBeLinked() throws {
        let (session, people) = fivePeople()
        try checkNobodyCanBeLinked(session, people)
        let prepared = SessionExport.prepare(session, anonymise: true, order: 7)
        XCTAssertEqual(Set(prepared.record.participants.map(\.perspective)), [.other], "no perspective has three people")
        XCTAssertEqual(prepared.record.score(for: .assets).evidence, "Person \(Pseudonyms(session, order: 7).numbers["p1"]!)123 runs the art group; call 07700 900123 Person \(Pseudonyms(session, order: 7).numbers["p2"]!)")
    }

    func testAPerspectiveIsShownOnlyForAGroupOfThreeAndTheRestNeverFormATinyGroup() {
        func people(_ perspectives: [Perspective?]) -> [Participant] {
            perspectives.enumerated().map { Participant(id: "p\($0.offset)", name: "N\($0.offset)", perspective: $0.element) }
        }
        let group = people([.lived, .lived, .lived, .carer, .carer, .carer, .manager, .frontline, nil])
        let shown = AnonymousExport.shownPerspectives(group)
        XCTAssertEqual(shown["p0"], .lived)
        XCTAssertEqual(shown["p3"], .carer)
        XCTAssertEqual(shown["p6"], .other)
        XCTAssertEqual(shown["p8"], .other, "three rare ones together are a group of three")
        // Three lived and one carer: "other" would be one person, so everyone is "other".
        XCTAssertEqual(Set(AnonymousExport.shownPerspectives(people([.lived, .lived, .lived, .carer])).values), [.other])
    }

    func testNamesWithDigitsOrInCapitalsAreFoundByEraseToo() throws {
        let (session, _) = fivePeople()
        let scrubbed = SessionEraser.scrub(session, removing: ["p1"], names: ["priya"])
        let text = "\(scrubbed.record.stories.map(\.whatHappened)) \(scrubbed.record.score(for: .assets).evidence)"
        XCTAssertFalse(text.lowercased().contains("priya"), text)
        XCTAssertTrue(text.contains("Someone123 runs the art group"), text)
        let replacer = NameReplacer([("Ann", "X")])
        XCTAssertEqual(replacer.apply("Ann2, 3ann, ANN_, Annual, Joanna"), "X2, 3X, X_, Annual, Joanna")
    }
}
