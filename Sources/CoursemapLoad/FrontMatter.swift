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
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else { return nil }
        lines = lines.dropFirst()
        var yamlLines: [Substring] = []
        var lineNumber = 1
        while let line = lines.first {
            lines = lines.dropFirst()
            lineNumber += 1
            let fence = line.trimmingTrailingSpaces()
            if fence == "---" || fence == "..." {
                return FrontMatter(
                    yaml: yamlLines.joined(separator: "\n"), yamlLine: 2,
                    body: lines.joined(separator: "\n"), bodyLine: lineNumber + 1)
            }
            yamlLines.append(line)
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
