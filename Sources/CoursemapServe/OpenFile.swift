#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore

/// A regular file opened for one response. Reads use `pread`, so they need no shared offset; `close()` is
/// idempotent and every response path calls it when it is done with the file, whether or not the client
/// is still there.
final class OpenFile: Sendable {
    /// The file's size when it was opened. Builds replace files by renaming, so an open descriptor keeps
    /// reading the version it opened.
    let size: Int
    private let descriptor: Locked<Int32?>

    private init(descriptor: Int32, size: Int) {
        self.descriptor = Locked(descriptor)
        self.size = size
    }

    deinit {
        close()
    }

    /// Opens `path` for reading if it is a regular file; `nil` for anything else (a directory, a FIFO,
    /// a vanished file). Opening never blocks on a FIFO, and the type check is made on the opened
    /// descriptor, so a file swapped in between cannot slip past it.
    static func open(regularFileAt path: String) -> OpenFile? {
        let fd = path.withCString { sysOpen($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW) }
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            _ = sysClose(fd)
            return nil
        }
        return OpenFile(descriptor: fd, size: Int(info.st_size))
    }

    /// Reads up to `count` bytes at `offset` into a new buffer (fewer at the end of the file).
    func read(offset: Int, count: Int, allocator: ByteBufferAllocator) throws -> ByteBuffer {
        var buffer = allocator.buffer(capacity: count)
        try descriptor.withLock { descriptor in
            guard let fd = descriptor else { throw IOError(errnoCode: EBADF, reason: "pread") }
            var total = 0
            while total < count {
                let read = buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: count - total) { bytes in
                    pread(fd, bytes.baseAddress, count - total, off_t(offset + total))
                }
                if read < 0 {
                    guard errno == EINTR else { throw IOError(errnoCode: errno, reason: "pread") }
                    continue
                }
                if read == 0 { break }
                total += read
            }
        }
        return buffer
    }

    /// Reads the whole file (for HTML, which is edited before it is sent).
    func readAll(allocator: ByteBufferAllocator) throws -> [UInt8] {
        var buffer = try read(offset: 0, count: size, allocator: allocator)
        return buffer.readBytes(length: buffer.readableBytes) ?? []
    }

    /// Closes the descriptor; later calls do nothing.
    func close() {
        descriptor.withLock { descriptor in
            if let fd = descriptor {
                _ = sysClose(fd)
                descriptor = nil
            }
        }
    }
}

// `open` and `close` are shadowed by the methods above.
private func sysOpen(_ path: UnsafePointer<CChar>, _ flags: Int32) -> Int32 {
    #if canImport(Glibc)
    Glibc.open(path, flags)
    #else
    Darwin.open(path, flags)
    #endif
}

private func sysClose(_ fd: Int32) -> Int32 {
    #if canImport(Glibc)
    Glibc.close(fd)
    #else
    Darwin.close(fd)
    #endif
}
