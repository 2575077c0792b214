import CoursemapModel

/// The interface strings of the portal in one language. Templates read them as `{{ui.name}}`. The tables
/// are theme files (`Theme/strings/zh-CN.json`, `en.json`); a site overrides any string in
/// `Content/theme/strings/<language>.json`.
struct UIStrings: Sendable, Codable {
    let home: String
    let frameworks: String
    let courses: String
    let modules: String
    let coverage: String
    let requirements: String
    let outcomes: String
    let course: String
    let module: String
    let code: String
    let credits: String
    let hours: String
    let theoryHours: String
    let practiceHours: String
    let semester: String
    let courseType: String
    let integration: String
    let status: String
    let statusCovered: String
    let statusPartial: String
    let statusGap: String
    let level: String
    let statement: String
    let taughtBy: String
    let notTaught: String
    let outline: String
    let contents: String
    let competencies: String
    let noCompetencies: String
    let previous: String
    let next: String
    let illustrative: String
    let issuer: String
    let version: String
    let workArea: String
    let task: String
    let total: String
    let rules: String
    let downloadJSON: String
    /// The label of the header's menu button (the site navigation, search and language switch in a drawer on narrow screens).
    let menu: String
    let skipToContent: String
    let primaryNavigation: String
    let breadcrumb: String
    let mappingLegend: String
    let generatedBy: String
    let banks: String
    let items: String
    let practice: String
    let exam: String
    let practicalTasks: String
    let showAnswer: String
    let answer: String
    let explanation: String
    let checkAnswer: String
    let correctResult: String
    let wrongResult: String
    let incompleteResult: String
    let partialResult: String
    let scored: String
    let answeredCount: String
    let checkAll: String
    let resetAnswers: String
    let wrongMark: String
    let feedbackCorrect: String
    let feedbackIncorrect: String
    let feedbackPartial: String
    let feedbackGeneral: String
    let examNotice: String
    let linkToItem: String
    let itemShownAbove: String
    let practiceAndAssessment: String
    let itemsAssessingThis: String
    let selfcheckSaved: String
    let trueLabel: String
    let falseLabel: String
    let blank: String
    let chooseOption: String
    let position: String
    let area: String
    let teacherMarked: String
    let surveyNote: String
    let pair: String
    let pointX: String
    let pointY: String
    let sliderValue: String
    let part: String
    let scenario: String
    let steps: String
    let datasets: String
    let deliverable: String
    let rubric: String
    let criterion: String
    let points: String
    let answerSheet: String
    let score: String
    let difficulty: String
    let assessedBy: String
    let assesses: String
    let notAssessed: String
    let teacherEdition: String
    let options: String
    let importedFrom: String
    let tolerance: String
    let library: String
    let lectures: String
    let duration: String
    let minutes: String
    let transcript: String
    let slides: String
    let download: String
    let partOf: String
    let related: String
    let kind: String
    let license: String
    let fileSize: String
    let allKinds: String
    let allCourses: String
    let allAreas: String
    let filterCompetency: String
    let filter: String
    let noMatches: String
    let videoFallback: String
    let captionsLabel: String
    // Lecture media and data set previews (docs/lectures.md).
    let embedNeedsNetwork: String
    let seekNeedsServer: String
    let openInBrowser: String
    let previewTitle: String
    let previewAllRows: String
    let previewRowsFirst: String
    let previewRowsOf: String
    let previewRowsTotal: String
    let previewColumnsFirst: String
    let previewColumnsOf: String
    let previewColumnsTotal: String
    let taughtByLectures: String
    let resourcesLabel: String
    let lectureMinutes: String
    let workAreas: String
    let matrix: String
    /// The named lists of the report (`docs/coverage.md` §7.3): each heading starts with the documented name.
    let gapList: String
    let partialList: String
    let notTaughtList: String
    let notAssessedList: String
    /// The same lists on an outcomes report.
    let outcomesNotTaughtList: String
    let outcomesNotAssessedList: String
    let outcomesOverlapNote: String
    let orphanList: String
    let introducedOnly: String
    let blueprint: String
    let weight: String
    let weightShare: String
    let itemShare: String
    let hourShare: String
    let mismatch: String
    let downloadCSV: String
    let noneFound: String
    let gapsFirst: String
    let notFoundTitle: String
    let notFoundText: String
    // A body shown on a page in the other language: "only in Chinese", and the link to that page.
    let contentLanguageNotice: String
    let contentLanguageLink: String
    /// The label of a footnote's link back to the text (cmark-gfm's own is English), in the body's language.
    let footnoteBackLink: String
    /// What follows a label before its value: "：" in Chinese, ": " in English.
    let labelColon: String
    /// Between the parts of a list in running text ("A、B", "A, B"), between groups ("…；…", "…; …"), and
    /// the brackets around an aside ("（…）", " (…)").
    let listSeparator: String
    let groupSeparator: String
    let parenOpen: String
    let parenClose: String
    let search: String
    let searchPlaceholder: String
    let searchNoResults: String
    let searchUnavailable: String
    // The search page's result count (plural and singular; {n} is the number), how many are shown
    // ({shown}), the button that shows more, what a page opened from disk says, and what shows without scripts.
    let searchResultsCount: String
    let searchResultsCountOne: String
    let searchShowing: String
    let searchMore: String
    let searchNeedsServer: String
    let searchNeedsScript: String
    let languageSwitch: String
    let prerequisites: String
    // The coverage report: provenance block, covered percentage, outcomes wording, scroll hint.
    let provenance: String
    let framework: String
    let scopeLevel: String
    let frameworkVersion: String
    let contentRevision: String
    let uncommittedChanges: String
    let buildDate: String
    let coursemapVersion: String
    let coveredPercent: String
    let outcomeGroups: String
    let outcomeGroup: String
    let outcomeMatrix: String
    let scrollHint: String
    // The report's lists, hours reconciliation and blueprint; the requirement page's evidence.
    let lecturesOutsideCourses: String
    let programTotal: String
    let overlapNote: String
    let reasons: String
    let teachingSource: String
    let lecturesOnlyNote: String
    let moduleHours: String
    let attributedHours: String
    let statedHours: String
    let lectureLength: String
    let attributedMinutes: String
    let reconciliation: String
    let declaredHours: String
    let moduleHoursAll: String
    let moduleHoursInScope: String
    let attributedInScope: String
    let unattributed: String
    let lectureHours: String
    let columnTotal: String
    let exceedsDeclared: String
    let reconciliationNote: String
    let examShare: String
    let practiceShare: String
    let difference: String
    let blueprintFormula: String
    let toleranceSentence: String
    let flaggedWhen: String
    let percentagePoints: String
    // Finding your way: the home page's entry points, the library's name column, count and file format.
    let name: String
    let fileFormat: String
    let entriesUnit: String
    let startLearning: String
    let lecturesToStart: String
    let practiceBanks: String
    let atAGlance: String
    let firstModule: String
}

/// A language's interface strings with their template form encoded once, since every page embeds them
/// (`{{ui.home}}`, `{{chrome.ui.search}}`). Reads like `UIStrings`: `ui.home`.
@dynamicMemberLookup
struct UIText: Sendable, Encodable {
    let strings: UIStrings
    private let value: TemplateValue

    init(_ strings: UIStrings) {
        self.strings = strings
        self.value = (try? TemplateValueEncoder.encode(strings)) ?? .object(TemplateObject(keys: [], values: []))
    }

    subscript(dynamicMember keyPath: KeyPath<UIStrings, String>) -> String { strings[keyPath: keyPath] }

    func encode(to encoder: any Encoder) throws {
        if let encoder = encoder as? TemplateEncoding {
            encoder.provide(value)
        } else {
            try strings.encode(to: encoder)
        }
    }
}
