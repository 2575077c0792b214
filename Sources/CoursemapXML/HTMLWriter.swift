/// Writes HTML as a sequence of start tags, end tags, text and comments. Element and attribute names must
/// be plain lower-case ASCII names (anything else is not written); every attribute value and every text
/// is escaped here. The load stage's writers (module XML, the Markdown parser's own nodes) and the
/// sanitizer put their HTML together only through it, so no caller ever joins markup by hand.
public struct HTMLWriter: Sendable {
    public private(set) var html = ""

    public init() {}

    /// `<name a="v" …>` as a string, for the Markdown parser's custom nodes; `""` for an invalid name.
    public static func startTag(_ name: String, _ attributes: [(String, String)] = []) -> String {
        var writer = HTMLWriter()
        writer.start(name, attributes)
        return writer.html
    }

    /// `</name>` as a string; `""` for an invalid name.
    public static func endTag(_ name: String) -> String {
        var writer = HTMLWriter()
        writer.end(name)
        return writer.html
    }

    public mutating func start(_ name: String, _ attributes: [(String, String)] = []) {
        guard Self.isName(name) else { return }
        html += "<" + name
        for (attribute, value) in attributes where Self.isName(attribute) {
            html += " " + attribute + "=\"" + HTMLText.escapeAttribute(value) + "\""
        }
        html += ">"
    }

    public mutating func end(_ name: String) {
        guard Self.isName(name) else { return }
        html += "</" + name + ">"
    }

    public mutating func text(_ text: String) {
        html += HTMLText.escape(text)
    }

    /// A line break in the source (between blocks), not in the page.
    public mutating func newline() {
        html += "\n"
    }

    /// `<!--text-->`; nothing when `text` could end the comment early or is not plain ASCII.
    public mutating func comment(_ text: String) {
        guard !text.contains("--"), !text.contains(">"), !text.contains("<"), text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 })
        else { return }
        html += "<!--" + text + "-->"
    }

    /// Appends what another writer wrote.
    public mutating func append(_ other: HTMLWriter) {
        html += other.html
    }

    /// Lower-case ASCII letters, digits and `-`, starting with a letter (`h2`, `data-blank`, `aria-label`).
    static func isName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
