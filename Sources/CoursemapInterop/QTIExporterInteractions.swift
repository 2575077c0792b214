import CoursemapModel

/// Writing hottext, associate, slider, graphic, survey, upload and drawing items as QTI 2.1 interactions.
/// Pictures are referred to by their content-relative path from the package's `items/` folder.
extension QTIItemWriter {
    mutating func writeMore() {
        switch item.body {
        case let .hottext(task): hottext(task)
        case let .associate(task):
            body.append(stem())
            let ids = task.choices.indices.map { "A\($0 + 1)" }
            declarations.append(Self.declaration("RESPONSE", "multiple", "pair", correct: task.pairs.map { "\(ids[$0.first]) \(ids[$0.second])" }))
            body.append(.element(
                "associateInteraction",
                [("responseIdentifier", "RESPONSE"), ("shuffle", "false"), ("maxAssociations", String(task.pairs.count))],
                zip(ids, task.choices).map { .compact("simpleAssociableChoice", [("identifier", $0.0), ("matchMax", "1")], rich($0.1)) }))
            finish("associateInteraction")
        case let .slider(task):
            body.append(stem())
            declarations.append(Self.declaration("RESPONSE", "single", "float", correct: [QTIText.number(task.correct)]))
            body.append(.element("sliderInteraction", [
                ("responseIdentifier", "RESPONSE"), ("lowerBound", QTIText.number(task.lower)),
                ("upperBound", QTIText.number(task.upper)), ("step", QTIText.number(task.step)),
            ]))
            finish("sliderInteraction")
        case let .hotspot(task):
            body.append(stem())
            let ids = task.hotspots.indices.map { "H\($0 + 1)" }
            declarations.append(Self.declaration("RESPONSE", task.maxChoices == 1 ? "single" : "multiple", "identifier", correct: task.correct.map { ids[$0] }))
            body.append(.element(
                "hotspotInteraction", [("responseIdentifier", "RESPONSE"), ("maxChoices", String(task.maxChoices))],
                [object(task.image)] + zip(ids, task.hotspots).map { hotspot("hotspotChoice", $0.0, $0.1) }))
            finish("hotspotInteraction")
        case let .selectPoint(task):
            body.append(stem())
            declarations.append(.element(
                "responseDeclaration", [("identifier", "RESPONSE"), ("cardinality", task.points == 1 ? "single" : "multiple"), ("baseType", "point")],
                [.element("areaMapping", [("defaultValue", "0")], task.areas.map { area in
                    .element("areaMapEntry", [("shape", area.shape.rawValue), ("coords", Self.coords(area)), ("mappedValue", "1")])
                })]))
            body.append(.element(
                "selectPointInteraction", [("responseIdentifier", "RESPONSE"), ("maxChoices", String(task.points))], [object(task.image)]))
            interactionTypes.append("selectPointInteraction")
            processing = Self.template("map_response_point")
        case let .graphicOrder(task):
            body.append(stem())
            let ids = task.hotspots.indices.map { "H\($0 + 1)" }
            declarations.append(Self.declaration("RESPONSE", "ordered", "identifier", correct: task.order.map { ids[$0] }))
            body.append(.element(
                "graphicOrderInteraction", [("responseIdentifier", "RESPONSE")],
                [object(task.image)] + zip(ids, task.hotspots).map { hotspot("hotspotChoice", $0.0, $0.1) }))
            finish("graphicOrderInteraction")
        case let .graphicGapMatch(task):
            body.append(stem())
            let ids = task.hotspots.indices.map { "H\($0 + 1)" }
            let gapIDs = task.gaps.indices.map { "G\($0 + 1)" }
            let pairs = task.placement.enumerated().compactMap { spot, gap in gap.map { "\(gapIDs[$0]) \(ids[spot])" } }
            declarations.append(Self.declaration("RESPONSE", "multiple", "directedPair", correct: pairs))
            var children = [object(task.image)]
            for (identifier, gap) in zip(gapIDs, task.gaps) {
                // QTI 2.1 gaps are pictures; a text gap is written as a picture-less gap labelled by its text.
                let picture = gap.image ?? ItemImage(path: task.image.path, width: 1, height: 1, alternative: gap.text)
                if gap.image == nil { warn("the text gap '\(gap.text)' is written as a <gapImg> labelled with its text (QTI 2.1 has no text gaps on pictures)") }
                children.append(.element("gapImg", [("identifier", identifier), ("matchMax", "0"), ("objectLabel", gap.text)], [object(picture)]))
            }
            children += zip(ids, task.hotspots).map { hotspot("associableHotspot", $0.0, $0.1, matchMax: true) }
            body.append(.element("graphicGapMatchInteraction", [("responseIdentifier", "RESPONSE")], children))
            finish("graphicGapMatchInteraction")
        case let .graphicAssociate(task):
            body.append(stem())
            let ids = task.hotspots.indices.map { "H\($0 + 1)" }
            declarations.append(Self.declaration("RESPONSE", "multiple", "pair", correct: task.pairs.map { "\(ids[$0.first]) \(ids[$0.second])" }))
            body.append(.element(
                "graphicAssociateInteraction", [("responseIdentifier", "RESPONSE"), ("maxAssociations", String(task.pairs.count))],
                [object(task.image)] + zip(ids, task.hotspots).map { hotspot("associableHotspot", $0.0, $0.1, matchMax: true) }))
            finish("graphicAssociateInteraction")
        case let .survey(task):
            body.append(stem())
            declarations.append(Self.declaration("RESPONSE", task.multiple ? "multiple" : "single", "identifier", correct: []))
            body.append(.element(
                "choiceInteraction", [("responseIdentifier", "RESPONSE"), ("shuffle", "false"), ("maxChoices", task.multiple ? "0" : "1")],
                task.choices.enumerated().map { .compact("simpleChoice", [("identifier", "C\($0.offset + 1)")], rich($0.element)) }))
            interactionTypes.append("choiceInteraction")
        case .upload:
            body.append(stem())
            declarations.append(Self.declaration("RESPONSE", "single", "file", correct: []))
            body.append(.element("uploadInteraction", [("responseIdentifier", "RESPONSE")]))
            interactionTypes.append("uploadInteraction")
        case let .drawing(image):
            body.append(stem())
            declarations.append(Self.declaration("RESPONSE", "single", "file", correct: []))
            let picture = image ?? ItemImage(path: "", width: 400, height: 300)
            if image == nil { warn("a drawing without a picture is written with an empty canvas <object>") }
            body.append(.element("drawingInteraction", [("responseIdentifier", "RESPONSE")], [object(picture)]))
            interactionTypes.append("drawingInteraction")
        case let .composite(parts):
            composite(parts)
        default:
            body.append(stem(classes: "\(QTIClass.stem) \(QTIClass.description)"))
        }
    }

    /// Each part written as an item of its own, its response identifiers prefixed `P<n>_`, one after the other
    /// (its lead before its interaction); SCORE adds up the parts: a share of the score for each part answered
    /// as its correct response, or its mapped value.
    private mutating func composite(_ parts: [ItemPart]) {
        body.append(stem())
        let share = item.score > 0 && !parts.isEmpty ? item.score / Double(parts.count) : 1
        var rules: [QTINode] = []
        for (index, part) in parts.enumerated() {
            let prefix = "P\(index + 1)_"
            let partItem = ExerciseItem(id: "\(item.id)-p\(index + 1)", usage: item.usage, score: share, stem: part.lead, body: part.body, location: item.location)
            var writer = QTIItemWriter(item: partItem, identifier: identifier)
            _ = writer.write()
            diagnostics += writer.diagnostics
            interactionTypes += writer.interactionTypes
            // The part's body without Coursemap's metadata block; its lead (the part's stem) becomes the prompt of
            // its interaction when it is inline text (QTI prompts hold inline content only), else stays before it.
            body += Self.leadAsPrompt(Array(writer.body.dropFirst()), lead: part.lead).map { Self.prefixed($0, prefix) }
            for declaration in writer.declarations {
                let renamed = Self.prefixed(declaration, prefix)
                declarations.append(renamed)
                guard case let .element(_, attributes, children, _) = renamed,
                    let response = attributes.first(where: { $0.0 == "identifier" })?.1
                else { continue }
                let names = children.compactMap { child -> String? in
                    if case let .element(name, _, _, _) = child { return name }
                    return nil
                }
                let variable = QTINode.element("variable", [("identifier", response)])
                if names.contains("areaMapping") {
                    rules.append(Self.addToScore(.element("mapResponsePoint", [("identifier", response)])))
                } else if names.contains("mapping") {
                    rules.append(Self.addToScore(.element("mapResponse", [("identifier", response)])))
                } else if names.contains("correctResponse") {
                    rules.append(.element("responseCondition", [], [
                        .element("responseIf", [], [
                            .element("match", [], [variable, .element("correct", [("identifier", response)])]),
                            Self.addToScore(.leaf("baseValue", [("baseType", "float")], QTIText.number(share))),
                        ])
                    ]))
                }
            }
        }
        processing = rules.isEmpty ? nil : .element("responseProcessing", [], rules)
    }

    /// `[stem div, block interaction]` made `[interaction with the stem's content as its prompt]`.
    static func leadAsPrompt(_ nodes: [QTINode], lead: RichText) -> [QTINode] {
        let blocks = ["<p", "<div", "<ul", "<ol", "<table", "<pre", "<h", "<blockquote", "<dl", "<hr"]
        guard nodes.count == 2, !blocks.contains(where: lead.html.contains),
            case let .element(divName, divAttributes, promptContent, _) = nodes[0], divName == "div",
            divAttributes.contains(where: { $0.0 == "class" && $0.1 == QTIClass.stem }),
            case let .element(name, attributes, children, compact) = nodes[1],
            ["choiceInteraction", "orderInteraction", "matchInteraction", "associateInteraction", "sliderInteraction", "hotspotInteraction",
             "selectPointInteraction", "graphicOrderInteraction", "graphicGapMatchInteraction", "graphicAssociateInteraction",
             "uploadInteraction", "drawingInteraction", "extendedTextInteraction"].contains(name)
        else { return nodes }
        if promptContent.isEmpty { return [nodes[1]] }
        return [.element(name: name, attributes: attributes, children: [.compact("prompt", [], promptContent)] + children, compact: compact)]
    }

    private static func addToScore(_ value: QTINode) -> QTINode {
        .element("setOutcomeValue", [("identifier", "SCORE")], [
            .element("sum", [], [.element("variable", [("identifier", "SCORE")]), value])
        ])
    }

    /// `node` with every response identifier (`RESPONSE`, `RESPONSE_2` …) prefixed.
    static func prefixed(_ node: QTINode, _ prefix: String) -> QTINode {
        switch node {
        case .text: return node
        case let .element(name, attributes, children, compact):
            let renamed = attributes.map { key, value -> (String, String) in
                let names: Set<String> = ["identifier", "responseIdentifier"]
                guard names.contains(key), value == "RESPONSE" || value.hasPrefix("RESPONSE_") else { return (key, value) }
                return (key, prefix + value)
            }
            return .element(name: name, attributes: renamed, children: children.map { prefixed($0, prefix) }, compact: compact)
        }
    }

    private mutating func finish(_ interaction: String) {
        interactionTypes.append(interaction)
        processing = Self.template("match_correct")
    }

    /// Hottext items: the stem with each marked word as a `<hottext>` where it stands; a hottext whose
    /// marker is not in the stem follows it, in a paragraph of its own.
    private mutating func hottext(_ task: HottextTask) {
        let ids = task.choices.indices.map { "T\($0 + 1)" }
        declarations.append(Self.declaration(
            "RESPONSE", task.maxChoices == 1 ? "single" : "multiple", "identifier",
            correct: zip(ids, task.choices).filter { $0.1.correct }.map(\.0)))
        var converter = QTIXHTMLConverter(hottexts: Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($0 + 1, $1) }))
        converter.assets = item.assets
        var children: [QTINode] = [.compact("div", [("class", QTIClass.stem)], converter.convert(item.stem.html))]
        var line: [QTINode] = []
        for (index, (identifier, choice)) in zip(ids, task.choices).enumerated() where !converter.placedHottexts.contains(index + 1) {
            if !line.isEmpty { line.append(.text(" ")) }
            line.append(.compact("hottext", [("identifier", identifier)], rich(choice.text)))
        }
        if !line.isEmpty { children.append(.compact("p", [], line)) }
        body.append(.element(
            "hottextInteraction", [("responseIdentifier", "RESPONSE"), ("maxChoices", String(task.maxChoices))],
            children))
        finish("hottextInteraction")
    }

    private func object(_ image: ItemImage) -> QTINode {
        var attributes = [("data", image.path.isEmpty ? "" : "../" + image.path), ("type", Self.mediaType(image.path))]
        if let width = image.width { attributes.append(("width", String(width))) }
        if let height = image.height { attributes.append(("height", String(height))) }
        return .leaf("object", attributes, image.alternative ?? "")
    }

    private func hotspot(_ name: String, _ identifier: String, _ hotspot: Hotspot, matchMax: Bool = false) -> QTINode {
        var attributes = [("identifier", identifier), ("shape", hotspot.area.shape.rawValue), ("coords", Self.coords(hotspot.area))]
        if !hotspot.label.isEmpty { attributes.append(("hotspotLabel", hotspot.label)) }
        if matchMax { attributes.append(("matchMax", "0")) }
        return .element(name, attributes)
    }

    static func coords(_ area: ItemArea) -> String {
        area.coordinates.map { QTIText.number($0) }.joined(separator: ",")
    }

    static func mediaType(_ path: String) -> String {
        switch path.split(separator: ".").last?.lowercased() ?? "" {
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "svg": return "image/svg+xml"
        default: return "image/png"
        }
    }
}
