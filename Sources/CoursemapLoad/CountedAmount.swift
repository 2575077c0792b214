import CoursemapModel

/// Amounts that coverage counts in hundredths (a module's hours, a mapping's stated hours, a course's
/// hours): read from their text, rounded half up to 0.01 with warning CM210 when written with more decimals,
/// and a module's stated hours checked against the module's (CM413).
enum CountedAmount {
    /// `text` as a double with at most two decimals; a CM210 warning at `location` when it had more. `nil`
    /// when `text` is not a decimal number (the caller reports that).
    static func read(_ text: String, field: String, at location: SourceLocation, into diagnostics: inout [Diagnostic]) -> Double? {
        guard let parsed = Hundredths.parse(text) else { return nil }
        if parsed.rounded {
            diagnostics.append(.warning(
                .roundedNumber, at: location,
                "field '\(field)' is \(text), which has more than two decimals; it counts as \(parsed.value.text) (hours and scores are counted in hundredths, rounded half up)"))
        }
        return Double(parsed.value.text)
    }

    /// CM413: per scope, the stated hours of a module's mappings must not add up to more than the module's
    /// hours; reported at the mapping whose stated hours cross them.
    static func checkStated(_ claims: [CompetencyClaim], moduleHours: Double, into diagnostics: inout [Diagnostic]) {
        let total = Hundredths.of(moduleHours)
        var running: [FrameworkScope: Hundredths] = [:]
        var reported = Set<FrameworkScope>()
        var seen = Set<CompetencyID>()
        for claim in claims {
            // A competency mapped twice counts once, at its first mention (CM405 reports the second).
            // Its first mention decides, stated or not: a later one that states hours never counts.
            guard seen.insert(claim.competency).inserted, let stated = claim.hours else { continue }
            let scope = claim.competency.scope
            let sum = (running[scope] ?? .zero) + Hundredths.of(stated)
            running[scope] = sum
            if sum > total, reported.insert(scope).inserted {
                diagnostics.append(.error(
                    .statedHoursExceedModule, at: claim.location,
                    "the mappings into \(scope) state \(sum.text) hours so far, more than the module's \(total.text)"))
            }
        }
    }
}
