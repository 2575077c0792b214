import CoursemapModel

/// Builds the typed context of every page from the resolved program and its coverage. Pure: no templates,
/// no I/O.
final class PageBuilder: Sendable {
    let program: Program
    let reports: [FrameworkScope: CoverageReport]
    let rows: [CompetencyID: CoverageRow]
    let language: Language
    let ui: UIText
    let edition: Edition
    let layout: LanguageLayout
    /// The icon every page names.
    let favicon: Favicon
    /// The label of footnote back-links in bodies, in the language bodies are written in.
    let footnoteBackLabel: String
    /// Where the reports come from, printed on each coverage report; `nil` when unknown.
    let provenance: Provenance?
    /// Asked while a page that sums up the whole program is made: once it says yes, the page is given up,
    /// so its context may be left incomplete (`serve` pauses a catch-up for a new edit).
    let stop: @Sendable () -> Bool
    /// Renders the image of an imported item's file (template `item-asset`); `nil` leaves the placeholder,
    /// which shows nothing.
    let assetHTML: (@Sendable (ItemAssetView) -> String?)?
    /// What every mention of a competency shows, made once: its page, written reference and statement.
    private let competencyLabels: [CompetencyID: CompetencyLabel]
    private struct CompetencyLabel {
        let path: String
        let reference: String
        let code: String
        let statement: String
        let statementLang: String?
    }
    /// The main navigation variants made so far (see `navigation(root:section:)`).
    private let navigations = Locked<[NavigationKey: PreEncoded<[NavLink]>]>([:])
    private struct NavigationKey: Hashable {
        let root: String
        let section: String?
    }
    /// From a language subtree's root to the site root, where assets and files live once for both languages.
    var shared: String { layout.shared }

    init(
        program: Program, coverage: [CoverageReport], edition: Edition = .student, layout: LanguageLayout? = nil, strings: [Language: UIText],
        provenance: Provenance? = nil, stop: @escaping @Sendable () -> Bool = { false },
        assetHTML: (@Sendable (ItemAssetView) -> String?)? = nil, favicon: Favicon = .builtIn
    ) {
        self.favicon = favicon
        self.assetHTML = assetHTML
        self.provenance = provenance
        self.edition = edition
        self.stop = stop
        self.program = program
        self.reports = Dictionary(coverage.map { ($0.scope, $0) }, uniquingKeysWith: { first, _ in first })
        self.rows = Dictionary(coverage.flatMap(\.rows).map { ($0.competency, $0) }, uniquingKeysWith: { first, _ in first })
        self.layout = layout ?? LanguageLayout.primary(program.config.language)
        self.language = self.layout.language
        self.ui = strings[self.layout.language]!
        footnoteBackLabel = (strings[program.config.language] ?? ui).footnoteBackLink
        let language = self.language
        competencyLabels = program.competencies.mapValues { competency in
            CompetencyLabel(
                path: SitePaths.competency(competency.id), reference: competency.id.description, code: competency.id.code,
                statement: competency.statement.text(in: language),
                statementLang: language == .en && competency.statement.en == nil ? Language.zh.rawValue : nil)
        }
    }

    // MARK: Text helpers

    func text(_ localized: LocalizedText) -> BiText {
        switch language {
        case .zh: return BiText(primary: localized.zh, secondary: localized.en, secondaryLang: Language.en.rawValue)
        case .en:
            return BiText(
                primary: localized.en ?? localized.zh, primaryLang: lang(of: localized), secondary: localized.en == nil ? nil : localized.zh,
                secondaryLang: Language.zh.rawValue)
        }
    }

    func plain(_ localized: LocalizedText) -> String { localized.text(in: language) }

    /// The `lang` of `plain(localized)` when it is not the page's language: Chinese shown on an English page
    /// because the content has no English. `nil` when the text is in the page's language.
    func lang(of localized: LocalizedText?) -> String? {
        guard let localized, language == .en, localized.en == nil else { return nil }
        return Language.zh.rawValue
    }

    /// The language bodies, transcripts and documents are written in: the site's `language`. On pages in
    /// the other language a body carries it as its `lang`, with a notice leading to `page` in that language.
    func bodyLanguage(of page: String) -> BodyLanguage? {
        let written = program.config.language
        guard written != language else { return nil }
        return BodyLanguage(lang: written.rawValue, href: SitePaths.root(from: page) + layout.otherHref + page)
    }

    /// A body's HTML as a page shows it: footnote back-links labelled in the body's language.
    func bodyHTML(_ html: String) -> String { FootnoteBackLinks.labelled(html, label: footnoteBackLabel) }

    /// The `lang` of text taken from a body (its headings) on this page; `nil` in the body's own language.
    var bodyTextLang: String? { program.config.language == language ? nil : program.config.language.rawValue }

    /// An exact report amount (学时, minutes, points): up to two decimals, trailing zeros dropped.
    static func hours(_ value: Hundredths) -> String { value.text }

    /// A content number (course hours, credits, a module's hours, a score) as the content gives it, to 0.01:
    /// read through its shortest text, never through a binary rounding.
    static func amount(_ value: Double) -> String { Hundredths(value)?.text ?? NumberText.plain(value) }

    // MARK: Chrome

    /// The frame of `page`. Links are relative to the page, except with `siteRoot` (the 404 page, which a
    /// server shows at any depth): then they start from that root-relative path of the site (`/cbec/`).
    /// `searchTitle`: what search results call the page when that is not `title` (a requirement is titled
    /// by its id but found by its statement). `frameHost`: the one host a lecture page frames.
    func chrome(
        page: String, title: String, crumbs: [(String?, String)], section: String?, siteRoot: String? = nil, searchTitle: String? = nil,
        frameHost: String? = nil
    ) -> Chrome {
        // From this page to its language's root, and to the site root where assets and files live.
        let root = siteRoot.map { $0 + layout.prefix } ?? SitePaths.root(from: page)
        let assets = siteRoot ?? root + shared
        let otherRoot = siteRoot.map { $0 + (layout.prefix.isEmpty ? layout.otherHref : "") } ?? root + layout.otherHref
        var breadcrumbs = [Crumb(href: root + SitePaths.home, text: ui.home)]
        breadcrumbs += crumbs.map { Crumb(href: $0.0.map { root + $0 }, text: $0.1) }
        let siteTitle = plain(program.config.title)
        let kind = searchKind(of: page)
        return Chrome(
            lang: language.rawValue, root: root, siteTitle: edition == .teacher ? "\(siteTitle) · \(ui.teacherEdition)" : siteTitle,
            pageTitle: page == SitePaths.home ? siteTitle : "\(title) · \(siteTitle)",
            stylesheet: assets + SitePaths.stylesheet, script: assets + SitePaths.selfCheckScript,
            interactionsScript: assets + SitePaths.interactionsScript,
            mediaScript: assets + SitePaths.mediaScript, frameHost: frameHost,
            favicon: assets + SitePaths.asset(favicon.path), faviconType: favicon.type,
            canonical: siteRoot == nil ? program.config.baseURL.map { $0 + SitePaths.encoded(layout.prefix + page) } : nil,
            switchHref: otherRoot + page, switchLabel: layout.other.switchLabel, switchLang: layout.other.rawValue,
            searchHref: root + SitePaths.search, searchKind: kind, searchCourse: kind == nil ? nil : searchCourse(of: page),
            searchTitle: kind == nil ? nil : searchTitle ?? title,
            searchCharacters: kind == nil ? nil : Self.searchCharacters(of: searchTitle ?? title),
            searchTrail: kind == nil || crumbs.count < 2 ? nil : crumbs.dropLast().map(\.1).joined(separator: " › "),
            searchCurrent: page == SitePaths.search,
            homeHref: root + SitePaths.home, nav: navigation(root: root, section: section),
            breadcrumbs: page == SitePaths.home ? [] : breadcrumbs, ui: ui)
    }

    /// The main navigation for pages `root` below the site root in `section`. Every page has it, and it
    /// varies only with those two, so each variant is built and encoded once.
    func navigation(root: String, section: String?) -> PreEncoded<[NavLink]> {
        let key = NavigationKey(root: root, section: section)
        if let made = navigations.withLock({ $0[key] }) { return made }
        let made = PreEncoded(navigationLinks(root: root, section: section))
        navigations.withLock { $0[key] = made }
        return made
    }

    private func navigationLinks(root: String, section: String?) -> [NavLink] {
        var nav = [NavLink(href: root + SitePaths.home, text: ui.home, current: section == nil)]
        if !program.frameworks.isEmpty {
            nav.append(NavLink(href: root + SitePaths.frameworks, text: ui.frameworks, current: section == "frameworks"))
        }
        if !program.courses.isEmpty {
            nav.append(NavLink(href: root + SitePaths.courses, text: ui.courses, current: section == "courses"))
        }
        if !program.lectures.isEmpty || !program.resources.isEmpty {
            nav.append(NavLink(href: root + SitePaths.library, text: ui.library, current: section == "library"))
        }
        if !program.banks.isEmpty {
            nav.append(NavLink(href: root + SitePaths.banks, text: ui.banks, current: section == "banks"))
        }
        if !program.reportScopes.isEmpty {
            nav.append(NavLink(href: root + SitePaths.coverageIndex, text: ui.coverage, current: section == "coverage"))
        }
        return nav
    }

    /// What the search filters call a page, from its place in the site; `nil` for pages not to index.
    func searchKind(of page: String) -> String? {
        let parts = page.split(separator: "/")
        switch (parts.first, parts.count) {
        case ("index.html", 1): return ui.home
        case ("courses", 3) where parts[2] == "index.html": return ui.course
        case ("courses", 3): return ui.module
        case ("lectures", 2): return plain(ResourceKind.lecture.name)
        case ("resources", 2) where parts[1] != "index.html":
            return program.resource(String(parts[1].dropLast(5))).map { plain($0.kind.name) } ?? ui.library
        case ("banks", 3) where parts[2] == "index.html": return ui.banks
        case ("banks", 3): return ui.items
        case ("frameworks", _) where parts.count > 2: return ui.requirements
        case ("frameworks", 3): return ui.frameworks
        case ("frameworks", 2) where parts[1] != "index.html": return ui.frameworks
        case ("coverage", _) where page != SitePaths.coverageIndex: return ui.coverage
        default: return nil
        }
    }

    /// The Chinese characters of a page title, once each in order of first use, separated by spaces: for
    /// the search index. Pagefind segments Chinese text into words when it indexes (the extended build's
    /// dictionary), but the browser segments a query with its own dictionary (`Intl.Segmenter`), which often
    /// splits a word into single characters (子账号 → 子|账|号); a character that is not the start of an
    /// indexed word then matches nothing. Indexed one by one, the title's characters let such a query find
    /// the page; `nil` when the title has none.
    static func searchCharacters(of title: String) -> String? {
        var seen: Set<Character> = []
        let characters = title.filter { character in
            character.unicodeScalars.count == 1 && character.unicodeScalars.first!.properties.isIdeographic && seen.insert(character).inserted
        }
        return characters.isEmpty ? nil : characters.map(String.init).joined(separator: " ")
    }

    /// The course a page belongs to, for the search's course filter.
    func searchCourse(of page: String) -> String? {
        let parts = page.split(separator: "/").map(String.init)
        switch parts.first {
        case "courses" where parts.count == 3: return program.course(parts[1]).map { plain($0.title) }
        case "lectures": return program.lecture(String(parts.last!.dropLast(5)))?.courseID.flatMap(program.course).map { plain($0.title) }
        case "banks" where parts.count == 3: return program.bank(parts[1])?.courseID.flatMap(program.course).map { plain($0.title) }
        case "resources" where parts.count == 2: return program.resource(String(parts[1].dropLast(5)))?.courseID.flatMap(program.course).map { plain($0.title) }
        default: return nil
        }
    }

    // MARK: Shared items

    func scopeName(_ scope: FrameworkScope) -> String {
        guard let framework = program.framework(scope.framework) else { return scope.description }
        let title = plain(framework.title)
        guard let level = scope.level else { return title }
        return "\(title) · \(plain(level.name))"
    }

    func summary(_ scope: FrameworkScope) -> ScopeSummary {
        let report = reports[scope]
        let total = program.framework(scope.framework)?.competencies(in: scope).count ?? 0
        let name = scope.level?.name ?? program.framework(scope.framework)?.title ?? LocalizedText(zh: scope.framework)
        return ScopeSummary(
            name: plain(name), coverageHref: hasReport(scope) ? SitePaths.coverage(scope) : nil, total: total,
            covered: report?.count(.covered) ?? 0, partial: report?.count(.partial) ?? 0, gap: report?.count(.gap) ?? 0,
            nameLang: lang(of: name))
    }

    func status(of id: CompetencyID) -> CoverageStatus { rows[id]?.status ?? .gap }

    /// Whether `scope` has a report page.
    func hasReport(_ scope: FrameworkScope) -> Bool { program.reportScopes.contains(scope) }

    func competencyItem(_ competency: Competency, from page: String, status: CoverageStatus) -> CompetencyItem {
        CompetencyItem(
            href: SitePaths.root(from: page) + SitePaths.competency(competency.id), reference: competency.id.description,
            code: competency.id.code, statement: text(competency.statement), status: status.rawValue,
            statusLabel: plain(status.name), moduleCount: program.mappings[competency.id]?.count ?? 0)
    }

    func moduleTitle(_ moduleID: String, course: String) -> String {
        program.moduleTitle(moduleID, in: course).map(plain) ?? moduleID
    }

    func levelItems(_ claims: [(CompetencyID, MappingLevel)], from page: String) -> [CompetencyLevelItem] {
        let root = SitePaths.root(from: page)
        return claims.compactMap { id, level in
            guard let label = competencyLabels[id] else { return nil }
            return CompetencyLevelItem(
                href: root + label.path, reference: label.reference, code: label.code, statement: label.statement, level: level.rawValue,
                levelName: plain(level.name), statementLang: label.statementLang)
        }
    }

    func frameworkCard(_ framework: Framework, from page: String) -> FrameworkCard {
        let root = SitePaths.root(from: page)
        return FrameworkCard(
            href: root + SitePaths.framework(framework.id), title: text(framework.title), illustrative: framework.illustrative,
            isCertificate: framework.kind == .certificate,
            scopes: framework.scopes.map { scope in
                let summary = summary(scope)
                return ScopeSummary(
                    name: summary.name, coverageHref: summary.coverageHref.map { root + $0 }, total: summary.total,
                    covered: summary.covered, partial: summary.partial, gap: summary.gap, nameLang: summary.nameLang)
            })
    }

    func courseRows(from page: String) -> [CourseRow] {
        program.courses.map { course in
            CourseRow(
                href: SitePaths.root(from: page) + SitePaths.course(course.id), code: course.code, title: text(course.title),
                credits: Self.amount(course.credits), hours: Self.amount(course.hours.total), semester: course.semester,
                type: plain(course.type.name), moduleCount: program.modules(of: course.id).count)
        }
    }

    /// The items that assess a competency, linked, with their bank, type and usage.
    func assessedItems(_ id: CompetencyID, from page: String) -> [AssessedItem] {
        let root = SitePaths.root(from: page)
        return (program.assessments[id] ?? []).compactMap { mapping in
            guard let (bank, item, _) = program.item(mapping.itemID, inBank: mapping.bankID) else { return nil }
            let label = item.title.map(plain) ?? "\(plain(bank.title)) · \(item.id)"
            return AssessedItem(
                href: root + SitePaths.item(item.id, bank: bank.id), label: label,
                detail: "\(plain(item.kind.name)) · \(item.usage == .exam ? ui.exam : ui.practice)",
                labelLang: item.title.map { lang(of: $0) } ?? lang(of: bank.title))
        }
    }

    func integrations(of course: Course, from page: String) -> [IntegrationItem] {
        course.integrations.map { integration in
            IntegrationItem(
                href: SitePaths.root(from: page) + SitePaths.framework(integration.scope.framework),
                title: scopeName(integration.scope), mode: plain(integration.mode.name))
        }
    }
}

