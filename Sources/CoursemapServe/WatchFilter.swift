/// Which file names the watcher ignores: hidden files and folders (`.git`, `.DS_Store`, editors'
/// `.name.swp` and `.#name` lock files), Emacs' `#name#` autosaves, `name~` backups, Vim's swap files and
/// `4913`, the file Vim creates to test whether a folder is writable.
enum WatchFilter {
    static func isIgnored(_ name: some StringProtocol) -> Bool {
        name.hasPrefix(".") || name.hasPrefix("#") || name.hasSuffix("~") || name.hasSuffix(".swp")
            || name.hasSuffix(".swx") || name == "4913"
    }
}
