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
