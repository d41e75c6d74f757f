import Foundation
import TerminalUI
import Workshop

/// The stages of the workshop in a line, the current one highlighted; shortened to numbers when space is short.
enum Breadcrumb {
    static func render(_ session: Session, x: Int, y: Int, width: Int, grid: inout Grid) {
        let stages = session.template.stages.map(\.stage)
        let current = stages.firstIndex(of: session.step.stage) ?? 0
        let full = stages.map(\.title).joined(separator: " › ")
        let useFull = TextWidth.of(full) <= width
        var column = x
        for (index, stage) in stages.enumerated() {
            let label = useFull || index == current ? (useFull ? stage.title : "\(index + 1) \(stage.title)") : "\(index + 1)"
            let style = index == current ? Style(.selected, bold: true) : Style(.title, reverse: true)
            let remaining = x + width - column
            guard remaining > 0 else { break }
            column += grid.write(label, x: column, y: y, style: style, maxWidth: remaining)
            if index < stages.count - 1 {
                column += grid.write(" › ", x: column, y: y, style: Style(.title, reverse: true), maxWidth: max(x + width - column, 0))
            }
        }
    }
}
