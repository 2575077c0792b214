import CoursemapModel
import CoursemapXML
import Foundation

/// Reads a Moodle XML question file (`<quiz>`) into an `ExerciseBank`.
///
/// - Category questions start sections (titled by the last component of their path); questions before
///   any category go into an untitled section; sections without questions are dropped.
/// - Supported types: multichoice (and the multichoiceset plugin), truefalse, shortanswer, numerical,
///   matching (with shared answers and distractors), essay, ordering (qtype_ordering), description, cloze
///   with short-answer and multiple-choice fields, gapselect and ddwtos (`MoodleGapSelect`). Anything else
///   is skipped with a CM311 warning naming the type.
/// - Feedback: general feedback is the explanation; combined and per-answer feedback go to the item's
///   `ItemFeedback` or the choice's feedback.
/// - Answer grades must be in Moodle's fixed set (`MoodleFractions`); a question with a grade outside it
///   gets a CM310 error at each offending answer and is not imported (Moodle refuses such a file).
/// - A question nobody can answer (no correct choice, no accepted answer, fewer than two pairs or steps, a
///   cloze drop-down with fewer than two options) gets a CM314 warning and is skipped (`ImportSkip`);
///   `interop.strict` makes that an error.
/// - HTML is sanitised (`HTMLSanitizer`); anything removed is listed in one CM312 warning per question.
///   Embedded files (`@@PLUGINFILE@@`, `<file>`) are not imported: images using them are removed, links to
///   them are kept as text, and one CM312 warning says so.
/// - Items get the id from a `coursemap-id:` tag, else the question name when it is a valid identifier
///   used by no other question, else `q` + the question's two-digit position among the file's questions
///   (categories not counted, skipped questions counted, so ids do not move when a problem is fixed).
public enum MoodleImporter {
    /// `root` is the <quiz> element of a Moodle XML file at `file` (a path relative to the content root, used
    /// in diagnostics). The bank gets `bankID` and, as title, the first category's last path component (or
    /// `bankID` if none).
    /// Images that load from another host are dropped (CM319) unless `keepRemoteImages`.
    public static func importBank(
        _ root: XMLElement, file: String, bankID: String, keepRemoteImages: Bool = false
    ) -> (bank: ExerciseBank, diagnostics: [Diagnostic]) {
        let result = importBankNamingSkips(root, file: file, bankID: bankID, keepRemoteImages: keepRemoteImages)
        return (result.bank, result.diagnostics)
    }

    /// Like `importBank`, and also the names of the questions that were skipped (sidecar entries may name
    /// them without naming nothing).
    public static func importBankNamingSkips(
        _ root: XMLElement, file: String, bankID: String, keepRemoteImages: Bool = false
    ) -> (bank: ExerciseBank, diagnostics: [Diagnostic], skipped: Set<String>) {
        var diagnostics: [Diagnostic] = []
        var skipped = Set<String>()
        let bankLocation = SourceLocation(file: file, line: root.line)
        guard root.name == "quiz" else {
            diagnostics.append(.error(
                .xmlUnknownRoot, at: bankLocation,
                "a Moodle XML question file has the root element <quiz>, not <\(root.name)>"))
            let bank = ExerciseBank(id: bankID, title: LocalizedText(zh: bankID), source: .moodle, sections: [], location: bankLocation)
            return (bank, diagnostics, skipped)
        }

        var sections: [(title: String?, items: [Imported])] = []
        var currentTitle: String?
        var currentItems: [Imported] = []
        var bankTitle: String?
        var position = 0

        for element in root.elements where element.name == "question" {
            let type = (element.attributes["type"] ?? "").trimmingCharacters(in: .whitespaces).lowercased()
            if type == "category" {
                let path = element.first("category")?.first("text")?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                let components = MoodleConventions.categoryComponents(path)
                if !currentItems.isEmpty { sections.append((currentTitle, currentItems)) }
                currentItems = []
                currentTitle = components.last
                if bankTitle == nil { bankTitle = components.last }
                continue
            }
            position += 1
            var reader = MoodleQuestionReader(element: element, type: type, file: file, keepRemoteImages: keepRemoteImages)
            let item = reader.read()
            diagnostics.append(contentsOf: reader.diagnostics)
            if let item {
                currentItems.append(Imported(item: item, tagID: reader.tagID, name: reader.name, position: position))
            } else if !reader.name.isEmpty {
                skipped.insert(reader.name)
            }
        }
        if !currentItems.isEmpty { sections.append((currentTitle, currentItems)) }

        let ids = assignIDs(sections.flatMap(\.items), file: file, diagnostics: &diagnostics)
        var next = 0
        let built = sections.map { section in
            ExerciseSection(
                title: section.title.map { LocalizedText(zh: $0) },
                items: section.items.map { imported in
                    var item = imported.item
                    item.id = ids[next]
                    next += 1
                    return item
                })
        }
        let bank = ExerciseBank(
            id: bankID, title: LocalizedText(zh: bankTitle ?? bankID), source: .moodle, sections: built, location: bankLocation)
        return (bank, diagnostics, skipped)
    }

    private struct Imported {
        var item: ExerciseItem
        var tagID: String?
        var name: String
        var position: Int
    }

    /// Ids in item order: `coursemap-id:` tags first, then unique identifier-like names, then `qNN`.
    private static func assignIDs(_ items: [Imported], file: String, diagnostics: inout [Diagnostic]) -> [String] {
        var ids = [String?](repeating: nil, count: items.count)
        var used = Set<String>()
        for (index, imported) in items.enumerated() {
            guard let tagID = imported.tagID else { continue }
            if !CompetencyID.isIdentifier(tagID) {
                diagnostics.append(.warning(
                    .invalidID, at: imported.item.location,
                    "tag \(MoodleConventions.idTag)\(tagID) is not a valid item id (ASCII letters, digits, - and _); the id is chosen as for other questions"))
            } else if !used.insert(tagID).inserted {
                diagnostics.append(.warning(
                    .duplicateID, at: imported.item.location,
                    "item id \"\(tagID)\" (tag \(MoodleConventions.idTag)\(tagID)) is already used by an earlier question; this one gets another id"))
            } else {
                ids[index] = tagID
            }
        }
        var nameCounts: [String: Int] = [:]
        for imported in items { nameCounts[imported.name, default: 0] += 1 }
        for (index, imported) in items.enumerated() where ids[index] == nil {
            let name = imported.name
            if CompetencyID.isIdentifier(name), nameCounts[name] == 1, used.insert(name).inserted { ids[index] = name }
        }
        for (index, imported) in items.enumerated() where ids[index] == nil {
            let base = "q" + (imported.position < 10 ? "0" : "") + String(imported.position)
            var candidate = base
            var suffix = 2
            while used.contains(candidate) {
                candidate = "\(base)-\(suffix)"
                suffix += 1
            }
            used.insert(candidate)
            ids[index] = candidate
        }
        return ids.map { $0 ?? "" }
    }
}

/// Reads one `<question>`; collects its diagnostics and what sanitising removed.
struct MoodleQuestionReader {
    let element: XMLElement
    let type: String
    let file: String
    var diagnostics: [Diagnostic] = []
    /// What the sanitiser removed, without repeats, in order.
    var removed: [String] = []
    /// `@@PLUGINFILE@@` references dropped from the HTML.
    var droppedFiles: [String] = []
    /// The `coursemap-id:` tag, if any.
    var tagID: String?
    /// The question name as written (trimmed): the item's import key.
    var name: String
    let keepRemoteImages: Bool
    /// Sources of remote images the sanitiser dropped, without repeats, in order.
    var remoteImages: [String] = []
    /// What `removed`, `remoteImages` and `droppedFiles` already hold (prefixed by list), so that keeping
    /// them without repeats stays linear in a question with thousands of answers.
    private var seen: Set<String> = []
    /// The files the question's images use (`ItemAsset`s), with CM323/CM328 met on the way.
    let collector: ItemAssetCollector
    /// The embedded files of the text element being converted, and its line.
    private var currentFiles: [String: MoodleEmbeddedFiles.Decoded] = [:]
    private var currentLine: Int?
    /// Embedded files an image used.
    private var usedFiles: Set<String> = []

    init(element: XMLElement, type: String, file: String, keepRemoteImages: Bool = false) {
        self.element = element
        self.type = type
        self.file = file
        self.keepRemoteImages = keepRemoteImages
        self.questionFormat = element.first("questiontext")?.attributes["format"] ?? "html"
        self.name = element.first("name")?.first("text")?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let name = self.name
        self.collector = ItemAssetCollector(
            file: file, itemName: name.isEmpty ? "the \(type) question" : "question \"\(MoodleHTML.plainText(name))\"")
    }

    var location: SourceLocation { SourceLocation(file: file, line: element.line) }

    /// How messages name the question.
    var label: String { name.isEmpty ? "the \(type) question" : "question \"\(MoodleHTML.plainText(name))\"" }

    /// Whether Moodle shows the answers shuffled: `<shuffleanswers>` 1 or true, and by default when absent
    /// (Moodle's own default).
    var shufflesAnswers: Bool {
        guard let text = element.first("shuffleanswers")?.text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() else { return true }
        return !["0", "false", "no"].contains(text)
    }

    /// The format the question text is in; answers default to it, as in Moodle.
    /// Read once: answers ask for it one by one.
    let questionFormat: String

    // MARK: The question

    mutating func read() -> ExerciseItem? {
        let body: ItemBody
        var stem: String
        switch type {
        case "multichoice", "multichoiceset":
            guard validateFractions(), let choices = readChoices() else { return finish(nil) }
            stem = html(element.first("questiontext"))
            body = choices
        case "truefalse":
            guard validateFractions(), let answer = readTrueFalse() else { return finish(nil) }
            stem = html(element.first("questiontext"))
            body = .trueFalse(answer: answer)
        case "shortanswer":
            guard validateFractions(), let blank = readShortAnswerBlank() else { return finish(nil) }
            stem = Self.withBlank(html(element.first("questiontext")))
            body = .fillBlank([blank])
        case "numerical":
            guard validateFractions(), let answers = readNumerical() else { return finish(nil) }
            stem = html(element.first("questiontext"))
            body = .numerical(answers)
        case "matching", "match":
            guard validateFractions(), let matching = readMatching() else { return finish(nil) }
            stem = html(element.first("questiontext"))
            body = matching
        case "essay":
            (stem, body) = readEssay()
        case "ordering":
            // qtype_ordering writes each answer's position in the correct order as its "fraction" (1, 2, 3…):
            // not a grade, so not checked against the grade set.
            guard let steps = readOrdering() else { return finish(nil) }
            stem = html(element.first("questiontext"))
            body = .ordering(steps)
        case "description":
            stem = html(element.first("questiontext"))
            body = .description
        case "cloze", "multianswer":
            guard let cloze = readCloze() else { return finish(nil) }
            (stem, body) = cloze
        case "gapselect", "ddwtos":
            guard let gaps = readGapSelect() else { return finish(nil) }
            (stem, body) = gaps
        default:
            let shown = type.isEmpty ? "(no type)" : type
            diagnostics.append(ImportSkip.warning(
                .unsupportedItem, at: location,
                "\(label) is of Moodle question type \"\(MessageText.printable(shown))\", which Coursemap does not import"))
            return nil
        }

        var usageStatements: [UsageStatement] = []
        var difficulty: Difficulty?
        var assesses: [AssessmentClaim] = []
        readTags(usage: &usageStatements, difficulty: &difficulty, assesses: &assesses)
        let usage = UsageStatement.combine(usageStatements, item: label, into: &diagnostics)

        // Moodle's general feedback is shown to everyone after an attempt: the item's explanation (解析), as
        // Coursemap's own Moodle export writes it.
        let explanation = html(element.first("generalfeedback"))
        let feedback = readFeedback()
        let defaultScore: Double = type == "description" ? 0 : 1
        var score = MoodleNumber.parse(element.first("defaultgrade")?.text) ?? defaultScore
        if let grade = element.first("defaultgrade")?.text, !grade.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
            MoodleNumber.parse(grade).map({ $0 < 0 || $0 > NumberBounds.maximumScore }) ?? true
        {
            invalid("has defaultgrade '\(grade.prefix(40))', which is not a number from 0 to \(NumberText.plain(NumberBounds.maximumScore))")
            return finish(nil)
        }
        if element.first("defaultgrade") == nil, case let .fillBlank(blanks) = body, type != "shortanswer" {
            // A cloze question's mark is the sum of its fields' weights.
            score = clozeWeight ?? Double(blanks.count)
        } else {
            score = ImportedScore.counted(score, field: "defaultgrade", item: label, at: location, into: &diagnostics)
        }
        let title = MoodleHTML.plainText(name)
        stem = stem.trimmingCharacters(in: .whitespacesAndNewlines)
        if let picture = legacyImage() { stem += picture }
        let item = ExerciseItem(
            id: "", title: title.isEmpty ? nil : LocalizedText(zh: title), usage: usage?.usage ?? .practice, difficulty: difficulty,
            score: score, stem: RichText(html: stem), body: body,
            explanation: explanation.isEmpty ? nil : RichText(html: explanation), feedback: feedback, assets: collector.assets, assesses: assesses,
            importKey: name.isEmpty ? nil : name, usageOrigin: usage?.location, shuffleChoices: shufflesAnswers, location: location)
        return finish(item)
    }

    /// Adds the sanitising and embedded-file warnings, and names the hints Coursemap leaves out.
    private mutating func finish(_ item: ExerciseItem?) -> ExerciseItem? {
        // Hints are shown between tries in Moodle's interactive mode; Coursemap's self-check has no tries.
        let hints = element.all("hint").filter { !MoodleHTML.plainText($0.first("text")?.text ?? "").isEmpty }
        if item != nil, !hints.isEmpty {
            diagnostics.append(.warning(
                .unsupportedItem, at: SourceLocation(file: file, line: hints[0].line),
                "\(label) has \(hints.count) hint(s) (<hint>, shown between tries in Moodle's interactive mode); hints are not imported"))
        }
        if !removed.isEmpty {
            diagnostics.append(.warning(
                .sanitizedHTML, at: location,
                "HTML that is unsafe or not allowed in Coursemap pages was removed from \(label): \(removed.joined(separator: ", "))"))
        }
        if !remoteImages.isEmpty {
            diagnostics.append(RemoteImages.warning(remoteImages, in: label, at: location))
        }
        diagnostics += collector.diagnostics
        var files = droppedFiles
        for name in Self.fileNames(in: element) where !files.contains(name) && !usedFiles.contains(name) { files.append(name) }
        if !files.isEmpty {
            diagnostics.append(.warning(
                .sanitizedHTML, at: location,
                "embedded files are not imported (\(files.joined(separator: ", "))): only images embedded in the question are; links to other files are kept as text, and an image whose file is missing shows its text alternative, in \(label)"))
        }
        return item
    }

    /// A fill-in blank accepts only full-mark answers: answers Moodle gives part of the marks are graded
    /// wrong by the self-check, which the warning says rather than changing the grading without a word.
    private mutating func warnPartialCredit(_ answers: [String], in place: String) {
        guard !answers.isEmpty else { return }
        diagnostics.append(.warning(
            .unsupportedItem, at: location,
            "\(label) gives partial credit in \(place) to \(answers.prefix(10).joined(separator: ", ")); a blank accepts only answers with full marks, so these count as wrong"))
    }

    private static func fileNames(in element: XMLElement) -> [String] {
        var names: [String] = []
        for child in element.elements {
            if child.name == "file" { names.append(child.attributes["name"] ?? "(unnamed file)") }
            names.append(contentsOf: fileNames(in: child))
        }
        return names
    }

    private mutating func invalid(_ problem: String) {
        diagnostics.append(ImportSkip.warning(.invalidItem, at: location, "\(label) \(problem)"))
    }

    // MARK: Grades

    /// CM310 for each answer (or subquestion) whose `fraction` is not one of Moodle's grades.
    private mutating func validateFractions() -> Bool {
        var valid = true
        for child in element.elements where child.name == "answer" || child.name == "subquestion" {
            guard let text = child.attributes["fraction"] else { continue }
            if MoodleFractions.isValid(text) { continue }
            valid = false
            let suggestion = MoodleFractions.parse(text).map { "; the nearest allowed grade is \(MoodleFractions.format(MoodleFractions.nearest($0)))" } ?? ""
            diagnostics.append(.error(
                .invalidFraction, at: SourceLocation(file: file, line: child.line),
                "grade fraction=\"\(text)\" in \(label) is not one of Moodle's grades (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0 and their negatives), so Moodle would refuse the file\(suggestion)"))
        }
        return valid
    }

    private func fraction(_ element: XMLElement) -> Double {
        element.attributes["fraction"].flatMap(MoodleFractions.parse) ?? 0
    }

    private static func isFull(_ fraction: Double) -> Bool { abs(fraction - 100) < MoodleFractions.tolerance }

    // MARK: Types

    private mutating func readChoices() -> ItemBody? {
        let singleText = element.first("single")?.text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let single = type == "multichoice" && singleText != "false" && singleText != "0"
        var entries: [(html: String, fraction: Double, feedback: String)] = []
        for answer in element.all("answer") {
            let text = html(answer, defaultFormat: questionFormat)
            guard !text.isEmpty else { continue }  // Moodle ignores answers without text
            entries.append((text, fraction(answer), html(answer.first("feedback"))))
        }
        let best = entries.map(\.fraction).max() ?? 0
        let choices = entries.enumerated().map { index, entry in
            Choice(
                label: Self.choiceLabel(index), text: RichText(html: entry.html),
                // Single choice: only the answers with the top grade count as the answer; partial-credit
                // answers do not. Multiple choice: every answer with a positive grade is part of the answer.
                correct: single ? entry.fraction > 0 && abs(entry.fraction - best) < MoodleFractions.tolerance : entry.fraction > 0,
                feedback: entry.feedback.isEmpty ? nil : RichText(html: entry.feedback))
        }
        guard !choices.isEmpty else {
            invalid("has no answers")
            return nil
        }
        guard choices.contains(where: \.correct) else {
            invalid("has no correct answer (no answer with a positive grade)")
            return nil
        }
        return single ? .singleChoice(choices) : .multipleChoice(choices)
    }

    /// A, B, … Z, then A2, B2, …
    static func choiceLabel(_ index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let letter = String(letters[index % 26])
        return index < 26 ? letter : letter + String(index / 26 + 1)
    }

    private mutating func readTrueFalse() -> Bool? {
        var trueFraction: Double?
        var falseFraction: Double?
        for (index, answer) in element.all("answer").enumerated() {
            var text = (answer.first("text")?.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            // Old files without "true"/"false" texts list the true answer first (as Moodle assumes).
            if text != "true" && text != "false" { text = index == 0 ? "true" : "false" }
            if text == "true" { trueFraction = trueFraction ?? fraction(answer) } else { falseFraction = falseFraction ?? fraction(answer) }
        }
        if let trueFraction { return Self.isFull(trueFraction) }
        if let falseFraction { return !Self.isFull(falseFraction) }
        invalid("has no true and false answers")
        return nil
    }

    private mutating func readShortAnswerBlank() -> Blank? {
        let accepted = element.all("answer").filter { Self.isFull(fraction($0)) }.compactMap { answer -> String? in
            let text = (answer.first("text")?.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }
        guard !accepted.isEmpty else {
            invalid("has no answer with full marks (fraction 100)")
            return nil
        }
        let partial = element.all("answer").filter { !Self.isFull(fraction($0)) && fraction($0) > 0 }
            .map { "'\(MessageText.printable(String(($0.first("text")?.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(40))))' (\(NumberText.plain(fraction($0)))%)" }
        warnPartialCredit(partial, in: "its answers")
        let usecase = element.first("usecase")?.text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        // Moodle's `*` wildcard ("frog*" accepts "frogs"): kept as written, matched as a pattern.
        return Blank(accepted: accepted, caseSensitive: usecase == "1" || usecase == "true", wildcard: accepted.contains { $0.contains("*") })
    }

    /// The stem with its blank: the first run of three or more underscores becomes the blank marker (that is
    /// how Coursemap's export and many teachers write the gap); without one the marker goes at the end.
    static func withBlank(_ stem: String) -> String {
        let marker = MoodleConventions.blankSpan(1)
        let characters = Array(stem)
        var index = 0
        while index < characters.count {
            if characters[index] == "_" {
                var end = index
                while end < characters.count, characters[end] == "_" { end += 1 }
                if end - index >= 3 {
                    return String(characters[..<index]) + marker + String(characters[end...])
                }
                index = end
            } else {
                index += 1
            }
        }
        return MoodleConventions.appendInline(marker, to: stem)
    }

    private mutating func readNumerical() -> [NumericAnswer]? {
        var answers: [NumericAnswer] = []
        for answer in element.all("answer") {
            let text = (answer.first("text")?.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            // "*" (any other answer) has no value to show.
            if text == "*" || text.isEmpty { continue }
            guard let value = MoodleNumber.parse(text.replacingOccurrences(of: ",", with: ".")) else {
                invalid("has the answer '\(text.prefix(40))', which is not a finite number of at most 10^12")
                return nil
            }
            let toleranceText = (answer.first("tolerance")?.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            var tolerance = 0.0
            if !toleranceText.isEmpty {
                guard let read = MoodleNumber.parse(toleranceText), read >= 0 else {
                    invalid("has the tolerance '\(toleranceText.prefix(40))', which is not a finite number from 0 to 10^12")
                    return nil
                }
                tolerance = read
            }
            answers.append(NumericAnswer(value: value, tolerance: tolerance, fraction: fraction(answer)))
        }
        guard answers.contains(where: { $0.fraction > 0 }) else {
            invalid("has no numeric answer with a positive grade")
            return nil
        }
        return answers
    }

    /// Subquestions with text are pairs; subquestions that share an answer text share one right-hand side
    /// (equal `RichText`, one target). A subquestion without text is an extra wrong answer in Moodle: a
    /// distractor.
    private mutating func readMatching() -> ItemBody? {
        var pairs: [MatchPair] = []
        var extra: [RichText] = []
        for subquestion in element.all("subquestion") {
            let raw = subquestion.first("text")?.text ?? ""
            let right = (subquestion.first("answer")?.first("text")?.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let target = RichText(html: HTMLText.escape(right))
            guard !raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                if !right.isEmpty { extra.append(target) }
                continue
            }
            pairs.append(MatchPair(left: RichText(html: html(subquestion)), right: target))
        }
        guard pairs.count >= 2 else {
            invalid("has fewer than two pairs to match")
            return nil
        }
        var seen = Set(pairs.map(\.right))
        let distractors = extra.filter { seen.insert($0).inserted }
        return .matching(pairs, distractors: distractors)
    }

    private mutating func readOrdering() -> [RichText]? {
        var steps: [(position: Double, index: Int, html: String)] = []
        for (index, answer) in element.all("answer").enumerated() {
            let text = html(answer)
            guard !text.isEmpty else { continue }
            let position = answer.attributes["fraction"].flatMap(MoodleFractions.parse) ?? Double(index + 1)
            steps.append((position, index, text))
        }
        steps.sort { $0.position != $1.position ? $0.position < $1.position : $0.index < $1.index }
        guard steps.count >= 2 else {
            invalid("has fewer than two items to order")
            return nil
        }
        return steps.map { RichText(html: $0.html) }
    }

    private mutating func readEssay() -> (String, ItemBody) {
        let questionText = element.first("questiontext")
        let raw = questionText?.first("text")?.text ?? ""
        if questionFormat.lowercased() == "html", let (rest, task) = readPractical(raw) {
            return (sanitize(rest), .practical(task))
        }
        let stem = html(questionText)
        let graderInfo = element.first("graderinfo")
        let graderRaw = graderInfo?.first("text")?.text ?? ""
        if (graderInfo?.attributes["format"] ?? "html").lowercased() == "html", let marked = readMarkedShortAnswer(graderRaw) {
            return (stem, marked)
        }
        let reference = html(graderInfo)
        return (stem, .shortAnswer(reference: reference.isEmpty ? nil : RichText(html: reference), points: []))
    }

    /// Short-answer reference and marking points from Coursemap's markers in `<graderinfo>`.
    private mutating func readMarkedShortAnswer(_ raw: String) -> ItemBody? {
        guard raw.contains(MoodleConventions.markerAttribute) else { return nil }
        let fragment = MoodleHTMLFragment(raw)
        let referenceNode = fragment.marked(MoodleConventions.Marker.reference.rawValue)
        let pointsNode = fragment.marked(MoodleConventions.Marker.points.rawValue)
        guard referenceNode != nil || pointsNode != nil else { return nil }
        let reference = referenceNode.map { sanitize(fragment.inner(fragment.nodes[$0])) } ?? ""
        let points = pointsNode.map { list in
            fragment.children(of: list, named: "li").map { index -> MarkingPoint in
                let node = fragment.nodes[index]
                return MarkingPoint(text: RichText(html: sanitize(fragment.inner(node))), score: MoodleNumber.parse(node.attributes["data-score"]))
            }
        } ?? []
        return .shortAnswer(reference: reference.isEmpty ? nil : RichText(html: reference), points: points)
    }

    /// A practical task from Coursemap's markers in the question text, and the question text without them.
    private mutating func readPractical(_ raw: String) -> (String, PracticalTask)? {
        guard raw.contains(MoodleConventions.markerAttribute) else { return nil }
        let fragment = MoodleHTMLFragment(raw)
        typealias Marker = MoodleConventions.Marker
        guard let root = fragment.marked(Marker.practical.rawValue) else { return nil }
        func piece(_ marker: Marker) -> Int? { fragment.marked(marker.rawValue, in: root) }

        let scenario = piece(.scenario).map { sanitize(fragment.inner(fragment.nodes[$0])) } ?? ""
        let steps = piece(.steps).map { list in
            fragment.children(of: list, named: "li").map { RichText(html: sanitize(fragment.inner(fragment.nodes[$0]))) }
        } ?? []
        var datasets: [Dataset] = []
        if let list = piece(.datasets) {
            for index in fragment.children(of: list, named: "li") {
                let node = fragment.nodes[index]
                let path = (node.attributes["data-path"] ?? "").trimmingCharacters(in: .whitespaces)
                guard Self.isContentPath(path) else {
                    diagnostics.append(.warning(
                        .invalidItem, at: location,
                        "dataset path \"\(path)\" in \(label) is not a relative path inside the content folder; the dataset is left out"))
                    continue
                }
                let titleNode = fragment.marked(Marker.datasetTitle.rawValue, in: index).map { fragment.nodes[$0] } ?? node
                let zh = MoodleHTML.plainText(fragment.inner(titleNode))
                let en = node.attributes["data-title-en"].flatMap { $0.isEmpty ? nil : $0 }
                datasets.append(Dataset(path: path, title: LocalizedText(zh: zh.isEmpty ? path : zh, en: en), location: location))
            }
        }
        let deliverable = piece(.deliverable).map { sanitize(fragment.inner(fragment.nodes[$0])) } ?? ""
        var rubric: [RubricCriterion] = []
        if let table = piece(.rubric) {
            for row in fragment.descendants(of: table, where: { $0.attributes[MoodleConventions.markerAttribute] == Marker.criterion.rawValue }) {
                let name = fragment.marked(Marker.criterionName.rawValue, in: row).map { sanitize(fragment.inner(fragment.nodes[$0])) } ?? ""
                let levels = fragment.descendants(of: row, where: { $0.attributes["data-points"] != nil }).map { index -> RubricLevel in
                    let node = fragment.nodes[index]
                    return RubricLevel(points: MoodleNumber.parse(node.attributes["data-points"]) ?? 0, description: RichText(html: sanitize(fragment.inner(node))))
                }
                rubric.append(RubricCriterion(name: RichText(html: name), levels: levels))
            }
        }
        let rest = fragment.replacing([(fragment.nodes[root].outer, "")])
        let task = PracticalTask(
            scenario: RichText(html: scenario), steps: steps, datasets: datasets, deliverable: RichText(html: deliverable), rubric: rubric)
        return (rest, task)
    }

    /// A dataset path must stay inside the content folder.
    static func isContentPath(_ path: String) -> Bool {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("\\"), !path.contains(":") else { return false }
        return !path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).contains { $0 == ".." }
    }

    /// The weight total of the last cloze read (its mark when the file gives no `defaultgrade`).
    private var clozeWeight: Double?

    private mutating func readCloze() -> (String, ItemBody)? {
        let questionText = element.first("questiontext")
        let raw = questionText?.first("text")?.text ?? ""
        let fields = MoodleCloze.fields(in: raw)
        if let unsupported = fields.first(where: { MoodleCloze.kind(of: $0.type) == .unsupported }) {
            diagnostics.append(ImportSkip.warning(
                .unsupportedItem, at: location,
                "\(label) has a cloze field of type \(MessageText.printable(unsupported.type)), which Coursemap does not import (it imports SHORTANSWER and MULTICHOICE fields)"))
            return nil
        }
        guard fields.count <= MoodleCloze.maximumFields else {
            invalid("has \(fields.count) embedded answers; Coursemap imports at most \(MoodleCloze.maximumFields) per question")
            return nil
        }
        guard !fields.isEmpty else {
            invalid("has no embedded answers ({1:SHORTANSWER:=…} or {1:MULTICHOICE:=…})")
            return nil
        }
        var blanks: [Blank] = []
        for (index, field) in fields.enumerated() {
            // A `%n%` grade must be one of Moodle's grades, as an answer's fraction must: `%nan%`, `%1e400%`
            // or `%150%` is CM310, not an answer graded NaN or infinity.
            if let odd = field.alternatives.first(where: { !MoodleFractions.isValid($0.fraction) }) {
                diagnostics.append(.error(
                    .invalidFraction, at: location,
                    "a field (number \(index + 1), \(field.type)) of \(label) grades the answer '\(odd.text.prefix(40))' "
                        + "\(NumberText.plain(odd.fraction))%, which is not one of Moodle's grades, so Moodle would refuse the file"))
                return nil
            }
            let accepted = field.alternatives.filter { Self.isFull($0.fraction) }.map(\.text)
            guard !accepted.isEmpty else {
                invalid("has a field (number \(index + 1), \(field.type)) without a fully correct answer")
                return nil
            }
            warnPartialCredit(
                field.alternatives.filter { !Self.isFull($0.fraction) && $0.fraction > 0 }
                    .map { "'\(MessageText.printable(String($0.text.prefix(40))))' (\(NumberText.plain($0.fraction))%)" },
                in: "field \(index + 1)")
            switch MoodleCloze.kind(of: field.type) {
            case let .shortAnswer(caseSensitive):
                blanks.append(Blank(accepted: accepted, caseSensitive: caseSensitive, wildcard: accepted.contains { $0.contains("*") }))
            default:
                // Moodle refuses a drop-down with a single option: there is nothing to choose.
                let options = field.alternatives.map(\.text)
                guard Set(options).count >= 2 else {
                    invalid("has a MULTICHOICE field (number \(index + 1)) with fewer than two options (Moodle refuses it)")
                    return nil
                }
                blanks.append(Blank(accepted: accepted, options: options))
            }
        }
        // Weights are at most 1,000 each (a longer digit run is out of range, not absent), so the total of
        // at most `MoodleCloze.maximumFields` fields is exact and finite.
        if let heavy = fields.firstIndex(where: { ($0.weight ?? 1) > NumberBounds.maximumClozeWeight }) {
            invalid("has a field (number \(heavy + 1)) weighing more than \(NumberBounds.maximumClozeWeight)")
            return nil
        }
        clozeWeight = fields.reduce(0) { $0 + Double($1.weight ?? 1) }
        // Feedback written after an answer (`=Paris#Right!`) belongs to one answer of one field: the model has
        // no place for it, so it is named rather than dropped without a word.
        let withFeedback = fields.indices.filter { fields[$0].alternatives.contains(where: \.hasFeedback) }.map { String($0 + 1) }
        if !withFeedback.isEmpty {
            diagnostics.append(.warning(
                .sanitizedHTML, at: location,
                "\(label) has answer feedback (#…) in cloze field(s) \(withFeedback.prefix(20).joined(separator: ", ")); per-answer feedback of cloze fields is not imported"))
        }
        let stem = stemWithBlanks(raw, fields.map(\.range), what: "cloze field")
        return (stem, .fillBlank(blanks))
    }

    /// The question text with blank `n` at the `n`-th of `places` (UTF-8 byte ranges of the raw text), sanitised.
    private mutating func stemWithBlanks(_ raw: String, _ places: [Range<Int>], what: String) -> String {
        let template = MoodleHTML.splice(raw, places.enumerated().map { ($1, MoodleConventions.blankPlaceholder($0 + 1)) })
        let restored = MoodleConventions.restoreBlanks(
            in: withFiles(of: element.first("questiontext")) { $0.convert(template, format: $0.questionFormat) }, count: places.count)
        if !restored.inTags.isEmpty {
            let numbers = restored.inTags.sorted().map(String.init).joined(separator: ", ")
            diagnostics.append(.warning(
                .sanitizedHTML, at: location,
                "\(label) has a \(what) (number \(numbers)) inside an HTML attribute, where no blank can be shown; it is removed there and shown at the end of the text"))
        }
        // Blanks whose placeholder the sanitiser dropped go at the end, all in one append.
        let lost = places.indices.map { $0 + 1 }.filter { !restored.found.contains($0) }.map(MoodleConventions.blankSpan).joined()
        return lost.isEmpty ? restored.html : MoodleConventions.appendInline(lost, to: restored.html)
    }

    /// `gapselect` and `ddwtos` (see `MoodleGapSelect`): fill in the blank, each blank a drop-down of the
    /// options in its correct option's group.
    private mutating func readGapSelect() -> (String, ItemBody)? {
        let optionName = type == "ddwtos" ? "dragbox" : "selectoption"
        let options = element.all(optionName).map { option in
            MoodleGapSelect.Option(
                text: MoodleHTML.plainText(option.first("text")?.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                group: (option.first("group")?.text ?? "1").trimmingCharacters(in: .whitespacesAndNewlines))
        }
        let raw = element.first("questiontext")?.first("text")?.text ?? ""
        let places = MoodleGapSelect.places(in: raw)
        guard !places.isEmpty else {
            invalid("has no gap ([[1]], [[2]] …) in its question text")
            return nil
        }
        guard places.count <= MoodleCloze.maximumFields else {
            invalid("has \(places.count) gaps; Coursemap imports at most \(MoodleCloze.maximumFields) per question")
            return nil
        }
        var blanks: [Blank] = []
        for (index, place) in places.enumerated() {
            guard place.choice <= options.count, !options[place.choice - 1].text.isEmpty else {
                invalid("has the gap [[\(place.choice)]] (gap \(index + 1)), but no <\(optionName)> number \(place.choice) with text")
                return nil
            }
            let correct = options[place.choice - 1]
            var offered: [String] = []
            for option in options where option.group == correct.group && !option.text.isEmpty && !offered.contains(option.text) {
                offered.append(option.text)
            }
            blanks.append(Blank(accepted: [correct.text], options: offered))
        }
        return (stemWithBlanks(raw, places.map(\.range), what: "gap"), .fillBlank(blanks))
    }

    // MARK: Feedback

    /// The combined feedback (`<correctfeedback>`, `<partiallycorrectfeedback>`, `<incorrectfeedback>`)
    /// and, for true/false, short-answer and numerical questions, each answer's `<feedback>` by its grade
    /// (full marks: correct; some: partially correct; none: incorrect). Choices keep their own feedback.
    /// When several answers of one grade class have different feedback, the first is kept and a CM312
    /// warning names the others.
    private mutating func readFeedback() -> ItemFeedback? {
        var correct = [html(element.first("correctfeedback"))]
        var partial = [html(element.first("partiallycorrectfeedback"))]
        var incorrect = [html(element.first("incorrectfeedback"))]
        if ["truefalse", "shortanswer", "numerical"].contains(type) {
            for answer in element.all("answer") {
                let text = html(answer.first("feedback"))
                guard !text.isEmpty else { continue }
                let grade = fraction(answer)
                if Self.isFull(grade) {
                    correct.append(text)
                } else if grade > 0 {
                    partial.append(text)
                } else {
                    incorrect.append(text)
                }
            }
        }
        var dropped = 0
        func first(_ texts: [String]) -> RichText? {
            var kept: String?
            for text in texts where !text.isEmpty {
                if kept == nil { kept = text } else if text != kept { dropped += 1 }
            }
            return kept.map { RichText(html: $0) }
        }
        let feedback = ItemFeedback(correct: first(correct), partiallyCorrect: first(partial), incorrect: first(incorrect))
        if dropped > 0 {
            diagnostics.append(.warning(
                .sanitizedHTML, at: location,
                "\(label) has \(dropped) more answer feedback text(s) for a grade that already has feedback; only the first of each grade (correct, partially correct, incorrect) is kept"))
        }
        return feedback.isEmpty ? nil : feedback
    }

    // MARK: Tags

    /// Usage tags are matched exactly (`coursemap-usage:practice` or `coursemap-usage:exam`); any other tag
    /// that looks like one (`coursemap-usage:Exam`, `coursemap-usage: exam`, `Coursemap_Usage:exam`) is
    /// CM318 and counts as exam. Every `<tags>` block of the question is read, not only the first.
    private mutating func readTags(usage: inout [UsageStatement], difficulty: inout Difficulty?, assesses: inout [AssessmentClaim]) {
        let tags = element.all("tags").flatMap { $0.all("tag") }
        for tag in tags {
            let raw = tag.first("text")?.text ?? tag.text
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            let tagLocation = SourceLocation(file: file, line: tag.line)
            if MoodleConventions.looksLikeUsageTag(raw) {
                let value = raw.hasPrefix(MoodleConventions.usageTag) ? String(raw.dropFirst(MoodleConventions.usageTag.count)) : raw
                let shown = MoodleConventions.shownTag(raw)
                usage.append(UsageStatement.read(value, at: tagLocation, source: "tag \(shown)", item: label, into: &diagnostics))
            } else if text.hasPrefix(MoodleConventions.idTag) {
                let value = String(text.dropFirst(MoodleConventions.idTag.count))
                if tagID == nil, !value.isEmpty { tagID = value }
            } else if text.hasPrefix(MoodleConventions.difficultyTag) {
                if let value = Difficulty(rawValue: String(text.dropFirst(MoodleConventions.difficultyTag.count))) { difficulty = value }
            } else if text.hasPrefix(MoodleConventions.competencyTag) {
                let reference = String(text.dropFirst(MoodleConventions.competencyTag.count))
                if let competency = CompetencyID(parsing: reference) {
                    if !assesses.contains(where: { $0.competency == competency }) {
                        assesses.append(AssessmentClaim(competency: competency, location: SourceLocation(file: file, line: tag.line)))
                    }
                } else {
                    diagnostics.append(.warning(
                        .malformedReference, at: SourceLocation(file: file, line: tag.line),
                        "tag \"\(text)\" on \(label) does not name a competency as framework:level:code or framework:code; it is ignored"))
                }
            }
        }
    }

    // MARK: Text

    /// The HTML of a Moodle text element (`<x format="…"><text>…</text></x>`); "" when absent or blank.
    private mutating func html(_ container: XMLElement?, defaultFormat: String = "html") -> String {
        guard let container else { return "" }
        let raw = container.first("text")?.text ?? ""
        return withFiles(of: container) { $0.convert(raw, format: container.attributes["format"] ?? defaultFormat) }
    }

    /// Runs `body` with the embedded files of `container` (its `<file>` children) available to images.
    private mutating func withFiles<T>(of container: XMLElement?, _ body: (inout Self) -> T) -> T {
        let (files, line) = (currentFiles, currentLine)
        currentFiles = container.map(MoodleEmbeddedFiles.files(of:)) ?? [:]
        currentLine = container?.line ?? element.line
        defer { (currentFiles, currentLine) = (files, line) }
        return body(&self)
    }

    /// The picture of a Moodle 1.9 question (`<image>` with a file name, `<image_base64>` with its bytes),
    /// as a paragraph after the question text.
    private mutating func legacyImage() -> String? {
        let name = element.first("image")?.text.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let data = element.first("image_base64")?.text ?? ""
        if !data.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            let fileName = name.isEmpty ? "image" : String(name.split(separator: "/").last ?? "image")
            currentFiles = [fileName: MoodleEmbeddedFiles.decode(data, name: fileName)]
            currentLine = element.first("image_base64")?.line
            defer { (currentFiles, currentLine) = ([:], nil) }
            var writer = HTMLWriter()
            writer.start("p")
            writer.start("img", [("src", "@@PLUGINFILE@@/" + (fileName.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? fileName)), ("alt", "")])
            writer.end("p")
            let html = sanitize(writer.html)
            return html.isEmpty ? nil : html
        }
        guard !name.isEmpty else { return nil }
        currentLine = element.first("image")?.line
        defer { currentLine = nil }
        var writer = HTMLWriter()
        writer.start("p")
        writer.start("img", [("src", name), ("alt", "")])
        writer.end("p")
        let html = sanitize(writer.html)
        return html.isEmpty ? nil : html
    }

    /// HTML is sanitised; Moodle's other formats (moodle_auto_format, plain_text, markdown) are taken as
    /// plain text.
    private mutating func convert(_ raw: String, format: String) -> String {
        guard !raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return "" }
        switch format.lowercased() {
        case "moodle_auto_format", "plain_text", "markdown", "moodle":
            return MoodleHTML.paragraphs(fromPlain: raw)
        default:
            return sanitize(raw)
        }
    }

    private mutating func sanitize(_ raw: String) -> String {
        guard !raw.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return "" }
        let collector = self.collector, files = currentFiles, line = currentLine ?? element.line
        var used: [String] = [], unusable: [(name: String, reason: String)] = []
        let result = HTMLSanitizer.sanitize(withoutEmbeddedFiles(raw), keepRemoteImages: keepRemoteImages) { image in
            // A cloze field written inside the alternative text stays where the blank check finds it (and
            // moves it out, with a warning): the image is kept as written.
            if image.alternative?.unicodeScalars.contains("\u{E000}") == true { return .keep }
            guard let name = MoodleEmbeddedFiles.pluginFileName(image.source) else { return collector.image(image, line: line) }
            used.append(name)
            switch files[name] {
            case let .file(path, data)?:
                return .asset(collector.add(ItemAsset(
                    path: path, location: SourceLocation(file: collector.file, line: line), alternative: image.alternative,
                    width: image.width, height: image.height, data: data)))
            case let .unusable(reason)?:
                unusable.append((name, reason))
                return .drop
            case nil:
                return .drop
            }
        }
        for name in used { usedFiles.insert(name) }
        for (name, reason) in unusable where seen.insert("u\u{0}" + name).inserted {
            collector.warn(.warning(
                .importedFileNotKept, at: SourceLocation(file: file, line: line),
                "embedded file '\(MessageText.printable(name))' of \(label) cannot be used: \(reason); images using it show their text alternative"))
        }
        for entry in result.removed where seen.insert("r\u{0}" + entry).inserted { removed.append(entry) }
        for source in result.remoteImages where seen.insert("i\u{0}" + source).inserted { remoteImages.append(source) }
        return result.html
    }

    /// Removes images (and other elements) whose source is a `@@PLUGINFILE@@` file, and unwraps links to one.
    private mutating func withoutEmbeddedFiles(_ raw: String) -> String {
        let prefix = "@@PLUGINFILE@@"
        guard raw.contains(prefix) else { return raw }
        let fragment = MoodleHTMLFragment(raw)
        var edits: [(range: Range<Int>, with: String)] = []
        for node in fragment.nodes {
            if let source = node.attributes["src"]?.trimmingCharacters(in: .whitespaces), source.hasPrefix(prefix) {
                // An image whose file is embedded here is kept: the sanitizer makes it an item asset.
                if node.name == "img", let name = MoodleEmbeddedFiles.pluginFileName(source), currentFiles[name] != nil { continue }
                noteFile(source, prefix: prefix)
                // As CM312 says: a picture whose file is not here shows its text alternative, as text.
                let alternative = node.name == "img" ? (node.attributes["alt"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) : ""
                edits.append((node.outer, alternative.isEmpty ? "" : HTMLText.escape("[\(alternative)]")))
            } else if node.name == "a", let target = node.attributes["href"]?.trimmingCharacters(in: .whitespaces), target.hasPrefix(prefix) {
                noteFile(target, prefix: prefix)
                edits.append((node.startTag, ""))
                if let end = node.endTag { edits.append((end, "")) }
            }
        }
        return fragment.replacing(edits)
    }

    private mutating func noteFile(_ reference: String, prefix: String) {
        var name = String(reference.dropFirst(prefix.count))
        if name.hasPrefix("/") { name.removeFirst() }
        name = name.removingPercentEncoding ?? name
        if seen.insert("f\u{0}" + name).inserted { droppedFiles.append(name) }
    }
}
