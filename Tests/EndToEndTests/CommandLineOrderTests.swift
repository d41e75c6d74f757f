import Foundation
import XCTest
import Persistence

/// A command line without surprises: options before or after the command, plain words for an
/// unknown command or theme, and `present` finding the workshop that is open.
final class CommandLineOrderTests: TerminalTestCase {

    /// The commands the program shows, read from the program itself (so a new command needs no change here).
    func shownCommands() throws -> [String] {
        let dump = try Binary.run(["--experimental-dump-help"])
        let json = try JSONSerialization.jsonObject(with: Data(dump.output.utf8)) as? [String: Any]
        let subcommands = (json?["command"] as? [String: Any])?["subcommands"] as? [[String: Any]] ?? []
        return subcommands.filter { ($0["shouldDisplay"] as? Bool) ?? true }.compactMap { $0["commandName"] as? String }.filter { $0 != "help" }
    }

    func testGlobalOptionsWorkBeforeOrAfterTheCommand() throws {
        _ = try PrintoutSessions.make(in: data, id: "20261123-1000-beef")
        let after = try Binary.run(["list", "--data-dir", data.path])
        XCTAssertEqual(after.status, 0, after.errors)
        XCTAssertTrue(after.output.contains("Riverside day service"))
        for arguments in [["--data-dir", data.path, "list"], ["--data-dir=\(data.path)", "list"], ["--theme", "light", "--data-dir", data.path, "list"]] {
            let before = try Binary.run(arguments)
            XCTAssertEqual(before.status, 0, "\(arguments): \(before.errors)")
            XCTAssertEqual(before.output, after.output, "\(arguments)")
        }
        let export = try Binary.run(["--data-dir", data.path, "export", "20261123", "--format", "csv"])
        XCTAssertEqual(export.status, 0, export.errors)
        XCTAssertTrue(export.output.contains("Make the swap board"))
    }

    func testAnUnknownCommandNamesTheCommandsThereAre() throws {
        let commands = try shownCommands()
        XCTAssertTrue(commands.contains("export") && commands.contains("present"), "\(commands)")
        XCTAssertFalse(commands.contains("home"), "home is hidden")
        for arguments in [["bogus"], ["--data-dir", data.path, "bogus", "list"]] {
            let run = try Binary.run(arguments)
            XCTAssertEqual(run.status, 64, "\(arguments)")
            XCTAssertEqual(run.errors, "Error: Campfire has no command \"bogus\". The commands are: \(commands.joined(separator: ", ")). "
                           + "With no command it opens the home screen. See campfire --help.\n")
            XCTAssertFalse(run.errors.contains("campfire home") || run.errors.contains("Usage"), "no usage of the hidden home command")
        }
        let option = try Binary.run(["--bogus"])
        XCTAssertEqual(option.status, 64)
        XCTAssertTrue(option.errors.contains("Campfire has no option \"--bogus\" here."), option.errors)
        XCTAssertFalse(option.errors.contains("campfire home"), option.errors)
    }

    func testAnUnknownThemeIsTheSameErrorFromEitherPlace() throws {
        let id = try PrintoutSessions.make(in: data, id: "20261123-1000-beef")
        let fromOption = try Binary.run(["present", id, "--data-dir", data.path, "--theme", "purple"])
        let fromEnvironment = try Binary.run(["present", id, "--data-dir", data.path], environment: ["CAMPFIRE_THEME": "purple"])
        let homeFromEnvironment = try Binary.run(["--data-dir", data.path], environment: ["CAMPFIRE_THEME": "purple"])
        XCTAssertEqual(fromOption.errors, "Error: The theme can be dark, light or contrast, not \"purple\" (from --theme).\n")
        XCTAssertEqual(fromEnvironment.errors, "Error: The theme can be dark, light or contrast, not \"purple\" (from CAMPFIRE_THEME).\n")
        XCTAssertEqual(homeFromEnvironment.errors, fromEnvironment.errors)
        for run in [fromOption, fromEnvironment, homeFromEnvironment] {
            XCTAssertEqual(run.status, 1)
        }
        // A theme that exists, from the environment, opens the screen as usual.
        try tmux.start("light", command: "\(campfire) --data-dir \(data.path)", environment: ["CAMPFIRE_THEME": "light"])
        try tmux.waitFor("light", "Riverside day service")
        try tmux.press("light", "q")
        try tmux.waitFor("light", "EXITED 0")
    }

    func testPresentWithNoIdFollowsTheWorkshopOpenOnThisComputer() throws {
        let first = try PrintoutSessions.make(in: data, id: "20261123-1000-0001")
        let second = try PrintoutSessions.make(in: data, id: "20261124-1000-0002", names: ["Ann", "Bo", "Cy", "Di"])
        let library = SessionLibrary(dataFolder: DataFolder(url: data))

        let none = try Binary.run(["present", "--data-dir", data.path])
        XCTAssertEqual(none.status, 1)
        XCTAssertTrue(none.errors.contains("No workshop is open in Campfire on this computer."), none.errors)

        // This test's own process holds the lock, as a running Campfire would.
        guard case .acquired(let secondLock) = try SessionLock.acquire(in: try library.resolve(second), at: Date()) else { return XCTFail("lock") }
        defer { try? secondLock.release() }
        try tmux.start("one", command: "\(campfire) present --data-dir \(data.path)")
        try tmux.waitFor("one", "Make the swap board — Ann, Bo")
        try tmux.press("one", "q")
        try tmux.waitFor("one", "EXITED 0")

        guard case .acquired(let firstLock) = try SessionLock.acquire(in: try library.resolve(first), at: Date().addingTimeInterval(1)) else { return XCTFail("lock") }
        defer { try? firstLock.release() }
        let noTerminal = try Binary.run(["present", "--data-dir", data.path])
        XCTAssertEqual(noTerminal.status, 1)
        XCTAssertTrue(noTerminal.errors.contains("Several workshops are open on this computer (\(second), \(first)). Give the one to show: campfire present ID --data-dir \(data.path)."), noTerminal.errors)

        try tmux.start("two", command: "\(campfire) present --data-dir \(data.path)")
        try tmux.waitFor("two", "Which one should be shown? Type its number and press Enter:")
        let question = try tmux.screen("two")
        XCTAssertTrue(question.contains("1  \(second)  Riverside day service"), question)
        XCTAssertTrue(question.contains("2  \(first)  Riverside day service"), question)
        try tmux.type("two", "2")
        try tmux.press("two", "Enter")
        try tmux.waitFor("two", "Make the swap board — Maya, Tom")
        try tmux.press("two", "q")
        try tmux.waitFor("two", "EXITED 0")
    }
}
