import CoursemapModel
import CoursemapXML

/// The sections of a QTI 2.1 `assessmentTest`, as far as Coursemap uses them: which item files each
/// section refers to, in order, and its title.
public struct QTITestOutline: Hashable, Sendable {
    /// One section of the test, with the items it refers to directly (items of a nested section that is
    /// not visible count as its parent's).
    public struct Section: Hashable, Sendable {
        /// `nil` for a section that is not visible (`visible="false"`) or has a blank title.
        public var title: LocalizedText?
        /// `href`s of its `assessmentItemRef`s, as written, each with the line of its reference.
        public var items: [(href: String, location: SourceLocation)]

        public init(title: LocalizedText?, items: [(href: String, location: SourceLocation)]) {
            self.title = title
            self.items = items
        }

        public static func == (a: Section, b: Section) -> Bool {
            a.title == b.title && a.items.map(\.href) == b.items.map(\.href) && a.items.map(\.location) == b.items.map(\.location)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(title)
            hasher.combine(items.map(\.href))
        }
    }

    public var sections: [Section]
    public var location: SourceLocation
}

/// Reads an `assessmentTest`. Test parts are read in order; each visible `assessmentSection` starts a
/// section of its own (a visible section nested in another splits its parent around it); a section with
/// `visible="false"` is part of its parent, or an untitled section at the top. `assessmentSectionRef` and
/// `xi:include` are not followed (a CM311 warning names them); sections nested deeper than
/// `maximumDepth` are not read (a CM311 warning).
public enum QTITestReader {
    public static let maximumDepth = 16

    /// QTI 2.2's namespace. Its `assessmentTest` has the same sections and item references as 2.1's, and
    /// tools (ONYX) write a 2.2 test around 2.1 items, so the test is read in either namespace.
    public static let namespaceV2p2 = "http://www.imsglobal.org/xsd/imsqti_v2p2"

    public static func read(_ root: XMLElement, file: String) -> (outline: QTITestOutline, diagnostics: [Diagnostic]) {
        var reader = Reader(file: file)
        for part in root.all("testPart") {
            for child in part.elements {
                reader.visit(child, open: nil, depth: 1)
            }
        }
        return (QTITestOutline(sections: reader.sections, location: SourceLocation(file: file, line: root.line)), reader.diagnostics)
    }

    private struct Reader {
        let file: String
        var sections: [QTITestOutline.Section] = []
        var diagnostics: [Diagnostic] = []

        /// `open`: the index of the section items are added to (`nil` outside any visible section).
        mutating func visit(_ element: XMLElement, open: Int?, depth: Int) {
            let location = SourceLocation(file: file, line: element.line)
            switch element.name {
            case "assessmentSection":
                guard depth <= QTITestReader.maximumDepth else {
                    diagnostics.append(.warning(
                        .unsupportedItem, at: location,
                        "assessmentSection nested more than \(QTITestReader.maximumDepth) deep is not read; its items keep the package's order"))
                    return
                }
                let visible = isVisible(element)
                let zh = QTIText.clean(element.attributes["title"] ?? "")
                var current = open
                if visible || open == nil {
                    let title = visible && !zh.isEmpty ? LocalizedText(zh: zh, en: englishTitle(element)) : nil
                    sections.append(QTITestOutline.Section(title: title, items: []))
                    current = sections.count - 1
                }
                for child in element.elements {
                    visit(child, open: current, depth: depth + 1)
                    if let parent = current, child.name == "assessmentSection", isVisible(child) {
                        // What follows a nested visible section belongs to its parent again, after it.
                        sections.append(QTITestOutline.Section(title: sections[parent].title, items: []))
                        current = sections.count - 1
                    }
                }
            case "assessmentItemRef":
                guard let href = element.attributes["href"] else { return }
                let index: Int
                if let open {
                    index = open
                } else {
                    sections.append(QTITestOutline.Section(title: nil, items: []))
                    index = sections.count - 1
                }
                sections[index].items.append((href, location))
            case "assessmentSectionRef", "include":
                diagnostics.append(.warning(
                    .unsupportedItem, at: location,
                    "<\(element.name)> is not followed: the items it brings keep the package's order, outside the test's sections"))
            default:
                return
            }
        }

        /// `visible` as an XML Schema boolean (`true`, `1`, `false`, `0`, white space around ignored); a
        /// section without it, or with another value, counts as visible.
        private func isVisible(_ section: XMLElement) -> Bool {
            !["false", "0"].contains(QTIText.clean(section.attributes["visible"] ?? "true"))
        }

        private func englishTitle(_ section: XMLElement) -> String? {
            for rubric in section.all("rubricBlock") where QTIText.classes(rubric).contains(QTIClass.meta) {
                for div in rubric.all("div") where QTIText.classes(div).contains(QTIClass.titleEnglish) {
                    let text = QTIText.clean(div.text)
                    if !text.isEmpty { return text }
                }
            }
            return nil
        }
    }
}
