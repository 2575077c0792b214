/// Names the back-links of Markdown footnotes in the body's language. cmark-gfm writes each footnote's
/// link back to the text as `<a … class="footnote-backref" data-footnote-backref aria-label="Back to
/// content">`, in English whatever the body's language, and has no option to change it.
///
/// The render stage applies it to a body's HTML (made by the load stage) for each page, with the label from
/// the interface strings of the language the body is written in. It reads the HTML tag by tag (text,
/// comments, start and end tags with quoted or unquoted attribute values, as `RawHTMLFilter` does) and, in every `a` start tag that has a `data-footnote-backref`
/// attribute, sets the `aria-label` attribute's value to `label`, escaped for an attribute (adding the
/// attribute when the tag has none). Every other byte is copied as it is. Linear in the length of the HTML.
enum FootnoteBackLinks {
    /// The marker attribute cmark-gfm puts on a footnote's back-link.
    static let marker = "data-footnote-backref"

    /// `html` with the back-link of every footnote labelled `label`.
    static func labelled(_ html: String, label: String) -> String {
        let bytes = Array(html.utf8)
        // Most bodies have no footnote: nothing to read tag by tag.
        guard end(of: marker, in: bytes, from: 0) != nil else { return html }
        let escaped = Array(HTMLEscaping.escape(label).utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        var copied = 0
        var index = 0
        let count = bytes.count
        while index < count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            // A comment is skipped whole: what looks like a tag inside it is not one.
            if starts("<!--", in: bytes, at: index) {
                index = end(of: "-->", in: bytes, from: index + 4) ?? count
                continue
            }
            guard let tag = StartTag(bytes, at: index) else {
                index += 1
                continue
            }
            if tag.name == "a", tag.attributes.contains(where: { $0.name == marker }) {
                output += bytes[copied..<index]
                if let label = tag.attributes.first(where: { $0.name == "aria-label" }) {
                    // The tag up to the value, the new value (quoted), the rest of the tag.
                    output += bytes[index..<label.valueStart]
                    output += [UInt8(ascii: "\"")] + escaped + [UInt8(ascii: "\"")]
                    output += bytes[label.valueEnd..<tag.end]
                } else {
                    output += bytes[index..<tag.closeStart]
                    output += Array(" aria-label=\"".utf8) + escaped + [UInt8(ascii: "\"")]
                    output += bytes[tag.closeStart..<tag.end]
                }
                copied = tag.end
            }
            index = tag.end
        }
        guard copied > 0 else { return html }
        output += bytes[copied...]
        return String(decoding: output, as: UTF8.self)
    }

    /// A start tag read from its `<`: its lower-cased name, its attributes with where each value is (quotes
    /// included), where its closing `>` (or `/>`) starts and the index after it.
    private struct StartTag {
        struct Attribute {
            let name: String
            /// The value's bytes, quotes included; both equal the name's end for an attribute without value.
            let valueStart: Int
            let valueEnd: Int
        }
        let name: String
        var attributes: [Attribute] = []
        let closeStart: Int
        let end: Int

        init?(_ bytes: [UInt8], at start: Int) {
            let count = bytes.count
            var cursor = start + 1
            guard cursor < count, isLetter(bytes[cursor]) else { return nil }
            while cursor < count, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: "/"), bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
            name = String(decoding: bytes[(start + 1)..<cursor].map(lowercased), as: UTF8.self)
            var attributes: [Attribute] = []
            while cursor < count {
                let byte = bytes[cursor]
                if byte == UInt8(ascii: ">") || (byte == UInt8(ascii: "/") && cursor + 1 < count && bytes[cursor + 1] == UInt8(ascii: ">")) {
                    closeStart = cursor
                    end = cursor + (byte == UInt8(ascii: ">") ? 1 : 2)
                    self.attributes = attributes
                    return
                }
                if isSpace(byte) || byte == UInt8(ascii: "/") {
                    cursor += 1
                    continue
                }
                let nameStart = cursor
                cursor += 1
                while cursor < count, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: "/"), bytes[cursor] != UInt8(ascii: ">"),
                    bytes[cursor] != UInt8(ascii: "=")
                { cursor += 1 }
                let attributeName = String(decoding: bytes[nameStart..<cursor].map(lowercased), as: UTF8.self)
                var valueStart = cursor
                var valueEnd = cursor
                var lookahead = cursor
                while lookahead < count, isSpace(bytes[lookahead]) { lookahead += 1 }
                if lookahead < count, bytes[lookahead] == UInt8(ascii: "=") {
                    cursor = lookahead + 1
                    while cursor < count, isSpace(bytes[cursor]) { cursor += 1 }
                    guard cursor < count else { return nil }
                    valueStart = cursor
                    let quote = bytes[cursor]
                    if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                        cursor += 1
                        while cursor < count, bytes[cursor] != quote { cursor += 1 }
                        guard cursor < count else { return nil }
                        cursor += 1
                    } else {
                        while cursor < count, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
                    }
                    valueEnd = cursor
                }
                attributes.append(Attribute(name: attributeName, valueStart: valueStart, valueEnd: valueEnd))
            }
            return nil
        }
    }

    private static func starts(_ text: String, in bytes: [UInt8], at position: Int) -> Bool {
        let pattern = Array(text.utf8)
        return position + pattern.count <= bytes.count && bytes[position..<(position + pattern.count)].elementsEqual(pattern)
    }

    /// The index after the first `text` at or after `position`.
    private static func end(of text: String, in bytes: [UInt8], from position: Int) -> Int? {
        let pattern = Array(text.utf8)
        var cursor = position
        while cursor + pattern.count <= bytes.count {
            if bytes[cursor..<(cursor + pattern.count)].elementsEqual(pattern) { return cursor + pattern.count }
            cursor += 1
        }
        return nil
    }
}

private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
private func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
private func lowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
