import Foundation
import XCTest
import Persistence
import Printouts
import Workshop

/// Sessions for the printout tests.
enum PrintoutFixture {
    static let start = Date(timeIntervalSince1970: 1_795_430_467)  // 2026-11-23

    static var content: ContentLibrary { try! ContentLibrary.load() }
    static var template: WorkshopTemplate { content.templates[0] }

    /// The sample workshop (Maya, Tom, Priya, Sam), all the way through.
    static func sample(extra: [SessionEvent] = []) -> Session {
        apply(extra, to: SampleWorkshop.session(template: template, start: start))
    }

    /// Five people whose names need four scripts: Zoë, 李小龍, Amal, مريم and Tom, each with an action.
    static let fiveNames = ["Zoë", "李小龍", "Amal", "مريم", "Tom"]
    static var fivePeopleEvents: [SessionEvent] {
        [.addParticipant(Participant(id: "p5", name: "Tom", perspective: .other)),
         .addAction(Action(id: "a15", idea: "i12", what: "Bring tea and cake to the next meeting", who: ["p5", "p4"],
                           when: Day(year: 2026, month: 12, day: 7), how: "Ask the café for cups"))]
    }
    static func fivePeople() -> Session {
        apply(fivePeopleEvents, to: SampleWorkshop.session(template: template, names: Array(fiveNames.prefix(4)), start: start))
    }

    static func apply(_ events: [SessionEvent], to session: Session, file: StaticString = #filePath, line: UInt = #line) -> Session {
        var editor = SessionEditor(session: session)
        for (index, event) in events.enumerated() {
            do {
                try editor.apply(event, at: start.addingTimeInterval(10_000 + Double(index)))
            } catch {
                XCTFail("event \(index) refused: \(error.reason)", file: file, line: line)
            }
        }
        return editor.session
    }

    /// Every match of a pattern's first group (or whole match), in order.
    static func matches(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            let range = match.numberOfRanges > 1 ? match.range(at: 1) : match.range
            return String(text[Range(range, in: text)!])
        }
    }

    /// Writes a page for a person to look at, under .build/printouts.
    static func keep(_ html: String, as name: String) {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../.build/printouts").standardized
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? Data(html.utf8).write(to: folder.appendingPathComponent(name))
    }
}
