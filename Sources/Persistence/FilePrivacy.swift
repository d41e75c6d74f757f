import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file or folder that people other than its owner can open.
public struct PrivacyWarning: Sendable, Equatable, CustomStringConvertible {
    /// The file or folder.
    public let path: String
    /// Its permission bits, e.g. `0o755`.
    public let mode: UInt16

    public var description: String {
        let fix = "chmod \(isFolder ? "700" : "600") '\(path)'"
        return "Other people on this computer can open \(path). "
            + "Campfire keeps session files private to you; to fix it, run: \(fix)"
    }

    /// Whether the warning is about a folder (decides the suggested fix).
    public let isFolder: Bool
}

/// Checks that Campfire's files are private to their owner.
public enum FilePrivacy {
    /// Looks at `url`'s permissions.
    /// - Returns: a warning if anyone but the owner has any access to it, nil
    ///   if it is private or does not exist.
    public static func check(_ url: URL) -> PrivacyWarning? {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return nil }
        let mode = UInt16(info.st_mode & 0o7777)
        // Any group or other bit counts: write or list access leaks too.
        guard mode & 0o077 != 0 else { return nil }
        return PrivacyWarning(path: url.path, mode: mode, isFolder: (info.st_mode & S_IFMT) == S_IFDIR)
    }

    /// Checks `folder` and everything directly or indirectly inside it.
    /// - Returns: one warning per file or folder that is not private.
    public static func checkTree(_ folder: URL) -> [PrivacyWarning] {
        var warnings: [PrivacyWarning] = []
        if let warning = check(folder) { warnings.append(warning) }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.sorted() ?? []
        for name in names {
            let child = folder.appendingPathComponent(name)
            var info = stat()
            guard lstat(child.path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                warnings += checkTree(child)
            } else if let warning = check(child) {
                warnings.append(warning)
            }
        }
        return warnings
    }
}
