@testable import CoursemapRender
import Testing

/// Renders `template` (with `partials` registered beside it) against an `Encodable` context.
func render(_ template: String, _ context: some Encodable, partials: [String: String] = [:]) throws -> String {
    var library = TemplateLibrary()
    try library.register(template, named: "main")
    for (name, text) in partials { try library.register(text, named: name) }
    return try #require(library.render(try TemplateValueEncoder.encode(context), template: "main"))
}

/// The parse error of `template`, if any.
func syntaxError(_ template: String) -> TemplateSyntaxError? {
    do {
        _ = try TemplateParser.parse(template)
        return nil
    } catch {
        return error
    }
}

struct Person: Encodable {
    let name: String
    let age: Int
    let admin: Bool
    let nickname: String?
    let tags: [String]
    let friends: [Friend]
}

struct Friend: Encodable {
    let name: String
    let city: String?
}

let ada = Person(
    name: "Ada <Lovelace> & \"Co\" 'x'", age: 36, admin: true, nickname: nil, tags: ["math", "engines"],
    friends: [Friend(name: "Charles", city: "London"), Friend(name: "Mary", city: nil)])

@Suite("Template engine: interpolation")
struct TemplateInterpolationTests {
    @Test("{{name}} escapes the five HTML-special characters; {{{name}}} and {{&name}} do not")
    func escaping() throws {
        #expect(try render("{{name}}", ada) == "Ada &lt;Lovelace&gt; &amp; &quot;Co&quot; &#39;x&#39;")
        #expect(try render("{{{name}}}", ada) == ada.name)
        #expect(try render("{{& name }}", ada) == ada.name)
    }

    @Test("numbers and flags print as text; a missing name prints nothing")
    func scalars() throws {
        #expect(try render("{{age}}/{{admin}}/[{{nickname}}]/[{{missing}}]", ada) == "36/true/[]/[]")
    }

    @Test("dotted names resolve strictly below their first part; `.` is the current value")
    func dottedNames() throws {
        struct Outer: Encodable {
            struct Inner: Encodable { let b: String }
            let a: Inner
            let b: String
        }
        #expect(try render("{{a.b}}|{{a.c}}|{{#a}}{{b}}{{/a}}", Outer(a: .init(b: "inner"), b: "outer")) == "inner||inner")
        #expect(try render("{{#tags}}<{{.}}>{{/tags}}", ada) == "<math><engines>")
    }

    @Test("a name missing in the innermost context is looked up outwards")
    func contextStack() throws {
        #expect(try render("{{#friends}}{{name}} from {{city}} knows {{age}}; {{/friends}}", ada)
            == "Charles from London knows 36; Mary from  knows 36; ")
    }
}

@Suite("Template engine: sections")
struct TemplateSectionTests {
    @Test("lists repeat, flags switch, present values render once with the value pushed")
    func sections() throws {
        #expect(try render("{{#admin}}A{{/admin}}{{^admin}}B{{/admin}}", ada) == "A")
        #expect(try render("{{#friends}}[{{name}}]{{/friends}}", ada) == "[Charles][Mary]")
        #expect(try render("{{#name}}has name{{/name}}{{#nickname}}has nick{{/nickname}}", ada) == "has name")
    }

    @Test("inverted sections render for missing, false and empty lists only")
    func inverted() throws {
        struct Context: Encodable {
            let empty: [String]
            let off: Bool
            let text: String
        }
        let context = Context(empty: [], off: false, text: "")
        #expect(try render("{{^empty}}1{{/empty}}{{^off}}2{{/off}}{{^missing}}3{{/missing}}{{^text}}4{{/text}}", context) == "123")
    }

    @Test("transforms: empty, count, first, last, reversed; a transform of a missing value is missing")
    func transforms() throws {
        #expect(try render("{{count(tags)}} {{#first(friends)}}{{name}}{{/first(friends)}} {{#last(friends)}}{{name}}{{/last(friends)}}", ada)
            == "2 Charles Mary")
        #expect(try render("{{#reversed(tags)}}{{.}} {{/reversed(tags)}}", ada) == "engines math ")
        #expect(try render("{{^empty(tags)}}some{{/empty(tags)}}{{#empty(tags)}}none{{/empty(tags)}}", ada) == "some")
        #expect(try render("{{^empty(nickname)}}shown{{/empty(nickname)}}", ada) == "shown")
        #expect(try render("{{uppercased(name)}}", Friend(name: "mary", city: nil)) == "MARY")
    }
}

@Suite("Template engine: whitespace, partials and inheritance")
struct TemplateLayoutTests {
    @Test("a line holding only a section tag disappears with its line break")
    func standaloneLines() throws {
        #expect(try render("<ul>\n  {{#tags}}\n  <li>{{.}}</li>\n  {{/tags}}\n</ul>\n", ada) == "<ul>\n  <li>math</li>\n  <li>engines</li>\n</ul>\n")
        #expect(try render("a\n{{! a comment }}\nb", ada) == "a\nb")
        #expect(try render("a {{#admin}}b{{/admin}} c\n", ada) == "a b c\n")
    }

    @Test("a standalone partial indents every line of the partial, not the interpolated text")
    func partialIndentation() throws {
        let output = try render("<div>\n  {{> item}}\n</div>\n", Friend(name: "x\ny", city: nil), partials: ["item": "<p>\n{{{name}}}\n</p>\n"])
        #expect(output == "<div>\n  <p>\n  x\ny\n  </p>\n</div>\n")
    }

    @Test("a child template replaces its parent's blocks; unreplaced blocks keep their default")
    func inheritance() throws {
        let layout = "<title>{{$title}}Site{{/title}}</title>\n<main>\n{{$main}}{{/main}}\n</main>\n"
        let page = "{{<layout}}\n{{$main}}\n<h1>{{name}}</h1>\n{{/main}}\n{{/layout}}\n"
        #expect(try render(page, Friend(name: "Mary", city: nil), partials: ["layout": layout])
            == "<title>Site</title>\n<main>\n<h1>Mary</h1>\n\n</main>\n")
    }

    @Test("set-delimiter tags change the tag markers")
    func delimiters() throws {
        #expect(try render("{{=<% %>=}}<% age %> {{age}}<%={{ }}=%> {{age}}", ada) == "36 {{age}} 36")
    }
}

@Suite("Template engine: errors")
struct TemplateErrorTests {
    @Test("syntax errors name the line and column of the offending tag")
    func positions() throws {
        let unclosed = try #require(syntaxError("<p>\n  {{#items}}\n</p>"))
        #expect(unclosed.line == 2 && unclosed.column == 3)
        #expect(unclosed.message.contains("never closed"))

        let mismatched = try #require(syntaxError("{{#a}}\n{{#b}}\n{{/a}}"))
        #expect(mismatched.line == 3 && mismatched.column == 1)
        #expect(mismatched.message.contains("does not close"))

        let unterminated = try #require(syntaxError("中文{{name"))
        #expect(unterminated.line == 1 && unterminated.column == 3)
    }

    @Test("unknown transforms and malformed names are refused")
    func names() throws {
        #expect(try #require(syntaxError("{{#emtpy(items)}}{{/emtpy(items)}}")).message.contains("unknown transform 'emtpy'"))
        #expect(syntaxError("{{a..b}}") != nil)
        #expect(syntaxError("{{}}") != nil)
        #expect(syntaxError("{{<layout}}{{name}}{{/layout}}") != nil)
    }

    @Test("partials and parents naming a missing template are listed")
    func missingReferences() throws {
        var library = TemplateLibrary()
        try library.register("{{> header}}{{<frame}}{{/frame}}", named: "page")
        try library.register("x", named: "header")
        #expect(library.missingReferences().map { "\($0.template)→\($0.missing)" } == ["page→frame"])
    }

    @Test("rendering in pieces gives the same bytes, every piece but the last at least the piece size")
    func pieces() throws {
        var library = TemplateLibrary()
        try library.register("<ul>{{#friends}}<li>{{name}} ({{city}})</li>{{/friends}}</ul>{{> tail}}", named: "page")
        try library.register("<p>{{name}}</p>", named: "tail")
        let friends = (1...40).map { Friend(name: "friend \($0)", city: $0.isMultiple(of: 3) ? nil : "城市 \($0)") }
        let value = try TemplateValueEncoder.encode(Person(name: "Ada", age: 36, admin: true, nickname: nil, tags: [], friends: friends))
        let whole = try #require(library.renderBytes(value, template: "page"))
        for size in [1, 16, 100, whole.count, 10 * whole.count] {
            var pieces: [[UInt8]] = []
            #expect(library.render(value, template: "page", pieceSize: size) { pieces.append($0); return true })
            #expect(Array(pieces.joined()) == whole, "piece size \(size)")
            #expect(pieces.dropLast().allSatisfy { $0.count >= size }, "piece size \(size)")
            if size >= whole.count { #expect(pieces.count == 1) }
        }
        var emitted = false
        #expect(!library.render(value, template: "missing", pieceSize: 16) { _ in emitted = true; return true })
        #expect(!emitted)
        // `emit` saying stop after the third piece: nothing more comes, and the page is reported unfinished.
        var received: [[UInt8]] = []
        #expect(!library.render(value, template: "page", pieceSize: 16) { piece in
            received.append(piece)
            return received.count < 3
        })
        #expect(received.count == 3)
        #expect(whole.starts(with: received.joined()))
    }

    @Test("a template that includes itself stops instead of recursing without end")
    func recursion() throws {
        let output = try render("a{{> main}}", ada)
        #expect(output.hasPrefix("aaa"))
    }
}

@Suite("Template values")
struct TemplateValueTests {
    @Test("the encoder keeps field order, leaves out nil optionals and nests lists and objects")
    func encoding() throws {
        let value = try TemplateValueEncoder.encode(Friend(name: "Mary", city: nil))
        guard case .object(let object) = value else {
            Issue.record("not an object: \(value)")
            return
        }
        #expect(object.keys == ["name"])
        let person = try TemplateValueEncoder.encode(ada)
        #expect(person.field("tags") == .list([.string("math"), .string("engines")]))
        #expect(person.field("friends").flatMap { value -> TemplateValue? in
            if case .list(let items) = value { return items.first?.field("city") }
            return nil
        } == .string("London"))
    }

    @Test("the interface strings are encoded once and read through the page context")
    func interfaceStrings() throws {
        let (theme, diagnostics) = Theme.load(overrides: [:])
        #expect(diagnostics.isEmpty)
        let ui = try #require(theme.ui(.en))
        struct Page: Encodable { let ui: UIText }
        #expect(try render("{{ui.home}}", Page(ui: ui)) == ui.home)
    }
}
