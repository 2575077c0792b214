import CoursemapModel

/// The hours reconciliation of a report (`docs/coverage.md` §4.3): per course, declared hours → module
/// hours → module hours in scope → attributed → column total, so a reviewer sees where every 学时 goes.
struct HoursReconciliation {
    let lines: [CourseHoursLine]

    init(scope: FrameworkScope, program: Program, hours: ScopeHours) {
        var lines: [CourseHoursLine] = program.courses.map { course in
            let modules = program.modules(of: course.id)
            let declared = Hundredths.of(course.hours.theory) + Hundredths.of(course.hours.practice)
            let moduleHours = modules.map { Hundredths.of($0.hours) }.sum()
            let inScope = hours.moduleHoursInScope[course.id] ?? .zero
            let attributed = hours.attributed[course.id] ?? .zero
            let lectureHours = hours.lectureHours[course.id] ?? .zero
            return CourseHoursLine(
                courseID: course.id, declared: declared, moduleHours: moduleHours, moduleHoursInScope: inScope,
                attributed: attributed, unattributed: inScope - attributed, lectureHours: lectureHours,
                columnTotal: attributed + lectureHours, exceedsDeclared: moduleHours > declared)
        }
        if hours.hasLecturesOutsideCourses {
            let lectureHours = hours.lectureHours[nil] ?? .zero
            lines.append(CourseHoursLine(courseID: nil, lectureHours: lectureHours, columnTotal: lectureHours))
        }
        self.lines = lines
    }
}
