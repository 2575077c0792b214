import CoursemapXML
import Foundation
import CCmarkGFM
import CoursemapModel

/// CommonMark + GFM (tables, strikethrough, autolinks, task lists, footnotes) through cmark-gfm.
///
/// Raw HTML is dropped (cmark-gfm's safe mode, which also drops `javascript:`/`vbscript:`/`file:` and
/// non-image `data:` URLs) unless the site's `markdown.unsafe_html` allows it. Headings get `id`s for the
/// outline.
enum MarkdownParser {
    /// cmark-gfm keeps its extension registry in a global; fill it exactly once, before any parsing.
    private static let registerExtensions: Void = cmark_gfm_core_extensions_ensure_registered()

    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    /// Registers the extensions; call before parsing from several threads at once.
    static func prepare() { _ = registerExtensions }

    /// Held while a parser parses inlines (`cmark_parser_finish`). cmark-gfm 0.29 marks the characters that
    /// start an extension's inline syntax (`~`, `:`, `w`, `|`) in a process-wide table when that step
    /// starts and clears them when it ends, so a parse finishing on one thread could clear them under a
    /// parse on another, which then left `~~text~~` or a `www.` link as plain text. The block phase
    /// (`cmark_parser_feed`) and rendering stay parallel.
    private static let inlineLock = NSLock()

    static func parse(_ markdown: String, options: MarkdownOptions) -> RichText {
        parse(markdown, options: options, file: "", firstLine: 1).text
    }

    /// Parses a body that starts at `firstLine` of `file`; links whose scheme Coursemap does not allow
    /// (`javascript:`, `data:` …) are reported as CM305 at their line.
    static func parse(_ markdown: String, options: MarkdownOptions, file: String, firstLine: Int) -> (text: RichText, diagnostics: [Diagnostic]) {
        let result = parseTranscript(markdown, options: options, file: file, firstLine: firstLine, timecodes: false)
        return (result.text, result.diagnostics)
    }

    /// A time code at the start of a transcript paragraph: seconds from the start, and the file line.
    struct TimeCode: Equatable {
        var seconds: Double
        var line: Int
    }

    /// Like `parse`, and when `timecodes` is true, paragraphs that start with `[mm:ss]` or `[h:mm:ss]` get a
    /// placeholder for the link that seeks the video (`<!--coursemap-time 80-->`, made into
    /// `<a class="timestamp" href="VIDEO#t=80" data-time="80">1:20</a>` when the page is rendered).
    static func parseTranscript(
        _ markdown: String, options: MarkdownOptions, file: String, firstLine: Int, timecodes: Bool
    ) -> (text: RichText, diagnostics: [Diagnostic], timecodes: [TimeCode]) {
        prepare()
        if let tooWide = MarkdownTableLimits.check(markdown, file: file, firstLine: firstLine) { return (.empty, [tooWide], []) }
        // Table alignment becomes classes of the table's wrapper (`alignmentClasses`): `align` attributes are obsolete
        // in HTML and the pages' Content-Security-Policy allows no `style` attributes.
        var flags = CMARK_OPT_FOOTNOTES
        if options.unsafeHTML { flags |= CMARK_OPT_UNSAFE }

        guard let parser = cmark_parser_new(flags) else { return (.empty, [], []) }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        markdown.utf8CString.withUnsafeBufferPointer { buffer in
            cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
        }
        // Finishing parses the inlines, during which cmark-gfm switches its extensions' special characters
        // on and then off in one table shared by the whole process: two parses must not overlap there.
        guard let document = inlineLock.withLock({ cmark_parser_finish(parser) }) else { return (.empty, [], []) }
        defer { cmark_node_free(document) }

        let linkDiagnostics = unsafeLinks(in: document, source: markdown, file: file, firstLine: firstLine)
        let headings = anchorHeadings(in: document)
        wrapTables(in: document)
        var (embeds, embedDiagnostics) = replaceEmbeds(in: document, file: file, firstLine: firstLine)
        let (codes, timeDiagnostics) = timecodes ? linkTimeCodes(in: document, file: file, firstLine: firstLine) : ([], [])
        let diagnostics = linkDiagnostics + embedDiagnostics + timeDiagnostics
        guard let html = cmark_render_html(document, flags, cmark_parser_get_syntax_extensions(parser)) else {
            return (RichText(html: "", headings: headings, embeds: embeds), diagnostics, codes)
        }
        defer { free(html) }
        embeds.sort { $0.location < $1.location }
        var body = String(cString: html)
        var allDiagnostics = diagnostics
        if options.unsafeHTML {
            // Trusted raw HTML still loses the tags that could load a script, navigate or embed (`RawHTMLFilter`).
            let filtered = RawHTMLFilter.filter(body)
            body = filtered.html
            if !filtered.removedTags.isEmpty {
                allDiagnostics.append(.warning(
                    .sanitizedHTML, at: SourceLocation(file: file, line: firstLine),
                    "raw HTML tags that markdown.unsafe_html does not allow were removed: \(filtered.removedTags.joined(separator: ", "))"))
            }
        }
        return (RichText(html: body, headings: headings, embeds: embeds), allDiagnostics, codes)
    }

    /// Replaces every heading node by a custom block that renders `<hN id="anchor">…</hN>` around the same
    /// inline children, and returns the outline.
    private static func anchorHeadings(in document: OpaquePointer) -> [Heading] {
        var headingNodes: [OpaquePointer] = []
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                cmark_node_get_type(node) == CMARK_NODE_HEADING
            else { continue }
            headingNodes.append(node)
        }

        var anchors = Anchors()
        var outline: [Heading] = []
        for node in headingNodes {
            let level = Int(cmark_node_get_heading_level(node))
            let text = plainText(of: node)
            let anchor = anchors.make(for: text)
            outline.append(Heading(level: level, text: text, anchor: anchor))

            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(block, HTMLWriter.startTag("h\(level)", [("id", anchor)]))
            cmark_node_set_on_exit(block, HTMLWriter.endTag("h\(level)") + "\n")
            while let child = cmark_node_first_child(node) {
                cmark_node_append_child(block, child)
            }
            cmark_node_replace(node, block)
            cmark_node_free(node)
        }
        return outline
    }

    /// Links and images whose URL the portal would not publish (CM305), and relative images of a type it
    /// does not publish (CM326).
    private static func unsafeLinks(in document: OpaquePointer, source: String, file: String, firstLine: Int) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var lines: [Substring]?
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node) else { continue }
            let href = String(cString: url)
            guard !href.isEmpty else { continue }
            let allowed = URLPolicy.isAllowed(href)
            // A relative image must be a picture the portal publishes (an SVG is refused where it is kept, in
            // `theme/assets/`, so the image would be broken): say so at the image.
            var refusedImage: String?
            if allowed, type == CMARK_NODE_IMAGE, !href.hasPrefix("#"), !href.contains(":") {
                let raw = String(href.prefix { $0 != "?" && $0 != "#" })
                let path = raw.removingPercentEncoding ?? raw
                // Only a plain extension (`.svg`, `.html`) is judged: a name without one, or with a quote or space
                // after its last dot, names no file of a type and is left to the link checks.
                let name = path.split(separator: "/").last ?? ""
                if let dot = name.lastIndex(of: "."), case let ext = name[name.index(after: dot)...], !ext.isEmpty,
                    ext.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
                {
                    refusedImage = ActiveFile.reason(path)
                }
            }
            guard !allowed || refusedImage != nil else { continue }
            let bodyLine = Int(cmark_node_get_start_line(node))
            // cmark counts columns in bytes; diagnostics count characters.
            if lines == nil { lines = source.split(separator: "\n", omittingEmptySubsequences: false) }
            let byteColumn = Int(cmark_node_get_start_column(node))
            let column = lines.flatMap { $0.indices.contains(bodyLine - 1) ? $0[bodyLine - 1] : nil }
                .map { String(decoding: $0.utf8.prefix(byteColumn - 1), as: UTF8.self).count + 1 } ?? byteColumn
            let location = SourceLocation(file: file, line: bodyLine + firstLine - 1, column: column)
            if let refusedImage {
                diagnostics.append(.error(
                    .activeFile, at: location,
                    "image '\(href)' is \(refusedImage); the portal does not publish it, so the image would be broken. Export it as PNG (or JPEG, GIF, WebP) and refer to that"))
            } else {
                diagnostics.append(.error(
                    .unsafeLink, at: location, "link '\(href)' is not allowed: use an http, https or mailto URL, a #fragment or a relative path"))
            }
        }
        return diagnostics
    }

    /// Turns the `[mm:ss]` that opens a top-level paragraph into a seek link.
    private static func linkTimeCodes(in document: OpaquePointer, file: String, firstLine: Int) -> ([TimeCode], [Diagnostic]) {
        var codes: [TimeCode] = []
        var diagnostics: [Diagnostic] = []
        var child = cmark_node_first_child(document)
        while let node = child {
            child = cmark_node_next(node)
            guard cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH, let text = cmark_node_first_child(node),
                cmark_node_get_type(text) == CMARK_NODE_TEXT, let literal = cmark_node_get_literal(text)
            else { continue }
            let content = String(cString: literal)
            guard content.hasPrefix("["), let close = content.firstIndex(of: "]") else { continue }
            let code = String(content[content.index(after: content.startIndex)..<close])
            let line = Int(cmark_node_get_start_line(node)) + firstLine - 1
            let seconds: Double
            switch Duration.readTimeCode(code) {
            case let .seconds(value): seconds = value
            case .malformed:
                // `[00:99]` is a time code with a slip, not text that happens to start with brackets.
                if Duration.isClockShaped(code) {
                    diagnostics.append(.error(
                        .invalidTimestamp, at: SourceLocation(file: file, line: line, column: 1),
                        "time code [\(code)] has minutes or seconds of 60 or more; write it as m:ss or h:mm:ss"))
                }
                continue
            case .outOfRange:
                diagnostics.append(.error(
                    .invalidTimestamp, at: SourceLocation(file: file, line: line, column: 1),
                    "time code [\(code)] is beyond \(TimeReading.limitText)"))
                continue
            }
            let rest = String(content[content.index(after: close)...]).drop { $0 == " " }
            cmark_node_set_literal(text, String(rest))
            guard let link = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { continue }
            let value = NumberText.plain(seconds)
            // A placeholder: the render stage makes the link from the theme's `timestamp` template, with the
            // video's URL escaped there (`TimeCodePlaceholder`).
            cmark_node_set_on_enter(link, TimeCodePlaceholder.make(value) + " ")
            cmark_node_set_on_exit(link, "")
            cmark_node_insert_before(text, link)
            codes.append(TimeCode(seconds: seconds, line: line))
        }
        return (codes, diagnostics)
    }

    /// Replaces each paragraph that is only `{{embed KIND:TARGET}}` by the embed's placeholder.
    private static func replaceEmbeds(in document: OpaquePointer, file: String, firstLine: Int) -> ([Embed], [Diagnostic]) {
        var paragraphs: [(OpaquePointer, String)] = []
        var child = cmark_node_first_child(document)
        while let node = child {
            if cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH, let text = cmark_node_first_child(node),
                cmark_node_next(text) == nil, cmark_node_get_type(text) == CMARK_NODE_TEXT,
                let literal = cmark_node_get_literal(text)
            {
                // Most paragraphs are prose: look at the bytes before making a string.
                if strstr(literal, "{{embed") != nil {
                    let content = String(cString: literal).trimmingSpaces
                    if content.hasPrefix("{{embed"), content.hasSuffix("}}") { paragraphs.append((node, content)) }
                }
            }
            child = cmark_node_next(node)
        }
        var embeds: [Embed] = []
        var diagnostics: [Diagnostic] = []
        for (node, content) in paragraphs {
            let location = SourceLocation(file: file, line: Int(cmark_node_get_start_line(node)) + firstLine - 1, column: 1)
            let reference = content.dropFirst("{{embed".count).dropLast(2).trimmingSpaces
            guard let embed = Embed(reference: reference, location: location) else {
                diagnostics.append(.error(
                    .unknownItemReference, at: location,
                    "'\(content)' is not an embed; write {{embed item:BANK/ITEM}} or {{embed bank:BANK}} on a line of its own"))
                continue
            }
            guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(block, embed.placeholder)
            cmark_node_set_on_exit(block, "")
            cmark_node_replace(node, block)
            cmark_node_free(node)
            embeds.append(embed)
        }
        return (embeds, diagnostics)
    }

    /// Puts every table in a `<div class="table-wrap">`, so wide tables scroll on their own on small screens.
    private static func wrapTables(in document: OpaquePointer) {
        var tables: [OpaquePointer] = []
        let iterator = cmark_iter_new(document)
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                strcmp(cmark_node_get_type_string(node), "table") == 0
            else { continue }
            tables.append(node)
        }
        cmark_iter_free(iterator)
        for table in tables {
            let alignment = alignmentClasses(of: table)
            guard let wrapper = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(wrapper, HTMLWriter.startTag("div", [("class", (["table-wrap"] + alignment).joined(separator: " "))]))
            cmark_node_set_on_exit(wrapper, HTMLWriter.endTag("div"))
            cmark_node_insert_before(table, wrapper)
            cmark_node_append_child(wrapper, table)
        }
    }

    /// A table's column alignment as classes of its wrapper (`ta-c3`: column 3 centred, `ta-r3`: right),
    /// which style.css applies to column 3's cells, instead of the cells' `align` attributes (obsolete in
    /// HTML) or `style` attributes (refused by the pages' Content-Security-Policy). The table's own
    /// alignment is then cleared in place, so cmark-gfm writes plain `<th>`/`<td>`. Left is the default;
    /// tables have at most `MarkdownTableLimits.maximumColumns` columns, the number style.css covers.
    private static func alignmentClasses(of table: OpaquePointer) -> [String] {
        let columns = min(Int(cmark_gfm_extensions_get_table_columns(table)), MarkdownTableLimits.maximumColumns)
        guard columns > 0, let alignments = cmark_gfm_extensions_get_table_alignments(table) else { return [] }
        var classes: [String] = []
        for column in 0..<columns {
            switch alignments[column] {
            case UInt8(ascii: "c"): classes.append("ta-c\(column + 1)")
            case UInt8(ascii: "r"): classes.append("ta-r\(column + 1)")
            default: break
            }
            alignments[column] = 0
        }
        return classes
    }

    /// The text of a node's literal descendants (text, code, and line breaks as spaces).
    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return text
    }
}
