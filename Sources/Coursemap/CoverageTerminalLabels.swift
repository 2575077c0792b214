import CoursemapModel

/// The words of `coursemap coverage` (table and `--diff`) in Chinese and English (`--lang`).
public struct CoverageTerminalLabels: Sendable {
    public var language: Language
    var code, status, reasons, hours, minutes, modules, items, requirement: String
    var covered, partial, gap, total, coveredPercent: String
    var gapList, partialList, notTaughtList, notAssessedList, introducedOnlyList, orphanList: String
    var overlapNote: String
    var orphanModules, orphanLectures, orphanResources, orphanItems: String
    var none: String
    var version, contentRevision, uncommittedChanges, buildDate: String

    public static func of(_ language: Language) -> CoverageTerminalLabels {
        switch language {
        case .zh: return zh
        case .en: return en
        }
    }

    static let zh = CoverageTerminalLabels(
        language: .zh, code: "编码", status: "状态", reasons: "原因", hours: "学时", minutes: "微课时长", modules: "模块",
        items: "练习/考试/实训", requirement: "要求",
        covered: "已覆盖", partial: "部分覆盖", gap: "未覆盖", total: "共", coveredPercent: "覆盖率",
        gapList: "未覆盖", partialList: "部分覆盖", notTaughtList: "无教学", notAssessedList: "无考核",
        introducedOnlyList: "仅引入", orphanList: "未映射",
        overlapNote: "（无教学、无考核、仅引入三个清单与上面的清单及彼此重叠）",
        orphanModules: "模块", orphanLectures: "微课", orphanResources: "资源", orphanItems: "题目",
        none: "无", version: "版本", contentRevision: "内容版本", uncommittedChanges: "（含未提交的修改）", buildDate: "生成于")

    static let en = CoverageTerminalLabels(
        language: .en, code: "code", status: "status", reasons: "reasons", hours: "hours", minutes: "lecture min",
        modules: "modules", items: "practice/exam/practical", requirement: "requirement",
        covered: "covered", partial: "partial", gap: "gap", total: "total", coveredPercent: "covered",
        gapList: "Gaps", partialList: "Partial", notTaughtList: "Not taught", notAssessedList: "Not assessed",
        introducedOnlyList: "Introduced only", orphanList: "Mapped to nothing",
        overlapNote: "(not taught, not assessed and introduced only overlap with the lists above and with each other)",
        orphanModules: "modules", orphanLectures: "micro-lectures", orphanResources: "resources", orphanItems: "items",
        none: "none", version: "version", contentRevision: "content", uncommittedChanges: "(with uncommitted changes)", buildDate: "built")

    func status(_ status: CoverageStatus) -> String {
        switch status {
        case .covered: return covered
        case .partial: return partial
        case .gap: return gap
        }
    }

    /// A reason of `docs/coverage.md` §3: its Chinese words (`无教学`, `最高 R 未达 M`, `无考核`), or in
    /// English its code (`below-level (R < M)`). Without the levels (a diff read back from JSON), the code.
    func reason(_ reason: CoverageReason, highest: MappingLevel?, coveredAt: MappingLevel?) -> String {
        let levels = coveredAt.map { (highest?.rawValue ?? "—", $0.rawValue) }
        switch (language, reason) {
        case (.zh, .notTaught): return "无教学"
        case (.zh, .notAssessed): return "无考核"
        case (.zh, .belowLevel): return levels.map { "最高 \($0.0) 未达 \($0.1)" } ?? reason.rawValue
        case (.en, .belowLevel): return reason.rawValue + (levels.map { " (\($0.0) < \($0.1))" } ?? "")
        case (.en, _): return reason.rawValue
        }
    }

    /// Between the members of a short list: `、` in Chinese, `, ` in English.
    var listSeparator: String { language == .zh ? "、" : ", " }

    /// `name (count)` in English, `name（count）` in Chinese.
    func counted(_ name: String, _ count: Int) -> String {
        language == .zh ? "\(name)（\(count)）" : "\(name) (\(count))"
    }
}
