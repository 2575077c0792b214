import CoursemapXML
import Foundation
import Yams
import CoursemapModel
import Yams

/// Parses YAML (a config file or a front-matter block) into a node tree, mapping libyaml's positions back to
/// lines of the content file.
struct YAMLDocument {
    let file: String
    /// The file line that holds the YAML's first line.
    let firstLine: Int

    /// The root node, or a CM201 diagnostic at the position libyaml reports.
    func parse(_ yaml: String) -> Result<Node?, Diagnostic> {
        do {
            // Scalars are interpreted by the readers from their text and style, so tags need no resolving
            // (the default resolver runs a regular expression per scalar). The encoding is given: Yams' default
            // reads the whole process environment on every parse.
            return .success(try Yams.compose(yaml: yaml, .basic, .default, .utf8))
        } catch let error as YamlError {
            switch error {
            case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
                let .composer(context, problem, mark, _):
                var detail = problem.collapsingWhitespace
                if let context {
                    detail += " (\(context.text.collapsingWhitespace) at line \(location(of: context.mark).line ?? firstLine))"
                }
                return .failure(.error(.yamlSyntax, at: location(of: mark), "YAML syntax error: \(detail)"))
            case let .duplicatedKeysInMapping(duplicates, context):
                let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
                return .failure(.error(.duplicateKey, at: location(of: context.mark), "key \(keys) is given more than once in the same mapping; keep one"))
            case let .reader(problem, _, _, _):
                return .failure(.error(.yamlSyntax, at: SourceLocation(file: file, line: firstLine), "YAML cannot be read: \(problem)"))
            default:
                return .failure(.error(.yamlSyntax, at: SourceLocation(file: file, line: firstLine), "YAML error: \(error)"))
            }
        } catch {
            return .failure(.error(.yamlSyntax, at: SourceLocation(file: file, line: firstLine), "YAML error: \(error)"))
        }
    }

    func location(of mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: firstLine) }
        return SourceLocation(file: file, line: mark.line + firstLine - 1, column: mark.column)
    }

    func location(of node: Node) -> SourceLocation { location(of: node.mark) }

    /// A reader over the root mapping; a non-mapping root is reported as CM203.
    func fields(of root: Node?, at fallback: SourceLocation, what: String) -> FieldReader? {
        guard let root else { return FieldReader(document: self, pairs: [], location: fallback) }
        guard case let .mapping(mapping) = root else {
            return nil
        }
        return FieldReader(document: self, mapping: mapping, location: location(of: root))
    }
}

/// Reads typed fields from a YAML mapping, collecting a diagnostic for every missing, ill-typed, invalid,
/// duplicated or unknown field instead of stopping at the first.
struct FieldReader {
    struct Entry {
        var key: String
        var keyLocation: SourceLocation
        var value: Node
    }

    let document: YAMLDocument
    let entries: [Entry]
    let location: SourceLocation
    /// A path prefix for messages, e.g. `hours.` for the fields of `hours`.
    var prefix = ""
    private(set) var diagnostics: [Diagnostic] = []
    private var used: Set<String> = []

    init(document: YAMLDocument, pairs: [Entry], location: SourceLocation) {
        self.document = document
        self.entries = pairs
        self.location = location
    }

    init(document: YAMLDocument, mapping: Node.Mapping, location: SourceLocation) {
        self.document = document
        self.location = location
        // Yams already refuses repeated keys (CM207), so every key here is unique.
        self.entries = mapping.map { key, value in
            Entry(key: key.scalar?.string ?? "\(key)", keyLocation: document.location(of: key), value: value)
        }
        for entry in entries {
            if let scalar = ControlCharacters.firstUnsafe(in: entry.key) {
                diagnostics.append(.error(
                    .controlCharacterInText, at: entry.keyLocation,
                    "key '\(entry.key)' holds the control character \(ControlCharacters.name(scalar)); remove it"))
            }
        }
    }

    /// `text` read from `node`, the value of `field`: a control character other than tab and line feed
    /// (written with a YAML escape such as `"\e"` or `"\0"`, or pasted) is reported at the value (CM209)
    /// and left out of what is returned, so later checks see the text without it.
    private mutating func checked(_ text: String, at node: Node, field: String) -> String {
        guard let scalar = ControlCharacters.firstUnsafe(in: text, allowingLayout: true) else { return text }
        diagnostics.append(.error(
            .controlCharacterInText, at: document.location(of: node),
            "field '\(field)' holds the control character \(ControlCharacters.name(scalar)); remove it (control characters, bidi overrides and noncharacters are not allowed in text)"))
        return ControlCharacters.removing(from: text, allowingLayout: true)
    }

    private func entry(_ key: String) -> Entry? { entries.first { $0.key == key } }

    private mutating func lookup(_ key: String, required: Bool, expected: String) -> Entry? {
        used.insert(key)
        guard let entry = entry(key) else {
            if required {
                diagnostics.append(.error(.missingField, at: location, "missing required field '\(prefix)\(key)' (\(expected))"))
            }
            return nil
        }
        if case let .scalar(scalar) = entry.value, scalar.style == .plain,
            ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        {
            if required {
                diagnostics.append(.error(.missingField, at: entry.keyLocation, "field '\(prefix)\(key)' is empty; expected \(expected)"))
            }
            return nil
        }
        return entry
    }

    private mutating func wrongType(_ entry: Entry, expected: String) {
        diagnostics.append(.error(
            .wrongType, at: document.location(of: entry.value),
            "field '\(prefix)\(entry.key)' must be \(expected), found \(entry.value.kindDescription)"))
    }

    /// The value node of `key`, for locating a problem found after reading it.
    func node(_ key: String) -> Node? { entry(key)?.value }

    mutating func invalid(_ node: Node, _ message: String) {
        diagnostics.append(.error(.invalidValue, at: document.location(of: node), message))
    }

    /// A number outside its documented range (CM208).
    mutating func outOfRange(_ node: Node, _ message: String) {
        diagnostics.append(.error(.numberOutOfRange, at: document.location(of: node), message))
    }

    /// A scalar as text (numbers included, so `code: 0702301` keeps its leading zero).
    mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let entry = lookup(key, required: required, expected: "text") else { return nil }
        guard case let .scalar(scalar) = entry.value else {
            wrongType(entry, expected: "text")
            return nil
        }
        return checked(scalar.string, at: entry.value, field: prefix + key)
    }

    /// A decimal number within `minimum ... maximum`; infinities, NaN and values outside the range are
    /// CM208. Only decimal notation is a number (`12`, `-1.5`, `2e3`); hexadecimal floats are not.
    mutating func number(_ key: String, required: Bool = false, minimum: Double = 0, maximum: Double) -> Double? {
        guard let entry = lookup(key, required: required, expected: "a number") else { return nil }
        guard case let .scalar(scalar) = entry.value, scalar.style == .plain, Self.isDecimal(scalar.string) || Self.isNonFinite(scalar.string) else {
            wrongType(entry, expected: "a number")
            return nil
        }
        guard let value = Double(scalar.string), value.isFinite, value >= minimum, value <= maximum else {
            outOfRange(entry.value, "field '\(prefix)\(key)' must be a number from \(minimum.formatted) to \(maximum.formatted), found \(scalar.string)")
            return nil
        }
        return value
    }

    /// An amount coverage counts in hundredths (hours): a number within `minimum ... maximum`, rounded half
    /// up to 0.01 with warning CM210 when it has more decimals (`docs/coverage.md` §4.1).
    mutating func amount(_ key: String, required: Bool = false, minimum: Double = 0, maximum: Double) -> Double? {
        guard let value = number(key, required: required, minimum: minimum, maximum: maximum), let node = node(key),
            case let .scalar(scalar) = node
        else { return nil }
        guard let counted = CountedAmount.read(scalar.string, field: prefix + key, at: document.location(of: node), into: &diagnostics) else {
            return value
        }
        return counted
    }

    /// An optional sign and ASCII digits.
    static func isWholeNumber(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        return !bytes.isEmpty && bytes.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// `12`, `-1.5`, `.5`, `2e3`: what YAML 1.2's core schema reads as a number, without the infinities and NaN.
    static func isDecimal(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let mantissa = bytes.prefix { isDigit($0) || $0 == UInt8(ascii: ".") }
        guard mantissa.contains(where: isDigit), mantissa.count(where: { $0 == UInt8(ascii: ".") }) <= 1 else { return false }
        var rest = bytes.dropFirst(mantissa.count)
        guard let marker = rest.first else { return true }
        guard marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") else { return false }
        rest = rest.dropFirst()
        if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { rest = rest.dropFirst() }
        return !rest.isEmpty && rest.allSatisfy(isDigit)
    }

    /// YAML's spellings of infinity and NaN (and Swift's): numbers, but never allowed.
    static func isNonFinite(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return [".inf", "+.inf", "-.inf", ".nan", "inf", "+inf", "-inf", "nan", "infinity", "-infinity", "+infinity"].contains(lowered)
    }

    mutating func integer(_ key: String, required: Bool = false, range: ClosedRange<Int>) -> Int? {
        guard let entry = lookup(key, required: required, expected: "a whole number") else { return nil }
        guard case let .scalar(scalar) = entry.value, scalar.style == .plain, Self.isWholeNumber(scalar.string) else {
            wrongType(entry, expected: "a whole number")
            return nil
        }
        // A run of digits too long for `Int` is out of range too, not a wrong type.
        guard let value = Int(scalar.string), range.contains(value) else {
            outOfRange(entry.value, "field '\(prefix)\(key)' must be from \(range.lowerBound) to \(range.upperBound), found \(scalar.string)")
            return nil
        }
        return value
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let entry = lookup(key, required: false, expected: "true or false") else { return nil }
        guard case let .scalar(scalar) = entry.value, let value = Bool(scalar.string.lowercased()) else {
            wrongType(entry, expected: "true or false")
            return nil
        }
        return value
    }

    /// One value of a fixed set, given by its raw text.
    mutating func choice<T: RawRepresentable & CaseIterable>(_ key: String, required: Bool = false, as type: T.Type) -> T?
    where T.RawValue == String {
        let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
        guard let entry = lookup(key, required: required, expected: "one of \(allowed)") else { return nil }
        guard case let .scalar(scalar) = entry.value else {
            wrongType(entry, expected: "one of \(allowed)")
            return nil
        }
        guard let value = T(rawValue: scalar.string) else {
            invalid(entry.value, "field '\(prefix)\(key)' must be one of \(allowed), found '\(scalar.string)'")
            return nil
        }
        return value
    }

    /// `key: {zh: …, en: …}`, or `key: 文本` as a shorthand for Chinese only.
    mutating func localized(_ key: String, required: Bool = false) -> LocalizedText? {
        guard let entry = lookup(key, required: required, expected: "zh and en texts") else { return nil }
        switch entry.value {
        case let .scalar(scalar):
            guard let text = nonBlank(checked(scalar.string, at: entry.value, field: prefix + key)) else {
                diagnostics.append(.error(.missingField, at: entry.keyLocation, "field '\(prefix)\(key)' is blank; write the Chinese text (and optionally zh:/en:)"))
                return nil
            }
            return LocalizedText(zh: text)
        case let .mapping(mapping):
            var nested = FieldReader(document: document, mapping: mapping, location: document.location(of: entry.value))
            nested.prefix = prefix + key + "."
            let zh = nested.string("zh", required: true)
            let en = nested.string("en")
            nested.finish(known: ["zh", "en"])
            diagnostics += nested.diagnostics
            guard let zh = zh.flatMap(nonBlank) else {
                if zh != nil {
                    diagnostics.append(.error(.missingField, at: entry.keyLocation, "field '\(prefix)\(key).zh' is blank"))
                }
                return nil
            }
            return LocalizedText(zh: zh, en: en.flatMap(nonBlank))
        default:
            wrongType(entry, expected: "zh and en texts")
            return nil
        }
    }

    /// A nested mapping, read with its own reader. Its diagnostics are merged back by `absorb`.
    mutating func mapping(_ key: String, required: Bool = false) -> FieldReader? {
        guard let entry = lookup(key, required: required, expected: "a mapping") else { return nil }
        guard case let .mapping(mapping) = entry.value else {
            wrongType(entry, expected: "a mapping")
            return nil
        }
        var nested = FieldReader(document: document, mapping: mapping, location: document.location(of: entry.value))
        nested.prefix = prefix + key + "."
        return nested
    }

    /// A sequence of mappings, each read with its own reader (diagnostics to be absorbed by the caller).
    mutating func mappingList(_ key: String) -> [FieldReader]? {
        guard let entry = lookup(key, required: false, expected: "a list") else { return nil }
        guard case let .sequence(sequence) = entry.value else {
            wrongType(entry, expected: "a list")
            return nil
        }
        var readers: [FieldReader] = []
        for (index, item) in sequence.enumerated() {
            guard case let .mapping(mapping) = item else {
                diagnostics.append(.error(.wrongType, at: document.location(of: item), "items of '\(prefix)\(key)' must be mappings, found \(item.kindDescription)"))
                continue
            }
            var reader = FieldReader(document: document, mapping: mapping, location: document.location(of: item))
            reader.prefix = "\(prefix)\(key)[\(index + 1)]."
            readers.append(reader)
        }
        return readers
    }

    /// A sequence of scalars, each with its location.
    mutating func stringList(_ key: String) -> [(String, Node)]? {
        guard let entry = lookup(key, required: false, expected: "a list") else { return nil }
        guard case let .sequence(sequence) = entry.value else {
            wrongType(entry, expected: "a list")
            return nil
        }
        var items: [(String, Node)] = []
        for (index, item) in sequence.enumerated() {
            guard case let .scalar(scalar) = item else {
                diagnostics.append(.error(.wrongType, at: document.location(of: item), "items of '\(prefix)\(key)' must be text, found \(item.kindDescription)"))
                continue
            }
            items.append((checked(scalar.string, at: item, field: "\(prefix)\(key)[\(index + 1)]"), item))
        }
        return items
    }

    /// Folds a nested reader's diagnostics into this one.
    mutating func absorb(_ nested: FieldReader) { diagnostics += nested.diagnostics }

    /// Reports every key that no accessor asked for and that is not in `known` as CM205 (warning): most are
    /// typos of a real field.
    mutating func finish(known: Set<String> = []) {
        for entry in entries where !used.contains(entry.key) && !known.contains(entry.key) {
            let suggestion = Self.closest(to: entry.key, in: used.union(known)).map { "; did you mean '\($0)'?" } ?? ""
            diagnostics.append(.warning(.unknownField, at: entry.keyLocation, "unknown field '\(prefix)\(entry.key)' is ignored\(suggestion)"))
        }
    }

    private func nonBlank(_ text: String) -> String? {
        let trimmed = text.trimmingWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The known key within edit distance 2, if any.
    static func closest(to key: String, in candidates: Set<String>) -> String? {
        var best: (name: String, distance: Int)?
        for candidate in candidates.sorted() {
            let distance = EditDistance.between(key, candidate)
            if distance <= 2, distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        return best?.name
    }
}

extension Node {
    var kindDescription: String {
        switch self {
        case let .scalar(scalar): return scalar.string.isEmpty ? "nothing" : "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

extension Double {
    var formatted: String { NumberText.plain(self) }
}
