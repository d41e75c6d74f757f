import Foundation
import Workshop

/// Where the facilitator was on the console: the step, the panel, the highlighted item of each
/// list (by identity) and the view of the close step. Kept beside the session (`place.json`), so
/// that reopening a workshop puts them back there. It holds only identities, never words.
public struct ConsolePlace: Codable, Equatable, Sendable {
    /// The step this place belongs to: a place from another step is not used.
    public var step: FlowStep
    /// 0 for the main panel, 1 for the second list where a stage has one.
    public var focus: Int
    /// The highlighted item of each list, by the list's name.
    public var selectedItems: [String: String]
    /// On the close step: the summary, each person's actions, or the debrief.
    public var closeView: Int

    public init(step: FlowStep, focus: Int, selectedItems: [String: String], closeView: Int) {
        self.step = step
        self.focus = focus
        self.selectedItems = selectedItems
        self.closeView = closeView
    }
}

extension ConsoleApp {
    /// Where the facilitator is now.
    public var place: ConsolePlace {
        ConsolePlace(step: session.step, focus: state.focus,
                     selectedItems: Dictionary(uniqueKeysWithValues: state.selectedItem.map { ($0.key.rawValue, $0.value) }),
                     closeView: state.closeView)
    }

    /// Goes back to a place kept when the workshop was last open, if it is of the step the
    /// workshop is on. The highlight then goes where the work carries on (the next person to
    /// score, the teller holding the stick), as on any opening; other lists keep the item they
    /// had, if it is still there.
    /// - Returns: Whether the place was used.
    @discardableResult
    public func restore(_ place: ConsolePlace) -> Bool {
        guard place.step == session.step else { return false }
        state.focus = min(max(place.focus, 0), 1)
        for (name, id) in place.selectedItems {
            guard let list = ListName(rawValue: name) else { continue }
            state.selectedItem[list] = id
        }
        if session.step.stage == .close { state.closeView = min(max(place.closeView, 0), practice == nil ? 1 : 2) }
        placeHighlights()
        pinnedRevision = -1  // the items named may have gone: look at every list again
        pinSelections()
        return true
    }
}
