/// Text for a cell of a CSV file that people open in a spreadsheet program (Excel, WPS, LibreOffice).
/// A text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return would be read as a formula
/// (`=HYPERLINK(…)`, `-2+3+cmd|…`), so it gets a leading `'`, as OWASP recommends; the spreadsheet then shows
/// the text as written. A cell that is a plain decimal number (`-1.5`, `12`) is left as it is.
public enum SpreadsheetCell {
    /// First characters that make a spreadsheet evaluate a cell.
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r",
        // Full-width forms, which some spreadsheet programs normalise to the ASCII ones.
        "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"]

    /// `text`, prefixed with `'` when a spreadsheet would take it as a formula.
    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first), !isPlainNumber(text) else { return text }
        return "'" + text
    }

    /// True for `-?digits(.digits)?`.
    static func isPlainNumber(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
    }
}
