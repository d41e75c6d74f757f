import Foundation
import XCTest
@testable import Persistence
import Workshop

/// Letter file names keep the letters and digits of every script, and stay unique and harmless.
final class LetterFileNameTests: XCTestCase {
    func testNamesInAnyScriptKeepTheirLetters() {
        XCTAssertEqual(ActionLetters.safeName("Zoë"), "zoë")
        XCTAssertEqual(ActionLetters.safeName("Zoe\u{301}"), "zoé", "composed, so the same name gives the same file")
        XCTAssertEqual(ActionLetters.safeName("李小龍"), "李小龍")
        XCTAssertEqual(ActionLetters.safeName("مريم"), "مريم")
        XCTAssertEqual(ActionLetters.safeName("Ann 2"), "ann-2")
        XCTAssertEqual(ActionLetters.safeName("../../etc/passwd"), "etc-passwd")
        XCTAssertEqual(ActionLetters.safeName("\u{202E}gpj.exe"), "gpj-exe", "no direction override can hide the ending")
        XCTAssertEqual(ActionLetters.safeName("\u{1B}[2J"), "2j")
        XCTAssertEqual(ActionLetters.safeName("🙂"), "person")
    }

    func testEachPersonGetsTheirOwnFile() {
        var session = ExportFixture.sample()
        let names = ["李小龍", "مريم", "Zoë", "🙂"]
        for index in session.record.participants.indices { session.record.participants[index].name = names[index] }
        let everyone = ActionLetters.letters(session, everyone: true).map(\.fileName)
        XCTAssertEqual(everyone, ["letter-1-李小龍.txt", "letter-2-مريم.txt", "letter-3-zoë.txt", "letter-4-person.txt"])
        XCTAssertEqual(Set(everyone).count, everyone.count)
    }
}
