import Foundation
import CoursemapModel
import CoursemapXML

/// Imports QTI 2.1 `assessmentItem`s as Coursemap exercise items.
///
/// Supported interactions: `choiceInteraction` (single, multiple, true/false), `textEntryInteraction` and
/// `inlineChoiceInteraction` (fill in the blank, or numerical for one float/integer entry),
/// `gapMatchInteraction` (fill in the blank with options), `extendedTextInteraction` (short answer, or a
/// practical task written by `QTIExporter`), `orderInteraction`, `matchInteraction`, and the interactions
/// of `QTITextInteractions.swift` and `QTIGraphicInteractions.swift` (hottext, associate, slider, hotspot,
/// select point, graphic order / gap match / associate, upload, drawing; a choice without a key is a
/// survey); an item with several interactions has one part each; an item without interaction is a
/// description when `QTIExporter` marked it so. Anything else is reported (CM311) and skipped, never
/// guessed at; an item that cannot be answered as written is CM314 and skipped too (both warnings:
/// `ImportSkip`). XHTML in the item body is sanitised (CM312 when something was removed). Feedback is
/// placed by `QTIFeedbackRules`; template items are evaluated by `QTITemplateEvaluator`.
public enum QTIImporter {
    public static let namespace = "http://www.imsglobal.org/xsd/imsqti_v2p1"

    /// `root` is an <assessmentItem> (QTI 2.1 namespace) from `file` (content-relative path for diagnostics).
    /// Returns nil (with diagnostics) when the item has no supported interaction.
    /// Images that load from another host are dropped (CM319) unless `keepRemoteImages`.
    /// `readFile` reads a file of the content folder by its content-relative path (nil when it is not
    /// there): the item's `<object>` reading passages are read through it and shown in the item.
    public static func importItem(
        _ root: XMLElement, file: String, keepRemoteImages: Bool = false, readFile: ((String) -> [UInt8]?)? = nil
    ) -> (item: ExerciseItem?, diagnostics: [Diagnostic]) {
        var reader = QTIItemReader(root: root, file: file, keepRemoteImages: keepRemoteImages, readFile: readFile)
        let item = reader.read()
        return (item, reader.diagnostics)
    }

    /// The largest reading passage (`<object type="text/html">`) shown in an item, in bytes.
    public static let maximumPassageBytes = 512 * 1024

    /// The interactions Coursemap imports.
    static let supported: Set<String> = Set([
        "choiceInteraction", "textEntryInteraction", "inlineChoiceInteraction", "gapMatchInteraction",
        "extendedTextInteraction", "orderInteraction", "matchInteraction",
    ]).union(QTIItemReader.moreInteractions)
}

/// A `responseDeclaration`.
struct QTIResponseDeclaration {
    struct MapEntry {
        var key: String
        var value: Double
        var caseSensitive: Bool
    }

    var identifier: String
    var cardinality: String
    var baseType: String
    var correct: [String]
    var mapping: [MapEntry]

    init(_ element: XMLElement) {
        identifier = element.attributes["identifier"] ?? ""
        cardinality = element.attributes["cardinality"] ?? "single"
        baseType = element.attributes["baseType"] ?? ""
        correct = element.first("correctResponse")?.all("value").map { QTIText.clean($0.text) }.filter { !$0.isEmpty } ?? []
        mapping = element.first("mapping")?.all("mapEntry").map { entry in
            MapEntry(
                key: QTIText.clean(entry.attributes["mapKey"] ?? ""),
                value: QTIText.parseNumber(entry.attributes["mappedValue"]) ?? 0,
                // QTI's default: a map entry matches case-sensitively unless it says caseSensitive="false".
                caseSensitive: !["false", "0"].contains(QTIText.clean(entry.attributes["caseSensitive"] ?? "")))
        } ?? []
    }

    /// The keys a mapping gives credit for.
    var creditedKeys: [String] { mapping.filter { $0.value > 0 }.map(\.key) }
}

/// What `QTIExporter` wrote into `<rubricBlock view="author" class="coursemap-meta">`.
struct QTIMeta {
    var id: String?
    var difficulty: Difficulty?
    var score: Double?
    var title: LocalizedText?
    var assesses: [(text: String, line: Int)] = []
}

struct QTIItemReader {
    let root: XMLElement
    /// The item's template variables, read once (see `QTITemplateCondition.Variables`).
    var templateVariables: QTITemplateCondition.Variables
    let file: String
    var diagnostics: [Diagnostic] = []
    private var removed: [String] = []
    private var removalLine: Int?
    var declarations: [String: QTIResponseDeclaration] = [:]
    /// responseIdentifier (or gap identifier) → blank number, for the stem's markers.
    var blankNumbers: [String: Int] = [:]
    var mode: InteractionMode = .prompt
    private var meta: QTIMeta?
    var itemName = ""
    /// Positions (0-based, among the choices shown) of the `fixed` choices of the item's choice interaction.
    private var fixedChoices: [Int] = []
    /// The template variables of the clone Coursemap imports (`QTITemplateEvaluator`), for `printedVariable`.
    private var templateValues: [String: QTITemplateEvaluator.Value] = [:]
    /// The identifiers of the choice interaction's choices, in the order of the item's choices.
    private var choiceIdentifiers: [String] = []
    private let keepRemoteImages: Bool
    private var remoteImages: [String] = []
    /// Pictures of graphic interactions (`ItemImage`s), published with the item.
    var graphicAssets: [ItemAsset] = []
    /// hottext identifier → its number in the stem's markers.
    var hottextNumbers: [String: Int] = [:]
    /// Reads a content file (reading passages of `<object>`s).
    private let readFile: ((String) -> [UInt8]?)?
    /// The files the item refers to, and the CM322/CM323/CM328 found on the way.
    private var collector: ItemAssetCollector
    /// The line of each local image source met while writing the item's HTML (the first, should it repeat).
    private var imageLines: [String: Int] = [:]

    /// How interactions show in the stem.
    enum InteractionMode {
        /// Block interactions leave their prompt.
        case prompt
        /// Text entries, inline choices and gaps leave a blank marker.
        case blanks
        /// A numerical entry inside a sentence leaves a visible gap.
        case placeholder
        /// An item of several parts: block interactions leave nothing (their prompts lead their parts),
        /// text entries and inline choices leave blank markers.
        case parts
    }

    /// Placeholder characters for blanks while the HTML goes through the sanitizer (private use area).
    private static let blankOpen: Unicode.Scalar = "\u{E000}"
    private static let blankClose: Unicode.Scalar = "\u{E001}"

    init(root: XMLElement, file: String, keepRemoteImages: Bool = false, readFile: ((String) -> [UInt8]?)? = nil) {
        self.root = root
        self.templateVariables = QTITemplateCondition.Variables(root)
        self.file = file
        self.keepRemoteImages = keepRemoteImages
        self.readFile = readFile
        self.collector = ItemAssetCollector(file: file, itemName: "QTI item")
    }

    func location(_ line: Int?) -> SourceLocation { SourceLocation(file: file, line: line) }

    private func isQTI(_ element: XMLElement) -> Bool { element.namespace == QTIImporter.namespace }

    // MARK: Reading

    mutating func read() -> ExerciseItem? {
        guard root.name == "assessmentItem", isQTI(root) else {
            let namespace = root.namespace.map { " in namespace '\($0)'" } ?? " without namespace"
            diagnostics.append(.error(
                .xmlUnknownRoot, at: location(root.line),
                "expected a QTI 2.1 <assessmentItem> in namespace '\(QTIImporter.namespace)', found <\(root.name)>\(namespace)"))
            return nil
        }
        let identifier = QTIText.clean(root.attributes["identifier"] ?? "")
        itemName = identifier.isEmpty ? "QTI item" : "QTI item '\(identifier)'"
        collector = ItemAssetCollector(file: file, itemName: itemName)
        for stylesheet in root.all("stylesheet") {
            // Decided (docs/exercises.md, "Imported HTML"): item stylesheets are not applied. Pages allow
            // the portal's own stylesheet only, and a package's CSS would restyle the whole page.
            let href = MessageText.printable(stylesheet.attributes["href"] ?? "")
            collector.warn(.warning(
                .importedFileNotKept, at: location(stylesheet.line),
                "\(itemName): stylesheet '\(href)' is not applied; Coursemap shows imported items in the portal's own style"))
        }
        if QTIText.clean(root.attributes["adaptive"] ?? "").lowercased() == "true" {
            // An adaptive item changes what it shows between attempts (its own responseProcessing); the
            // self-check has one attempt, graded against the correct responses.
            diagnostics.append(.warning(
                .unsupportedItem, at: location(root.line),
                "\(itemName) is adaptive (adaptive=\"true\"): Coursemap shows it as one attempt graded against its correct responses; what its responseProcessing changes between attempts (feedback shown or hidden, new questions) is not followed"))
        }
        for declaration in root.all("responseDeclaration") {
            let parsed = QTIResponseDeclaration(declaration)
            declarations[parsed.identifier] = parsed
        }
        let body = root.first("itemBody")
        meta = body.flatMap { Self.descendants(of: $0) { $0.name == "rubricBlock" && QTIText.classes($0).contains(QTIClass.meta) }.first }
            .map(readMeta)

        var interactions: [XMLElement] = []
        if let body { Self.collectInteractions(in: body, into: &interactions) }
        let unsupported = interactions.filter { !QTIImporter.supported.contains($0.name) }
        guard unsupported.isEmpty else {
            for interaction in unsupported {
                diagnostics.append(ImportSkip.warning(
                    .unsupportedItem, at: location(interaction.line),
                    "\(itemName): <\(interaction.name)> at line \(interaction.line) is not an interaction Coursemap imports"))
            }
            return nil
        }
        if !root.all("templateDeclaration").isEmpty || root.first("templateProcessing") != nil {
            switch QTITemplateEvaluator.evaluate(root) {
            case let .unsupported(name, line):
                diagnostics.append(ImportSkip.warning(
                    .unsupportedItem, at: location(line),
                    "\(itemName) is a template (cloned) item whose <templateProcessing> uses <\(name)> (line \(line)), which Coursemap does not evaluate"))
                return nil
            case let .evaluated(variables, correct):
                templateValues = variables
                templateVariables.evaluated = variables.mapValues(\.texts)
                for (identifier, values) in correct where declarations[identifier] != nil { declarations[identifier]?.correct = values }
            }
        }
        let families = Self.orderedUnique(interactions.map(Self.family))

        let parsedBody: ItemBody?
        switch (families.first, interactions.first) {
        case _ where families.count > 1 || (families.first != "fill" && interactions.count > 1):
            // Several interactions: one part each (text entries and inline choices together are one part).
            parsedBody = readComposite(interactions)
        case (nil, _), (_, nil):
            guard let body, !Self.descendants(of: body, where: { QTIText.classes($0).contains(QTIClass.description) }).isEmpty else {
                diagnostics.append(ImportSkip.warning(
                    .unsupportedItem, at: location(body?.line ?? root.line),
                    "\(itemName) has no interaction Coursemap imports (no choice, text entry, inline choice, gap match, extended text, order or match interaction)"))
                return nil
            }
            parsedBody = .description
        case let (family?, interaction?):
            switch family {
            case "choiceInteraction": parsedBody = readChoice(interaction)
            case "fill": parsedBody = readFill(interactions)
            case "gapMatchInteraction": parsedBody = readGapMatch(interaction)
            case "extendedTextInteraction": parsedBody = readExtendedText(interaction, body: body)
            case "orderInteraction": parsedBody = readOrder(interaction)
            case "matchInteraction": parsedBody = readMatch(interaction)
            default: parsedBody = readMore(interaction)
            }
        }
        guard var parsedBody else { return nil }

        let stem = body.map { rich($0.children, line: $0.line, blanksAllowed: true) } ?? .empty
        let solution = root.all("modalFeedback")
            .first { QTIText.clean($0.attributes["identifier"] ?? "").uppercased() == "SOLUTION" }
        let explanation = solution.map { rich($0.children, line: $0.line) }
        let feedback = readFeedback(body: body, solution: solution, into: &parsedBody)

        var title: LocalizedText?
        if let meta {
            title = meta.title
        } else if let text = root.attributes["title"].map(QTIText.clean), !text.isEmpty {
            title = LocalizedText(zh: text)
        }
        let id: String
        if let metaID = meta?.id, QTIText.isCoursemapID(metaID) {
            id = metaID
        } else {
            id = QTIText.coursemapID(from: identifier)
        }
        var assesses: [AssessmentClaim] = []
        for (text, line) in meta?.assesses ?? [] {
            if let competency = CompetencyID(parsing: text) {
                assesses.append(AssessmentClaim(competency: competency, location: location(line)))
            } else {
                diagnostics.append(.warning(
                    .malformedReference, at: location(line),
                    "\(itemName): '\(text)' is not a competency reference (framework:level:code); it is ignored"))
            }
        }
        if !removed.isEmpty {
            diagnostics.append(.warning(
                .sanitizedHTML, at: location(removalLine ?? body?.line ?? root.line),
                "\(itemName): unsafe or unsupported HTML removed: \(removed.joined(separator: ", "))"))
        }
        if !remoteImages.isEmpty {
            diagnostics.append(RemoteImages.warning(remoteImages, in: itemName, at: location(body?.line ?? root.line)))
        }
        diagnostics += collector.diagnostics
        let usage = readUsage(root)
        let shuffles = shufflesChoices(interactions)
        // The same bound as an authored item's score: MAXSCORE, SCORE's normalMaximum or the Coursemap
        // score class beyond 1,000,000 (or below 0) is CM314, not a score of 5e9 on the page.
        var score = meta?.score ?? declaredScore() ?? 1
        guard score >= 0, score <= NumberBounds.maximumScore else {
            _ = invalid(root.line, "the item's score '\(NumberText.plain(score))' is not a number from 0 to \(NumberText.plain(NumberBounds.maximumScore))")
            return nil
        }
        score = ImportedScore.counted(score, field: "score", item: itemName, at: location(root.line), into: &diagnostics)
        return ExerciseItem(
            id: id, title: title, usage: usage?.usage ?? .practice, difficulty: meta?.difficulty,
            score: score, stem: stem, body: parsedBody,
            explanation: explanation, feedback: feedback, assets: collector.assets + graphicAssets, assesses: assesses,
            importKey: identifier.isEmpty ? nil : identifier,
            usageOrigin: usage?.location, shuffleChoices: shuffles, fixedChoices: shuffles ? fixedChoices : [], location: location(root.line))
    }

    /// The item's feedback: `modalFeedback` (but the `SOLUTION` one, the explanation) and `feedbackBlock` /
    /// `feedbackInline` of the body (but those inside a choice, which are the choice's), placed by
    /// `QTIFeedbackRules`. Several elements for one place are kept together, in document order; feedback on
    /// a choice that already has its own goes to the general feedback.
    private mutating func readFeedback(body: XMLElement?, solution: XMLElement?, into parsed: inout ItemBody) -> ItemFeedback? {
        var elements = root.all("modalFeedback").filter { $0 != solution }
        if let body { Self.collectFeedback(in: body, into: &elements) }
        guard !elements.isEmpty else { return nil }
        let rules = QTIFeedbackRules(root)
        let choiceIDs = Set(choiceIdentifiers)
        var slots: [QTIFeedbackSlot: [XMLElement]] = [:]
        var order: [QTIFeedbackSlot] = []
        for element in elements {
            var slot = rules.slot(element, choices: choiceIDs)
            if case let .choice(identifier) = slot {
                switch parsed {
                case let .singleChoice(choices), let .multipleChoice(choices):
                    if let index = choiceIdentifiers.firstIndex(of: identifier), index < choices.count, choices[index].feedback == nil {
                        var changed = choices
                        changed[index].feedback = rich(element.children, line: element.line)
                        if changed[index].feedback?.html.isEmpty == true { changed[index].feedback = nil }
                        if case .singleChoice = parsed { parsed = .singleChoice(changed) } else { parsed = .multipleChoice(changed) }
                        continue
                    }
                    slot = .general
                default:
                    slot = .general
                }
            }
            if slots[slot] == nil { order.append(slot) }
            slots[slot, default: []].append(element)
        }
        var feedback = ItemFeedback()
        for slot in order {
            let parts = slots[slot] ?? []
            var nodes: [XMLNodeContent] = []
            for (index, part) in parts.enumerated() {
                if index > 0 { nodes.append(.text(" ")) }
                nodes += part.children
            }
            let text = rich(nodes, line: parts.first?.line ?? root.line)
            guard !text.html.isEmpty else { continue }
            switch slot {
            case .general, .choice: feedback.general = text
            case .correct: feedback.correct = text
            case .partiallyCorrect: feedback.partiallyCorrect = text
            case .incorrect: feedback.incorrect = text
            }
        }
        return feedback.isEmpty ? nil : feedback
    }

    /// `feedbackBlock` and `feedbackInline` elements below `element`, not looking inside choices of a choice
    /// interaction (their feedback is the choice's) nor inside feedback (nested feedback goes with its parent).
    private static func collectFeedback(in element: XMLElement, into list: inout [XMLElement]) {
        for child in element.elements {
            if child.name == "feedbackBlock" || child.name == "feedbackInline" {
                list.append(child)
            } else if !(child.name == "simpleChoice" && element.name == "choiceInteraction") {
                collectFeedback(in: child, into: &list)
            }
        }
    }

    /// Whether a choice interaction asks for its choices in an order of its own (`shuffle` true as an
    /// xs:boolean: `true` or `1`, surrounding white space ignored). Fixed choices keep their place; the
    /// others are shown in a key-free order for exam items (`fixedChoices`). A `shuffle` value that is not an
    /// xs:boolean is CM309 and counts as shuffled (fail closed: the written order often puts the key first).
    private mutating func shufflesChoices(_ interactions: [XMLElement]) -> Bool {
        // Order, match, gap match and inline choice interactions shuffle their choices the same way (an item
        // with several inline choices shuffles when any of them does).
        let shuffling = ["choiceInteraction", "orderInteraction", "matchInteraction", "gapMatchInteraction", "inlineChoiceInteraction"]
        var shuffles = false
        for interaction in interactions where shuffling.contains(interaction.name) {
            if boolean(interaction, "shuffle", invalidMeans: true) { shuffles = true }
        }
        return shuffles
    }

    /// An xs:boolean attribute: `true`/`1`, `false`/`0` after white-space collapse; absent is false; any
    /// other value is a warning (CM309) and counts as `invalidMeans`.
    mutating func boolean(_ element: XMLElement, _ name: String, invalidMeans: Bool) -> Bool {
        guard let raw = element.attributes[name] else { return false }
        switch QTIText.clean(raw) {
        case "true", "1": return true
        case "false", "0": return false
        default:
            diagnostics.append(.warning(
                .invalidBoolean, at: location(element.line),
                "\(itemName): \(name)=\"\(MessageText.printable(raw))\" on <\(element.name)> is not true, false, 1 or 0; it is taken as \(invalidMeans)"))
            return invalidMeans
        }
    }

    /// MAXSCORE's default, else SCORE's normalMaximum, else a positive SCORE default.
    private func declaredScore() -> Double? {
        let outcomes = root.all("outcomeDeclaration")
        func defaultValue(_ identifier: String) -> Double? {
            outcomes.first { $0.attributes["identifier"] == identifier }?
                .first("defaultValue")?.first("value").flatMap { QTIText.parseNumber($0.text) }
        }
        if let maximum = defaultValue("MAXSCORE"), maximum > 0 { return maximum }
        if let normal = outcomes.first(where: { $0.attributes["identifier"] == "SCORE" })?.attributes["normalMaximum"],
            let value = QTIText.parseNumber(normal), value > 0
        {
            return value
        }
        if let score = defaultValue("SCORE"), score > 0 { return score }
        return nil
    }

    /// Every element of class `coursemap-usage` anywhere in the item (its body, feedback, anywhere) states the usage, matched exactly
    /// (`practice` or `exam`, nothing around it); anything else is CM318 and counts as exam, and statements
    /// that disagree are CM317. A class that only looks like `coursemap-usage` (`Coursemap-Usage`,
    /// `coursemap_usage`, look-alike dashes, zero-width characters: `UsageSpelling`) is CM318 too, and the
    /// item an exam item, whatever the element says.
    private mutating func readUsage(_ body: XMLElement?) -> UsageStatement? {
        guard let body else { return nil }
        var statements: [UsageStatement] = []
        let marked = Self.descendants(of: body, where: { QTIText.classes($0).contains(where: UsageSpelling.looksLikeUsageMarker) })
        for element in marked {
            let value = element.text
            if let odd = QTIText.classes(element).first(where: { UsageSpelling.looksLikeUsageMarker($0) && $0 != QTIClass.usage }) {
                let source = "<\(element.name) class=\"\(UsageSpelling.shown(odd))\">"
                diagnostics.append(.error(
                    .unknownUsage, at: location(element.line),
                    "\(itemName): \(source) looks like Coursemap's usage class but is not spelled exactly '\(QTIClass.usage)'; write class=\"\(QTIClass.usage)\". The item is treated as an exam item"))
                statements.append(UsageStatement(usage: .exam, location: location(element.line), source: source))
                continue
            }
            statements.append(UsageStatement.read(
                value, at: location(element.line), source: "<\(element.name) class=\"\(QTIClass.usage)\"> '\(QTIText.clean(value))'",
                item: itemName, into: &diagnostics))
        }
        return UsageStatement.combine(statements, item: itemName, into: &diagnostics)
    }

    private func readMeta(_ block: XMLElement) -> QTIMeta {
        var meta = QTIMeta()
        func value(_ name: String) -> (String, Int)? {
            Self.descendants(of: block) { QTIText.classes($0).contains(name) }.first.map { (QTIText.clean($0.text), $0.line) }
        }
        meta.id = value(QTIClass.id)?.0
        meta.difficulty = value(QTIClass.difficulty).flatMap { Difficulty(rawValue: $0.0) }
        meta.score = value(QTIClass.score).flatMap { QTIText.parseNumber($0.0) }
        if let zh = value(QTIClass.title)?.0, !zh.isEmpty {
            let en = value(QTIClass.titleEnglish)?.0
            meta.title = LocalizedText(zh: zh, en: en?.isEmpty == false ? en : nil)
        }
        if let list = Self.descendants(of: block, where: { QTIText.classes($0).contains(QTIClass.assesses) }).first {
            meta.assesses = list.all("li").map { (QTIText.clean($0.text), $0.line) }.filter { !$0.0.isEmpty }
        }
        return meta
    }

    // MARK: Interactions

    static func family(_ interaction: XMLElement) -> String {
        ["textEntryInteraction", "inlineChoiceInteraction"].contains(interaction.name) ? "fill" : interaction.name
    }

    private static func collectInteractions(in element: XMLElement, into list: inout [XMLElement]) {
        for child in element.elements {
            if child.name.hasSuffix("Interaction") {
                list.append(child)
            } else {
                collectInteractions(in: child, into: &list)
            }
        }
    }

    /// The choices the item shows as rendered: a choice with a `templateIdentifier` is left out when its
    /// template condition hides it, or cannot be decided (CM312 says so); a correct choice left out makes
    /// the item unanswerable, which is reported as such.
    mutating func shown(_ choices: [XMLElement]) -> [XMLElement] {
        choices.filter { choice in
            guard choice.attributes["templateIdentifier"] != nil else { return true }
            switch QTITemplateCondition.evaluate(choice, in: templateVariables, identifier: choice.attributes["identifier"] ?? "") {
            case .shown:
                return true
            case .hidden:
                return false
            case .undecided:
                let entry = "<\(choice.name)> whose template condition cannot be decided"
                if !removed.contains(entry) { removed.append(entry) }
                if removalLine == nil { removalLine = choice.line }
                return false
            }
        }
    }

    mutating func invalid(_ line: Int, _ message: String) -> ItemBody? {
        diagnostics.append(ImportSkip.warning(.invalidItem, at: location(line), "\(itemName): \(message)"))
        return nil
    }

    func declaration(for interaction: XMLElement) -> QTIResponseDeclaration? {
        declarations[interaction.attributes["responseIdentifier"] ?? ""]
    }

    static func label(_ index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ").map(String.init)
        if index < 26 { return letters[index] }
        return label(index / 26 - 1) + letters[index % 26]
    }

    mutating func readChoice(_ interaction: XMLElement) -> ItemBody? {
        let simple = shown(interaction.all("simpleChoice"))
        fixedChoices = []
        for (index, choice) in simple.enumerated() where boolean(choice, "fixed", invalidMeans: false) { fixedChoices.append(index) }
        let identifiers = simple.map { QTIText.clean($0.attributes["identifier"] ?? "") }
        choiceIdentifiers = identifiers
        guard !simple.isEmpty else { return invalid(interaction.line, "<choiceInteraction> has no <simpleChoice>") }
        let correct = declaration(for: interaction)?.correct ?? []
        if correct.isEmpty, declaration(for: interaction)?.mapping.isEmpty ?? true {
            return readSurvey(interaction, simple)
        }
        guard !correct.isEmpty else {
            return invalid(interaction.line, "no <correctResponse> for the choice interaction's response '\(interaction.attributes["responseIdentifier"] ?? "")'")
        }
        if let unknown = correct.first(where: { !identifiers.contains($0) }) {
            return invalid(interaction.line, "the correct response '\(unknown)' matches no <simpleChoice> identifier (\(identifiers.joined(separator: ", ")))")
        }
        let maxChoices = Int(QTIText.clean(interaction.attributes["maxChoices"] ?? "1")) ?? 1
        if maxChoices == 1 {
            guard correct.count == 1 else {
                return invalid(interaction.line, "a single-choice interaction (maxChoices=\"1\") has \(correct.count) correct responses")
            }
            if identifiers.count == 2, Set(identifiers.map { $0.lowercased() }) == ["true", "false"] {
                return .trueFalse(answer: correct[0].lowercased() == "true")
            }
        }
        var choices: [Choice] = []
        // A choice holds one feedback in the model: the first; more (one per outcome value) are named.
        if let crowded = simple.first(where: { $0.elements.filter { $0.name == "feedbackInline" || $0.name == "feedbackBlock" }.count > 1 }) {
            diagnostics.append(.warning(
                .sanitizedHTML, at: location(crowded.line),
                "\(itemName): a choice holds more than one feedbackInline or feedbackBlock; only the first of each choice is imported as its feedback"))
        }
        for (index, choice) in simple.enumerated() {
            let feedbackElement = choice.elements.first { $0.name == "feedbackInline" || $0.name == "feedbackBlock" }
            let content = choice.children.filter {
                if case let .element(element) = $0 { return element.name != "feedbackInline" && element.name != "feedbackBlock" }
                return true
            }
            let feedback = feedbackElement.map { rich($0.children, line: $0.line) }
            choices.append(Choice(
                label: Self.label(index), text: rich(content, line: choice.line), correct: correct.contains(identifiers[index]),
                feedback: feedback?.html.isEmpty == false ? feedback : nil))
        }
        return maxChoices == 1 ? .singleChoice(choices) : .multipleChoice(choices)
    }

    mutating func readFill(_ interactions: [XMLElement]) -> ItemBody? {
        if interactions.count == 1, let entry = interactions.first, entry.name == "textEntryInteraction",
            let declaration = declaration(for: entry), ["float", "integer"].contains(declaration.baseType)
        {
            return readNumerical(entry, declaration)
        }
        mode = .blanks
        var blanks: [Blank] = []
        for (index, interaction) in interactions.enumerated() {
            let responseIdentifier = interaction.attributes["responseIdentifier"] ?? ""
            if blankNumbers[responseIdentifier] == nil { blankNumbers[responseIdentifier] = index + 1 }
            let declaration = declaration(for: interaction)
            // A typed blank is compared as QTI compares it: `match` against the correct response is exact, and
            // so is a map entry unless it says caseSensitive="false"; only a mapping whose every entry says so
            // makes the blank case-insensitive.
            let mapping = declaration?.mapping ?? []
            let caseSensitive = mapping.isEmpty || mapping.contains { $0.caseSensitive }
            if interaction.name == "inlineChoiceInteraction" {
                let options = shown(interaction.all("inlineChoice")).map { (QTIText.clean($0.attributes["identifier"] ?? ""), QTIText.clean($0.text)) }
                let keys = Self.orderedUnique((declaration?.correct ?? []) + (declaration?.creditedKeys ?? []))
                let accepted = Self.orderedUnique(keys.compactMap { key in options.first { $0.0 == key }?.1 })
                guard !accepted.isEmpty else {
                    return invalid(interaction.line, "blank \(index + 1) (<inlineChoiceInteraction> '\(responseIdentifier)') has no correct response that matches an <inlineChoice>")
                }
                // A drop-down offers the options as written: letter case cannot differ.
                blanks.append(Blank(accepted: accepted, options: options.map(\.1), caseSensitive: false))
            } else {
                let accepted = Self.orderedUnique((declaration?.correct ?? []) + (declaration?.creditedKeys ?? []))
                guard !accepted.isEmpty else {
                    return invalid(interaction.line, "blank \(index + 1) (<textEntryInteraction> '\(responseIdentifier)') has no correct response")
                }
                blanks.append(Blank(accepted: accepted, caseSensitive: caseSensitive))
            }
        }
        return .fillBlank(blanks)
    }

    private mutating func readNumerical(_ entry: XMLElement, _ declaration: QTIResponseDeclaration) -> ItemBody? {
        mode = .placeholder
        let correct = declaration.correct.first.flatMap { QTIText.parseNumber($0) }
        if let written = declaration.correct.first, correct == nil {
            return invalid(entry.line, "the numerical response '\(declaration.identifier)' has the correct response '\(written.prefix(40))', which is not a finite number of at most 10^12")
        }
        let maximum = meta?.score ?? declaredScore() ?? 1
        var answers: [NumericAnswer] = []
        if let processing = root.first("responseProcessing") {
            for equal in Self.descendants(of: processing, where: { $0.name == "equal" }) {
                let value: Double?
                if equal.first("correct") != nil {
                    value = correct
                } else {
                    value = equal.first("baseValue").flatMap { QTIText.parseNumber($0.text) }
                }
                guard let value else { continue }
                var tolerance = 0.0
                let mode = QTIText.clean(equal.attributes["toleranceMode"] ?? "exact")
                var bounds: [Double] = []
                for word in (equal.attributes["tolerance"] ?? "").split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
                    // A tolerance that is not a number from 0 to 10^12 would be read as exact: refused instead.
                    guard let bound = QTIText.parseNumber(String(word)), bound >= 0 else {
                        return invalid(equal.line, "the numerical response '\(declaration.identifier)' has the tolerance '\(word.prefix(40))', which is not a finite number from 0 to 10^12")
                    }
                    bounds.append(bound)
                }
                if mode == "absolute" {
                    tolerance = bounds.max() ?? 0
                } else if mode == "relative" {
                    tolerance = abs(value) * (bounds.max() ?? 0) / 100
                }
                // The score the branch sets, as a fraction of the item's score.
                var fraction = 100.0
                if let branch = Self.parent(of: equal, in: processing),
                    let set = branch.all("setOutcomeValue").first(where: { $0.attributes["identifier"] == "SCORE" }),
                    let points = set.first("baseValue").flatMap({ QTIText.parseNumber($0.text) }), maximum > 0
                {
                    fraction = ((points / maximum * 100) * 100_000).rounded() / 100_000
                }
                answers.append(NumericAnswer(value: value, tolerance: tolerance, fraction: fraction))
            }
        }
        if answers.isEmpty {
            guard let correct else {
                return invalid(entry.line, "the numerical response '\(declaration.identifier)' has no numeric <correctResponse>")
            }
            answers = [NumericAnswer(value: correct)]
        }
        return .numerical(answers)
    }

    mutating func readGapMatch(_ interaction: XMLElement) -> ItemBody? {
        mode = .blanks
        let gapTexts = shown(interaction.all("gapText")).map { (QTIText.clean($0.attributes["identifier"] ?? ""), QTIText.clean($0.text)) }
        let gaps = Self.descendants(of: interaction) { $0.name == "gap" }.map { QTIText.clean($0.attributes["identifier"] ?? "") }
        guard !gaps.isEmpty else { return invalid(interaction.line, "<gapMatchInteraction> has no <gap>") }
        let declaration = declaration(for: interaction)
        let pairs = Self.orderedUnique((declaration?.correct ?? []) + (declaration?.creditedKeys ?? [])).compactMap { value -> (String, String)? in
            let parts = value.split(separator: " ").map(String.init)
            guard parts.count == 2 else { return nil }
            // directedPair: gapText identifier, then gap identifier (accept the reverse too).
            if gaps.contains(parts[1]) { return (parts[0], parts[1]) }
            if gaps.contains(parts[0]) { return (parts[1], parts[0]) }
            return nil
        }
        var blanks: [Blank] = []
        for (index, gap) in gaps.enumerated() {
            if blankNumbers[gap] == nil { blankNumbers[gap] = index + 1 }
            let accepted = Self.orderedUnique(pairs.filter { $0.1 == gap }.compactMap { pair in gapTexts.first { $0.0 == pair.0 }?.1 })
            guard !accepted.isEmpty else {
                return invalid(interaction.line, "gap '\(gap)' has no correct <gapText> in the <correctResponse>")
            }
            // A drop-down offers the gap texts as written: letter case cannot differ.
            blanks.append(Blank(accepted: accepted, options: gapTexts.map(\.1), caseSensitive: false))
        }
        return .fillBlank(blanks)
    }

    mutating func readExtendedText(_ interaction: XMLElement, body: XMLElement?) -> ItemBody? {
        guard let body else { return nil }
        if let scenario = Self.descendants(of: body, where: { QTIText.classes($0).contains(QTIClass.scenario) }).first {
            return .practical(readPractical(body, scenario: scenario))
        }
        let scorer = Self.descendants(of: body) { element in
            element.name == "rubricBlock" && (element.attributes["view"] ?? "").split(separator: " ").contains("scorer")
        }.first
        guard let scorer else { return .shortAnswer(reference: nil, points: []) }
        guard QTIText.classes(scorer).contains(QTIClass.scoring) else {
            let reference = rich(scorer.children, line: scorer.line)
            return .shortAnswer(reference: reference.html.isEmpty ? nil : reference, points: [])
        }
        let reference = Self.descendants(of: scorer) { QTIText.classes($0).contains(QTIClass.reference) }.first
            .map { rich($0.children, line: $0.line) }
        let points = Self.descendants(of: scorer) { QTIText.classes($0).contains(QTIClass.point) }.map { point in
            let text = Self.descendants(of: point) { QTIText.classes($0).contains(QTIClass.pointText) }.first
            let score = Self.descendants(of: point) { QTIText.classes($0).contains(QTIClass.pointScore) }.first
            return MarkingPoint(
                text: text.map { rich($0.children, line: $0.line) } ?? rich(point.children, line: point.line),
                score: score.flatMap { QTIText.parseNumber($0.text) })
        }
        return .shortAnswer(reference: reference, points: points)
    }

    private mutating func readPractical(_ body: XMLElement, scenario: XMLElement) -> PracticalTask {
        func part(_ name: String) -> XMLElement? {
            Self.descendants(of: body) { QTIText.classes($0).contains(name) }.first
        }
        let steps = part(QTIClass.steps).map { list in list.all("li").map { rich($0.children, line: $0.line) } } ?? []
        var datasets: [Dataset] = []
        for item in part(QTIClass.datasets)?.all("li") ?? [] {
            guard let link = Self.descendants(of: item, where: { $0.name == "a" }).first else { continue }
            let path = QTIText.clean(link.attributes["href"] ?? "")
            let zh = QTIText.clean(link.text)
            let en = Self.descendants(of: item) { QTIText.classes($0).contains(QTIClass.datasetEnglish) }.first.map { QTIText.clean($0.text) }
            datasets.append(Dataset(
                path: path, title: LocalizedText(zh: zh.isEmpty ? path : zh, en: en?.isEmpty == false ? en : nil),
                location: location(item.line)))
        }
        var rubric: [RubricCriterion] = []
        if let block = part(QTIClass.rubric) {
            for criterion in Self.descendants(of: block, where: { QTIText.classes($0).contains(QTIClass.criterion) }) {
                let name = Self.descendants(of: criterion) { QTIText.classes($0).contains(QTIClass.criterionName) }.first
                let levels = Self.descendants(of: criterion) { QTIText.classes($0).contains(QTIClass.level) }.map { level in
                    let points = Self.descendants(of: level) { QTIText.classes($0).contains(QTIClass.levelPoints) }.first
                    let description = Self.descendants(of: level) { QTIText.classes($0).contains(QTIClass.levelDescription) }.first
                    return RubricLevel(
                        points: points.flatMap { QTIText.parseNumber($0.text) } ?? 0,
                        description: description.map { rich($0.children, line: $0.line) } ?? .empty)
                }
                rubric.append(RubricCriterion(name: name.map { rich($0.children, line: $0.line) } ?? .empty, levels: levels))
            }
        }
        return PracticalTask(
            scenario: rich(scenario.children, line: scenario.line), steps: steps, datasets: datasets,
            deliverable: part(QTIClass.deliverable).map { rich($0.children, line: $0.line) } ?? .empty, rubric: rubric)
    }

    mutating func readOrder(_ interaction: XMLElement) -> ItemBody? {
        let simple = shown(interaction.all("simpleChoice"))
        fixedChoices = []
        for (index, choice) in simple.enumerated() where boolean(choice, "fixed", invalidMeans: false) { fixedChoices.append(index) }
        let correct = declaration(for: interaction)?.correct ?? []
        guard !correct.isEmpty else { return invalid(interaction.line, "no <correctResponse> for the order interaction") }
        var steps: [RichText] = []
        for identifier in correct {
            guard let choice = simple.first(where: { QTIText.clean($0.attributes["identifier"] ?? "") == identifier }) else {
                return invalid(interaction.line, "the correct order names '\(identifier)', which is no <simpleChoice> of the order interaction")
            }
            steps.append(rich(choice.children, line: choice.line))
        }
        return .ordering(steps)
    }

    mutating func readMatch(_ interaction: XMLElement) -> ItemBody? {
        let sets = interaction.all("simpleMatchSet")
        guard sets.count == 2 else { return invalid(interaction.line, "<matchInteraction> needs two <simpleMatchSet>s (it has \(sets.count))") }
        func choices(_ set: XMLElement) -> [String: XMLElement] {
            var map: [String: XMLElement] = [:]
            for choice in shown(set.all("simpleAssociableChoice")) { map[QTIText.clean(choice.attributes["identifier"] ?? "")] = choice }
            return map
        }
        let left = choices(sets[0]), right = choices(sets[1])
        let correct = declaration(for: interaction)?.correct ?? []
        guard !correct.isEmpty else { return invalid(interaction.line, "no <correctResponse> for the match interaction") }
        var pairs: [MatchPair] = []
        var pairedLeft = Set<String>(), pairedRight = Set<String>()
        for value in correct {
            let parts = value.split(separator: " ").map(String.init)
            var source: XMLElement?, target: XMLElement?
            if parts.count == 2 {
                if let l = left[parts[0]], let r = right[parts[1]] {
                    (source, target) = (l, r)
                } else if let l = left[parts[1]], let r = right[parts[0]] {
                    (source, target) = (l, r)
                }
            }
            guard let source, let target else {
                return invalid(interaction.line, "the correct pair '\(value)' does not join a choice of the first <simpleMatchSet> to one of the second")
            }
            pairs.append(MatchPair(left: rich(source.children, line: source.line), right: rich(target.children, line: target.line)))
            pairedLeft.insert(QTIText.clean(source.attributes["identifier"] ?? ""))
            pairedRight.insert(QTIText.clean(target.attributes["identifier"] ?? ""))
        }
        // Several lefts may share one right (its matchMax above 1): equal texts are one target. A right choice
        // in no correct pair is a distractor; a left one has no place in the model and is reported.
        var distractors: [RichText] = []
        var targets = Set(pairs.map(\.right))
        for choice in shown(sets[1].all("simpleAssociableChoice")) where !pairedRight.contains(QTIText.clean(choice.attributes["identifier"] ?? "")) {
            let text = rich(choice.children, line: choice.line)
            if !text.html.isEmpty, targets.insert(text).inserted { distractors.append(text) }
        }
        for choice in shown(sets[0].all("simpleAssociableChoice")) where !pairedLeft.contains(QTIText.clean(choice.attributes["identifier"] ?? "")) {
            diagnostics.append(.warning(
                .unsupportedItem, at: location(choice.line),
                "\(itemName): the match choice '\(MessageText.printable(QTIText.clean(choice.attributes["identifier"] ?? "")))' of the first <simpleMatchSet> is in no correct pair; a Coursemap matching item has no place for it, so it is left out"))
        }
        return .matching(pairs, distractors: distractors)
    }

    // MARK: XHTML → sanitised HTML

    /// Serialises QTI XHTML to HTML, sanitises it, and tidies white space.
    mutating func rich(_ nodes: [XMLNodeContent], line: Int, blanksAllowed: Bool = false) -> RichText {
        let raw = html(nodes, inPre: false)
        let collector = self.collector, lines = imageLines
        let result = HTMLSanitizer.sanitize(raw, keepRemoteImages: keepRemoteImages) { image in
            collector.image(image, line: lines[image.source] ?? line)
        }
        for source in result.remoteImages where !remoteImages.contains(source) { remoteImages.append(source) }
        if !result.removed.isEmpty {
            for item in result.removed where !removed.contains(item) { removed.append(item) }
            if removalLine == nil { removalLine = line }
        }
        var text = Self.hottextMarks(Self.tidy(result.html), kept: blanksAllowed)
        if blanksAllowed {
            text = Self.replaceBlankTokens(text)
        } else {
            text = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != Self.blankOpen && $0 != Self.blankClose }))
        }
        return RichText(html: text)
    }

    mutating func html(_ nodes: [XMLNodeContent], inPre: Bool) -> String {
        var out = ""
        for node in nodes {
            switch node {
            case let .text(text):
                let clean = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != Self.blankOpen && $0 != Self.blankClose && !Self.isHottextMark($0) }))
                out += HTMLText.escape(inPre ? clean : QTIText.collapse(clean))
            case let .element(element):
                out += html(element, inPre: inPre)
            }
        }
        return out
    }

    private mutating func html(_ element: XMLElement, inPre: Bool) -> String {
        let classes = QTIText.classes(element)
        if classes.contains(QTIClass.stem) { return html(element.children, inPre: inPre) }
        if let restored = classes.first(where: { $0.hasPrefix(QTIClass.htmlPrefix) }) {
            let name = String(restored.dropFirst(QTIClass.htmlPrefix.count))
            guard QTIXHTMLConverter.renamed.contains(name) else { return html(element.children, inPre: inPre) }
            return "<\(name)>" + html(element.children, inPre: inPre) + "</\(name)>"
        }
        if classes.contains(where: { $0.hasPrefix(QTIClass.prefix) }) { return "" }
        guard isQTI(element) else { return generic(element, inPre: inPre) }
        switch element.name {
        case "choiceInteraction", "orderInteraction", "matchInteraction", "extendedTextInteraction":
            return mode == .parts ? "" : prompt(element)
        case _ where Self.moreInteractions.contains(element.name) || element.name == "hottext":
            return moreHTML(element, inPre: inPre)
        case "gapMatchInteraction":
            let content = element.children.filter {
                if case let .element(child) = $0 { return !["prompt", "gapText", "gapImg"].contains(child.name) }
                return true
            }
            return mode == .parts ? "" : prompt(element) + html(content, inPre: inPre)
        case "textEntryInteraction", "inlineChoiceInteraction":
            switch mode {
            case .blanks, .parts:
                return blankToken(element.attributes["responseIdentifier"] ?? "")
            case .placeholder:
                return "____"
            case .prompt:
                return ""
            }
        case "gap":
            return mode == .blanks ? blankToken(element.attributes["identifier"] ?? "") : "____"
        case "rubricBlock":
            let views = (element.attributes["view"] ?? "").split(separator: " ")
            return views.contains("candidate") ? "<div>" + html(element.children, inPre: inPre) + "</div>" : ""
        case "templateBlock", "templateInline":
            switch QTITemplateCondition.evaluate(element, in: templateVariables) {
            case .shown:
                return html(element.children, inPre: inPre)
            case .hidden:
                return ""
            case .undecided:
                let entry = "<\(element.name)> whose condition cannot be decided"
                if !removed.contains(entry) { removed.append(entry) }
                if removalLine == nil { removalLine = element.line }
                return ""
            }
        case "printedVariable":
            // The clone's value, as plain text (a `format` is not applied).
            guard let value = templateValues[QTIText.clean(element.attributes["identifier"] ?? "")], !value.texts.isEmpty else {
                let entry = "<printedVariable> of a variable without a value"
                if !removed.contains(entry) { removed.append(entry) }
                if removalLine == nil { removalLine = element.line }
                return ""
            }
            return HTMLText.escape(value.texts.joined(separator: ", "))
        case "prompt", "feedbackBlock", "feedbackInline", "modalFeedback", "param", "gapText", "gapImg",
            "infoControl":
            return ""
        case "object":
            return object(element, inPre: inPre)
        default:
            return generic(element, inPre: inPre)
        }
    }

    mutating func prompt(_ interaction: XMLElement) -> String {
        guard let prompt = interaction.first("prompt") else { return "" }
        let blockNames: Set<String> = ["p", "div", "ul", "ol", "dl", "table", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "hr"]
        let content = html(prompt.children, inPre: false)
        if QTIText.isBlank(content) { return "" }
        let hasBlocks = prompt.elements.contains { blockNames.contains($0.name) }
        return hasBlocks ? "<div>\(content)</div>" : "<p>\(content)</p>"
    }

    /// Image types an `<object>` shows as an `<img>`, by file extension.
    private static let imageExtensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "avif", "bmp", "svg"]

    /// An `<object>`: an image becomes an `<img>` (its fallback text the alternative); an HTML reading
    /// passage of the package is read and shown in its place (the sanitizer keeps what is safe); anything
    /// else shows its fallback content, or its file name when it has none, and CM312 says it was removed.
    private mutating func object(_ element: XMLElement, inPre: Bool) -> String {
        let data = element.attributes["data"] ?? ""
        let type = QTIText.clean(element.attributes["type"] ?? "").lowercased()
        let fileName = String(data.split(separator: "/").last ?? Substring(data))
        let fileExtension = fileName.split(separator: ".").count > 1 ? String(fileName.split(separator: ".").last!).lowercased() : ""
        let fallback = html(element.children, inPre: inPre)
        if type.hasPrefix("image/") || (type.isEmpty && Self.imageExtensions.contains(fileExtension)) {
            if imageLines[data] == nil { imageLines[data] = element.line }
            var attributes = [("src", data), ("alt", QTIText.clean(XMLElement(name: "", namespace: nil, attributes: [:], children: element.children, line: 0).text))]
            for name in ["width", "height"] { if let value = element.attributes[name] { attributes.append((name, value)) } }
            return "<img" + attributes.map { " \($0.0)=\"\(HTMLText.escapeAttribute($0.1))\"" }.joined() + ">"
        }
        let isPassage = type == "text/html" || type == "application/xhtml+xml" || (type.isEmpty && ["html", "htm", "xhtml"].contains(fileExtension))
        if isPassage, let readFile, case let .path(path) = ItemAssetPath.resolve(data, from: file) {
            if let bytes = readFile(path) {
                if bytes.count <= QTIImporter.maximumPassageBytes {
                    return "<div>" + Self.passageBody(String(decoding: bytes, as: UTF8.self)) + "</div>"
                }
                collector.warn(.warning(
                    .importedFileNotKept, at: location(element.line),
                    "\(itemName): reading passage '\(path)' is \(bytes.count) bytes, over the \(QTIImporter.maximumPassageBytes) bytes Coursemap inlines; its fallback content is shown"))
            } else {
                collector.warn(.warning(
                    .missingAsset, at: location(element.line),
                    "\(itemName): reading passage '\(path)' does not exist in the content folder; the object's fallback content is shown"))
            }
        } else if isPassage, readFile != nil, case let .outside(reason) = ItemAssetPath.resolve(data, from: file) {
            // `../../../etc/passwd`, `%2e%2e/…`, `/etc/x.html`: never read, and said so where it is written.
            collector.warn(.warning(
                .unsafeAssetPath, at: location(element.line),
                "\(itemName): reading passage '\(MessageText.printable(data))' is not a file of the package (\(reason)); the object's fallback content is shown"))
        } else {
            noteRemoval("<object>", line: element.line)
        }
        if QTIText.isBlank(element.text), !element.elements.contains(where: { $0.name == "img" || $0.name == "object" }) {
            return "<p>" + HTMLText.escape("[\(fileName)]") + "</p>"
        }
        return fallback
    }

    /// What is between `<body …>` and `</body>` of an HTML document (all of it when there is no body).
    static func passageBody(_ document: String) -> String {
        guard let open = document.range(of: "<body", options: .caseInsensitive),
            let end = document[open.upperBound...].firstIndex(of: ">")
        else { return document }
        let start = document.index(after: end)
        let close = document.range(of: "</body", options: .caseInsensitive, range: start..<document.endIndex)?.lowerBound ?? document.endIndex
        return String(document[start..<close])
    }

    /// Notes something removed from the item, at the line of the element it was removed from.
    private mutating func noteRemoval(_ entry: String, line: Int) {
        if !removed.contains(entry) { removed.append(entry) }
        removalLine = min(removalLine ?? line, line)
    }

    /// Any other element, as HTML: the sanitizer decides what survives.
    private mutating func generic(_ element: XMLElement, inPre: Bool) -> String {
        let name = element.name
        // CM312 points at the element that loses something (the sanitizer sees no source lines).
        if HTMLSanitizer.dropped.contains(name.lowercased()) {
            removalLine = min(removalLine ?? element.line, element.line)
        } else if element.attributes.keys.contains(where: { $0.lowercased().hasPrefix("on") || $0.lowercased() == "style" }) {
            removalLine = min(removalLine ?? element.line, element.line)
        }
        if name == "img", let source = element.attributes["src"], imageLines[source] == nil { imageLines[source] = element.line }
        var out = "<\(name)"
        for key in element.attributes.keys.sorted() {
            out += " \(key)=\"\(HTMLText.escapeAttribute(element.attributes[key] ?? ""))\""
        }
        out += ">"
        if ["br", "hr", "img", "col"].contains(name) { return out }
        out += html(element.children, inPre: inPre || name == "pre")
        return out + "</\(name)>"
    }

    private func blankToken(_ key: String) -> String {
        guard let number = blankNumbers[key] else { return "" }
        return String(Character(Self.blankOpen)) + String(number) + String(Character(Self.blankClose))
    }

    private static func replaceBlankTokens(_ text: String) -> String {
        guard text.unicodeScalars.contains(blankOpen) else { return text }
        var out = ""
        var number: String?
        for scalar in text.unicodeScalars {
            if scalar == blankOpen {
                number = ""
            } else if scalar == blankClose, let current = number {
                out += "<span class=\"blank\" data-blank=\"\(current)\"></span>"
                number = nil
            } else if number != nil {
                number!.unicodeScalars.append(scalar)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Elements next to which white space does not show in HTML.
    private static let blockTags: Set<String> = [
        "p", "div", "blockquote", "ul", "ol", "li", "dl", "dt", "dd", "table", "caption", "thead", "tbody", "tfoot", "tr",
        "th", "td", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "hr", "br", "figure", "figcaption", "colgroup", "col",
    ]

    /// Removes the white space that indentation leaves next to block tags and line breaks, and collapses
    /// the rest (not inside `<pre>`). Works on the sanitizer's output, where `<` and `>` only delimit tags.
    static func tidy(_ html: String) -> String {
        enum Token {
            case tag(String, name: String, closing: Bool)
            case text(String)
        }
        var tokens: [Token] = []
        var current = ""
        var inTag = false
        for character in html {
            if character == "<", !inTag {
                if !current.isEmpty { tokens.append(.text(current)) }
                current = "<"
                inTag = true
            } else if character == ">", inTag {
                current += ">"
                let closing = current.hasPrefix("</")
                let name = String(current.dropFirst(closing ? 2 : 1).prefix { $0.isLetter || $0.isNumber }).lowercased()
                tokens.append(.tag(current, name: name, closing: closing))
                current = ""
                inTag = false
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(.text(current)) }

        func isBlock(_ index: Int) -> Bool {
            guard index >= 0, index < tokens.count else { return true }
            if case let .tag(_, name, _) = tokens[index] { return blockTags.contains(name) }
            return false
        }
        var out = ""
        var preDepth = 0
        for (index, token) in tokens.enumerated() {
            switch token {
            case let .tag(text, name, closing):
                if name == "pre" { preDepth += closing ? -1 : 1 }
                out += text
            case let .text(text):
                if preDepth > 0 {
                    out += text
                    continue
                }
                var collapsed = QTIText.collapse(text)
                if isBlock(index - 1), collapsed.hasPrefix(" ") { collapsed.removeFirst() }
                if isBlock(index + 1), collapsed.hasSuffix(" ") { collapsed.removeLast() }
                out += collapsed
            }
        }
        return out
    }

    // MARK: Tree helpers

    static func descendants(of element: XMLElement, where predicate: (XMLElement) -> Bool) -> [XMLElement] {
        var found: [XMLElement] = []
        for child in element.elements {
            if predicate(child) { found.append(child) }
            found += descendants(of: child, where: predicate)
        }
        return found
    }

    /// The element whose child `target` is, searching below `root`.
    private static func parent(of target: XMLElement, in root: XMLElement) -> XMLElement? {
        for child in root.elements {
            if child == target { return root }
            if let found = parent(of: target, in: child) { return found }
        }
        return nil
    }

    static func orderedUnique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
