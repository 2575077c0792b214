import CoursemapInterop
import CoursemapModel
import CoursemapXML
import Testing

/// Sample items in the shapes TAO, Onyx, Inspera and the IMS 2.1 examples write (their own texts).
enum QTIInteractionSamples {
    static let hottext = QTITestSupport.item(
        identifier: "hottext",
        declarations: #"<responseDeclaration identifier="RESPONSE" cardinality="multiple" baseType="identifier"><correctResponse><value>H2</value><value>H3</value></correctResponse></responseDeclaration>"#,
        body: """
            <hottextInteraction responseIdentifier="RESPONSE" maxChoices="2">
              <prompt>Select the two wrong words.</prompt>
              <p>The ship <hottext identifier="H1">sailed</hottext> from Ningbo and <hottext identifier="H2">arrive</hottext> in Hamburg <hottext identifier="H3">next</hottext> week ago.</p>
            </hottextInteraction>
            """)

    static let associate = QTITestSupport.item(
        identifier: "associate",
        declarations: #"<responseDeclaration identifier="RESPONSE" cardinality="multiple" baseType="pair"><correctResponse><value>FOB CIF</value><value>EXW DAP</value></correctResponse></responseDeclaration>"#,
        body: """
            <associateInteraction responseIdentifier="RESPONSE" shuffle="true" maxAssociations="2">
              <prompt>Pair the terms in which the seller's duties are closest.</prompt>
              <simpleAssociableChoice identifier="FOB" matchMax="1">FOB</simpleAssociableChoice>
              <simpleAssociableChoice identifier="EXW" matchMax="1">EXW</simpleAssociableChoice>
              <simpleAssociableChoice identifier="CIF" matchMax="1">CIF</simpleAssociableChoice>
              <simpleAssociableChoice identifier="DAP" matchMax="1">DAP</simpleAssociableChoice>
            </associateInteraction>
            """)

    static let slider = QTITestSupport.item(
        identifier: "slider",
        declarations: #"<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="integer"><correctResponse><value>35</value></correctResponse></responseDeclaration>"#,
        body: """
            <p>What share of the orders came from mobile devices?</p>
            <sliderInteraction responseIdentifier="RESPONSE" lowerBound="0" upperBound="100" step="5" stepLabel="false"/>
            """)

    static let hotspot = QTITestSupport.item(
        identifier: "hotspot",
        declarations: #"<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"><correctResponse><value>B</value></correctResponse></responseDeclaration>"#,
        body: """
            <hotspotInteraction responseIdentifier="RESPONSE" maxChoices="1">
              <prompt>Where is the warehouse?</prompt>
              <object type="image/png" width="200" height="100" data="images/site.png">Site plan</object>
              <hotspotChoice shape="circle" coords="40,50,15" identifier="A"/>
              <hotspotChoice shape="rect" coords="100,20,160,80" identifier="B"/>
              <hotspotChoice shape="poly" coords="170,10,195,10,195,40" identifier="C" hotspotLabel="Gate"/>
            </hotspotInteraction>
            """)

    static let selectPoint = QTITestSupport.item(
        identifier: "selectpoint",
        declarations: """
            <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="point"><correctResponse><value>120 50</value></correctResponse>
            <areaMapping defaultValue="0"><areaMapEntry shape="circle" coords="120,50,12" mappedValue="1"/></areaMapping></responseDeclaration>
            """,
        body: """
            <selectPointInteraction responseIdentifier="RESPONSE" maxChoices="1">
              <prompt>Click the loading dock.</prompt>
              <object type="image/png" width="200" height="100" data="images/site.png">Site plan</object>
            </selectPointInteraction>
            """)

    static let graphicOrder = QTITestSupport.item(
        identifier: "graphicorder",
        declarations: #"<responseDeclaration identifier="RESPONSE" cardinality="ordered" baseType="identifier"><correctResponse><value>C</value><value>A</value><value>B</value></correctResponse></responseDeclaration>"#,
        body: """
            <graphicOrderInteraction responseIdentifier="RESPONSE">
              <prompt>Order the stops of the route.</prompt>
              <object type="image/png" width="200" height="100" data="images/route.png">Route</object>
              <hotspotChoice shape="circle" coords="30,30,10" identifier="A"/>
              <hotspotChoice shape="circle" coords="100,60,10" identifier="B"/>
              <hotspotChoice shape="ellipse" coords="170,30,12,8" identifier="C"/>
            </graphicOrderInteraction>
            """)

    static let graphicGapMatch = QTITestSupport.item(
        identifier: "graphicgapmatch",
        declarations: #"<responseDeclaration identifier="RESPONSE" cardinality="multiple" baseType="directedPair"><correctResponse><value>G1 S2</value><value>G2 S1</value></correctResponse></responseDeclaration>"#,
        body: """
            <graphicGapMatchInteraction responseIdentifier="RESPONSE">
              <prompt>Put the labels on the shelves.</prompt>
              <object type="image/png" width="200" height="100" data="images/shelves.png">Shelves</object>
              <gapImg identifier="G1" matchMax="1"><object type="image/png" width="40" height="20" data="images/fragile.png">Fragile</object></gapImg>
              <gapImg identifier="G2" matchMax="1"><object type="image/png" width="40" height="20" data="images/heavy.png">Heavy</object></gapImg>
              <associableHotspot shape="rect" coords="10,10,90,40" identifier="S1" matchMax="1"/>
              <associableHotspot shape="rect" coords="10,60,90,90" identifier="S2" matchMax="1"/>
              <associableHotspot shape="rect" coords="110,10,190,40" identifier="S3" matchMax="1"/>
            </graphicGapMatchInteraction>
            """)

    static let graphicAssociate = QTITestSupport.item(
        identifier: "graphicassociate",
        declarations: #"<responseDeclaration identifier="RESPONSE" cardinality="multiple" baseType="pair"><correctResponse><value>P1 P3</value><value>P2 P4</value></correctResponse></responseDeclaration>"#,
        body: """
            <graphicAssociateInteraction responseIdentifier="RESPONSE" maxAssociations="2">
              <prompt>Join each port to its hinterland.</prompt>
              <object type="image/png" width="200" height="100" data="images/ports.png">Map</object>
              <associableHotspot shape="circle" coords="20,20,10" identifier="P1" matchMax="1"/>
              <associableHotspot shape="circle" coords="20,80,10" identifier="P2" matchMax="1"/>
              <associableHotspot shape="circle" coords="180,20,10" identifier="P3" matchMax="1"/>
              <associableHotspot shape="circle" coords="180,80,10" identifier="P4" matchMax="1"/>
            </graphicAssociateInteraction>
            """)

    static let survey = QTITestSupport.item(
        identifier: "survey",
        declarations: #"<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"/>"#,
        body: """
            <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1">
              <prompt>How useful was this unit?</prompt>
              <simpleChoice identifier="L1">Not useful</simpleChoice>
              <simpleChoice identifier="L2">Somewhat useful</simpleChoice>
              <simpleChoice identifier="L3">Very useful</simpleChoice>
            </choiceInteraction>
            """)

    static let composite = QTITestSupport.item(
        identifier: "composite",
        declarations: """
            <responseDeclaration identifier="R1" cardinality="single" baseType="identifier"><correctResponse><value>Y</value></correctResponse></responseDeclaration>
            <responseDeclaration identifier="R2" cardinality="single" baseType="identifier"><correctResponse><value>A</value></correctResponse></responseDeclaration>
            """,
        body: """
            <p>Look at the site plan.</p>
            <choiceInteraction responseIdentifier="R1" maxChoices="1"><prompt>Is there a gate?</prompt><simpleChoice identifier="Y">Yes</simpleChoice><simpleChoice identifier="N">No</simpleChoice></choiceInteraction>
            <hotspotInteraction responseIdentifier="R2" maxChoices="1"><prompt>Click the office.</prompt><object type="image/png" width="200" height="100" data="images/site.png">Site plan</object><hotspotChoice shape="circle" coords="40,50,15" identifier="A"/><hotspotChoice shape="rect" coords="100,20,160,80" identifier="B"/></hotspotInteraction>
            """)
}

@Suite("QTI 2.1 import: hottext, associate, slider, graphic interactions, surveys, parts")
struct QTIInteractionImportTests {
    func imported(_ text: String) throws -> ExerciseItem {
        let (item, diagnostics) = try QTITestSupport.importText(text)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        return try #require(item)
    }

    @Test("hottext: each <hottext> is marked in the stem and is a choice; the key is the correct response")
    func hottext() throws {
        let item = try imported(QTIInteractionSamples.hottext)
        guard case let .hottext(task) = item.body else { Issue.record("\(item.body)"); return }
        #expect(task.choices.map(\.text.html) == ["sailed", "arrive", "next"])
        #expect(task.choices.map(\.correct) == [false, true, true])
        #expect(task.maxChoices == 2)
        #expect(item.stem.html.contains(#"<span class="hottext" data-hottext="2">arrive</span>"#))
        #expect(item.stem.html.contains("Select the two wrong words."))
    }

    @Test("associate: unordered pairs of simpleAssociableChoices")
    func associate() throws {
        let item = try imported(QTIInteractionSamples.associate)
        guard case let .associate(task) = item.body else { Issue.record("\(item.body)"); return }
        #expect(task.choices.map(\.html) == ["FOB", "EXW", "CIF", "DAP"])
        #expect(task.pairs == [UnorderedPair(0, 2), UnorderedPair(1, 3)])
    }

    @Test("slider: bounds, step and the correct value; a value outside the range is CM314")
    func slider() throws {
        let item = try imported(QTIInteractionSamples.slider)
        #expect(item.body == .slider(SliderTask(lower: 0, upper: 100, step: 5, correct: 35)))
        let outside = QTIInteractionSamples.slider.replacingOccurrences(of: "<value>35</value>", with: "<value>135</value>")
        let (skipped, diagnostics) = try QTITestSupport.importText(outside)
        #expect(skipped == nil)
        #expect(diagnostics.map(\.code) == [.invalidItem])
        let huge = QTIInteractionSamples.slider.replacingOccurrences(of: #"upperBound="100""#, with: #"upperBound="1e300""#)
        #expect(try QTITestSupport.importText(huge).item == nil)
        let tiny = QTIInteractionSamples.slider.replacingOccurrences(of: #"step="5""#, with: #"step="0.0000001""#)
        #expect(try QTITestSupport.importText(tiny).item == nil)
    }

    @Test("hotspot: the picture (an asset, relative to the item file), the areas and the correct one")
    func hotspot() throws {
        let item = try imported(QTIInteractionSamples.hotspot)
        guard case let .hotspot(task) = item.body else { Issue.record("\(item.body)"); return }
        #expect(task.image == ItemImage(path: "banks/qti/images/site.png", width: 200, height: 100, alternative: "Site plan"))
        #expect(item.assets.map(\.path) == ["banks/qti/images/site.png"])
        #expect(task.hotspots.map(\.area.shape) == [.circle, .rect, .poly])
        #expect(task.hotspots[2].label == "Gate")
        #expect(task.correct == [1])
        #expect(task.maxChoices == 1)
        #expect(task.hotspots[1].area.contains(x: 120, y: 50))
        #expect(!task.hotspots[1].area.contains(x: 40, y: 50))
        #expect(task.hotspots[2].area.contains(x: 190, y: 20))
    }

    @Test("select point: the correct areas come from the areaMapping")
    func selectPoint() throws {
        let item = try imported(QTIInteractionSamples.selectPoint)
        guard case let .selectPoint(task) = item.body else { Issue.record("\(item.body)"); return }
        #expect(task.areas.count == 1)
        #expect(task.areas[0].shape == .circle)
        #expect(task.areas[0].contains(x: 125, y: 55))
        #expect(!task.areas[0].contains(x: 150, y: 50))
        #expect(task.points == 1)
    }

    @Test("graphic order, gap match and associate")
    func graphics() throws {
        let order = try imported(QTIInteractionSamples.graphicOrder)
        guard case let .graphicOrder(task) = order.body else { Issue.record("\(order.body)"); return }
        #expect(task.order == [2, 0, 1])
        // An order may name some of the hotspots only (the IMS flight-path example): the others take no position.
        let partial = try imported(QTIInteractionSamples.graphicOrder.replacingOccurrences(of: "<value>C</value><value>A</value><value>B</value>", with: "<value>C</value><value>A</value>"))
        guard case let .graphicOrder(partialTask) = partial.body else { Issue.record("\(partial.body)"); return }
        #expect(partialTask.order == [2, 0])
        #expect(partialTask.hotspots.count == 3)
        let gaps = try imported(QTIInteractionSamples.graphicGapMatch)
        guard case let .graphicGapMatch(gapTask) = gaps.body else { Issue.record("\(gaps.body)"); return }
        #expect(gapTask.gaps.map(\.text) == ["Fragile", "Heavy"])
        #expect(gapTask.placement == [1, 0, nil])
        #expect(Set(gaps.assets.map(\.path)) == ["banks/qti/images/shelves.png", "banks/qti/images/fragile.png", "banks/qti/images/heavy.png"])
        let associate = try imported(QTIInteractionSamples.graphicAssociate)
        guard case let .graphicAssociate(pairTask) = associate.body else { Issue.record("\(associate.body)"); return }
        #expect(pairTask.pairs == [UnorderedPair(0, 2), UnorderedPair(1, 3)])
    }

    @Test("a choice interaction without correct response or mapping is a survey, not a skipped item")
    func survey() throws {
        let item = try imported(QTIInteractionSamples.survey)
        #expect(item.kind == .survey)
        guard case let .survey(task) = item.body else { return }
        #expect(task.choices.map(\.html) == ["Not useful", "Somewhat useful", "Very useful"])
        #expect(!task.multiple)
    }

    @Test("upload and drawing interactions are teacher-marked items")
    func teacherMarked() throws {
        let upload = try imported(QTITestSupport.item(
            declarations: #"<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="file"/>"#,
            body: #"<p>Hand in your spreadsheet.</p><uploadInteraction responseIdentifier="RESPONSE"/>"#))
        #expect(upload.body == .upload)
        let drawing = try imported(QTITestSupport.item(
            declarations: #"<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="file"/>"#,
            body: #"<drawingInteraction responseIdentifier="RESPONSE"><prompt>Draw the flow.</prompt><object type="image/png" width="300" height="200" data="canvas.png"/></drawingInteraction>"#))
        #expect(drawing.body == .drawing(ItemImage(path: "banks/qti/canvas.png", width: 300, height: 200)))
        #expect(drawing.stem.html.contains("Draw the flow."))
    }

    @Test("several interactions: one part each, led by its prompt; the stem keeps the text around them")
    func composite() throws {
        let item = try imported(QTIInteractionSamples.composite)
        guard case let .composite(parts) = item.body else { Issue.record("\(item.body)"); return }
        #expect(parts.map(\.body.kind) == [.singleChoice, .hotspot])
        #expect(parts.map(\.lead.html) == ["Is there a gate?", "Click the office."])
        #expect(item.stem.html.contains("Look at the site plan."))
        #expect(!item.stem.html.contains("Is there a gate?"))
        #expect(item.assets.map(\.path) == ["banks/qti/images/site.png"])
    }

    @Test("bad areas and pictures are CM329 warnings at their line; the item is skipped", arguments: [
        (#"<hotspotChoice shape="circle" coords="40,50" identifier="A"/>"#, "a circle needs 3 coordinates"),
        (#"<hotspotChoice shape="star" coords="40,50,5" identifier="A"/>"#, "not rect, circle, ellipse, poly or default"),
        (#"<hotspotChoice shape="rect" coords="100,20,60,80" identifier="A"/>"#, "right/bottom"),
        (#"<hotspotChoice shape="rect" coords="1,2,3,1e400" identifier="A"/>"#, "is not a number"),
        (#"<hotspotChoice shape="poly" coords="1,2,3,4" identifier="A"/>"#, "at least 3 points"),
        (#"<hotspotChoice shape="circle" coords="40,50,-3" identifier="A"/>"#, "radius"),
    ])
    func badAreas(spot: String, saying: String) throws {
        let text = QTIInteractionSamples.hotspot.replacingOccurrences(of: #"<hotspotChoice shape="circle" coords="40,50,15" identifier="A"/>"#, with: spot)
        let (item, diagnostics) = try QTITestSupport.importText(text)
        #expect(item == nil)
        let warning = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(warning.code == .invalidGraphic)
        #expect(warning.severity == .warning)
        #expect(warning.message.contains(saying), "\(warning.message)")
        #expect(warning.location.line == QTIImportProblemTests.line(of: String(spot.prefix(40)), in: text))
    }

    @Test("a picture that is missing, absolute, remote or leaves the content folder is CM329", arguments: [
        #"<object type="image/png" width="200" height="100" data="../../../../secret.png">x</object>"#,
        #"<object type="image/png" width="200" height="100" data="/etc/site.png">x</object>"#,
        #"<object type="image/png" width="200" height="100" data="https://example.org/site.png">x</object>"#,
        #"<object type="image/png" width="200" height="100" data="data:image/png;base64,AAAA">x</object>"#,
        // Percent-encoded `..`, and a path out of the package's top folder (`banks/`) into other content.
        #"<object type="image/png" width="200" height="100" data="%2e%2e/%2E%2E/%2e%2e/secret.png">x</object>"#,
        #"<object type="image/png" width="200" height="100" data="../../courses/answers.png">x</object>"#,
        "",
    ])
    func badPictures(object: String) throws {
        let text = QTIInteractionSamples.hotspot.replacingOccurrences(
            of: #"<object type="image/png" width="200" height="100" data="images/site.png">Site plan</object>"#, with: object)
        let (item, diagnostics) = try QTITestSupport.importText(text)
        #expect(item == nil)
        #expect(diagnostics.map(\.code) == [.invalidGraphic])
    }
}
