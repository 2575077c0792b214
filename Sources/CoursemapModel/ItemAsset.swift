/// A file an imported item refers to (an image in its body, the picture a graphic interaction is drawn over,
/// a stylesheet, `<object>` data), by its path relative to the content folder. The resolve stage checks that
/// it exists (CM322 at `location`, the referencing line) and publishes it as a download; pages link to it
/// through that path only.
public struct ItemAsset: Hashable, Sendable, Codable {
    public var path: String
    public var location: SourceLocation

    public init(path: String, location: SourceLocation) {
        self.path = path
        self.location = location
    }
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
