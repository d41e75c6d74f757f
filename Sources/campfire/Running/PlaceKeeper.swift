import Foundation
import Persistence
import WorkshopUI

/// Keeps where the facilitator was on the console (`place.json` in the session folder: the
/// step, the panel and the highlighted items, by identity; never words), written atomically
/// (0600) once the place has stayed the same for half a second, and when the console closes,
/// and read when the workshop is reopened (see `ConsoleApp.restore`).
///
/// Waiting for the place to settle, rather than writing twice a second while it changes, keeps
/// the file's writes out of a run of ↑ ↓ presses: one write when the highlight stops, not one
/// in the middle of the keys (docs/performance.md, figure 2).
final class PlaceKeeper {
    static let fileName = "place.json"
    /// How long a changed place must stay the same before it is written.
    static let interval: TimeInterval = 0.5

    private let file: URL
    private var written: ConsolePlace?
    /// The place as last seen, and since when it has been so.
    private var seen: (place: ConsolePlace, since: Date)?

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

    /// Called after every key and tick with the place now; `force` writes a changed place at once
    /// (the console is closing).
    func update(_ place: ConsolePlace, now: Date, force: Bool = false) {
        let since = seen?.place == place ? seen!.since : now
        seen = (place, since)
        guard place != written else { return }
        guard force || now.timeIntervalSince(since) >= Self.interval else { return }
        // A courtesy copy like the draft: not part of the fault tests' plan (see FaultInjection).
        guard let data = try? JSONEncoder().encode(place),
              (try? FaultInjection.withoutCounting({ try SafeFile.writeAtomically(data, to: file) })) != nil else { return }
        written = place
    }
}
