import Foundation
import XCTest

/// Runs the built `campfire` program, as a user would.
enum Binary {
    /// The folder of the built products (where the test bundle itself lives).
    static var productsFolder: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    }

    static var campfire: URL { productsFolder.appendingPathComponent("campfire") }

    struct Result {
        var status: Int32
        var output: String
        var errors: String
    }

    /// Runs campfire with arguments, no terminal, and returns what it printed.
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:], input: FileHandle? = nil) throws -> Result {
        let process = Process()
        process.executableURL = campfire
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input ?? FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: outData, as: UTF8.self), errors: String(decoding: errData, as: UTF8.self))
    }

    /// A new empty data folder for one test.
    static func temporaryDataFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("campfire-e2e-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
