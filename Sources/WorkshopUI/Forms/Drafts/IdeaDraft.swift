import Foundation
import Workshop

/// What the "Add an idea" and "Change the idea" boxes hold.
public struct IdeaDraft: Equatable, Sendable {
    public var text: String
    /// The principles the idea helps with, in the order of the four principles.
    public var principles: [PrincipleID]

    public init(text: String = "", principles: [PrincipleID] = []) {
        self.text = text
        self.principles = principles
    }

    /// The values of an idea as it is now (what the box opens with).
    public init(_ idea: Idea) {
        self.init(text: idea.text, principles: idea.principles)
    }

    /// What a box holds now.
    public init(reading form: Form) {
        self.init(text: form.text(.idea), principles: form.ticked(.helpsWith).filter { PrincipleID.allCases.indices.contains($0) }.map { PrincipleID.allCases[$0] })
    }

    /// The fields that show these values.
    public func fields() -> [FormField] {
        [
            FormField(.idea, "Idea", text: text, isOptional: false),
            FormField(.helpsWith, "Helps with", kind: .principles, ticked: Set(principles.compactMap { PrincipleID.allCases.firstIndex(of: $0) })),
        ]
    }

    /// The events that make `old` hold these values: none when nothing differs.
    public func changes(to old: Idea) -> [SessionEvent] {
        old.text == text && old.principles == principles ? [] : [.editIdea(id: old.id, text: text, principles: principles)]
    }

    /// A new idea with these values.
    public func idea(id: IdeaID) -> Idea {
        Idea(id: id, text: text, principles: principles)
    }
}
