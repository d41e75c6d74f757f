import ArgumentParser
import Foundation
import Persistence
import Workshop
import WorkshopUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `campfire doctor`: checks what could stop a workshop on this computer and says how to fix it.
///
/// It only looks: it never creates, changes or removes a file, and it needs no terminal, so it
/// can be run with its output sent to a file or pasted into a message asking for help.
struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check this computer for anything that would stop a workshop, and say how to fix it.",
        discussion: """
        Each line starts with OK, WARNING or PROBLEM. Doctor changes nothing. \
        It exits with 1 if there is a PROBLEM, otherwise 0.
        """
    )

    @OptionGroup var options: CommonOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        var findings: [DoctorFinding] = []
        findings += TerminalChecks.all(environment: environment)
        findings.append(LocaleCheck.check(environment: environment))
        findings.append(FontCheck.check(environment: environment))
        findings.append(ContentCheck.check(dataFolder: options.dataFolder))
        findings += DataFolderChecks.all(options: options, environment: environment)

        // On a terminal, each finding wraps between words under its text; to a file or a pipe it
        // stays one line, for scripts.
        for finding in findings { print(wrappedForTerminal(shownLines(finding.line), descriptor: STDOUT_FILENO, indent: 9)) }
        let problems = findings.filter { $0.level == .problem }.count
        let warnings = findings.filter { $0.level == .warning }.count
        print("")
        switch (problems, warnings) {
        case (0, 0): print("Nothing here would stop a workshop.")
        case (0, _): print("Nothing here would stop a workshop. \(count(warnings, "warning")) worth a look.")
        default: print("\(count(problems, "problem")) to fix before a workshop.")
        }
        if problems > 0 { throw ExitCode(1) }
    }

    private func count(_ number: Int, _ noun: String) -> String {
        number == 1 ? "1 \(noun)" : "\(number) \(noun)s"
    }
}

// MARK: - Findings

/// One line of the doctor's report.
struct DoctorFinding {
    enum Level: String {
        case ok = "OK"
        case warning = "WARNING"
        case problem = "PROBLEM"
    }

    var level: Level
    /// What was checked, in a few words ("Terminal type").
    var topic: String
    /// What was found and, unless it is OK, how to fix it.
    var message: String

    var line: String {
        let label = level.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0)
        return "\(label)  \(topic): \(message)"
    }

    static func ok(_ topic: String, _ message: String) -> DoctorFinding { DoctorFinding(level: .ok, topic: topic, message: message) }
    static func warning(_ topic: String, _ message: String) -> DoctorFinding { DoctorFinding(level: .warning, topic: topic, message: message) }
    static func problem(_ topic: String, _ message: String) -> DoctorFinding { DoctorFinding(level: .problem, topic: topic, message: message) }
}

// MARK: - Terminal

/// Terminal type, size and colours.
enum TerminalChecks {
    static let minimumWidth = 80
    static let minimumHeight = 24

    static func all(environment: [String: String]) -> [DoctorFinding] {
        let term = environment["TERM"] ?? ""
        let (typeFinding, usable) = type(term: term, environment: environment)
        return [typeFinding, size(), colour(term: usable ? term : nil, environment: environment)]
    }

    /// - Returns: the finding, and whether `term` is a terminal Campfire can draw on.
    static func type(term: String, environment: [String: String]) -> (DoctorFinding, Bool) {
        let topic = "Terminal type"
        let suggestion = "In this terminal, run: export TERM=xterm-256color"
        if term.isEmpty {
            return (.problem(topic, "TERM is not set, so Campfire can't tell what kind of terminal this is. \(suggestion)"), false)
        }
        let shown = printable(term)
        if ["dumb", "unknown", "emacs"].contains(term) {
            return (.problem(topic, "TERM=\(shown) is a terminal that can't move the cursor, so Campfire can't draw its screen. Run Campfire in a terminal program such as GNOME Terminal, xterm or tmux, which set TERM for you, or: export TERM=xterm-256color"), false)
        }
        // The folders are searched first so the check works without tput; tput also finds
        // descriptions in places the folders miss (a hashed database, a compiled-in path).
        let entry = terminfoEntry(for: term, environment: environment)
        let longName = Tput.run(["-T", term, "longname"])
        guard entry != nil || longName != nil else {
            return (.problem(topic, "this computer has no description of TERM=\(shown), so Campfire can't draw its screen. Install the ncurses-term package (sudo apt-get install ncurses-term), or: export TERM=xterm-256color"), false)
        }
        let name = longName.map { " (\($0))" } ?? ""
        let place = entry.map { " (\($0.path))" } ?? ""
        return (.ok(topic, "TERM=\(shown)\(name) is known to this computer\(place)."), true)
    }

    /// Finds the compiled terminal description as ncurses would: $TERMINFO, ~/.terminfo,
    /// $TERMINFO_DIRS, then the system folders; each sorted by first letter (or its hex code).
    static func terminfoEntry(for term: String, environment: [String: String]) -> URL? {
        guard !term.contains("/"), let first = term.unicodeScalars.first else { return nil }
        var folders: [String] = []
        if let own = environment["TERMINFO"], !own.isEmpty { folders.append(own) }
        if let home = environment["HOME"], !home.isEmpty { folders.append(home + "/.terminfo") }
        if let list = environment["TERMINFO_DIRS"] {
            folders += list.split(separator: ":", omittingEmptySubsequences: false).map { $0.isEmpty ? "/usr/share/terminfo" : String($0) }
        }
        folders += ["/etc/terminfo", "/lib/terminfo", "/usr/share/terminfo", "/usr/lib/terminfo"]
        let subfolders = [String(first), String(format: "%02x", first.value)]
        for folder in folders {
            for sub in subfolders {
                let candidate = URL(fileURLWithPath: folder).appendingPathComponent(sub).appendingPathComponent(term)
                if FileManager.default.isReadableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }

    static func size() -> DoctorFinding {
        let topic = "Terminal size"
        let wanted = "\(minimumWidth)x\(minimumHeight)"
        guard let (width, height) = windowSize() else {
            return .warning(topic, "can't tell, because doctor is not running in a terminal here. Campfire is made for \(wanted) or more (it works down to \(WorkshopUI.ConsoleScreen.minimumWidth)x\(WorkshopUI.ConsoleScreen.minimumHeight), with less on screen); run campfire doctor in the terminal you will use to check it.")
        }
        if width >= minimumWidth && height >= minimumHeight {
            return .ok(topic, "\(width)x\(height) (at least \(wanted) is recommended).")
        }
        return .warning(topic, "\(width)x\(height) is smaller than the \(wanted) Campfire is made for (it works down to \(WorkshopUI.ConsoleScreen.minimumWidth)x\(WorkshopUI.ConsoleScreen.minimumHeight), with less on screen). Make the window bigger, or the font smaller (Ctrl and minus in most terminals).")
    }

    /// The size of the terminal on standard output, error or input, whichever is a terminal.
    static func windowSize() -> (Int, Int)? {
        for descriptor in [STDOUT_FILENO, STDERR_FILENO, STDIN_FILENO] where isatty(descriptor) == 1 {
            var size = winsize()
            if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 {
                return (Int(size.ws_col), Int(size.ws_row))
            }
        }
        return nil
    }

    static func colour(term: String?, environment: [String: String]) -> DoctorFinding {
        let topic = "Colour"
        if let value = environment["NO_COLOR"], !value.isEmpty {
            return .ok(topic, "NO_COLOR is set, so Campfire uses no colour: bold, underline and reverse, with words and symbols for every meaning. To have colour, run: unset NO_COLOR")
        }
        guard let term else {
            return .warning(topic, "can't tell until the terminal type above is fixed.")
        }
        guard let text = Tput.run(["-T", term, "colors"]), let colours = Int(text) else {
            return .warning(topic, "can't tell: the tput program did not answer. Campfire still works; every colour also has a word or symbol.")
        }
        if colours >= 8 {
            return .ok(topic, "this terminal shows \(colours) colours.")
        }
        return .warning(topic, "TERM=\(printable(term)) shows no colours. Campfire still works, with words and symbols for every meaning; for colour, run: export TERM=xterm-256color")
    }
}

/// Asks ncurses' `tput` program about a terminal type.
enum Tput {
    /// - Returns: what tput printed, trimmed, or nil if it failed or is not installed.
    static func run(_ arguments: [String]) -> String? {
        guard let text = Tool.output(["tput"] + arguments)?.trimmingCharacters(in: .whitespacesAndNewlines) else { return nil }
        return text.isEmpty ? nil : text
    }
}

/// Runs a program found on the PATH (tput, fc-list) with nothing on its standard input.
enum Tool {
    /// - Returns: what it printed, or nil if it could not be run or failed.
    static func output(_ arguments: [String], environment: [String: String]? = nil) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let environment { process.environment = environment }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

// MARK: - Fonts

/// Whether the symbols the wall draws (◷ ▶ ☑ ✓ …) can show, as far as this computer can tell.
///
/// A program cannot see which font its terminal window uses, so this asks fontconfig whether any
/// fixed-width font here has every symbol (a terminal in a desktop then finds them), and says
/// when the terminal is the Linux text console, whose small built-in font lacks some.
enum FontCheck {
    static let topic = "Symbols on the wall"

    static func check(environment: [String: String]) -> DoctorFinding {
        let sample = "◷ ▶ ☑ ✓"
        if environment["TERM"] == "linux" {
            return .warning(topic, "this is the Linux text console, whose built-in font lacks some of the symbols Campfire draws (\(sample)): they may show as blanks or diamonds. A terminal window on a desktop (with a font such as DejaVu Sans Mono) shows them all.")
        }
        guard let families = fontFamilies(environment: environment) else {
            return .ok(topic, "can't tell which fonts this computer has (fontconfig's fc-list is not here). If symbols such as \(sample) show as empty boxes, use a font such as DejaVu Sans Mono in the terminal.")
        }
        if families.isEmpty {
            return .warning(topic, "no fixed-width font on this computer has every symbol Campfire draws (\(sample) and others), so some may show as empty boxes. Install DejaVu Sans Mono (on Debian or Ubuntu: sudo apt-get install fonts-dejavu-core) and choose it in the terminal's settings.")
        }
        return .ok(topic, "every symbol Campfire draws is in \(families.prefix(3).joined(separator: ", ")) on this computer; choose one of those in the terminal if \(sample) show as empty boxes.")
    }

    /// The fixed-width font families that have every symbol, or nil when fc-list cannot be run.
    static func fontFamilies(environment: [String: String]) -> [String]? {
        guard let listed = Tool.output(["fc-list", ":spacing=mono:charset=\(WallGlyphs.fontconfigCharset)", "family"], environment: environment) else { return nil }
        // A family with several names ("Noto Sans Mono,Noto Sans Mono Light") is shown by its first.
        let names = listed.split(separator: "\n").compactMap { line in
            line.split(separator: ",").first.map { shownLines(String($0).trimmingCharacters(in: .whitespaces)) }
        }
        return Array(Set(names.filter { !$0.isEmpty })).sorted()
    }
}

// MARK: - Locale

/// Whether the locale lets names in any alphabet show correctly.
enum LocaleCheck {
    static func check(environment: [String: String]) -> DoctorFinding {
        let topic = "Language setting"
        let fix = "Run: export LANG=C.UTF-8 (or a UTF-8 locale for your language, such as en_GB.UTF-8)"
        let source = ["LC_ALL", "LC_CTYPE", "LANG"].first { !(environment[$0] ?? "").isEmpty }
        guard let source, let value = environment[source] else {
            return .warning(topic, "no locale is set (LC_ALL, LC_CTYPE and LANG are empty), so names with accents or in other alphabets may show as question marks. \(fix)")
        }
        // Ask the C library whether the locale exists and which character set it really uses.
        let found = setlocale(LC_CTYPE, "")
        let codeset = found == nil ? nil : nl_langinfo(nl_item(CODESET)).map { String(cString: $0) }
        let shown = "\(source)=\(printable(value))"
        guard found != nil else {
            return .warning(topic, "\(shown) is not installed on this computer, so Campfire falls back to plain ASCII and names with accents or in other alphabets may show as question marks. \(fix), or install it with: sudo locale-gen \(printable(value))")
        }
        guard let codeset, codeset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8" else {
            return .warning(topic, "\(shown) uses the \(codeset ?? "unknown") character set, not UTF-8, so names with accents or in other alphabets may show as question marks. \(fix)")
        }
        return .ok(topic, "\(shown) uses UTF-8.")
    }
}

// MARK: - Content

/// Whether Campfire's own words (principles, prompts, templates) can be found and read.
enum ContentCheck {
    static func check(dataFolder: DataFolder) -> DoctorFinding {
        let topic = "Content files"
        let folder: URL
        do { folder = try ContentLibrary.resourcesFolder() } catch {
            return .problem(topic, error.description)
        }
        do {
            _ = try ContentLibrary.load(overrides: dataFolder.url.appendingPathComponent("content", isDirectory: true))
        } catch {
            return .problem(topic, "\(error.description) Fix the file, or move it out of the way to use the built-in words.")
        }
        return .ok(topic, "found in \(folder.path).")
    }
}

// MARK: - Data folder

/// Where the sessions are kept: location, space, privacy and locks.
enum DataFolderChecks {
    /// Below this, a long workshop's journal and snapshots may not fit.
    static let lowSpaceBytes: UInt64 = 100 * 1024 * 1024

    static func all(options: CommonOptions, environment: [String: String]) -> [DoctorFinding] {
        let folder = options.dataFolder.url
        var findings = [location(folder, source: source(options: options, environment: environment))]
        findings.append(freeSpace(folder))
        guard isFolder(folder) else { return findings }
        findings.append(privacy(folder))
        findings += locks(DataFolder(url: folder).sessionsFolder, options: options)
        findings += sessions(options: options)
        return findings
    }

    /// Each session's files: journal checksums and numbering, the snapshot and whether it agrees
    /// with the journal, anything set aside; each problem with the command that mends it.
    static func sessions(options: CommonOptions) -> [DoctorFinding] {
        let folders = options.library.sessionFolders().filter { SessionStore.Files.isSession($0) }
        var findings: [DoctorFinding] = []
        for folder in folders {
            let id = folder.lastPathComponent
            for finding in SessionHealth.check(folder) where !finding.isLock {  // locks have their own lines
                let fix = finding.fix.map { " To mend it, run: \(options.followUp($0, id))" } ?? ""
                let line = finding.message + fix
                findings.append(finding.level == .problem ? .problem("Session \(id)", line) : .warning("Session \(id)", line))
            }
        }
        if findings.isEmpty {
            let what = folders.count == 1 ? "1 session" : "\(folders.count) sessions"
            findings.append(.ok("Sessions", "\(what) checked: every journal line's checksum and number, and each snapshot against its journal; nothing is damaged."))
        }
        return findings
    }

    static func source(options: CommonOptions, environment: [String: String]) -> String {
        if let value = options.dataDir, !value.isEmpty { return "from --data-dir" }
        if let value = environment["CAMPFIRE_DATA_DIR"], !value.isEmpty { return "from CAMPFIRE_DATA_DIR" }
        if let value = environment["XDG_DATA_HOME"], value.hasPrefix("/") { return "from XDG_DATA_HOME" }
        if let value = environment["XDG_DATA_HOME"], !value.isEmpty {
            return "the usual place; XDG_DATA_HOME=\(printable(value)) is ignored because it is not a full path"
        }
        return "the usual place"
    }

    static func location(_ folder: URL, source: String) -> DoctorFinding {
        let topic = "Data folder"
        let path = folder.path
        let choose = "Choose another with --data-dir or CAMPFIRE_DATA_DIR."
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                return .problem(topic, "\(path) (\(source)) is a file, not a folder. Move the file away, or: \(choose)")
            }
            guard access(path, R_OK | W_OK | X_OK) == 0 else {
                return .problem(topic, "\(path) (\(source)) exists but you may not write in it. Run: chmod 700 '\(path)' (as its owner), or: \(choose)")
            }
            return .ok(topic, "\(path) (\(source)) exists and you may write in it.")
        }
        guard let parent = nearestExisting(folder) else {
            return .problem(topic, "\(path) (\(source)) can't be made: no part of the path exists. \(choose)")
        }
        guard isFolder(parent), access(parent.path, W_OK | X_OK) == 0 else {
            return .problem(topic, "\(path) (\(source)) does not exist and can't be made, because you may not write in \(parent.path). \(choose)")
        }
        return .ok(topic, "\(path) (\(source)) does not exist yet; Campfire will make it when you start a workshop.")
    }

    static func freeSpace(_ folder: URL) -> DoctorFinding {
        let topic = "Free space"
        guard let existing = nearestExisting(folder) else {
            return .warning(topic, "can't tell, because the data folder's disk can't be found.")
        }
        var info = statvfs()
        guard statvfs(existing.path, &info) == 0 else {
            return .warning(topic, "can't tell for \(existing.path).")
        }
        let bytes = UInt64(info.f_bavail) * UInt64(info.f_frsize)
        let shown = ByteCountFormatter.string(fromByteCount: Int64(clamping: bytes), countStyle: .file)
        if bytes < lowSpaceBytes {
            return .warning(topic, "only \(shown) free on the data folder's disk; a long workshop may not fit. Free some space, or choose another folder with --data-dir.")
        }
        return .ok(topic, "\(shown) free on the data folder's disk.")
    }

    static func privacy(_ folder: URL) -> DoctorFinding {
        let topic = "Privacy"
        let open = FilePrivacy.checkTree(folder)
        guard let first = open.first else {
            return .ok(topic, "only you can open the data folder and the files in it.")
        }
        let listed = open.prefix(3).map { "\($0.path) (\(String($0.mode, radix: 8)))" }.joined(separator: ", ")
        let more = open.count > 3 ? " and \(open.count - 3) more" : ""
        let what = open.count == 1 ? (first.isFolder ? "a folder" : "a file") : "\(open.count) files or folders"
        return .warning(topic, "other people on this computer can open \(what) with workshop notes: \(listed)\(more). To make them private to you, run: chmod -R go-rwx '\(folder.path)'")
    }

    static func locks(_ sessions: URL, options: CommonOptions) -> [DoctorFinding] {
        let topic = "Locks"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: sessions.path)) ?? []).sorted()
        let host = SessionLock.currentHost()
        var findings: [DoctorFinding] = []
        for name in names {
            let folder = sessions.appendingPathComponent(name, isDirectory: true)
            let lockFile = folder.appendingPathComponent(SessionLock.fileName)
            guard FileManager.default.fileExists(atPath: lockFile.path) else { continue }
            let info: LockInfo?
            do { info = try SessionLock.current(in: folder) } catch {
                findings.append(.problem(topic, "the lock of session \(name) can't be read, so Campfire won't open that session. If no Campfire has it open, remove the lock: rm '\(lockFile.path)'"))
                continue
            }
            guard let info else { continue }
            if info.host != host {
                findings.append(.warning(topic, "session \(name): \(SessionLock.otherComputerSentence(info)) To take it over, run \(options.followUp("resume", name)) and choose \"take it over here\"."))
            } else if let reason = SessionLock.staleReason(info, host: host) {
                findings.append(.warning(topic, "session \(name) has a stale lock, left by a Campfire that has ended (process \(info.pid), since \(shortDate(info.startedAt))): \(reason). Campfire takes it over when you open the session (\(options.followUp("resume", name))); or remove it: rm '\(lockFile.path)'"))
            } else {
                findings.append(.ok(topic, "session \(name) is open in a running Campfire (process \(info.pid))."))
            }
        }
        if findings.isEmpty {
            return [.ok(topic, "no session is locked.")]
        }
        return findings
    }

    // MARK: Helpers

    static func isFolder(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The folder itself, or the closest folder above it that exists.
    static func nearestExisting(_ folder: URL) -> URL? {
        var current = folder.standardizedFileURL
        while !FileManager.default.fileExists(atPath: current.path) {
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
        return current
    }

    static func shortDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}

/// A value from the environment made safe to print: control characters become `?`.
private func printable(_ text: String) -> String {
    String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : Character($0) })
}
