/// A course of the program, read from `Content/courses/<id>/course.md`.
public struct Course: Hashable, Sendable, Codable {
    public var id: String
    /// 课程号
    public var code: String
    public var title: LocalizedText
    public var credits: Double
    public var hours: CourseHours
    public var semester: Int
    public var type: CourseType
    /// 融通方式 per certificate level.
    public var integrations: [CertificateIntegration]
    public var description: RichText
    public var location: SourceLocation

    public init(
        id: String, code: String, title: LocalizedText, credits: Double, hours: CourseHours, semester: Int,
        type: CourseType, integrations: [CertificateIntegration], description: RichText, location: SourceLocation
    ) {
        self.id = id
        self.code = code
        self.title = title
        self.credits = credits
        self.hours = hours
        self.semester = semester
        self.type = type
        self.integrations = integrations
        self.description = description
        self.location = location
    }
}

/// Class hours of a course, split into theory and practice.
public struct CourseHours: Hashable, Sendable, Codable {
    public var theory: Double
    public var practice: Double
    public var total: Double { theory + practice }

    public init(theory: Double, practice: Double) {
        self.theory = theory
        self.practice = practice
    }
}

/// The place of a course in the 人才培养方案 (课程设置).
public enum CourseType: String, Hashable, Sendable, Codable, CaseIterable {
    case generalFoundation = "公共基础课"
    case professionalFoundation = "专业基础课"
    case professionalCore = "专业核心课"
    case professionalElective = "专业拓展课"
    case practicum = "集中实践课"

    public var name: LocalizedText {
        switch self {
        case .generalFoundation: return LocalizedText(zh: rawValue, en: "General foundation course")
        case .professionalFoundation: return LocalizedText(zh: rawValue, en: "Professional foundation course")
        case .professionalCore: return LocalizedText(zh: rawValue, en: "Professional core course")
        case .professionalElective: return LocalizedText(zh: rawValue, en: "Professional elective course")
        case .practicum: return LocalizedText(zh: rawValue, en: "Intensive practicum")
        }
    }
}

/// How a course is integrated with a certificate level (课证融通).
public struct CertificateIntegration: Hashable, Sendable, Codable {
    public var scope: FrameworkScope
    public var mode: IntegrationMode
    public var location: SourceLocation

    public init(scope: FrameworkScope, mode: IntegrationMode, location: SourceLocation) {
        self.scope = scope
        self.mode = mode
        self.location = location
    }
}

/// 融通方式: the certificate's content is embedded in the course (嵌入); the certificate is accepted in
/// place of the course's credits (置换); or holding the certificate exempts a student from the course (免修).
public enum IntegrationMode: String, Hashable, Sendable, Codable, CaseIterable {
    case embedded = "嵌入"
    case replaces = "置换"
    case exempts = "免修"

    public var name: LocalizedText {
        switch self {
        case .embedded: return LocalizedText(zh: rawValue, en: "Embedded")
        case .replaces: return LocalizedText(zh: rawValue, en: "Credit replacement")
        case .exempts: return LocalizedText(zh: rawValue, en: "Exempts")
        }
    }
}
