import CoursemapModel
import CoursemapXML
import Foundation

/// Moodle's embedded-answers ("cloze", qtype_multianswer) syntax: `{1:SHORTANSWER:=答案~=另一个}`,
/// `{2:MULTICHOICE:=甲~乙~丙}` inside the question text.
///
/// Reading follows Moodle's own parser: a field is `{weight:TYPE:alternatives}` with an optional integer
/// weight; alternatives are split at `~`, an alternative's feedback starts at `#`, and none of `~`, `#`, `}`
/// counts when it follows `\`, `&` or `&amp;` (so numeric character references never split). `=` marks a
/// fully correct alternative, `%n%` a graded one. Answer text is HTML: Moodle decodes character references
/// and unescapes `\}` and `\#`; so do we (plus `\~`, `\\`, `\/` and `\"`, which older Moodles wrote).
///
/// Writing avoids backslashes altogether: the characters that mean something inside a field (`}`, `#`, `~`,
/// `\`, and a leading `=` or `%`) are written as numeric character references, which Moodle decodes.
enum MoodleCloze {
    struct Alternative: Hashable {
        /// Plain text (tags dropped, references decoded, escapes undone).
        var text: String
        /// Percent; `=` is 100, no prefix is 0.
        var fraction: Double
        /// Whether feedback follows the answer (`#…`, not empty).
        var hasFeedback = false
    }

    struct Field: Hashable {
        /// Byte range of the whole `{…}` in the UTF-8 text it was found in.
        var range: Range<Int>
        var weight: Int?
        /// The type as written, e.g. `SHORTANSWER`, `MCV`, `NUMERICAL`.
        var type: String
        var alternatives: [Alternative]
    }

    enum Kind: Equatable {
        case shortAnswer(caseSensitive: Bool)
        case choice
        case unsupported
    }

    static func kind(of type: String) -> Kind {
        switch type {
        case "SHORTANSWER", "SA", "MW": return .shortAnswer(caseSensitive: false)
        case "SHORTANSWER_C", "SAC", "MWC": return .shortAnswer(caseSensitive: true)
        case "MULTICHOICE", "MC", "MULTICHOICE_V", "MCV", "MULTICHOICE_H", "MCH", "MULTICHOICE_S", "MCS",
            "MULTICHOICE_VS", "MCVS", "MULTICHOICE_HS", "MCHS":
            return .choice
        default: return .unsupported
        }
    }

    /// The most fields one question may have (the importer refuses more with CM314). Reading is linear in
    /// the text's length whatever the count; the limit keeps a question's page and mark reasonable.
    static let maximumFields = 50_000

    /// Every field in `html`, in order. Linear in the text's length: each byte is looked at a bounded number
    /// of times (a field that runs to the end of the text without its `}` ends the search, since no later
    /// field could find one either).
    static func fields(in html: String) -> [Field] {
        let bytes = Array(html.utf8)
        var fields: [Field] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "{") {
                switch field(in: bytes, at: i) {
                case .found(let field):
                    fields.append(field)
                    i = field.range.upperBound
                    continue
                case .unclosed: return fields
                case .notAField: break
                }
            }
            i += 1
        }
        return fields
    }

    private enum Scan {
        case found(Field)
        /// `{n:TYPE:` with no closing `}` up to the end of the text.
        case unclosed
        case notAField
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func field(in bytes: [UInt8], at start: Int) -> Scan {
        var j = start + 1
        let weightStart = j
        while j < bytes.count, isDigit(bytes[j]) { j += 1 }
        // A digit run too long for a weight reads as one above every limit (the importer refuses it).
        let weight = j > weightStart ? (j - weightStart > 9 ? Int.max : Int(String(decoding: bytes[weightStart..<j], as: UTF8.self))) : nil
        guard j < bytes.count, bytes[j] == UInt8(ascii: ":") else { return .notAField }
        j += 1
        let typeStart = j
        while j < bytes.count,
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[j]) || bytes[j] == UInt8(ascii: "_") || isDigit(bytes[j])
        {
            j += 1
        }
        guard j > typeStart, j < bytes.count, bytes[j] == UInt8(ascii: ":") else { return .notAField }
        let type = String(decoding: bytes[typeStart..<j], as: UTF8.self)
        j += 1
        let contentStart = j
        while j < bytes.count, !(bytes[j] == UInt8(ascii: "}") && isSeparator(bytes, j)) { j += 1 }
        guard j < bytes.count else { return .unclosed }
        let alternatives = parseAlternatives(Array(bytes[contentStart..<j]))
        return .found(Field(range: start..<(j + 1), weight: weight, type: type, alternatives: alternatives))
    }

    /// Whether the `~`, `#` or `}` at `index` is a separator (not after `\`, `&` or `&amp;`).
    private static func isSeparator(_ bytes: [UInt8], _ index: Int) -> Bool {
        guard index > 0 else { return true }
        let previous = bytes[index - 1]
        if previous == UInt8(ascii: "\\") || previous == UInt8(ascii: "&") { return false }
        if index >= 5, String(decoding: bytes[(index - 5)..<index], as: UTF8.self) == "&amp;" { return false }
        return true
    }

    private static func parseAlternatives(_ content: [UInt8]) -> [Alternative] {
        var pieces: [[UInt8]] = []
        var current: [UInt8] = []
        for (index, byte) in content.enumerated() {
            if byte == UInt8(ascii: "~"), isSeparator(content, index) {
                pieces.append(current)
                current = []
            } else {
                current.append(byte)
            }
        }
        pieces.append(current)
        return pieces.compactMap { piece in
            var body = piece[...]
            var fraction = 0.0
            if body.first == UInt8(ascii: "=") {
                fraction = 100
                body = body.dropFirst()
            } else if body.first == UInt8(ascii: "%"),
                let close = body.dropFirst().firstIndex(of: UInt8(ascii: "%")),
                let value = Double(String(decoding: body[(body.startIndex + 1)..<close], as: UTF8.self)
                    .replacingOccurrences(of: ",", with: "."))
            {
                fraction = value
                body = body[(close + 1)...]
            }
            // The answer ends at the first separating `#` (feedback follows).
            let array = Array(body)
            var end = array.count
            for (index, byte) in array.enumerated() where byte == UInt8(ascii: "#") && isSeparator(array, index) {
                end = index
                break
            }
            let raw = unescape(String(decoding: array[0..<end], as: UTF8.self))
            let text = MoodleHTML.plainText(raw)
            if text.isEmpty { return nil }
            let feedback = end < array.count ? MoodleHTML.plainText(String(decoding: array[(end + 1)...], as: UTF8.self)) : ""
            return Alternative(text: text, fraction: fraction, hasFeedback: !feedback.trimmingCharacters(in: .whitespaces).isEmpty)
        }
    }

    private static func unescape(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var output = ""
        var escaping = false
        for character in text {
            if escaping {
                if !"}#~\\/\"".contains(character) { output.append("\\") }
                output.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                output.append(character)
            }
        }
        if escaping { output.append("\\") }
        return output
    }

    // MARK: Writing

    /// One alternative's text, safe inside a field and inside HTML.
    static func escape(_ text: String) -> String {
        var output = ""
        for (offset, character) in text.enumerated() {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "}": output += "&#125;"
            case "#": output += "&#35;"
            case "~": output += "&#126;"
            case "\\": output += "&#92;"
            case "=" where offset == 0: output += "&#61;"
            case "%" where offset == 0: output += "&#37;"
            default: output.append(character)
            }
        }
        return output
    }

    /// The field for a blank: short answer (every accepted answer correct) or, with options, a drop-down.
    static func field(for blank: Blank, weight: Int) -> String {
        if blank.options.isEmpty {
            let type = blank.caseSensitive ? "SHORTANSWER_C" : "SHORTANSWER"
            return "{\(weight):\(type):" + blank.accepted.map { "=" + escape($0) }.joined(separator: "~") + "}"
        }
        var alternatives = blank.options.map { option in
            (blank.accepted.contains(option) ? "=" : "") + escape(option)
        }
        for answer in blank.accepted where !blank.options.contains(answer) { alternatives.append("=" + escape(answer)) }
        return "{\(weight):MULTICHOICE:" + alternatives.joined(separator: "~") + "}"
    }
}
