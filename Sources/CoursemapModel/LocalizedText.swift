/// A human-readable text in Chinese (always present) and optionally English.
public struct LocalizedText: Hashable, Sendable, Codable {
    public var zh: String
    public var en: String?

    public init(zh: String, en: String? = nil) {
        self.zh = zh
        self.en = en
    }

    /// The text in `language`, falling back to Chinese when there is no English.
    public func text(in language: Language) -> String {
        switch language {
        case .zh: return zh
        case .en: return en ?? zh
        }
    }
}

/// The two languages of the portal.
public enum Language: String, Hashable, Sendable, Codable, CaseIterable {
    case zh = "zh-CN"
    case en = "en"
}
