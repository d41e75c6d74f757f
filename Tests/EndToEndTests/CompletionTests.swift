import Foundation
import XCTest

/// Shell completion, run as bash runs it: the generated script sourced, its function called with
/// the words typed so far, and what it offers read back from COMPREPLY.
final class CompletionTests: XCTestCase {
    var data: URL!
    var script: URL!

    override func setUpWithError() throws {
        data = try Binary.temporaryDataFolder()
        let generated = try Binary.run(["--generate-completion-script", "bash"])
        XCTAssertEqual(generated.status, 0, generated.errors)
        script = data.appendingPathComponent("campfire.bash")
        try Data(generated.output.utf8).write(to: script)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: data) }

    /// What bash offers after `line` (the cursor at its end), one per line.
    func offered(_ line: String, environment: [String: String] = [:]) throws -> [String] {
        let program = """
        source "$1"
        COMP_LINE="$2"; COMP_POINT=${#COMP_LINE}
        read -ra COMP_WORDS <<< "$COMP_LINE"
        [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
        COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
        COMPREPLY=()
        _campfire campfire "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf '%s\\n' "${COMPREPLY[@]}"
        """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", program, "bash", script.path, line]
        var env = ProcessInfo.processInfo.environment
        // The script asks the program itself for session ids: it must be the one on PATH.
        env["PATH"] = Binary.productsFolder.path + ":" + (env["PATH"] ?? "/usr/bin:/bin")
        env["CAMPFIRE_DATA_DIR"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    func testCommandsFormatsAndThemes() throws {
        let commands = try offered("campfire ")
        for command in ["new", "resume", "present", "list", "review", "export", "erase", "flow", "doctor", "practice"] {
            XCTAssertTrue(commands.contains(command), "\(command) in \(commands)")
        }
        XCTAssertFalse(commands.contains("home"), "the hidden home command is not offered")
        XCTAssertEqual(try offered("campfire ex"), ["export"])
        XCTAssertEqual(try offered("campfire export 2026 --format "), ["html", "markdown", "csv", "json", "letters", "html-letters"])
        XCTAssertEqual(try offered("campfire export 2026 --format ht"), ["html", "html-letters"])
        XCTAssertEqual(try offered("campfire resume --theme "), ["dark", "light", "contrast"])
        XCTAssertEqual(try offered("campfire flow --format "), ["dot", "mermaid"])
    }

    func testOptionsBeforeTheCommandNameAreKnown() throws {
        // Trial: `campfire --data-dir D export --format <Tab>` offered the commands again, and
        // `campfire --<Tab>` did not offer --data-dir or --theme, though both work there.
        _ = try PrintoutSessions.make(in: data, id: "20261123-1000-beef")
        let options = try offered("campfire --")
        XCTAssertTrue(options.contains("--data-dir") && options.contains("--theme"), "\(options)")
        XCTAssertEqual(try offered("campfire --theme "), ["dark", "light", "contrast"])
        XCTAssertEqual(try offered("campfire --data-dir \(data.path) re").sorted(), ["repair", "resume", "review"])
        XCTAssertEqual(try offered("campfire --theme light --data-dir \(data.path) export --format ht"), ["html", "html-letters"])
        XCTAssertEqual(try offered("campfire --data-dir \(data.path) export "), ["20261123-1000-beef"],
                       "session ids from the data folder named before the command")
    }

    func testFoldersForTheDataFolder() throws {
        for name in ["alpha-folder", "alpha-other"] {
            try FileManager.default.createDirectory(at: data.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        FileManager.default.createFile(atPath: data.appendingPathComponent("alpha-file").path, contents: Data())
        XCTAssertEqual(try offered("campfire list --data-dir \(data.path)/alpha").sorted(),
                       ["\(data.path)/alpha-folder", "\(data.path)/alpha-other"], "folders only")
    }

    func testSessionIdsFromTheDataFolderTheLineNames() throws {
        _ = try PrintoutSessions.make(in: data, id: "20261123-1000-beef")
        _ = try PrintoutSessions.make(in: data, id: "20261201-0900-cafe")
        XCTAssertEqual(try offered("campfire export --data-dir \(data.path) "), ["20261123-1000-beef", "20261201-0900-cafe"])
        XCTAssertEqual(try offered("campfire resume --data-dir \(data.path) 202612"), ["20261201-0900-cafe"])
        XCTAssertEqual(try offered("campfire present 202611", environment: ["CAMPFIRE_DATA_DIR": data.path]), ["20261123-1000-beef"],
                       "without --data-dir, the usual data folder (CAMPFIRE_DATA_DIR here)")
        for command in ["erase", "review"] {
            XCTAssertEqual(try offered("campfire \(command) --data-dir \(data.path) 2026112"), ["20261123-1000-beef"], command)
        }
    }

    func testZshAndFishCompleteTheSame() throws {
        let zsh = try Binary.run(["--generate-completion-script", "zsh"]).output
        let fish = try Binary.run(["--generate-completion-script", "fish"]).output
        for script in [zsh, fish] {
            XCTAssertTrue(script.contains("html-letters"), "formats")
            XCTAssertTrue(script.contains("light"), "themes")
            XCTAssertTrue(script.contains("---completion export -- positional@0"), "session ids asked of the program")
        }
        XCTAssertTrue(zsh.contains("--data-dir[") && zsh.contains("_files -/"), "folders in zsh")
        XCTAssertTrue(fish.contains("-l 'data-dir' -d 'The folder where sessions are kept.' -rfa '(__campfire_complete_directories)'"), "folders in fish")
    }
}
