/// What `markdown.unsafe_html: true` lets through. Trusted authors keep their raw HTML, attributes and all,
/// but the tags of elements that load or run code, change where the page goes, or switch a browser into
/// a parsing mode where this filter could no longer follow it (`<script>`, `<meta>`, `<base>`, `<link>`,
/// `<iframe>`, `<object>`, `<embed>`, `<style>`, `<textarea>`, `<svg>`, `<math>` … see `removed`) are
/// removed: start and end tags alike, the content between them staying as ordinary markup or text.
///
/// The filter reads the HTML the way a browser's tokenizer does (data, tags with unquoted, single- and
/// double-quoted attribute values, comments ending at `-->` or `--!>`, `<!-->`, bogus comments and
/// doctypes ending at `>`), so a tag hidden in what it takes for an attribute value or a comment is hidden
/// from the browser too. Since no removed element's tag survives, the browser never enters script, raw-text
/// or foreign content either. A `<` that opens no tag is written `&lt;`, so removing a tag cannot join the
/// text around it into a new one (`<<script>script src=x>`), and a tag or comment left open at the end is
/// removed, so it cannot swallow the page that follows. Everything else is copied byte for byte. Linear in
/// the length of the HTML.
public enum RawHTMLFilter {
    /// Elements whose tags are removed.
    public static let removed: Set<String> = [
        "script", "meta", "base", "link", "iframe", "frame", "frameset", "object", "embed", "applet", "param",
        "style", "title", "textarea", "xmp", "noembed", "noframes", "noscript", "plaintext", "template", "svg",
        "math", "portal", "fencedframe", "head", "html", "body", "listing",
    ]

    /// The HTML with the tags of `removed` elements taken out; `removedTags` names them in order (no repeats).
    public static func filter(_ html: String) -> (html: String, removedTags: [String]) {
        let bytes = Array(html.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var removedTags: [String] = []
        var index = 0
        let count = bytes.count
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        func starts(_ text: String, at position: Int) -> Bool {
            let pattern = Array(text.utf8)
            guard position + pattern.count <= count else { return false }
            return zip(bytes[position..<(position + pattern.count)], pattern).allSatisfy { ($0 | 0x20) == ($1 | 0x20) }
        }
        /// The index after the `>` that ends a tag whose name starts at `position`; `nil` when the HTML ends first.
        func endOfTag(from position: Int) -> (end: Int, name: String)? {
            var cursor = position
            while cursor < count, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: "/"), bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
            let name = String(decoding: bytes[position..<cursor].map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
            // Attributes: before name → name → after name → before value → value.
            while cursor < count {
                let byte = bytes[cursor]
                if isSpace(byte) || byte == UInt8(ascii: "/") { cursor += 1; continue }
                if byte == UInt8(ascii: ">") { return (cursor + 1, name) }
                // An attribute name (a leading `=` belongs to it).
                cursor += 1
                while cursor < count, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: "/"), bytes[cursor] != UInt8(ascii: ">"),
                    bytes[cursor] != UInt8(ascii: "=")
                { cursor += 1 }
                while cursor < count, isSpace(bytes[cursor]) { cursor += 1 }
                guard cursor < count, bytes[cursor] == UInt8(ascii: "=") else { continue }
                cursor += 1
                while cursor < count, isSpace(bytes[cursor]) { cursor += 1 }
                guard cursor < count else { return nil }
                let quote = bytes[cursor]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    cursor += 1
                    while cursor < count, bytes[cursor] != quote { cursor += 1 }
                    guard cursor < count else { return nil }
                    cursor += 1
                } else if quote != UInt8(ascii: ">") {
                    while cursor < count, !isSpace(bytes[cursor]), bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
                }
            }
            return nil
        }
        /// The index after the first `pattern` at or after `position`; `nil` when there is none.
        func after(_ pattern: [UInt8], from position: Int) -> Int? {
            var cursor = position
            while cursor + pattern.count <= count {
                if bytes[cursor] == pattern[0], Array(bytes[cursor..<(cursor + pattern.count)]) == pattern { return cursor + pattern.count }
                cursor += 1
            }
            return nil
        }
        let greater = [UInt8(ascii: ">")]
        while index < count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "<") else {
                output.append(byte)
                index += 1
                continue
            }
            let next = index + 1 < count ? bytes[index + 1] : 0
            var end: Int?
            var removedName: String?
            if isLetter(next) {
                // A start tag.
                guard let tag = endOfTag(from: index + 1) else { break }
                end = tag.end
                if removed.contains(tag.name) { removedName = tag.name }
            } else if next == UInt8(ascii: "/") {
                let third = index + 2 < count ? bytes[index + 2] : 0
                if isLetter(third) {
                    guard let tag = endOfTag(from: index + 2) else { break }
                    end = tag.end
                    if removed.contains(tag.name) { removedName = tag.name }
                } else if third == UInt8(ascii: ">") {
                    // `</>` is nothing to a browser.
                    index += 3
                    continue
                } else {
                    // A bogus comment up to the next `>`.
                    guard let close = after(greater, from: index + 2) else { break }
                    end = close
                }
            } else if starts("<!--", at: index) {
                if starts("<!-->", at: index) {
                    end = index + 5
                } else if starts("<!--->", at: index) {
                    end = index + 6
                } else {
                    // The first `-->` or `--!>`, found in one pass.
                    var cursor = index + 4
                    while cursor + 3 <= count {
                        if bytes[cursor] == UInt8(ascii: "-"), bytes[cursor + 1] == UInt8(ascii: "-") {
                            if bytes[cursor + 2] == UInt8(ascii: ">") { end = cursor + 3; break }
                            if cursor + 4 <= count, bytes[cursor + 2] == UInt8(ascii: "!"), bytes[cursor + 3] == UInt8(ascii: ">") { end = cursor + 4; break }
                        }
                        cursor += 1
                    }
                }
            } else if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                // A doctype, CDATA outside foreign content or a processing instruction: a bogus comment.
                guard let close = after(greater, from: index + 2) else { break }
                end = close
            } else {
                output.append(contentsOf: "&lt;".utf8)
                index += 1
                continue
            }
            guard let end else { break }
            if let removedName {
                if !removedTags.contains("<\(removedName)>") { removedTags.append("<\(removedName)>") }
            } else {
                output.append(contentsOf: bytes[index..<end])
            }
            index = end
        }
        return (String(decoding: output, as: UTF8.self), removedTags)
    }
}
