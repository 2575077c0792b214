/// Every diagnostic Coursemap reports has one of these stable codes. `docs/diagnostics.md` explains each
/// with an example and the fix; a test keeps that page and this list in step.
///
/// Ranges: CM1xx files and text, CM2xx YAML and front matter, CM3xx XML, CM4xx references and ids,
/// CM5xx configuration, CM6xx theme and rendering.
public enum DiagnosticCode: String, Hashable, Sendable, Codable, CaseIterable {
    // Files and text
    case notUTF8 = "CM101"
    case unknownFileType = "CM102"
    case unreadableFile = "CM103"
    case nulByte = "CM104"
    case misplacedFile = "CM105"
    case linkOutsideContent = "CM106"
    case unreferencedFile = "CM107"
    case controlCharacterInName = "CM108"
    case markdownTooLarge = "CM109"

    // YAML and front matter
    case yamlSyntax = "CM201"
    case missingField = "CM202"
    case wrongType = "CM203"
    case invalidValue = "CM204"
    case unknownField = "CM205"
    case missingFrontMatter = "CM206"
    case duplicateKey = "CM207"
    case numberOutOfRange = "CM208"
    case controlCharacterInText = "CM209"
    case roundedNumber = "CM210"

    // XML
    case xmlNotWellFormed = "CM301"
    case xmlSchemaViolation = "CM302"
    case xmlDoctype = "CM303"
    case xmlUnknownRoot = "CM304"
    case unsafeLink = "CM305"
    case xmlTooLarge = "CM307"

    // Exercise banks and imports
    case invalidBoolean = "CM309"
    case invalidFraction = "CM310"
    case unsupportedItem = "CM311"
    case sanitizedHTML = "CM312"
    case unmappedItem = "CM313"
    case invalidItem = "CM314"
    case unknownItemReference = "CM315"
    case missingDataset = "CM316"
    case conflictingUsage = "CM317"
    case unknownUsage = "CM318"
    case remoteImage = "CM319"

    // Lectures, resources and assets
    case invalidCaptions = "CM320"
    case captionsOutsideVideo = "CM321"
    case missingAsset = "CM322"
    case unsafeAssetPath = "CM323"
    case largeAsset = "CM324"
    case invalidTimestamp = "CM325"
    case activeFile = "CM326"
    case importedFileNotKept = "CM328"

    // References and identity
    case unknownCompetency = "CM401"
    case malformedReference = "CM402"
    case duplicateID = "CM403"
    case codeOutsideParent = "CM404"
    case duplicateMapping = "CM405"
    case missingCourse = "CM406"
    case invalidID = "CM407"
    case unknownFramework = "CM408"
    case unknownCourse = "CM409"
    case unknownModule = "CM410"
    case prerequisiteCycle = "CM411"
    case caseCollision = "CM412"
    case statedHoursExceedModule = "CM413"
    case moduleHoursExceedCourse = "CM414"
    case partialBlueprintWeights = "CM415"

    // Configuration
    case missingConfig = "CM501"

    // Coverage gates
    case gateFailed = "CM701"

    // Search
    case searchIndex = "CM801"
    case searchIndexIncomplete = "CM802"
    case searchIndexFailed = "CM803"

    // Theme and rendering
    case templateSyntax = "CM601"
    case templateExpansion = "CM602"

    /// A few words on what the code means; the long form is in `docs/diagnostics.md`.
    public var summary: String {
        switch self {
        case .notUTF8: return "file is not UTF-8"
        case .unknownFileType: return "file type Coursemap does not read here"
        case .unreadableFile: return "file cannot be read"
        case .nulByte: return "text file contains a NUL byte"
        case .misplacedFile: return "file is not where its kind belongs"
        case .linkOutsideContent: return "symbolic link leads outside the content folder"
        case .unreferencedFile: return "data file nothing refers to"
        case .markdownTooLarge: return "Markdown structure beyond Coursemap's limits"
        case .controlCharacterInName: return "file or folder name with a control character"
        case .yamlSyntax: return "YAML syntax error"
        case .missingField: return "required field missing"
        case .wrongType: return "field has the wrong type"
        case .invalidValue: return "field value not allowed"
        case .unknownField: return "field Coursemap does not know"
        case .missingFrontMatter: return "Markdown file without front matter"
        case .duplicateKey: return "key given twice"
        case .numberOutOfRange: return "number outside its allowed range"
        case .controlCharacterInText: return "text with a control character"
        case .roundedNumber: return "number with more decimals than counted"
        case .xmlNotWellFormed: return "XML not well-formed"
        case .xmlSchemaViolation: return "XML violates its schema"
        case .xmlDoctype: return "DOCTYPE or entity declaration not allowed"
        case .xmlUnknownRoot: return "XML root element Coursemap does not know"
        case .unsafeLink: return "link with a scheme that is not allowed"
        case .xmlTooLarge: return "XML element beyond Coursemap's limits"
        case .invalidBoolean: return "QTI attribute that is not an xs:boolean (true, false, 1, 0)"
        case .invalidFraction: return "Moodle answer fraction outside Moodle's fixed set"
        case .unsupportedItem: return "question type or interaction Coursemap does not import"
        case .sanitizedHTML: return "unsafe HTML removed from an imported item"
        case .unmappedItem: return "imported item mapped to no competency"
        case .invalidItem: return "item that cannot be answered as written"
        case .unknownItemReference: return "reference to a bank or item that does not exist"
        case .missingDataset: return "dataset file of a practical task not found"
        case .conflictingUsage: return "item marked both practice and exam"
        case .unknownUsage: return "usage value that is neither practice nor exam"
        case .remoteImage: return "remote image removed from imported HTML"
        case .invalidCaptions: return "WebVTT caption file not valid"
        case .captionsOutsideVideo: return "caption cue beyond the lecture's duration"
        case .missingAsset: return "referenced file not found"
        case .unsafeAssetPath: return "file path that leaves the content folder"
        case .largeAsset: return "file larger than the configured limit"
        case .invalidTimestamp: return "transcript time code out of order or beyond the duration"
        case .activeFile: return "file a browser would run (HTML, SVG, XML, script) not published"
        case .importedFileNotKept: return "item stylesheet not applied, or embedded file not usable"
        case .unknownCompetency: return "reference to a competency that does not exist"
        case .malformedReference: return "competency reference not in framework:level:code form"
        case .duplicateID: return "id used twice"
        case .codeOutsideParent: return "code does not extend its parent's code"
        case .duplicateMapping: return "competency mapped twice in one module"
        case .missingCourse: return "course folder without course.md"
        case .invalidID: return "id with characters that are not allowed"
        case .unknownFramework: return "reference to a framework or level that does not exist"
        case .unknownCourse: return "reference to a course that does not exist"
        case .unknownModule: return "reference to a module that does not exist"
        case .prerequisiteCycle: return "modules that are each other's prerequisites"
        case .caseCollision: return "names that differ only in letter case or Unicode normalisation"
        case .statedHoursExceedModule: return "mappings state more hours than the module has"
        case .moduleHoursExceedCourse: return "a course's modules declare more hours than the course"
        case .partialBlueprintWeights: return "some but not all work areas of a level have a blueprint weight"
        case .missingConfig: return "coursemap.yml missing"
        case .gateFailed: return "a coverage gate of coursemap.yml is not met"
        case .searchIndex: return "the search index was not built"
        case .searchIndexIncomplete: return "the search index Pagefind wrote is incomplete"
        case .searchIndexFailed: return "Pagefind failed"
        case .templateSyntax: return "theme template does not parse"
        case .templateExpansion: return "theme template expands without bound"
        }
    }
}
