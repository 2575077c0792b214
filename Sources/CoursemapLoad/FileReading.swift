import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads a whole file with `open`/`read`: one `fstat` for the size, no URL or `Data` on the way (a large
/// content tree has tens of thousands of files, and Foundation's reader stats each path again).
enum FileReading {
    /// The error a failed read throws: what failed and the system's reason, e.g. "permission denied".
    struct Failure: LocalizedError {
        let reason: String
        var errorDescription: String? { reason }
    }

    static func bytes(atPath path: String) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Failure(reason: String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT != S_IFDIR else { throw Failure(reason: String(cString: strerror(EISDIR))) }
        // The size is a hint: the file may change while it is read, so read until the end either way.
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 0) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 4096))) }
            let count = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }
}
