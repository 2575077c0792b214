import CoursemapModel

/// How a Coursemap framework is written into CASE v1.1 fields, so that `CASEImporter` can rebuild it
/// exactly and any other CASE consumer still sees an ordinary framework.
///
/// **Document** (`CFDocument`)
/// - `title` = title (zh); `description` = description (zh); `version` = version; `language` = `zh`;
///   `creator` = issuer (zh), or `Coursemap` when the framework names no issuer.
/// - `caseVersion` = `1.1`.
/// - `lastChangeDateTime` (on the document, every item, association and item type) = the framework's
///   version when it reads as a date (`2021`, `2021-03`, `2021-03-15` → midnight UTC of that day), else the
///   date of the content's revision (`Provenance.buildDate`: `SOURCE_DATE_EPOCH`, else the git commit
///   time, else the newest modification time of the content files), to the second, in UTC. Exports carry
///   no wall-clock time, so the same content at the same revision always gives the same bytes.
/// - `notes` = one human-readable line, then `key: value` lines for what CASE has no field for:
///   `kind` (certificate | outcomes), `title-en`, `issuer`, `issuer-en`, `description-en`, `illustrative`
///   (`true`). Values escape `\` as `\\`, line feed as `\n` and carriage return as `\r`, so each stays on
///   one line and comes back exactly.
///
/// **Items** (`CFItems`): `fullStatement` = the Chinese text, `alternativeLabel` = the English text (only
/// when there is one), `humanCodingScheme` = the code, `CFItemType` = one of the types below.
/// - Certificate: `Level` (humanCodingScheme and fullStatement = 初级 / 中级 / 高级; the level's
///   description in `notes` keys `description`, `description-en`) → `工作领域` (its blueprint weight, as
///   written, in `notes` key `weight`) → `工作任务` → `职业技能要求`.
/// - Outcomes: `培养规格分类` (a group; humanCodingScheme = its code, `notes` key `domain` when it is one
///   of 素质 / 知识 / 能力) → `培养规格`.
///
/// **Tree** (`CFAssociations`): one `isChildOf` per item, child → parent (the document for levels and
/// groups), with `sequenceNumber` = 1-based position among its siblings.
///
/// **Identifiers**: version-5 UUIDs in `CASEUUID.coursemapNamespace` of the names `coursemap:<framework>`,
/// `coursemap:<framework>:<level>` and `coursemap:<framework>:<level>:<code>` (certificates),
/// `coursemap:<framework>:group:<code>` and `coursemap:<framework>:<code>` (outcomes),
/// `coursemap:<framework>:assoc:<origin uuid>:<destination uuid>` and `coursemap:itemtype:<typeCode>`.
/// A name that repeats (a malformed framework with a code twice) gets `#2`, `#3`… so identifiers stay unique.
enum CASEConventions {
    /// The `lastChangeDateTime` of a framework whose version is not a date when no revision date is known
    /// either (content that is not on disk): the Unix epoch, which says "unknown" rather than a made-up day.
    static let unknownDateTime = "1970-01-01T00:00:00+00:00"

    /// The first line of the document's `notes`, and the sign that a package came from Coursemap.
    static let notesHeader = "Exported by Coursemap; the key: value lines below restore what CASE has no field for."

    /// The item types Coursemap writes, in hierarchy order.
    enum ItemType: String, CaseIterable {
        case level = "Level"
        case workArea = "工作领域"
        case workTask = "工作任务"
        case requirement = "职业技能要求"
        case outcomeGroup = "培养规格分类"
        case outcome = "培养规格"

        var typeCode: String {
            switch self {
            case .level: return "coursemap-level"
            case .workArea: return "coursemap-work-area"
            case .workTask: return "coursemap-work-task"
            case .requirement: return "coursemap-skill-requirement"
            case .outcomeGroup: return "coursemap-outcome-group"
            case .outcome: return "coursemap-outcome"
            }
        }

        var hierarchyCode: String {
            switch self {
            case .level: return "1"
            case .workArea: return "2"
            case .workTask: return "3"
            case .requirement: return "4"
            case .outcomeGroup: return "1"
            case .outcome: return "2"
            }
        }

        var summary: String {
            switch self {
            case .level: return "证书等级（初级 / 中级 / 高级） — certificate level"
            case .workArea: return "工作领域 — work area of a 1+X skill-level certificate"
            case .workTask: return "工作任务 — task within a work area"
            case .requirement: return "职业技能要求 — measurable skill requirement of a task"
            case .outcomeGroup: return "培养规格分类 — group of program outcomes (素质 / 知识 / 能力)"
            case .outcome: return "培养规格 — program outcome"
            }
        }

        var isCertificate: Bool { [.level, .workArea, .workTask, .requirement].contains(self) }
    }

    /// `lastChangeDateTime` for a framework: its version as a date when it reads as one, else the revision
    /// date (seconds since 1970, UTC), else `unknownDateTime`.
    static func dateTime(forVersion version: String?, revisionDate: Int64? = nil) -> String {
        if let date = versionDateTime(version) { return date }
        guard let revisionDate else { return unknownDateTime }
        return dateTime(seconds: revisionDate)
    }

    /// `seconds` since 1970-01-01 UTC as `YYYY-MM-DDTHH:MM:SS+00:00`, clamped to years 1970 … 9999.
    static func dateTime(seconds: Int64) -> String {
        let clamped = min(max(seconds, 0), 253_402_300_799)
        let dayAndMinute = Provenance.utcText(clamped).split(separator: " ")  // YYYY-MM-DD, HH:MM
        return "\(dayAndMinute[0])T\(dayAndMinute[1]):\(twoDigits(Int(clamped % 60)))+00:00"
    }

    /// The version as a date-time when it reads as a date (`2021`, `2021-03`, `2021-03-15`).
    static func versionDateTime(_ version: String?) -> String? {
        guard let version else { return nil }
        let parts = version.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard (1...3).contains(parts.count), parts[0].count == 4,
            parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (48...57).contains($0) } }),
            let year = Int(parts[0]), year >= 1900
        else { return nil }
        var month = 1, day = 1
        if parts.count >= 2 {
            guard parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) else { return nil }
            month = m
        }
        if parts.count == 3 {
            guard parts[2].count == 2, let d = Int(parts[2]), (1...daysIn(month: month, year: year)).contains(d)
            else { return nil }
            day = d
        }
        return "\(parts[0])-\(twoDigits(month))-\(twoDigits(day))T00:00:00+00:00"
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    // MARK: Notes

    /// `key: value` lines (after an optional free-text first line), values escaped to stay on one line.
    static func encodeNotes(header: String?, _ fields: [(String, String)]) -> String? {
        guard !fields.isEmpty else { return nil }
        var lines: [String] = []
        if let header { lines.append(header) }
        for (key, value) in fields { lines.append("\(key): \(escape(value))") }
        return lines.joined(separator: "\n")
    }

    /// The `key: value` lines of a `notes` text; other lines are ignored. The first occurrence of a key wins.
    static func decodeNotes(_ notes: String?) -> [String: String] {
        guard let notes else { return [:] }
        var fields: [String: String] = [:]
        for line in notes.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = String(line[..<colon])
            guard !key.isEmpty, key.unicodeScalars.allSatisfy({ $0.isASCIIKeyCharacter }) else { continue }
            var value = line[line.index(after: colon)...]
            if value.first == " " { value = value.dropFirst() }
            if fields[key] == nil { fields[key] = unescape(String(value)) }
        }
        return fields
    }

    static func escape(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func unescape(_ value: String) -> String {
        var out = ""
        var escaping = false
        for scalar in value.unicodeScalars {
            if escaping {
                switch scalar {
                case "n": out += "\n"
                case "r": out += "\r"
                case "\\": out += "\\"
                default:
                    out += "\\"
                    out.unicodeScalars.append(scalar)
                }
                escaping = false
            } else if scalar == "\\" {
                escaping = true
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        if escaping { out += "\\" }
        return out
    }
}

extension Unicode.Scalar {
    /// Characters of a notes key: ASCII letters, digits and `-`.
    fileprivate var isASCIIKeyCharacter: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self) || self == "-"
    }
}
