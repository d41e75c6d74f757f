import Foundation

/// Work started on a second thread now, its result collected later: for the first screen,
/// reading the session list while the terminal starts (the two take about the same time, and
/// each is mostly first-use set-up of the Swift runtime and the pages of the program).
final class InBackground<Value: Sendable>: @unchecked Sendable {
    private let finished = NSCondition()
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            let value = work()
            finished.lock()
            result = value
            finished.broadcast()
            finished.unlock()
        }
        thread.start()
    }

    /// The result, waiting for the work to finish if it has not yet.
    var value: Value {
        finished.lock()
        defer { finished.unlock() }
        while result == nil { finished.wait() }
        return result!
    }
}
