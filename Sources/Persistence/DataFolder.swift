import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Workshop

/// Where Campfire keeps its sessions.
///
/// Resolved, in order, from: an explicit path (`--data-dir`), the
/// `CAMPFIRE_DATA_DIR` environment variable, `$XDG_DATA_HOME/campfire`, and
/// finally `~/.local/share/campfire`. Empty values are ignored, as the XDG
/// specification asks.
public struct DataFolder: Sendable, Equatable {
    /// The data folder's path, absolute. Kept as a path: the home screen lists the sessions
    /// without `URL`, whose first use costs 0.5 ms (docs/performance.md).
    public let path: String

    /// The data folder itself.
    public var url: URL { URL(fileURLWithPath: path, isDirectory: true) }

    /// The folder holding one sub-folder per session.
    public var sessionsFolder: URL { URL(fileURLWithPath: sessionsPath, isDirectory: true) }

    /// The path of ``sessionsFolder``.
    public var sessionsPath: String { appending("sessions").path }

    private func appending(_ relative: String) -> DataFolder {
        DataFolder(path: path == "/" ? "/" + relative : path + "/" + relative)
    }

    /// Wraps a known folder without looking at the environment.
    public init(url: URL) {
        self.init(path: url.path)
    }

    /// Wraps a known folder given by its path; a relative path is taken from the current folder
    /// (and cleaned of `.` and `..`, as `URL` does, which does it).
    public init(path: String) {
        guard path.hasPrefix("/") else {
            self.path = URL(fileURLWithPath: path, isDirectory: true).path
            return
        }
        var absolute = path
        while absolute.count > 1 && absolute.hasSuffix("/") { absolute.removeLast() }
        self.path = absolute
    }

    /// Works out the data folder.
    /// - Parameters:
    ///   - explicitPath: the `--data-dir` value, if given.
    ///   - environment: the process environment (passed in so tests are exact).
    ///   - homeFolder: used when `HOME` is unset or empty.
    public static func resolve(
        explicitPath: String?,
        environment: [String: String],
        homeFolder: @autoclosure () -> String = NSHomeDirectory()
    ) -> DataFolder {
        resolve(explicitPath: explicitPath, variable: { environment[$0] }, homeFolder: homeFolder())
    }

    /// Works out the data folder from this process's own environment.
    public static func resolve(explicitPath: String?) -> DataFolder {
        resolve(explicitPath: explicitPath, variable: ProcessEnvironment.value, homeFolder: NSHomeDirectory())
    }

    private static func resolve(
        explicitPath: String?,
        variable environment: (String) -> String?,
        homeFolder: @autoclosure () -> String
    ) -> DataFolder {
        func nonEmpty(_ value: String?) -> String? {
            guard let value, !value.isEmpty else { return nil }
            return value
        }
        if let path = nonEmpty(explicitPath) {
            return DataFolder(path: expandTilde(path, environment, homeFolder))
        }
        if let path = nonEmpty(environment("CAMPFIRE_DATA_DIR")) {
            return DataFolder(path: expandTilde(path, environment, homeFolder))
        }
        // The XDG specification: a relative path in these variables is invalid and is ignored.
        if let path = nonEmpty(environment("XDG_DATA_HOME")), path.hasPrefix("/") {
            return DataFolder(path: path).appending("campfire")
        }
        let home = nonEmpty(environment("HOME")) ?? homeFolder()
        return DataFolder(path: home).appending(".local/share/campfire")
    }

    /// Checks the folder is there and is a folder, for commands that only read: a missing folder
    /// (an unplugged USB stick) or a file is not an empty data folder.
    /// - Throws: `LibraryError.noDataFolder` or `.dataFolderIsAFile`.
    public func checkExists() throws {
        var info = stat()
        guard stat(path, &info) == 0 else { throw LibraryError.noDataFolder(path) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw LibraryError.dataFolderIsAFile(path) }
    }

    /// Makes the data and sessions folders (mode 0700) if they are missing.
    /// - Throws: `PersistenceError.cannotCreateFolder`.
    public func create() throws {
        try SafeFile.createFolder(url)
        try SafeFile.createFolder(sessionsFolder)
    }

    /// Warnings for the data folder or sessions folder if others can open them.
    public func privacyWarnings() -> [PrivacyWarning] {
        [FilePrivacy.check(url), FilePrivacy.check(sessionsFolder)].compactMap { $0 }
    }

    // A shell expands `~` in `--data-dir ~/x`, but not in `--data-dir=~/x` or in
    // an environment variable set in a config file, so do it here too.
    private static func expandTilde(_ path: String, _ environment: (String) -> String?, _ homeFolder: () -> String) -> String {
        guard path == "~" || path.hasPrefix("~/") else { return path }
        let home = environment("HOME").flatMap { $0.isEmpty ? nil : $0 } ?? homeFolder()
        return home + path.dropFirst()
    }
}
