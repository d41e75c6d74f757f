import Foundation
import TerminalUI
import XCTest

/// `campfire present` in a real terminal emulator: xterm on a virtual X server (Xvfb), with
/// DejaVu Sans Mono at 20 points, photographed with ImageMagick's `import`.
///
/// tmux shows the characters a program sends; only an emulator shows what the room sees:
/// bold drawn as bright, fonts without a glyph, colours from the emulator's own palette.
final class VirtualDisplay {
    let number: Int
    private let server: Process

    /// Starts Xvfb at 1920x1080 on a display nobody else uses.
    init() throws {
        var chosen = 100 + Int(getpid() % 700)
        while FileManager.default.fileExists(atPath: "/tmp/.X11-unix/X\(chosen)") || FileManager.default.fileExists(atPath: "/tmp/.X\(chosen)-lock") {
            chosen += 1
        }
        number = chosen
        server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/Xvfb")
        server.arguments = [":\(chosen)", "-screen", "0", "1920x1080x24", "-dpi", "96", "-nolisten", "tcp"]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: "/tmp/.X11-unix/X\(chosen)") {
            guard Date() < deadline, server.isRunning else { throw Failure("Xvfb did not start on display :\(chosen)") }
            usleep(50_000)
        }
    }

    func stop() {
        if server.isRunning {
            server.terminate()
            server.waitUntilExit()
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ text: String) { description = text }
    }
}

/// One xterm window running one command, and photographs of it.
final class EmulatorWindow {
    static let font = "DejaVu Sans Mono"
    static let points = 20
    let columns: Int
    let rows: Int
    private let process: Process
    private let windowFile: URL
    private let display: VirtualDisplay

    /// Opens xterm with `command` at `columns` x `rows` cells.
    init(display: VirtualDisplay, command: String, columns: Int, rows: Int, boldIsBright: Bool = true, environment: [String: String] = [:]) throws {
        self.display = display
        self.columns = columns
        self.rows = rows
        windowFile = FileManager.default.temporaryDirectory.appendingPathComponent("campfire-xterm-\(UUID().uuidString).id")
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xterm")
        process.arguments = [
            "-geometry", "\(columns)x\(rows)+0+0", "-fa", Self.font, "-fs", "\(Self.points)",
            "-b", "0", "-w", "0", "+sb", "-bg", "black", "-fg", "white",
            "-xrm", "XTerm*internalBorder: 0", "-xrm", "XTerm*boldColors: \(boldIsBright)",
            "-xrm", "XTerm*termName: xterm-256color",
            "-e", "sh", "-c", "echo $WINDOWID > '\(windowFile.path)'; exec \(command)",
        ]
        var env = ProcessInfo.processInfo.environment
        env["DISPLAY"] = ":\(display.number)"
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = "C.UTF-8"
        env.removeValue(forKey: "NO_COLOR")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    func close() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: windowFile)
    }

    /// Waits until the window shows something other than one flat colour and has stopped
    /// changing, then keeps that picture as a PNG at `url`.
    @discardableResult
    func photograph(to url: URL, timeout: TimeInterval = 20) throws -> Picture {
        let deadline = Date().addingTimeInterval(timeout)
        var previous: Picture?
        while Date() < deadline {
            if let id = try? String(contentsOf: windowFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines), !id.isEmpty {
                try run("/usr/bin/import", ["-display", ":\(display.number)", "-window", id, url.path])
                let picture = try Picture(png: url)
                if let previous, previous.pixels == picture.pixels, !picture.isFlat { return picture }
                previous = picture
            }
            usleep(400_000)
        }
        throw VirtualDisplay.Failure("xterm showed nothing steady within \(Int(timeout)) s")
    }

    private func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
    }
}

/// An RGB picture read back through ImageMagick, with the measures the wall is held to.
struct Picture {
    let width: Int
    let height: Int
    /// 0xRRGGBB per pixel, row by row.
    let pixels: [UInt32]

    init(png: URL) throws {
        let raw = png.deletingPathExtension().appendingPathExtension("ppm")
        defer { try? FileManager.default.removeItem(at: raw) }
        let convert = Process()
        convert.executableURL = URL(fileURLWithPath: "/usr/bin/convert")
        convert.arguments = [png.path, "-depth", "8", "ppm:\(raw.path)"]
        try convert.run()
        convert.waitUntilExit()
        let data = try Data(contentsOf: raw)
        // A binary PPM: "P6", width, height, 255, each then one whitespace, then RGB bytes.
        var fields: [Int] = []
        var index = 2
        while fields.count < 3 {
            while data[index] == 0x20 || data[index] == 0x0A { index += 1 }
            var value = 0
            while data[index] >= 0x30 && data[index] <= 0x39 { value = value * 10 + Int(data[index] - 0x30); index += 1 }
            fields.append(value)
        }
        index += 1
        width = fields[0]
        height = fields[1]
        let count = fields[0] * fields[1]
        let start = index
        var read = [UInt32](repeating: 0, count: count)
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            for pixel in 0..<count {
                let at = start + pixel * 3
                read[pixel] = UInt32(bytes[at]) << 16 | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2])
            }
        }
        pixels = read
    }

    var isFlat: Bool { pixels.allSatisfy { $0 == pixels[0] } }

    /// One cell's measure: its background (its commonest colour), its text colour (the pixel
    /// that differs most from that), and their contrast. Nil for a cell with no text.
    struct CellContrast {
        let column: Int
        let row: Int
        let text: UInt32
        let background: UInt32
        let ratio: Double
    }

    /// Every cell that has text in it, for a window of `columns` x `rows` cells.
    func cellsWithText(columns: Int, rows: Int) -> [CellContrast] {
        let cellWidth = width / columns
        let cellHeight = height / rows
        var result: [CellContrast] = []
        var counts: [UInt32: Int] = [:]
        for row in 0..<rows {
            for column in 0..<columns {
                counts.removeAll(keepingCapacity: true)
                for y in (row * cellHeight)..<((row + 1) * cellHeight) {
                    for x in (column * cellWidth)..<((column + 1) * cellWidth) {
                        counts[pixels[y * width + x], default: 0] += 1
                    }
                }
                guard counts.count > 1, let background = counts.max(by: { $0.value < $1.value })?.key else { continue }
                // Letters keep clear of the cell's edges; the block letters' squares do not
                // quite fill their cells, which leaves blurred slivers at the edges that are
                // not text. So only the inner part of the cell is read for the text.
                var inner: [UInt32: Int] = [:]
                for y in (row * cellHeight + 3)..<((row + 1) * cellHeight - 3) {
                    for x in (column * cellWidth + 2)..<((column + 1) * cellWidth - 2) {
                        let colour = pixels[y * width + x]
                        if colour != background { inner[colour, default: 0] += 1 }
                    }
                }
                let others = inner.values.reduce(0, +)
                // A few stray pixels are anti-aliasing, not text.
                guard others * 50 >= cellWidth * cellHeight else { continue }
                var best: (colour: UInt32, ratio: Double) = (background, 1)
                for colour in inner.keys {
                    let ratio = Contrast.ratio(colour, background)
                    if ratio > best.ratio { best = (colour, ratio) }
                }
                result.append(CellContrast(column: column, row: row, text: best.colour, background: background, ratio: best.ratio))
            }
        }
        return result
    }

    /// The height in pixels of the first band of rows, from the top, that holds `colour`
    /// (gaps shorter than `gap` pixels do not end the band).
    func heightOfFirstBand(of colour: UInt32, gap: Int) -> Int {
        var first: Int?
        var last = 0
        var blank = 0
        for y in 0..<height {
            var found = false
            for x in 0..<width where pixels[y * width + x] == colour {
                found = true
                break
            }
            if found {
                if first == nil { first = y }
                last = y
                blank = 0
            } else if first != nil {
                blank += 1
                if blank > gap { break }
            }
        }
        guard let first else { return 0 }
        return last - first + 1
    }
}

