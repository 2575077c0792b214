import CoursemapModel

/// A limit on GFM tables, checked in one pass before cmark-gfm sees the text.
///
/// cmark-gfm pads every row of a table to the width of its delimiter row, so a table of a few thousand
/// columns followed by thousands of one-character rows costs columns × rows: quadratic in the file's size.
/// A line that can be a table's delimiter row (only `|`, `-`, `:`, spaces and tabs, with a `|` and a `-`)
/// may have at most `maximumColumns` cells; beyond that the file's body is refused with CM109 at the line.
enum MarkdownTableLimits {
    /// The most columns a table may have.
    static let maximumColumns = 256

    /// The CM109 error for the first delimiter row with too many columns, or `nil`. `firstLine` is the
    /// file's line number of the text's first line.
    static func check(_ markdown: String, file: String, firstLine: Int) -> Diagnostic? {
        var line = firstLine
        var candidate = true, pipes = 0, dashes = false
        var lastCell = false  // whether something other than blanks follows the last pipe
        func finish() -> Diagnostic? {
            defer {
                candidate = true
                pipes = 0
                dashes = false
                lastCell = false
            }
            guard candidate, dashes, pipes > 0 else { return nil }
            // `|a|b|` has as many cells as pipes minus one; `a|b` one more; count generously.
            let cells = pipes + (lastCell ? 1 : 0)
            guard cells > maximumColumns + 1 else { return nil }
            return .error(
                .markdownTooLarge, at: SourceLocation(file: file, line: line, column: 1),
                "a table here has \(cells - 1) or more columns; Coursemap renders tables of at most \(maximumColumns) columns")
        }
        for byte in markdown.utf8 {
            switch byte {
            case UInt8(ascii: "\n"):
                if let problem = finish() { return problem }
                line += 1
            case UInt8(ascii: "|"):
                pipes += 1
                lastCell = false
            case UInt8(ascii: "-"):
                dashes = true
                lastCell = true
            case UInt8(ascii: ":"):
                lastCell = true
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                break
            default:
                candidate = false
            }
        }
        return finish()
    }
}
