/// Payloads of the QTI 2.1 interactions beyond choices, blanks, matching and ordering: hottext, associate,
/// slider, the graphic interactions (hotspot, select point, graphic order / gap match / associate), items
/// made of several parts, surveys and teacher-marked uploads and drawings. `ItemBody` has one case for each.

/// The shape of an area on an item's image, as QTI names it.
public enum AreaShape: String, Hashable, Sendable, Codable, CaseIterable {
    case rect
    case circle
    case ellipse
    case poly
    /// The whole image.
    case `default`
}

/// An area on an item's image, in the image's declared pixel space (`ItemImage.width`/`height`).
/// Coordinates are bounded: every one is a finite number from −`maximumCoordinate` to `maximumCoordinate`,
/// and a polygon has at most `maximumPolygonPoints` points. `init(shape:coordinates:)` refuses anything else.
public struct ItemArea: Hashable, Sendable, Codable {
    public static let maximumCoordinate = 100_000.0
    public static let maximumPolygonPoints = 200

    public var shape: AreaShape
    /// rect: left, top, right, bottom; circle: x, y, r; ellipse: x, y, rx, ry; poly: x1, y1, x2, y2, …;
    /// default: none.
    public var coordinates: [Double]

    /// `nil` with a reason when the coordinates do not fit the shape (count, bounds, negative radii, a
    /// rectangle whose right is left of its left …).
    public static func validated(shape: AreaShape, coordinates: [Double]) -> Result<ItemArea, AreaProblem> {
        guard coordinates.allSatisfy({ $0.isFinite && abs($0) <= maximumCoordinate }) else {
            return .failure(AreaProblem("a coordinate is not a number from -100000 to 100000"))
        }
        switch shape {
        case .rect:
            guard coordinates.count == 4 else { return .failure(AreaProblem("a rect needs 4 coordinates (left, top, right, bottom), not \(coordinates.count)")) }
            guard coordinates[2] >= coordinates[0], coordinates[3] >= coordinates[1] else {
                return .failure(AreaProblem("a rect's right/bottom must not be less than its left/top"))
            }
        case .circle:
            guard coordinates.count == 3 else { return .failure(AreaProblem("a circle needs 3 coordinates (x, y, radius), not \(coordinates.count)")) }
            guard coordinates[2] > 0 else { return .failure(AreaProblem("a circle's radius must be above 0")) }
        case .ellipse:
            guard coordinates.count == 4 else { return .failure(AreaProblem("an ellipse needs 4 coordinates (x, y, rx, ry), not \(coordinates.count)")) }
            guard coordinates[2] > 0, coordinates[3] > 0 else { return .failure(AreaProblem("an ellipse's radii must be above 0")) }
        case .poly:
            guard coordinates.count >= 6, coordinates.count % 2 == 0 else {
                return .failure(AreaProblem("a poly needs at least 3 points (an even number of coordinates, at least 6), not \(coordinates.count)"))
            }
            guard coordinates.count <= maximumPolygonPoints * 2 else {
                return .failure(AreaProblem("a poly may have at most \(maximumPolygonPoints) points"))
            }
        case .default:
            break
        }
        return .success(ItemArea(shape: shape, coordinates: shape == .default ? [] : coordinates))
    }

    private init(shape: AreaShape, coordinates: [Double]) {
        self.shape = shape
        self.coordinates = coordinates
    }

    private enum CodingKeys: String, CodingKey {
        case shape, coordinates
    }

    /// Decoding validates like `validated(shape:coordinates:)`: no decoded area can break `contains`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let shape = try container.decode(AreaShape.self, forKey: .shape)
        let coordinates = try container.decode([Double].self, forKey: .coordinates)
        switch Self.validated(shape: shape, coordinates: coordinates) {
        case let .success(area): self = area
        case let .failure(problem):
            throw DecodingError.dataCorruptedError(forKey: .coordinates, in: container, debugDescription: problem.message)
        }
    }

    /// Whether the point lies in the area (edges included); polygons by the even–odd rule.
    public func contains(x: Double, y: Double) -> Bool {
        let c = coordinates
        switch shape {
        case .default: return true
        case .rect: return x >= c[0] && x <= c[2] && y >= c[1] && y <= c[3]
        case .circle: return (x - c[0]) * (x - c[0]) + (y - c[1]) * (y - c[1]) <= c[2] * c[2]
        case .ellipse:
            let dx = (x - c[0]) / c[2], dy = (y - c[1]) / c[3]
            return dx * dx + dy * dy <= 1
        case .poly:
            var inside = false
            let count = c.count / 2
            var j = count - 1
            for i in 0..<count {
                let (xi, yi, xj, yj) = (c[2 * i], c[2 * i + 1], c[2 * j], c[2 * j + 1])
                if (yi > y) != (yj > y), x < (xj - xi) * (y - yi) / (yj - yi) + xi { inside.toggle() }
                j = i
            }
            return inside
        }
    }
}

/// Why an area's coordinates were refused.
public struct AreaProblem: Error, Hashable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

/// A choosable area on an item's image.
public struct Hotspot: Hashable, Sendable, Codable {
    /// What the page calls it (the source's `hotspotLabel`, else empty: pages number hotspots).
    public var label: String
    public var area: ItemArea

    public init(label: String = "", area: ItemArea) {
        self.label = label
        self.area = area
    }
}

/// A pair of two members of a set (0-based indices), unordered.
public struct UnorderedPair: Hashable, Sendable, Codable {
    public var first: Int
    public var second: Int

    public init(_ first: Int, _ second: Int) {
        self.first = min(first, second)
        self.second = max(first, second)
    }
}

/// Words or phrases chosen inside the text. The stem marks each with `<span class="hottext"
/// data-hottext="N">…</span>` (N from 1, in order); `choices[N-1]` holds its text and whether it is right.
public struct HottextTask: Hashable, Sendable, Codable {
    public var choices: [HottextChoice]
    /// How many may be chosen (0: any number).
    public var maxChoices: Int

    public init(choices: [HottextChoice], maxChoices: Int) {
        self.choices = choices
        self.maxChoices = maxChoices
    }
}

/// One word or phrase of a hottext item.
public struct HottextChoice: Hashable, Sendable, Codable {
    public var text: RichText
    public var correct: Bool

    public init(text: RichText, correct: Bool) {
        self.text = text
        self.correct = correct
    }
}

/// Unordered pairs to be made among a set of choices (QTI `associateInteraction`).
public struct AssociateTask: Hashable, Sendable, Codable {
    public var choices: [RichText]
    /// The correct pairs, indices into `choices`.
    public var pairs: [UnorderedPair]

    public init(choices: [RichText], pairs: [UnorderedPair]) {
        self.choices = choices
        self.pairs = pairs
    }
}

/// A number chosen on a scale (QTI `sliderInteraction`). Bounded like every numeric answer
/// (`NumberBounds`); `step` is above 0 and `correct` lies within the range.
public struct SliderTask: Hashable, Sendable, Codable {
    public var lower: Double
    public var upper: Double
    public var step: Double
    public var correct: Double

    public init(lower: Double, upper: Double, step: Double, correct: Double) {
        self.lower = lower
        self.upper = upper
        self.step = step
        self.correct = correct
    }
}

/// One or more areas chosen on an image (QTI `hotspotInteraction`).
public struct HotspotTask: Hashable, Sendable, Codable {
    public var image: ItemImage
    public var hotspots: [Hotspot]
    /// Indices of the correct hotspots.
    public var correct: [Int]
    /// How many may be chosen (0: any number; 1: radio buttons).
    public var maxChoices: Int

    public init(image: ItemImage, hotspots: [Hotspot], correct: [Int], maxChoices: Int) {
        self.image = image
        self.hotspots = hotspots
        self.correct = correct
        self.maxChoices = maxChoices
    }
}

/// Points clicked on an image (QTI `selectPointInteraction`); a point is right inside one of `areas`.
/// The areas are the key: pages never show them to students of exam items.
public struct SelectPointTask: Hashable, Sendable, Codable {
    public var image: ItemImage
    public var areas: [ItemArea]
    /// How many points the answer has (at least 1).
    public var points: Int

    public init(image: ItemImage, areas: [ItemArea], points: Int) {
        self.image = image
        self.areas = areas
        self.points = points
    }
}

/// Hotspots to be put in order (QTI `graphicOrderInteraction`).
public struct GraphicOrderTask: Hashable, Sendable, Codable {
    public var image: ItemImage
    public var hotspots: [Hotspot]
    /// Indices of `hotspots` in the correct order; hotspots it leaves out take no position (QTI lets an
    /// order name some of the hotspots only).
    public var order: [Int]

    public init(image: ItemImage, hotspots: [Hotspot], order: [Int]) {
        self.image = image
        self.hotspots = hotspots
        self.order = order
    }
}

/// Something put onto a hotspot of a graphic gap match: a text or a small picture.
public struct GraphicGap: Hashable, Sendable, Codable {
    public var text: String
    public var image: ItemImage?

    public init(text: String, image: ItemImage? = nil) {
        self.text = text
        self.image = image
    }
}

/// Gap texts or images put onto hotspots (QTI `graphicGapMatchInteraction`).
public struct GraphicGapMatchTask: Hashable, Sendable, Codable {
    public var image: ItemImage
    public var hotspots: [Hotspot]
    public var gaps: [GraphicGap]
    /// For each hotspot, the index of the gap that belongs on it, or nil when none does.
    public var placement: [Int?]

    public init(image: ItemImage, hotspots: [Hotspot], gaps: [GraphicGap], placement: [Int?]) {
        self.image = image
        self.hotspots = hotspots
        self.gaps = gaps
        self.placement = placement
    }
}

/// Pairs of hotspots (QTI `graphicAssociateInteraction`).
public struct GraphicAssociateTask: Hashable, Sendable, Codable {
    public var image: ItemImage
    public var hotspots: [Hotspot]
    public var pairs: [UnorderedPair]

    public init(image: ItemImage, hotspots: [Hotspot], pairs: [UnorderedPair]) {
        self.image = image
        self.hotspots = hotspots
        self.pairs = pairs
    }
}

/// One interaction of an item with several: the text that leads to it and what it asks.
public struct ItemPart: Hashable, Sendable, Codable {
    public var lead: RichText
    public var body: ItemBody

    public init(lead: RichText, body: ItemBody) {
        self.lead = lead
        self.body = body
    }
}

/// A poll or Likert item: choices without a right one. Shown, never graded.
public struct SurveyTask: Hashable, Sendable, Codable {
    public var choices: [RichText]
    public var multiple: Bool

    public init(choices: [RichText], multiple: Bool) {
        self.choices = choices
        self.multiple = multiple
    }
}
