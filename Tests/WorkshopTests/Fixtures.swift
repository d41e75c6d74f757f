import Foundation
@testable import Workshop

/// Fixed moments and a fixed session so every expectation is exact.
enum Fixtures {
    static let start = Date(timeIntervalSince1970: 1_795_000_000) // 2026-11-17
    static func at(_ seconds: TimeInterval) -> Date { start.addingTimeInterval(seconds) }

    static var template: WorkshopTemplate {
        WorkshopTemplate(
            name: "test", title: "Test", description: "All stages",
            stages: Stage.allCases.map { TemplateStage(stage: $0, minutes: 10) },
            dotsPerPerson: 2, smallMovementDays: 28
        )
    }

    static func session() -> Session {
        Session(id: "20261117-0900-test", title: "Day service", group: "riverside", createdAt: start, template: template)
    }

    /// A session with Ann, Bo and Cy in it.
    static func threePeople() throws -> SessionEditor {
        var editor = SessionEditor(session: session())
        for name in ["Ann", "Bo", "Cy"] {
            try editor.apply(.addParticipant(Participant(id: editor.makeID("p"), name: name)), at: start)
        }
        return editor
    }
}
