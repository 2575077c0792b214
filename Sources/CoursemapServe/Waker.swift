#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A pair of connected descriptors that lets `FileWatcher.stop()` interrupt its reading thread's `poll`:
/// the thread polls the read end together with what it watches; `wake()` writes a byte.
struct Waker: Sendable {
    private let readEnd: Int32
    private let writeEnd: Int32

    init() throws(FileWatcherError) {
        var ends: [Int32] = [-1, -1]
        #if os(Linux)
        let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue)
        guard socketpair(AF_UNIX, type, 0, &ends) == 0 else {
            throw .system(call: "socketpair", errno: errno)
        }
        #else
        guard pipe(&ends) == 0 else { throw .system(call: "pipe", errno: errno) }
        for end in ends {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        #endif
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    /// Makes the current or next `wait` return `.woken`. Safe from any thread.
    func wake() {
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    enum WaitResult {
        case woken
        case readable
        case timedOut
        case failed(errno: Int32)
    }

    /// Waits until `wake()` is called, `descriptor` (if any) is readable, or `timeoutMilliseconds` pass
    /// (-1: no limit).
    func wait(for descriptor: Int32?, timeoutMilliseconds: Int32) -> WaitResult {
        var fds = [pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)]
        if let descriptor {
            fds.append(pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0))
        }
        while true {
            let ready = poll(&fds, nfds_t(fds.count), timeoutMilliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                return .failed(errno: errno)
            }
            if ready == 0 { return .timedOut }
            if fds[0].revents != 0 { return .woken }
            return .readable
        }
    }

    /// Closes both descriptors. Call once, after the thread that waits has finished.
    func close() {
        _ = closeDescriptor(readEnd)
        _ = closeDescriptor(writeEnd)
    }
}

private func closeDescriptor(_ fd: Int32) -> Int32 {
    #if canImport(Glibc)
    Glibc.close(fd)
    #else
    Darwin.close(fd)
    #endif
}
