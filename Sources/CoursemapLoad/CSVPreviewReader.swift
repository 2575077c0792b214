import CoursemapModel

/// Reads the head of a CSV data set for its resource page (`TablePreview`): comma-separated fields (or
/// semicolon- or tab-separated when the header line holds more of those than commas, as spreadsheet
/// programs write CSV where the decimal mark is a comma), records ending in a line break (LF or CRLF),
/// fields in double quotes holding separators, line breaks and doubled quotes (`""`), as RFC 4180 and
/// spreadsheet programs write them. One pass over the bytes: every record is counted, only the first ones
/// are kept, each kept cell is cut to a bounded length, so a file of one 1 MB line or a million rows costs
/// time linear in its size and little memory. A file that cannot be previewed (not UTF-8, larger than
/// `TablePreview.maximumBytes`, an unterminated quote, empty) gives a CM332 warning and no preview; rows
/// with more or fewer fields than the header are previewed (short ones padded) with one CM332 warning.
enum CSVPreviewReader {
    static func read(_ bytes: [UInt8], file: String) -> (TablePreview?, [Diagnostic]) {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard bytes.count <= TablePreview.maximumBytes else {
            return (nil, [tooLarge(bytes.count, at: start)])
        }
        let text: String
        switch TextDecoding.decode(bytes, file: file) {
        case let .success(decoded): text = decoded
        case let .failure(diagnostic):
            return (nil, [.warning(.datasetPreview, at: diagnostic.location, "no preview of this data set: \(diagnostic.message)")])
        }
        var parser = Parser(separator: separator(ofHeaderIn: text.utf8))
        for byte in text.utf8 { parser.consume(byte) }
        if parser.inQuotes {
            return (nil, [.warning(
                .datasetPreview, at: SourceLocation(file: file, line: parser.quoteLine, column: 1),
                "no preview of this data set: the quoted field opened on this line is never closed (a '\"' is missing)")])
        }
        parser.finish()
        guard let header = parser.kept.first else {
            return (nil, [.warning(.datasetPreview, at: start, "no preview of this data set: the file has no rows")])
        }
        var diagnostics: [Diagnostic] = []
        if let ragged = parser.firstRagged {
            let more = parser.raggedCount > 1 ? " (and \(parser.raggedCount - 1) more rows)" : ""
            diagnostics.append(.warning(
                .datasetPreview, at: SourceLocation(file: file, line: ragged.line, column: 1),
                "this row has \(ragged.fields) fields and the header has \(parser.headerFields)\(more); the preview pads short rows with empty cells"))
        }
        let width = header.count
        let rows = parser.kept.dropFirst().map { row in
            row.count >= width ? Array(row.prefix(width)) : row + Array(repeating: "", count: width - row.count)
        }
        let preview = TablePreview(header: header, rows: rows, rowCount: parser.records - 1, columnCount: parser.headerFields)
        return (preview, diagnostics)
    }

    /// The field separator: `,`, or `;` or a tab when the first record holds more of it (outside quotes)
    /// than commas. Reads the first record only.
    static func separator(ofHeaderIn bytes: String.UTF8View) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var inQuotes = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if byte == UInt8(ascii: "\n") { break }
            if counts[byte] != nil { counts[byte, default: 0] += 1 }
        }
        let comma = counts[UInt8(ascii: ",")]!, semicolon = counts[UInt8(ascii: ";")]!, tab = counts[UInt8(ascii: "\t")]!
        if semicolon > comma && semicolon >= tab { return UInt8(ascii: ";") }
        if tab > comma && tab > semicolon { return UInt8(ascii: "\t") }
        return UInt8(ascii: ",")
    }

    static func tooLarge(_ size: Int, at location: SourceLocation) -> Diagnostic {
        .warning(
            .datasetPreview, at: location,
            "no preview of this data set: it is \(size / 1_048_576) MB, over the \(TablePreview.maximumBytes / 1_048_576) MB a preview reads; the page offers the download only")
    }

    /// The byte-by-byte state machine.
    private struct Parser {
        /// The field separator (`,`, `;` or a tab).
        let separator: UInt8
        init(separator: UInt8) { self.separator = separator }

        /// The first records (header included), cut to the preview's bounds.
        var kept: [[String]] = []
        var records = 0
        var headerFields = 0
        var firstRagged: (line: Int, fields: Int)?
        var raggedCount = 0
        private(set) var inQuotes = false
        /// The line a still-open quoted field started on.
        private(set) var quoteLine = 1

        private var line = 1
        private var recordLine = 1
        private var fields = 0
        private var cell: [UInt8] = []
        private var cellCut = false
        private var row: [String] = []
        /// The current field has content (so a blank line is not a record).
        private var fieldStarted = false
        private var afterClosingQuote = false

        private var keeping: Bool { kept.count <= TablePreview.maximumRows && fields < TablePreview.maximumColumns }
        /// Bytes of a kept cell read before it is cut: enough for `maximumCellCharacters` characters of up to 4 bytes.
        private static let cellByteBudget = TablePreview.maximumCellCharacters * 4 + 4

        mutating func consume(_ byte: UInt8) {
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    inQuotes = false
                    afterClosingQuote = true
                    return
                }
                if byte == UInt8(ascii: "\n") { line += 1 }
                append(byte)
                return
            }
            switch byte {
            case UInt8(ascii: "\""):
                if afterClosingQuote {  // `""` inside a quoted field: one quote
                    append(byte)
                    inQuotes = true
                    afterClosingQuote = false
                } else if !fieldStarted {
                    inQuotes = true
                    quoteLine = line
                    fieldStarted = true
                } else {
                    append(byte)  // a stray quote inside an unquoted field is text
                }
            case separator:
                endField()
            case UInt8(ascii: "\n"):
                endRecord()
                line += 1
                recordLine = line
            default:
                afterClosingQuote = false
                fieldStarted = true
                append(byte)
            }
        }

        mutating func finish() {
            if fieldStarted || fields > 0 { endRecord() }
        }

        private mutating func append(_ byte: UInt8) {
            guard keeping, !cellCut else { return }
            if cell.count < Self.cellByteBudget { cell.append(byte) } else { cellCut = true }
        }

        private mutating func endField() {
            if keeping {
                var text = String(decoding: cell, as: UTF8.self)
                if cellCut || text.count > TablePreview.maximumCellCharacters {
                    text = String(text.prefix(TablePreview.maximumCellCharacters - 1)) + "…"
                }
                row.append(text)
            }
            fields += 1
            cell.removeAll(keepingCapacity: true)
            cellCut = false
            afterClosingQuote = false
            fieldStarted = false
        }

        private mutating func endRecord() {
            guard fieldStarted || fields > 0 else { return }  // a blank line
            endField()
            if records == 0 {
                headerFields = fields
            } else if fields != headerFields {
                raggedCount += 1
                if firstRagged == nil { firstRagged = (recordLine, fields) }
            }
            if kept.count <= TablePreview.maximumRows { kept.append(row) }
            records += 1
            row.removeAll()
            fields = 0
            fieldStarted = false
        }
    }
}
