/// A Markdown file split into its YAML front matter and its body, with the line each starts on.
struct FrontMatter: Equatable {
    /// The YAML between the `---` fences.
    var yaml: String
    /// 1-based line of the first YAML line.
    var yamlLine: Int
    /// The Markdown after the closing fence.
    var body: String
    /// 1-based line of the first body line.
    var bodyLine: Int

    /// Splits `text` (LF line ends). Returns `nil` when the file does not open with a `---` line, or the
    /// front matter is never closed by a `---` (or `...`) line.
    static func split(_ text: String) -> FrontMatter? {
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 0
        var yamlStart: String.Index?
        while lineStart < utf8.endIndex || (lineStart == utf8.endIndex && lineNumber == 0) {
            let newline = utf8[lineStart...].firstIndex(of: 0x0A)
            let lineEnd = newline ?? utf8.endIndex
            lineNumber += 1
            let fence = text[lineStart..<lineEnd].trimmingTrailingSpaces()
            let next = newline.map { utf8.index(after: $0) } ?? utf8.endIndex
            if let yamlStart {
                if fence == "---" || fence == "..." {
                    // The YAML lines without the line break before the fence; the body is everything after it.
                    let yamlEnd = lineStart > yamlStart ? utf8.index(before: lineStart) : yamlStart
                    return FrontMatter(yaml: String(text[yamlStart..<yamlEnd]), yamlLine: 2, body: String(text[next...]), bodyLine: lineNumber + 1)
                }
            } else {
                guard fence == "---" else { return nil }
                yamlStart = next
            }
            guard newline != nil else { break }
            lineStart = next
        }
        return nil
    }
}

extension Substring {
    fileprivate func trimmingTrailingSpaces() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
