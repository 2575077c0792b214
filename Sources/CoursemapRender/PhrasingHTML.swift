/// Rewrites a fragment of the model's HTML into phrasing content, for places such as a `<label>` that
/// admit no blocks: paragraphs that follow each other become line breaks, other block elements leave
/// their content between spaces.
///
/// The input is the HTML the load stage made (the sanitizer, the Markdown parser, the module XML writer):
/// every `<` in it opens a tag, because text and attribute values are escaped. The fragment is split
/// into tags and text, and the rewrite works on those tokens — it removes or replaces whole tags and
/// never looks inside text, so text can never be turned into markup.
enum PhrasingHTML {
    static let blocks: Set<String> = [
        "div", "ul", "ol", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "table", "tbody", "thead",
        "tr", "td", "th", "pre",
    ]

    enum Token: Equatable {
        case text(Substring)
        case open(name: String, raw: Substring)
        case close(name: String, raw: Substring)
    }

    static func rewrite(_ html: String) -> String {
        // Block tags become spaces first, so a paragraph break across them is still a break.
        let tokens = tokenize(html.trimmingSpaces).map { token -> Token in
            switch token {
            case let .open(name, _) where blocks.contains(name), let .close(name, _) where blocks.contains(name): return .text(" ")
            default: return token
            }
        }
        var output = ""
        output.reserveCapacity(html.utf8.count)
        var index = 0
        while index < tokens.count {
            switch tokens[index] {
            case let .text(text):
                output += text
            case let .open(name, raw):
                if name != "p" { output += raw }
            case let .close(name, raw):
                guard name == "p" else {
                    output += raw
                    break
                }
                // `</p>`, white space only, `<p>`: one line break.
                var next = index + 1
                while next < tokens.count, case let .text(text) = tokens[next], text.allSatisfy(\.isWhitespace) { next += 1 }
                if next < tokens.count, case .open(name: "p", raw: _) = tokens[next] {
                    output += "<br>"
                    index = next
                }
            }
            index += 1
        }
        return output
    }

    /// Tags and the text between them. A `<` without a closing `>` is kept as text.
    static func tokenize(_ html: Substring) -> [Token] {
        var tokens: [Token] = []
        var rest = html
        while !rest.isEmpty {
            guard let open = rest.firstIndex(of: "<"), let end = rest[open...].firstIndex(of: ">") else {
                tokens.append(.text(rest))
                break
            }
            if open > rest.startIndex { tokens.append(.text(rest[..<open])) }
            let raw = rest[open...end]
            let inner = raw.dropFirst().dropLast()
            let closing = inner.hasPrefix("/")
            let name = (closing ? inner.dropFirst() : inner).prefix { $0.isLetter || $0.isNumber }.lowercased()
            tokens.append(closing ? .close(name: name, raw: raw) : .open(name: name, raw: raw))
            rest = rest[rest.index(after: end)...]
        }
        return tokens
    }
}

extension String {
    /// The string without white space and line breaks at either end.
    fileprivate var trimmingSpaces: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<end]
    }
}
