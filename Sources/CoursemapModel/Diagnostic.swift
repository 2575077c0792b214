/// How bad a diagnostic is. Errors stop `build` from replacing the output; warnings never do.
public enum Severity: String, Hashable, Sendable, Codable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
}

/// One problem found in the content, at a place, with a stable code documented in `docs/diagnostics.md`.
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    public var severity: Severity
    public var code: DiagnosticCode
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, _ code: DiagnosticCode, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.code = code
        self.location = location
        self.message = message
    }

    public static func error(_ code: DiagnosticCode, at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, code, at: location, message)
    }

    public static func warning(_ code: DiagnosticCode, at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, code, at: location, message)
    }

    /// `path:line:col: error[CM401]: message`, on one line: control characters in the path and in the
    /// message (which may quote content) are escaped, so no content can forge a line or send terminal codes.
    public var description: String {
        "\(location): \(severity.rawValue)[\(code.rawValue)]: \(ControlCharacters.escaped(message))"
    }
}

/// The diagnostics a run collected, in a stable order (by file, line, column, then code and message).
public struct DiagnosticList: Hashable, Sendable, Codable {
    public private(set) var items: [Diagnostic] = []

    public init(_ items: [Diagnostic] = []) {
        self.items = items
    }

    public mutating func append(_ diagnostic: Diagnostic) { items.append(diagnostic) }
    public mutating func append(contentsOf other: DiagnosticList) { items.append(contentsOf: other.items) }
    public mutating func append(contentsOf other: [Diagnostic]) { items.append(contentsOf: other) }

    /// Counts of distinct diagnostics, matching what `sorted` lists.
    public var errorCount: Int { Set(items).count { $0.severity == .error } }
    public var warningCount: Int { Set(items).count { $0.severity == .warning } }
    public var hasErrors: Bool { items.contains { $0.severity == .error } }
    public var isEmpty: Bool { items.isEmpty }

    /// Sorted and without exact repeats: the order every report uses, so output is deterministic.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return items.filter { seen.insert($0).inserted }.sorted { a, b in
            if a.location != b.location { return a.location < b.location }
            if a.code != b.code { return a.code.rawValue < b.code.rawValue }
            return a.message < b.message
        }
    }
}

/// A diagnostic can travel as the failure of a `Result`.
extension Diagnostic: Error {}
extension DiagnosticList: Error {}
