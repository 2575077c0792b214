import CoursemapModel
import CoursemapXML

/// Where the content of a QTI `modalFeedback`, `feedbackBlock` or `feedbackInline` goes in the model.
enum QTIFeedbackSlot: Hashable {
    case general, correct, partiallyCorrect, incorrect
    /// Feedback on one choice (by its identifier) of a choice interaction.
    case choice(String)
}

/// What an item's `responseProcessing` says about its feedback outcomes: which value of which outcome it
/// sets when the response is correct (a `responseIf` whose condition matches the response with its
/// `correct` value, alone or in an `and`) or not (the `responseElse` after such a test, or a `not` of it),
/// and which outcomes it sets to the response itself (their values are choice identifiers). A feedback
/// element is then placed by its `outcomeIdentifier`, `identifier` and `showHide`; identifiers named
/// `correct`, `incorrect`, `partially_correct` (and the like) are placed by name; anything else is general
/// feedback, shown whatever the answer — never dropped.
struct QTIFeedbackRules {
    private(set) var values: [String: [String: QTIFeedbackSlot]] = [:]
    private(set) var fromResponse: Set<String> = []
    /// Bounds the walk through nested conditions (deeper rules are not read for feedback).
    static let maximumDepth = 32

    init(_ root: XMLElement) {
        guard let processing = root.first("responseProcessing") else { return }
        walk(processing.elements, context: nil, depth: 0)
    }

    private mutating func walk(_ rules: [XMLElement], context: QTIFeedbackSlot?, depth: Int) {
        guard depth < Self.maximumDepth else { return }
        for rule in rules {
            switch rule.name {
            case "responseCondition":
                var testedCorrect: Bool?
                for branch in rule.elements {
                    switch branch.name {
                    case "responseIf", "responseElseIf":
                        let condition = branch.elements.first
                        let test = condition.flatMap(Self.testsCorrect)
                        testedCorrect = testedCorrect ?? test
                        let slot: QTIFeedbackSlot? = test.map { $0 ? .correct : .incorrect } ?? condition.flatMap(testsOutcome)
                        walk(Array(branch.elements.dropFirst()), context: slot ?? context, depth: depth + 1)
                    case "responseElse":
                        let slot: QTIFeedbackSlot? = testedCorrect.map { $0 ? .incorrect : .correct }
                        walk(branch.elements, context: slot ?? context, depth: depth + 1)
                    default:
                        continue
                    }
                }
            case "setOutcomeValue":
                let outcome = QTIText.clean(rule.attributes["identifier"] ?? "")
                guard let expression = rule.elements.first else { continue }
                // A value, or (TAO's pattern) the outcome's own values plus one: `<multiple><variable/><baseValue/></multiple>`.
                let set = expression.name == "multiple" ? expression.elements.filter { $0.name == "baseValue" } : [expression].filter { $0.name == "baseValue" }
                if !set.isEmpty {
                    guard let context else { continue }
                    for base in set {
                        let value = QTIText.clean(base.text)
                        if values[outcome]?[value] == nil { values[outcome, default: [:]][value] = context }
                    }
                } else if expression.name == "variable" {
                    fromResponse.insert(outcome)
                }
            default:
                continue
            }
        }
    }

    /// The slot of a test that an outcome set earlier has a value already placed (`match` of that outcome's
    /// variable and a base value, alone or in an `and`), as TAO writes its modal feedback rules.
    private func testsOutcome(_ condition: XMLElement) -> QTIFeedbackSlot? {
        switch condition.name {
        case "match":
            guard condition.elements.count == 2,
                let variable = condition.elements.first(where: { $0.name == "variable" }),
                let base = condition.elements.first(where: { $0.name == "baseValue" })
            else { return nil }
            return values[QTIText.clean(variable.attributes["identifier"] ?? "")]?[QTIText.clean(base.text)]
        case "and":
            let parts = condition.elements.map(testsOutcome)
            guard let first = parts.first ?? nil, parts.allSatisfy({ $0 == first }) else { return nil }
            return first
        default:
            return nil
        }
    }

    /// `true` for a test that the response is correct, `false` for its negation, `nil` for anything else.
    private static func testsCorrect(_ condition: XMLElement) -> Bool? {
        switch condition.name {
        case "match":
            let names = condition.elements.map(\.name)
            return names.count == 2 && names.contains("correct") && names.contains("variable") ? true : nil
        case "and":
            let parts = condition.elements.map(testsCorrect)
            return !parts.isEmpty && parts.allSatisfy { $0 == true } ? true : nil
        case "not":
            guard condition.elements.count == 1, let inner = testsCorrect(condition.elements[0]) else { return nil }
            return !inner
        default:
            return nil
        }
    }

    /// The slot for a feedback element.
    func slot(_ feedback: XMLElement, choices: Set<String>) -> QTIFeedbackSlot {
        let outcome = QTIText.clean(feedback.attributes["outcomeIdentifier"] ?? "")
        let identifier = QTIText.clean(feedback.attributes["identifier"] ?? "")
        var slot = values[outcome]?[identifier]
        if slot == nil, fromResponse.contains(outcome), choices.contains(identifier) { slot = .choice(identifier) }
        if slot == nil { slot = Self.byName(identifier) }
        guard let slot else { return .general }
        guard QTIText.clean(feedback.attributes["showHide"] ?? "show") == "hide" else { return slot }
        // Hidden when the outcome has the value: shown in the opposite case, where there is one.
        switch slot {
        case .correct: return .incorrect
        case .incorrect: return .correct
        default: return .general
        }
    }

    private static func byName(_ identifier: String) -> QTIFeedbackSlot? {
        let name = identifier.lowercased().filter { $0.isLetter }
        switch name {
        case "correct", "right", "feedbackcorrect", "correctfeedback": return .correct
        case "incorrect", "wrong", "feedbackincorrect", "incorrectfeedback": return .incorrect
        case "partial", "partiallycorrect", "partlycorrect", "partiallycorrectfeedback": return .partiallyCorrect
        default: return nil
        }
    }
}
