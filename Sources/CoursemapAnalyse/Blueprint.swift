import CoursemapModel

/// The work areas (outcome groups) of one scope with their status counts and the exam blueprint
/// (`docs/coverage.md` §6): only the scope's level's areas, weights and items — areas with the same code
/// in another level never mix in.
enum Blueprint {
    /// One area of the scope, as the framework lists it.
    private struct Area {
        let code: String
        let title: LocalizedText
        let weightText: String?
    }

    static func areas(
        framework: Framework, scope: FrameworkScope, competencies: [Competency], rows: [CoverageRow], program: Program, rules: CoverageRules
    ) -> [AreaSummary] {
        let areas = self.areas(of: framework, scope: scope)
        let index = Dictionary(areas.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let areaOfRow = competencies.map { index[$0.group.code] }
        let (exam, practice) = points(rows: rows, areaOfRow: areaOfRow, areaCount: areas.count)
        let examTotal = exam.sum(), practiceTotal = practice.sum()
        var hours = Array(repeating: Hundredths.zero, count: areas.count)
        var counts = Array(repeating: (total: 0, covered: 0, partial: 0, gap: 0), count: areas.count)
        for (row, area) in zip(rows, areaOfRow) {
            guard let area else { continue }
            hours[area] = hours[area] + row.hours
            counts[area].total += 1
            switch row.status {
            case .covered: counts[area].covered += 1
            case .partial: counts[area].partial += 1
            case .gap: counts[area].gap += 1
            }
        }
        let hourTotal = rows.map(\.hours).sum()
        let weights = areas.map { $0.weightText.flatMap { DecimalText.scaled($0, decimals: 6)?.units } }
        // No weight shares when the weights add up to zero (nothing to divide by) or beyond Int64 (a model
        // built without the reader's bound); the areas then show "—" and are never flagged.
        let weightTotal = weights.compactMap { $0 }.reduce(Int64?.some(0)) { sum, weight in
            sum.flatMap { sum -> Int64? in
                let (total, overflow) = sum.addingReportingOverflow(weight)
                return overflow ? nil : total
            }
        }.flatMap { $0 > 0 ? $0 : nil }
        let tolerance = toleranceMillionths(rules)
        return areas.indices.map { position in
            let area = areas[position]
            let weightShare = weightTotal.flatMap { total in weights[position].map { Tenths.percent($0, of: total) } }
            let examShare = exam[position].share(of: examTotal)
            let difference = weightShare.map { Tenths.difference($0, examShare) }
            // difference (tenths) > tolerance (millionths) ⇔ difference · 10^5 > tolerance.
            let flagged = difference.map { $0.count.multipliedReportingOverflow(by: 100_000).partialValue > tolerance } ?? false
            return AreaSummary(
                code: area.code, title: area.title, total: counts[position].total, covered: counts[position].covered,
                partial: counts[position].partial, gap: counts[position].gap,
                weight: framework.kind == .certificate ? area.weightText : nil,
                weightShare: framework.kind == .certificate ? weightShare : nil,
                examPoints: exam[position], examShare: examShare, practicePoints: practice[position],
                practiceShare: practice[position].share(of: practiceTotal), hours: hours[position], hourShare: hours[position].share(of: hourTotal),
                difference: framework.kind == .certificate ? difference : nil, flagged: framework.kind == .certificate && flagged)
        }
    }

    /// The scope's areas: its level's work areas, or the framework's outcome groups.
    private static func areas(of framework: Framework, scope: FrameworkScope) -> [Area] {
        switch framework.kind {
        case .certificate:
            let level = framework.levels.first { $0.level == scope.level }
            return (level?.areas ?? []).map { Area(code: $0.code, title: $0.title, weightText: $0.weight == nil ? nil : $0.weightText) }
        case .outcomes:
            return framework.outcomeGroups.map { Area(code: $0.code, title: $0.title, weightText: nil) }
        }
    }

    /// Exam and practice points per area: each item assessing the scope gives its score (hundredths, default
    /// 1) split evenly among the distinct areas it assesses, the first areas in framework order getting the
    /// extra hundredths. An item counts as exam or practice by its usage (practical tasks too).
    private static func points(rows: [CoverageRow], areaOfRow: [Int?], areaCount: Int) -> (exam: [Hundredths], practice: [Hundredths]) {
        struct Reach {
            var exam: Bool
            var score: Hundredths
            var areas: Set<Int> = []
        }
        var reach: [String: Reach] = [:]
        var order: [String] = []
        for (row, area) in zip(rows, areaOfRow) {
            guard let area else { continue }
            for item in row.assessments {
                let key = item.bankID + "\u{0}" + item.itemID
                if reach[key] == nil {
                    reach[key] = Reach(exam: item.usage == .exam, score: Hundredths.of(item.score))
                    order.append(key)
                }
                reach[key]!.areas.insert(area)
            }
        }
        var exam = Array(repeating: Hundredths.zero, count: areaCount)
        var practice = exam
        for key in order {
            let item = reach[key]!
            let areas = item.areas.sorted()
            for (area, part) in zip(areas, item.score.split(into: areas.count)) {
                if item.exam { exam[area] = exam[area] + part } else { practice[area] = practice[area] + part }
            }
        }
        return (exam, practice)
    }

    /// The tolerance in millionths of a percentage point, read exactly from its text as given; digits beyond
    /// cannot change a comparison with a difference in tenths.
    private static func toleranceMillionths(_ rules: CoverageRules) -> Int64 {
        DecimalText.scaled(rules.blueprintToleranceText, decimals: 6, rounding: .down)?.units
            ?? DecimalText.scaled(String(rules.blueprintTolerance), decimals: 6, rounding: .down)?.units ?? 0
    }
}
