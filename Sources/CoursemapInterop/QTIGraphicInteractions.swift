import CoursemapModel
import CoursemapXML

/// Reading the QTI 2.1 graphic interactions: hotspot, select point, graphic order, graphic gap match and
/// graphic associate. Each is drawn over a picture (`<object data type width height>`), which becomes the
/// item's `ItemImage` and one of its assets. A missing picture, an unknown shape or coordinates that do not
/// fit their shape is CM329 and the item is skipped.
extension QTIItemReader {
    /// The most hotspots an interaction may have (its page lists each).
    static let maximumHotspots = 100
    /// The largest declared picture side, in pixels.
    static let maximumImageSide = 20_000

    mutating func graphicProblem(_ line: Int, _ message: String) -> ItemBody? {
        diagnostics.append(ImportSkip.warning(.invalidGraphic, at: location(line), "\(itemName): \(message)"))
        return nil
    }

    /// The picture of a graphic interaction (its `<object>` child), recorded as an asset of the item.
    mutating func graphicImage(_ interaction: XMLElement) -> ItemImage? {
        guard let object = interaction.first("object") else {
            _ = graphicProblem(interaction.line, "<\(interaction.name)> has no <object> picture to draw its areas over")
            return nil
        }
        guard let path = Self.assetPath(QTIText.clean(object.attributes["data"] ?? ""), from: file) else {
            _ = graphicProblem(
                object.line,
                "the <object> data '\(MessageText.printable(String((object.attributes["data"] ?? "").prefix(80))))' is not a relative path to a file inside the package")
            return nil
        }
        func side(_ name: String) -> Int? {
            guard let value = Int(QTIText.clean(object.attributes[name] ?? "")), value > 0, value <= Self.maximumImageSide else { return nil }
            return value
        }
        if !graphicAssets.contains(where: { $0.path == path }) {
            graphicAssets.append(ItemAsset(path: path, location: location(object.line)))
        }
        let alternative = QTIText.clean(object.text)
        return ItemImage(path: path, width: side("width"), height: side("height"), alternative: alternative.isEmpty ? nil : alternative)
    }

    /// `data` resolved against the folder of `file` (both content-relative) as `ItemAssetPath` does for every
    /// other file of an item (percent-decoded, inside the package's top folder): `nil` for an absolute path, a
    /// URL, a `data:` URI, a backslash, `%2e%2e/…`, or a path that leaves the package.
    static func assetPath(_ data: String, from file: String) -> String? {
        guard !data.contains("?"), !data.contains("#"), case let .path(path) = ItemAssetPath.resolve(data, from: file) else { return nil }
        return path
    }

    /// The area an element's `shape` and `coords` describe, or CM329.
    mutating func area(_ element: XMLElement, what: String) -> ItemArea? {
        let rawShape = QTIText.clean(element.attributes["shape"] ?? "")
        let rawCoords = element.attributes["coords"] ?? ""
        let shown = "\(what) has shape=\"\(MessageText.printable(String(rawShape.prefix(20))))\" coords=\"\(MessageText.printable(String(rawCoords.prefix(60))))\""
        guard let shape = AreaShape(rawValue: rawShape) else {
            _ = graphicProblem(element.line, "\(shown): the shape is not rect, circle, ellipse, poly or default")
            return nil
        }
        let words = rawCoords.split(whereSeparator: { $0 == "," || QTIText.isXMLSpace($0.unicodeScalars.first!) })
        guard words.count <= ItemArea.maximumPolygonPoints * 2 + 2 else {
            _ = graphicProblem(element.line, "\(shown): more than \(ItemArea.maximumPolygonPoints) points")
            return nil
        }
        var coordinates: [Double] = []
        for word in words {
            guard let value = QTIText.parseNumber(String(word)) else {
                _ = graphicProblem(element.line, "\(shown): '\(MessageText.printable(String(word.prefix(20))))' is not a number")
                return nil
            }
            coordinates.append(value)
        }
        switch ItemArea.validated(shape: shape, coordinates: coordinates) {
        case let .success(area): return area
        case let .failure(problem):
            _ = graphicProblem(element.line, "\(shown): \(problem.message)")
            return nil
        }
    }

    /// The hotspots (`hotspotChoice` or `associableHotspot`) of an interaction with their identifiers.
    mutating func hotspots(_ interaction: XMLElement, _ name: String) -> (identifiers: [String], hotspots: [Hotspot])? {
        let elements = shown(interaction.all(name))
        guard !elements.isEmpty else {
            _ = graphicProblem(interaction.line, "<\(interaction.name)> has no <\(name)>")
            return nil
        }
        guard elements.count <= Self.maximumHotspots else {
            _ = graphicProblem(interaction.line, "<\(interaction.name)> has \(elements.count) hotspots; at most \(Self.maximumHotspots) are imported")
            return nil
        }
        var identifiers: [String] = []
        var hotspots: [Hotspot] = []
        for element in elements {
            let identifier = QTIText.clean(element.attributes["identifier"] ?? "")
            guard let area = area(element, what: "<\(name)> '\(MessageText.printable(identifier))'") else { return nil }
            identifiers.append(identifier)
            hotspots.append(Hotspot(label: QTIText.clean(element.attributes["hotspotLabel"] ?? ""), area: area))
        }
        return (identifiers, hotspots)
    }

    // MARK: The interactions

    mutating func readHotspot(_ interaction: XMLElement) -> ItemBody? {
        guard let image = graphicImage(interaction), let (identifiers, hotspots) = hotspots(interaction, "hotspotChoice") else { return nil }
        let keys = Self.orderedUnique((declaration(for: interaction)?.correct ?? []) + (declaration(for: interaction)?.creditedKeys ?? []))
        guard !keys.isEmpty else { return invalid(interaction.line, "no <correctResponse> for the hotspot interaction") }
        var correct: [Int] = []
        for key in keys {
            guard let index = identifiers.firstIndex(of: key) else {
                return invalid(interaction.line, "the correct response '\(key)' matches no <hotspotChoice> identifier")
            }
            correct.append(index)
        }
        let maxChoices = Int(QTIText.clean(interaction.attributes["maxChoices"] ?? "1")) ?? 1
        return .hotspot(HotspotTask(image: image, hotspots: hotspots, correct: correct.sorted(), maxChoices: max(0, min(maxChoices, hotspots.count))))
    }

    /// The correct areas come from the response's `areaMapping` (entries with a mapped value above 0);
    /// without one, a correct point counts within 8 pixels of it.
    mutating func readSelectPoint(_ interaction: XMLElement) -> ItemBody? {
        guard let image = graphicImage(interaction) else { return nil }
        let responseIdentifier = interaction.attributes["responseIdentifier"] ?? ""
        let declaration = root.all("responseDeclaration").first { ($0.attributes["identifier"] ?? "") == responseIdentifier }
        var areas: [ItemArea] = []
        for entry in declaration?.first("areaMapping")?.all("areaMapEntry") ?? [] {
            guard (QTIText.parseNumber(entry.attributes["mappedValue"]) ?? 0) > 0 else { continue }
            guard let area = area(entry, what: "<areaMapEntry>") else { return nil }
            areas.append(area)
        }
        if areas.isEmpty {
            for value in self.declaration(for: interaction)?.correct ?? [] {
                let numbers = value.split(separator: " ").compactMap { QTIText.parseNumber(String($0)) }
                guard numbers.count == 2, case let .success(area) = ItemArea.validated(shape: .circle, coordinates: numbers + [8]) else {
                    return graphicProblem(interaction.line, "the correct point '\(MessageText.printable(String(value.prefix(40))))' is not two numbers x y")
                }
                areas.append(area)
            }
        }
        guard !areas.isEmpty else {
            return graphicProblem(interaction.line, "<selectPointInteraction> has neither an <areaMapping> with an area worth points nor a correct point")
        }
        guard areas.count <= Self.maximumHotspots else {
            return graphicProblem(interaction.line, "the <areaMapping> has \(areas.count) areas; at most \(Self.maximumHotspots) are imported")
        }
        let maxChoices = Int(QTIText.clean(interaction.attributes["maxChoices"] ?? "1")) ?? 1
        return .selectPoint(SelectPointTask(image: image, areas: areas, points: max(1, min(maxChoices, 10))))
    }

    mutating func readGraphicOrder(_ interaction: XMLElement) -> ItemBody? {
        guard let image = graphicImage(interaction), let (identifiers, hotspots) = hotspots(interaction, "hotspotChoice") else { return nil }
        let correct = declaration(for: interaction)?.correct ?? []
        guard !correct.isEmpty else { return invalid(interaction.line, "no <correctResponse> for the graphic order interaction") }
        var order: [Int] = []
        for key in correct {
            guard let index = identifiers.firstIndex(of: key), !order.contains(index) else {
                return invalid(interaction.line, "the correct order names '\(key)', which is no <hotspotChoice> of the interaction (or names it twice)")
            }
            order.append(index)
        }
        return .graphicOrder(GraphicOrderTask(image: image, hotspots: hotspots, order: order))
    }

    mutating func readGraphicGapMatch(_ interaction: XMLElement) -> ItemBody? {
        guard let image = graphicImage(interaction), let (identifiers, hotspots) = hotspots(interaction, "associableHotspot") else { return nil }
        var gapIdentifiers: [String] = []
        var gaps: [GraphicGap] = []
        for gap in shown(interaction.elements.filter { $0.name == "gapImg" || $0.name == "gapText" }) {
            gapIdentifiers.append(QTIText.clean(gap.attributes["identifier"] ?? ""))
            if gap.name == "gapText" {
                gaps.append(GraphicGap(text: QTIText.clean(gap.text)))
            } else {
                guard let picture = graphicImage(gap) else { return nil }
                let label = QTIText.clean(gap.attributes["objectLabel"] ?? "")
                gaps.append(GraphicGap(text: label.isEmpty ? (picture.alternative ?? "") : label, image: picture))
            }
        }
        guard !gaps.isEmpty else { return invalid(interaction.line, "<graphicGapMatchInteraction> has no <gapImg>") }
        let correct = declaration(for: interaction)?.correct ?? []
        guard !correct.isEmpty else { return invalid(interaction.line, "no <correctResponse> for the graphic gap match interaction") }
        var placement = [Int?](repeating: nil, count: hotspots.count)
        for value in correct {
            let parts = value.split(separator: " ").map(String.init)
            guard parts.count == 2 else { return invalid(interaction.line, "the correct pair '\(value)' is not a gap and a hotspot") }
            // directedPair: gap image, then hotspot (the reverse is accepted too).
            if let gap = gapIdentifiers.firstIndex(of: parts[0]), let spot = identifiers.firstIndex(of: parts[1]) {
                placement[spot] = gap
            } else if let gap = gapIdentifiers.firstIndex(of: parts[1]), let spot = identifiers.firstIndex(of: parts[0]) {
                placement[spot] = gap
            } else {
                return invalid(interaction.line, "the correct pair '\(value)' does not join a <gapImg> to an <associableHotspot>")
            }
        }
        return .graphicGapMatch(GraphicGapMatchTask(image: image, hotspots: hotspots, gaps: gaps, placement: placement))
    }

    mutating func readGraphicAssociate(_ interaction: XMLElement) -> ItemBody? {
        guard let image = graphicImage(interaction), let (identifiers, hotspots) = hotspots(interaction, "associableHotspot") else { return nil }
        guard let pairs = readPairs(interaction, among: identifiers, what: "<associableHotspot>") else { return nil }
        return .graphicAssociate(GraphicAssociateTask(image: image, hotspots: hotspots, pairs: pairs))
    }
}
