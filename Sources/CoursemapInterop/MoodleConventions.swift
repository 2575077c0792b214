import CoursemapModel
import CoursemapXML
import Foundation

/// How Coursemap's Moodle export carries what Moodle has no field for, so that its importer can restore it.
///
/// **Tags.** Every exported question carries Moodle tags:
/// - `coursemap:<competency>` for each competency it assesses (`coursemap:b2b-data:中级:1.1.1`);
/// - `coursemap-id:<item id>`, `coursemap-usage:practice|exam`, `coursemap-difficulty:easy|medium|hard`.
///
/// **Markers.** Structured content travels as ordinary, readable HTML whose elements carry a
/// `data-coursemap` attribute (Moodle keeps such attributes in stored text and exports them unchanged):
///
/// Short answers (`essay`, in `<graderinfo>`):
/// ```html
/// <div data-coursemap="reference">REFERENCE HTML</div>
/// <ol data-coursemap="points"><li data-score="2">POINT HTML</li><li>POINT WITHOUT SCORE</li></ol>
/// ```
///
/// Practical tasks (`essay`, appended to the question text after the stem):
/// ```html
/// <div data-coursemap="practical">
/// <h4>任务情境</h4><div data-coursemap="scenario">SCENARIO HTML</div>
/// <h4>操作步骤</h4><ol data-coursemap="steps"><li>STEP HTML</li>…</ol>
/// <h4>实训数据</h4><ul data-coursemap="datasets">
///   <li data-path="datasets/orders.csv" data-title-en="Orders"><span data-coursemap="dataset-title">订单数据</span>（<code>datasets/orders.csv</code>）</li>…</ul>
/// <h4>提交成果</h4><div data-coursemap="deliverable">DELIVERABLE HTML</div>
/// <h4>评分标准</h4><table data-coursemap="rubric"><tbody>
/// <tr data-coursemap="criterion"><th data-coursemap="criterion-name">NAME HTML</th>
///   <td data-points="10">BEST LEVEL HTML</td><td data-points="5">NEXT LEVEL HTML</td>…</tr>
/// …</tbody></table>
/// </div>
/// ```
/// The headings and the path shown after a dataset's title are for people and ignored on import (a dataset
/// `<li>` without the title span takes its whole text as the title); the `<graderinfo>` of a practical task repeats the
/// rubric as a plain table for markers, and is ignored on import too. Every HTML piece is written exactly as
/// the model holds it, and sanitised again when imported.
enum MoodleConventions {
    static let competencyTag = "coursemap:"
    static let idTag = "coursemap-id:"
    static let usageTag = "coursemap-usage:"
    static let difficultyTag = "coursemap-difficulty:"

    static let markerAttribute = "data-coursemap"

    /// Whether a tag is meant as a usage tag, however spelled (`UsageSpelling`: case, separators, look-alike
    /// dashes, zero-width and full-width characters ignored). Only `coursemap-usage:practice` and
    /// `coursemap-usage:exam` are valid ones.
    /// A competency tag (`coursemap:` exactly) is one only when its framework part reads as `usage`
    /// (`coursemap:usage:exam`), so a framework named `usage-stats` stays a competency.
    static func looksLikeUsageTag(_ tag: String) -> Bool {
        if tag.hasPrefix(competencyTag) {
            let framework = tag.dropFirst(competencyTag.count).split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            return UsageSpelling.looksLikeUsageWord(String(framework))
        }
        return UsageSpelling.looksLikeUsageMarker(tag)
    }

    /// A tag as messages quote it: in double quotes, control characters escaped.
    static func shownTag(_ tag: String) -> String { "\"" + UsageSpelling.shown(tag) + "\"" }

    enum Marker: String {
        case reference, points
        case practical, scenario, steps, datasets, deliverable, rubric, criterion
        case datasetTitle = "dataset-title"
        case criterionName = "criterion-name"
    }

    /// The marker the model uses for blank `n` (1-based) in a fill-in-the-blank stem.
    static func blankSpan(_ n: Int) -> String { "<span class=\"blank\" data-blank=\"\(n)\"></span>" }

    /// A stand-in for blank `n` that survives sanitising (private-use characters are plain text to it).
    static func blankPlaceholder(_ n: Int) -> String { "\u{E000}\(n)\u{E001}" }

    /// Replaces the blank placeholders in the text of sanitised HTML with blank spans; returns the HTML, the
    /// numbers of the placeholders restored, and those that stood inside a tag (an attribute value such as
    /// `title="{1:SHORTANSWER:=abc}"`), which are removed there, since a span cannot go inside an attribute:
    /// the caller shows them at the end of the text and warns.
    /// One pass over the UTF-8 bytes, so the time is linear in the text's length whatever the number of
    /// blanks. The sanitiser writes well-formed HTML (`<` in text is `&lt;`, attribute values quoted), so a
    /// tag runs from `<` to the first `>` outside quotes. A placeholder whose number is not within
    /// 1 ... `count` stays as it is.
    static func restoreBlanks(in html: String, count: Int) -> (html: String, found: Set<Int>, inTags: Set<Int>) {
        // U+E000 and U+E001 in UTF-8.
        let open: [UInt8] = [0xEE, 0x80, 0x80], close: [UInt8] = [0xEE, 0x80, 0x81]
        var text = html
        return text.withUTF8 { bytes -> (String, Set<Int>, Set<Int>) in
            func matches(_ marker: [UInt8], at index: Int) -> Bool {
                index + 3 <= bytes.count && bytes[index] == marker[0] && bytes[index + 1] == marker[1] && bytes[index + 2] == marker[2]
            }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            var found = Set<Int>(), inTags = Set<Int>()
            /// Where the scan is: in text, inside a tag, or inside a quoted attribute value (the quote byte).
            var inTag = false
            var quote: UInt8? = nil
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if matches(open, at: index) {
                    // `\u{E000}digits\u{E001}` with a number of at most 9 digits.
                    var end = index + 3
                    var number = 0
                    while end < bytes.count, end - index - 3 < 10, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) {
                        number = number * 10 + Int(bytes[end] - UInt8(ascii: "0"))
                        end += 1
                    }
                    let digits = end - index - 3
                    if digits > 0, digits < 10, matches(close, at: end), number >= 1, number <= count {
                        if inTag {
                            inTags.insert(number)
                        } else {
                            found.insert(number)
                            output.append(contentsOf: blankSpan(number).utf8)
                        }
                        index = end + 3
                        continue
                    }
                }
                if let open = quote {
                    if byte == open { quote = nil }
                } else if inTag {
                    if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    } else if byte == UInt8(ascii: ">") {
                        inTag = false
                    }
                } else if byte == UInt8(ascii: "<") {
                    inTag = true
                }
                output.append(byte)
                index += 1
            }
            return (String(decoding: output, as: UTF8.self), found, inTags.subtracting(found))
        }
    }

    /// Puts `addition` at the end of `html`, inside a final paragraph when there is one.
    static func appendInline(_ addition: String, to html: String) -> String {
        let trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasSuffix("</p>") {
            return String(trimmed.dropLast(4)) + addition + "</p>"
        }
        return trimmed + addition
    }

    /// Components of a Moodle category path after its context (`$course$/A/B` → `["A", "B"]`). Moodle
    /// writes a `/` inside a category name as `//`.
    static func categoryComponents(_ path: String) -> [String] {
        var components: [String] = []
        var current = ""
        let characters = Array(path)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "/" {
                if index + 1 < characters.count, characters[index + 1] == "/" {
                    current.append("/")
                    index += 2
                    continue
                }
                components.append(current)
                current = ""
            } else {
                current.append(character)
            }
            index += 1
        }
        components.append(current)
        var names = components.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if let first = names.first, first.hasPrefix("$"), first.hasSuffix("$") { names.removeFirst() }
        return names
    }

    /// One component of a category path as Moodle writes it.
    static func categoryComponent(_ name: String) -> String {
        name.replacingOccurrences(of: "/", with: "//")
    }
}
