import Foundation
import TerminalUI
import XCTest
@testable import Workshop
@testable import WorkshopUI

/// The side panel is put down again from its last drawing while nothing it shows has changed
/// (`SidePanel.Drawn`). Random keys and clock moves: every screen equals the one drawn with
/// the panel laid out afresh.
final class SidePanelKeptTests: XCTestCase {
    func testTheKeptPanelIsAlwaysTheOneDrawnAfresh() {
        let names = (1...30).map { "Person \($0)" } + ["Maya Rose Okonkwo-Williams of the Thursday group"]
        let keys: [Key] = [.character("n"), .character("n"), .character("x"), .character("i"), .tab, .up, .down, .down,
                           .character("]"), .character("["), .character("a"), .character("z"), .enter, .escape,
                           .character("u"), .control("r"), .character("1"), .character("k"), .character("y"), .backspace]
        var random = SystemRandomNumberGenerator()
        var compared = 0, kept = 0
        for run in 0..<12 {
            let (app, clock) = ScreenFixtures.app(at: FlowStep(.storytelling), names: run % 2 == 0 ? names : ["Maya", "Tom"])
            var pressed: [String] = []
            for _ in 0..<150 {
                let key = keys.randomElement(using: &random)!
                pressed.append(key.name)
                app.handle(key)
                clock.advance(by: [0, 0.2, 0.25, 0.7, 1, 3, 61].randomElement(using: &random)!)
                let size = [(80, 24), (80, 24), (120, 40), (70, 20)].randomElement(using: &random)!
                app.state.size = size
                let before = app.sidePanelDrawn
                let screen = ConsoleScreen.render(app, width: size.0, height: size.1)
                if let before, let after = app.sidePanelDrawn, before.revision == after.revision, before.rect == after.rect,
                   before.turnInProgress == after.turnInProgress { kept += 1 }
                app.sidePanelDrawn = nil
                let afresh = ConsoleScreen.render(app, width: size.0, height: size.1)
                XCTAssertEqual(screen, afresh, "step \(app.session.step), \(size), after \(pressed.joined(separator: " "))\n" + screen.rows.joined(separator: "\n") + "\n---\n" + afresh.rows.joined(separator: "\n"))
                compared += 1
                if screen != afresh { return }
            }
        }
        XCTAssertGreaterThan(kept, 100, "the kept panel was hardly ever used (\(kept) of \(compared) screens)")
    }
}
