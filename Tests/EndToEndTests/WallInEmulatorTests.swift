import Foundation
import Persistence
import Workshop
import XCTest

/// The wall as the back of the room sees it: `campfire present` in xterm under Xvfb at
/// 1920x1080 with a 20-point font, measured from the pixels of a screenshot.
///
/// The screenshots are kept under .build/wall-screenshots; docs/wall/ holds copies of them
/// (one per theme, and the dark theme at every stage for the facilitator guide).
final class WallInEmulatorTests: XCTestCase {
    /// 118 x 33 cells of DejaVu Sans Mono at 20 points fill most of 1920x1080 (16 x 32 pixels each).
    static let columns = 118
    static let rows = 33
    static let screenHeight = 1080
    static let artefacts = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../.build/wall-screenshots").standardized

    var data: URL!
    var display: VirtualDisplay!

    override func setUpWithError() throws {
        for tool in ["/usr/bin/Xvfb", "/usr/bin/xterm", "/usr/bin/import", "/usr/bin/convert"] {
            XCTAssertTrue(FileManager.default.isExecutableFile(atPath: tool), "\(tool) is missing: Scripts/setup-tests installs it (Scripts/setup-tests.d/needs.txt)")
        }
        data = try Binary.temporaryDataFolder()
        display = try VirtualDisplay()
        try FileManager.default.createDirectory(at: Self.artefacts, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        display?.stop()
        try? FileManager.default.removeItem(at: data)
    }

    /// The sample workshop saved up to `step`, plus `extra` events; returns its id.
    private func session(upTo step: FlowStep, extra: [SessionEvent] = [], id: String) throws -> String {
        let template = try ContentLibrary.load().template(named: "standard")
        let library = SessionLibrary(dataFolder: DataFolder(url: data))
        let start = Date().addingTimeInterval(-3_600)
        let store = try library.create(Session(id: id, title: "Riverside day service, spring review", group: "riverside", createdAt: start, template: template), at: start)
        var last = 0.0
        for (event, seconds) in SampleWorkshop.events(template: template, upTo: step) {
            try store.record(event, at: start.addingTimeInterval(seconds))
            last = seconds
        }
        for (index, event) in extra.enumerated() {
            try store.record(event, at: start.addingTimeInterval(last + Double(index + 1)))
        }
        store.close(at: Date())
        return id
    }

    /// Photographs `campfire present` of a session and checks every text cell stands out.
    @discardableResult
    private func photograph(_ id: String, theme: String, name: String, boldIsBright: Bool = true) throws -> Picture {
        let window = try EmulatorWindow(
            display: display,
            command: "\(Binary.campfire.path) present --theme \(theme) --data-dir \(data.path) \(id)",
            columns: Self.columns, rows: Self.rows, boldIsBright: boldIsBright
        )
        defer { window.close() }
        let picture = try window.photograph(to: Self.artefacts.appendingPathComponent("\(name).png"))
        XCTAssertEqual(picture.width, Self.columns * 16, "cells of 16 pixels")
        XCTAssertEqual(picture.height, Self.rows * 32, "cells of 32 pixels")
        let cells = picture.cellsWithText(columns: Self.columns, rows: Self.rows)
        XCTAssertGreaterThan(cells.count, 40, "\(name): the wall shows text")
        // Each colour pair seen on screen (each role's look) stands out by at least 4.5:1.
        var lowest: [String: Picture.CellContrast] = [:]
        for cell in cells {
            let pair = String(format: "#%06X on #%06X", cell.text, cell.background)
            if lowest[pair].map({ cell.ratio < $0.ratio }) ?? true { lowest[pair] = cell }
        }
        if let worst = lowest.min(by: { $0.value.ratio < $1.value.ratio }) {
            print(String(format: "wall %@: lowest %.2f:1 (%@)", name, worst.value.ratio, worst.key))
        }
        for (pair, cell) in lowest.sorted(by: { $0.key < $1.key }) {
            XCTAssertGreaterThanOrEqual(cell.ratio, 4.5, "\(name): \(pair) at column \(cell.column), row \(cell.row) is \(String(format: "%.2f", cell.ratio)):1")
        }
        return picture
    }

    func testEveryThemeStandsOutInXterm() throws {
        let storytelling = try session(upTo: FlowStep(.storytelling), extra: [.giveStick(to: "p2", invited: false)], id: "20261203-1000-aaaa")
        let agree = try session(upTo: FlowStep(principle: .work, phase: .agree), id: "20261203-1000-bbbb")
        // The heading's letters: each theme's big letters in xterm's colours.
        // Light and contrast: black letters on the white of the screen, not a coloured band.
        let headingColour: [String: UInt32] = ["dark": 0x00FFFF, "light": 0x000000, "contrast": 0x000000]
        for theme in ["dark", "light", "contrast"] {
            let picture = try photograph(storytelling, theme: theme, name: "theme-\(theme)")
            // "Now speaking" sits on a highlight: black on bright yellow, never grey.
            XCTAssertTrue(picture.pixels.contains(0xFFFF00) || theme == "contrast", "\(theme): the highlight is bright yellow")
            let cells = picture.cellsWithText(columns: Self.columns, rows: Self.rows)
            XCTAssertFalse(cells.contains { $0.background == 0x7F7F7F || $0.text == 0x7F7F7F }, "\(theme): no bold black turned grey")
            let heading = picture.heightOfFirstBand(of: headingColour[theme]!, gap: 16)
            print("wall theme-\(theme): heading \(heading) pixels tall")
            XCTAssertGreaterThanOrEqual(heading * 20, Self.screenHeight, "\(theme): the heading is \(heading) pixels tall, at least 1/20 of 1080")
            try photograph(agree, theme: theme, name: "theme-\(theme)-agree")
        }
        // The same in an xterm that does not draw bold as bright.
        try photograph(storytelling, theme: "dark", name: "theme-dark-bold-not-bright", boldIsBright: false)
    }

    func testEveryStageOfTheWallStandsOut() throws {
        let steps: [(name: String, step: FlowStep, extra: [SessionEvent])] = [
            ("welcome", FlowStep(.welcome), []),
            ("storytelling", FlowStep(.storytelling), [.giveStick(to: "p3", invited: true)]),
            ("goal", FlowStep(.goal), []),
            ("principle-explain", FlowStep(principle: .reciprocity, phase: .explain), []),
            ("principle-waiting", FlowStep(principle: .reciprocity, phase: .score),
             [.score(principle: .reciprocity, participant: "p3", stage: nil), .score(principle: .reciprocity, participant: "p4", stage: nil)]),
            ("principle-score", FlowStep(principle: .reciprocity, phase: .score), []),
            ("principle-agree", FlowStep(principle: .reciprocity, phase: .agree), []),
            ("ideas", FlowStep(.ideas), []),
            ("choose", FlowStep(.choose), []),
            ("actions", FlowStep(.actions), []),
            ("close", FlowStep(.close), []),
        ]
        for (index, stage) in steps.enumerated() {
            let id = try session(upTo: stage.step, extra: stage.extra, id: String(format: "20261203-11%02d-cccc", index))
            try photograph(id, theme: "dark", name: "stage-\(stage.name)")
        }
    }

    /// docs/ shows the screenshots this test takes.
    func testTheDocsHoldTheScreenshots() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/wall").standardized
        for name in ["theme-dark", "theme-light", "theme-contrast", "stage-welcome", "stage-storytelling", "stage-goal", "stage-principle-waiting", "stage-principle-score", "stage-principle-agree", "stage-choose", "stage-actions", "stage-close"] {
            let url = docs.appendingPathComponent("\(name).png")
            let bytes = try Data(contentsOf: url)
            XCTAssertEqual(Array(bytes.prefix(4)), [0x89, 0x50, 0x4E, 0x47], "\(name).png is a PNG")
        }
        // The facilitator guide shows the wall at each stage as these pictures.
        let guide = try String(contentsOf: docs.appendingPathComponent("../facilitator-guide.md").standardized, encoding: .utf8)
        for stage in ["welcome", "storytelling", "goal", "principle-waiting", "principle-score", "principle-agree", "choose", "actions", "close"] {
            XCTAssertTrue(guide.contains("](wall/stage-\(stage).png)"), "the guide shows the wall at \(stage)")
        }
    }
}
