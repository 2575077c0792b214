/// Makes heading anchors: readable, stable, unique within one body of text. Chinese text is kept as is
/// (`## 学习目标` → `#学习目标`); spaces and punctuation become `-`.
struct Anchors {
    private var used: [String: Int] = [:]

    mutating func make(for text: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_" {
                if pendingDash && !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        if slug.isEmpty { slug = "section" }
        let count = used[slug, default: 0] + 1
        used[slug] = count
        return count == 1 ? slug : "\(slug)-\(count)"
    }
}
