import CoursemapModel
import CoursemapXML

/// Evaluates a QTI item's `templateProcessing` for the common subset, with a fixed seed, so that a template
/// (cloned) item imports as one fixed clone: the same on every build.
///
/// Supported rules: `setTemplateValue`, `setCorrectResponse`, `setDefaultValue` (of a template variable).
/// Supported expressions: `baseValue`, `variable` (a template variable set before, or its `defaultValue`),
/// `null`, `random` of a `multiple`/`ordered` container of those, `randomInteger` (`min`, `max`, `step`,
/// numbers), `randomFloat` (`min`, `max`), `sum`, `product`, `subtract`, `divide`, `integerDivide`,
/// `round`, `truncate`, `multiple`/`ordered` (for correct responses with several values). Anything else —
/// `templateCondition`, `templateConstraint`, `exitTemplate`, other operators, `min`/`max` that name a
/// variable — leaves the item unsupported, and the importer skips it with CM311 naming that element.
///
/// The seed is fixed: random choices come from SplitMix64 started at `seed` for every item, drawing in
/// document order. Bounded: at most `maximumRules` rules, expressions nested at most `maximumDepth` deep,
/// numbers of at most 10^12 in magnitude (else unsupported); time linear in the item's size.
struct QTITemplateEvaluator {
    /// The documented fixed seed.
    static let seed: UInt64 = 20_260_101
    static let maximumRules = 1_000
    static let maximumDepth = 32
    static let maximumMagnitude = 1e12

    /// A template value: one or more plain values (numbers or identifiers/strings) as text, plus whether it
    /// is a number.
    struct Value {
        var texts: [String]
        var number: Double?
    }

    enum Outcome {
        /// Template variables and the correct responses set, by identifier.
        case evaluated(variables: [String: Value], correct: [String: [String]])
        /// The element (name, line) Coursemap does not evaluate.
        case unsupported(String, line: Int)
    }

    private var state: UInt64 = QTITemplateEvaluator.seed
    private var variables: [String: Value] = [:]
    private var correct: [String: [String]] = [:]
    private var declared: [String: XMLElement] = [:]
    private var rules = 0

    private struct Unsupported: Error {
        var name: String
        var line: Int
    }

    static func evaluate(_ root: XMLElement) -> Outcome {
        var evaluator = QTITemplateEvaluator()
        for declaration in root.all("templateDeclaration") {
            let identifier = QTIText.clean(declaration.attributes["identifier"] ?? "")
            evaluator.declared[identifier] = declaration
            let defaults = declaration.first("defaultValue")?.all("value").map { QTIText.clean($0.text) } ?? []
            if !defaults.isEmpty { evaluator.variables[identifier] = Value(texts: defaults, number: defaults.count == 1 ? QTIText.parseNumber(defaults[0]) : nil) }
        }
        guard let processing = root.first("templateProcessing") else {
            return .evaluated(variables: evaluator.variables, correct: [:])
        }
        do {
            for rule in processing.elements { try evaluator.apply(rule) }
        } catch let problem as Unsupported {
            return .unsupported(problem.name, line: problem.line)
        } catch {
            return .unsupported("templateProcessing", line: processing.line)
        }
        return .evaluated(variables: evaluator.variables, correct: evaluator.correct)
    }

    private mutating func apply(_ rule: XMLElement) throws {
        rules += 1
        guard rules <= Self.maximumRules else { throw Unsupported(name: rule.name, line: rule.line) }
        let identifier = QTIText.clean(rule.attributes["identifier"] ?? "")
        guard let expression = rule.elements.first, rule.elements.count == 1 else { throw Unsupported(name: rule.name, line: rule.line) }
        switch rule.name {
        case "setTemplateValue", "setDefaultValue":
            guard declared[identifier] != nil else { throw Unsupported(name: rule.name, line: rule.line) }
            variables[identifier] = try value(of: expression, depth: 0, integer: isInteger(identifier))
        case "setCorrectResponse":
            correct[identifier] = try value(of: expression, depth: 0, integer: false).texts
        default:
            throw Unsupported(name: rule.name, line: rule.line)
        }
    }

    private func isInteger(_ identifier: String) -> Bool {
        QTIText.clean(declared[identifier]?.attributes["baseType"] ?? "") == "integer"
    }

    private mutating func value(of expression: XMLElement, depth: Int, integer: Bool) throws -> Value {
        let unsupported = Unsupported(name: expression.name, line: expression.line)
        guard depth < Self.maximumDepth else { throw unsupported }
        switch expression.name {
        case "baseValue":
            let text = QTIText.clean(expression.text)
            return Value(texts: [text], number: QTIText.parseNumber(text))
        case "null":
            return Value(texts: [], number: nil)
        case "variable":
            guard let known = variables[QTIText.clean(expression.attributes["identifier"] ?? "")] else { throw unsupported }
            return known
        case "multiple", "ordered":
            var texts: [String] = []
            for child in expression.elements { texts += try value(of: child, depth: depth + 1, integer: integer).texts }
            return Value(texts: texts, number: nil)
        case "random":
            guard let container = expression.elements.first, expression.elements.count == 1 else { throw unsupported }
            let options = try value(of: container, depth: depth + 1, integer: integer).texts
            guard !options.isEmpty else { return Value(texts: [], number: nil) }
            let pick = options[Int(next() % UInt64(options.count))]
            return Value(texts: [pick], number: QTIText.parseNumber(pick))
        case "randomInteger":
            guard let low = bound(expression, "min"), let high = bound(expression, "max", default: nil), low <= high,
                low == low.rounded(), high == high.rounded()
            else { throw unsupported }
            let step = bound(expression, "step", default: 1) ?? 1
            guard step >= 1, step == step.rounded() else { throw unsupported }
            guard let span = NumberText.wholeNumber(((high - low) / step).rounded(.down)) else { throw unsupported }
            let pick = next() % UInt64(span + 1)
            return number(low + step * Double(pick), integer: true)
        case "randomFloat":
            guard let low = bound(expression, "min"), let high = bound(expression, "max", default: nil), low <= high else { throw unsupported }
            let unit = Double(next() >> 11) / Double(1 << 53)
            // Rounded to 4 decimals, so the clone's numbers print and compare plainly.
            return number(((low + (high - low) * unit) * 10_000).rounded() / 10_000, integer: false)
        case "sum", "product", "subtract", "divide", "integerDivide":
            let operands = try expression.elements.map { try value(of: $0, depth: depth + 1, integer: integer) }
            let numbers = operands.compactMap(\.number)
            guard numbers.count == operands.count, !numbers.isEmpty else { throw unsupported }
            let result: Double
            switch expression.name {
            case "sum": result = numbers.reduce(0, +)
            case "product": result = numbers.reduce(1, *)
            default:
                guard numbers.count == 2 else { throw unsupported }
                if expression.name == "subtract" {
                    result = numbers[0] - numbers[1]
                } else {
                    guard numbers[1] != 0 else { throw unsupported }
                    result = expression.name == "divide" ? numbers[0] / numbers[1] : (numbers[0] / numbers[1]).rounded(.down)
                }
            }
            let whole = expression.name == "integerDivide" || operands.allSatisfy { $0.number == $0.number?.rounded() } && expression.name != "divide"
            return try checked(number(result, integer: whole), unsupported)
        case "round", "truncate":
            guard let operand = expression.elements.first, expression.elements.count == 1,
                let value = try value(of: operand, depth: depth + 1, integer: integer).number
            else { throw unsupported }
            return number(expression.name == "round" ? (value + 0.5).rounded(.down) : value.rounded(.towardZero), integer: true)
        default:
            throw unsupported
        }
    }

    private func checked(_ value: Value, _ problem: Unsupported) throws -> Value {
        guard let number = value.number, number.isFinite, abs(number) <= Self.maximumMagnitude else { throw problem }
        return value
    }

    /// A numeric attribute (a variable reference such as `{A}` is not supported: nil).
    private func bound(_ element: XMLElement, _ name: String, default fallback: Double? = 0) -> Double? {
        guard let raw = element.attributes[name] else { return name == "min" ? nil : fallback }
        guard let value = QTIText.parseNumber(raw), abs(value) <= Self.maximumMagnitude else { return nil }
        return value
    }

    /// A number as its plain text (`12`, `12.5`).
    private func number(_ value: Double, integer: Bool) -> Value {
        Value(texts: [NumberText.plain(value)], number: value)
    }

    /// SplitMix64.
    private mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
