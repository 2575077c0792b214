import CoursemapModel

/// An imported item's score counted as coverage counts scores (`docs/coverage.md` §5): rounded half up to
/// 0.01, with warning CM210 when that changed it, as for an authored `score` attribute. Moodle writes grades
/// with seven decimals (`1.0000000`); only non-zero digits beyond 0.01 (`0.3333333`) are reported.
enum ImportedScore {
    static func counted(_ score: Double, field: String, item: String, at location: SourceLocation, into diagnostics: inout [Diagnostic]) -> Double {
        guard score.isFinite, let parsed = Hundredths.parse(String(score)), parsed.rounded else { return score }
        diagnostics.append(.warning(
            .roundedNumber, at: location,
            "\(item) has \(field) \(NumberText.plain(score)), which has more than two decimals; it counts as \(parsed.value.text) (scores are counted in hundredths, rounded half up)"))
        return Double(parsed.value.text) ?? score
    }
}
