import CoursemapModel

/// Page contexts for the QTI interactions beyond choices, blanks, matching and ordering (hottext, associate,
/// slider, graphic interactions, surveys, uploads, drawings). In the student edition an exam item's view
/// holds nothing about its key: hotspot shapes are part of the question, which of them is right is not,
/// and select-point areas are never in it.
struct InteractionView: Sendable, Encodable {
    var isHottext = false
    var isAssociate = false
    var isSlider = false
    var isGraphic = false
    var isTeacherMarked = false
    var hottext: [ChoiceView] = []
    /// Associate items: the choices, numbered; graphic associate items: the hotspots.
    var options: [MatchOption] = []
    /// Pair rows (1 … number of pairs asked for).
    var pairRows: [Int] = []
    /// The numbers a pair row offers.
    var pairChoices: [Int] = []
    var slider: SliderView?
    var graphic: GraphicView?
}

struct SliderView: Sendable, Encodable {
    let lower: String
    let upper: String
    let step: String
    let start: String
}

/// A picture with areas drawn over it in an SVG, and the form controls that hold the answer.
struct GraphicView: Sendable, Encodable {
    let href: String
    let alternative: String
    let width: String
    let height: String
    let viewBox: String
    let shapes: [ShapeView]
    /// Areas shown to teachers only (select point keys).
    let keyAreas: [ShapeView]
    /// choose: checkboxes or radio buttons; order / gap: a select per hotspot; pairs: pair rows; point: x/y fields.
    let isChoose: Bool
    let isOrder: Bool
    let isGapMatch: Bool
    let isPairs: Bool
    let isPoint: Bool
    let inputType: String
    let positions: [Int]
    let gaps: [MatchOption]
    let points: [Int]
}

struct ShapeView: Sendable, Encodable {
    let value: Int
    let label: String
    let isRect: Bool
    let isCircle: Bool
    let isEllipse: Bool
    let isPoly: Bool
    let x: String
    let y: String
    let width: String
    let height: String
    let rx: String
    let ry: String
    let points: String
    /// Where the number is written.
    let labelX: String
    let labelY: String
    /// Teacher edition only.
    let correct: Bool
}

/// One part of an item with several interactions.
struct PartView: Sendable, Encodable {
    let partNumber: Int
    let lead: String
    let view: ItemView
}

extension PageBuilder {
    /// The display order of hotspots (or choices) of an item whose written order may say something about its
    /// key (order, pairs, placements): key-free for exam items (`DisplayOrder`).
    static func areaOrder(_ hotspots: [Hotspot], item: ExerciseItem) -> [Int] {
        DisplayOrder.permutation(of: hotspots.map { $0.area.shape.rawValue + ":" + $0.area.coordinates.map(NumberText.plain).joined(separator: ",") }, usage: item.usage, seed: item.id)
    }

    func interactionView(_ item: ExerciseItem, root: String) -> InteractionView? {
        let mark = edition == .teacher
        var view = InteractionView()
        switch item.body {
        case let .hottext(task):
            view.isHottext = true
            view.hottext = task.choices.enumerated().map { index, choice in
                ChoiceView(
                    label: String(index + 1), value: String(index + 1), html: Self.phrasing(choice.text.html),
                    inputType: task.maxChoices == 1 ? "radio" : "checkbox", correct: mark && choice.correct, choiceFeedback: nil)
            }
        case let .associate(task):
            view.isAssociate = true
            let order = DisplayOrder.permutation(of: task.choices.map(\.html), usage: item.usage, seed: item.id)
            view.options = order.enumerated().map { MatchOption(value: $0.offset + 1, html: task.choices[$0.element].html) }
            view.pairRows = Array(1...max(1, task.pairs.count))
            view.pairChoices = Array(1...max(1, task.choices.count))
        case let .slider(task):
            view.isSlider = true
            view.slider = SliderView(
                lower: Self.number(task.lower), upper: Self.number(task.upper), step: Self.number(task.step), start: Self.number(task.lower))
        case let .hotspot(task):
            view.graphic = graphic(
                task.image, task.hotspots, order: Array(task.hotspots.indices), correct: Set(mark ? task.correct : []), root: root,
                mode: .choose(task.maxChoices == 1 ? "radio" : "checkbox"))
        case let .selectPoint(task):
            let keys = mark ? task.areas.map { Hotspot(area: $0) } : []
            view.graphic = graphic(task.image, [], order: [], correct: [], root: root, mode: .point(task.points), keyAreas: keys)
        case let .graphicOrder(task):
            view.graphic = graphic(task.image, task.hotspots, order: Self.areaOrder(task.hotspots, item: item), correct: [], root: root, mode: .order)
        case let .graphicGapMatch(task):
            let gapOrder = DisplayOrder.permutation(of: task.gaps.map(\.text), usage: item.usage, seed: item.id + "#gaps")
            let gaps = gapOrder.enumerated().map { MatchOption(value: $0.offset + 1, html: HTMLEscaping.escape(task.gaps[$0.element].text, .text)) }
            view.graphic = graphic(task.image, task.hotspots, order: Self.areaOrder(task.hotspots, item: item), correct: [], root: root, mode: .gaps(gaps))
        case let .graphicAssociate(task):
            view.graphic = graphic(
                task.image, task.hotspots, order: Self.areaOrder(task.hotspots, item: item), correct: [], root: root, mode: .pairs(task.pairs.count))
            view.pairRows = Array(1...max(1, task.pairs.count))
            view.pairChoices = Array(1...max(1, task.hotspots.count))
        case let .drawing(image):
            view.isTeacherMarked = true
            if let image { view.graphic = graphic(image, [], order: [], correct: [], root: root, mode: .none) }
        case .upload:
            view.isTeacherMarked = true
        default:
            return nil
        }
        if view.graphic != nil { view.isGraphic = true }
        return view
    }

    enum GraphicMode {
        case choose(String)
        case order
        case gaps([MatchOption])
        case pairs(Int)
        case point(Int)
        case none
    }

    /// The picture and its hotspots, numbered in `order` (indices into `hotspots`).
    func graphic(
        _ image: ItemImage, _ hotspots: [Hotspot], order: [Int], correct: Set<Int>, root: String, mode: GraphicMode, keyAreas: [Hotspot] = []
    ) -> GraphicView {
        let areas = hotspots.map(\.area) + keyAreas.map(\.area)
        let width = image.width.map(Double.init) ?? max(1, areas.map { Self.extent($0).x }.max() ?? 400)
        let height = image.height.map(Double.init) ?? max(1, areas.map { Self.extent($0).y }.max() ?? 300)
        let shapes = order.enumerated().map { position, index in
            Self.shape(hotspots[index], value: position + 1, width: width, height: height, correct: correct.contains(index))
        }
        var isChoose = false, isOrder = false, isGap = false, isPairs = false, isPoint = false
        var inputType = "", gaps: [MatchOption] = [], points: [Int] = []
        switch mode {
        case let .choose(type): (isChoose, inputType) = (true, type)
        case .order: isOrder = true
        case let .gaps(list): (isGap, gaps) = (true, list)
        case .pairs: isPairs = true
        case let .point(count): (isPoint, points) = (true, Array(1...max(1, count)))
        case .none: break
        }
        return GraphicView(
            href: root + shared + SitePaths.downloadURL(image.path), alternative: image.alternative ?? "",
            width: Self.number(width), height: Self.number(height), viewBox: "0 0 \(Self.number(width)) \(Self.number(height))",
            shapes: shapes,
            keyAreas: keyAreas.enumerated().map { Self.shape($0.element, value: $0.offset + 1, width: width, height: height, correct: true) },
            isChoose: isChoose, isOrder: isOrder, isGapMatch: isGap, isPairs: isPairs, isPoint: isPoint, inputType: inputType,
            positions: Array(1...max(1, hotspots.count)), gaps: gaps, points: points)
    }

    static func extent(_ area: ItemArea) -> (x: Double, y: Double) {
        let c = area.coordinates
        switch area.shape {
        case .rect: return (c[2], c[3])
        case .circle: return (c[0] + c[2], c[1] + c[2])
        case .ellipse: return (c[0] + c[2], c[1] + c[3])
        case .poly: return (stride(from: 0, to: c.count, by: 2).map { c[$0] }.max() ?? 0, stride(from: 1, to: c.count, by: 2).map { c[$0] }.max() ?? 0)
        case .default: return (0, 0)
        }
    }

    static func shape(_ hotspot: Hotspot, value: Int, width: Double, height: Double, correct: Bool) -> ShapeView {
        let c = hotspot.area.coordinates
        let n = { (value: Double) in Self.number(value) }
        var (x, y, w, h, rx, ry, points) = ("0", "0", n(width), n(height), "0", "0", "")
        var center = (width / 2, height / 2)
        switch hotspot.area.shape {
        case .rect:
            (x, y, w, h) = (n(c[0]), n(c[1]), n(c[2] - c[0]), n(c[3] - c[1]))
            center = ((c[0] + c[2]) / 2, (c[1] + c[3]) / 2)
        case .circle:
            (x, y, rx, ry) = (n(c[0]), n(c[1]), n(c[2]), n(c[2]))
            center = (c[0], c[1])
        case .ellipse:
            (x, y, rx, ry) = (n(c[0]), n(c[1]), n(c[2]), n(c[3]))
            center = (c[0], c[1])
        case .poly:
            points = stride(from: 0, to: c.count - 1, by: 2).map { "\(n(c[$0])),\(n(c[$0 + 1]))" }.joined(separator: " ")
            let xs = stride(from: 0, to: c.count, by: 2).map { c[$0] }, ys = stride(from: 1, to: c.count, by: 2).map { c[$0] }
            center = (xs.reduce(0, +) / Double(max(1, xs.count)), ys.reduce(0, +) / Double(max(1, ys.count)))
        case .default:
            break
        }
        return ShapeView(
            value: value, label: hotspot.label.isEmpty ? String(value) : hotspot.label,
            isRect: hotspot.area.shape == .rect || hotspot.area.shape == .default, isCircle: hotspot.area.shape == .circle,
            isEllipse: hotspot.area.shape == .ellipse, isPoly: hotspot.area.shape == .poly,
            x: x, y: y, width: w, height: h, rx: rx, ry: ry, points: points,
            labelX: n((center.0 * 10).rounded() / 10), labelY: n((center.1 * 10).rounded() / 10), correct: correct)
    }

    // MARK: Keys and answers

    /// The self-check key of the kinds this file renders; nil for ungraded ones.
    func interactionKey(_ item: ExerciseItem) -> AnswerKey? {
        switch item.body {
        case let .hottext(task):
            return AnswerKey(type: "hottext", correct: task.choices.enumerated().filter { $0.element.correct }.map { String($0.offset + 1) })
        case let .associate(task):
            let order = DisplayOrder.permutation(of: task.choices.map(\.html), usage: item.usage, seed: item.id)
            return AnswerKey(type: "pairs", pairs: Self.displayedPairs(task.pairs, order: order))
        case let .slider(task):
            return AnswerKey(type: "slider", numbers: [AnswerKey.NumberKey(value: task.correct, tolerance: task.step / 2)])
        case let .hotspot(task):
            return AnswerKey(type: "hotspot", correct: task.correct.map { String($0 + 1) })
        case let .selectPoint(task):
            return AnswerKey(type: "point", areas: task.areas.map { AnswerKey.AreaKey(shape: $0.shape.rawValue, coords: $0.coordinates) }, count: task.points)
        case let .graphicOrder(task):
            let order = Self.areaOrder(task.hotspots, item: item)
            // For each displayed hotspot, its position in the correct order (0: not in the order).
            return AnswerKey(type: "graphicorder", positions: order.map { spot in task.order.firstIndex(of: spot).map { $0 + 1 } ?? 0 })
        case let .graphicGapMatch(task):
            let order = Self.areaOrder(task.hotspots, item: item)
            let gapOrder = DisplayOrder.permutation(of: task.gaps.map(\.text), usage: item.usage, seed: item.id + "#gaps")
            // For each displayed hotspot, the displayed number of its gap (0: none).
            return AnswerKey(type: "gapmatch", positions: order.map { spot in task.placement[spot].map { (gapOrder.firstIndex(of: $0) ?? 0) + 1 } ?? 0 })
        case let .graphicAssociate(task):
            return AnswerKey(type: "pairs", pairs: Self.displayedPairs(task.pairs, order: Self.areaOrder(task.hotspots, item: item)))
        default:
            return nil
        }
    }

    static func displayedPairs(_ pairs: [UnorderedPair], order: [Int]) -> [[Int]] {
        pairs.map { pair in
            [(order.firstIndex(of: pair.first) ?? 0) + 1, (order.firstIndex(of: pair.second) ?? 0) + 1].sorted()
        }
    }

    /// The answer in words of the kinds this file renders.
    func interactionSummary(_ item: ExerciseItem, bank: String, from page: String) -> AnswerSummary? {
        func spot(_ hotspots: [Hotspot], _ index: Int, order: [Int]) -> String {
            let label = hotspots[index].label
            return "\(ui.area) " + (label.isEmpty ? String((order.firstIndex(of: index) ?? index) + 1) : label)
        }
        switch item.body {
        case let .hottext(task):
            return AnswerSummary(html: task.choices.filter(\.correct).map(\.text.html).joined(separator: ui.groupSeparator))
        case let .associate(task):
            return AnswerSummary(pairs: task.pairs.map { AnswerSummary.Pair(left: task.choices[$0.first].html, right: task.choices[$0.second].html) })
        case let .slider(task):
            return AnswerSummary(text: Self.number(task.correct))
        case let .hotspot(task):
            return AnswerSummary(text: task.correct.map { spot(task.hotspots, $0, order: Array(task.hotspots.indices)) }.joined(separator: ui.listSeparator))
        case let .selectPoint(task):
            return AnswerSummary(text: task.areas.map { "\($0.shape.rawValue) " + $0.coordinates.map(Self.number).joined(separator: ",") }.joined(separator: ui.groupSeparator))
        case let .graphicOrder(task):
            let order = Self.areaOrder(task.hotspots, item: item)
            return AnswerSummary(text: task.order.map { spot(task.hotspots, $0, order: order) }.joined(separator: " → "))
        case let .graphicGapMatch(task):
            let order = Self.areaOrder(task.hotspots, item: item)
            return AnswerSummary(pairs: task.placement.enumerated().compactMap { index, gap in
                gap.map { AnswerSummary.Pair(left: HTMLEscaping.escape(task.gaps[$0].text, .text), right: HTMLEscaping.escape(spot(task.hotspots, index, order: order), .text)) }
            })
        case let .graphicAssociate(task):
            let order = Self.areaOrder(task.hotspots, item: item)
            return AnswerSummary(pairs: task.pairs.map {
                AnswerSummary.Pair(left: HTMLEscaping.escape(spot(task.hotspots, $0.first, order: order), .text), right: HTMLEscaping.escape(spot(task.hotspots, $0.second, order: order), .text))
            })
        case .upload, .drawing:
            return AnswerSummary(text: ui.teacherMarked)
        case let .composite(parts):
            // Each part's answer as an entry of its own, numbered (the `answer-summary` template lists them).
            let answers = parts.enumerated().compactMap { index, part in
                answerSummary(partItem(item, part, index), bank: bank, from: page).map { AnswerSummary.PartAnswer(number: index + 1, summary: $0) }
            }
            return answers.isEmpty ? nil : AnswerSummary(parts: answers)
        default:
            return nil
        }
    }

    /// A part of an item as an item of its own (its lead as the stem), for its controls, key and summary.
    func partItem(_ item: ExerciseItem, _ part: ItemPart, _ index: Int) -> ExerciseItem {
        ExerciseItem(
            id: "\(item.id)-p\(index + 1)", usage: item.usage, score: 0, stem: part.lead, body: part.body, location: item.location)
    }
}
