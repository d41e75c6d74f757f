import Foundation
import XCTest

/// The report and the letters printed by a real browser (Debian's Chromium, headless) to PDF,
/// then read back with poppler's `pdftotext` and drawn with `pdftoppm`.
///
/// The PDFs and the PNGs of their first pages are kept under `.build/printouts-browser/` to look
/// at; docs/images/ holds copies shown in docs/exports.md. Scripts/setup-tests installs the tools.
final class PrintedInBrowserTests: XCTestCase {
    var data: URL!
    static let artefacts = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../.build/printouts-browser", isDirectory: true).standardized

    override func setUpWithError() throws {
        data = try Binary.temporaryDataFolder()
        for tool in ["chromium", "pdftotext", "pdftoppm", "pdfinfo"] where Browser.find(tool) == nil {
            throw NSError(domain: "Browser", code: 1, userInfo: [NSLocalizedDescriptionKey:
                "\(tool) is not installed: Scripts/setup-tests installs it (Scripts/setup-tests.d/needs.txt)."])
        }
        try FileManager.default.createDirectory(at: Self.artefacts, withIntermediateDirectories: true)
    }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: data) }

    // MARK: - The sample workshop

    func testSampleReportPrintsWithEveryActionWholeAndInOrder() throws {
        let id = try PrintoutSessions.make(in: data, id: "20261123-1000-beef")
        let pdf = try printed(["--format", "html"], session: id, as: "sample-report")
        // Page 1 title and goal; 2 the board's pictures; 3 the board in words; 4 stories; 5 ideas; 6 actions.
        XCTAssertEqual(try Browser.pages(pdf), 6)
        let text = try Browser.text(pdf)
        try assertInOrder(["Riverside day service", "Our goal", "Everyone who comes here is asked what they are good at",
                           "The four principles", "Recognising people as assets", "AMBER", "Promoting reciprocity", "RED",
                           "Building social networks", "GREEN", "Stories shared with permission", "The bus that waited",
                           "Ideas", "A skills swap board by the door",
                           "Action plan", "Make the swap board", "Maya, Tom", "Friday 4 December 2026", "Cork board from the office",
                           "Ask the landlord about a sign", "Sam, Priya", "Monday 30 November 2026", "Phone on Monday"], in: text)
        XCTAssertFalse(text.contains("Asking, not telling"))
        XCTAssertTrue(try Browser.text(pdf, page: 6).contains("Make the swap board"), "the action plan has its own page")
        try firstPage(of: pdf, as: "sample-report")
    }

    func testSampleLettersPrintOnePagePerPerson() throws {
        let id = try PrintoutSessions.make(in: data, id: "20261123-1000-beef")
        let pdf = try printed(["--format", "html-letters"], session: id, as: "sample-letters")
        XCTAssertEqual(try Browser.pages(pdf), 4, "one page for each of the four people with an action")
        let expected = [("Maya", "Make the swap board"), ("Tom", "Make the swap board"),
                        ("Priya", "Ask the landlord about a sign"), ("Sam", "Ask the landlord about a sign")]
        for (index, (name, action)) in expected.enumerated() {
            let page = try Browser.text(pdf, page: index + 1)
            try assertInOrder(["Dear \(name),", "Everyone who comes here is asked what they are good at", action,
                               "Small steps make a big difference."], in: page)
        }
        try firstPage(of: pdf, as: "sample-letters")
    }

    // MARK: - Five people, four scripts

    func testFivePeopleReportPrintsEveryNameShaped() throws {
        let id = try PrintoutSessions.fivePeople(in: data)
        let pdf = try printed(["--format", "html"], session: id, as: "five-people-report")
        // As the sample, then one page over time: the four charts and the same in words.
        XCTAssertEqual(try Browser.pages(pdf), 7)
        let text = try Browser.text(pdf)
        try assertInOrder(["Action plan",
                           "Make the swap board", "Zoë, 李小龍", "Friday 4 December 2026",
                           "Ask the landlord about a sign", "مريم, Amal", "Monday 30 November 2026",
                           "Bring tea and cake to the next meeting", "Tom, مريم", "Monday 7 December 2026", "Ask the café for cups",
                           "Over time", "Recognising people as assets", "23 September 2026"], in: text)
        try firstPage(of: pdf, as: "five-people-report")
        try Browser.picture(pdf, page: 2, to: Self.artefacts.appendingPathComponent("five-people-report-board.png"))
        try Browser.picture(pdf, page: 7, to: Self.artefacts.appendingPathComponent("five-people-report-over-time.png"))
        XCTAssertTrue(Browser.flattened(try Browser.text(pdf, page: 7)).contains("Over time in words"), "over time has its own last page")
    }

    func testFivePeopleLettersInEasyReadOnePageEach() throws {
        let id = try PrintoutSessions.fivePeople(in: data)
        let pdf = try printed(["--format", "html-letters", "--easy-read"], session: id, as: "five-people-letters-easy-read")
        XCTAssertEqual(try Browser.pages(pdf), 5)
        let expected: [(String, [String])] = [
            ("Zoë", ["Make the swap board", "You will do it with: 李小龍."]),
            ("李小龍", ["Make the swap board", "You will do it with: Zoë."]),
            ("Amal", ["Ask the landlord about a sign", "You will do it with: مريم."]),
            ("مريم", ["Ask the landlord about a sign", "You will do it with: Amal.", "Bring tea and cake to the next meeting", "You will do it with: Tom."]),
            ("Tom", ["Bring tea and cake to the next meeting", "You will do it with: مريم."]),
        ]
        for (index, (name, lines)) in expected.enumerated() {
            let page = try Browser.text(pdf, page: index + 1)
            try assertInOrder(["Hello \(name)", "Our goal"] + lines + ["Small steps help a lot.", "Thank you,"], in: page)
        }
        try firstPage(of: pdf, as: "five-people-letters-easy-read")
    }

    func testFivePeopleLettersInLargePrintOnePageEach() throws {
        let id = try PrintoutSessions.fivePeople(in: data)
        let pdf = try printed(["--format", "html-letters", "--large-print"], session: id, as: "five-people-letters-large-print")
        XCTAssertEqual(try Browser.pages(pdf), 5)
        for (index, name) in PrintoutSessions.fiveNames.enumerated() {
            XCTAssertTrue(Browser.flattened(try Browser.text(pdf, page: index + 1)).contains("Dear \(name),"), name)
        }
    }

    // MARK: - Helpers

    /// Exports a page with the real program, prints it with Chromium and returns the PDF.
    func printed(_ arguments: [String], session: String, as name: String) throws -> URL {
        let html = Self.artefacts.appendingPathComponent(name + ".html")
        let export = try Binary.run(["export", "--data-dir", data.path, session, "-o", html.path] + arguments)
        XCTAssertEqual(export.status, 0, export.errors)
        let pdf = Self.artefacts.appendingPathComponent(name + ".pdf")
        try? FileManager.default.removeItem(at: pdf)
        try Browser.print(html, to: pdf, profile: data.appendingPathComponent("chromium-profile"))
        return pdf
    }

    func firstPage(of pdf: URL, as name: String) throws {
        let png = Self.artefacts.appendingPathComponent(name + ".png")
        try Browser.picture(pdf, page: 1, to: png)
        XCTAssertGreaterThan((try FileManager.default.attributesOfItem(atPath: png.path)[.size] as? NSNumber)?.intValue ?? 0, 10_000)
    }

    /// Each piece appears, whole (line breaks and spaces aside), after the one before it.
    func assertInOrder(_ pieces: [String], in text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let flat = Browser.flattened(text)
        var from = flat.startIndex
        for piece in pieces {
            guard let found = flat.range(of: Browser.flattened(piece), range: from..<flat.endIndex) else {
                let missing = flat.contains(Browser.flattened(piece)) ? "out of order" : "missing"
                return XCTFail("\"\(piece)\" \(missing) in:\n\(flat)", file: file, line: line)
            }
            from = found.upperBound
        }
    }
}

/// Chromium and poppler, run as programs.
enum Browser {
    static func find(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Runs a program, its output in a file (no pipe to fill), and returns what it printed.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("campfire-browser-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: scratch.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: find(tool) ?? tool)
        process.arguments = arguments
        let output = try FileHandle(forWritingTo: scratch)
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try output.close()
        let text = String(decoding: try Data(contentsOf: scratch), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "Browser", code: Int(process.terminationStatus), userInfo: [NSLocalizedDescriptionKey: "\(tool) failed: \(text)"])
        }
        return text
    }

    static func print(_ html: URL, to pdf: URL, profile: URL) throws {
        try run("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
                             "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", html.absoluteString])
        guard FileManager.default.fileExists(atPath: pdf.path) else {
            throw NSError(domain: "Browser", code: 1, userInfo: [NSLocalizedDescriptionKey: "Chromium wrote no PDF for \(html.path)"])
        }
    }

    static func pages(_ pdf: URL) throws -> Int {
        let info = try run("pdfinfo", [pdf.path])
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) ?? -1
    }

    /// The text of the whole PDF, or of one page.
    static func text(_ pdf: URL, page: Int? = nil) throws -> String {
        let range = page.map { ["-f", "\($0)", "-l", "\($0)"] } ?? []
        // -raw: the order the browser drew the text in, which is the page's order (a table row's
        // cells one after another), rather than pdftotext's guess at columns.
        return try run("pdftotext", range + ["-raw", "-enc", "UTF-8", pdf.path, "-"])
    }

    /// A PNG of one page.
    static func picture(_ pdf: URL, page: Int, to png: URL) throws {
        let stem = png.deletingPathExtension().path
        try run("pdftoppm", ["-png", "-r", "70", "-f", "\(page)", "-l", "\(page)", "-singlefile", pdf.path, stem])
    }

    /// Text with the direction marks pdftotext adds around right-to-left words removed and every
    /// run of spaces and line breaks made one space.
    static func flattened(_ text: String) -> String {
        let marks: Set<UInt32> = [0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
        let kept = String(String.UnicodeScalarView(text.unicodeScalars.filter { !marks.contains($0.value) }))
        return kept.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
