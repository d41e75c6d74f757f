import Foundation

/// One variable of this process's environment.
///
/// `getenv` reads the one value; `ProcessInfo.processInfo.environment` builds a dictionary of
/// every variable, which on the path to the first screen costs a measurable share of a
/// millisecond (docs/performance.md).
public enum ProcessEnvironment {
    public static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
