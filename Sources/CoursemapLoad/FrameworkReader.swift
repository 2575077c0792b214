import CoursemapXML
import CoursemapModel

/// Reads a validated framework XML tree (`<certificate>` or `<outcomes>`) into a `Framework`, checking what
/// the schema cannot: that codes extend their parent's code and are unique within a level.
struct FrameworkReader {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func read(_ root: XMLElement) -> Framework? {
        let location = SourceLocation(file: file, line: root.line)
        let id = root.attributes["id"] ?? ""
        let title = root.first("title")?.bilingualText ?? LocalizedText(zh: id)
        switch root.name {
        case "certificate":
            var seenLevels: [CertificateLevel: Int] = [:]
            let levels = root.all("level").compactMap { readLevel($0) }.filter { level in
                if let first = seenLevels[level.level] {
                    diagnostics.append(.error(.duplicateID, at: level.location, "level \(level.level.rawValue) is given twice in this framework (first at line \(first)); merge them"))
                    return false
                }
                seenLevels[level.level] = level.location.line ?? 0
                return true
            }
            return Framework(
                id: id, kind: .certificate, title: title, issuer: root.first("issuer")?.bilingualText,
                description: root.first("description")?.bilingualText, version: root.attributes["version"],
                illustrative: ["true", "1"].contains(root.attributes["illustrative"] ?? "false"),
                levels: levels, location: location)
        case "outcomes":
            var codes = CodeRegistry()
            let groups = root.all("group").compactMap { group -> OutcomeGroup? in
                guard let domain = OutcomeDomain(rawValue: group.attributes["domain"] ?? "") else { return nil }
                var outcomes: [Statement] = []
                for outcome in group.all("outcome") { outcomes.append(statement(outcome, registry: &codes)) }
                return OutcomeGroup(domain: domain, outcomes: outcomes, location: SourceLocation(file: file, line: group.line))
            }
            diagnostics += codes.diagnostics
            return Framework(
                id: id, kind: .outcomes, title: title, description: root.first("description")?.bilingualText,
                version: root.attributes["version"], outcomeGroups: groups, location: location)
        default:
            return nil
        }
    }

    private mutating func readLevel(_ element: XMLElement) -> FrameworkLevel? {
        guard let level = CertificateLevel(rawValue: element.attributes["name"] ?? "") else { return nil }
        var codes = CodeRegistry()
        let areas = element.all("area").map { area -> WorkArea in
            let areaCode = area.attributes["code"] ?? ""
            codes.register(areaCode, at: SourceLocation(file: file, line: area.line), what: "work area")
            let tasks = area.all("task").map { task -> WorkTask in
                let taskCode = task.attributes["code"] ?? ""
                checkExtends(taskCode, parent: areaCode, line: task.line, what: "task")
                codes.register(taskCode, at: SourceLocation(file: file, line: task.line), what: "task")
                var requirements: [Statement] = []
                for requirement in task.all("requirement") {
                    let result = statement(requirement, registry: &codes)
                    checkExtends(result.code, parent: taskCode, line: requirement.line, what: "requirement")
                    requirements.append(result)
                }
                return WorkTask(code: taskCode, title: task.bilingualText ?? LocalizedText(zh: taskCode), requirements: requirements, location: SourceLocation(file: file, line: task.line))
            }
            let areaLocation = SourceLocation(file: file, line: area.line)
            let weightText = area.attributes["weight"].flatMap { weight($0, of: areaCode, at: areaLocation) }
            return WorkArea(
                code: areaCode, title: area.bilingualText ?? LocalizedText(zh: areaCode), tasks: tasks,
                weight: weightText.flatMap(Double.init), weightText: weightText, location: areaLocation)
        }
        diagnostics += codes.diagnostics
        let levelLocation = SourceLocation(file: file, line: element.line)
        if areas.contains(where: { $0.weight != nil }), let unweighted = areas.first(where: { $0.weight == nil }) {
            diagnostics.append(.warning(
                .partialBlueprintWeights, at: unweighted.location,
                "work area \(unweighted.code) of \(level.rawValue) has no weight, but other areas of \(level.rawValue) have one; give every area a weight, or none"))
        } else if !areas.isEmpty, areas.allSatisfy({ $0.weightText.flatMap { DecimalText.scaled($0, decimals: 6)?.units } == 0 }) {
            // Zero as the blueprint counts weights (millionths): `0.0000004` is 0 there too.
            diagnostics.append(.warning(
                .partialBlueprintWeights, at: levelLocation,
                "the weights of the work areas of \(level.rawValue) add up to 0, so the blueprint has no weight shares to compare; give the areas their exam weights, or none"))
        }
        return FrameworkLevel(level: level, description: element.first("description")?.bilingualText, areas: areas, location: levelLocation)
    }

    /// An area's `weight` (the schema's decimal ≥ 0, white space around it allowed) as written without that
    /// white space, when it is a number from 0 to `NumberBounds.maximumWeight`; else CM208 and no weight, so
    /// the blueprint's exact sum of weights cannot overflow (`docs/coverage.md` §6).
    private mutating func weight(_ raw: String, of area: String, at location: SourceLocation) -> String? {
        let text = raw.trimmingWhitespace
        guard let value = Double(text), value.isFinite, value >= 0, value <= NumberBounds.maximumWeight,
            DecimalText.scaled(text, decimals: 0) != nil
        else {
            diagnostics.append(.error(
                .numberOutOfRange, at: location,
                "weight '\(raw.prefix(40))' of work area \(area) must be a number from 0 to \(NumberText.plain(NumberBounds.maximumWeight))"))
            return nil
        }
        return text
    }

    private mutating func statement(_ element: XMLElement, registry: inout CodeRegistry) -> Statement {
        let code = element.attributes["code"] ?? ""
        let location = SourceLocation(file: file, line: element.line)
        registry.register(code, at: location, what: element.name)
        if code == "index" {
            diagnostics.append(.error(.invalidID, at: location, "'index' is reserved for the framework page; choose another code"))
        } else if code.lowercased() == "index" {
            diagnostics.append(.error(.caseCollision, at: location, "'\(code)' differs only in letter case from 'index', the framework page: they are one file on macOS and Windows; choose another code"))
        }
        return Statement(code: code, statement: element.bilingualText ?? LocalizedText(zh: code), location: location)
    }

    /// `1.2.3` must sit under `1.2`, and `1.2` under `1`.
    private mutating func checkExtends(_ code: String, parent: String, line: Int, what: String) {
        let parentDepth = parent.split(separator: ".").count
        if code.hasPrefix(parent + "."), code.split(separator: ".").count == parentDepth + 1 { return }
        diagnostics.append(.error(
            .codeOutsideParent, at: SourceLocation(file: file, line: line),
            "\(what) code '\(code)' does not extend its parent's code '\(parent)' (expected '\(parent).N')"))
    }

}

/// Remembers codes within one level (or outcome framework) and reports a code used twice, at both places.
private struct CodeRegistry {
    var seen: [String: SourceLocation] = [:]
    var diagnostics: [Diagnostic] = []

    /// The first code of each lowercase spelling: codes that differ only in letter case name one page file
    /// on macOS and Windows (CM412).
    var seenFolded: [String: (code: String, location: SourceLocation)] = [:]

    mutating func register(_ code: String, at location: SourceLocation, what: String) {
        if let first = seen[code] {
            diagnostics.append(.error(.duplicateID, at: location, "\(what) code '\(code)' is used twice (also at \(first))"))
            diagnostics.append(.error(.duplicateID, at: first, "\(what) code '\(code)' is used twice (also at \(location))"))
            return
        }
        seen[code] = location
        if let twin = seenFolded[code.lowercased()] {
            diagnostics.append(.error(.caseCollision, at: location, "\(what) code '\(code)' differs only in letter case from '\(twin.code)' (\(twin.location)): their pages are one file on macOS and Windows"))
            diagnostics.append(.error(.caseCollision, at: twin.location, "\(what) code '\(twin.code)' differs only in letter case from '\(code)' (\(location)): their pages are one file on macOS and Windows"))
        } else {
            seenFolded[code.lowercased()] = (code, location)
        }
    }
}
