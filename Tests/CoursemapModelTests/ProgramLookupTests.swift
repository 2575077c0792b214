import CoursemapModel
import Synchronization
import Testing

/// A program of `courses` courses with `modules` modules each, ids `c1`… and `c1-m1`….
private func program(courses: Int, modules: Int) -> Program {
    let courseList = (1...courses).map { number in
        Course(
            id: "c\(number)", code: "C\(number)", title: LocalizedText(zh: "课程\(number)"), credits: 2,
            hours: CourseHours(theory: 16, practice: 16), semester: 1, type: .professionalCore, integrations: [],
            description: RichText(html: ""), location: SourceLocation(file: "courses/c\(number)/course.md"))
    }
    var byCourse: [String: [Module]] = [:]
    for course in courseList {
        byCourse[course.id] = (1...modules).map { number in
            Module(
                id: "\(course.id)-m\(number)", courseID: course.id, order: number, title: LocalizedText(zh: "\(course.id) 模块\(number)"),
                hours: 2, format: .markdown, body: RichText(html: "<p>\(number)</p>"), claims: [],
                location: SourceLocation(file: "courses/\(course.id)/m\(number).md"))
        }
    }
    return Program(
        config: SiteConfig(title: LocalizedText(zh: "测试")), frameworks: [], courses: courseList, modulesByCourse: byCourse,
        competencies: [:], mappings: [:], reportScopes: [])
}

@Suite("Program lookups by id")
struct ProgramLookupTests {
    @Test("courses and modules are found by id, and unknown ids are not")
    func lookups() {
        let program = program(courses: 30, modules: 20)
        #expect(program.course("c17")?.code == "C17")
        #expect(program.course("c31") == nil)
        #expect(program.module("c17-m5", in: "c17")?.order == 5)
        #expect(program.moduleTitle("c17-m5", in: "c17") == LocalizedText(zh: "c17 模块5"))
        // A module is looked up within its course only.
        #expect(program.module("c17-m5", in: "c18") == nil)
        #expect(program.moduleTitle("nope", in: "c17") == nil)
        #expect(program.course(ofModule: "c17-m5") == "c17")
        #expect(program.course(ofModule: "nope") == nil)
    }

    @Test("lookups follow the arrays when they are replaced or edited in place")
    func followsEdits() {
        var program = program(courses: 3, modules: 4)
        // `serve` puts an edited module back into its course's list.
        var modules = program.modules(of: "c2")
        modules[1].title = LocalizedText(zh: "改过的标题")
        modules.reverse()
        program.modulesByCourse["c2"] = modules
        #expect(program.moduleTitle("c2-m2", in: "c2") == LocalizedText(zh: "改过的标题"))
        #expect(program.module("c2-m4", in: "c2")?.order == 4)

        program.courses.removeFirst()
        #expect(program.course("c1") == nil)
        // A module belongs to a course the program lists.
        #expect(program.course(ofModule: "c1-m1") == nil)
        #expect(program.course(ofModule: "c2-m1") == "c2")
        #expect(program.course("c3")?.code == "C3")
        program.courses.append(program.courses[0])
        #expect(program.course("c2")?.code == "C2")
    }

    @Test("the first of two courses with one id is the one found, as a search from the front would")
    func duplicates() {
        var program = program(courses: 2, modules: 1)
        var copy = program.courses[1]
        copy.code = "LATER"
        copy.id = "c1"
        program.courses.append(copy)
        #expect(program.course("c1")?.code == "C1")
    }

    @Test("programs that differ only in an edit compare unequal, and equal ones equal")
    func equality() {
        let a = program(courses: 2, modules: 2)
        var b = a
        #expect(a == b)
        b.modulesByCourse["c1"]![0].hours = 3
        #expect(a != b)
    }
}

@Suite("Values made once")
struct LazyTests {
    @Test("a lazy value is made once however many threads ask for it at the same time")
    func once() {
        let made = Atomic<Int>(0)
        let lazy = Lazy<[Int]> {
            made.add(1, ordering: .relaxed)
            return Array(0..<1000)
        }
        let sums = Locked<[Int]>([])
        ParallelWork.run(count: 64, jobs: 4) { _ in
            let sum = lazy.value.reduce(0, +)
            sums.withLock { $0.append(sum) }
        }
        #expect(made.load(ordering: .relaxed) == 1)
        #expect(sums.withLock { $0 } == Array(repeating: 499_500, count: 64))
    }

    @Test("nothing is made until the value is asked for")
    func notEager() {
        let made = Atomic<Int>(0)
        let lazy = Lazy<Int> {
            made.add(1, ordering: .relaxed)
            return 7
        }
        #expect(made.load(ordering: .relaxed) == 0)
        #expect(lazy.value == 7)
        #expect(lazy.value == 7)
        #expect(made.load(ordering: .relaxed) == 1)
    }
}

@Suite("Certificate levels as keys")
struct CertificateLevelKeyTests {
    @Test("ids with the same level are equal and hash alike; different levels differ")
    func hashing() {
        let parsed = CompetencyID(parsing: "b2b-data:中级:1.1.1")
        let built = CompetencyID(framework: "b2b-data", level: CertificateLevel(rawValue: "中级"), code: "1.1.1")
        #expect(parsed == built)
        #expect(parsed?.hashValue == built.hashValue)
        let levels = Set(CertificateLevel.allCases + CertificateLevel.allCases)
        #expect(levels.count == 3)
        #expect(CompetencyID(parsing: "b2b-data:高级:1.1.1") != built)
        var index: [CompetencyID: Int] = [:]
        for (position, level) in CertificateLevel.allCases.enumerated() {
            index[CompetencyID(framework: "f", level: level, code: "1")] = position
        }
        #expect(index[CompetencyID(parsing: "f:初级:1")!] == 0)
        #expect(index[CompetencyID(parsing: "f:高级:1")!] == 2)
    }
}
