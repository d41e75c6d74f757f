import Foundation
import Persistence
import WorkshopUI

/// Keeps what is being typed in an open box safe: written to `draft.json` in the session
/// folder (atomically, 0600) at most twice a second while it changes, removed when the box
/// closes, and put back on screen when the session is reopened after a crash or a kill.
final class DraftKeeper {
    static let fileName = SessionStore.Files.draftName
    /// The longest a changed draft waits before it is written.
    static let interval: TimeInterval = 0.5

    private let file: URL
    private var written: Form?
    private var lastWrite = Date.distantPast

    init(folder: URL) {
        file = folder.appendingPathComponent(Self.fileName)
    }

    /// The draft left by a Campfire that stopped with a box open, if any.
    func recover() -> Form? {
        guard let data = try? SafeFile.read(file) else { return nil }
        let form = try? JSONDecoder().decode(Form.self, from: data)
        written = form
        return form
    }

    /// Called after every key and tick with the box now open (or nil).
    func update(_ form: Form?, now: Date, force: Bool = false) {
        guard form != written else { return }
        guard let form else {
            try? FileManager.default.removeItem(at: file)
            written = nil
            return
        }
        guard force || now.timeIntervalSince(lastWrite) >= Self.interval else { return }
        // A courtesy copy: its disk steps are not part of the fault tests' plan (see FaultInjection).
        guard let data = try? JSONEncoder().encode(form),
              (try? FaultInjection.withoutCounting({ try SafeFile.writeAtomically(data, to: file) })) != nil else { return }
        written = form
        lastWrite = now
    }
}
