import TerminalUI
import XCTest

/// The transcript of a grid: characters, then one role letter and one attribute letter per cell.
final class GridTranscriptTests: XCTestCase {
    func testRolesAndAttributesOneLetterPerColumn() {
        var grid = Grid(width: 8, height: 2)
        grid.write("Hi", x: 0, y: 0, style: Style(.title, bold: true))
        grid.write("RED", x: 3, y: 0, style: Style(.red, reverse: true))
        grid.write("界", x: 1, y: 1, style: Style(.selected, bold: true, reverse: true))
        XCTAssertEqual(GridTranscript.roleRows(of: grid), ["TT.RRR..", ".ss....."])
        XCTAssertEqual(GridTranscript.attributeRows(of: grid), ["bb.rrr..", ".RR....."])
        let text = GridTranscript.text(of: grid)
        XCTAssertEqual(text, """
        "Hi RED  "
        " 界     "

        \(GridTranscript.roleLegend)
        "TT.RRR.."
        ".ss....."

        \(GridTranscript.attributeLegend)
        "bb.rrr.."
        ".RR....."

        """)
    }

    func testEveryRoleHasItsOwnLetter() {
        let letters = Role.allCases.map(\.letter)
        XCTAssertEqual(Set(letters).count, letters.count)
        XCTAssertEqual(Role.text.letter, ".")
        XCTAssertTrue(GridTranscript.roleLegend.hasPrefix("roles: .=text m=muted h=heading T=title"), GridTranscript.roleLegend)
    }
}
