import CoursemapModel

/// Writes an item's own feedback (`ItemFeedback`: general, correct, partially correct, incorrect) as QTI
/// `modalFeedback`s, with the outcomes and rules that show each at the right time:
///
/// - general feedback: outcome `FEEDBACKGENERAL`, whose default value `general` shows it after every attempt;
/// - correct / partially correct / incorrect: outcome `FEEDBACKMODAL`, set after scoring by comparing
///   `SCORE` with `MAXSCORE` (`correct` when equal or above, `partially_correct` above 0, else
///   `incorrect`). QTI's response-processing templates cannot be extended, so `match_correct` and
///   `map_response` are written out as the rules they stand for first. Items Coursemap writes no
///   processing for (short answers, practical tasks) keep the feedback without a rule.
///
/// The identifiers are the names QTI tools (and Coursemap's importer) read as those outcomes.
enum QTIItemFeedbackWriter {
    static let general = "FEEDBACKGENERAL"
    static let modal = "FEEDBACKMODAL"

    static func outcomes(_ feedback: ItemFeedback) -> [QTINode] {
        var out: [QTINode] = []
        if feedback.general != nil {
            out.append(.element(
                "outcomeDeclaration", [("identifier", general), ("cardinality", "single"), ("baseType", "identifier")],
                [.element("defaultValue", [], [.leaf("value", [], "general")])]))
        }
        if feedback.correct != nil || feedback.partiallyCorrect != nil || feedback.incorrect != nil {
            out.append(.element("outcomeDeclaration", [("identifier", modal), ("cardinality", "single"), ("baseType", "identifier")]))
        }
        return out
    }

    static func modalFeedbacks(_ feedback: ItemFeedback) -> [QTINode] {
        let entries: [(RichText?, String, String, String)] = [
            (feedback.general, general, "general", "反馈"),
            (feedback.correct, modal, "correct", "回答正确"),
            (feedback.partiallyCorrect, modal, "partially_correct", "部分正确"),
            (feedback.incorrect, modal, "incorrect", "回答错误"),
        ]
        return entries.compactMap { text, outcome, identifier, title in
            guard let text else { return nil }
            var converter = QTIXHTMLConverter()
            return .compact(
                "modalFeedback", [("outcomeIdentifier", outcome), ("showHide", "show"), ("identifier", identifier), ("title", title)],
                converter.convert(text.html))
        }
    }

    /// The item's processing with the rule that sets `FEEDBACKMODAL` after it, when the feedback needs one.
    static func processing(_ processing: QTINode?, feedback: ItemFeedback, templates: String) -> QTINode? {
        guard let processing, feedback.correct != nil || feedback.partiallyCorrect != nil || feedback.incorrect != nil,
            case let .element(_, attributes, children, _) = processing
        else { return processing }
        var rules = children
        if let template = attributes.first(where: { $0.0 == "template" })?.1 {
            switch template {
            case templates + "match_correct":
                rules = [.element("responseCondition", [], [
                    .element("responseIf", [], [
                        .element("match", [], [.element("variable", [("identifier", "RESPONSE")]), .element("correct", [("identifier", "RESPONSE")])]),
                        .element("setOutcomeValue", [("identifier", "SCORE")], [.element("variable", [("identifier", "MAXSCORE")])]),
                    ]),
                    .element("responseElse", [], [
                        .element("setOutcomeValue", [("identifier", "SCORE")], [.leaf("baseValue", [("baseType", "float")], "0")])
                    ]),
                ])]
            case templates + "map_response":
                rules = [.element("responseCondition", [], [
                    .element("responseIf", [], [
                        .element("isNull", [], [.element("variable", [("identifier", "RESPONSE")])]),
                        .element("setOutcomeValue", [("identifier", "SCORE")], [.leaf("baseValue", [("baseType", "float")], "0")]),
                    ]),
                    .element("responseElse", [], [
                        .element("setOutcomeValue", [("identifier", "SCORE")], [.element("mapResponse", [("identifier", "RESPONSE")])])
                    ]),
                ])]
            default:
                return processing
            }
        }
        func set(_ value: String) -> QTINode {
            .element("setOutcomeValue", [("identifier", modal)], [.leaf("baseValue", [("baseType", "identifier")], value)])
        }
        rules.append(.element("responseCondition", [], [
            .element("responseIf", [], [
                .element("gte", [], [.element("variable", [("identifier", "SCORE")]), .element("variable", [("identifier", "MAXSCORE")])]),
                set("correct"),
            ]),
            .element("responseElseIf", [], [
                .element("gt", [], [.element("variable", [("identifier", "SCORE")]), .leaf("baseValue", [("baseType", "float")], "0")]),
                set("partially_correct"),
            ]),
            .element("responseElse", [], [set("incorrect")]),
        ]))
        return .element("responseProcessing", [], rules)
    }
}
