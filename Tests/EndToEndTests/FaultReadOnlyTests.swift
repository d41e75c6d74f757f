import Foundation
import XCTest

/// A session on a folder that cannot be written opens read-only, with a banner and the reason.
///
/// Running as root, folder permissions do not stop writing, so the folder is made read-only with a
/// read-only bind mount instead (which stops root too); without root, with chmod 500. Skipped only
/// when neither is possible.
final class FaultReadOnlyTests: XCTestCase {
    private func shell(_ command: String) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    func testAReadOnlyFolderOpensReadOnlyWithABanner() throws {
        let root = try Binary.temporaryDataFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let source = root.appendingPathComponent("source")
        let prepared = try Binary.run(["new", "--data-dir", source.path, "--prepare", "--title", "Read only", "--participant", "Ann"])
        let id = try XCTUnwrap(prepared.output.split(separator: "\n").first { $0.hasPrefix("id:") }?.split(separator: " ").last.map(String.init))
        var data = source
        var cleanUp: () -> Void = {}
        if getuid() == 0 {
            let mounted = root.appendingPathComponent("mounted")
            try FileManager.default.createDirectory(at: mounted, withIntermediateDirectories: true)
            guard shell("mount --bind '\(source.path)' '\(mounted.path)' && mount -o remount,bind,ro '\(mounted.path)'") == 0 else {
                _ = shell("umount '\(mounted.path)'")
                throw XCTSkip("running as root and a read-only bind mount is not allowed here, so a read-only folder cannot be made")
            }
            data = mounted
            cleanUp = { _ = self.shell("umount '\(mounted.path)'") }
        } else {
            chmod(source.appendingPathComponent("sessions/\(id)").path, 0o500)
            cleanUp = { chmod(source.appendingPathComponent("sessions/\(id)").path, 0o700) }
        }
        defer { cleanUp() }
        let tmux = Tmux()
        defer { tmux.stop() }
        try tmux.start("ro", command: "\(Binary.campfire.path) resume --data-dir \(data.path) \(id)", width: 120)
        let screen = try tmux.waitFor("ro", "READ-ONLY")
        XCTAssertTrue(screen.contains("open read-only because its folder cannot be written to"), screen)
        XCTAssertTrue(screen.contains("Ann"), screen)
        try tmux.press("ro", "q")
        try tmux.waitFor("ro", "EXITED 0")
        XCTAssertFalse(FileManager.default.fileExists(atPath: source.appendingPathComponent("sessions/\(id)/lock").path))
    }
}
