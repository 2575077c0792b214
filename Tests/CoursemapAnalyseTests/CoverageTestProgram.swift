import CoursemapModel
import Foundation

/// Small in-memory programs for the analyser's tests: a certificate framework with two levels whose codes
/// restart (初级 and 中级 both have area `1`), an outcomes framework, and builders for courses, modules,
/// lectures and items. Claims are given in module order, as the resolver keeps them.
enum CoverageTestProgram {
    static let here = SourceLocation(file: "test")

    /// Levels 初级 (areas 1, 2) and 中级 (areas 1, 2, 3), each area with one task of two requirements.
    /// `weights` per level and area code; an area without an entry has no weight.
    static func certificate(weights: [CertificateLevel: [String: String]] = [:]) -> Framework {
        func level(_ level: CertificateLevel, areas: [String]) -> FrameworkLevel {
            FrameworkLevel(level: level, areas: areas.map { code in
                let weight = weights[level]?[code]
                return WorkArea(
                    code: code, title: LocalizedText(zh: "领域 \(code) \(level.rawValue)"),
                    tasks: [WorkTask(code: "\(code).1", title: LocalizedText(zh: "任务"), requirements: ["\(code).1.1", "\(code).1.2"].map {
                        Statement(code: $0, statement: LocalizedText(zh: "要求 \($0)"), location: here)
                    }, location: here)],
                    weight: weight.flatMap(Double.init), weightText: weight, location: here)
            }, location: here)
        }
        return Framework(
            id: "cert", kind: .certificate, title: LocalizedText(zh: "证书"),
            levels: [level(.elementary, areas: ["1", "2"]), level(.intermediate, areas: ["1", "2", "3"])], location: here)
    }

    static let outcomes = Framework(
        id: "po", kind: .outcomes, title: LocalizedText(zh: "培养规格"),
        outcomeGroups: [
            OutcomeGroup(domain: .knowledge, outcomes: ["K1", "K2"].map { Statement(code: $0, statement: LocalizedText(zh: $0), location: here) }, location: here),
            OutcomeGroup(domain: .ability, outcomes: ["A1"].map { Statement(code: $0, statement: LocalizedText(zh: $0), location: here) }, location: here),
        ],
        location: here)

    static func mid(_ code: String) -> CompetencyID { CompetencyID(framework: "cert", level: .intermediate, code: code) }
    static func low(_ code: String) -> CompetencyID { CompetencyID(framework: "cert", level: .elementary, code: code) }
    static func outcome(_ code: String) -> CompetencyID { CompetencyID(framework: "po", level: nil, code: code) }

    static func course(_ id: String, hours: Double, semester: Int = 1) -> Course {
        Course(
            id: id, code: id.uppercased(), title: LocalizedText(zh: id), credits: 1, hours: CourseHours(theory: hours, practice: 0),
            semester: semester, type: .professionalCore, integrations: [], description: RichText(html: ""),
            location: SourceLocation(file: "courses/\(id)/course.md"))
    }

    static func module(_ id: String, course: String, order: Int = 1, hours: Double, _ claims: [(CompetencyID, MappingLevel, Double?)]) -> Module {
        Module(
            id: id, courseID: course, order: order, title: LocalizedText(zh: id), hours: hours, format: .markdown, body: .empty,
            claims: claims.map { CompetencyClaim(competency: $0.0, level: $0.1, hours: $0.2, location: here) },
            location: SourceLocation(file: "courses/\(course)/\(id).md", line: 1, column: 1))
    }

    static func lecture(_ id: String, course: String?, seconds: Double, _ claims: [(CompetencyID, MappingLevel)]) -> Lecture {
        Lecture(
            id: id, title: LocalizedText(zh: id), duration: seconds, videos: [.remote("https://example.org/\(id).webm")], courseID: course,
            claims: claims.map { CompetencyClaim(competency: $0.0, level: $0.1, location: here) }, transcript: .empty, location: here)
    }

    /// An item of `usage` with `score` assessing `competencies`.
    static func item(_ id: String, usage: ItemUsage, score: Double = 1, _ competencies: [CompetencyID]) -> ExerciseItem {
        ExerciseItem(
            id: id, usage: usage, score: score, stem: .empty, body: .trueFalse(answer: true),
            assesses: competencies.map { AssessmentClaim(competency: $0, location: here) }, location: here)
    }

    /// The program, with the per-competency indexes built as the resolver builds them.
    static func program(
        frameworks: [Framework]? = nil, courses: [Course], modules: [Module], lectures: [Lecture] = [],
        banks: [(id: String, course: String?, items: [ExerciseItem])] = [], rules: CoverageRules = .standard
    ) -> Program {
        let frameworks = frameworks ?? [certificate(), outcomes]
        var modulesByCourse: [String: [Module]] = [:]
        for module in modules { modulesByCourse[module.courseID, default: []].append(module) }
        var mappings: [CompetencyID: [ModuleMapping]] = [:]
        for course in courses {
            for module in modulesByCourse[course.id] ?? [] {
                for claim in module.claims {
                    mappings[claim.competency, default: []].append(
                        ModuleMapping(moduleID: module.id, courseID: course.id, level: claim.level, hours: module.hours, stated: claim.hours))
                }
            }
        }
        let exerciseBanks = banks.map {
            ExerciseBank(id: $0.id, title: LocalizedText(zh: $0.id), courseID: $0.course, sections: [ExerciseSection(items: $0.items)], location: here)
        }
        var assessments: [CompetencyID: [ItemMapping]] = [:]
        for bank in exerciseBanks {
            for item in bank.items {
                for claim in item.assesses {
                    assessments[claim.competency, default: []].append(
                        ItemMapping(bankID: bank.id, itemID: item.id, kind: item.kind, usage: item.usage, score: item.score))
                }
            }
        }
        var lectureMappings: [CompetencyID: [LectureMapping]] = [:]
        for lecture in lectures {
            for claim in lecture.claims {
                lectureMappings[claim.competency, default: []].append(LectureMapping(lectureID: lecture.id, level: claim.level, minutes: lecture.duration / 60))
            }
        }
        var competencies: [CompetencyID: Competency] = [:]
        for competency in frameworks.flatMap(\.allCompetencies) { competencies[competency.id] = competency }
        return Program(
            config: SiteConfig(title: LocalizedText(zh: "t"), coverageRules: rules), frameworks: frameworks, courses: courses,
            modulesByCourse: modulesByCourse, competencies: competencies, mappings: mappings, banks: exerciseBanks,
            assessments: assessments, lectures: lectures, lectureMappings: lectureMappings, reportScopes: frameworks.flatMap(\.scopes))
    }

    static func report(_ program: Program, _ scope: FrameworkScope) -> CoverageReport? {
        CoverageAnalyser.analyse(program).first { $0.scope == scope }
    }

    static let middle = FrameworkScope(framework: "cert", level: .intermediate)
    static let elementary = FrameworkScope(framework: "cert", level: .elementary)
    static let outcomeScope = FrameworkScope(framework: "po", level: nil)
}

extension Hundredths: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    /// Test literals: `1.25` is 125 hundredths (read through its shortest text, exactly).
    public init(floatLiteral value: Double) { self = Hundredths(value)! }
    public init(integerLiteral value: Int64) { self.init(whole: value) }
}

import CoursemapAnalyse
