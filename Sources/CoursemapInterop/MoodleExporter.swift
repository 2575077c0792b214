import CoursemapModel
import CoursemapXML
import Foundation

/// Writes an `ExerciseBank` as Moodle XML that Moodle's question importer accepts, and that
/// `MoodleImporter` reads back into the same items.
///
/// - One category question for the bank (`$course$/<bank title>`, the bank's description as its info),
///   then one per titled section (`$course$/<bank title>/<section title>`), each followed by its questions.
///   Items of an untitled section go into the bank's category.
/// - Grades come only from Moodle's set (`MoodleFractions`): single choice 100/0; multiple choice splits 100
///   over the correct choices (100/k for up to 10, tens and fives up to 20), wrong choices 0.
/// - Types: single and multiple → multichoice; true/false → truefalse; one typed blank → shortanswer
///   (the blank written `____`), other blanks → cloze fields; short answer → essay with the reference and
///   marking points in `<graderinfo>`; practical → essay with the task in the question text; numerical,
///   matching, ordering (qtype_ordering), description → their own types.
/// - Everything Moodle has no field for travels in tags and `data-coursemap` markers: see
///   `MoodleConventions`.
public enum MoodleExporter {
    /// Moodle XML that Moodle's importer accepts: one category question per bank section
    /// ($course$/<bank title zh>/<section title zh>), then the questions.
    public static func export(_ bank: ExerciseBank) -> (xml: String, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n"
        xml += "<!-- Exported by Coursemap. Tags coursemap:… carry competencies, ids, usage and difficulty; data-coursemap markers carry structure. -->\n"
        let bankName = bank.title.zh.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? bank.id : bank.title.zh
        let bankPath = "$course$/" + MoodleConventions.categoryComponent(bankName)
        xml += category(bankPath, info: bank.description?.zh)
        var lastPath = bankPath
        for section in bank.sections where !section.items.isEmpty {
            var path = bankPath
            if let title = section.title?.zh.trimmingCharacters(in: .whitespacesAndNewlines), !title.isEmpty {
                path += "/" + MoodleConventions.categoryComponent(title)
            }
            if path != lastPath {
                xml += category(path, info: nil)
                lastPath = path
            }
            for item in section.items {
                xml += question(item, diagnostics: &diagnostics)
            }
        }
        xml += "</quiz>\n"
        return (xml, diagnostics)
    }

    // MARK: Questions

    private static func category(_ path: String, info: String?) -> String {
        """
          <question type="category">
            <category>
              <text>\(escape(path))</text>
            </category>
            <info format="html">
              <text>\(cdata(info.map(HTMLText.escape) ?? ""))</text>
            </info>
          </question>

        """
    }

    /// The name of an item kind Moodle has no core question type for, or nil.
    private static func unexportedKind(_ body: ItemBody) -> String? {
        switch body {
        case .hottext, .associate, .slider, .hotspot, .selectPoint, .graphicOrder, .graphicGapMatch, .graphicAssociate,
            .composite, .survey, .upload, .drawing:
            return body.kind.name.en ?? body.kind.rawValue
        default:
            return nil
        }
    }

    private static func question(_ item: ExerciseItem, diagnostics: inout [Diagnostic]) -> String {
        let type: String
        var stem = item.stem.html
        var body = ""
        var score = item.score

        func warn(_ code: DiagnosticCode, _ message: String) {
            diagnostics.append(.warning(code, at: item.location, "item \(item.id): \(message)"))
        }

        if let missing = unexportedKind(item.body) {
            diagnostics.append(.warning(
                .unsupportedItem, at: item.location,
                "item \(item.id): Moodle has no core question type for \(missing) items; the item is left out of the export"))
            return ""
        }
        switch item.body {
        case let .singleChoice(choices):
            type = "multichoice"
            if !choices.contains(where: \.correct) { warn(.invalidItem, "single-choice item has no correct choice; Moodle will not accept it") }
            body += element("single", "true") + element("shuffleanswers", "false") + element("answernumbering", "ABCD")
            body += element("showstandardinstruction", "0")
            for choice in choices {
                body += answer(fraction: choice.correct ? 100 : 0, html: choice.text.html, feedback: choice.feedback?.html)
            }
        case let .multipleChoice(choices):
            type = "multichoice"
            let correctCount = choices.filter(\.correct).count
            var grades = MoodleFractions.split(correctCount: correctCount)
            if grades == nil {
                if correctCount == 0 {
                    warn(.invalidItem, "multiple-choice item has no correct choice; Moodle will not accept it")
                } else {
                    warn(.invalidFraction, "\(correctCount) correct choices cannot share 100% in Moodle's grades (at most 20 can); each gets 5%")
                }
                grades = Array(repeating: 5, count: correctCount)
            }
            body += element("single", "false") + element("shuffleanswers", "false") + element("answernumbering", "ABCD")
            body += element("showstandardinstruction", "0")
            var next = 0
            for choice in choices {
                var grade = 0.0
                if choice.correct, let grades, next < grades.count {
                    grade = grades[next]
                    next += 1
                }
                body += answer(fraction: grade, html: choice.text.html, feedback: choice.feedback?.html)
            }
        case let .trueFalse(value):
            type = "truefalse"
            body += answer(fraction: value ? 100 : 0, text: "true") + answer(fraction: value ? 0 : 100, text: "false")
        case let .fillBlank(blanks):
            if blanks.isEmpty { warn(.invalidItem, "fill-in-the-blank item has no blanks") }
            for (index, blank) in blanks.enumerated() where blank.accepted.isEmpty {
                warn(.invalidItem, "blank \(index + 1) has no accepted answer; Moodle will not accept it")
            }
            if blanks.count == 1, let blank = blanks.first, blank.options.isEmpty {
                type = "shortanswer"
                stem = replacingBlanks(in: stem) { _ in "____" }.html
                body += element("usecase", blank.caseSensitive ? "1" : "0")
                for accepted in blank.accepted { body += answer(fraction: 100, text: accepted) }
            } else {
                type = "cloze"
                let perBlank = blanks.isEmpty ? 1 : score / Double(blanks.count)
                let weight = NumberText.wholeNumber(perBlank).flatMap { (1..<1000).contains($0) ? Int($0) : nil } ?? 1
                let replaced = replacingBlanks(in: stem) { n in
                    n >= 1 && n <= blanks.count ? MoodleCloze.field(for: blanks[n - 1], weight: weight) : "____"
                }
                stem = replaced.html
                for n in stride(from: 1, through: blanks.count, by: 1) where !replaced.numbers.contains(n) {
                    stem = MoodleConventions.appendInline(" " + MoodleCloze.field(for: blanks[n - 1], weight: weight), to: stem)
                }
            }
        case let .shortAnswer(reference, points):
            type = "essay"
            body += essayOptions(attachments: 0)
            body += textElement("graderinfo", html: shortAnswerMarkup(reference: reference, points: points))
            body += textElement("responsetemplate", html: "")
        case let .matching(pairs, distractors):
            type = "matching"
            if pairs.count < 2 { warn(.invalidItem, "matching item has fewer than two pairs; Moodle will not accept it") }
            body += element("shuffleanswers", "true")
            // Pairs sharing a right-hand side repeat its text (Moodle offers each text once); a distractor is
            // a subquestion without text, Moodle's extra wrong answer.
            for pair in pairs {
                body += "    <subquestion format=\"html\">\n      <text>\(cdata(pair.left.html))</text>\n"
                body += "      <answer>\n        <text>\(escape(MoodleHTML.plainText(pair.right.html)))</text>\n      </answer>\n    </subquestion>\n"
            }
            for distractor in distractors {
                body += "    <subquestion format=\"html\">\n      <text></text>\n"
                body += "      <answer>\n        <text>\(escape(MoodleHTML.plainText(distractor.html)))</text>\n      </answer>\n    </subquestion>\n"
            }
        case let .ordering(steps):
            type = "ordering"
            body += element("layouttype", "VERTICAL") + element("selecttype", "ALL") + element("selectcount", "0")
            body += element("gradingtype", "ABSOLUTE_POSITION") + element("showgrading", "SHOW") + element("numberingstyle", "none")
            // qtype_ordering reads each answer's "fraction" as its position in the correct order.
            for (index, step) in steps.enumerated() {
                body += "    <answer fraction=\"\(index + 1)\" format=\"html\">\n      <text>\(cdata(step.html))</text>\n    </answer>\n"
            }
        case let .numerical(answers):
            type = "numerical"
            for numeric in answers {
                var grade = numeric.fraction
                if !MoodleFractions.isValid(grade) {
                    grade = MoodleFractions.nearest(grade)
                    warn(.invalidFraction, "numeric answer grade \(MoodleNumber.format(numeric.fraction)) is not one of Moodle's grades; exported as \(MoodleFractions.format(grade))")
                }
                body += "    <answer fraction=\"\(MoodleFractions.format(grade))\" format=\"moodle_auto_format\">\n"
                body += "      <text>\(MoodleNumber.format(numeric.value))</text>\n"
                body += "      <feedback format=\"html\">\n        <text></text>\n      </feedback>\n"
                body += "      <tolerance>\(MoodleNumber.format(numeric.tolerance))</tolerance>\n    </answer>\n"
            }
            body += element("unitgradingtype", "0") + element("unitpenalty", "0.1000000") + element("showunits", "3") + element("unitsleft", "0")
        case let .practical(task):
            type = "essay"
            stem = stem.trimmingCharacters(in: .whitespacesAndNewlines) + "\n" + practicalMarkup(task)
            body += essayOptions(attachments: 3)
            body += textElement("graderinfo", html: rubricTable(task.rubric))
            body += textElement("responsetemplate", html: "")
        case .description:
            type = "description"
            score = 0
        case .hottext, .associate, .slider, .hotspot, .selectPoint, .graphicOrder, .graphicGapMatch, .graphicAssociate,
            .composite, .survey, .upload, .drawing:
            return ""
        }

        let title = item.title?.zh.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let name = title.isEmpty ? item.id : title
        var xml = "  <question type=\"\(type)\">\n"
        xml += "    <name>\n      <text>\(escape(name))</text>\n    </name>\n"
        xml += textElement("questiontext", html: stem)
        xml += textElement("generalfeedback", html: item.explanation?.html ?? "")
        xml += element("defaultgrade", MoodleNumber.format(score))
        xml += element("penalty", type == "description" ? "0" : "0.3333333")
        xml += element("hidden", "0")
        xml += body
        xml += tags(item)
        for tag in tagValues(item) where tag.count > maxTagLength {
            warn(.invalidValue, "tag \"\(tag)\" is longer than Moodle's \(maxTagLength) characters; Moodle cuts it short when the file is imported there, and the cut tag no longer reads back")
        }
        xml += "  </question>\n\n"
        return xml
    }

    private static func essayOptions(attachments: Int) -> String {
        element("responseformat", "editor") + element("responserequired", "1") + element("responsefieldlines", "15")
            + element("attachments", String(attachments)) + element("attachmentsrequired", "0")
    }

    /// Moodle's `TAG_MAX_LENGTH`: longer tags are cut to this many characters.
    static let maxTagLength = 50

    private static func tagValues(_ item: ExerciseItem) -> [String] {
        var values = item.assesses.map { MoodleConventions.competencyTag + $0.competency.description }
        values.append(MoodleConventions.idTag + item.id)
        values.append(MoodleConventions.usageTag + item.usage.rawValue)
        if let difficulty = item.difficulty { values.append(MoodleConventions.difficultyTag + difficulty.rawValue) }
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    private static func tags(_ item: ExerciseItem) -> String {
        "    <tags>\n" + tagValues(item).map { "      <tag>\n        <text>\(escape($0))</text>\n      </tag>\n" }.joined() + "    </tags>\n"
    }

    // MARK: Markup Coursemap reads back

    /// `<graderinfo>` of a short answer: the reference and the marking points (see `MoodleConventions`).
    static func shortAnswerMarkup(reference: RichText?, points: [MarkingPoint]) -> String {
        var html = ""
        if let reference { html += "<div data-coursemap=\"reference\">\(reference.html)</div>" }
        if !points.isEmpty {
            html += "\n<ol data-coursemap=\"points\">"
            for point in points {
                let score = point.score.map { " data-score=\"\(MoodleNumber.format($0))\"" } ?? ""
                html += "<li\(score)>\(point.text.html)</li>"
            }
            html += "</ol>"
        }
        return html.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The practical task in the question text (see `MoodleConventions`).
    static func practicalMarkup(_ task: PracticalTask) -> String {
        var html = "<div data-coursemap=\"practical\">\n"
        html += "<h4>任务情境</h4><div data-coursemap=\"scenario\">\(task.scenario.html)</div>\n"
        html += "<h4>操作步骤</h4><ol data-coursemap=\"steps\">"
        html += task.steps.map { "<li>\($0.html)</li>" }.joined()
        html += "</ol>\n<h4>实训数据</h4><ul data-coursemap=\"datasets\">"
        for dataset in task.datasets {
            let english = dataset.title.en.map { " data-title-en=\"\(HTMLText.escapeAttribute($0))\"" } ?? ""
            html += "<li data-path=\"\(HTMLText.escapeAttribute(dataset.path))\"\(english)>"
            html += "<span data-coursemap=\"dataset-title\">\(HTMLText.escape(dataset.title.zh))</span>（<code>\(HTMLText.escape(dataset.path))</code>）</li>"
        }
        html += "</ul>\n<h4>提交成果</h4><div data-coursemap=\"deliverable\">\(task.deliverable.html)</div>\n"
        html += "<h4>评分标准</h4><table data-coursemap=\"rubric\"><tbody>\n"
        for criterion in task.rubric {
            html += "<tr data-coursemap=\"criterion\"><th data-coursemap=\"criterion-name\">\(criterion.name.html)</th>"
            for level in criterion.levels {
                html += "<td data-points=\"\(MoodleNumber.format(level.points))\">\(level.description.html)</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody></table>\n</div>"
        return html
    }

    /// The rubric as a table for markers (in `<graderinfo>`; not read back).
    static func rubricTable(_ rubric: [RubricCriterion]) -> String {
        guard !rubric.isEmpty else { return "" }
        let total = rubric.reduce(0) { $0 + $1.maxPoints }
        var html = "<p>评分标准（满分 \(MoodleNumber.format(total)) 分）</p>\n<table><thead><tr><th>评分项</th><th>等级与分值</th></tr></thead><tbody>\n"
        for criterion in rubric {
            html += "<tr><td>\(criterion.name.html)</td><td><ul>"
            html += criterion.levels.map { "<li><strong>\(MoodleNumber.format($0.points)) 分</strong>：\($0.description.html)</li>" }.joined()
            html += "</ul></td></tr>\n"
        }
        return html + "</tbody></table>"
    }

    /// The stem with each blank span replaced; also the blank numbers that had a span.
    static func replacingBlanks(in html: String, with replacement: (Int) -> String) -> (html: String, numbers: Set<Int>) {
        guard html.contains("blank") else { return (html, []) }
        let fragment = MoodleHTMLFragment(html)
        let spans = fragment.descendants { $0.name == "span" && $0.hasClass("blank") }
        var numbers = Set<Int>()
        var edits: [(range: Range<Int>, with: String)] = []
        for (order, index) in spans.enumerated() {
            let node = fragment.nodes[index]
            let n = node.attributes["data-blank"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? order + 1
            numbers.insert(n)
            edits.append((node.outer, replacement(n)))
        }
        return (fragment.replacing(edits), numbers)
    }

    // MARK: XML

    private static func element(_ name: String, _ value: String) -> String {
        "    <\(name)>\(escape(value))</\(name)>\n"
    }

    private static func textElement(_ name: String, html: String) -> String {
        "    <\(name) format=\"html\">\n      <text>\(cdata(html))</text>\n    </\(name)>\n"
    }

    private static func answer(fraction: Double, html: String, feedback: String?) -> String {
        "    <answer fraction=\"\(MoodleFractions.format(fraction))\" format=\"html\">\n      <text>\(cdata(html))</text>\n"
            + "      <feedback format=\"html\">\n        <text>\(cdata(feedback ?? ""))</text>\n      </feedback>\n    </answer>\n"
    }

    private static func answer(fraction: Double, text: String) -> String {
        "    <answer fraction=\"\(MoodleFractions.format(fraction))\" format=\"moodle_auto_format\">\n      <text>\(escape(text))</text>\n"
            + "      <feedback format=\"html\">\n        <text></text>\n      </feedback>\n    </answer>\n"
    }

    /// Text as XML character data: escaped, without characters XML 1.0 forbids.
    static func escape(_ text: String) -> String { HTMLText.escape(xmlSafe(text)) }

    /// Text as a CDATA section (none for empty text); a `]]>` inside splits the section.
    static func cdata(_ text: String) -> String {
        let safe = xmlSafe(text)
        guard !safe.isEmpty else { return "" }
        return "<![CDATA[" + safe.replacingOccurrences(of: "]]>", with: "]]]]><![CDATA[>") + "]]>"
    }

    /// Drops the control characters (and U+FFFE, U+FFFF) XML 1.0 does not allow.
    static func xmlSafe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !isXMLCharacter($0) }) else { return text }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: text.unicodeScalars.filter(isXMLCharacter))
        return String(scalars)
    }

    private static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
