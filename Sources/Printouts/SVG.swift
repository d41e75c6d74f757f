import Foundation
import Plot
import Workshop

/// Small pieces for drawing SVG pictures with Plot. Attribute values are escaped here (Plot
/// writes them as given).
enum SVG {
    typealias Piece = Node<HTML.BodyContext>

    static func element(_ name: String, _ attributes: KeyValuePairs<String, String>, _ children: [Piece] = []) -> Piece {
        .element(named: name, nodes: attributes.map { Piece.attribute(named: $0.key, value: MarkedText.escaped($0.value)) } + children)
    }

    /// A whole picture: `role="img"` with a title and a description that say in words what it shows.
    static func picture(id: String, width: Int, height: Int, title: String, description: String, _ children: [Piece]) -> Piece {
        element("svg", ["xmlns": "http://www.w3.org/2000/svg", "viewBox": "0 0 \(width) \(height)", "role": "img",
                        "aria-labelledby": "\(id)-title \(id)-desc", "font-family": PageStyle.fonts.replacingOccurrences(of: "\"", with: "'")],
                [element("title", ["id": "\(id)-title"], [.raw(MarkedText.escaped(title))]),
                 element("desc", ["id": "\(id)-desc"], [.raw(MarkedText.escaped(description))])] + children)
    }

    static func text(_ words: String, x: Double, y: Double, size: Double = 14, bold: Bool = false,
                     anchor: String = "start", fill: String = "#111") -> Piece {
        element("text", ["x": number(x), "y": number(y), "font-size": number(size), "font-weight": bold ? "bold" : "normal",
                         "text-anchor": anchor, "fill": fill], [.raw(MarkedText.escaped(words))])
    }

    static func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String = "none", dashed: Bool = false) -> Piece {
        element("rect", ["x": number(x), "y": number(y), "width": number(width), "height": number(height), "fill": fill,
                         "stroke": stroke, "stroke-width": "1.5", "stroke-dasharray": dashed ? "4 3" : "none"])
    }

    static func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String = "#999", width: Double = 1) -> Piece {
        element("line", ["x1": number(x1), "y1": number(y1), "x2": number(x2), "y2": number(y2), "stroke": stroke, "stroke-width": number(width)])
    }

    /// The shape of a score: RED a square, AMBER a triangle, GREEN a circle, centred on (x, y).
    static func ragShape(_ rag: RAG, x: Double, y: Double, size: Double) -> Piece {
        let half = size / 2
        switch rag {
        case .red:
            return rect(x: x - half, y: y - half, width: size, height: size, fill: colour(rag), stroke: "#111")
        case .amber:
            return element("polygon", ["points": "\(number(x)),\(number(y - half)) \(number(x + half)),\(number(y + half)) \(number(x - half)),\(number(y + half))",
                                       "fill": colour(rag), "stroke": "#111", "stroke-width": "1.5"])
        case .green:
            return element("circle", ["cx": number(x), "cy": number(y), "r": number(half), "fill": colour(rag), "stroke": "#111", "stroke-width": "1.5"])
        }
    }

    /// Dark enough for white paper and for black-and-white printers to tell apart by shade too.
    static func colour(_ rag: RAG) -> String {
        switch rag {
        case .red: return "#c1121f"
        case .amber: return "#e09a00"
        case .green: return "#2d8a3e"
        }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
