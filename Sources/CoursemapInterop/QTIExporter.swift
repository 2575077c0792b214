import CoursemapModel
import CoursemapXML

/// Exports an exercise bank as a QTI 2.1 content package: `imsmanifest.xml` and one `items/<id>.xml` per
/// item. What QTI has no slot for (Coursemap id, usage, difficulty, score, title, competencies) travels in
/// a `<rubricBlock view="author" class="coursemap-meta">` in each item body, so `QTIImporter` restores the
/// item from its file alone; the manifest repeats it for other tools.
public enum QTIExporter {
    static let schemaLocation = "http://www.imsglobal.org/xsd/imsqti_v2p1 http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
    static let templates = "http://www.imsglobal.org/question/qti_v2p1/rptemplates/"
    static let contentPackaging = "http://www.imsglobal.org/xsd/imscp_v1p1"
    static let qtiMetadata = "http://www.imsglobal.org/xsd/imsqti_metadata_v2p1"
    /// Coursemap's own manifest metadata.
    public static let coursemapMetadata = "urn:coursemap:qti-metadata:1"
    static let xsi = "http://www.w3.org/2001/XMLSchema-instance"

    /// An IMS content package layout: "imsmanifest.xml" plus one "items/<item id>.xml" per item (file name → text).
    public static func export(_ bank: ExerciseBank) -> (files: [String: String], diagnostics: [Diagnostic]) {
        var files: [String: String] = [:]
        var diagnostics: [Diagnostic] = []
        var resources: [QTINode] = []
        var used: [String: String] = [:]  // lower-cased file name → item id
        var references: [[QTITestWriter.Reference]] = []
        for section in bank.sections {
            references.append([])
            for item in section.items {
                var name = QTIText.coursemapID(from: item.id)
                if let first = used[name.lowercased()] {
                    var counter = 2
                    while used["\(name)-\(counter)".lowercased()] != nil { counter += 1 }
                    diagnostics.append(.warning(
                        .duplicateID, at: item.location,
                        "item id '\(item.id)' gives the same QTI file name as item '\(first)'; it is exported as '\(name)-\(counter)'"))
                    name = "\(name)-\(counter)"
                }
                used[name.lowercased()] = item.id
                var writer = QTIItemWriter(item: item, identifier: QTIText.qtiIdentifier(for: name))
                let root = writer.write()
                diagnostics += writer.diagnostics
                let path = "items/\(name).xml"
                files[path] = QTIXMLWriter.document(root)
                resources.append(resource(item, writer: writer, path: path, section: section))
                references[references.count - 1].append(.init(identifier: writer.identifier, href: path))
            }
        }
        // The sections, as an assessmentTest that refers to every item (QTI's own way to group items).
        files[QTITestWriter.path] = QTIXMLWriter.document(QTITestWriter.test(bank, sections: references))
        let itemResources = references.joined().map { "ITEM-" + $0.identifier }
        resources.append(.element("resource", [("identifier", "TEST-" + QTIText.coursemapID(from: bank.id)), ("type", "imsqti_test_xmlv2p1"), ("href", QTITestWriter.path)], [
            .element("file", [("href", QTITestWriter.path)])
        ] + itemResources.map { .element("dependency", [("identifierref", $0)]) }))
        files["imsmanifest.xml"] = QTIXMLWriter.document(manifest(bank, resources: resources))
        return (files, diagnostics)
    }

    private static func manifest(_ bank: ExerciseBank, resources: [QTINode]) -> QTINode {
        var bankMetadata: [QTINode] = [.leaf("cm:title", [("xml:lang", "zh-CN")], bank.title.zh)]
        if let en = bank.title.en { bankMetadata.append(.leaf("cm:title", [("xml:lang", "en")], en)) }
        if let course = bank.courseID { bankMetadata.append(.leaf("cm:course", [], course)) }
        return .element("manifest", [
            ("xmlns", contentPackaging), ("xmlns:imsqti", qtiMetadata), ("xmlns:cm", coursemapMetadata), ("xmlns:xsi", xsi),
            ("xsi:schemaLocation", "\(contentPackaging) http://www.imsglobal.org/xsd/qti/qtiv2p1/qtiv2p1_imscpv1p2_v1p0.xsd \(qtiMetadata) http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_metadata_v2p1.xsd"),
            ("identifier", "MANIFEST-" + QTIText.coursemapID(from: bank.id)),
        ], [
            .element("metadata", [], [
                .leaf("schema", [], "QTIv2.1 Package"),
                .leaf("schemaversion", [], "1.0.0"),
                .element("cm:bank", [("id", bank.id)], bankMetadata),
            ]),
            .element("organizations"),
            .element("resources", [], resources),
        ])
    }

    private static func resource(_ item: ExerciseItem, writer: QTIItemWriter, path: String, section: ExerciseSection) -> QTINode {
        var qti: [QTINode] = [.leaf("imsqti:timeDependent", [], "false")]
        if writer.interactionTypes.count > 1 { qti.append(.leaf("imsqti:composite", [], "true")) }
        for type in orderedUnique(writer.interactionTypes) { qti.append(.leaf("imsqti:interactionType", [], type)) }
        let hasFeedback = item.explanation != nil || writer.usesFeedback || !(item.feedback?.isEmpty ?? true)
        qti.append(.leaf("imsqti:feedbackType", [], hasFeedback ? "nonadaptive" : "none"))
        qti.append(.leaf("imsqti:solutionAvailable", [], item.explanation == nil ? "false" : "true"))
        qti.append(.leaf("imsqti:toolName", [], "Coursemap"))

        var attributes: [(String, String)] = [("id", item.id), ("kind", item.kind.rawValue), ("usage", item.usage.rawValue)]
        if let difficulty = item.difficulty { attributes.append(("difficulty", difficulty.rawValue)) }
        attributes.append(("score", QTIText.number(item.score)))
        var coursemap: [QTINode] = []
        if let title = section.title { coursemap.append(.leaf("cm:section", [], title.zh)) }
        for claim in item.assesses { coursemap.append(.leaf("cm:assesses", [], claim.competency.description)) }
        return .element("resource", [("identifier", "ITEM-" + writer.identifier), ("type", "imsqti_item_xmlv2p1"), ("href", path)], [
            .element("metadata", [], [
                .element("imsqti:qtiMetadata", [], qti),
                .element("cm:item", attributes, coursemap),
            ]),
            .element("file", [("href", path)]),
        ])
    }

    private static func orderedUnique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}

/// Writes one item as a QTI 2.1 `assessmentItem`.
struct QTIItemWriter {
    let item: ExerciseItem
    let identifier: String
    var diagnostics: [Diagnostic] = []
    var interactionTypes: [String] = []

    var declarations: [QTINode] = []
    var body: [QTINode] = []
    var processing: QTINode?
    /// Whether a choice has feedback of its own.
    private(set) var usesFeedback = false

    init(item: ExerciseItem, identifier: String) {
        self.item = item
        self.identifier = identifier
    }

    mutating func warn(_ message: String) {
        diagnostics.append(.warning(.invalidItem, at: item.location, "item '\(item.id)': \(message)"))
    }

    mutating func write() -> QTINode {
        body = [meta()]
        switch item.body {
        case let .singleChoice(choices):
            if choices.count(where: \.correct) != 1 { warn("a single-choice item should have exactly one correct choice") }
            choice(choices.map { ($0.text, $0.correct, $0.feedback, $0.label) }, single: true)
        case let .multipleChoice(choices):
            if !choices.contains(where: \.correct) { warn("a multiple-choice item has no correct choice") }
            choice(choices.map { ($0.text, $0.correct, $0.feedback, $0.label) }, single: false)
        case let .trueFalse(answer):
            body.append(stem())
            declarations.append(Self.declaration("RESPONSE", "single", "identifier", correct: [answer ? "true" : "false"]))
            body.append(.element("choiceInteraction", [("responseIdentifier", "RESPONSE"), ("shuffle", "false"), ("maxChoices", "1")], [
                .leaf("simpleChoice", [("identifier", "true")], "正确"),
                .leaf("simpleChoice", [("identifier", "false")], "错误"),
            ]))
            interactionTypes.append("choiceInteraction")
            processing = Self.template("match_correct")
        case let .fillBlank(blanks):
            fill(blanks)
        case let .shortAnswer(reference, points):
            shortAnswer(reference: reference, points: points)
        case let .matching(pairs, distractors):
            matching(pairs, distractors: distractors)
        case let .ordering(steps):
            ordering(steps)
        case let .numerical(answers):
            numerical(answers)
        case let .practical(task):
            practical(task)
        case .description:
            body.append(stem(classes: "\(QTIClass.stem) \(QTIClass.description)"))
        default:
            writeMore()
        }

        var outcomes: [QTINode] = []
        var score: [(String, String)] = [("identifier", "SCORE"), ("cardinality", "single"), ("baseType", "float")]
        if item.score > 0 { score.append(("normalMaximum", QTIText.number(item.score))) }
        outcomes.append(.element("outcomeDeclaration", score, [.element("defaultValue", [], [.leaf("value", [], "0")])]))
        outcomes.append(.element(
            "outcomeDeclaration", [("identifier", "MAXSCORE"), ("cardinality", "single"), ("baseType", "float")],
            [.element("defaultValue", [], [.leaf("value", [], QTIText.number(item.score))])]))
        if item.explanation != nil || usesFeedback {
            // FEEDBACK defaults to SOLUTION, so the explanation shows after every submission.
            outcomes.append(.element(
                "outcomeDeclaration", [("identifier", "FEEDBACK"), ("cardinality", "single"), ("baseType", "identifier")],
                [.element("defaultValue", [], [.leaf("value", [], "SOLUTION")])]))
        }

        let feedback = item.feedback ?? ItemFeedback()
        outcomes += QTIItemFeedbackWriter.outcomes(feedback)

        var children = declarations + outcomes
        children.append(.element("itemBody", [], body))
        if let processing = QTIItemFeedbackWriter.processing(processing, feedback: feedback, templates: QTIExporter.templates) {
            children.append(processing)
        }
        if let explanation = item.explanation {
            var converter = QTIXHTMLConverter()
            converter.assets = item.assets
            children.append(.compact(
                "modalFeedback",
                [("outcomeIdentifier", "FEEDBACK"), ("showHide", "show"), ("identifier", "SOLUTION"), ("title", "解析")],
                converter.convert(explanation.html)))
        }
        children += QTIItemFeedbackWriter.modalFeedbacks(feedback)
        // Rich text follows HTML's rules; QTI's schema is stricter (inline-only feedbackInline, tbody …).
        return QTIContentModel.fit(.element("assessmentItem", [
            ("xmlns", QTIImporter.namespace), ("xmlns:xsi", QTIExporter.xsi),
            ("xsi:schemaLocation", QTIExporter.schemaLocation), ("identifier", identifier), ("title", title()),
            ("adaptive", "false"), ("timeDependent", "false"), ("xml:lang", "zh-CN"), ("toolName", "Coursemap"),
        ], children))
    }

    private func title() -> String {
        if let title = item.title?.zh, !QTIText.isBlank(title) { return QTIText.clean(title) }
        var converter = QTIXHTMLConverter()
        let text = QTIText.clean(converter.convert(item.stem.html).map(\.plainText).joined(separator: " "))
        if text.isEmpty { return item.id }
        return text.count > 40 ? String(text.prefix(40)) + "…" : text
    }

    // MARK: Parts

    /// The hidden block with what QTI has no slot for.
    private func meta() -> QTINode {
        var fields: [QTINode] = [
            .leaf("div", [("class", QTIClass.id)], item.id),
            .leaf("div", [("class", QTIClass.usage)], item.usage.rawValue),
        ]
        if let difficulty = item.difficulty { fields.append(.leaf("div", [("class", QTIClass.difficulty)], difficulty.rawValue)) }
        fields.append(.leaf("div", [("class", QTIClass.score)], QTIText.number(item.score)))
        if let title = item.title {
            fields.append(.leaf("div", [("class", QTIClass.title)], title.zh))
            if let en = title.en { fields.append(.leaf("div", [("class", QTIClass.titleEnglish), ("xml:lang", "en")], en)) }
        }
        if !item.assesses.isEmpty {
            fields.append(.element(
                "ul", [("class", QTIClass.assesses)], item.assesses.map { .leaf("li", [], $0.competency.description) }))
        }
        return .element("rubricBlock", [("view", "author"), ("class", QTIClass.meta)], fields)
    }

    func stem(classes: String = QTIClass.stem) -> QTINode {
        var converter = QTIXHTMLConverter()
        converter.assets = item.assets
        return .compact("div", [("class", classes)], converter.convert(item.stem.html))
    }

    func rich(_ text: RichText) -> [QTINode] {
        var converter = QTIXHTMLConverter()
        converter.assets = item.assets
        return converter.convert(text.html)
    }

    static func declaration(
        _ identifier: String, _ cardinality: String, _ baseType: String, correct: [String],
        mapping: [(key: String, value: Double, caseSensitive: Bool)] = []
    ) -> QTINode {
        var children: [QTINode] = []
        if !correct.isEmpty { children.append(.element("correctResponse", [], correct.map { .leaf("value", [], $0) })) }
        if !mapping.isEmpty {
            children.append(.element("mapping", [("defaultValue", "0")], mapping.map { entry in
                .element("mapEntry", [
                    ("mapKey", entry.key), ("mappedValue", QTIText.number(entry.value)),
                    ("caseSensitive", entry.caseSensitive ? "true" : "false"),
                ])
            }))
        }
        return .element("responseDeclaration", [("identifier", identifier), ("cardinality", cardinality), ("baseType", baseType)], children)
    }

    static func template(_ name: String) -> QTINode {
        .element("responseProcessing", [("template", QTIExporter.templates + name)])
    }

    // MARK: Types

    private mutating func choice(_ choices: [(text: RichText, correct: Bool, feedback: RichText?, label: String)], single: Bool) {
        body.append(stem())
        var identifiers: [String] = []
        for (index, choice) in choices.enumerated() {
            let label = QTIText.clean(choice.label)
            identifiers.append(QTIText.isQTIIdentifier(label) && !identifiers.contains(label) ? label : "C\(index + 1)")
        }
        let correct = zip(identifiers, choices).filter { $0.1.correct }.map(\.0)
        declarations.append(Self.declaration("RESPONSE", single ? "single" : "multiple", "identifier", correct: correct))
        var simple: [QTINode] = []
        for (identifier, choice) in zip(identifiers, choices) {
            var content = rich(choice.text)
            if let feedback = choice.feedback {
                usesFeedback = true
                // feedbackInline holds inline content only: feedback with paragraphs, lists or tables is a feedbackBlock.
                let nodes = rich(feedback)
                let isBlock = nodes.contains { QTIContentModel.category(of: $0) != .text && QTIContentModel.category(of: $0) != .inline }
                content.append(.compact(
                    isBlock ? "feedbackBlock" : "feedbackInline",
                    [("outcomeIdentifier", "FEEDBACK"), ("identifier", identifier), ("showHide", "show")], nodes))
            }
            simple.append(.compact("simpleChoice", [("identifier", identifier)], content))
        }
        body.append(.element(
            "choiceInteraction",
            [("responseIdentifier", "RESPONSE"), ("shuffle", "false"), ("maxChoices", single ? "1" : "0")], simple))
        interactionTypes.append("choiceInteraction")
        processing = Self.template("match_correct")
    }

    private mutating func fill(_ blanks: [Blank]) {
        let single = blanks.count == 1
        // Each blank is worth an equal share of the score.
        let share = item.score > 0 && !blanks.isEmpty ? item.score / Double(blanks.count) : 1
        var interactions: [Int: QTINode] = [:]
        var responses: [String] = []
        for (index, blank) in blanks.enumerated() {
            let response = single ? "RESPONSE" : "RESPONSE_\(index + 1)"
            responses.append(response)
            if blank.accepted.isEmpty { warn("blank \(index + 1) has no accepted answer") }
            if blank.options.isEmpty {
                declarations.append(Self.declaration(
                    response, "single", "string", correct: Array(blank.accepted.prefix(1)),
                    mapping: blank.accepted.map { ($0, share, blank.caseSensitive) }))
                let length = max(blank.accepted.map(\.count).max() ?? 0, 1)
                interactions[index + 1] = .element(
                    "textEntryInteraction", [("responseIdentifier", response), ("expectedLength", String(length))])
                interactionTypes.append("textEntryInteraction")
            } else {
                let optionIDs = blank.options.indices.map { "B\(index + 1)_\($0 + 1)" }
                var acceptedIDs: [String] = []
                for answer in blank.accepted {
                    if let position = blank.options.firstIndex(of: answer) {
                        acceptedIDs.append(optionIDs[position])
                    } else {
                        warn("blank \(index + 1): the accepted answer '\(answer)' is not one of its options, so QTI cannot offer it")
                    }
                }
                declarations.append(Self.declaration(
                    response, "single", "identifier", correct: Array(acceptedIDs.prefix(1)),
                    mapping: acceptedIDs.map { ($0, share, blank.caseSensitive) }))
                interactions[index + 1] = .element(
                    "inlineChoiceInteraction", [("responseIdentifier", response), ("shuffle", "false")],
                    zip(optionIDs, blank.options).map { .leaf("inlineChoice", [("identifier", $0.0)], $0.1) })
                interactionTypes.append("inlineChoiceInteraction")
            }
        }
        var converter = QTIXHTMLConverter(blanks: interactions)
        converter.assets = item.assets
        body.append(.compact("div", [("class", QTIClass.stem)], converter.convert(item.stem.html)))
        let missing = blanks.indices.map { $0 + 1 }.filter { !converter.placed.contains($0) }
        if !missing.isEmpty {
            var row: [QTINode] = []
            for number in missing {
                if !row.isEmpty { row.append(.text(" ")) }
                if let interaction = interactions[number] { row.append(interaction) }
            }
            body.append(.compact("p", [("class", QTIClass.response)], row))
        }
        for stray in Set(converter.strayMarkers).sorted() {
            warn("the stem marks blank \(stray), but the item has \(blanks.count) blank\(blanks.count == 1 ? "" : "s") (or marks it twice)")
        }
        if single {
            processing = Self.template("map_response")
        } else if !blanks.isEmpty {
            processing = .element("responseProcessing", [], [
                .element("setOutcomeValue", [("identifier", "SCORE")], [
                    .element("sum", [], responses.map { .element("mapResponse", [("identifier", $0)]) })
                ])
            ])
        }
    }

    private mutating func numerical(_ answers: [NumericAnswer]) {
        body.append(stem())
        body.append(.compact("p", [("class", QTIClass.response)], [
            .element("textEntryInteraction", [("responseIdentifier", "RESPONSE"), ("expectedLength", "12")])
        ]))
        interactionTypes.append("textEntryInteraction")
        guard let best = answers.indices.max(by: { answers[$0].fraction < answers[$1].fraction }) else {
            warn("a numerical item has no answer")
            declarations.append(Self.declaration("RESPONSE", "single", "float", correct: []))
            return
        }
        // max(by:) returns the last of equal maxima; the first is the one to call correct.
        let correctIndex = answers.firstIndex { $0.fraction == answers[best].fraction } ?? best
        declarations.append(Self.declaration("RESPONSE", "single", "float", correct: [QTIText.number(answers[correctIndex].value)]))
        var branches: [QTINode] = []
        for (index, answer) in answers.enumerated() {
            let tolerance = abs(answer.tolerance)
            let mode: [(String, String)] = tolerance > 0
                ? [("toleranceMode", "absolute"), ("tolerance", "\(QTIText.number(tolerance)) \(QTIText.number(tolerance))")]
                : [("toleranceMode", "exact")]
            let expected: QTINode = index == correctIndex
                ? .element("correct", [("identifier", "RESPONSE")])
                : .leaf("baseValue", [("baseType", "float")], QTIText.number(answer.value))
            branches.append(.element(index == 0 ? "responseIf" : "responseElseIf", [], [
                .element("equal", mode, [.element("variable", [("identifier", "RESPONSE")]), expected]),
                .element("setOutcomeValue", [("identifier", "SCORE")], [
                    .leaf("baseValue", [("baseType", "float")], QTIText.number(item.score * answer.fraction / 100))
                ]),
            ]))
        }
        processing = .element("responseProcessing", [], [.element("responseCondition", [], branches)])
    }

    private mutating func shortAnswer(reference: RichText?, points: [MarkingPoint]) {
        body.append(stem())
        declarations.append(Self.declaration("RESPONSE", "single", "string", correct: []))
        body.append(.element("extendedTextInteraction", [("responseIdentifier", "RESPONSE")]))
        interactionTypes.append("extendedTextInteraction")
        var scoring: [QTINode] = []
        if let reference { scoring.append(.compact("div", [("class", QTIClass.reference)], rich(reference))) }
        if !points.isEmpty {
            scoring.append(.element("ol", [("class", QTIClass.points)], points.map { point in
                var parts: [QTINode] = [.compact("div", [("class", QTIClass.pointText)], rich(point.text))]
                if let score = point.score { parts.append(.leaf("div", [("class", QTIClass.pointScore)], QTIText.number(score))) }
                return .element("li", [("class", QTIClass.point)], parts)
            }))
        }
        if !scoring.isEmpty {
            body.append(.element("rubricBlock", [("view", "scorer"), ("class", QTIClass.scoring)], scoring))
        }
    }

    /// Right-hand sides several pairs share are one target (its `matchMax` the number of pairs);
    /// distractors are targets no left item matches.
    private mutating func matching(_ pairs: [MatchPair], distractors: [RichText]) {
        body.append(stem())
        var rights: [(text: RichText, id: String, uses: Int)] = []
        var correct: [String] = []
        for (index, pair) in pairs.enumerated() {
            let right: String
            if let existing = rights.firstIndex(where: { $0.text.html == pair.right.html }) {
                rights[existing].uses += 1
                right = rights[existing].id
            } else {
                right = "R\(rights.count + 1)"
                rights.append((pair.right, right, 1))
            }
            correct.append("L\(index + 1) \(right)")
        }
        for distractor in distractors where !rights.contains(where: { $0.text.html == distractor.html }) {
            rights.append((distractor, "R\(rights.count + 1)", 1))
        }
        declarations.append(Self.declaration("RESPONSE", "multiple", "directedPair", correct: correct))
        let left = pairs.enumerated().map { index, pair in
            QTINode.compact("simpleAssociableChoice", [("identifier", "L\(index + 1)"), ("matchMax", "1")], rich(pair.left))
        }
        let right = rights.map { entry in
            QTINode.compact("simpleAssociableChoice", [("identifier", entry.id), ("matchMax", String(entry.uses))], rich(entry.text))
        }
        body.append(.element(
            "matchInteraction",
            [("responseIdentifier", "RESPONSE"), ("shuffle", "true"), ("maxAssociations", String(pairs.count))],
            [.element("simpleMatchSet", [], left), .element("simpleMatchSet", [], right)]))
        interactionTypes.append("matchInteraction")
        processing = Self.template("match_correct")
    }

    private mutating func ordering(_ steps: [RichText]) {
        body.append(stem())
        let identifiers = steps.indices.map { "S\($0 + 1)" }
        declarations.append(Self.declaration("RESPONSE", "ordered", "identifier", correct: identifiers))
        body.append(.element(
            "orderInteraction", [("responseIdentifier", "RESPONSE"), ("shuffle", "true")],
            zip(identifiers, steps).map { .compact("simpleChoice", [("identifier", $0.0)], rich($0.1)) }))
        interactionTypes.append("orderInteraction")
        processing = Self.template("match_correct")
    }

    private mutating func practical(_ task: PracticalTask) {
        body.append(stem())
        body.append(.leaf("h4", [("class", QTIClass.label)], "情境"))
        body.append(.compact("div", [("class", QTIClass.scenario)], rich(task.scenario)))
        if !task.steps.isEmpty {
            body.append(.leaf("h4", [("class", QTIClass.label)], "步骤"))
            body.append(.element("ol", [("class", QTIClass.steps)], task.steps.map { .compact("li", [], rich($0)) }))
        }
        if !task.datasets.isEmpty {
            body.append(.leaf("h4", [("class", QTIClass.label)], "数据"))
            body.append(.element("ul", [("class", QTIClass.datasets)], task.datasets.map { dataset in
                var parts: [QTINode] = [.leaf("a", [("href", QTIText.anyURI(dataset.path))], dataset.title.zh)]
                if let en = dataset.title.en {
                    parts.append(.text(" / "))
                    parts.append(.leaf("span", [("class", QTIClass.datasetEnglish), ("xml:lang", "en")], en))
                }
                return .compact("li", [("class", QTIClass.dataset)], parts)
            }))
        }
        body.append(.leaf("h4", [("class", QTIClass.label)], "成果"))
        body.append(.compact("div", [("class", QTIClass.deliverable)], rich(task.deliverable)))
        declarations.append(Self.declaration("RESPONSE", "single", "string", correct: []))
        body.append(.element("extendedTextInteraction", [("responseIdentifier", "RESPONSE")]))
        interactionTypes.append("extendedTextInteraction")
        if !task.rubric.isEmpty {
            body.append(.element("rubricBlock", [("view", "scorer"), ("class", QTIClass.rubric)], task.rubric.map { criterion in
                .element("div", [("class", QTIClass.criterion)], [
                    .compact("div", [("class", QTIClass.criterionName)], rich(criterion.name)),
                    .element("ul", [], criterion.levels.map { level in
                        .element("li", [("class", QTIClass.level)], [
                            .leaf("div", [("class", QTIClass.levelPoints)], QTIText.number(level.points)),
                            .compact("div", [("class", QTIClass.levelDescription)], rich(level.description)),
                        ])
                    }),
                ])
            }))
        }
    }
}
