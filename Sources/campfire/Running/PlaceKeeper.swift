import Foundation
import Persistence
import WorkshopUI

/// Keeps where the facilitator was on the console (`place.json` in the session folder: the
/// step, the panel and the highlighted items, by identity; never words), written atomically
/// (0600) at most twice a second while it changes and when the console closes, and read when
/// the workshop is reopened (see `ConsoleApp.restore`).
final class PlaceKeeper {
    static let fileName = "place.json"
    /// The longest a changed place waits before it is written.
    static let interval: TimeInterval = 0.5

    private let file: URL
    private var written: ConsolePlace?
    private var lastWrite = Date.distantPast

    init(folder: URL) {
        file = folder.appendingPathComponent(Self.fileName)
    }

    /// The place kept when the workshop was last open, if any (a damaged file is ignored: it
    /// only holds where the highlight was).
    func recover() -> ConsolePlace? {
        guard let data = try? SafeFile.read(file) else { return nil }
        let place = try? JSONDecoder().decode(ConsolePlace.self, from: data)
        written = place
        return place
    }

    /// Called after every key and tick with the place now.
    func update(_ place: ConsolePlace, now: Date, force: Bool = false) {
        guard place != written else { return }
        guard force || now.timeIntervalSince(lastWrite) >= Self.interval else { return }
        // A courtesy copy like the draft: not part of the fault tests' plan (see FaultInjection).
        guard let data = try? JSONEncoder().encode(place),
              (try? FaultInjection.withoutCounting({ try SafeFile.writeAtomically(data, to: file) })) != nil else { return }
        written = place
        lastWrite = now
    }
}
