import CoursemapModel

/// Finds control characters in the texts of a framework imported from a CASE package. JSON cannot hold a
/// raw control character in a string, but a `\u001b` escape makes one; as in YAML and XML text it is
/// CM209 (see `ControlCharacters`), at the item that holds it.
enum CASEControlCharacters {
    /// At most this many diagnostics per file.
    static let limit = 20

    static func problems(in framework: Framework, file: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func check(_ text: LocalizedText?, _ what: String, at location: SourceLocation) {
            guard let text, problems.count < limit else { return }
            for part in [text.zh, text.en ?? ""] {
                if let scalar = ControlCharacters.firstUnsafe(in: part, allowingLayout: true) {
                    problems.append(.error(.controlCharacterInText, at: location, "\(what) holds the control character \(ControlCharacters.name(scalar)); remove it"))
                    return
                }
            }
        }
        let top = SourceLocation(file: file)
        check(framework.title, "the framework's title", at: top)
        check(framework.issuer, "the framework's issuer", at: top)
        check(framework.description, "the framework's description", at: top)
        var groups = Set<String>()
        for competency in framework.allCompetencies {
            check(competency.statement, "the statement of \(competency.id.code)", at: competency.location)
            for group in [competency.group] + (competency.subgroup.map { [$0] } ?? []) where groups.insert(group.code).inserted {
                check(group.title, "the title of \(group.code)", at: competency.location)
            }
        }
        return problems
    }
}
