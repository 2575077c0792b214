import CSpawn
import CoursemapModel
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs a helper program (Pagefind) so that nothing of the working directory or the content can take part:
/// the program is given by absolute path, starts in a fresh empty folder of its own, with a small fixed
/// environment, in a process group of its own, with SIGINT and SIGTERM back at their defaults. Its output
/// goes to a log in that folder, which is removed afterwards. `abandonAll()` (for an interrupted build)
/// kills every running child's group and removes their folders.
struct IsolatedProcess {
    /// How a child ended.
    enum Ending: Equatable {
        case exited(Int32)
        case signalled(Int32)
        /// It could not be started (the reason).
        case notStarted(String)
    }

    let executable: String
    let arguments: [String]
    let environment: [String: String]
    /// Where the child starts: its own fresh empty folder (`nil`), or a given folder such as `/` for a
    /// child whose launcher looks at the folders above where it starts (a pyenv shim reads
    /// `.python-version` there, and the fresh folder lies in `TMPDIR`, often the shared `/tmp`).
    var workingDirectory: String? = nil
    /// How long the child may run; then its whole process group is killed and the run ends as
    /// `.signalled(SIGKILL)`. `nil`: no limit (Pagefind indexes as long as the site needs).
    var timeout: Duration? = nil

    /// The running children and their folders; `interrupted` once `abandonAll()` ran, after which nothing
    /// new starts.
    private struct Registry {
        var children: Set<pid_t> = []
        var folders: Set<String> = []
        var interrupted = false
    }
    private static let registry = Locked(Registry())

    /// Runs the program to its end; its output (standard output and error together, last 64 KB at most).
    func run() -> (ending: Ending, output: String) {
        guard let folder = Self.makeFolder() else { return (.notStarted("cannot create a temporary folder"), "") }
        defer { Self.removeFolder(folder) }
        let log = folder + "/output.log"
        let logDescriptor = open(log, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard logDescriptor >= 0 else { return (.notStarted("cannot create \(log)"), "") }
        let work = folder + "/work"
        guard mkdir(work, 0o700) == 0 else {
            close(logDescriptor)
            return (.notStarted("cannot create \(work)"), "")
        }
        let ending = spawnAndWait(in: workingDirectory ?? work, log: logDescriptor)
        close(logDescriptor)
        return (ending, Self.tail(of: log))
    }

    /// Kills every child still running (their whole process groups) and removes their folders. For a
    /// signal handler: later `run()` calls start nothing.
    static func abandonAll() {
        registry.withLock { registry in
            registry.interrupted = true
            for child in registry.children { kill(-child, SIGKILL) }
            for folder in registry.folders { try? FileManager.default.removeItem(atPath: folder) }
        }
    }

    private func spawnAndWait(in directory: String, log: Int32) -> Ending {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGINT, SIGTERM, SIGPIPE, SIGQUIT, SIGHUP] { sigaddset(&defaults, number) }
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, log, 1)
        posix_spawn_file_actions_adddup2(&actions, log, 2)
        let moved = coursemap_spawn_add_chdir(&actions, directory)
        guard moved == 0 else { return .notStarted("cannot start in an empty folder: \(String(cString: strerror(moved)))") }

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted(by: { $0.key < $1.key }).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var child: pid_t = 0
        let started: Int32 = Self.registry.withLock { registry in
            guard !registry.interrupted else { return EINTR }
            let result = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
            if result == 0 { registry.children.insert(child) }
            return result
        }
        guard started == 0 else { return .notStarted(String(cString: strerror(started))) }

        // Wait without reaping, so the process group cannot be reused while `abandonAll` may still kill it.
        var info = siginfo_t()
        if let timeout {
            let deadline = ContinuousClock.now + timeout
            while true {
                info = siginfo_t()
                let result = waitid(P_PID, id_t(child), &info, WEXITED | WNOWAIT | WNOHANG)
                if result == 0 && info._sifields._sigchld.si_pid == child { break }
                if result != 0 && errno != EINTR { break }
                if ContinuousClock.now >= deadline {
                    kill(-child, SIGKILL)
                    while waitid(P_PID, id_t(child), &info, WEXITED | WNOWAIT) != 0 && errno == EINTR {}
                    break
                }
                usleep(2_000)
            }
        } else {
            while waitid(P_PID, id_t(child), &info, WEXITED | WNOWAIT) != 0 && errno == EINTR {}
        }
        Self.registry.withLock { _ = $0.children.remove(child) }
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }

    /// A new private folder under the temporary folder, registered for `abandonAll`.
    private static func makeFolder() -> String? {
        var base = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        if !base.hasPrefix("/") { base = "/tmp" }
        var template = Array((base + "/coursemap-pagefind-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in mkdtemp(buffer.baseAddress!) != nil }
        guard made else { return nil }
        let folder = String(cString: template)
        registry.withLock { _ = $0.folders.insert(folder) }
        return folder
    }

    private static func removeFolder(_ folder: String) {
        try? FileManager.default.removeItem(atPath: folder)
        registry.withLock { _ = $0.folders.remove(folder) }
    }

    private static func tail(of path: String) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "" }
        defer { try? handle.close() }
        let size = (try? handle.seekToEnd()) ?? 0
        try? handle.seek(toOffset: size > 65_536 ? size - 65_536 : 0)
        return String(decoding: (try? handle.readToEnd()) ?? Data(), as: UTF8.self)
    }
}
