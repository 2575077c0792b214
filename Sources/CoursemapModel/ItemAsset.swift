/// A file an imported item refers to (an image in its body, the picture a graphic interaction is drawn over,
/// a stylesheet, `<object>` data), by its path relative to the content folder. The resolve stage checks that
/// it exists (CM322 at `location`, the referencing line) and publishes it as a download; pages link to it
/// through that path only.
///
/// An image in the item's HTML is the placeholder `<!--coursemap-asset N-->` (N: its index in the item's
/// `assets`), which the render stage fills with an `<img>` whose URL fits the page, or with the
/// alternative text when the file is not published.
///
/// A file that came inside the imported file (a Moodle `<file encoding="base64">`) carries its decoded
/// `data`; its `path` is then `embedded/<SHA-1 of the bytes>.<extension>`, so the same bytes always have the
/// same name, and the resolve stage publishes it from `data` instead of the content folder.
public struct ItemAsset: Hashable, Sendable, Codable {
    public var path: String
    public var location: SourceLocation
    /// The image's text alternative as written (`alt`).
    public var alternative: String?
    /// The size the source gives, in CSS pixels.
    public var width: Int?
    public var height: Int?
    /// The file's bytes, for a file embedded in the imported file; `nil` for a file of the content folder.
    public var data: [UInt8]?

    public init(path: String, location: SourceLocation, alternative: String? = nil, width: Int? = nil, height: Int? = nil, data: [UInt8]? = nil) {
        self.path = path
        self.location = location
        self.alternative = alternative
        self.width = width
        self.height = height
        self.data = data
    }

    /// The folder under which embedded files are published (inside `files/`).
    public static let embeddedFolder = "embedded"
}

/// The picture a graphic interaction (hotspot, select point, graphic order/gap match/associate) is drawn
/// over. `path` is content-relative and is one of the item's `assets`.
public struct ItemImage: Hashable, Sendable, Codable {
    public var path: String
    /// The size the source declares, in CSS pixels; area coordinates are in this space.
    public var width: Int?
    public var height: Int?
    /// Text alternative from the source (the `<object>`'s content or `alt`).
    public var alternative: String?

    public init(path: String, width: Int? = nil, height: Int? = nil, alternative: String? = nil) {
        self.path = path
        self.width = width
        self.height = height
        self.alternative = alternative
    }
}

extension ItemAsset {
    /// The asset numbers of the placeholders (`<!--coursemap-asset N-->`) in `html`, in one pass.
    public static func placeholderIndexes(in html: String) -> Set<Int> {
        let marker = Array("<!--coursemap-asset ".utf8)
        let bytes = Array(html.utf8)
        var found = Set<Int>()
        var index = 0
        while index + marker.count <= bytes.count {
            guard bytes[index] == marker[0], bytes[index..<(index + marker.count)].elementsEqual(marker) else {
                index += 1
                continue
            }
            var end = index + marker.count
            var number = 0
            while end < bytes.count, end - index - marker.count < 9, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) {
                number = number * 10 + Int(bytes[end] - UInt8(ascii: "0"))
                end += 1
            }
            if end > index + marker.count, bytes[end...].starts(with: Array("-->".utf8)) { found.insert(number) }
            index = end
        }
        return found
    }
}

extension ExerciseItem {
    /// The assets shown with the question itself — its stem, choices, pairs, steps and a task's texts —
    /// which every edition shows. The others appear only in answers, explanations and feedback: for an exam
    /// item the student edition must not publish them (fail closed).
    public var questionAssetIndexes: Set<Int> {
        guard !assets.isEmpty else { return [] }
        var html = [stem.html]
        var images: Set<String> = []
        Self.collectQuestionParts(body, html: &html, images: &images)
        var found = html.reduce(into: Set<Int>()) { $0.formUnion(ItemAsset.placeholderIndexes(in: $1)) }
        // The picture a graphic interaction is drawn over (and its picture gaps) is part of the question.
        for (index, asset) in assets.enumerated() where images.contains(asset.path) { found.insert(index) }
        return found
    }

    /// The HTML and pictures `body` shows with the question (not its answer), parts included.
    private static func collectQuestionParts(_ body: ItemBody, html: inout [String], images: inout Set<String>) {
        switch body {
        case let .singleChoice(choices), let .multipleChoice(choices):
            html += choices.map(\.text.html)
        case let .matching(pairs, distractors):
            html += pairs.flatMap { [$0.left.html, $0.right.html] } + distractors.map(\.html)
        case let .ordering(steps):
            html += steps.map(\.html)
        case let .practical(task):
            html += [task.scenario.html, task.deliverable.html] + task.steps.map(\.html)
        case let .hottext(task):
            html += task.choices.map(\.text.html)
        case let .associate(task):
            html += task.choices.map(\.html)
        case let .survey(task):
            html += task.choices.map(\.html)
        case let .hotspot(task):
            images.insert(task.image.path)
        case let .selectPoint(task):
            images.insert(task.image.path)
        case let .graphicOrder(task):
            images.insert(task.image.path)
        case let .graphicGapMatch(task):
            images.insert(task.image.path)
            for gap in task.gaps { if let image = gap.image { images.insert(image.path) } }
        case let .graphicAssociate(task):
            images.insert(task.image.path)
        case let .composite(parts):
            for part in parts {
                html.append(part.lead.html)
                collectQuestionParts(part.body, html: &html, images: &images)
            }
        default:
            break
        }
    }
}
