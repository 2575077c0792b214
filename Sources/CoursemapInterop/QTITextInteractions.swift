import CoursemapModel
import CoursemapXML

/// Reading the QTI 2.1 interactions that are not graphic: hottext, associate, slider, upload, drawing,
/// choice interactions without a key (surveys), and items with several interactions (one part each).
extension QTIItemReader {
    /// Interactions read here and in `QTIGraphicInteractions.swift`, beyond the first seven.
    static let moreInteractions: Set<String> = [
        "hottextInteraction", "associateInteraction", "sliderInteraction", "hotspotInteraction", "selectPointInteraction",
        "graphicOrderInteraction", "graphicGapMatchInteraction", "graphicAssociateInteraction", "uploadInteraction",
        "drawingInteraction",
    ]

    /// The most interactions an item of several parts may have.
    static let maximumParts = 20

    /// The most steps a slider may have: its page offers every one.
    static let maximumSliderSteps = 10_000.0

    /// Hottext markers while the HTML goes through the sanitizer (private use area): open, number, close
    /// of the number, end of the hottext.
    static let hottextOpen: Unicode.Scalar = "\u{E002}"
    static let hottextNumberEnd: Unicode.Scalar = "\u{E003}"
    static let hottextEnd: Unicode.Scalar = "\u{E004}"

    static func isHottextMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar == hottextOpen || scalar == hottextNumberEnd || scalar == hottextEnd
    }

    /// The body of one of `moreInteractions`.
    mutating func readMore(_ interaction: XMLElement) -> ItemBody? {
        switch interaction.name {
        case "hottextInteraction": return readHottext(interaction)
        case "associateInteraction": return readAssociate(interaction)
        case "sliderInteraction": return readSlider(interaction)
        case "hotspotInteraction": return readHotspot(interaction)
        case "selectPointInteraction": return readSelectPoint(interaction)
        case "graphicOrderInteraction": return readGraphicOrder(interaction)
        case "graphicGapMatchInteraction": return readGraphicGapMatch(interaction)
        case "graphicAssociateInteraction": return readGraphicAssociate(interaction)
        case "uploadInteraction": return .upload
        case "drawingInteraction":
            guard interaction.first("object") != nil else { return .drawing(nil) }
            return graphicImage(interaction).map { .drawing($0) }
        default: return nil
        }
    }

    /// How the stem shows one of `moreInteractions` or a `hottext`: block interactions leave their prompt
    /// (nothing in an item of several parts, where the prompt leads the part); a hottext interaction its
    /// prompt and text, each hottext marked.
    mutating func moreHTML(_ element: XMLElement, inPre: Bool) -> String {
        switch element.name {
        case "hottext":
            let content = html(element.children, inPre: inPre)
            guard let number = hottextNumbers[QTIText.clean(element.attributes["identifier"] ?? "")] else { return content }
            return String(Character(Self.hottextOpen)) + String(number) + String(Character(Self.hottextNumberEnd)) + content
                + String(Character(Self.hottextEnd))
        case "hottextInteraction":
            guard mode != .parts else { return "" }
            return prompt(element) + html(Self.withoutPrompt(element), inPre: inPre)
        default:
            return mode == .parts ? "" : prompt(element)
        }
    }

    static func withoutPrompt(_ element: XMLElement) -> [XMLNodeContent] {
        element.children.filter {
            if case let .element(child) = $0 { return child.name != "prompt" }
            return true
        }
    }

    /// Sanitised HTML with hottext markers made into `<span class="hottext" data-hottext="N">…</span>`
    /// (`kept`), or removed.
    static func hottextMarks(_ text: String, kept: Bool) -> String {
        guard text.unicodeScalars.contains(where: isHottextMark) else { return text }
        var out = ""
        var number: String?
        for scalar in text.unicodeScalars {
            if scalar == hottextOpen {
                number = ""
            } else if scalar == hottextNumberEnd, let current = number {
                if kept { out += "<span class=\"hottext\" data-hottext=\"\(current)\">" }
                number = nil
            } else if scalar == hottextEnd {
                if kept { out += "</span>" }
            } else if number != nil {
                if scalar.properties.numericType != nil, scalar.isASCII { number!.unicodeScalars.append(scalar) }
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: Hottext, associate, slider, survey

    mutating func readHottext(_ interaction: XMLElement) -> ItemBody? {
        let hottexts = Self.descendants(of: interaction) { $0.name == "hottext" }
        guard !hottexts.isEmpty else { return invalid(interaction.line, "<hottextInteraction> has no <hottext>") }
        guard hottexts.count <= ItemLimits.maximumPairs else {
            return invalid(interaction.line, "<hottextInteraction> has \(hottexts.count) <hottext>s; at most \(ItemLimits.maximumPairs) are imported")
        }
        let correct = Set(declaration(for: interaction).map { $0.correct + $0.creditedKeys } ?? [])
        guard !correct.isEmpty else { return invalid(interaction.line, "no <correctResponse> for the hottext interaction") }
        var choices: [HottextChoice] = []
        for (index, hottext) in hottexts.enumerated() {
            let identifier = QTIText.clean(hottext.attributes["identifier"] ?? "")
            if hottextNumbers[identifier] == nil { hottextNumbers[identifier] = hottextNumbers.count + 1 }
            _ = index
            choices.append(HottextChoice(text: rich(hottext.children, line: hottext.line), correct: correct.contains(identifier)))
        }
        let identifiers = hottexts.map { QTIText.clean($0.attributes["identifier"] ?? "") }
        if let unknown = correct.sorted().first(where: { !identifiers.contains($0) }) {
            return invalid(interaction.line, "the correct response '\(unknown)' matches no <hottext> identifier")
        }
        let maxChoices = Int(QTIText.clean(interaction.attributes["maxChoices"] ?? "1")) ?? 1
        return .hottext(HottextTask(choices: choices, maxChoices: max(0, min(maxChoices, choices.count))))
    }

    mutating func readAssociate(_ interaction: XMLElement) -> ItemBody? {
        let choices = shown(interaction.all("simpleAssociableChoice"))
        guard choices.count >= 2 else { return invalid(interaction.line, "<associateInteraction> needs at least two <simpleAssociableChoice>s") }
        guard choices.count <= ItemLimits.maximumPairs else {
            return invalid(interaction.line, "<associateInteraction> has \(choices.count) choices; at most \(ItemLimits.maximumPairs) are imported")
        }
        let identifiers = choices.map { QTIText.clean($0.attributes["identifier"] ?? "") }
        guard let pairs = readPairs(interaction, among: identifiers, what: "<simpleAssociableChoice>") else { return nil }
        return .associate(AssociateTask(choices: choices.map { rich($0.children, line: $0.line) }, pairs: pairs))
    }

    /// The correct unordered pairs of an associate interaction, as indices into `identifiers`.
    mutating func readPairs(_ interaction: XMLElement, among identifiers: [String], what: String) -> [UnorderedPair]? {
        let correct = declaration(for: interaction)?.correct ?? []
        guard !correct.isEmpty else {
            _ = invalid(interaction.line, "no <correctResponse> for the <\(interaction.name)>")
            return nil
        }
        var pairs: [UnorderedPair] = []
        for value in correct {
            let parts = value.split(separator: " ").map(String.init)
            guard parts.count == 2, let a = identifiers.firstIndex(of: parts[0]), let b = identifiers.firstIndex(of: parts[1]), a != b else {
                _ = invalid(interaction.line, "the correct pair '\(value)' does not join two different \(what)s")
                return nil
            }
            let pair = UnorderedPair(a, b)
            if !pairs.contains(pair) { pairs.append(pair) }
        }
        return pairs
    }

    mutating func readSlider(_ interaction: XMLElement) -> ItemBody? {
        func number(_ name: String) -> Double? { QTIText.parseNumber(interaction.attributes[name]) }
        guard let lower = number("lowerBound"), let upper = number("upperBound"), lower < upper else {
            return invalid(interaction.line, "<sliderInteraction> needs lowerBound and upperBound, numbers of at most 10^12 with lowerBound below upperBound")
        }
        let step = interaction.attributes["step"] == nil ? 1 : number("step")
        guard let step, step > 0, (upper - lower) / step <= Self.maximumSliderSteps else {
            return invalid(interaction.line, "<sliderInteraction> has a step that is not above 0 or makes more than \(NumberText.plain(Self.maximumSliderSteps)) steps")
        }
        guard let written = declaration(for: interaction)?.correct.first else {
            return invalid(interaction.line, "no <correctResponse> for the slider interaction")
        }
        guard let correct = QTIText.parseNumber(written), correct >= lower, correct <= upper else {
            return invalid(interaction.line, "the slider's correct response '\(written.prefix(40))' is not a number from \(NumberText.plain(lower)) to \(NumberText.plain(upper))")
        }
        return .slider(SliderTask(lower: lower, upper: upper, step: step, correct: correct))
    }

    /// A choice interaction with neither a correct response nor a mapping: a poll or Likert scale.
    mutating func readSurvey(_ interaction: XMLElement, _ choices: [XMLElement]) -> ItemBody? {
        let maxChoices = Int(QTIText.clean(interaction.attributes["maxChoices"] ?? "1")) ?? 1
        // A survey is never checked, so feedback inside its choices would never be shown: named, not lost.
        let withFeedback = choices.filter { $0.elements.contains { $0.name == "feedbackInline" || $0.name == "feedbackBlock" } }
        if let first = withFeedback.first {
            diagnostics.append(.warning(
                .sanitizedHTML, at: SourceLocation(file: file, line: first.line),
                "\(itemName): \(withFeedback.count) choice(s) of the survey (a choice interaction with no correct response) at line \(interaction.line) hold feedbackInline or feedbackBlock content, which is not shown: a survey is never checked"))
        }
        return .survey(SurveyTask(choices: choices.map { rich($0.children, line: $0.line) }, multiple: maxChoices != 1))
    }

    // MARK: Several interactions

    /// One part per interaction, led by its prompt (a hottext or gap match interaction: its prompt and
    /// text); all text entries and inline choices together are one part, whose blanks stay in the stem.
    mutating func readComposite(_ interactions: [XMLElement]) -> ItemBody? {
        guard interactions.count <= Self.maximumParts else {
            return invalid(interactions[0].line, "the item has \(interactions.count) interactions; at most \(Self.maximumParts) are imported")
        }
        var parts: [ItemPart] = []
        var fillsRead = false
        for interaction in interactions {
            let body: ItemBody?
            var lead = RichText.empty
            switch Self.family(interaction) {
            case "fill":
                if fillsRead { continue }
                fillsRead = true
                body = readFill(interactions.filter { Self.family($0) == "fill" })
            case "choiceInteraction": body = readChoice(interaction)
            case "gapMatchInteraction": body = readGapMatch(interaction)
            case "extendedTextInteraction": body = readExtendedText(interaction, body: root.first("itemBody"))
            case "orderInteraction": body = readOrder(interaction)
            case "matchInteraction": body = readMatch(interaction)
            default: body = readMore(interaction)
            }
            guard let body else { return nil }
            switch interaction.name {
            case "hottextInteraction":
                lead = joined(leadPrompt(interaction), rich(Self.withoutPrompt(interaction), line: interaction.line, blanksAllowed: true))
            case "gapMatchInteraction":
                mode = .blanks
                let content = interaction.children.filter {
                    if case let .element(child) = $0 { return !["prompt", "gapText", "gapImg"].contains(child.name) }
                    return true
                }
                lead = joined(leadPrompt(interaction), rich(content, line: interaction.line, blanksAllowed: true))
            case "textEntryInteraction", "inlineChoiceInteraction":
                break
            default:
                lead = leadPrompt(interaction)
            }
            parts.append(ItemPart(lead: lead, body: body))
        }
        mode = .parts
        return .composite(parts)
    }

    private mutating func leadPrompt(_ interaction: XMLElement) -> RichText {
        guard let prompt = interaction.first("prompt") else { return .empty }
        return rich(prompt.children, line: prompt.line)
    }

    private func joined(_ first: RichText, _ second: RichText) -> RichText {
        if first.html.isEmpty { return second }
        if second.html.isEmpty { return first }
        return RichText(html: "<p>" + first.html + "</p>" + second.html)
    }
}
