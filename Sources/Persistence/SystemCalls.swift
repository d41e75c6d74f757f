import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few system calls whose failure Campfire must survive, gathered so
/// tests can make them fail on purpose (a full disk, a failing flush) without
/// needing a broken disk.
struct SystemCalls: Sendable {
    /// Same contract as POSIX `write`: bytes written, or -1 with `errno` set.
    var write: @Sendable (_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int
    /// Same contract as POSIX `fsync`: 0, or -1 with `errno` set.
    var flush: @Sendable (_ descriptor: Int32) -> Int32

    /// The real thing.
    static let live = SystemCalls(
        write: { descriptor, bytes, count in
            #if canImport(Glibc)
            return Glibc.write(descriptor, bytes, count)
            #else
            return Darwin.write(descriptor, bytes, count)
            #endif
        },
        flush: { descriptor in
            #if os(Linux)
            // fdatasync is enough: it still flushes the file length, which is
            // what an append changes, and skips needless timestamp updates.
            return fdatasync(descriptor)
            #else
            return fsync(descriptor)
            #endif
        })
}
