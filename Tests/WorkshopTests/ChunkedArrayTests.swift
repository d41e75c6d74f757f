import Foundation
import XCTest
@testable import Workshop

/// The story round's turns are kept in chunks (`ChunkedArray`): random changes to one, made
/// to a plain array alongside, must always leave the two holding the same, compare and hash
/// as the same, and be written to JSON the same.
final class ChunkedArrayTests: XCTestCase {
    func testRandomChangesKeepItTheSameAsAPlainArray() throws {
        var random = SystemRandomNumberGenerator()
        for round in 0..<60 {
            var list = ChunkedArray<Int>()
            var model: [Int] = []
            var earlier: [(ChunkedArray<Int>, [Int])] = []
            for step in 0..<Int.random(in: 1...900, using: &random) {
                let value = Int.random(in: 0..<1_000, using: &random)
                switch Int.random(in: 0..<100, using: &random) {
                case 0..<70:
                    list.append(value); model.append(value)
                case 70..<80 where !model.isEmpty:
                    let index = Int.random(in: 0..<model.count, using: &random)
                    list[index] = value; model[index] = value
                case 80..<88 where !model.isEmpty:
                    XCTAssertEqual(list.removeLast(), model.removeLast())
                case 88..<92:
                    let lower = Int.random(in: 0...model.count, using: &random)
                    let upper = Int.random(in: lower...model.count, using: &random)
                    let added = (0..<Int.random(in: 0...300, using: &random)).map { _ in Int.random(in: 0..<1_000, using: &random) }
                    list.replaceSubrange(lower..<upper, with: added); model.replaceSubrange(lower..<upper, with: added)
                case 92..<94:
                    list.removeAll { $0 % 7 == value % 7 }; model.removeAll { $0 % 7 == value % 7 }
                case 94..<97:
                    earlier.append((list, model))  // kept versions must not change with later ones
                default:
                    list.append(contentsOf: [value, value + 1]); model.append(contentsOf: [value, value + 1])
                }
                guard Array(list) == model, list.count == model.count else {
                    return XCTFail("round \(round), step \(step): \(Array(list).suffix(5)) where a plain array holds \(model.suffix(5))")
                }
            }
            for (kept, keptModel) in earlier {
                XCTAssertEqual(Array(kept), keptModel, "a kept version changed with a later one")
                // Built another way (all at once), the same elements compare and hash the same.
                let rebuilt = ChunkedArray(keptModel)
                XCTAssertEqual(kept, rebuilt)
                XCTAssertEqual(kept.hashValue, rebuilt.hashValue)
                XCTAssertEqual(kept == list, keptModel == model)
            }
            XCTAssertEqual(try JSONEncoder().encode(list), try JSONEncoder().encode(model))
            XCTAssertEqual(try JSONDecoder().decode(ChunkedArray<Int>.self, from: try JSONEncoder().encode(model)), list)
        }
    }

    /// A pass of the stick changes one chunk: the rest is shared with the version undo keeps.
    func testAChangeAtTheEndLeavesTheEarlierVersionAsItWas() {
        let turns = ChunkedArray((0..<5_000).map { Turn(participant: "p\($0 % 30)", startedAt: Date(timeIntervalSince1970: Double($0))) })
        var changed = turns
        changed[changed.count - 1].endedAt = Date(timeIntervalSince1970: 1e9)
        changed.append(Turn(participant: "p1", startedAt: Date(timeIntervalSince1970: 1e9)))
        XCTAssertNil(turns[turns.count - 1].endedAt)
        XCTAssertEqual(turns.count, 5_000)
        XCTAssertEqual(changed.count, 5_001)
        XCTAssertNotEqual(turns, changed)
        XCTAssertEqual(Array(changed.prefix(4_999)), Array(turns.prefix(4_999)))
    }
}
