import CoursemapModel

/// What a module body may embed, indexed once per resolve: checking an embed is then a lookup, not a scan of
/// every bank, lecture and resource (a library of thousands of lectures, embedded from thousands of modules).
struct EmbedTargets {
    /// The item ids of each bank, by bank id.
    private let items: [String: Set<String>]
    private let lectures: Set<String>
    private let resources: Set<String>

    init(banks: [ExerciseBank], lectures: [Lecture], resources: [Resource]) {
        items = Dictionary(banks.map { ($0.id, Set($0.items.map(\.id))) }, uniquingKeysWith: { first, _ in first })
        self.lectures = Set(lectures.map(\.id))
        self.resources = Set(resources.map(\.id))
    }

    /// A diagnostic when `embed` names a bank, item, lecture or resource that does not exist.
    func check(_ embed: Embed) -> Diagnostic? {
        switch embed.kind {
        case .lecture:
            return lectures.contains(embed.target) ? nil : .error(.unknownItemReference, at: embed.location, "no micro-lecture '\(embed.target)' for \(embed.reference)")
        case .resource:
            return resources.contains(embed.target) ? nil : .error(.unknownItemReference, at: embed.location, "no resource '\(embed.target)' for \(embed.reference)")
        case .item, .bank:
            break
        }
        let parts = embed.target.split(separator: "/").map(String.init)
        guard let itemIDs = items[parts[0]] else {
            let suggestion = items.keys.sorted().first { EditDistance.between($0, parts[0]) <= 2 }.map { "; did you mean '\($0)'?" } ?? ""
            return .error(.unknownItemReference, at: embed.location, "no bank '\(parts[0])' for \(embed.reference)\(suggestion)")
        }
        if embed.kind == .item, !itemIDs.contains(parts[1]) {
            return .error(.unknownItemReference, at: embed.location, "bank '\(parts[0])' has no item '\(parts[1])'")
        }
        return nil
    }
}
