import CoursemapModel
import CoursemapXML

/// Finds control characters in the text and attribute values of a parsed XML file. libxml2 already refuses
/// C0 controls other than tab and line breaks, and U+FFFE/U+FFFF, written literally or as character
/// references (CM301); this reports what XML 1.0 lets through (DEL, C1 controls, U+2028/U+2029, bidi
/// embedding, override and isolate controls, other noncharacters) as CM209, as for YAML text.
enum XMLControlCharacters {
    /// At most this many diagnostics per file; the rest of a file full of them adds nothing.
    static let limit = 20

    static func problems(in root: XMLElement, file: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var pending = [root]
        while let element = pending.popLast(), problems.count < limit {
            for (name, value) in element.attributes.sorted(by: { $0.key < $1.key }) {
                if let scalar = unsafe(value) {
                    problems.append(.error(
                        .controlCharacterInText, at: SourceLocation(file: file, line: element.line),
                        "attribute '\(name)' of <\(element.name)> holds the control character \(ControlCharacters.name(scalar)); remove it"))
                }
            }
            for child in element.children.reversed() {
                switch child {
                case let .element(nested): pending.append(nested)
                case let .text(text):
                    if let scalar = unsafe(text) {
                        problems.append(.error(
                            .controlCharacterInText, at: SourceLocation(file: file, line: element.line),
                            "the text of <\(element.name)> holds the control character \(ControlCharacters.name(scalar)); remove it"))
                    }
                }
            }
        }
        return Array(problems.prefix(limit))
    }

    /// The first unsafe scalar; tab, line feed and carriage return are XML's own whitespace.
    private static func unsafe(_ text: String) -> Unicode.Scalar? {
        ControlCharacters.firstUnsafe(in: text.contains("\r") ? text.replacingOccurrences(of: "\r", with: "\n") : text, allowingLayout: true)
    }
}
