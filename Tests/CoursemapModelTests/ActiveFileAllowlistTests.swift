import CoursemapModel
import Testing

/// Only the extensions on the allowlist are published, and their content must not sniff as markup.
@Suite("Published file types: allowlist and content sniff")
struct ActiveFileAllowlistTests {
    @Test("extensions a browser runs, unknown ones and none at all are refused", arguments: [
        "a.xhtm", "a.XBL", "a.xsd", "a.rng", "a.html", "a.svg", "a.SVGZ", "a.xml", "a.js", "a.mjs", "a.wasm", "a.xslt",
        "a.css", "a.php", "a.shtm", "a.mathml", "a.vtt.html", "a.pdf.svg", "README", "dir.v2/file", "a.", "a.jsonp", "a.appcache",
    ])
    func refused(_ path: String) {
        #expect(ActiveFile.reason(path) != nil)
    }

    @Test("the documented types are published", arguments: [
        "a.png", "a.JPG", "a.jpeg", "a.gif", "a.webp", "a.avif", "a.webm", "a.mp4", "a.m4a", "a.mp3", "a.ogg", "a.oga", "a.ogv",
        "a.opus", "a.wav", "a.flac", "a.vtt", "a.pdf", "a.txt", "a.csv", "a.tsv", "a.json", "a.md", "a.docx", "a.xlsx", "a.pptx",
        "a.doc", "a.xls", "a.ppt", "a.odt", "a.ods", "a.odp", "a.zip", "a.7z", "a.rar", "a.tar", "a.gz", "x/课程 讲义.PDF",
    ])
    func published(_ path: String) {
        #expect(ActiveFile.reason(path) == nil)
    }

    @Test("a theme also publishes its stylesheets, scripts and fonts, unsniffed; never HTML or SVG")
    func theme() {
        for path in ["assets/a.css", "assets/a.js", "assets/f.woff2", "assets/f.woff", "assets/f.ttf", "assets/f.otf"] {
            #expect(ActiveFile.reason(path, theme: true) == nil)
            #expect(ActiveFile.reason(path, theme: true) { Array("<script>".utf8) } == nil)
            #expect(ActiveFile.reason(path) != nil, "outside the theme, \(path) is refused")
        }
        for path in ["assets/img/a.svg", "assets/p.html", "assets/x.xhtm", "assets/x"] {
            #expect(ActiveFile.reason(path, theme: true) != nil)
        }
        #expect(ActiveFile.reason("assets/img/a.png", theme: true) { Array("\u{0B}<h:html xmlns:h='x'>".utf8) } != nil)
    }

    @Test("content that opens like markup is refused after any white space, control character or byte-order mark", arguments: [
        "<h:html xmlns:h=\"http://www.w3.org/1999/xhtml\"><h:script>alert(1)</h:script></h:html>",
        "\u{0B}<html>", "\u{0B}\u{0C}\u{00}<svg/onload=alert(1)>", "\u{FEFF}\u{1F}<x:svg>", "<!DOCTYPE x>", "<?xml version='1.0'?>",
        "<!-- c --><p>", "<SCRIPT>", "<foo>", "<a", "</x>", "\r\n\t <body onload=alert(1)>", "<_x>", "<xsl:stylesheet>",
    ])
    func sniffed(_ text: String) {
        #expect(ActiveFile.startsLikeMarkup(Array(text.utf8)), "\(text.debugDescription)")
        #expect(ActiveFile.reason("a.png") { Array(text.utf8) } != nil)
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in text.drop(while: { $0 == "\u{FEFF}" }).utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(ActiveFile.startsLikeMarkup(utf16), "UTF-16 \(text.debugDescription)")
    }

    @Test("content that does not open with a tag passes", arguments: [
        "%PDF-1.4 <html>", "name,tag\nx,<b>", "a < b", "< b", "1<2", "\u{89}PNG\r\n", "{\"a\": \"<svg>\"}", "",
    ])
    func notSniffed(_ text: String) {
        #expect(!ActiveFile.startsLikeMarkup(Array(text.utf8)), "\(text.debugDescription)")
    }
}
