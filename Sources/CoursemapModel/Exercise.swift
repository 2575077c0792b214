/// A bank of exercises (课后习题, 实训任务): authored in Coursemap's exercise XML, or imported from
/// Moodle XML or QTI 2.1.
public struct ExerciseBank: Hashable, Sendable, Codable {
    /// Where a bank came from.
    public enum Source: String, Hashable, Sendable, Codable {
        case coursemap
        case moodle
        case qti
    }

    public var id: String
    public var title: LocalizedText
    public var description: LocalizedText?
    /// The course the bank belongs to, if any.
    public var courseID: String?
    public var source: Source
    /// Sections in document order (a bank without sections has one untitled section). Moodle categories
    /// become sections.
    public var sections: [ExerciseSection]
    public var location: SourceLocation

    public init(
        id: String, title: LocalizedText, description: LocalizedText? = nil, courseID: String? = nil,
        source: Source = .coursemap, sections: [ExerciseSection], location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.courseID = courseID
        self.source = source
        self.sections = sections
        self.location = location
    }

    /// Every item, in document order.
    public var items: [ExerciseItem] { sections.flatMap(\.items) }
}

/// A titled group of items within a bank.
public struct ExerciseSection: Hashable, Sendable, Codable {
    public var title: LocalizedText?
    public var items: [ExerciseItem]

    public init(title: LocalizedText? = nil, items: [ExerciseItem]) {
        self.title = title
        self.items = items
    }
}

/// One exercise item.
public struct ExerciseItem: Hashable, Sendable, Codable {
    public var id: String
    public var title: LocalizedText?
    public var usage: ItemUsage
    public var difficulty: Difficulty?
    public var score: Double
    /// The question, as safe HTML. Fill-in-the-blank stems mark each blank with `<span class="blank"
    /// data-blank="N"></span>`.
    public var stem: RichText
    public var body: ItemBody
    /// 解析: why the answer is right. Never published in the student edition for exam items.
    public var explanation: RichText?
    /// Item-level feedback from the source (QTI `feedbackInline`/`modalFeedback`, Moodle general, combined
    /// and per-answer feedback that is not a choice's). Shown after a practice self-check and always in the
    /// teacher edition; never in the student edition of exam items.
    public var feedback: ItemFeedback?
    /// Files the item refers to (imported items only), each checked and published by the pipeline.
    public var assets: [ItemAsset]
    /// The competencies the item assesses (level A).
    public var assesses: [AssessmentClaim]
    /// For imported items, the name the source format knows the item by (Moodle question name, QTI
    /// identifier); sidecar entries are keyed by it.
    public var importKey: String?
    /// Where the item's own source states its usage (the authored `usage` attribute, a Moodle
    /// `coursemap-usage:` tag, QTI metadata); `nil` when the usage is a default. Sidecars use it to name both
    /// places when they disagree with the item (CM317).
    public var usageOrigin: SourceLocation?
    /// Whether the source shows the choices in an order of its own rather than as written (Moodle
    /// `shuffleanswers`, QTI `shuffle="true"`): teachers then often write the right answer first, so exam
    /// items show such choices in a key-free order, labelled by position.
    public var shuffleChoices: Bool
    /// When `shuffleChoices`, the positions (0-based) of choices that keep their place (QTI `fixed="true"`,
    /// such as a last "none of these"); the others are shuffled around them.
    public var fixedChoices: [Int]
    public var location: SourceLocation

    public init(
        id: String, title: LocalizedText? = nil, usage: ItemUsage, difficulty: Difficulty? = nil, score: Double,
        stem: RichText, body: ItemBody, explanation: RichText? = nil, feedback: ItemFeedback? = nil,
        assets: [ItemAsset] = [], assesses: [AssessmentClaim] = [], importKey: String? = nil,
        usageOrigin: SourceLocation? = nil, shuffleChoices: Bool = false, fixedChoices: [Int] = [], location: SourceLocation
    ) {
        self.id = id
        self.title = title
        self.usage = usage
        self.difficulty = difficulty
        self.score = score
        self.stem = stem
        self.body = body
        self.explanation = explanation
        self.feedback = feedback
        self.assets = assets
        self.assesses = assesses
        self.importKey = importKey
        self.usageOrigin = usageOrigin
        self.shuffleChoices = shuffleChoices
        self.fixedChoices = fixedChoices
        self.location = location
    }

    public var kind: ItemKind { body.kind }
}

/// Feedback an item's source gives as a whole, by outcome. Per-choice feedback lives on `Choice`.
public struct ItemFeedback: Hashable, Sendable, Codable {
    /// Shown whatever the answer (Moodle general feedback, QTI feedback not tied to an outcome).
    public var general: RichText?
    public var correct: RichText?
    public var partiallyCorrect: RichText?
    public var incorrect: RichText?

    public init(general: RichText? = nil, correct: RichText? = nil, partiallyCorrect: RichText? = nil, incorrect: RichText? = nil) {
        self.general = general
        self.correct = correct
        self.partiallyCorrect = partiallyCorrect
        self.incorrect = incorrect
    }

    /// Whether there is no feedback at all.
    public var isEmpty: Bool { general == nil && correct == nil && partiallyCorrect == nil && incorrect == nil }
}

/// Practice items are for self-study: their answers are published. Exam items' answers appear only in the
/// teacher edition.
public enum ItemUsage: String, Hashable, Sendable, Codable, CaseIterable {
    case practice
    case exam
}

public enum Difficulty: String, Hashable, Sendable, Codable, CaseIterable {
    case easy
    case medium
    case hard

    public var name: LocalizedText {
        switch self {
        case .easy: return LocalizedText(zh: "容易", en: "Easy")
        case .medium: return LocalizedText(zh: "中等", en: "Medium")
        case .hard: return LocalizedText(zh: "较难", en: "Hard")
        }
    }
}

/// A statement that an item assesses a competency.
public struct AssessmentClaim: Hashable, Sendable, Codable {
    public var competency: CompetencyID
    public var location: SourceLocation

    public init(competency: CompetencyID, location: SourceLocation) {
        self.competency = competency
        self.location = location
    }
}

/// The item types Coursemap knows.
public enum ItemKind: String, Hashable, Sendable, Codable, CaseIterable {
    case singleChoice = "single"
    case multipleChoice = "multiple"
    case trueFalse = "truefalse"
    case fillBlank = "fill"
    case shortAnswer = "short"
    case matching
    case ordering
    case numerical
    case practical
    /// Text without a question (Moodle's "description"): shown, never scored.
    case description
    case hottext
    case associate
    case slider
    case hotspot
    case selectPoint = "selectpoint"
    case graphicOrder = "graphicorder"
    case graphicGapMatch = "graphicgapmatch"
    case graphicAssociate = "graphicassociate"
    /// Several interactions in one item.
    case composite
    /// A poll or Likert scale: shown, never graded.
    case survey
    /// Teacher-marked: a file to hand in, or a drawing.
    case upload
    case drawing

    public var name: LocalizedText {
        switch self {
        case .singleChoice: return LocalizedText(zh: "单选题", en: "Single choice")
        case .multipleChoice: return LocalizedText(zh: "多选题", en: "Multiple choice")
        case .trueFalse: return LocalizedText(zh: "判断题", en: "True / false")
        case .fillBlank: return LocalizedText(zh: "填空题", en: "Fill in the blank")
        case .shortAnswer: return LocalizedText(zh: "简答题", en: "Short answer")
        case .matching: return LocalizedText(zh: "匹配题", en: "Matching")
        case .ordering: return LocalizedText(zh: "排序题", en: "Ordering")
        case .numerical: return LocalizedText(zh: "计算题", en: "Numerical")
        case .practical: return LocalizedText(zh: "实训任务", en: "Practical task")
        case .description: return LocalizedText(zh: "说明", en: "Description")
        case .hottext: return LocalizedText(zh: "文中选词题", en: "Select in text")
        case .associate: return LocalizedText(zh: "配对题", en: "Associate")
        case .slider: return LocalizedText(zh: "滑块题", en: "Slider")
        case .hotspot: return LocalizedText(zh: "图中选区题", en: "Hotspot")
        case .selectPoint: return LocalizedText(zh: "图中选点题", en: "Select a point")
        case .graphicOrder: return LocalizedText(zh: "图中排序题", en: "Order on an image")
        case .graphicGapMatch: return LocalizedText(zh: "图中拖放题", en: "Place on an image")
        case .graphicAssociate: return LocalizedText(zh: "图中连线题", en: "Connect on an image")
        case .composite: return LocalizedText(zh: "组合题", en: "Several parts")
        case .survey: return LocalizedText(zh: "调查题", en: "Survey")
        case .upload: return LocalizedText(zh: "上传题", en: "File upload")
        case .drawing: return LocalizedText(zh: "绘图题", en: "Drawing")
        }
    }
}

/// What an item asks and what its answer is, by type.
public enum ItemBody: Hashable, Sendable, Codable {
    /// Exactly one choice is correct.
    case singleChoice([Choice])
    /// One or more choices are correct.
    case multipleChoice([Choice])
    case trueFalse(answer: Bool)
    /// One entry per blank in the stem, in order, each with its accepted answers.
    case fillBlank([Blank])
    /// A reference answer and the points a marker looks for.
    case shortAnswer(reference: RichText?, points: [MarkingPoint])
    /// Pairs in their correct matching; pages show the right-hand side in a fixed order that, for exam items,
    /// does not depend on the matching. Several pairs may share one right-hand side (equal `RichText`): it is
    /// one target, offered once. `distractors` are right-hand sides that match no left item (Moodle answers
    /// with an empty question, QTI match choices nothing is paired with).
    case matching([MatchPair], distractors: [RichText] = [])
    /// Steps in their correct order; pages show them in a fixed order that, for exam items, does not depend
    /// on the correct one.
    case ordering([RichText])
    case numerical([NumericAnswer])
    case practical(PracticalTask)
    case description
    case hottext(HottextTask)
    case associate(AssociateTask)
    case slider(SliderTask)
    case hotspot(HotspotTask)
    case selectPoint(SelectPointTask)
    case graphicOrder(GraphicOrderTask)
    case graphicGapMatch(GraphicGapMatchTask)
    case graphicAssociate(GraphicAssociateTask)
    /// Several interactions, each with the text that leads to it (the item's stem comes first).
    case composite([ItemPart])
    case survey(SurveyTask)
    /// Teacher-marked: a file handed in; a drawing (on `image` when the source gives one).
    case upload
    case drawing(ItemImage?)

    public var kind: ItemKind {
        switch self {
        case .singleChoice: return .singleChoice
        case .multipleChoice: return .multipleChoice
        case .trueFalse: return .trueFalse
        case .fillBlank: return .fillBlank
        case .shortAnswer: return .shortAnswer
        case .matching: return .matching
        case .ordering: return .ordering
        case .numerical: return .numerical
        case .practical: return .practical
        case .description: return .description
        case .hottext: return .hottext
        case .associate: return .associate
        case .slider: return .slider
        case .hotspot: return .hotspot
        case .selectPoint: return .selectPoint
        case .graphicOrder: return .graphicOrder
        case .graphicGapMatch: return .graphicGapMatch
        case .graphicAssociate: return .graphicAssociate
        case .composite: return .composite
        case .survey: return .survey
        case .upload: return .upload
        case .drawing: return .drawing
        }
    }
}

public struct Choice: Hashable, Sendable, Codable {
    /// A, B, C … in authored order.
    public var label: String
    public var text: RichText
    public var correct: Bool
    /// Feedback shown after answering, when the source has it.
    public var feedback: RichText?

    public init(label: String, text: RichText, correct: Bool, feedback: RichText? = nil) {
        self.label = label
        self.text = text
        self.correct = correct
        self.feedback = feedback
    }
}

public struct Blank: Hashable, Sendable, Codable {
    /// Accepted answers; the first is the one shown in answer keys.
    public var accepted: [String]
    /// Options when the blank is a drop-down (QTI inline choice, gap match); empty for typed answers.
    public var options: [String]
    public var caseSensitive: Bool
    /// Whether accepted answers use Moodle's short-answer wildcard: `*` matches any run of characters (none
    /// too), `\*` is an asterisk. Only imported Moodle short answers set it.
    public var wildcard: Bool

    public init(accepted: [String], options: [String] = [], caseSensitive: Bool = false, wildcard: Bool = false) {
        self.accepted = accepted
        self.options = options
        self.caseSensitive = caseSensitive
        self.wildcard = wildcard
    }

    enum CodingKeys: String, CodingKey {
        case accepted, options, caseSensitive, wildcard
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        accepted = try container.decode([String].self, forKey: .accepted)
        options = try container.decode([String].self, forKey: .options)
        caseSensitive = try container.decode(Bool.self, forKey: .caseSensitive)
        wildcard = try container.decodeIfPresent(Bool.self, forKey: .wildcard) ?? false
    }
}

public struct MarkingPoint: Hashable, Sendable, Codable {
    public var text: RichText
    public var score: Double?

    public init(text: RichText, score: Double? = nil) {
        self.text = text
        self.score = score
    }
}

public struct MatchPair: Hashable, Sendable, Codable {
    public var left: RichText
    public var right: RichText

    public init(left: RichText, right: RichText) {
        self.left = left
        self.right = right
    }
}

public struct NumericAnswer: Hashable, Sendable, Codable {
    public var value: Double
    public var tolerance: Double
    /// Moodle fraction in percent (100 = fully correct).
    public var fraction: Double

    public init(value: Double, tolerance: Double = 0, fraction: Double = 100) {
        self.value = value
        self.tolerance = tolerance
        self.fraction = fraction
    }
}

/// 实训任务: a practical task with a scenario, steps, datasets, a deliverable and a rubric.
public struct PracticalTask: Hashable, Sendable, Codable {
    public var scenario: RichText
    public var steps: [RichText]
    public var datasets: [Dataset]
    public var deliverable: RichText
    public var rubric: [RubricCriterion]

    public init(scenario: RichText, steps: [RichText], datasets: [Dataset], deliverable: RichText, rubric: [RubricCriterion]) {
        self.scenario = scenario
        self.steps = steps
        self.datasets = datasets
        self.deliverable = deliverable
        self.rubric = rubric
    }
}

/// A data file of a practical task, under `Content/`.
public struct Dataset: Hashable, Sendable, Codable {
    /// Path relative to the content root.
    public var path: String
    public var title: LocalizedText
    public var location: SourceLocation

    public init(path: String, title: LocalizedText, location: SourceLocation) {
        self.path = path
        self.title = title
        self.location = location
    }
}

public struct RubricCriterion: Hashable, Sendable, Codable {
    public var name: RichText
    /// From best to worst, each with its points.
    public var levels: [RubricLevel]

    public init(name: RichText, levels: [RubricLevel]) {
        self.name = name
        self.levels = levels
    }

    public var maxPoints: Double { levels.map(\.points).max() ?? 0 }
}

public struct RubricLevel: Hashable, Sendable, Codable {
    public var points: Double
    public var description: RichText

    public init(points: Double, description: RichText) {
        self.points = points
        self.description = description
    }
}
