import Foundation
import Workshop

/// What the "Add a person" and "Change NAME" boxes hold.
public struct PersonDraft: Equatable, Sendable {
    public var name: String
    public var perspective: Perspective?
    public var accessNeeds: String

    public init(name: String = "", perspective: Perspective? = nil, accessNeeds: String = "") {
        self.name = name
        self.perspective = perspective
        self.accessNeeds = accessNeeds
    }

    /// The values of a person as they are now (what the box opens with).
    public init(_ person: Participant) {
        self.init(name: person.name, perspective: person.perspective, accessNeeds: person.accessNeeds)
    }

    /// What a box holds now.
    public init(reading form: Form) {
        let perspective = form.choice(.perspective)
        self.init(
            name: form.text(.name),
            perspective: Perspective.allCases.indices.contains(perspective - 1) ? Perspective.allCases[perspective - 1] : nil,
            accessNeeds: form.text(.accessNeeds))
    }

    /// The choices of the perspective field: "(not said)", then each perspective.
    public static func perspectiveOptions(_ content: ContentLibrary) -> [String] {
        ["(not said)"] + Perspective.allCases.map { content.prompts.label(for: $0) }
    }

    /// The fields that show these values.
    public func fields(content: ContentLibrary) -> [FormField] {
        [
            FormField(.name, "First name", kind: .text(checksJargon: false), text: name, isOptional: false),
            FormField(.perspective, "Perspective", kind: .choice(Self.perspectiveOptions(content)),
                      index: perspective.flatMap { Perspective.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0),
            FormField(.accessNeeds, "Access needs", text: accessNeeds),
        ]
    }

    /// The events that make `person` hold these values: none when nothing differs.
    public func changes(to person: Participant) -> [SessionEvent] {
        var events: [SessionEvent] = []
        if person.name != name { events.append(.renameParticipant(id: person.id, name: name)) }
        if person.perspective != perspective { events.append(.setPerspective(id: person.id, perspective: perspective)) }
        if person.accessNeeds != accessNeeds { events.append(.setAccessNeeds(id: person.id, needs: accessNeeds)) }
        return events
    }

    /// A new person with these values.
    public func participant(id: ParticipantID) -> Participant {
        Participant(id: id, name: name, perspective: perspective, accessNeeds: accessNeeds)
    }
}
