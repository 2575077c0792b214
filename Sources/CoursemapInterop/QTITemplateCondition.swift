import CoursemapXML

/// Whether a QTI `templateBlock` or `templateInline` shows its content, or a choice with a
/// `templateIdentifier` is shown, in the item as Coursemap renders it.
///
/// Coursemap renders one clone of an item: its template variables have the values `QTITemplateEvaluator`
/// computes with its fixed seed (`Variables.evaluated`), else the default values of their
/// `templateDeclaration`s. The element shows its content when `showHide="show"` (the default) and the
/// variable matches its `identifier` (equals it, or contains it for multiple and ordered cardinality), or
/// when `showHide="hide"` and the variable does not match; a variable without a default is NULL and matches
/// nothing. Anything that leaves the rendered value unknown — no declaration, a variable that is not of
/// base type identifier, a variable that `templateProcessing` sets but was not evaluated, an unknown
/// `showHide` — is undecided,
/// and the importer drops the content (CM312) rather than guess.
enum QTITemplateCondition {
    enum Outcome: Equatable {
        case shown, hidden, undecided
    }

    /// `identifier` is what the variable is matched against: the element's `identifier` attribute for a
    /// template block, the choice's own identifier for a choice with `templateIdentifier` (QTI's rule for
    /// choices, whose `showHide` also defaults to `show`).
    static func evaluate(_ element: XMLElement, in root: XMLElement, identifier: String? = nil) -> Outcome {
        evaluate(element, in: Variables(root), identifier: identifier)
    }

    /// The item's template declarations by variable, and the variables `templateProcessing` names: read
    /// once per item, so that an item with thousands of template declarations and conditional elements is
    /// decided in time linear in its size.
    struct Variables {
        let declarations: [String: [XMLElement]]
        let processed: Set<String>
        /// Values `QTITemplateEvaluator` computed for the clone Coursemap imports; they decide instead of the
        /// defaults, also for variables `templateProcessing` sets.
        var evaluated: [String: [String]] = [:]

        init(_ root: XMLElement) {
            var declarations: [String: [XMLElement]] = [:]
            for declaration in root.all("templateDeclaration") {
                declarations[QTIText.clean(declaration.attributes["identifier"] ?? ""), default: []].append(declaration)
            }
            self.declarations = declarations
            var processed: Set<String> = []
            if let processing = root.first("templateProcessing") { QTITemplateCondition.collect(processing, into: &processed) }
            self.processed = processed
        }
    }

    /// Like `evaluate(_:in:identifier:)` with the item's variables read beforehand.
    static func evaluate(_ element: XMLElement, in variables: Variables, identifier: String? = nil) -> Outcome {
        let variable = QTIText.clean(element.attributes["templateIdentifier"] ?? "")
        let identifier = QTIText.clean(identifier ?? element.attributes["identifier"] ?? "")
        let showHide = QTIText.clean(element.attributes["showHide"] ?? "show")
        guard !variable.isEmpty, !identifier.isEmpty, showHide == "show" || showHide == "hide" else { return .undecided }
        let declarations = variables.declarations[variable] ?? []
        guard declarations.count == 1, let declaration = declarations.first else { return .undecided }
        guard QTIText.clean(declaration.attributes["baseType"] ?? "") == "identifier" else { return .undecided }
        let cardinality = QTIText.clean(declaration.attributes["cardinality"] ?? "")
        guard ["single", "multiple", "ordered"].contains(cardinality) else { return .undecided }
        let values: [String]
        if let evaluated = variables.evaluated[variable] {
            values = evaluated
        } else {
            if variables.processed.contains(variable) { return .undecided }
            values = declaration.first("defaultValue")?.all("value").map { QTIText.clean($0.text) } ?? []
        }
        if cardinality == "single", values.count > 1 { return .undecided }
        let matches = values.contains(identifier)
        return matches == (showHide == "show") ? .shown : .hidden
    }

    /// Every identifier any rule under `processing` names (sets, or sets something from).
    fileprivate static func collect(_ processing: XMLElement, into names: inout Set<String>) {
        for child in processing.elements {
            names.insert(QTIText.clean(child.attributes["identifier"] ?? ""))
            collect(child, into: &names)
        }
    }
}
