import CoursemapModel

/// Where one language's pages live: the site's default language at the root, the other under its own
/// folder (`en/`, or `zh/` when English is the default). Assets and content files live once, at the root.
struct LanguageLayout: Sendable {
    let language: Language
    /// The folder of this language's pages (`""` or `"en/"`).
    let prefix: String
    /// From this language's root to the site root.
    let shared: String
    /// From this language's root to the other language's root.
    let otherHref: String

    var other: Language { language == .zh ? .en : .zh }

    static func primary(_ language: Language) -> LanguageLayout {
        let other = language == .zh ? Language.en : .zh
        return LanguageLayout(language: language, prefix: "", shared: "", otherHref: other.folder + "/")
    }

    static func secondary(_ defaultLanguage: Language) -> LanguageLayout {
        let other = defaultLanguage == .zh ? Language.en : .zh
        return LanguageLayout(language: other, prefix: other.folder + "/", shared: "../", otherHref: "../")
    }
}

extension Language {
    /// The folder of the secondary language's pages.
    var folder: String { self == .zh ? "zh" : "en" }

    /// The label of the switch that leads to this language, in that language.
    var switchLabel: String { self == .zh ? "中文" : "English" }
}
