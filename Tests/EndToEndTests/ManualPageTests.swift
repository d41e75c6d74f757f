import Foundation
import XCTest

/// Reading Campfire's manual page (roff) in the tests.
enum ManualPage {
    /// The page with roff's font changes and escapes taken out.
    static func plain(_ page: String) -> String {
        page.replacingOccurrences(of: "\\fB", with: "").replacingOccurrences(of: "\\fI", with: "")
            .replacingOccurrences(of: "\\fR", with: "").replacingOccurrences(of: "\\-", with: "-")
            .replacingOccurrences(of: "\\e", with: "\\").replacingOccurrences(of: "\\&", with: "")
    }

    /// The lines of one `.SH` section.
    static func section(_ name: String, of page: String) -> String {
        guard let start = page.range(of: "\n.SH \(name)\n") else { return "" }
        let rest = page[start.upperBound...]
        return String(rest[..<(rest.range(of: "\n.SH ")?.lowerBound ?? rest.endIndex)])
    }

    /// One command's item in COMMANDS: from its `campfire NAME` line to the next command's.
    static func entry(_ command: String, in page: String) -> String? {
        let commands = section("COMMANDS", of: page)
        let lines = commands.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0 == command || $0.hasPrefix(command + " ") }) else { return nil }
        let end = lines[(start + 1)...].firstIndex(where: { $0.hasPrefix("campfire ") }) ?? lines.endIndex
        return lines[start..<end].joined(separator: "\n")
    }

    /// The option names of the `.TP` items in some lines ("-o path, --output path" gives -o and --output).
    static func names(_ text: String) -> Set<String> {
        let lines = text.split(separator: "\n").map(String.init)
        var found: Set<String> = []
        for (index, line) in lines.enumerated() where index > 0 && lines[index - 1] == ".TP" && line.hasPrefix("-") {
            for part in line.split(separator: ",") {
                if let name = part.split(separator: " ").first, name.hasPrefix("-") { found.insert(String(name)) }
            }
        }
        return found
    }
}

/// The manual page, as `man` shows it: the sections a manual page should have, in order.
final class ManualPageTests: XCTestCase {

    func manualPage() throws -> String {
        let dump = try Binary.run(["--experimental-dump-help"])
        XCTAssertEqual(dump.status, 0)
        let input = FileManager.default.temporaryDirectory.appendingPathComponent("campfire-dump-\(UUID().uuidString).json")
        try Data(dump.output.utf8).write(to: input)
        defer { try? FileManager.default.removeItem(at: input) }
        let process = Process()
        process.executableURL = Binary.productsFolder.appendingPathComponent("campfire-manual")
        process.arguments = ["0.1.0"]
        process.standardInput = try FileHandle(forReadingFrom: input)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let page = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return String(decoding: page, as: UTF8.self)
    }

    /// The page as `man -l` draws it at 80 columns, and anything man or groff complained about.
    func rendered(_ page: String) throws -> (text: String, warnings: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("campfire-\(UUID().uuidString).1")
        try Data(page.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "MANWIDTH=80 MAN_KEEP_FORMATTING= man --warnings -l \"$0\" 2>\"$0.err\" | col -bx", file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let warnings = (try? String(contentsOf: URL(fileURLWithPath: file.path + ".err"), encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: file.path + ".err")
        XCTAssertEqual(process.terminationStatus, 0)
        return (text, warnings)
    }

    func testSectionsInOrderRenderedCleanly() throws {
        let page = try manualPage()
        let (text, warnings) = try rendered(page)
        XCTAssertEqual(warnings, "", "man and groff have nothing to complain about")
        let headings = text.split(separator: "\n").filter { !$0.isEmpty && !$0.hasPrefix(" ") }.map(String.init)
        XCTAssertEqual(headings.first, "CAMPFIRE(1)                     Campfire manual                    CAMPFIRE(1)")
        XCTAssertEqual(Array(headings.dropFirst().dropLast()),
                       ["NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "OPTIONS", "KEYS", "ENVIRONMENT", "FILES", "EXIT STATUS", "EXAMPLES", "SEE ALSO"])
        XCTAssertFalse(text.contains("BSD General Commands Manual"))
        XCTAssertEqual(text.components(separatedBy: "--version").count - 1, 2, "--version once in SYNOPSIS and once under OPTIONS")
        XCTAssertTrue(text.contains("       campfire [--data-dir folder] [--theme theme]\n"), text)
        for variable in ["CAMPFIRE_DATA_DIR", "CAMPFIRE_THEME", "NO_COLOR", "XDG_DATA_HOME"] {
            XCTAssertTrue(ManualPage.section("ENVIRONMENT", of: ManualPage.plain(page)).contains(variable), variable)
        }
    }

    func testEveryShownCommandAndItsOptionsAreInCommands() throws {
        let page = ManualPage.plain(try manualPage())
        let export = try XCTUnwrap(ManualPage.entry("campfire export", in: page))
        XCTAssertEqual(ManualPage.names(export), ["--format", "-o", "--output", "--anonymise", "--anonymize", "--everyone", "--large-print", "--easy-read"])
        XCTAssertEqual(ManualPage.names(ManualPage.section("OPTIONS", of: page)), ["--data-dir", "--theme", "-h", "--help", "--version"])
        XCTAssertNil(ManualPage.entry("campfire home", in: page), "the hidden home command is not listed")
        for command in ["new", "resume", "present", "list", "review", "export", "erase", "flow", "doctor", "practice", "help"] {
            XCTAssertNotNil(ManualPage.entry("campfire \(command)", in: page), command)
        }
    }
}
