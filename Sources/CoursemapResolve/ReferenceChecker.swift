import CoursemapModel

/// Checks competency references and framework scopes against the loaded frameworks, with a "did you mean"
/// where a near miss is likely (the same code at another level, a framework id with a typo).
struct ReferenceChecker {
    let frameworks: [Framework]
    let competencies: [CompetencyID: Competency]

    /// The claims whose competency exists, each unknown or repeated one reported.
    func check(_ claims: [CompetencyClaim], into diagnostics: inout DiagnosticList) -> [CompetencyClaim] {
        checkReferences(claims.map { ($0.competency, $0.location) }, what: "module", into: &diagnostics).map { claims[$0] }
    }

    /// The assessment claims whose competency exists.
    func check(_ claims: [AssessmentClaim], into diagnostics: inout DiagnosticList) -> [AssessmentClaim] {
        checkReferences(claims.map { ($0.competency, $0.location) }, what: "item", into: &diagnostics).map { claims[$0] }
    }

    /// The positions of the references that are kept (in order): known, and the first of their competency.
    private func checkReferences(_ claims: [(competency: CompetencyID, location: SourceLocation)], what: String, into diagnostics: inout DiagnosticList) -> [Int] {
        var seen: [CompetencyID: SourceLocation] = [:]
        var valid: [Int] = []
        for (index, claim) in claims.enumerated() {
            if let problem = checkScope(claim.competency.scope, at: claim.location) {
                diagnostics.append(problem)
                continue
            }
            guard competencies[claim.competency] != nil else {
                diagnostics.append(.error(.unknownCompetency, at: claim.location, unknownMessage(claim.competency)))
                continue
            }
            if let first = seen[claim.competency] {
                diagnostics.append(.warning(
                    .duplicateMapping, at: claim.location,
                    "'\(claim.competency)' is mapped twice in this \(what) (first at line \(first.line ?? 0)); only the first counts"))
                continue
            }
            seen[claim.competency] = claim.location
            valid.append(index)
        }
        return valid
    }

    /// A diagnostic when the framework, or the level within it, does not exist.
    func checkScope(_ scope: FrameworkScope, at location: SourceLocation) -> Diagnostic? {
        guard let framework = frameworks.first(where: { $0.id == scope.framework }) else {
            let known = frameworks.map(\.id)
            let suggestion = closest(scope.framework, in: known).map { "; did you mean '\($0)'?" }
                ?? (known.isEmpty ? "; there are no frameworks in frameworks/" : " (known: \(known.joined(separator: ", ")))")
            return .error(.unknownFramework, at: location, "unknown framework '\(scope.framework)'\(suggestion)")
        }
        switch (framework.kind, scope.level) {
        case (.certificate, nil):
            let levels = framework.levels.map { "\(framework.id):\($0.level.rawValue)" }.joined(separator: ", ")
            return .error(.unknownFramework, at: location, "certificate '\(framework.id)' needs a level: \(levels)")
        case (.certificate, let level?):
            guard framework.levels.contains(where: { $0.level == level }) else {
                let levels = framework.levels.map(\.level.rawValue).joined(separator: ", ")
                return .error(.unknownFramework, at: location, "certificate '\(framework.id)' has no level \(level.rawValue) (it has \(levels))")
            }
            return nil
        case (.outcomes, let level?):
            return .error(.unknownFramework, at: location, "'\(framework.id)' is a program-outcome framework and has no levels; drop ':\(level.rawValue)'")
        case (.outcomes, nil):
            return nil
        }
    }

    private func unknownMessage(_ id: CompetencyID) -> String {
        var message = "unknown competency '\(id)'"
        let otherLevels = competencies.keys.filter { $0.framework == id.framework && $0.code == id.code && $0.level != id.level }
        if let other = otherLevels.sorted().first {
            return message + "; '\(id.code)' exists as '\(other)'"
        }
        let codes = competencies.keys.filter { $0.scope == id.scope }.map(\.code)
        if let near = closest(id.code, in: codes) {
            message += "; did you mean '\(CompetencyID(framework: id.framework, level: id.level, code: near))'?"
        } else {
            message += "; \(id.scope) has no code '\(id.code)'"
        }
        return message
    }

    private func closest(_ text: String, in candidates: [String]) -> String? {
        var best: (String, Int)?
        for candidate in candidates.sorted() {
            let distance = EditDistance.between(text, candidate)
            if distance <= max(2, text.count / 3), distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        return best?.0
    }
}
