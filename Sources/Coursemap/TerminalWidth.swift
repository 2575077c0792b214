#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// How many columns the terminal has, for fitting `coursemap coverage`'s table: `COLUMNS` when it is set to
/// a positive number, else the window size of standard output (`TIOCGWINSZ`), else 100 (output to a file or
/// a pipe).
public enum TerminalWidth {
    public static let fallback = 100

    public static func current(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        if let text = environment["COLUMNS"], let columns = Int(text.trimmingCharacters(in: .whitespaces)), columns > 0 {
            return columns
        }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return fallback
    }
}
