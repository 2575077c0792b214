import CoursemapModel
import Testing

@testable import CoursemapLoad

/// The CSV preview of a data set page: RFC 4180 fields, bounded rows, columns and cells, every row counted.
@Suite("CSV previews")
struct CSVPreviewTests {
    func read(_ text: String) -> (TablePreview?, [Diagnostic]) { CSVPreviewReader.read(Array(text.utf8), file: "datasets/d.csv") }

    @Test("quoted fields hold commas, line breaks and doubled quotes; CRLF and a BOM are read")
    func quoting() throws {
        let (preview, diagnostics) = read("\u{FEFF}名称,说明\r\n\"a,b\",\"第一行\r\n第二行\"\r\n\"say \"\"hi\"\"\",=HYPERLINK(\"http://x\")\r\n")
        #expect(diagnostics.isEmpty)
        let table = try #require(preview)
        #expect(table.header == ["名称", "说明"])
        #expect(table.rows == [["a,b", "第一行\n第二行"], ["say \"hi\"", "=HYPERLINK(\"http://x\")"]])
        #expect(table.rowCount == 2 && table.columnCount == 2)
    }

    @Test("only the first rows and columns are kept, every row is counted, long cells are cut")
    func bounds() throws {
        let header = (1...30).map { "c\($0)" }.joined(separator: ",")
        let rows = (1...1000).map { row in (1...30).map { "\(row)-\($0)" }.joined(separator: ",") }
        let (preview, _) = read(([header] + rows).joined(separator: "\n") + "\n")
        let table = try #require(preview)
        #expect(table.rowCount == 1000 && table.columnCount == 30)
        #expect(table.rows.count == TablePreview.maximumRows && table.header.count == TablePreview.maximumColumns)
        #expect(table.rows.last == (1...12).map { "20-\($0)" })
        let long = String(repeating: "长", count: 1_000_000)
        let (cut, _) = read("a\n\(long)")
        let cell = try #require(cut?.rows.first?.first)
        #expect(cell.count == TablePreview.maximumCellCharacters && cell.hasSuffix("…"))
    }

    @Test("a 1 MB single line is one row of one header and reads in one pass")
    func oneLongLine() throws {
        let line = (0..<100_000).map { "v\($0 % 10)" }.joined(separator: ",")
        #expect(line.utf8.count > 290_000)
        let big = String(repeating: line + ",", count: 4)
        let (preview, diagnostics) = read(big)
        let table = try #require(preview)
        #expect(table.rowCount == 0 && table.columnCount == 400_001 && diagnostics.isEmpty)
    }

    @Test("files that cannot be previewed are CM332 warnings with no preview", arguments: [
        ("", "no rows"), ("\n\n", "no rows"), ("a,b\n\"open,quote\n1,2\n", "never closed"),
    ])
    func unusable(_ text: String, _ reason: String) {
        let (preview, diagnostics) = read(text)
        #expect(preview == nil)
        #expect(diagnostics.count == 1 && diagnostics[0].code == .datasetPreview && diagnostics[0].severity == .warning)
        #expect(diagnostics[0].message.contains(reason), "\(diagnostics)")
    }

    @Test("an unterminated quote is reported at the line that opens it")
    func unterminatedLine() {
        let (_, diagnostics) = read("a,b\n1,2\n3,\"four\n5,6\n")
        #expect(diagnostics.first?.location.line == 3)
    }

    @Test("GBK bytes are CM332 with the conversion hint; a file over the limit is not read")
    func encodingAndSize() {
        let gbk: [UInt8] = [0xC8, 0xD5, 0xC6, 0xDA, 0x2C, 0xCA, 0xFD, 0x0A, 0x31, 0x2C, 0x32, 0x0A]  // 日期,数 in GBK
        let (preview, diagnostics) = CSVPreviewReader.read(gbk, file: "datasets/d.csv")
        #expect(preview == nil && diagnostics.first?.code == .datasetPreview && diagnostics.first?.message.contains("GB18030") == true)
        let (large, tooLarge) = CSVPreviewReader.read([UInt8](repeating: 0x61, count: TablePreview.maximumBytes + 1), file: "d.csv")
        #expect(large == nil && tooLarge.first?.message.contains("MB") == true)
    }

    @Test("only a header gives an empty preview; ragged rows are padded with one warning at the first")
    func headerAndRagged() throws {
        let (only, quiet) = read("a,b,c\n")
        #expect(only?.rows == [] && only?.rowCount == 0 && quiet.isEmpty)
        let (ragged, diagnostics) = read("a,b,c\n1\n1,2,3,4\n1,2,3\n")
        let table = try #require(ragged)
        #expect(table.rows == [["1", "", ""], ["1", "2", "3"], ["1", "2", "3"]])
        #expect(diagnostics.count == 1 && diagnostics[0].location.line == 2 && diagnostics[0].message.contains("1 more"))
    }

    @Test("a data set sidecar of a CSV gets the preview at load; other files do not")
    func loaded() throws {
        let content = load([
            "datasets/d.csv": "日期,访客数\n2026-03-01,120\n",
            "datasets/d.csv.yml": "title:\n  zh: 数据\nkind: dataset\n",
            "resources/s.pdf.yml": "title:\n  zh: 课件\nkind: slides\n",
            "resources/s.pdf": "%PDF-1.4",
        ])
        let dataset = try #require(content.resources.first { $0.id == "d" })
        #expect(dataset.preview?.header == ["日期", "访客数"] && dataset.preview?.rowCount == 1)
        #expect(content.resources.first { $0.id == "s" }?.preview == nil)
    }
}

/// CSV dialects of public test files (CSV-test-files' semicolon data with `100,000` and `0,5` in its cells,
/// a semicolon file with quoted line breaks as in node-convert-csv-to-array's fixtures, a tab-separated
/// export): the separator is taken from the header line, so each previews as the columns Python's
/// `csv.Sniffer` finds instead of one column with a "ragged rows" warning. Inputs written here.
@Suite("CSV preview separators")
struct CSVPreviewSeparatorTests {
    func read(_ text: String) -> (TablePreview?, [Diagnostic]) { CSVPreviewReader.read(Array(text.utf8), file: "datasets/d.csv") }

    @Test("a semicolon-separated file keeps commas inside its cells")
    func semicolons() throws {
        let (preview, diagnostics) = read("\u{FEFF}name;amount;note\r\nnorth;100,000;\"a;b\"\r\nsouth;0,5;\r\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let table = try #require(preview)
        #expect(table.header == ["name", "amount", "note"])
        #expect(table.rows == [["north", "100,000", "a;b"], ["south", "0,5", ""]])
    }

    @Test("quoted line breaks in a semicolon file stay inside their cell")
    func semicolonLineBreaks() throws {
        let (preview, diagnostics) = read("no;first;last\n1;Ann;\"Le\nBlanc\"\n2;Bo;\"Sm\nith\"\n")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let table = try #require(preview)
        #expect(table.rowCount == 2)
        #expect(table.rows == [["1", "Ann", "Le\nBlanc"], ["2", "Bo", "Sm\nith"]])
    }

    @Test("tabs separate a tab-separated export; a comma header stays comma-separated")
    func tabsAndCommas() throws {
        let tabs = try #require(read("a\tb\n1,5\t2\n").0)
        #expect(tabs.header == ["a", "b"] && tabs.rows == [["1,5", "2"]])
        let commas = try #require(read("a,b;c\n1,2;3\n").0)
        #expect(commas.header == ["a", "b;c"] && commas.rows == [["1", "2;3"]])
        // Separators inside a quoted header field do not count.
        let quoted = try #require(read("\"x;y;z\",w\n1,2\n").0)
        #expect(quoted.header == ["x;y;z", "w"])
    }
}
