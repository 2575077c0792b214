import CoursemapModel
import CoursemapXML

/// Reads a validated Coursemap exercise bank (`<bank>` in `urn:coursemap:exercises:1`) into an
/// `ExerciseBank`, checking what the schema cannot: one correct answer for single choice, a blank answer
/// for every blank, unique item ids, dataset paths inside the content folder.
struct ExerciseReader {
    let file: String
    let language: Language
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, language: Language) {
        self.file = file
        self.language = language
    }

    mutating func read(_ root: XMLElement) -> ExerciseBank? {
        let id = root.attributes["id"] ?? ""
        var sections: [ExerciseSection] = []
        var loose: [ExerciseItem] = []
        var seen: [String: Int] = [:]
        func collect(_ element: XMLElement, into items: inout [ExerciseItem]) {
            guard let item = readItem(element) else { return }
            if let first = seen[item.id] {
                diagnostics.append(.error(.duplicateID, at: item.location, "item id '\(item.id)' is used twice in bank '\(id)' (first at line \(first))"))
                return
            }
            seen[item.id] = item.location.line ?? 0
            items.append(item)
        }
        for element in root.elements where !["title", "description"].contains(element.name) {
            if element.name == "section" {
                if !loose.isEmpty {
                    sections.append(ExerciseSection(title: nil, items: loose))
                    loose = []
                }
                var items: [ExerciseItem] = []
                for child in element.elements where child.name != "title" { collect(child, into: &items) }
                sections.append(ExerciseSection(title: element.first("title")?.bilingualText, items: items))
            } else {
                collect(element, into: &loose)
            }
        }
        if !loose.isEmpty { sections.append(ExerciseSection(title: nil, items: loose)) }
        return ExerciseBank(
            id: id, title: root.first("title")?.bilingualText ?? LocalizedText(zh: id),
            description: root.first("description")?.bilingualText, courseID: root.attributes["course"],
            source: .coursemap, sections: sections, location: SourceLocation(file: file, line: root.line))
    }

    private mutating func rich(_ element: XMLElement?, paragraph: Bool = true) -> RichText? {
        guard let element else { return nil }
        let (text, problems, _) = XMLBodyWriter.writeRich(element, file: file, language: language, paragraph: paragraph)
        diagnostics += problems
        return text
    }

    /// A score or points attribute (the schema's decimal ≥ 0) within `0 ... NumberBounds.maximumScore`;
    /// `fallback` when absent; a CM314 error and `fallback` when beyond the limit.
    private mutating func score(_ element: XMLElement, _ name: String, fallback: Double?) -> Double? {
        // xs:decimal allows white space around the number (`score=" 2 "`).
        guard let text = element.attributes[name]?.trimmingWhitespace else { return fallback }
        guard let value = Double(text), value.isFinite, value >= 0, value <= NumberBounds.maximumScore else {
            diagnostics.append(.error(
                .invalidItem, at: SourceLocation(file: file, line: element.line),
                "\(name) '\(text.prefix(40))' must be a number from 0 to \(NumberText.plain(NumberBounds.maximumScore))"))
            return fallback
        }
        return value
    }

    private mutating func readItem(_ element: XMLElement) -> ExerciseItem? {
        let location = SourceLocation(file: file, line: element.line)
        var itemScore = score(element, "score", fallback: 1) ?? 1
        if let text = element.attributes["score"]?.trimmingWhitespace, let value = Double(text), value.isFinite, value >= 0, value <= NumberBounds.maximumScore {
            // The blueprint counts scores in hundredths (docs/coverage.md §5): more decimals are CM210.
            itemScore = CountedAmount.read(text, field: "score", at: location, into: &diagnostics) ?? itemScore
        }
        let id = element.attributes["id"] ?? ""
        var assesses: [AssessmentClaim] = []
        for claim in element.all("assesses") {
            let reference = claim.attributes["ref"] ?? ""
            let claimLocation = SourceLocation(file: file, line: claim.line)
            if let competency = CompetencyID(parsing: reference) {
                assesses.append(AssessmentClaim(competency: competency, location: claimLocation))
            } else {
                diagnostics.append(.error(
                    .malformedReference, at: claimLocation,
                    "'\(reference)' is not a competency reference; write framework:level:code (e.g. b2b-data:中级:1.1.1)"))
            }
        }
        var stem = RichText.empty
        var blanks = 0
        if let stemElement = element.first("stem") {
            let (text, problems, count) = XMLBodyWriter.writeRich(stemElement, file: file, language: language)
            diagnostics += problems
            stem = text
            blanks = count
        }
        guard let body = readBody(element, blanks: blanks, location: location) else { return nil }
        var title: LocalizedText?
        if case .practical = body { title = element.first("title")?.bilingualText }
        // Fails closed: a usage attribute that is not exactly practice or exam makes an exam item (CM318).
        var usage = ItemUsage.practice
        var usageOrigin: SourceLocation?
        if let value = element.attributes["usage"] {
            let statement = UsageStatement.read(
                value, at: location, source: "usage=\"\(value)\"", item: "item '\(id)'", into: &diagnostics)
            usage = statement.usage
            usageOrigin = location
        }
        return ExerciseItem(
            id: id, title: title, usage: usage,
            difficulty: element.attributes["difficulty"].flatMap(Difficulty.init(rawValue:)),
            score: itemScore, stem: stem, body: body,
            explanation: rich(element.first("explanation")), feedback: feedback(element), assesses: assesses,
            usageOrigin: usageOrigin, location: location)
    }

    /// `<feedback when="correct|partial|incorrect|general">` blocks (the schema allows each once).
    private mutating func feedback(_ element: XMLElement) -> ItemFeedback? {
        var feedback = ItemFeedback()
        for block in element.all("feedback") {
            let text = rich(block)
            switch block.attributes["when"] {
            case "correct": feedback.correct = text
            case "partial": feedback.partiallyCorrect = text
            case "incorrect": feedback.incorrect = text
            default: feedback.general = text
            }
        }
        return feedback.isEmpty ? nil : feedback
    }

    private mutating func readBody(_ element: XMLElement, blanks: Int, location: SourceLocation) -> ItemBody? {
        func invalid(_ message: String) -> ItemBody? {
            diagnostics.append(.error(.invalidItem, at: location, message))
            return nil
        }
        switch element.name {
        case "single", "multiple":
            let labels = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ").map(String.init)
            var choices: [Choice] = []
            for (index, choice) in element.all("choice").enumerated() {
                choices.append(Choice(
                    label: labels[min(index, 25)], text: rich(choice, paragraph: false) ?? .empty,
                    correct: ["true", "1"].contains(choice.attributes["correct"] ?? "false")))
            }
            let correct = choices.count { $0.correct }
            if element.name == "single" {
                guard correct == 1 else { return invalid("a single-choice item needs exactly one choice with correct=\"true\" (it has \(correct))") }
                return .singleChoice(choices)
            }
            guard correct >= 1 else { return invalid("a multiple-choice item needs at least one choice with correct=\"true\"") }
            return .multipleChoice(choices)
        case "truefalse":
            return .trueFalse(answer: ["true", "1"].contains(element.first("answer")?.text.collapsingWhitespace ?? ""))
        case "fill":
            let answers = element.all("blank-answer").map { answer in
                Blank(
                    accepted: answer.all("accept").map { $0.text.collapsingWhitespace },
                    caseSensitive: ["true", "1"].contains(answer.attributes["case-sensitive"] ?? "false"))
            }
            guard blanks > 0 else { return invalid("a fill-in item needs at least one <blank/> in its stem") }
            guard answers.count == blanks else {
                return invalid("the stem has \(blanks) blank\(blanks == 1 ? "" : "s") but there \(answers.count == 1 ? "is" : "are") \(answers.count) <blank-answer>; give one per blank, in order")
            }
            return .fillBlank(answers)
        case "short":
            var points: [MarkingPoint] = []
            for point in element.all("point") {
                points.append(MarkingPoint(text: rich(point, paragraph: false) ?? .empty, score: score(point, "score", fallback: nil)))
            }
            return .shortAnswer(reference: rich(element.first("reference")), points: points)
        case "matching":
            let pairs = element.all("pair").map { pair in
                MatchPair(left: rich(pair.first("left"), paragraph: false) ?? .empty, right: rich(pair.first("right"), paragraph: false) ?? .empty)
            }
            return .matching(pairs, distractors: element.all("distractor").map { rich($0, paragraph: false) ?? .empty })
        case "ordering":
            return .ordering(element.all("step").map { rich($0, paragraph: false) ?? .empty })
        case "practical":
            var datasets: [Dataset] = []
            for dataset in element.all("dataset") {
                let href = dataset.attributes["href"] ?? ""
                let datasetLocation = SourceLocation(file: file, line: dataset.line)
                guard let path = ContentPath.normalise(href) else {
                    diagnostics.append(.error(
                        .missingDataset, at: datasetLocation,
                        "dataset path '\(href)' must be a relative path inside the content folder (no '..', no absolute path)"))
                    continue
                }
                datasets.append(Dataset(path: path, title: dataset.bilingualText ?? LocalizedText(zh: path), location: datasetLocation))
            }
            var rubric: [RubricCriterion] = []
            for criterion in element.first("rubric")?.all("criterion") ?? [] {
                var levels: [RubricLevel] = []
                for level in criterion.all("level") {
                    levels.append(RubricLevel(points: score(level, "points", fallback: 0) ?? 0, description: rich(level, paragraph: false) ?? .empty))
                }
                rubric.append(RubricCriterion(name: rich(criterion.first("name"), paragraph: false) ?? .empty, levels: levels))
            }
            return .practical(PracticalTask(
                scenario: rich(element.first("scenario")) ?? .empty,
                steps: element.first("steps")?.all("step").map { rich($0, paragraph: false) ?? .empty } ?? [],
                datasets: datasets, deliverable: rich(element.first("deliverable")) ?? .empty, rubric: rubric))
        default:
            return nil
        }
    }
}

/// Paths that content files give to other content files.
enum ContentPath {
    /// `a/./b/../c.csv` → `a/c.csv`; `nil` for absolute paths, URLs, and paths that climb out of the root.
    static func normalise(_ path: String) -> String? {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("\\"), !path.contains(":") else { return nil }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }
}
