import Foundation
import Workshop

/// What the home screen's "A new workshop" box holds.
public struct NewWorkshopDraft: Equatable, Sendable {
    public var title: String
    public var group: String
    /// The plan chosen, as its place in the list of plans.
    public var plan: Int

    public init(title: String = "", group: String = "", plan: Int = 0) {
        self.title = title
        self.group = group
        self.plan = plan
    }

    /// What a box holds now.
    public init(reading form: Form) {
        self.init(title: form.text(.title), group: form.text(.group), plan: form.choice(.plan))
    }

    /// The fields that show these values.
    public func fields(templates: [WorkshopTemplate]) -> [FormField] {
        [
            FormField(.title, "Title", kind: .text(checksJargon: false), text: title, isOptional: false),
            FormField(.group, "Group", kind: .text(checksJargon: false), text: group),
            FormField(.plan, "Plan", kind: .choice(templates.map { "\($0.title): \($0.description)" }), index: plan),
        ]
    }
}
