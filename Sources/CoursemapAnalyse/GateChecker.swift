import CoursemapModel

/// Applies the `gates:` of `coursemap.yml`: one error (CM701) per requirement that breaks a gate, at the
/// gate's line, naming the requirement — so a CI pipeline stops when a requirement loses coverage.
public enum GateChecker {
    public static func check(_ program: Program, reports: [CoverageReport], orphans: Orphans) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for gate in program.config.gates {
            if gate.noOrphans && !orphans.isEmpty {
                let names = (orphans.modules.map { "module \($0)" } + orphans.lectures.map { "lecture \($0)" }
                    + orphans.resources.map { "resource \($0)" } + orphans.items.map { "item \($0)" })
                for name in names {
                    diagnostics.append(.error(.gateFailed, at: gate.location, "gate no_orphans: \(name) is mapped to no competency"))
                }
            }
            guard let scope = gate.scope, let report = reports.first(where: { $0.scope == scope }) else { continue }
            for row in report.rows {
                let name = "\(row.competency)"
                if gate.taught && !row.isTaught {
                    diagnostics.append(.error(.gateFailed, at: gate.location, "gate taught: \(name) is taught by no module or micro-lecture"))
                }
                if gate.minimumItems > 0 && row.assessments.count < gate.minimumItems {
                    diagnostics.append(.error(
                        .gateFailed, at: gate.location,
                        "gate min_items \(gate.minimumItems): \(name) is assessed by \(row.assessments.count) item\(row.assessments.count == 1 ? "" : "s")"))
                }
                if gate.covered && row.status != .covered {
                    diagnostics.append(.error(.gateFailed, at: gate.location, "gate covered: \(name) is \(row.status.rawValue)"))
                }
            }
        }
        return diagnostics
    }
}
