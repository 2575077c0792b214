import CoursemapXML
import Testing

@Suite("HTML sanitizer: MathML and local images")
struct MathMLSanitizerTests {
    @Test("MathML Core is kept, in either namespace spelling, with its layout attributes")
    func kept() {
        // As Moodle's editor (MathType, default namespace) and as TAO/Onyx (m: prefix) write it.
        let plain = HTMLSanitizer.sanitize(
            #"<p>x = <math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><mfrac linethickness="2px"><mi mathvariant="bold">a</mi><mn>2</mn></mfrac><msqrt><mi>b</mi></msqrt></math></p>"#)
        #expect(plain.html == #"<p>x = <math display="block"><mfrac linethickness="2px"><mi mathvariant="bold">a</mi><mn>2</mn></mfrac><msqrt><mi>b</mi></msqrt></math></p>"#)
        #expect(plain.removed.isEmpty)
        let prefixed = HTMLSanitizer.sanitize(
            #"<m:math xmlns:m="http://www.w3.org/1998/Math/MathML"><m:msubsup><m:mo stretchy="false">∑</m:mo><m:mi>i</m:mi><m:mn>9</m:mn></m:msubsup><m:mmultiscripts><m:mi>C</m:mi><m:mprescripts/><m:none/><m:mn>2</m:mn></m:mmultiscripts></m:math>"#)
        #expect(prefixed.html == #"<math><msubsup><mo stretchy="false">∑</mo><mi>i</mi><mn>9</mn></msubsup><mmultiscripts><mi>C</mi><mprescripts></mprescripts><none></none><mn>2</mn></mmultiscripts></math>"#)
        #expect(prefixed.removed.isEmpty)
        let table = HTMLSanitizer.sanitize("<math><mtable><mtr><mtd columnspan=\"2\"><mi>x</mi></mtd></mtr></mtable><munderover><mo>∫</mo><mn>0</mn><mn>1</mn></munderover></math>")
        #expect(table.html == "<math><mtable><mtr><mtd columnspan=\"2\"><mi>x</mi></mtd></mtr></mtable><munderover><mo>∫</mo><mn>0</mn><mn>1</mn></munderover></math>")
    }

    @Test("semantics shows its presentation only; annotations are left out silently")
    func semantics() {
        let result = HTMLSanitizer.sanitize(
            #"<math><semantics><mrow><mi>x</mi><mo>+</mo><mn>1</mn></mrow><annotation encoding="application/x-tex">x+1</annotation><annotation-xml encoding="text/html"><b onclick="x()">bad</b></annotation-xml></semantics></math>"#)
        #expect(result.html == "<math><mrow><mi>x</mi><mo>+</mo><mn>1</mn></mrow></math>")
        #expect(result.removed.isEmpty)
    }

    @Test("links, events, styles, glyph images, actions and scripts inside MathML never survive")
    func hostile() {
        let result = HTMLSanitizer.sanitize(
            #"<math href="javascript:alert(1)" onclick="alert(2)"><mi style="color:red" xlink:href="https://evil.test" onmouseover="x()">a</mi><mglyph src="https://evil.test/t.png"/><maction actiontype="toggle"><mi>b</mi><mi>c</mi></maction><mtext><script>alert(3)</script>t</mtext><mi mathvariant="url(https://evil.test)">d</mi><svg><a href="javascript:1">e</a></svg></math>"#)
        let html = result.html.lowercased()
        for needle in ["href", "onclick", "onmouseover", "style", "mglyph", "maction", "<script", "evil.test", "svg", "javascript"] {
            #expect(!html.contains(needle), "\(needle) survived: \(result.html)")
        }
        #expect(result.html == "<math><mi>a</mi><mtext>t</mtext><mi>d</mi></math>")
        for entry in ["onclick", "style", "<mglyph>", "<maction>", "<script>", "<svg>"] {
            #expect(result.removed.contains(entry), "\(entry) not reported: \(result.removed)")
        }
    }

    @Test("a local image goes to the importer's hook: an asset placeholder, its alternative text, or as written")
    func localImages() {
        var seen: [HTMLSanitizer.LocalImage] = []
        let html = #"<p><img src="images/sign%20a.png" alt="STOP" width="40" height="20"><img src="../../etc/x.png" alt="x"><img src="keep.png"><img src="https://cdn.test/a.png" alt="r"><img src="/root.png"></p>"#
        let result = HTMLSanitizer.sanitize(html) { image in
            seen.append(image)
            switch image.source {
            case "images/sign%20a.png": return .asset(3)
            case "keep.png": return .keep
            default: return .drop
            }
        }
        #expect(seen.map(\.source) == ["images/sign%20a.png", "../../etc/x.png", "keep.png"], "remote and root-relative sources are not local")
        #expect(seen.first == HTMLSanitizer.LocalImage(source: "images/sign%20a.png", alternative: "STOP", width: 40, height: 20))
        #expect(result.html == #"<p><!--coursemap-asset 3-->[x]<img src="keep.png">[r]<img src="/root.png"></p>"#)
        #expect(result.remoteImages == ["https://cdn.test/a.png"])
    }

    @Test("content cannot write an asset placeholder itself: comments are never kept")
    func forgedPlaceholder() {
        let result = HTMLSanitizer.sanitize("<p>a<!--coursemap-asset 0-->b</p>") { _ in .asset(0) }
        #expect(result.html == "<p>ab</p>")
    }
}
