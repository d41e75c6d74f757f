import Foundation
import XCTest
@testable import Workshop
@testable import WorkshopUI

/// docs/keys.md is made from the same key bindings that handle input, so it cannot drift.
final class KeysDocumentTests: XCTestCase {
    static let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/keys.md")

    static func table(_ bindings: [KeyBinding]) -> String {
        var seen = Set<String>()
        let rows = bindings.filter { seen.insert($0.keyLabel + $0.help).inserted }.map { binding -> String in
            let keys = ([binding.keyLabel] + binding.keys.map(\.name).filter { !(binding.keyLabel.split(separator: " ").map(String.init) + [binding.keyLabel]).contains($0) }).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            return "| \(keys.map { "`\($0 == "|" ? "\\|" : $0)`" }.joined(separator: " ")) | \(binding.help) |"
        }
        return "| key | what it does |\n|---|---|\n" + rows.joined(separator: "\n") + "\n"
    }

    static func render() -> String {
        var text = """
        # Keys

        Every screen lists its keys on the bottom line; `?` shows them all. However narrow the window,
        the way out (`q quit`, `Esc back`, `Esc cancel`) stays at the right of that line, and when a key
        does not fit the line says how to see it: `? all keys`, or `F1 more` in a box and in the name
        picker, where `?` is a letter. This page is
        made from the same key bindings the program uses (a test checks it), so it is always right.

        Typing in a box never runs a key: inside a box every letter is a letter. Pasted text goes into the
        box as it is (line breaks become spaces).

        ## Everywhere on the console

        """
        text += "\n" + table(Bindings.everywhere)
        let stages: [(String, FlowStep)] = [
            ("Welcome", FlowStep(.welcome)), ("Stories (the campfire round)", FlowStep(.storytelling)),
            ("Shared goal", FlowStep(.goal)), ("Principles: everyone scores", FlowStep(principle: .assets, phase: .score)),
            ("Principles: agree", FlowStep(principle: .assets, phase: .agree)), ("Ideas", FlowStep(.ideas)),
            ("Choose", FlowStep(.choose)), ("Action plan", FlowStep(.actions)), ("Close", FlowStep(.close)),
        ]
        for (title, step) in stages {
            let own = Bindings.forStep(step, focus: 0).filter { binding in !Bindings.everywhere.contains(binding) }
            text += "\n## \(title)\n\n" + table(own)
        }
        text += "\n## Asking everyone about a goal wording (after `c`)\n\n" + table(Bindings.consensus)
        text += "\n## Giving the talking stick by name (after `i`)\n\nType part of a name to narrow the list; every letter is part of the name (so `q` does not quit here).\n\n" + table(Bindings.picker(.giveStick))
        text += "\n## While the window is too small\n\nThe console asks for a larger window. Until it has one, no key changes anything (nothing goes into a box you cannot see) except:\n\n" + table(Bindings.tooSmall)
        text += """

        ## In a box (a form)

        """
        text += "\n" + table(Bindings.formKeys) + "\n"
        text += """
        Dates: `2026-12-14`, `+14` (two weeks from today) or `14` (the next 14th).

        Saving a box where nothing was changed saves nothing ("Nothing changed"). When a box cannot be
        saved yet, the message says why and the cursor goes to the field it is about.

        In the projector view, a key that needs an answer (such as `]` on a step that asks you to say why)
        brings the console back with the question, so nothing is typed into a box the room cannot see.

        """
        text += "\n## The projector view\n\n" + table(Bindings.projector)
        text += "\nThe help never appears on the room's wall: `?` in the projector view goes back to the console with it open.\n"
        text += "\n## The wall's own terminal (`campfire present`)\n\n" + table(Bindings.present)
        text += "\nThe keys box shows only while it is open: any key closes it (`q` then quits).\n"
        text += "\n## Review (`campfire review`): the list\n\n" + table(ReviewApp.bindings(for: .browser))
        text += "\n## Review: one workshop, a stage a page\n\n" + table(ReviewApp.bindings(for: .session(id: "")))
        text += "\n## Review: the timeline\n\n" + table(ReviewApp.bindings(for: .timeline(id: "")))
        text += "\n## Review: a group's actions over time\n\n" + table(ReviewApp.bindings(for: .progress(group: "")))
        text += "\nIn review, `?` shows the keys of the screen; ↑ and ↓ scroll a box too long for the window and any other key closes it.\n"
        text += "\n## The home screen\n\n" + table(HomeApp.bindings)
        text += "\n## The guided tour\n\n" + table(GuidedTour.bindings)
        text += "\n## Practice: choosing a scenario (`p` on the home screen)\n\n" + table(HomeApp.scenarioBindings)
        text += """

        ## Practice runs

        A practice run (`campfire practice`, or `p` on the home screen) uses the same keys as a real
        workshop. The simulated people answer after each change you make; `c` on a goal wording asks
        them all at once (their answers can still be changed with `1` `2` `3`). On the close step, `v`
        goes round the summary, each person's own actions and the debrief; on the debrief, ↑ ↓ scroll
        its indicators when they do not all fit. See [practice-scenarios.md](practice-scenarios.md).

        On the shared goal, a principle's agree step and ideas, a practice run adds:

        """
        text += "\n" + table([PracticeConsole.askBinding])
        text += "\n### Choosing whom to ask (after `i`)\n\n" + table(PracticeConsole.askingBindings)
        return text
    }

    func testKeysDocumentMatchesTheBindings() throws {
        let expected = Self.render()
        if ProcessInfo.processInfo.environment["CAMPFIRE_RECORD_GOLDENS"] == "1" {
            try expected.write(to: Self.document, atomically: true, encoding: .utf8)
        }
        let actual = try String(contentsOf: Self.document, encoding: .utf8)
        XCTAssertEqual(actual, expected, "docs/keys.md is out of step with the key bindings: re-record with CAMPFIRE_RECORD_GOLDENS=1")
    }
}
