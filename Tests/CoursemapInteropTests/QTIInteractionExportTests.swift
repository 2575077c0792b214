import CoursemapInterop
import CoursemapModel
import CoursemapXML
import Foundation
import Testing

/// Export of the interactions of `QTIInteractionImportTests`: valid QTI 2.1 (the official XSD, through
/// xmllint), and importing the export gives the same key back. Moodle has no core type for them: skipped
/// with CM311.
@Suite("QTI 2.1 export of hottext, associate, slider, graphic interactions, surveys and uploads")
struct QTIInteractionExportTests {
    static let samples = [
        QTIInteractionSamples.hottext, QTIInteractionSamples.associate, QTIInteractionSamples.slider, QTIInteractionSamples.hotspot,
        QTIInteractionSamples.selectPoint, QTIInteractionSamples.graphicOrder, QTIInteractionSamples.graphicGapMatch,
        QTIInteractionSamples.graphicAssociate, QTIInteractionSamples.survey,
        QTITestSupport.item(
            identifier: "upload", declarations: #"<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="file"/>"#,
            body: #"<p>Hand in the file.</p><uploadInteraction responseIdentifier="RESPONSE"/>"#),
        QTITestSupport.item(
            identifier: "drawing", declarations: #"<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="file"/>"#,
            body: #"<drawingInteraction responseIdentifier="RESPONSE"><prompt>Draw.</prompt><object type="image/png" width="300" height="200" data="canvas.png"/></drawingInteraction>"#),
    ]

    static var items: [ExerciseItem] {
        samples.compactMap { try? QTITestSupport.importText($0, file: "exercises/qti/inline.xml").item }
    }

    static let schema: URL = QTITestSupport.fixtureDirectory.appendingPathComponent("../../schemas/qti/qtiv2p1/imsqti_v2p1.xsd").standardizedFileURL

    /// xmllint's verdict on `text` against the QTI 2.1 XSD: nil when valid, else its messages.
    static func schemaProblems(_ text: String, name: String) throws -> String? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("coursemap-qti-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = ["--noout", "--schema", schema.path, file.path]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? nil : output
    }

    @Test("every sample imports, and every item of its export validates against imsqti_v2p1.xsd")
    func validates() throws {
        #expect(Self.items.count == Self.samples.count)
        let bank = ExerciseBank(
            id: "interactions", title: LocalizedText(zh: "交互"), source: .qti, sections: [ExerciseSection(items: Self.items)],
            location: SourceLocation(file: "exercises/qti/bank.yml"))
        let (files, diagnostics) = QTIExporter.export(bank)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        for item in Self.items {
            let text = try #require(files["items/\(item.id).xml"])
            if let problems = try Self.schemaProblems(text, name: "\(item.id).xml") {
                Issue.record("items/\(item.id).xml does not validate: \(problems)")
            }
        }
    }

    @Test("importing the export gives the same kind and key back (pictures relative to the package)")
    func roundTrip() throws {
        let bank = ExerciseBank(
            id: "interactions", title: LocalizedText(zh: "交互"), source: .qti, sections: [ExerciseSection(items: Self.items)],
            location: SourceLocation(file: "exercises/qti/bank.yml"))
        let files = QTIExporter.export(bank).files
        for original in Self.items {
            let path = "exercises/out/items/\(original.id).xml"
            let text = try #require(files["items/\(original.id).xml"])
            let (item, diagnostics) = QTIImporter.importItem(try QTITestSupport.parse(text, file: path), file: path)
            #expect(diagnostics.isEmpty, "\(original.id): \(diagnostics.map(\.message))")
            let back = try #require(item)
            #expect(back.kind == original.kind)
            switch (original.body, back.body) {
            case let (.hotspot(a), .hotspot(b)):
                #expect(a.correct == b.correct && a.hotspots == b.hotspots && a.maxChoices == b.maxChoices)
                #expect(b.image.path == "exercises/out/exercises/qti/images/site.png")
            case let (.selectPoint(a), .selectPoint(b)): #expect(a.areas == b.areas && a.points == b.points)
            case let (.graphicOrder(a), .graphicOrder(b)): #expect(a.order == b.order && a.hotspots == b.hotspots)
            case let (.graphicGapMatch(a), .graphicGapMatch(b)): #expect(a.placement == b.placement && a.gaps.map(\.text) == b.gaps.map(\.text))
            case let (.graphicAssociate(a), .graphicAssociate(b)): #expect(a.pairs == b.pairs)
            case let (.associate(a), .associate(b)): #expect(a == b)
            case let (.slider(a), .slider(b)): #expect(a == b)
            case let (.hottext(a), .hottext(b)): #expect(a == b)
            case let (.survey(a), .survey(b)): #expect(a == b)
            case (.upload, .upload), (.drawing, .drawing): break
            default: Issue.record("\(original.id): \(original.body) came back as \(back.body)")
            }
        }
    }

    @Test("an item of several parts is written with one prefixed response per part, validates, and imports back")
    func composite() throws {
        let original = try #require(try QTITestSupport.importText(QTIInteractionSamples.composite, file: "exercises/qti/inline.xml").item)
        let bank = ExerciseBank(
            id: "parts", title: LocalizedText(zh: "组合"), source: .qti, sections: [ExerciseSection(items: [original])],
            location: SourceLocation(file: "exercises/qti/bank.yml"))
        let (files, diagnostics) = QTIExporter.export(bank)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let text = try #require(files["items/\(original.id).xml"])
        #expect(try Self.schemaProblems(text, name: "composite.xml") == nil)
        #expect(text.contains("responseIdentifier=\"P1_RESPONSE\""))
        #expect(text.contains("<correct identifier=\"P2_RESPONSE\"/>"))
        let path = "exercises/out/items/\(original.id).xml"
        let back = try #require(QTIImporter.importItem(try QTITestSupport.parse(text, file: path), file: path).item)
        guard case let .composite(a) = original.body, case let .composite(b) = back.body else {
            Issue.record("came back as \(back.body)")
            return
        }
        #expect(b.map(\.lead) == a.map(\.lead))
        #expect(b.map(\.body.kind) == a.map(\.body.kind))
        #expect(QTITestSupport.choices(b[0].body).map(\.correct) == QTITestSupport.choices(a[0].body).map(\.correct))
        if case let .hotspot(x) = a[1].body, case let .hotspot(y) = b[1].body { #expect(x.correct == y.correct) }
    }

    @Test("Moodle export leaves these kinds out with a CM311 warning each")
    func moodle() {
        let bank = ExerciseBank(
            id: "interactions", title: LocalizedText(zh: "交互"), source: .qti, sections: [ExerciseSection(items: Self.items)],
            location: SourceLocation(file: "exercises/qti/bank.yml"))
        let (xml, diagnostics) = MoodleExporter.export(bank)
        #expect(diagnostics.map(\.code) == Array(repeating: .unsupportedItem, count: Self.items.count))
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
        #expect(!xml.contains("<question type=\"essay\""))
    }
}
