import Foundation
import Workshop

/// The made-up sample workshop, written to the data folder for the guided tour.
///
/// It is clearly marked (its group is "sample" and its title says so) and can be deleted
/// from the home screen like any sample.
public enum SampleSession {
    /// The group every sample carries, so it is easy to recognise and to leave out.
    public static let group = "sample"
    public static let title = "Sample workshop (made up, safe to delete)"

    /// Whether a summary is of a sample.
    public static func isSample(_ summary: SessionSummary) -> Bool { summary.group == group }

    /// Writes the sample, run up to `step` (the whole workshop if nil), through the journal like a real one.
    @discardableResult
    public static func create(in library: SessionLibrary, template: WorkshopTemplate, upTo step: FlowStep? = nil, at now: Date, random: UInt16) throws -> SessionStore {
        let events = SampleWorkshop.events(template: template, upTo: step)
        // The sample "happened" just before now, at the pace the sample script sets.
        let start = now.addingTimeInterval(-(events.last?.1 ?? 0) - 60)
        let session = Session(id: SessionLibrary.makeID(at: now, random: random), title: title, group: group, facilitator: nil, createdAt: start, template: template)
        let store = try library.create(session, at: start)
        for (event, seconds) in events {
            try store.record(event, at: start.addingTimeInterval(seconds))
        }
        return store
    }
}
