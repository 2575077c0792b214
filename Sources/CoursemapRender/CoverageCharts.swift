import CoursemapModel
import Foundation

/// Inline SVG charts of the coverage report: they need no script and print as they show. This works out
/// the geometry; the theme's `chart-areas` and `chart-heatmap` templates write the SVG, escaping every text.
enum CoverageCharts {
    /// One stacked bar per work area: covered, partial, gap, with counts.
    static func areaBars(_ areas: [AreaSummary], label: (AreaSummary) -> String, ui: UIText) -> AreaBarsChart {
        let rowHeight = 30, labelWidth = 300, barWidth = 420, width = labelWidth + barWidth + 10
        let height = areas.count * rowHeight + 10
        let rows = areas.enumerated().map { index, area in
            let y = index * rowHeight + 5
            var x = Double(labelWidth)
            let total = max(area.total, 1)
            var segments: [AreaBarsChart.Segment] = []
            for (count, status, name) in [(area.covered, "covered", ui.statusCovered), (area.partial, "partial", ui.statusPartial), (area.gap, "gap", ui.statusGap)] where count > 0 {
                let w = Double(barWidth) * Double(count) / Double(total)
                segments.append(AreaBarsChart.Segment(
                    x: fmt(x), width: fmt(w), status: status, name: name, count: count, labelled: w >= 18, textX: fmt(x + w / 2)))
                x += w
            }
            return AreaBarsChart.Row(y: y, labelY: y + 18, textY: y + 16, label: String(label(area).prefix(22)), segments: segments)
        }
        return AreaBarsChart(width: width, height: height, title: "\(ui.workAreas) · \(ui.coverage)", rows: rows)
    }

    /// The 课证融通 heatmap: requirements down, courses across; each cell shaded by hours, labelled with
    /// the levels present.
    static func heatmap(codes: [String], courses: [String], cells: [[CourseCell?]], ui: UIText) -> HeatmapChart {
        let cellWidth = 86, cellHeight = 20, labelWidth = 60, headerHeight = 28
        let width = labelWidth + courses.count * cellWidth + 2, height = headerHeight + codes.count * cellHeight + 2
        let maxHours = cells.flatMap { $0.compactMap { $0?.hours } }.max() ?? .zero
        let columns = courses.enumerated().map { column, course in
            HeatmapChart.Column(x: labelWidth + column * cellWidth + cellWidth / 2, label: String(course.prefix(12)))
        }
        let rows = codes.enumerated().map { row, code in
            let y = headerHeight + row * cellHeight
            let rowCells = courses.indices.map { column -> HeatmapChart.Cell in
                let x = labelWidth + column * cellWidth
                guard let cell = cells[row][column] else {
                    return HeatmapChart.Cell(x: x, heat: 0, filled: false, title: "", levels: "", textX: x + cellWidth / 2 - 1)
                }
                let level = heat(cell.hours, maximum: maxHours)
                let levels = cell.levels.joined()
                return HeatmapChart.Cell(
                    x: x, heat: level, filled: true, title: "\(code) · \(courses[column]): \(levels) · \(PageBuilder.hours(cell.hours)) \(ui.hours)",
                    levels: levels, textX: x + cellWidth / 2 - 1)
            }
            return HeatmapChart.Row(
                y: y, labelY: y + 14, textY: y + 13, cellWidth: cellWidth - 2, cellHeight: cellHeight - 2, code: code, cells: rowCells)
        }
        return HeatmapChart(
            width: width, height: height, cellWidth: cellWidth - 2, cellHeight: cellHeight - 2, title: ui.matrix, columns: columns, rows: rows)
    }

    /// A cell's shade, 1 (no hours) to 4 (the most hours of the matrix): 1 + ⌈3 · hours ÷ maximum⌉, in
    /// whole numbers. Layout only; the printed hours are the exact amounts.
    static func heat(_ hours: Hundredths, maximum: Hundredths) -> Int {
        guard hours > .zero, maximum > .zero else { return 1 }
        // hours ≤ maximum, so ⌈3 · hours ÷ maximum⌉ is 1, 2 or 3: found by comparing hours with thirds of it.
        let (thrice, overflow) = hours.count.multipliedReportingOverflow(by: 3)
        guard !overflow else { return 4 }
        if thrice <= maximum.count { return 2 }
        if thrice - maximum.count <= maximum.count { return 3 }
        return 4
    }

    private static func fmt(_ value: Double) -> String { String(format: "%.1f", value) }

    /// The heatmap's SVG: the `chart-heatmap` template opens it (size, title, course labels), each row is
    /// rendered by `chart-heatmap-row`, one at a time, and `chart-heatmap-end` closes it, all into one buffer
    /// sized ahead. A report of a large program has hundreds of thousands of cells: row by row, only one
    /// row's template values are in memory, not a tree of them all beside the matrix table's.
    static func svg(_ chart: HeatmapChart, theme: Theme) -> String {
        var bytes: [UInt8] = []
        // About 220–250 bytes a filled cell, 90 an empty one (as the matrix holds them).
        bytes.reserveCapacity(256 + chart.columns.count * 140 + chart.rows.count * (80 + chart.columns.count * 240))
        let frame = HeatmapChart.Frame(width: chart.width, height: chart.height, title: chart.title, columns: chart.columns)
        bytes += theme.renderBytes(frame, template: "chart-heatmap") ?? []
        for row in chart.rows {
            bytes += theme.renderBytes(row, template: "chart-heatmap-row") ?? []
        }
        bytes += theme.renderBytes(frame, template: "chart-heatmap-end") ?? []
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A chart of a page: its data until the page is rendered, then its SVG, made by the theme's templates
/// (`SiteRenderer` fills `svg`). Encodes as the SVG alone, so the page's template values hold no copy of
/// the chart's data.
struct RenderedChart<Chart: Sendable>: Sendable, Encodable {
    private(set) var chart: Chart?
    private(set) var svg = ""

    init(_ chart: Chart) {
        self.chart = chart
    }

    /// Makes the SVG from the chart's data, and lets the data go.
    mutating func render(_ make: (Chart) -> String) {
        guard let chart else { return }
        self.chart = nil
        svg = make(chart)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(svg)
    }
}

/// The work-area bar chart, for the `chart-areas` template.
struct AreaBarsChart: Sendable, Encodable {
    let width: Int
    let height: Int
    let title: String
    let rows: [Row]

    struct Row: Sendable, Encodable {
        let y: Int
        let labelY: Int
        let textY: Int
        let label: String
        let segments: [Segment]
    }

    struct Segment: Sendable, Encodable {
        let x: String
        let width: String
        let status: String
        let name: String
        let count: Int
        /// Wide enough to show its count.
        let labelled: Bool
        let textX: String
    }
}

/// The requirement × course heatmap, for the `chart-heatmap` template.
struct HeatmapChart: Sendable, Encodable {
    let width: Int
    let height: Int
    let cellWidth: Int
    let cellHeight: Int
    let title: String
    let columns: [Column]
    let rows: [Row]

    struct Column: Sendable, Encodable {
        let x: Int
        let label: String
    }

    struct Row: Sendable, Encodable {
        let y: Int
        let labelY: Int
        let textY: Int
        let cellWidth: Int
        let cellHeight: Int
        let code: String
        let cells: [Cell]
    }

    /// What the `chart-heatmap` and `chart-heatmap-end` templates write around the rows.
    struct Frame: Sendable, Encodable {
        let width: Int
        let height: Int
        let title: String
        let columns: [Column]
    }

    struct Cell: Sendable, Encodable {
        let x: Int
        let heat: Int
        /// False for a course that does not touch the requirement: a bare cell, no tooltip.
        let filled: Bool
        let title: String
        let levels: String
        let textX: Int
    }
}
