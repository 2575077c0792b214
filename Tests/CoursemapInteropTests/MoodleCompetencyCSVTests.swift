import CoursemapModel
import Foundation
import Testing

@testable import CoursemapInterop

@Suite("Moodle competency-framework CSV")
struct MoodleCompetencyCSVTests {
    typealias S = CASETestSupport

    /// A small RFC 4180 reader: quoted fields may hold commas, doubled quotes, CR and LF.
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            if quoted {
                if c == "\"" {
                    if scalars.first == "\"" {
                        field.unicodeScalars.append("\"")
                        scalars.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"": quoted = true
            case ",":
                row.append(field)
                field = ""
            case "\r":
                if scalars.first == "\n" { scalars.removeFirst() }
                fallthrough
            case "\n":
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            default: field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }

    struct Table {
        var header: [String]
        var rows: [[String: String]]

        init(_ csv: String) {
            let parsed = MoodleCompetencyCSVTests.parse(csv)
            header = parsed.first ?? []
            rows = parsed.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(parsed[0], $0)) }
        }
    }

    @Test("The header is tool_lpimportcsv's fourteen columns, with no byte-order mark")
    func header() {
        let csv = MoodleCompetencyCSV.export(S.certificate)
        #expect(csv.utf8.first == UInt8(ascii: "P"))
        #expect(
            Table(csv).header == [
                "Parent id number", "Id number", "Shortname", "Description", "Description format", "Scale values",
                "Scale configuration", "Rule type", "Rule outcome", "Rule config", "Cross referenced competency id numbers",
                "Exported id", "Is framework", "Taxonomy",
            ])
        #expect(csv.hasPrefix("Parent id number,Id number,Shortname,Description,"))
        #expect(csv.hasSuffix("\r\n"))
        #expect(Self.parse(csv).allSatisfy { $0.count == 14 })
    }

    @Test("The first row is the framework, with a scale Moodle accepts and a taxonomy per depth")
    func frameworkRow() throws {
        let table = Table(MoodleCompetencyCSV.export(S.certificate))
        let row = try #require(table.rows.first)
        #expect(row["Is framework"] == "1")
        #expect(row["Id number"] == "b2b-data")
        #expect(row["Parent id number"] == "")
        #expect(row["Shortname"] == "跨境电子商务B2B数据运营")
        #expect(row["Scale values"] == "未达到,达到")
        #expect(row["Taxonomy"] == "level,domain,competency,skill")
        #expect(row["Description format"] == "1")
        #expect(row["Description"]?.contains("示例性内容") == true)  // illustrative, said where Moodle shows it

        let config = try #require(row["Scale configuration"])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(config.utf8)) as? [[String: Any]])
        #expect(parsed.count == 3)
        #expect(parsed[0]["scaleid"] as? String == "0")
        #expect(parsed.dropFirst().contains { ($0["scaledefault"] as? Int) == 1 })
        #expect(parsed.dropFirst().contains { ($0["proficient"] as? Int) == 1 })
        #expect(table.rows.dropFirst().allSatisfy { $0["Is framework"] == "0" })
        #expect(Table(MoodleCompetencyCSV.export(S.outcomes)).rows.first?["Taxonomy"] == "domain,outcome")
    }

    @Test("One row per level, area, task and requirement; parents come first and exist")
    func certificateRows() throws {
        let table = Table(MoodleCompetencyCSV.export(S.certificate))
        let competencies = Array(table.rows.dropFirst())
        #expect(competencies.count == 2 + 3 + 4 + 6)
        let ids = competencies.compactMap { $0["Id number"] }
        #expect(Set(ids).count == ids.count)
        #expect(!ids.contains("b2b-data"))

        var seen = Set<String>()
        for row in competencies {
            let parent = try #require(row["Parent id number"])
            if parent.isEmpty {
                #expect(["b2b-data/初级", "b2b-data/中级"].contains(row["Id number"]!))
            } else {
                #expect(seen.contains(parent), "parent \(parent) of \(row["Id number"]!) not written before it")
            }
            seen.insert(row["Id number"]!)
            #expect(row["Shortname"]!.count <= 100)
            #expect(row["Id number"]!.count <= 100)
            #expect(row["Description format"] == "1")
            #expect(row["Scale values"] == "")
            #expect(row["Rule type"] == "")
        }
        let byID = Dictionary(uniqueKeysWithValues: competencies.map { ($0["Id number"]!, $0) })
        let requirement = try #require(byID["b2b-data/中级/1.1.1"])
        #expect(requirement["Parent id number"] == "b2b-data/中级/1.1")
        #expect(requirement["Shortname"]?.hasPrefix("1.1.1 能根据企业资质与经营品类") == true)
        #expect(requirement["Description"]?.contains("<p lang=\"en\">Can complete the store") == true)
        #expect(byID["b2b-data/中级/1.1"]?["Parent id number"] == "b2b-data/中级/1")
        #expect(byID["b2b-data/中级/1"]?["Parent id number"] == "b2b-data/中级")
        #expect(byID["b2b-data/初级/1.1.1"]?["Parent id number"] == "b2b-data/初级/1.1")
        #expect(byID["b2b-data/中级"]?["Shortname"] == "中级")
        #expect(byID["b2b-data/中级"]?["Description"] == "<p>面向跨境电商B2B平台运营岗位。</p><p lang=\"en\">For B2B platform operations roles.</p>")
        // Exported ids are distinct numbers.
        let exported = competencies.compactMap { $0["Exported id"].flatMap { Int($0) } }
        #expect(Set(exported).count == competencies.count)
    }

    @Test("Outcome frameworks: groups at the top, outcomes under them")
    func outcomeRows() throws {
        let table = Table(MoodleCompetencyCSV.export(S.outcomes))
        let competencies = Array(table.rows.dropFirst())
        #expect(competencies.count == 5 + 6)
        let byID = Dictionary(uniqueKeysWithValues: competencies.map { ($0["Id number"]!, $0) })
        #expect(byID["cbec-outcomes/素质"]?["Parent id number"] == "")
        #expect(byID["cbec-outcomes/素质"]?["Shortname"] == "素质")
        #expect(byID["cbec-outcomes/X"]?["Shortname"] == "X 拓展")
        #expect(byID["cbec-outcomes/Q1"]?["Parent id number"] == "cbec-outcomes/素质")
        #expect(byID["cbec-outcomes/A1.1"]?["Parent id number"] == "cbec-outcomes/能力")
        #expect(byID["cbec-outcomes/K1"]?["Shortname"] == "K1 掌握国际贸易术语，例如 FOB, CIF。")
    }

    @Test("Commas, quotes and newlines are quoted per RFC 4180 and read back unchanged")
    func quoting() throws {
        let csv = MoodleCompetencyCSV.export(S.certificate)
        // 1.1.2's statement holds an ASCII comma, quotes and markup; 1.2.1's a newline.
        #expect(csv.contains("\"\"产品分组\"\""))
        let byID = Dictionary(uniqueKeysWithValues: Table(csv).rows.map { ($0["Id number"]!, $0) })
        #expect(byID["b2b-data/中级/1.1.2"]?["Shortname"] == "1.1.2 能规划“首页”版块, 配置 <轮播图> & \"产品分组\"。")
        #expect(byID["b2b-data/中级/1.1.2"]?["Description"] == "<p>能规划“首页”版块, 配置 &lt;轮播图&gt; &amp; &quot;产品分组&quot;。</p>")
        #expect(byID["b2b-data/中级/1.2.1"]?["Shortname"] == "1.2.1 能撰写英文产品标题。 标题长度符合要求。")
        #expect(byID["b2b-data/中级/1.2.1"]?["Description"]?.hasPrefix("<p>能撰写英文产品标题。<br>标题长度符合要求。</p>") == true)

        #expect(MoodleCompetencyCSV.field("plain") == "plain")
        #expect(MoodleCompetencyCSV.field("a,b") == "\"a,b\"")
        #expect(MoodleCompetencyCSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(MoodleCompetencyCSV.field("two\nlines") == "\"two\nlines\"")
        #expect(MoodleCompetencyCSV.field("cr\rhere") == "\"cr\rhere\"")
        #expect(Self.parse("a,\"b,\"\"c\"\"\r\nd\",e\r\n") == [["a", "b,\"c\"\r\nd", "e"]])
    }

    @Test("Long statements are shortened to 100 characters; duplicate and over-long id numbers made safe")
    func limits() throws {
        var framework = S.outcomes
        let long = String(repeating: "很长的培养规格描述", count: 30)
        framework.outcomeGroups[0].outcomes.append(Statement(code: "Q9", statement: LocalizedText(zh: long), location: S.here))
        framework.outcomeGroups[0].outcomes.append(framework.outcomeGroups[0].outcomes[0])  // Q1 twice
        framework.outcomeGroups.append(
            OutcomeGroup(domain: nil, code: "a,b", title: LocalizedText(zh: "逗号"), outcomes: [], location: S.here))
        let rows = Table(MoodleCompetencyCSV.export(framework)).rows
        let q9 = try #require(rows.first { $0["Id number"] == "cbec-outcomes/Q9" })
        #expect(q9["Shortname"]!.count == 100)
        #expect(q9["Shortname"]!.hasSuffix("…"))
        #expect(q9["Description"] == "<p>\(long)</p>")
        let ids = rows.compactMap { $0["Id number"] }
        #expect(Set(ids).count == ids.count)
        #expect(ids.contains("cbec-outcomes/Q1#2"))
        #expect(ids.contains("cbec-outcomes/a%2Cb"))

        let longID = String(repeating: "x", count: 64)
        var deep = S.certificate
        deep.id = longID
        deep.levels[1].areas[0].tasks[0].requirements[0].code = String(repeating: "9", count: 32)
        let deepIDs = Table(MoodleCompetencyCSV.export(deep)).rows.compactMap { $0["Id number"] }
        #expect(deepIDs.allSatisfy { $0.count <= 100 })
        #expect(Set(deepIDs).count == deepIDs.count)
    }

    @Test("Same framework, same bytes")
    func deterministic() {
        #expect(MoodleCompetencyCSV.export(S.certificate) == MoodleCompetencyCSV.export(S.withoutLocations(S.certificate)))
    }

    @Test("a text field a spreadsheet would evaluate as a formula gets a leading quote; numbers stay", arguments: [
        ("=1+1", "'=1+1"), ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"), ("@SUM(1)", "'@SUM(1)"), ("-x,y", "\"'-x,y\""),
        ("\t=1", "'\t=1"), ("1", "1"), ("-3", "-3"), ("b2b-data/中级", "b2b-data/中级"),
    ])
    func formulaCells(_ value: String, _ expected: String) {
        #expect(MoodleCompetencyCSV.field(value) == expected)
    }

    @Test("no field of an exported framework starts like a formula")
    func exportHasNoFormula() {
        for framework in [S.certificate, S.outcomes] {
            let cells = Self.parse(MoodleCompetencyCSV.export(framework)).flatMap { $0 }
            #expect(!cells.isEmpty)
            #expect(cells.allSatisfy { cell in !["=", "+", "-", "@", "\t", "\r"].contains { cell.hasPrefix($0) } })
        }
    }
}
