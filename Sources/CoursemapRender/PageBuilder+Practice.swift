import CoursemapModel

/// The practice and assessment a course or module page links to.
///
/// The rule (docs/exercises.md, "The portal"): a course page lists the banks of that course (`course` of the
/// bank) and, from other banks, the items that assess a competency one of its modules maps; a module page
/// lists the banks of its course and every item, from any bank, that assesses a competency the module maps
/// (the same competency id, at any mapping level). Items link to their place on the bank page.
extension PageBuilder {
    func practiceLinks(course: Course) -> PracticeLinks {
        let mapped = Set(program.modules(of: course.id).flatMap(\.claims).map(\.competency))
        return practiceLinks(courseID: course.id, competencies: mapped, otherBanksOnly: true, from: SitePaths.course(course.id))
    }

    func practiceLinks(module: Module, in course: Course) -> PracticeLinks {
        let mapped = Set(module.claims.map(\.competency))
        return practiceLinks(courseID: course.id, competencies: mapped, otherBanksOnly: false, from: SitePaths.module(module.id, course: course.id))
    }

    /// Banks of `courseID`, then items assessing one of `competencies` (only from banks of other courses when
    /// `otherBanksOnly`), in bank and item order.
    private func practiceLinks(courseID: String, competencies: Set<CompetencyID>, otherBanksOnly: Bool, from page: String) -> PracticeLinks {
        let root = SitePaths.root(from: page)
        var banks: [LinkView] = []
        var groups: [PracticeItemGroup] = []
        for bank in program.banks {
            let own = bank.courseID == courseID
            if own {
                let list = bank.items
                banks.append(LinkView(
                    href: root + SitePaths.bank(bank.id), text: plain(bank.title),
                    detail: "\(ui.items) \(list.count) · \(ui.practice) \(list.count { $0.usage == .practice }) · \(ui.exam) \(list.count { $0.usage == .exam })"))
            }
            guard !competencies.isEmpty, !(own && otherBanksOnly) else { continue }
            var links: [PracticeItemLink] = []
            for (index, item) in bank.items.enumerated() {
                let matched = item.assesses.map(\.competency).filter(competencies.contains)
                guard !matched.isEmpty else { continue }
                let usage = item.usage == .exam ? ui.exam : ui.practice
                links.append(PracticeItemLink(
                    href: root + SitePaths.itemOnBank(item.id, bank: bank.id), number: index + 1,
                    detail: "\(plain(item.kind.name)) · \(usage) · " + Set(matched).sorted().map(\.code).joined(separator: " ")))
            }
            if !links.isEmpty {
                groups.append(PracticeItemGroup(href: root + SitePaths.bank(bank.id), title: plain(bank.title), count: links.count, items: links))
            }
        }
        return PracticeLinks(banks: banks, items: groups)
    }
}

/// Links from a course or module page to the banks and items that practise or assess what it teaches.
struct PracticeLinks: Sendable, Encodable {
    let banks: [LinkView]
    /// Per bank, the items that assess what the page teaches.
    let items: [PracticeItemGroup]
    var isEmpty: Bool { banks.isEmpty && items.isEmpty }

    enum CodingKeys: String, CodingKey { case banks, items, hasLinks }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(banks, forKey: .banks)
        try container.encode(items, forKey: .items)
        try container.encode(!isEmpty, forKey: .hasLinks)
    }
}

/// A bank's items that assess what a page teaches, linked by their number in the bank.
struct PracticeItemGroup: Sendable, Encodable {
    let href: String
    let title: String
    let count: Int
    let items: [PracticeItemLink]
}

struct PracticeItemLink: Sendable, Encodable {
    let href: String
    let number: Int
    /// Kind, usage and the competencies it assesses that the page teaches.
    let detail: String
}
