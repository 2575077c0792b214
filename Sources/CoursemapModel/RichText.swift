/// A body of teaching text, parsed from Markdown or module XML into safe HTML, with its outline.
///
/// The HTML is produced by the load stage (cmark-gfm for Markdown, Coursemap's own writer for XML), with
/// every heading carrying an `id` so the outline can link to it. Rendering places it, never re-parses it.
public struct RichText: Hashable, Sendable, Codable {
    public var html: String
    public var headings: [Heading]
    /// Items and banks embedded in the text; the HTML holds `Embed.placeholder` where each goes.
    public var embeds: [Embed]

    public init(html: String, headings: [Heading] = [], embeds: [Embed] = []) {
        self.html = html
        self.headings = headings
        self.embeds = embeds
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

/// A reference from a body of text to content shown in place: `{{embed item:BANK/ITEM}}` or
/// `{{embed bank:BANK}}` on a line of its own in Markdown, `<embed ref="item:BANK/ITEM"/>` in module XML.
public struct Embed: Hashable, Sendable, Codable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case item
        case bank
        case lecture
        case resource
    }

    public var kind: Kind
    /// `BANK/ITEM` for items; the id for banks, lectures and resources.
    public var target: String
    public var location: SourceLocation

    public init(kind: Kind, target: String, location: SourceLocation) {
        self.kind = kind
        self.target = target
        self.location = location
    }

    /// Parses `item:BANK/ITEM` or `bank:BANK`.
    public init?(reference: String, location: SourceLocation) {
        let parts = reference.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let kind = Kind(rawValue: parts[0]) else { return nil }
        let path = parts[1].split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        switch kind {
        case .item: guard path.count == 2, path.allSatisfy(CompetencyID.isIdentifier) else { return nil }
        case .bank, .lecture, .resource: guard path.count == 1, CompetencyID.isIdentifier(path[0]) else { return nil }
        }
        self.init(kind: kind, target: parts[1], location: location)
    }

    public var reference: String { "\(kind.rawValue):\(target)" }

    /// What the load stage writes into the HTML where the embedded content goes; rendering replaces it.
    public var placeholder: String { "<!--\(placeholderText)-->" }
    /// The placeholder's comment text.
    public var placeholderText: String { "coursemap-embed \(reference)" }
}

/// The placeholder the load stage writes where a transcript's time-code link goes (`<!--coursemap-time 80-->`);
/// the render stage makes the link, with the video's URL, from the theme's `timestamp` template.
public enum TimeCodePlaceholder {
    public static func make(_ seconds: String) -> String { "<!--coursemap-time \(seconds)-->" }
}
