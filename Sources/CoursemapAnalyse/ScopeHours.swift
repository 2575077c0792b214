import CoursemapModel

/// The hours and minutes every module and micro-lecture attributes to each requirement of one scope
/// (`docs/coverage.md` §4.2, §4.4): each module's hours divided among its mappings in the scope (stated
/// hours first, the rest split evenly, the first mappings getting the extra hundredths); each lecture's
/// minutes likewise, and its hours when lectures count as hours.
struct ScopeHours {
    /// Per requirement, its module evidence in course order then module order.
    private(set) var modules: [CompetencyID: [ModuleEvidence]] = [:]
    /// Per requirement, its lecture evidence in course order (the program's; no course last), then id.
    private(set) var lectures: [CompetencyID: [LectureEvidence]] = [:]
    /// Per course: the hours of its modules that map into the scope, and the hours they attribute.
    private(set) var moduleHoursInScope: [String: Hundredths] = [:]
    private(set) var attributed: [String: Hundredths] = [:]
    /// Per lecture course (`nil` = no course): the lecture hours attributed in the scope.
    private(set) var lectureHours: [String?: Hundredths] = [:]
    /// Whether some lecture of no course maps into the scope with hours (lectures as hours).
    private(set) var hasLecturesOutsideCourses = false

    init(scope: FrameworkScope, program: Program, rules: CoverageRules) {
        for course in program.courses {
            for module in program.modules(of: course.id) {
                let claims = module.claims.filter { $0.competency.scope == scope }
                guard !claims.isEmpty else { continue }
                let total = Hundredths.of(module.hours)
                let stated = claims.map { $0.hours.map(Hundredths.of) }
                let parts = Self.divide(total, stated: stated)
                for (claim, (part, statedHours)) in zip(claims, zip(parts, stated)) {
                    modules[claim.competency, default: []].append(ModuleEvidence(
                        courseID: course.id, moduleID: module.id, level: claim.level, moduleHours: total, hours: part, stated: statedHours))
                }
                moduleHoursInScope[course.id, default: .zero] = moduleHoursInScope[course.id, default: .zero] + total
                attributed[course.id, default: .zero] = attributed[course.id, default: .zero] + parts.sum()
            }
        }
        // Lectures in course order (the program's), those of no course last, then by id (§7).
        let coursePosition = Dictionary(program.courses.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let ordered = program.lectures.sorted {
            (coursePosition[$0.courseID ?? ""] ?? Int.max, $0.id) < (coursePosition[$1.courseID ?? ""] ?? Int.max, $1.id)
        }
        for lecture in ordered {
            let claims = lecture.claims.filter { $0.competency.scope == scope }
            guard !claims.isEmpty else { continue }
            let length = Self.minutes(seconds: lecture.duration)
            let minuteParts = length.split(into: claims.count)
            let hourParts: [Hundredths]? = rules.lecturesAsHours
                ? Self.hours(minutes: length, classHourMinutes: rules.classHourMinutes).split(into: claims.count) : nil
            for (index, claim) in claims.enumerated() {
                lectures[claim.competency, default: []].append(LectureEvidence(
                    lectureID: lecture.id, courseID: lecture.courseID, level: claim.level, minutes: length,
                    attributedMinutes: minuteParts[index], hours: hourParts?[index]))
            }
            if let hourParts {
                lectureHours[lecture.courseID, default: .zero] = lectureHours[lecture.courseID, default: .zero] + hourParts.sum()
                if lecture.courseID == nil { hasLecturesOutsideCourses = true }
            }
        }
    }

    /// A module's hours divided among its mappings (§4.2): stated parts as stated; the rest `total − Σ
    /// stated` (none when negative: error CM413 was given) split evenly among the unstated ones.
    static func divide(_ total: Hundredths, stated: [Hundredths?]) -> [Hundredths] {
        let statedSum = stated.compactMap { $0 }.sum()
        let rest = total - statedSum
        var shares = rest.split(into: stated.count { $0 == nil })[...]
        return stated.map { $0 ?? shares.popFirst()! }
    }

    /// A lecture's length in minutes: seconds ÷ 60 rounded half up to 0.01 minute, read exactly from the
    /// duration's shortest text (digits beyond 10^-9 s cannot change the result and are dropped).
    static func minutes(seconds: Double) -> Hundredths {
        guard seconds.isFinite, seconds > 0, let nanos = DecimalText.scaled(String(seconds), decimals: 9, rounding: .down) else { return .zero }
        // minutes·100 = seconds·100/60 = nanoseconds / (6·10^8).
        return Hundredths(count: ExactDivision.roundedHalfUp(nanos.units, over: 600_000_000))
    }

    /// Minutes as 学时: minutes ÷ `classHourMinutes`, rounded half up to 0.01.
    static func hours(minutes: Hundredths, classHourMinutes: Int) -> Hundredths {
        Hundredths(count: ExactDivision.roundedHalfUp(max(minutes.count, 0), over: Int64(max(classHourMinutes, 1))))
    }
}
