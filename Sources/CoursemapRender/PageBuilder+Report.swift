import CoursemapModel

/// Parts of the coverage report page: its provenance block, the work-area rows and their bars, group labels.
extension PageBuilder {
    /// The provenance block of `scope`'s report: the framework from the program, the rest from the build.
    func provenanceView(_ scope: FrameworkScope, framework: Framework) -> ProvenanceView {
        ProvenanceView(
            frameworkID: framework.id, frameworkTitle: plain(framework.title), level: scope.level?.rawValue,
            frameworkVersion: framework.version, revision: provenance?.revision?.text ?? "—",
            dirty: provenance?.revision?.isDirty ?? false, buildDate: provenance?.buildDateText ?? "—",
            coursemapVersion: provenance?.coursemapVersion ?? "—")
    }

    /// A work area's (outcome group's) name as the report prints it, in full: `code title`, or the title
    /// alone when the code is the title (outcome groups are named by their domain: 素质, 知识, 能力).
    func groupLabel(code: String, title: LocalizedText) -> String {
        let name = plain(title)
        return code.isEmpty || code == title.zh || code == name ? name : "\(code) \(name)"
    }

    /// A row of the work-area table. The bar's segments are drawing geometry in a 1000-unit box, worked out
    /// from the counts with whole numbers (each edge at `running count × 1000 ÷ total`), so they always
    /// meet and fill the bar.
    func areaRow(label: String, total: Int, covered: Int, partial: Int, gap: Int) -> AreaRow {
        var segments: [BarSegment] = []
        var running = 0
        for (count, status) in [(covered, "covered"), (partial, "partial"), (gap, "gap")] where count > 0 && total > 0 {
            let start = running * 1000 / total
            running += count
            let end = running * 1000 / total
            segments.append(BarSegment(status: status, x: String(start), width: String(end - start)))
        }
        return AreaRow(label: label, total: total, covered: covered, partial: partial, gap: gap, segments: segments)
    }
}
