import XCTest
final class PersistenceTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
