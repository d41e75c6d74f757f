import Foundation
import Workshop

/// Plain words shared by the exports: dates, lists of names, principle and stage names.
enum ExportWords {
    static func date(_ date: Date) -> String {
        formatter("d MMMM yyyy").string(from: date)
    }

    static func day(_ day: Day?) -> String {
        guard let day, let date = day.date else { return "no date set" }
        return formatter("EEEE d MMMM yyyy").string(from: date)
    }

    private static func formatter(_ format: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        return formatter
    }

    static func principleName(_ id: PrincipleID, _ principles: PrinciplesFile?) -> String {
        if let name = principles?.guide(id)?.name { return name }
        switch id {
        case .assets: return "Recognising people as assets"
        case .work: return "Valuing work differently"
        case .reciprocity: return "Promoting reciprocity"
        case .networks: return "Building social networks"
        }
    }

    static func stageName(_ id: PrincipleID, _ stage: Int, _ principles: PrinciplesFile?) -> String? {
        principles?.guide(id)?.stage(stage)?.name
    }

    static func status(_ status: ActionStatus) -> String {
        switch status {
        case .planned: return "planned"
        case .done: return "done"
        case .notDone: return "not done"
        case .dropped: return "dropped"
        }
    }

    static func response(_ response: ConsensusResponse) -> String {
        switch response {
        case .agree: return "agree"
        case .canLiveWith: return "can live with it"
        case .disagree: return "disagree"
        }
    }

    /// "Ann", "Ann and Bo", "Ann, Bo and Cy".
    static func listed(_ items: [String]) -> String { SessionReducer.listed(items) }

    /// The principles of the idea an action belongs to.
    static func principles(of action: Action, in record: WorkshopRecord) -> [PrincipleID] {
        guard let id = action.idea, let idea = record.idea(id) else { return [] }
        return idea.principles.sorted()
    }

    /// One line of plain text: control characters (form feeds included) dropped, line breaks as spaces.
    static func plainLine(_ text: String) -> String {
        Markdown.lines(of: text).joined(separator: " ")
    }
}
