import XCTest
final class TerminalUIPending: XCTestCase { func testBuilds() { XCTAssertTrue(true) } }
