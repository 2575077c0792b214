import CoursemapModel

/// Limits on GFM tables, checked in one pass before cmark-gfm sees the text.
///
/// cmark-gfm (0.29.0.gfm.6) pads every row of a table to the width of its delimiter row and spends time
/// growing faster than the width on each row, so a table of a few thousand columns followed by thousands of
/// one-character rows takes minutes and writes gigabytes: quadratic in the file's size. Two limits keep the
/// cost linear: a line that can be a delimiter row (only `|`, `-`, `:`, spaces and tabs, with a `|` and a
/// `-`) may have at most `maximumColumns` cells, and the tables of one file may hold at most `maximumCells`
/// cells (each non-blank line from a delimiter row to the next blank line counts as a row of its width).
/// Beyond either, the body is refused with CM109 at the line.
enum MarkdownTableLimits {
    /// The most columns a table may have.
    static let maximumColumns = 64
    /// The most table cells (rows × columns, padding included) one Markdown body may have.
    static let maximumCells = 250_000

    /// The CM109 error for the first line beyond a limit, or `nil`. `firstLine` is the file's line number
    /// of the text's first line.
    static func check(_ markdown: String, file: String, firstLine: Int) -> Diagnostic? {
        var line = firstLine
        var candidate = true, blank = true, pipes = 0, dashes = false
        var lastCell = false  // whether a `-` or `:` follows the last pipe (`a|b` has one more cell than pipes)
        var tableColumns = 0  // the width of the table being read; 0 outside tables
        var cells = 0
        func endLine() -> Diagnostic? {
            defer {
                candidate = true
                blank = true
                pipes = 0
                dashes = false
                lastCell = false
            }
            if blank {
                tableColumns = 0
                return nil
            }
            if candidate, dashes, pipes > 0 {
                let columns = max(pipes - 1, 1) + (lastCell ? 1 : 0)
                if columns > maximumColumns {
                    return .error(
                        .markdownTooLarge, at: SourceLocation(file: file, line: line, column: 1),
                        "a table here has \(columns) columns; Coursemap renders tables of at most \(maximumColumns) columns")
                }
                tableColumns = columns
            }
            cells += tableColumns
            if cells > maximumCells {
                return .error(
                    .markdownTooLarge, at: SourceLocation(file: file, line: line, column: 1),
                    "the tables of this file reach \(maximumCells) cells here (rows × columns); split the file or publish the data as a dataset")
            }
            return nil
        }
        for byte in markdown.utf8 {
            switch byte {
            case UInt8(ascii: "\n"):
                if let problem = endLine() { return problem }
                line += 1
            case UInt8(ascii: "|"):
                pipes += 1
                lastCell = false
                blank = false
            case UInt8(ascii: "-"), UInt8(ascii: ":"):
                if byte == UInt8(ascii: "-") { dashes = true }
                lastCell = true
                blank = false
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                break
            default:
                candidate = false
                blank = false
            }
        }
        return endLine()
    }
}
