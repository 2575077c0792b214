/// The three levels of a 1+X vocational skill-level certificate. Each higher level includes the lower.
public enum CertificateLevel: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case elementary = "初级"
    case intermediate = "中级"
    case advanced = "高级"

    /// The ASCII name used in URLs and file names.
    public var slug: String {
        switch self {
        case .elementary: return "elementary"
        case .intermediate: return "intermediate"
        case .advanced: return "advanced"
        }
    }

    public var name: LocalizedText {
        switch self {
        case .elementary: return LocalizedText(zh: "初级", en: "Elementary")
        case .intermediate: return LocalizedText(zh: "中级", en: "Intermediate")
        case .advanced: return LocalizedText(zh: "高级", en: "Advanced")
        }
    }

    private var rank: Int {
        switch self {
        case .elementary: return 1
        case .intermediate: return 2
        case .advanced: return 3
        }
    }

    public static func < (lhs: CertificateLevel, rhs: CertificateLevel) -> Bool { lhs.rank < rhs.rank }

    // By case, not by raw value: the raw values are Chinese, and hashing a non-ASCII string normalises it
    // first. Every competency id holds a level, and ids key the program's indexes.
    public static func == (lhs: CertificateLevel, rhs: CertificateLevel) -> Bool { lhs.rank == rhs.rank }
    public func hash(into hasher: inout Hasher) { hasher.combine(rank) }
}
