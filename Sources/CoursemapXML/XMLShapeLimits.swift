import CoursemapModel

/// Limits on the shape of an XML document, checked in one linear pass before libxml2 sees the text.
///
/// libxml2 2.9 compares each attribute of a start tag with every earlier one (to find duplicates), so one
/// element with 80,000 attributes takes minutes; Coursemap's formats use a handful per element. A start
/// tag with more than `maximumAttributes` attributes is refused with CM307 at its line.
public enum XMLShapeLimits {
    /// The most attributes one element may have.
    public static let maximumAttributes = 1_000

    private static let commentOpen = Array("<!--".utf8), commentClose = Array("-->".utf8)
    private static let cdataOpen = Array("<![CDATA[".utf8), cdataClose = Array("]]>".utf8)
    private static let instructionClose = Array("?>".utf8), tagClose = [UInt8(ascii: ">")]

    /// The CM307 error for the first start tag with too many attributes, or `nil`. Comments, CDATA
    /// sections, processing instructions and declarations are skipped; an attribute is counted at each
    /// `=` outside quotes inside a start tag, so malformed text is never refused wrongly by a large margin
    /// (libxml2 reports what is malformed).
    public static func check(_ text: String, file: String) -> Diagnostic? {
        var copy = text
        return copy.withUTF8 { bytes -> Diagnostic? in
            let count = bytes.count
            var line = 1
            var i = 0
            /// Moves `i` just past the next occurrence of `terminator`, counting lines; to the end if none.
            func skip(past terminator: [UInt8]) {
                while i < count {
                    if bytes[i] == UInt8(ascii: "\n") { line += 1 }
                    if bytes[i] == terminator[0], i + terminator.count <= count,
                        (1..<terminator.count).allSatisfy({ bytes[i + $0] == terminator[$0] })
                    {
                        i += terminator.count
                        return
                    }
                    i += 1
                }
            }
            func starts(with prefix: [UInt8], at index: Int) -> Bool {
                index + prefix.count <= count && (0..<prefix.count).allSatisfy { bytes[index + $0] == prefix[$0] }
            }
            while i < count {
                let byte = bytes[i]
                if byte == UInt8(ascii: "\n") { line += 1 }
                guard byte == UInt8(ascii: "<"), i + 1 < count else {
                    i += 1
                    continue
                }
                if starts(with: commentOpen, at: i) {
                    i += commentOpen.count
                    skip(past: commentClose)
                } else if starts(with: cdataOpen, at: i) {
                    i += cdataOpen.count
                    skip(past: cdataClose)
                } else if bytes[i + 1] == UInt8(ascii: "?") {
                    i += 2
                    skip(past: instructionClose)
                } else if bytes[i + 1] == UInt8(ascii: "!") || bytes[i + 1] == UInt8(ascii: "/") {
                    i += 2
                    skip(past: tagClose)
                } else {
                    // A start tag: count `=` outside quoted values, up to its `>`.
                    let tagLine = line
                    var attributes = 0
                    var quote: UInt8?
                    i += 1
                    while i < count {
                        let current = bytes[i]
                        if current == UInt8(ascii: "\n") { line += 1 }
                        if let open = quote {
                            if current == open { quote = nil }
                        } else if current == UInt8(ascii: "\"") || current == UInt8(ascii: "'") {
                            quote = current
                        } else if current == UInt8(ascii: "=") {
                            attributes += 1
                            if attributes > maximumAttributes {
                                return .error(
                                    .xmlTooLarge, at: SourceLocation(file: file, line: tagLine),
                                    "an element has more than \(maximumAttributes) attributes; Coursemap reads at most \(maximumAttributes) per element")
                            }
                        } else if current == UInt8(ascii: ">") {
                            i += 1
                            break
                        }
                        i += 1
                    }
                }
            }
            return nil
        }
    }
}
