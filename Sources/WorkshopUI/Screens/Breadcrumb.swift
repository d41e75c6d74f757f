import Foundation
import TerminalUI
import Workshop

/// The stages of the workshop in a line, the current one highlighted.
///
/// When the names do not all fit, the current and the next stage keep their names and the
/// others become numbers, so the facilitator always sees where they are and what comes next.
enum Breadcrumb {
    static func labels(_ stages: [Stage], current: Int, width: Int) -> [String] {
        let full = stages.map(\.title)
        if TextWidth.of(full.joined(separator: " › ")) <= width { return full }
        let named = stages.enumerated().map { index, stage in
            index == current || index == current + 1 ? "\(index + 1) \(stage.title)" : "\(index + 1)"
        }
        if TextWidth.of(named.joined(separator: " › ")) <= width { return named }
        return stages.enumerated().map { index, stage in index == current ? "\(index + 1) \(stage.title)" : "\(index + 1)" }
    }

    static func render(_ session: Session, x: Int, y: Int, width: Int, grid: inout Grid) {
        let stages = session.template.stages.map(\.stage)
        let current = stages.firstIndex(of: session.step.stage) ?? 0
        var column = x
        for (index, label) in labels(stages, current: current, width: width).enumerated() {
            let remaining = x + width - column
            guard remaining > 0 else { break }
            let style = index == current ? Draw.band : Style(.title, reverse: true)
            column += grid.write(label, x: column, y: y, style: style, maxWidth: remaining)
            if index < stages.count - 1 {
                column += grid.write(" › ", x: column, y: y, style: Style(.title, reverse: true), maxWidth: max(x + width - column, 0))
            }
        }
    }
}
