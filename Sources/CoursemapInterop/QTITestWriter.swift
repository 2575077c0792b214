import CoursemapModel

/// Writes a bank's sections as a QTI 2.1 `assessmentTest`: one `testPart`, one `assessmentSection` per
/// bank section, in order, each referring to its items' files. A titled section is `visible="true"` with
/// its Chinese title as `title` (an English title travels in an author-only `rubricBlock` of class
/// `coursemap-meta`); an untitled one is `visible="false"`, which QTI defines as a grouping shown as part
/// of its parent, and is titled after the bank because QTI requires a title. `QTITestReader` reads it
/// back, so an exported package gives the same sections again.
enum QTITestWriter {
    /// The file the test is written to, at the root of the package.
    static let path = "assessment-test.xml"

    /// An item as the test refers to it.
    struct Reference {
        var identifier: String
        var href: String
    }

    static func test(_ bank: ExerciseBank, sections: [[Reference]]) -> QTINode {
        var parts: [QTINode] = []
        for (index, (section, references)) in zip(bank.sections, sections).enumerated() {
            var children: [QTINode] = []
            if let en = section.title?.en {
                children.append(.element("rubricBlock", [("view", "author"), ("class", QTIClass.meta)], [
                    .leaf("div", [("class", QTIClass.titleEnglish), ("xml:lang", "en")], en)
                ]))
            }
            for reference in references {
                children.append(.element("assessmentItemRef", [("identifier", reference.identifier), ("href", reference.href)]))
            }
            let title = section.title.map { QTIText.clean($0.zh) }
            parts.append(.element("assessmentSection", [
                ("identifier", "S\(index + 1)"), ("title", title ?? QTIText.clean(bank.title.zh)),
                ("visible", title == nil ? "false" : "true"),
            ], children))
        }
        if parts.isEmpty {
            // QTI needs a section in every test part.
            parts.append(.element("assessmentSection", [("identifier", "S1"), ("title", QTIText.clean(bank.title.zh)), ("visible", "false")]))
        }
        return .element("assessmentTest", [
            ("xmlns", QTIImporter.namespace), ("xmlns:xsi", QTIExporter.xsi),
            ("xsi:schemaLocation", QTIExporter.schemaLocation),
            ("identifier", QTIText.qtiIdentifier(for: "T-" + QTIText.coursemapID(from: bank.id))),
            ("title", QTIText.clean(bank.title.zh)), ("toolName", "Coursemap"),
        ], [
            .element("outcomeDeclaration", [("identifier", "SCORE"), ("cardinality", "single"), ("baseType", "float")]),
            .element("testPart", [("identifier", "P1"), ("navigationMode", "nonlinear"), ("submissionMode", "individual")], parts),
            .element("outcomeProcessing", [], [
                .element("setOutcomeValue", [("identifier", "SCORE")], [
                    .element("sum", [], [.element("testVariables", [("variableIdentifier", "SCORE")])])
                ])
            ]),
        ])
    }
}
