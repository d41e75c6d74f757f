import Foundation

/// A change the session will not take, with the reason in plain words for the facilitator.
public struct ChangeRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    public let reason: String

    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}
