/// A body of teaching text, parsed from Markdown or module XML into safe HTML, with its outline.
///
/// The HTML is produced by the load stage (cmark-gfm for Markdown, Coursemap's own writer for XML), with
/// every heading carrying an `id` so the outline can link to it. Rendering places it, never re-parses it.
public struct RichText: Hashable, Sendable, Codable {
    public var html: String
    public var headings: [Heading]

    public init(html: String, headings: [Heading] = []) {
        self.html = html
        self.headings = headings
    }

    public static let empty = RichText(html: "")
}

/// A heading in a body of text: its level (1–6), plain text, and anchor id.
public struct Heading: Hashable, Sendable, Codable {
    public var level: Int
    public var text: String
    public var anchor: String

    public init(level: Int, text: String, anchor: String) {
        self.level = level
        self.text = text
        self.anchor = anchor
    }
}
