import XCTest
final class StateMachineTestsPlaceholder: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
