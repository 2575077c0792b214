#if os(Linux)
import Foundation
import Glibc

/// Changes reported by Linux inotify, for every folder under the roots: one watch per folder, added as
/// folders appear (including what they already hold when the watch is added) and dropped as they go.
final class InotifySource: ChangeSource {
    /// The events that mean a change to what a folder holds.
    private static let eventMask: UInt32 = UInt32(
        IN_CREATE | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE | IN_DELETE_SELF | IN_MODIFY | IN_ATTRIB)
    /// `IN_ONLYDIR | IN_DONTFOLLOW` (<sys/inotify.h> macros Swift does not import): watch folders only, and
    /// never through a symbolic link, so a link cannot make the watcher loop or leave the tree.
    private static let folderOnlyFlags: UInt32 = 0x0100_0000 | 0x0200_0000

    private struct Watches {
        var pathByDescriptor: [Int32: String] = [:]
        var descriptorByPath: [String: Int32] = [:]
    }

    let descriptor: Int32?
    let scanInterval: Duration? = nil
    private let inotify: Int32
    private let roots: [String]
    /// Touched by `init` and then only by the reading thread; the lock keeps that honest for the compiler.
    private let watches = Locked(Watches())

    /// Watches every folder under `roots` (absolute, standardised paths of existing folders).
    init(roots: [String]) throws(FileWatcherError) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { throw .system(call: "inotify_init1", errno: errno) }
        inotify = fd
        descriptor = fd
        self.roots = roots
        do {
            for root in roots {
                try watchTree(root)
            }
        } catch {
            Glibc.close(fd)
            throw error
        }
    }

    func close() {
        Glibc.close(inotify)
    }

    func collectChanges() -> Set<String> {
        var changes = Set<String>()
        let capacity = 64 * 1024
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: MemoryLayout<inotify_event>.alignment)
        defer { buffer.deallocate() }
        while true {
            let count = read(inotify, buffer.baseAddress, capacity)
            if count < 0 {
                if errno == EINTR { continue }
                break  // EAGAIN: everything queued has been read.
            }
            if count == 0 { break }
            handleEvents(UnsafeRawBufferPointer(rebasing: buffer[..<count]), into: &changes)
        }
        return changes
    }

    /// Walks the `inotify_event` records in `bytes`.
    private func handleEvents(_ bytes: UnsafeRawBufferPointer, into changes: inout Set<String>) {
        let headerSize = MemoryLayout<inotify_event>.size  // wd, mask, cookie, len: 16 bytes
        var offset = 0
        while offset + headerSize <= bytes.count {
            let wd = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let nameLength = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameBytes = bytes[(offset + headerSize)..<min(bytes.count, offset + headerSize + nameLength)]
            let name = String(decoding: nameBytes.prefix(while: { $0 != 0 }), as: UTF8.self)
            offset += headerSize + nameLength
            handleEvent(wd: wd, mask: mask, name: name, into: &changes)
        }
    }

    private func handleEvent(wd: Int32, mask: UInt32, name: String, into changes: inout Set<String>) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: report the roots (the whole tree may have changed) and watch anew whatever
            // folders appeared meanwhile.
            changes.formUnion(roots)
            for root in roots {
                changes.formUnion(watchIgnoringErrors(root))
            }
            return
        }
        guard let folder = watches.withLock({ $0.pathByDescriptor[wd] }) else { return }
        if mask & UInt32(IN_IGNORED) != 0 {
            // The folder is gone (or was unwatched): forget its watch.
            forgetWatch(wd, path: folder)
            return
        }
        if mask & UInt32(IN_DELETE_SELF) != 0 {
            changes.insert(folder)
            return
        }
        guard !name.isEmpty, !WatchFilter.isIgnored(name) else { return }
        let path = folder + "/" + name
        changes.insert(path)
        guard mask & UInt32(IN_ISDIR) != 0 else { return }
        if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
            // Files may have been created in the new folder before its watch exists: report what it holds.
            changes.formUnion(watchIgnoringErrors(path))
        } else if mask & UInt32(IN_MOVED_FROM) != 0 {
            // Moved away (or elsewhere in the tree, which arrives as its own IN_MOVED_TO): the watches
            // under it would report under the old path.
            unwatchTree(path)
        }
    }

    /// Watches `path` and every folder under it, and returns the paths of everything found under it.
    /// Folders that vanish meanwhile are skipped; reaching the system's watch limit throws.
    @discardableResult
    private func watchTree(_ path: String) throws(FileWatcherError) -> Set<String> {
        let wd = inotify_add_watch(inotify, path, Self.eventMask | Self.folderOnlyFlags)
        guard wd >= 0 else {
            switch errno {
            case ENOSPC: throw .watchLimitReached(path)
            case ENOENT, ENOTDIR, EACCES, ELOOP: return []
            default: throw .system(call: "inotify_add_watch", errno: errno)
            }
        }
        watches.withLock { watches in
            if let old = watches.pathByDescriptor[wd], old != path {
                watches.descriptorByPath[old] = nil
            }
            watches.pathByDescriptor[wd] = path
            watches.descriptorByPath[path] = wd
        }
        var found = Set<String>()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        for name in entries where !WatchFilter.isIgnored(name) {
            let child = path + "/" + name
            found.insert(child)
            var info = stat()
            if lstat(child, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                found.formUnion(try watchTree(child))
            }
        }
        return found
    }

    /// `watchTree` while running, where there is no one to throw to: a folder that cannot be watched is
    /// reported on standard error, as changes in it would otherwise go unnoticed.
    private func watchIgnoringErrors(_ path: String) -> Set<String> {
        do {
            return try watchTree(path)
        } catch {
            FileHandle.standardError.write(Data("coursemap: \(error)\n".utf8))
            return [path]
        }
    }

    /// Removes the watches on `path` and every folder under it.
    private func unwatchTree(_ path: String) {
        let prefix = path + "/"
        let doomed = watches.withLock { watches in
            watches.descriptorByPath.filter { $0.key == path || $0.key.hasPrefix(prefix) }
        }
        for (child, wd) in doomed {
            forgetWatch(wd, path: child)
            inotify_rm_watch(inotify, wd)
        }
    }

    private func forgetWatch(_ wd: Int32, path: String) {
        watches.withLock { watches in
            watches.pathByDescriptor[wd] = nil
            if watches.descriptorByPath[path] == wd {
                watches.descriptorByPath[path] = nil
            }
        }
    }
}
#endif
