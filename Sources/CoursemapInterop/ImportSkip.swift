import CoursemapModel

/// How an importer reports an item it leaves out: a located warning (CM311 for a feature Coursemap does not
/// import, CM314 for an item that cannot be answered as written) whose message names the feature and ends
/// with `ending`; the rest of the bank builds. `interop: {strict: true}` in `coursemap.yml` makes these
/// errors (`strict(_:)`), so a build stops instead.
public enum ImportSkip {
    /// The last words of every skip message.
    public static let ending = "; the item is skipped"
    /// What replaces `ending` when `interop.strict` is on.
    static let strictEnding = "; the item cannot be imported, and interop.strict in coursemap.yml makes that an error"

    /// The codes of skip warnings.
    public static let codes: Set<DiagnosticCode> = [.unsupportedItem, .invalidItem, .invalidGraphic]

    /// A skip warning: `message` says what the item is and what is wrong with it.
    public static func warning(_ code: DiagnosticCode, at location: SourceLocation, _ message: String) -> Diagnostic {
        .warning(code, at: location, message + ending)
    }

    /// Whether `diagnostic` reports an imported item left out.
    public static func isSkip(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.severity == .warning && codes.contains(diagnostic.code) && diagnostic.message.hasSuffix(ending)
    }

    /// With `interop.strict`: every skip warning becomes an error that says why; other diagnostics are kept.
    public static func strict(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            guard isSkip(diagnostic) else { return diagnostic }
            var escalated = diagnostic
            escalated.severity = .error
            escalated.message = String(diagnostic.message.dropLast(ending.count)) + strictEnding
            return escalated
        }
    }
}
