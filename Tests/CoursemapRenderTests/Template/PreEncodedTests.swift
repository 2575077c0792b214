import Foundation
import Testing

@testable import CoursemapRender

@Suite("Shared, pre-encoded parts of page contexts")
struct PreEncodedTests {
    struct Page: Encodable {
        let title: String
        let links: PreEncoded<[NavLink]>
    }

    let links = [
        NavLink(href: "a.html", text: "甲 <A>", current: false),
        NavLink(href: "b.html", text: "乙 & B", current: false),
        NavLink(href: "c.html", text: "丙", current: false),
    ]
    let template = "{{title}}|{{#links}}<a href=\"{{href}}\"{{#current}} aria-current=\"page\"{{/current}}>{{text}}</a>{{/links}}"

    @Test("a pre-encoded part renders exactly as the same value encoded with the page")
    func rendersLikeEncoded() throws {
        struct Plain: Encodable {
            let title: String
            let links: [NavLink]
        }
        let shared = try render(template, Page(title: "T", links: PreEncoded(links)))
        let direct = try render(template, Plain(title: "T", links: links))
        #expect(shared == direct)
        #expect(shared.contains("甲 &lt;A&gt;") && shared.contains("乙 &amp; B"))
    }

    @Test("other encoders see the value itself")
    func otherEncoders() throws {
        let json = try JSONEncoder().encode(PreEncoded(links))
        #expect(try JSONDecoder().decode([Link].self, from: json).map(\.href) == ["a.html", "b.html", "c.html"])
    }
    struct Link: Decodable { let href: String }

    @Test("a course outline marks exactly the entry asked for, and renders like an outline built per page")
    func outlineMarking() throws {
        let outline = CourseOutline(links: links)
        for index in links.indices {
            var marked = links
            marked[index] = NavLink(href: links[index].href, text: links[index].text, current: true)
            struct Plain: Encodable {
                let title: String
                let links: [NavLink]
            }
            let shared = try render(template, Page(title: "T", links: outline.marking(index)))
            #expect(shared == (try render(template, Plain(title: "T", links: marked))))
            #expect(shared.components(separatedBy: "aria-current").count == 2)
            #expect(outline.marking(index).value.map(\.current) == links.indices.map { $0 == index })
        }
        let unmarked = try render(template, Page(title: "T", links: outline.marking(nil)))
        #expect(!unmarked.contains("aria-current"))
        #expect(!(try render(template, Page(title: "T", links: outline.marking(99)))).contains("aria-current"))
    }
}

@Suite("HTML escaping")
struct HTMLEscapingTests {
    @Test("each set of characters escapes only its own, into bytes and into strings alike", arguments: [
        (HTMLEscaping.Characters.text, "a&amp;b&lt;c&gt;d\"e'f 中文"),
        (.attribute, "a&amp;b&lt;c&gt;d&quot;e'f 中文"),
        (.all, "a&amp;b&lt;c&gt;d&quot;e&#39;f 中文"),
    ])
    func sets(_ characters: HTMLEscaping.Characters, _ expected: String) {
        let input = "a&b<c>d\"e'f 中文"
        #expect(HTMLEscaping.escape(input, characters) == expected)
        var bytes: [UInt8] = Array("前".utf8)
        HTMLEscaping.append(input, to: &bytes, escaping: characters)
        #expect(String(decoding: bytes, as: UTF8.self) == "前" + expected)
    }

    @Test("text without special characters is copied as it is; bridged and empty strings work too")
    func plain() {
        #expect(HTMLEscaping.escape("没有特殊字符 plain") == "没有特殊字符 plain")
        #expect(HTMLEscaping.escape("") == "")
        #expect(HTMLEscaping.escape("<") == "&lt;")
        let bridged = NSString(string: "x<y").description
        var bytes: [UInt8] = []
        HTMLEscaping.append(bridged, to: &bytes)
        #expect(bytes == Array("x&lt;y".utf8))
        HTMLEscaping.appendRaw("<b>", to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "x&lt;y<b>")
    }
}
