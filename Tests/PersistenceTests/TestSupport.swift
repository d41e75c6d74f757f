import Foundation
import XCTest
@testable import Persistence
#if canImport(Glibc)
import Glibc
#endif

// MARK: Toy domain

/// Stands in for the real session document.
struct ToyDocument: Codable, Equatable, Sendable {
    var title: String
    var items: [String]
}

/// Stands in for the real session events.
enum ToyEvent: Codable, Equatable, Sendable {
    case renamed(String)
    case added(String)
    case removed(Int)
}

/// The toy reducer: what the domain engineer's replay will do.
func apply(_ event: ToyEvent, to document: ToyDocument) -> ToyDocument {
    var next = document
    switch event {
    case .renamed(let title): next.title = title
    case .added(let item): next.items.append(item)
    case .removed(let index): if next.items.indices.contains(index) { next.items.remove(at: index) }
    }
    return next
}

func replay(_ recovered: Recovered<ToyDocument, ToyEvent>) -> ToyDocument {
    recovered.records.reduce(recovered.document) { apply($1.event, to: $0) }
}

typealias ToySession = SessionFiles<ToyDocument, ToyEvent>

// MARK: Fixed times

/// A fixed start time with exact milliseconds, so dates round-trip exactly.
let baseTime = Date(timeIntervalSince1970: 1_795_430_467.123)  // 2026-11-23T10:41:07.123Z

func time(_ secondsAfterBase: Int) -> Date {
    Date(timeIntervalSince1970: (1_795_430_467_123 + Double(secondsAfterBase) * 1000) / 1000)
}

// MARK: Folders and modes

/// A fresh private folder for one test, removed afterwards.
func makeTemporaryFolder(_ testCase: XCTestCase) throws -> URL {
    let folder = URL(fileURLWithPath: NSTemporaryDirectory())
        .appendingPathComponent("campfire-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    testCase.addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
    return folder
}

/// Permission bits of a file or folder.
func mode(_ url: URL) -> mode_t {
    var info = stat()
    guard lstat(url.path, &info) == 0 else { return 0o7777 }
    return info.st_mode & 0o777
}

/// Runs `body` with the process umask set to `mask`, restoring it after.
func withUmask<T>(_ mask: mode_t, _ body: () throws -> T) rethrows -> T {
    let previous = umask(mask)
    defer { umask(previous) }
    return try body()
}

/// Every file and folder under `folder`, recursively.
func allEntries(under folder: URL) -> [URL] {
    guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return [] }
    return enumerator.compactMap { ($0 as? String).map { folder.appendingPathComponent($0) } }
}

func isFolder(_ url: URL) -> Bool {
    var info = stat()
    return lstat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
}

func readBytes(_ url: URL) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: url))
}

/// Writes test fixtures directly, bypassing the code under test.
func writeFixture(_ bytes: [UInt8], to url: URL) throws {
    try Data(bytes).write(to: url)
}

// MARK: Deterministic randomness

/// SplitMix64: small, seeded, the same on every machine.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
