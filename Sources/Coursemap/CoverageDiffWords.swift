import CoursemapModel

/// The words of `coursemap coverage --diff` in Chinese and English.
struct CoverageDiffWords {
    var language: Language
    var labels: CoverageTerminalLabels

    static func of(_ language: Language) -> CoverageDiffWords { CoverageDiffWords(language: language, labels: .of(language)) }

    private func pick(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    var title: String { pick("覆盖变化", "coverage diff") }
    var versionOneNote: String {
        pick("注：旧文件为第 1 版 coverage.json：原因未记录（第 1 版文件），lectures_as_hours 与 class_hour_minutes 未记录，不作比较。",
             "note: the old file is a version 1 coverage.json: reasons unknown (version 1 file); lectures_as_hours and class_hour_minutes not recorded, not compared.")
    }
    var colon: String { pick("：", ": ") }
    var rules: String { pick("规则：", "rules:") }
    var framework: String { pick("框架：", "framework:") }
    var version: String { pick("版本", "version") }
    var noVersion: String { pick("（无）", "(none)") }
    var renamed: String { pick("表述变更", "statement changed") }
    var requirements: String { pick("要求：", "requirements:") }
    var blueprint: String { pick("考试蓝图：", "blueprint:") }
    var status: String { pick("状态", "status") }
    var reasons: String { pick("原因", "reasons") }
    var taughtLevel: String { pick("最高教学程度", "taught level") }
    var assessed: String { pick("有考核", "assessed") }
    var hours: String { pick("学时", "hours") }
    var minutes: String { pick("微课时长（分钟）", "lecture minutes") }
    var weightShare: String { pick("分值占比", "weight share") }
    var examShare: String { pick("考试题目占比", "exam share") }
    var noChanges: String { pick("没有变化。", "no changes.") }
    var nothingLost: String { pick("没有要求失去覆盖。", "no coverage lost.") }

    func lostSummary(_ codes: [String]) -> String {
        pick("覆盖减少（\(codes.count)）：", "coverage lost (\(codes.count)): ") + codes.joined(separator: ", ")
    }

    func lostMark(_ why: [String]) -> String {
        let parts = why.map { reason -> String in
            switch reason {
            case "status": return pick("状态变差", "worse status")
            case "taught-level": return pick("教学程度降低", "lower taught level")
            default: return pick("不再考核", "no longer assessed")
            }
        }
        return pick("覆盖减少：", "COVERAGE LOST: ") + parts.joined(separator: pick("、", ", "))
    }

    func status(_ status: CoverageStatus) -> String { labels.status(status) }

    func reasons(_ reasons: [CoverageReason]?, _ context: CoverageDiff.ReasonContext?) -> String {
        guard let reasons else { return pick("原因未知（第 1 版文件）", "reasons unknown (version 1 file)") }
        guard !reasons.isEmpty else { return pick("无", "none") }
        return reasons.map { labels.reason($0, highest: context?.highest, coveredAt: context?.coveredAt) }.joined(separator: labels.listSeparator)
    }

    func level(_ level: String) -> String { level == "none" ? pick("无", "none") : level }
    func yesNo(_ value: Bool) -> String { value ? pick("是", "yes") : pick("否", "no") }
    func flag(_ flagged: Bool) -> String { flagged ? pick("标出", "flagged") : pick("未标出", "not flagged") }
    func share(_ value: Tenths?) -> String { value.map { $0.text + "%" } ?? "—" }

    /// The kind of a piece of evidence, as §10 writes it in both languages.
    func kind(_ kind: String) -> String { kind }

    /// `module course/module (M, 4 学时)`, `lecture id (R, 12 分钟)`, `item bank/item (exam)`, `resource id`:
    /// the forms of `docs/coverage.md` §10, in both languages but for the units.
    func evidence(_ evidence: CoverageDiff.Evidence) -> String {
        var details: [String] = []
        if let level = evidence.level { details.append(level) }
        if let hours = evidence.hours { details.append("\(hours.text) \(pick("学时", "h"))") }
        if let minutes = evidence.minutes { details.append("\(minutes.text) \(pick("分钟", "min"))") }
        if let usage = evidence.usage { details.append(usage) }
        return "\(kind(evidence.kind)) \(evidence.id)" + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))")
    }
}
