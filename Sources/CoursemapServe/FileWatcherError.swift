#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a `FileWatcher` could not be set up.
public enum FileWatcherError: Error, Equatable, CustomStringConvertible {
    /// A folder to watch does not exist or is not a folder.
    case notADirectory(String)
    /// Linux's limit on inotify watches (`fs.inotify.max_user_watches`) is reached.
    case watchLimitReached(String)
    /// A system call failed.
    case system(call: String, errno: Int32)

    public var description: String {
        switch self {
        case .notADirectory(let path):
            "cannot watch \(path): not a folder"
        case .watchLimitReached(let path):
            "cannot watch \(path): the system's limit on watched folders is reached "
                + "(raise fs.inotify.max_user_watches with sysctl)"
        case .system(let call, let code):
            "\(call) failed: \(String(cString: strerror(code)))"
        }
    }
}
