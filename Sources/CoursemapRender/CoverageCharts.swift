import CoursemapModel
import Foundation

/// Inline SVG charts of the coverage report: they need no script and print as they show.
enum CoverageCharts {
    /// One stacked bar per work area: covered, partial, gap, with counts.
    static func areaBars(_ areas: [AreaSummary], label: (AreaSummary) -> String, ui: UIText) -> String {
        let rowHeight = 30, labelWidth = 300, barWidth = 420, width = labelWidth + barWidth + 10
        let height = areas.count * rowHeight + 10
        var svg = "<svg class=\"chart area-bars\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" aria-labelledby=\"cm-area-bars-title\">"
        svg += "<title id=\"cm-area-bars-title\">\(esc(ui.workAreas)) · \(esc(ui.coverage))</title>"
        for (index, area) in areas.enumerated() {
            let y = index * rowHeight + 5
            svg += "<text x=\"0\" y=\"\(y + 18)\" class=\"chart-label\">\(esc(String(label(area).prefix(22))))</text>"
            var x = Double(labelWidth)
            let total = max(area.total, 1)
            for (count, status, name) in [(area.covered, "covered", ui.statusCovered), (area.partial, "partial", ui.statusPartial), (area.gap, "gap", ui.statusGap)] where count > 0 {
                let w = Double(barWidth) * Double(count) / Double(total)
                svg += "<rect x=\"\(fmt(x))\" y=\"\(y)\" width=\"\(fmt(w))\" height=\"22\" class=\"fill-\(status)\"><title>\(esc(name)) \(count)</title></rect>"
                if w >= 18 { svg += "<text x=\"\(fmt(x + w / 2))\" y=\"\(y + 16)\" text-anchor=\"middle\" class=\"chart-count on-\(status)\">\(count)</text>" }
                x += w
            }
        }
        return svg + "</svg>"
    }

    /// The 课证融通 heatmap: requirements down, courses across; each cell shaded by hours, labelled with
    /// the levels present.
    static func heatmap(codes: [String], courses: [String], cells: [[CourseCell?]], ui: UIText) -> String {
        let cellWidth = 86, cellHeight = 20, labelWidth = 60, headerHeight = 28
        let width = labelWidth + courses.count * cellWidth + 2, height = headerHeight + codes.count * cellHeight + 2
        let maxHours = cells.flatMap { $0.compactMap { $0?.hours } }.max() ?? 1
        // About 220–250 bytes a filled cell, 90 an empty one: room for most of it at once, not by repeated doubling
        // (at 100,000 modules the map is tens of megabytes).
        var svg = ""
        svg.reserveCapacity(256 + courses.count * 140 + codes.count * (80 + courses.count * 240))
        svg += "<svg class=\"chart heatmap\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" aria-labelledby=\"cm-heatmap-title\">"
        svg += "<title id=\"cm-heatmap-title\">\(esc(ui.matrix))</title>"
        for (column, course) in courses.enumerated() {
            svg += "<text x=\"\(labelWidth + column * cellWidth + cellWidth / 2)\" y=\"18\" text-anchor=\"middle\" class=\"chart-label\">\(esc(String(course.prefix(12))))</text>"
        }
        for (row, code) in codes.enumerated() {
            let y = headerHeight + row * cellHeight
            svg += "<text x=\"0\" y=\"\(y + 14)\" class=\"chart-label code\">\(esc(code))</text>"
            for column in courses.indices {
                let x = labelWidth + column * cellWidth
                guard let cell = cells[row][column] else {
                    svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cellWidth - 2)\" height=\"\(cellHeight - 2)\" class=\"heat-0\"/>"
                    continue
                }
                let level = cell.hours <= 0 ? 1 : min(4, 1 + (NumberText.rounded((cell.hours / maxHours * 3).rounded(.up)) ?? 3))
                let levels = cell.levels.joined()
                svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cellWidth - 2)\" height=\"\(cellHeight - 2)\" class=\"heat-\(level)\"><title>\(esc(code)) · \(esc(courses[column])): \(levels) · \(PageBuilder.hours(cell.hours)) \(esc(ui.hours))</title></rect>"
                svg += "<text x=\"\(x + cellWidth / 2 - 1)\" y=\"\(y + 13)\" text-anchor=\"middle\" class=\"chart-cell heat-text-\(level)\">\(levels)</text>"
            }
        }
        return svg + "</svg>"
    }

    /// `& < > "` as entities (SVG text and attribute values).
    private static func esc(_ text: String) -> String { HTMLEscaping.escape(text, .attribute) }

    private static func fmt(_ value: Double) -> String { String(format: "%.1f", value) }
}
