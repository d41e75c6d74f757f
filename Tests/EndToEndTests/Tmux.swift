import Foundation
import XCTest

/// A real terminal: a tmux server of its own, driven like a person at the keyboard.
final class Tmux {
    let socket = "campfire-e2e-\(UUID().uuidString.prefix(8))"
    private(set) var sessions: [String] = []

    /// Runs tmux with arguments; returns its output.
    ///
    /// Spawned directly rather than with Foundation's Process: the tmux server forks off and
    /// keeps descriptors Process waits on, which made every call take as long as the server lived.
    @discardableResult
    func run(_ arguments: [String], readOutput: Bool = true) throws -> String {
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: outputFile) }
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, readOutput ? outputFile.path : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        environment.removeValue(forKey: "TMUX")
        // CI may run with no terminal type at all; tmux's server wants one.
        if (environment["TERM"] ?? "").isEmpty || environment["TERM"] == "dumb" { environment["TERM"] = "xterm-256color" }
        let argv = (["tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, "tmux", &actions, nil, argv, envp)
        guard status == 0 else { throw TmuxTimeout() }
        var exit: Int32 = 0
        while waitpid(pid, &exit, 0) == -1 && errno == EINTR {}
        guard readOutput else { return "" }
        return (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
    }

    /// Starts a program in a new window of the given size. The program replaces the shell, so the pane's process is the program.
    func start(_ name: String, command: String, width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
        var exports = ["LANG=C.UTF-8", "LC_ALL=C.UTF-8", "TERM=xterm-256color"]
        for (key, value) in environment { exports.append("\(key)=\(value)") }
        try run(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "env \(exports.joined(separator: " ")) \(command); code=$?; echo; echo \"EXITED $code\"; sleep 30"], readOutput: false)
        sessions.append(name)
    }

    func type(_ name: String, _ text: String) throws {
        try run(["send-keys", "-t", name, "-l", text])
    }

    func press(_ name: String, _ keys: String...) throws {
        for key in keys {
            try run(["send-keys", "-t", name, key])
            // A key right after Esc would arrive as an Alt chord; people never type that fast.
            if key == "Escape" { usleep(150_000) }
        }
    }

    /// From the welcome step: on to the campfire round, open the story box, and move to its title.
    func openStoryTitle(_ name: String) throws {
        try press(name, "]")
        try waitFor(name, "Talking stick")
        try press(name, "a")
        try waitFor(name, "Write down a story")
        try press(name, "Enter")
    }

    /// Waits until the screen no longer shows `text`.
    func waitUntilGone(_ name: String, _ text: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen(name)
            if !last.contains(text) { return }
            usleep(30_000)
        }
        XCTFail("Timed out waiting for \"\(text)\" to go. The screen was:\n\(last)", file: file, line: line)
        throw TmuxTimeout()
    }

    func screen(_ name: String) throws -> String {
        try run(["capture-pane", "-p", "-t", name])
    }

    func resize(_ name: String, width: Int, height: Int) throws {
        try run(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The process id of the program in the window.
    func pid(_ name: String) throws -> Int32 {
        // The window runs `sh -c "env … campfire …; echo …"`: find campfire among the pane's children.
        let pane = Int32(try run(["display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        let children = (try? String(contentsOfFile: "/proc/\(pane)/task/\(pane)/children", encoding: .utf8)) ?? ""
        for child in children.split(separator: " ").compactMap({ Int32($0) }) {
            let command = (try? String(contentsOfFile: "/proc/\(child)/comm", encoding: .utf8)) ?? ""
            if command.hasPrefix("campfire") { return child }
            let grandchildren = (try? String(contentsOfFile: "/proc/\(child)/task/\(child)/children", encoding: .utf8)) ?? ""
            for grandchild in grandchildren.split(separator: " ").compactMap({ Int32($0) }) {
                let name = (try? String(contentsOfFile: "/proc/\(grandchild)/comm", encoding: .utf8)) ?? ""
                if name.hasPrefix("campfire") { return grandchild }
            }
        }
        return 0
    }

    /// Waits until the screen shows `text` (polling, never a fixed sleep); fails with the screen if it does not.
    @discardableResult
    func waitFor(_ name: String, _ text: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen(name)
            if last.contains(text) { return last }
            usleep(30_000)
        }
        let sessions = (try? run(["list-sessions"])) ?? "?"
        XCTFail("Timed out waiting for \"\(text)\". The screen was:\n\(last)\ntmux sessions: \(sessions)", file: file, line: line)
        throw TmuxTimeout()
    }

    /// Waits until the screen shows `text` or `other`.
    @discardableResult
    func waitFor(_ name: String, _ text: String, orAny other: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            // A program stopped dead leaves the terminal raw, so the shell's message may wrap oddly: join the lines.
            last = try screen(name).replacingOccurrences(of: "\n", with: "")
            if last.contains(text) || last.contains(other) { return last }
            usleep(30_000)
        }
        XCTFail("Timed out waiting for \"\(text)\" or \"\(other)\". The screen was:\n\(last)", file: file, line: line)
        throw TmuxTimeout()
    }

    /// Ends one window.
    func kill(_ name: String) {
        _ = try? run(["kill-session", "-t", name], readOutput: false)
    }

    struct TmuxTimeout: Error {}

    func stop() {
        _ = try? run(["kill-server"], readOutput: false)
    }
}
