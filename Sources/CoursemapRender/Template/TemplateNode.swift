/// A parsed template: the tree the parser builds and the renderer walks.
indirect enum TemplateNode: Sendable {
    /// Literal text, copied as is (UTF-8: the renderer writes bytes).
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (raw).
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}…{{/name}}`: once per list element, once for a true or present value.
    case section(TemplateName, [TemplateNode])
    /// `{{^name}}…{{/name}}`: once when the value is missing, false or an empty list.
    case inverted(TemplateName, [TemplateNode])
    /// `{{> name}}`: another template, in the current context. A standalone partial indents its lines.
    case partial(String, indent: [UInt8])
    /// `{{< name}}{{$block}}…{{/block}}{{/name}}`: another template with some of its blocks replaced.
    case parent(String, indent: [UInt8], blocks: [String: [TemplateNode]])
    /// `{{$name}}default{{/name}}`: a block a child template may replace.
    case block(String, indent: [UInt8], [TemplateNode])
}

/// A name as a tag writes it: a dotted path (`chrome.ui.home`, or `.` for the current value), optionally
/// wrapped in transforms (`empty(items)`, `count(items)`), innermost last in `transforms`.
struct TemplateName: Sendable, Equatable {
    /// The path segments; empty for `.`.
    let path: [String]
    /// Transform names, outermost first: `count(reversed(x))` is `["count", "reversed"]`.
    let transforms: [String]
    /// The name as written, for messages and for matching a section's closing tag.
    let source: String
}
