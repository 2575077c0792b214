/// Page contexts for exercise banks and items.

struct BankPage: Sendable, Encodable {
    let chrome: Chrome
    let ui: UIText
    let title: BiText
    let description: BiText?
    let courseHref: String?
    let courseTitle: String?
    let source: String?
    let itemCount: Int
    let answerSheetHref: String?
    /// Student edition of a bank with exam items: a notice at the top that they show no answers.
    let examNotice: Bool
    /// The bank id, under which the self-check keeps answers in `localStorage`.
    let bankID: String
    /// Whether the bank has practice items with a self-check (the bank's check-all, reset and score bar).
    let hasSelfcheck: Bool
    let gradedCount: Int
    /// The total score of the self-checked items.
    let gradedTotal: String
    /// The section menu of long banks (`PageBuilder.showsContents`); empty otherwise.
    let contents: [BankContentsSection]
    let sections: [SectionView]
}

struct SectionView: Sendable, Encodable {
    let sectionTitle: BiText?
    let anchor: String
    let items: [ItemView]
}

/// A section of a bank's menu, with a link per item.
struct BankContentsSection: Sendable, Encodable {
    let sectionTitle: BiText?
    let anchor: String
    let items: [BankContentsItem]
}

struct BankContentsItem: Sendable, Encodable {
    let anchor: String
    let number: Int
    let kindName: String
}

struct ItemPage: Sendable, Encodable {
    let chrome: Chrome
    let ui: UIText
    let bankHref: String
    let bankTitle: String
    let item: ItemView
}

struct AnswerSheetPage: Sendable, Encodable {
    let chrome: Chrome
    let ui: UIText
    let title: String
    let bankHref: String
    let sections: [AnswerSection]
    let totalScore: String
}

struct AnswerSection: Sendable, Encodable {
    let sectionTitle: String?
    let rows: [AnswerRow]
    /// The `lang` of `sectionTitle`, and of the answers (the bank's content), when not the page's language.
    var sectionTitleLang: String? = nil
    var answerLang: String? = nil
}

struct AnswerRow: Sendable, Encodable {
    let number: Int
    let href: String
    let kind: String
    let usage: String
    let score: String
    let answer: AnswerSummary
}

/// An item shown inside a module.
struct EmbeddedItem: Sendable, Encodable {
    let ui: UIText
    let bankHref: String
    let bankTitle: String
    let item: ItemView
}

/// An item embedded a second time on one page: a link to its first copy.
struct EmbeddedItemAgain: Sendable, Encodable {
    let ui: UIText
    let anchor: String
}

/// A bank shown inside a module: a card linking to it.
struct BankCard: Sendable, Encodable {
    let ui: UIText
    let href: String
    let title: BiText
    let description: BiText?
    let items: Int
    let practice: Int
    let exam: Int
}

struct BankIndexPage: Sendable, Encodable {
    let chrome: Chrome
    let ui: UIText
    let title: String
    let banks: [BankRow]
}

struct BankRow: Sendable, Encodable {
    let href: String
    let title: BiText
    let course: String?
    let items: Int
    let practice: Int
    let exam: Int
    let practical: Int
    let source: String?
}

/// One item as the templates render it. In the student edition an exam item has no answer, no
/// explanation, no answer key and no correct markers: nothing about its answer reaches the page.
struct ItemView: Sendable, Encodable {
    let id: String
    let anchor: String
    let href: String
    let number: Int
    /// The bank the item belongs to (the self-check's storage key).
    let bank: String
    /// The item's score, for the self-check's score (items with a self-check only).
    let scoreValue: String?
    /// Item-level feedback; empty when the edition must not show it.
    let feedback: [FeedbackView]
    /// Student edition: feedback is hidden until a self-check reveals it.
    let feedbackHidden: Bool
    let inputName: String
    let kind: String
    let kindName: String
    let usage: String
    let usageLabel: String
    let itemDifficulty: String?
    let score: String
    /// Named apart from page and section titles: a nil value must not let Mustache find an outer `title`.
    let itemTitle: String?
    let stem: String
    let isChoice: Bool
    let isTrueFalse: Bool
    let isFill: Bool
    let isNumerical: Bool
    let isMatching: Bool
    let isOrdering: Bool
    let isShort: Bool
    let isPractical: Bool
    let choices: [ChoiceView]
    let blanks: [BlankView]
    let matchRows: [MatchRowView]
    /// The right-hand sides of a matching item, in their displayed (shuffled) order, numbered.
    let matchOptions: [MatchOption]
    let orderSteps: [OrderStepView]
    let practical: PracticalView?
    /// Hottext, associate, slider, graphic and teacher-marked items (`InteractionViews.swift`).
    let interaction: InteractionView?
    let isSurvey: Bool
    /// The parts of an item with several interactions.
    let parts: [PartView]
    /// Present when answers may be shown: practice items, and every item in the teacher edition.
    let answer: AnswerView?
    /// JSON for the self-check script (practice items only).
    let answerKey: String?
    let competencies: [AssessedItem]
    /// The `lang` of the item's content (stem, choices) and of its title when they are not the page's.
    var itemLang: String? = nil
    var itemTitleLang: String? = nil
}

struct ChoiceView: Sendable, Encodable {
    let label: String
    let value: String
    let html: String
    let inputType: String
    let correct: Bool
    /// The choice's own feedback (named apart from the item's `feedback`, which a nil value would find).
    let choiceFeedback: String?
}

/// One block of item-level feedback: when it applies (`correct`, `partial`, `incorrect`, `general`).
struct FeedbackView: Sendable, Encodable {
    let when: String
    let label: String
    let html: String
}

struct BlankView: Sendable, Encodable {
    let number: Int
    let hasOptions: Bool
    let options: [String]
}

struct MatchRowView: Sendable, Encodable {
    let index: Int
    let left: String
    let options: [Int]
}

struct MatchOption: Sendable, Encodable {
    let value: Int
    let html: String
}

struct OrderStepView: Sendable, Encodable {
    let value: Int
    let html: String
    let positions: [Int]
}

struct PracticalView: Sendable, Encodable {
    let scenario: String
    let steps: [String]
    let datasets: [DatasetView]
    let deliverable: String
    let rubric: [RubricRow]
    let levelCount: Int
    let maxPoints: String
}

struct DatasetView: Sendable, Encodable {
    let href: String
    let title: String
    let fileName: String
    /// The `lang` of `title` when it is not the page's language.
    var titleLang: String? = nil
}

struct RubricRow: Sendable, Encodable {
    let criterion: String
    let levels: [RubricCell]
    let maxPoints: String
}

struct RubricCell: Sendable, Encodable {
    let points: String
    let description: String
}

struct AnswerView: Sendable, Encodable {
    let hasSummary: Bool
    let summary: AnswerSummary
    let explanation: String?
}

/// An item's answer in words, for the `answer-summary` template: plain text (escaped there), the model's
/// HTML of a reference answer and its marking points, matching pairs or ordering steps. Every field is
/// present, empty when unused, so no template lookup falls through to an enclosing context.
struct AnswerSummary: Sendable, Encodable {
    var text = ""
    var html = ""
    var points: [Point] = []
    var pairs: [Pair] = []
    var steps: [String] = []
    /// The answers of an item's parts, numbered (an item of several parts).
    var parts: [PartAnswer] = []
    var hasPoints: Bool { !points.isEmpty }
    var hasParts: Bool { !parts.isEmpty }
    var hasPairs: Bool { !pairs.isEmpty }
    var hasSteps: Bool { !steps.isEmpty }

    struct Point: Sendable, Encodable {
        let html: String
        /// "5 分", or empty.
        let score: String
    }

    struct Pair: Sendable, Encodable {
        let left: String
        let right: String
    }

    /// The answer of part `number` of an item.
    struct PartAnswer: Sendable, Encodable {
        let number: Int
        let summary: AnswerSummary
    }

    enum CodingKeys: String, CodingKey {
        case text, html, points, pairs, steps, parts, hasPoints, hasPairs, hasSteps, hasParts
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(html, forKey: .html)
        try container.encode(points, forKey: .points)
        try container.encode(pairs, forKey: .pairs)
        try container.encode(steps, forKey: .steps)
        try container.encode(hasPoints, forKey: .hasPoints)
        try container.encode(hasPairs, forKey: .hasPairs)
        try container.encode(hasSteps, forKey: .hasSteps)
        try container.encode(parts, forKey: .parts)
        try container.encode(hasParts, forKey: .hasParts)
    }
}

/// A competency an item assesses, or an item that assesses a competency.
struct AssessedItem: Sendable, Encodable {
    let href: String
    let label: String
    let detail: String
    /// A competency's full id (`b2b-data:中级:3.2.1`) when `label` is its short code; shown as a tooltip.
    var reference: String? = nil
    /// The `lang` of `label` and of `detail` when they are not the page's language.
    var labelLang: String? = nil
    var detailLang: String? = nil
}
