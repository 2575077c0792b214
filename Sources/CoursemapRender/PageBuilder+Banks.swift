import CoursemapModel
import Foundation

/// Pages of exercise banks and items.
extension PageBuilder {
    func banksIndex() -> BankIndexPage {
        let page = SitePaths.banks
        let root = SitePaths.root(from: page)
        return BankIndexPage(
            chrome: chrome(page: page, title: ui.banks, crumbs: [(nil, ui.banks)], section: "banks"), ui: ui, title: ui.banks,
            banks: program.banks.map { bank in
                let items = bank.items
                return BankRow(
                    href: root + SitePaths.bank(bank.id), title: text(bank.title),
                    course: bank.courseID.flatMap(program.course).map { plain($0.title) }, items: items.count,
                    practice: items.count { $0.usage == .practice && $0.kind != .practical },
                    exam: items.count { $0.usage == .exam && $0.kind != .practical },
                    practical: items.count { $0.kind == .practical }, source: sourceName(bank.source))
            })
    }

    func bankCard(_ bank: ExerciseBank, from page: String) -> BankCard {
        BankCard(
            ui: ui, href: SitePaths.root(from: page) + SitePaths.bank(bank.id), title: text(bank.title),
            description: bank.description.map(text), items: bank.items.count,
            practice: bank.items.count { $0.usage == .practice }, exam: bank.items.count { $0.usage == .exam })
    }

    func bank(_ bank: ExerciseBank) -> BankPage {
        let page = SitePaths.bank(bank.id)
        let root = SitePaths.root(from: page)
        var number = 0
        let sections = bank.sections.enumerated().map { index, section in
            SectionView(
                sectionTitle: section.title.map(text), anchor: "section-\(index + 1)",
                items: section.items.map { item in
                    number += 1
                    return itemView(item, bank: bank, number: number, from: page)
                })
        }
        let items = bank.items
        let graded = items.filter { $0.usage == .practice && answerKey($0, bank: bank.id) != nil }
        return BankPage(
            chrome: chrome(page: page, title: plain(bank.title), crumbs: [(SitePaths.banks, ui.banks), (nil, plain(bank.title))], section: "banks"),
            ui: ui, title: text(bank.title), description: bank.description.map(text),
            courseHref: bank.courseID.map { root + SitePaths.course($0) },
            courseTitle: bank.courseID.flatMap(program.course).map { plain($0.title) },
            source: sourceName(bank.source), itemCount: items.count,
            answerSheetHref: edition == .teacher ? "answers.html" : nil,
            examNotice: edition == .student && items.contains { $0.usage == .exam },
            bankID: bank.id, hasSelfcheck: !graded.isEmpty, gradedCount: graded.count,
            gradedTotal: Self.hours(graded.map { Hundredths.of($0.score) }.sum()),
            contents: Self.showsContents(bank) ? sections.map { section in
                BankContentsSection(
                    sectionTitle: section.sectionTitle, anchor: section.anchor,
                    items: section.items.map { BankContentsItem(anchor: $0.anchor, number: $0.number, kindName: $0.kindName) })
            } : [],
            sections: sections)
    }

    func item(_ item: ExerciseItem, in bank: ExerciseBank, number: Int) -> ItemPage {
        let page = SitePaths.item(item.id, bank: bank.id)
        let label = item.title.map(plain) ?? "\(plain(bank.title)) · \(number)"
        return ItemPage(
            chrome: chrome(
                page: page, title: label,
                crumbs: [(SitePaths.banks, ui.banks), (SitePaths.bank(bank.id), plain(bank.title)), (nil, "\(number)")],
                section: "banks", searchTitle: item.title.map(plain) ?? "\(plain(item.kind.name)) \(number)"),
            ui: ui, bankHref: "index.html", bankTitle: plain(bank.title),
            item: itemView(item, bank: bank, number: number, from: page))
    }

    func answerSheet(_ bank: ExerciseBank) -> AnswerSheetPage {
        let page = SitePaths.answerSheet(bank.id)
        var number = 0
        let sections = bank.sections.map { section in
            AnswerSection(sectionTitle: section.title.map(plain), rows: section.items.map { item in
                number += 1
                return AnswerRow(
                    number: number, href: "\(item.id).html", kind: plain(item.kind.name),
                    usage: item.usage == .exam ? ui.exam : ui.practice, score: Self.amount(item.score),
                    answer: answerSummary(item, bank: bank.id, from: page) ?? AnswerSummary(text: "—"))
            }, sectionTitleLang: lang(of: section.title), answerLang: bodyTextLang)
        }
        return AnswerSheetPage(
            chrome: chrome(
                page: page, title: "\(ui.answerSheet) · \(plain(bank.title))",
                crumbs: [(SitePaths.banks, ui.banks), (SitePaths.bank(bank.id), plain(bank.title)), (nil, ui.answerSheet)],
                section: "banks"),
            ui: ui, title: "\(ui.answerSheet) · \(plain(bank.title))", bankHref: "index.html", sections: sections,
            totalScore: Self.hours(bank.items.map { Hundredths.of($0.score) }.sum()))
    }

    /// The format a bank was imported from ("Moodle XML"); templates put "导入自" / "Imported from" before it.
    private func sourceName(_ source: ExerciseBank.Source) -> String? {
        switch source {
        case .coursemap: return nil
        case .moodle: return "Moodle XML"
        case .qti: return "QTI 2.1"
        }
    }

    /// Whether a bank page gets a section menu: banks with more than one section or more than ten items.
    static func showsContents(_ bank: ExerciseBank) -> Bool {
        bank.sections.count > 1 || bank.items.count > 10
    }

    // MARK: Items

    /// Whether this edition may show the answer of `item`.
    func revealsAnswer(_ item: ExerciseItem) -> Bool { edition == .teacher || item.usage == .practice }

    func itemView(_ item: ExerciseItem, bank: ExerciseBank, number: Int, from page: String) -> ItemView {
        let root = SitePaths.root(from: page)
        // Images of an imported item, as this page links to them (only what is shown is filled: the display
        // orders below are seeded by the HTML as the model holds it).
        let fill = { (html: String) in self.withAssets(html, of: item, from: page) }
        let reveal = revealsAnswer(item)
        let seed = Self.orderSeed(item, bank: bank.id)
        // Correct choices are marked in the list only in the teacher edition; students find the answer in
        // the disclosure (practice) or not at all (exam).
        let mark = edition == .teacher
        // "/" cannot occur in a bank or item id, so no two items share a name (bank "a", item "b--c" and bank
        // "a--b", item "c" did with "--"): radio buttons of two items embedded in one page never form one group.
        let inputName = "\(bank.id)/\(item.id)"
        var choices: [ChoiceView] = []
        var blanks: [BlankView] = []
        var matchRows: [MatchRowView] = []
        var matchOptions: [MatchOption] = []
        var orderSteps: [OrderStepView] = []
        var practical: PracticalView?
        var parts: [PartView] = []
        switch item.body {
        case let .singleChoice(list), let .multipleChoice(list):
            let type = item.kind == .singleChoice ? "radio" : "checkbox"
            choices = Self.displayedChoices(item, list, bank: bank.id).map { choice, label in
                ChoiceView(
                    label: label, value: label, html: fill(Self.phrasing(choice.text.html)), inputType: type, correct: mark && choice.correct,
                    choiceFeedback: reveal ? choice.feedback.map { fill($0.html) } : nil)
            }
        case let .trueFalse(answer):
            choices = [
                ChoiceView(label: ui.trueLabel, value: "true", html: HTMLEscaping.escape(ui.trueLabel, .text), inputType: "radio", correct: mark && answer, choiceFeedback: nil),
                ChoiceView(label: ui.falseLabel, value: "false", html: HTMLEscaping.escape(ui.falseLabel, .text), inputType: "radio", correct: mark && !answer, choiceFeedback: nil),
            ]
        case let .fillBlank(list):
            blanks = list.enumerated().map { index, blank in
                BlankView(number: index + 1, hasOptions: !blank.options.isEmpty, options: DisplayOrder.arranged(blank.options, usage: item.usage, seed: "\(seed)#\(index)"))
            }
        case .numerical:
            blanks = [BlankView(number: 1, hasOptions: false, options: [])]
        case let .matching(pairs, distractors):
            let targets = Self.matchTargets(pairs, distractors: distractors)
            let order = DisplayOrder.permutation(of: targets.map(\.html), usage: item.usage, seed: seed)
            matchOptions = order.enumerated().map { position, original in MatchOption(value: position + 1, html: fill(targets[original].html)) }
            matchRows = pairs.enumerated().map { index, pair in
                MatchRowView(index: index + 1, left: fill(pair.left.html), options: Array(1...max(1, targets.count)))
            }
        case let .ordering(steps):
            let order = DisplayOrder.permutation(of: steps.map(\.html), usage: item.usage, seed: seed)
            orderSteps = order.enumerated().map { position, original in
                OrderStepView(value: position + 1, html: fill(steps[original].html), positions: Array(1...steps.count))
            }
        case let .practical(task):
            practical = PracticalView(
                scenario: task.scenario.html, steps: task.steps.map(\.html),
                datasets: task.datasets.map { dataset in
                    DatasetView(
                        href: root + shared + SitePaths.downloadURL(dataset.path), title: plain(dataset.title),
                        fileName: String(dataset.path.split(separator: "/").last ?? ""), titleLang: lang(of: dataset.title))
                },
                deliverable: task.deliverable.html,
                rubric: task.rubric.map { criterion in
                    RubricRow(
                        criterion: criterion.name.html,
                        levels: criterion.levels.map { RubricCell(points: Self.amount($0.points), description: $0.description.html) },
                        maxPoints: Self.amount(criterion.maxPoints))
                },
                levelCount: task.rubric.map(\.levels.count).max() ?? 1, maxPoints: Self.hours(task.rubric.map { Hundredths.of($0.maxPoints) }.sum()))
        case let .survey(task):
            choices = task.choices.enumerated().map { index, text in
                let label = Self.positionLabel(index)
                return ChoiceView(label: label, value: label, html: fill(Self.phrasing(text.html)), inputType: task.multiple ? "checkbox" : "radio", correct: false, choiceFeedback: nil)
            }
        case let .composite(list):
            parts = list.enumerated().map { index, part in
                PartView(partNumber: index + 1, lead: part.lead.html, view: itemView(partItem(item, part, index), bank: bank, number: index + 1, from: page))
            }
        case .shortAnswer, .description, .hottext, .associate, .slider, .hotspot, .selectPoint, .graphicOrder, .graphicGapMatch,
            .graphicAssociate, .upload, .drawing:
            break
        }
        let summary = reveal ? answerSummary(item, bank: bank.id, from: page) : nil
        let explanation = reveal ? item.explanation.map { fill($0.html) } : nil
        let key = item.usage == .practice ? answerKey(item, bank: bank.id) : nil
        return ItemView(
            id: item.id, anchor: "item-\(item.id)", href: root + SitePaths.item(item.id, bank: bank.id), number: number,
            bank: bank.id, scoreValue: key != nil ? Self.amount(item.score) : nil,
            feedback: reveal ? feedbackViews(item.feedback, fill: fill) : [], feedbackHidden: edition == .student,
            inputName: inputName, kind: item.kind.rawValue, kindName: plain(item.kind.name), usage: item.usage.rawValue,
            usageLabel: item.usage == .exam ? ui.exam : ui.practice, itemDifficulty: item.difficulty.map { plain($0.name) },
            score: Self.amount(item.score), itemTitle: item.title.map(plain), stem: fill(item.stem.html),
            isChoice: item.kind == .singleChoice || item.kind == .multipleChoice || item.kind == .trueFalse || item.kind == .survey,
            isTrueFalse: item.kind == .trueFalse, isFill: item.kind == .fillBlank || item.kind == .numerical,
            isNumerical: item.kind == .numerical, isMatching: item.kind == .matching, isOrdering: item.kind == .ordering,
            isShort: item.kind == .shortAnswer, isPractical: item.kind == .practical, choices: choices, blanks: blanks,
            matchRows: matchRows, matchOptions: matchOptions, orderSteps: orderSteps, practical: practical,
            interaction: interactionView(item, root: root), isSurvey: item.kind == .survey, parts: parts,
            answer: (summary != nil || explanation != nil)
                ? AnswerView(hasSummary: summary != nil, summary: summary ?? AnswerSummary(), explanation: explanation) : nil,
            answerKey: key,
            competencies: item.assesses.compactMap { claim in
                guard let competency = program.competencies[claim.competency] else { return nil }
                return AssessedItem(
                    href: root + SitePaths.competency(claim.competency), label: claim.competency.code,
                    detail: plain(competency.statement), reference: claim.competency.description, detailLang: lang(of: competency.statement))
            },
            itemLang: bodyTextLang, itemTitleLang: lang(of: item.title))
    }

    /// The answer in words, as answer keys and the revealed answer show it (the `answer-summary` template
    /// writes it); `nil` for items with nothing to reveal.
    func answerSummary(_ item: ExerciseItem, bank: String, from page: String) -> AnswerSummary? {
        let fill = { (html: String) in self.withAssets(html, of: item, from: page) }
        switch item.body {
        case let .singleChoice(choices), let .multipleChoice(choices):
            return AnswerSummary(text: Self.displayedChoices(item, choices, bank: bank).filter(\.choice.correct).map(\.label).joined(separator: ui.listSeparator))
        case let .trueFalse(answer):
            return AnswerSummary(text: answer ? ui.trueLabel : ui.falseLabel)
        case let .fillBlank(blanks):
            return AnswerSummary(text: blanks.enumerated().map { index, blank in
                "\(ui.blank) \(index + 1)\(ui.labelColon)" + blank.accepted.joined(separator: " / ")
            }.joined(separator: ui.groupSeparator))
        case let .numerical(answers):
            return AnswerSummary(text: answers.filter { $0.fraction >= 100 }.map { answer in
                Self.decimal(answer.value) + (answer.tolerance > 0 ? "\(ui.parenOpen)\(ui.tolerance) ±\(Self.decimal(answer.tolerance))\(ui.parenClose)" : "")
            }.joined(separator: " / "))
        case let .shortAnswer(written, points):
            // An essay without grader information (an empty or blank reference) has no answer line at all.
            let reference = written.flatMap { Self.isBlank($0.html) ? nil : $0 }
            guard reference != nil || !points.isEmpty else { return nil }
            return AnswerSummary(
                html: fill(reference?.html ?? ""),
                points: points.map { point in
                    AnswerSummary.Point(html: fill(point.text.html), score: point.score.map { "\(Self.amount($0)) \(ui.points)" } ?? "")
                })
        case let .matching(pairs, _):
            return AnswerSummary(pairs: pairs.map { AnswerSummary.Pair(left: fill($0.left.html), right: fill($0.right.html)) })
        case let .ordering(steps):
            return AnswerSummary(steps: steps.map { fill($0.html) })
        case .practical, .description, .survey:
            return nil
        default:
            return interactionSummary(item, bank: bank, from: page)
        }
    }

    /// The JSON the self-check script compares answers with. Only ever built for practice items.
    func answerKey(_ item: ExerciseItem, bank: String) -> String? {
        guard let key = answerKeyValue(item, bank: bank) else { return nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(key)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The self-check key of `item`, or nil when it has none (ungraded kinds, and an item of several parts
    /// none of which is graded).
    func answerKeyValue(_ item: ExerciseItem, bank: String) -> AnswerKey? {
        let key: AnswerKey
        let seed = Self.orderSeed(item, bank: bank)
        switch item.body {
        case let .singleChoice(choices), let .multipleChoice(choices):
            key = AnswerKey(type: "choice", correct: Self.displayedChoices(item, choices, bank: bank).filter(\.choice.correct).map(\.label))
        case let .trueFalse(answer):
            key = AnswerKey(type: "choice", correct: [answer ? "true" : "false"])
        case let .fillBlank(blanks):
            key = AnswerKey(type: "fill", blanks: blanks.map { AnswerKey.BlankKey(accepted: $0.accepted, caseSensitive: $0.caseSensitive, wildcard: $0.wildcard ? true : nil) })
        case let .numerical(answers):
            key = AnswerKey(type: "numeric", numbers: answers.filter { $0.fraction >= 100 }.map { AnswerKey.NumberKey(value: $0.value, tolerance: $0.tolerance) })
        case let .matching(pairs, distractors):
            let targets = Self.matchTargets(pairs, distractors: distractors)
            let order = DisplayOrder.permutation(of: targets.map(\.html), usage: item.usage, seed: seed)
            // For each left item (in authored order), the displayed position of its target; left items that
            // share a right-hand side share its position.
            key = AnswerKey(type: "positions", positions: pairs.map { pair in
                let target = targets.firstIndex { $0.html == pair.right.html } ?? 0
                return (order.firstIndex(of: target) ?? 0) + 1
            }, groups: Self.sameTextGroups(pairs.map(\.left.html)))
        case let .ordering(steps):
            let order = DisplayOrder.permutation(of: steps.map(\.html), usage: item.usage, seed: seed)
            // For each displayed step, its position in the correct order.
            key = AnswerKey(type: "positions", positions: order.map { $0 + 1 }, groups: Self.sameTextGroups(order.map { steps[$0].html }))
        case .shortAnswer, .practical, .description, .survey, .upload, .drawing:
            return nil
        case let .composite(list):
            let keys = list.enumerated().compactMap { index, part in
                answerKeyValue(partItem(item, part, index), bank: bank).map { AnswerKey.PartKey(part: index + 1, key: $0) }
            }
            guard !keys.isEmpty else { return nil }
            key = AnswerKey(type: "parts", parts: keys)
        default:
            guard let own = interactionKey(item) else { return nil }
            key = own
        }
        return key
    }

    /// For rows that show the same text (two identical ordering steps or matching left items), a group number
    /// per row (the index of the first row with that text), so the self-check lets such rows take each
    /// other's positions: a student cannot tell them apart. `nil` when every row's text differs.
    static func sameTextGroups(_ texts: [String]) -> [Int]? {
        let groups = texts.map { text in texts.firstIndex(of: text) ?? 0 }
        return groups == Array(texts.indices) ? nil : groups
    }

    /// The choices of a choice item in display order, each with the label shown. Choices keep their written
    /// order and labels, except in items whose source shuffles choices (`shuffleChoices`, Moodle
    /// `shuffleanswers`, QTI `shuffle="true"`): exam items then show a key-free order (`DisplayOrder`: teachers
    /// of such tools often write the right answer first), practice items an order seeded by the bank and item
    /// ids (`Shuffle`), both labelled A, B, C … by position, in both editions alike. Choices the source fixes
    /// keep their position.
    static func displayedChoices(_ item: ExerciseItem, _ choices: [Choice], bank: String) -> [(choice: Choice, label: String)] {
        guard item.shuffleChoices else { return choices.map { ($0, $0.label) } }
        // Fixed choices (QTI `fixed="true"`) keep their positions; the others fill the remaining positions.
        let fixed = Set(item.fixedChoices.filter { choices.indices.contains($0) })
        let movable = choices.indices.filter { !fixed.contains($0) }
        let permutation = item.usage == .exam
            ? DisplayOrder.permutation(of: movable.map { choices[$0].text.html }, usage: .exam, seed: item.id)
            : Shuffle.permutation(movable.count, seed: orderSeed(item, bank: bank))
        let arranged = permutation.map { movable[$0] }
        var next = arranged.makeIterator()
        let order = choices.indices.map { fixed.contains($0) ? $0 : next.next() ?? $0 }
        return order.enumerated().map { position, index in (choices[index], positionLabel(position)) }
    }

    /// A, B, … Z, then A2, B2, … (as the importers label choices).
    static func positionLabel(_ index: Int) -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let letter = String(letters[index % 26])
        return index < 26 ? letter : letter + String(index / 26 + 1)
    }

    /// Choice texts sit inside a `<label>`, which admits phrasing content only: imported HTML's paragraphs
    /// become line breaks, and other blocks their content (`PhrasingHTML`, on the tag structure).
    static func phrasing(_ html: String) -> String {
        PhrasingHTML.rewrite(html)
    }

    static func number(_ value: Double) -> String {
        NumberText.plain(value)
    }

    /// A number as a reader writes it: its shortest decimal text (`DecimalText`, never a `Double` product)
    /// rounded half up to at most ten decimals, so a tolerance computed as `0.20679999999999998` prints as
    /// `0.2068`. Values beyond that scale print as `NumberText` does.
    static func decimal(_ value: Double) -> String {
        let scale = 10
        guard value.isFinite, let (units, _) = DecimalText.scaled(String(value), decimals: scale) else { return NumberText.plain(value) }
        var digits = String(units.magnitude)
        if digits.count <= scale { digits = String(repeating: "0", count: scale + 1 - digits.count) + digits }
        let whole = digits.dropLast(scale)
        var fraction = Substring(digits.suffix(scale))
        while fraction.last == "0" { fraction = fraction.dropLast() }
        return (units < 0 ? "-" : "") + whole + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// The seed of the order an item shows its choices, targets, steps and drop-down options in. Exam items:
    /// the item id only (with `DisplayOrder`'s canonical sort, the order is key-free). Practice items: the
    /// bank and the item id, so the same item shows the same order in every build and on every page.
    static func orderSeed(_ item: ExerciseItem, bank: String) -> String {
        item.usage == .exam ? item.id : "\(bank)/\(item.id)"
    }

    /// The targets a matching item offers: each distinct right-hand side once (several left items may share
    /// one), in pair order, then each distractor not already among them. Equal HTML is one target.
    static func matchTargets(_ pairs: [MatchPair], distractors: [RichText]) -> [RichText] {
        var seen: Set<String> = []
        return (pairs.map(\.right) + distractors).filter { seen.insert($0.html).inserted }
    }

    /// Whether safe HTML shows nothing: no text once tags are set aside, and no image or media element.
    static func isBlank(_ html: String) -> Bool {
        var text = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { text.append(character) }
        }
        let media = ["<img", "<svg", "<math", "<video", "<audio", "<object", "<iframe"].contains { html.lowercased().contains($0) }
        return !media && text.replacingOccurrences(of: "&nbsp;", with: " ").allSatisfy { $0.isWhitespace }
    }

    /// Item-level feedback, one block per outcome, in a fixed order.
    func feedbackViews(_ feedback: ItemFeedback?, fill: (String) -> String) -> [FeedbackView] {
        guard let feedback else { return [] }
        let blocks: [(String, String, RichText?)] = [
            ("correct", ui.feedbackCorrect, feedback.correct), ("partial", ui.feedbackPartial, feedback.partiallyCorrect),
            ("incorrect", ui.feedbackIncorrect, feedback.incorrect), ("general", ui.feedbackGeneral, feedback.general),
        ]
        return blocks.compactMap { when, label, text in
            guard let text, !Self.isBlank(text.html) else { return nil }
            return FeedbackView(when: when, label: label, html: fill(text.html))
        }
    }
}

/// The self-check answer key, encoded as JSON into a practice item's `data-answer`.
struct AnswerKey: Encodable {
    struct BlankKey: Encodable {
        var accepted: [String]
        var caseSensitive: Bool
        /// Moodle's `*` wildcard in `accepted`; left out when false.
        var wildcard: Bool? = nil
    }

    struct NumberKey: Encodable {
        var value: Double
        var tolerance: Double
    }

    var type: String
    var correct: [String]? = nil
    var blanks: [BlankKey]? = nil
    var numbers: [NumberKey]? = nil
    var positions: [Int]? = nil
    /// Unordered pairs of displayed numbers (associate, graphic associate).
    var pairs: [[Int]]? = nil
    /// Select point: the areas a point is right in, and how many points are asked for.
    var areas: [AreaKey]? = nil
    var count: Int? = nil
    var parts: [PartKey]? = nil

    struct AreaKey: Encodable {
        var shape: String
        var coords: [Double]
    }

    /// A part's key; its controls are inside `.item-part[data-part=part]`.
    struct PartKey: Encodable {
        var part: Int
        var key: AnswerKey
    }
    /// With `positions`: rows with equal `groups` numbers show the same text and may swap positions.
    var groups: [Int]? = nil
}

/// A fixed, content-derived shuffle: the same item always shows its options in the same order, and never
/// in the authored (correct) order when there are two or more.
enum Shuffle {
    static func permutation(_ count: Int, seed: String) -> [Int] {
        var order = Array(0..<count)
        guard count > 1 else { return order }
        var state = seed.utf8.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
        for index in stride(from: count - 1, to: 0, by: -1) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let other = Int((state >> 33) % UInt64(index + 1))
            order.swapAt(index, other)
        }
        if order == Array(0..<count) { order.append(order.removeFirst()) }
        return order
    }
}

/// The order in which an item shows what its authored order partly encodes: matching targets, ordering
/// steps, a blank's options.
///
/// Practice items use `Shuffle` seeded by the item id: their key is published anyway, and the self-check
/// key refers to these positions. Exam items must show nothing from which a student can work out the key,
/// and the id is printed on the page, so an id-seeded shuffle of the authored (correct) order could be
/// undone. Their options are first sorted canonically by their HTML, compared as UTF-8 bytes (every platform
/// sorts alike), which forgets the authored order, and only then shuffled with the id as seed, so the page
/// does not look alphabetical. The result depends on the texts and the id only, never on which is correct;
/// equal texts look the same whichever comes first.
enum DisplayOrder {
    /// Indices into `texts`, in display order.
    static func permutation(of texts: [String], usage: ItemUsage, seed: String) -> [Int] {
        switch usage {
        case .practice:
            return Shuffle.permutation(texts.count, seed: seed)
        case .exam:
            let bytes = texts.map { Array($0.utf8) }
            let canonical = texts.indices.sorted { a, b in
                bytes[a] == bytes[b] ? a < b : bytes[a].lexicographicallyPrecedes(bytes[b])
            }
            return Shuffle.permutation(canonical.count, seed: seed).map { canonical[$0] }
        }
    }

    /// `texts` in display order.
    static func arranged(_ texts: [String], usage: ItemUsage, seed: String) -> [String] {
        permutation(of: texts, usage: usage, seed: seed).map { texts[$0] }
    }
}
