import Coursemap
import CoursemapModel
import Foundation
import Testing

/// What would give away an exam item's answer: its explanation, accepted answers, reference answer and
/// marking points, numeric answers, and (for choice, matching and ordering items) the answer key.
func secrets(of item: ExerciseItem) -> [String] {
    func plain(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression).trimmingCharacters(in: .whitespacesAndNewlines)
    }
    var found: [String] = []
    if let explanation = item.explanation { found.append(plain(explanation.html)) }
    // Imported feedback (item-level and per choice) tells the answer too.
    if let feedback = item.feedback {
        found += [feedback.general, feedback.correct, feedback.partiallyCorrect, feedback.incorrect].compactMap { $0.map { plain($0.html) } }
    }
    switch item.body {
    case let .singleChoice(choices), let .multipleChoice(choices): found += choices.compactMap { $0.feedback.map { plain($0.html) } }
    default: break
    }
    switch item.body {
    case let .fillBlank(blanks): found += blanks.flatMap(\.accepted).filter { $0.count >= 4 }
    case let .shortAnswer(reference, points): found += [reference.map { plain($0.html) }].compactMap { $0 } + points.map { plain($0.text.html) }
    case let .numerical(answers): found += answers.map { String($0.value) }
    default: break
    }
    return found.filter { !$0.isEmpty }
}

@Suite("Student and teacher editions")
struct EditionTests {
    @Test("no file of the student edition contains any exam item's answer or explanation")
    func studentEditionLeaksNothing() throws {
        let workspace = try Workspace()
        let outcome = try Pipeline.build(content: fixtureSite, output: workspace.path("Site"), edition: .student)
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics.sorted)")
        let files = try snapshot(workspace.path("Site"))
        let exam = outcome.program.banks.flatMap(\.items).filter { $0.usage == .exam }
        #expect(exam.count >= 5)
        var checked = 0
        for item in exam {
            for secret in secrets(of: item) {
                for (path, data) in files {
                    let text = String(decoding: data, as: UTF8.self)
                    #expect(!text.contains(secret), "\(path) leaks '\(secret)' of exam item \(item.id)")
                    checked += 1
                }
            }
        }
        #expect(checked > 100)
        // Exam items carry no answer key, no correct markers and no answer disclosure.
        for bank in outcome.program.banks {
            for item in bank.items where item.usage == .exam {
                let page = String(decoding: try #require(files["banks/\(bank.id)/\(item.id).html"]), as: UTF8.self)
                #expect(!page.contains("data-answer="), "\(item.id) has an answer key")
                #expect(!page.contains("class=\"correct\"") && !page.contains("choice correct"), "\(item.id) marks the correct choice")
                #expect(!page.contains("class=\"feedback"), "\(item.id) has feedback")
                #expect(!page.contains("class=\"answer\""), "\(item.id) has an answer disclosure")
            }
        }
        #expect(files.keys.allSatisfy { !$0.hasSuffix("answers.html") })
    }

    @Test("practice items carry a self-check key and their explanation")
    func practiceItems() throws {
        let workspace = try Workspace()
        _ = try Pipeline.build(content: fixtureSite, output: workspace.path("Site"))
        let page = String(decoding: try #require(try snapshot(workspace.path("Site"))["banks/basics/s1.html"]), as: UTF8.self)
        #expect(page.contains("data-answer=\"{&quot;correct&quot;:[&quot;B&quot;],&quot;type&quot;:&quot;choice&quot;}\""))
        #expect(page.contains("点击率衡量曝光后被点击的比例"))
        #expect(page.contains("assets/selfcheck.js"))
    }

    @Test("ordering and matching items never show their options in the correct order")
    func shuffled() throws {
        let workspace = try Workspace()
        _ = try Pipeline.build(content: fixtureSite, output: workspace.path("Site"))
        let page = String(decoding: try #require(try snapshot(workspace.path("Site"))["banks/basics/o1.html"]), as: UTF8.self)
        let positions = ["阅读询盘", "核算报价", "回复买家", "跟进订单"].map { page.range(of: $0)!.lowerBound }
        #expect(positions != positions.sorted())
    }

    @Test("the teacher edition adds every answer and an answer sheet per bank")
    func teacherEdition() throws {
        let workspace = try Workspace()
        let outcome = try Pipeline.build(content: fixtureSite, output: workspace.path("Site"), edition: .teacher)
        let files = try snapshot(workspace.path("Site"))
        let sheet = String(decoding: try #require(files["banks/basics/answers.html"]), as: UTF8.self)
        #expect(sheet.contains("EXAMANSWERORDERS"))
        #expect(sheet.contains("EXAM-SECRET-REFERENCE-SH1"))
        let all = files.values.map { String(decoding: $0, as: UTF8.self) }.joined()
        for item in outcome.program.banks.flatMap(\.items) where item.usage == .exam {
            for secret in secrets(of: item) { #expect(all.contains(secret), "teacher edition lacks '\(secret)'") }
        }
    }

    @Test("datasets of practical tasks are published as downloads")
    func datasets() throws {
        let workspace = try Workspace()
        _ = try Pipeline.build(content: fixtureSite, output: workspace.path("Site"))
        let files = try snapshot(workspace.path("Site"))
        #expect(files["files/datasets/traffic.csv"] == (try Data(contentsOf: fixtureSite.appendingPathComponent("datasets/traffic.csv"))))
        let page = String(decoding: try #require(files["banks/basics/p1.html"]), as: UTF8.self)
        #expect(page.contains("href=\"../../files/datasets/traffic.csv\" download"))
    }

    @Test("items count as assessment evidence in coverage")
    func coverage() throws {
        let outcome = Pipeline.check(content: fixtureSite)
        let report = try #require(outcome.coverage.first { $0.scope.framework == "cert" })
        let row = try #require(report.rows.first { $0.competency.code == "1.1.1" })
        #expect(Set(row.assessments.map(\.itemID)) == ["s1", "t1", "m1", "ma1", "o1", "p1"])
        #expect(row.assessments.count { $0.usage == .exam } == 4)
        #expect(report.rows.first { $0.competency.code == "2.1.1" }?.assessments.isEmpty == true)
    }
}

@Suite("Student edition of the shipped content")
struct ShippedEditionTests {
    @Test("no output file contains an exam item's explanation, reference answer or marking points")
    func shippedStudentEdition() throws {
        let workspace = try Workspace()
        let outcome = try Pipeline.build(content: shippedContent, output: workspace.path("Site"))
        #expect(!outcome.diagnostics.hasErrors)
        let files = try snapshot(workspace.path("Site"))
        let exam = outcome.program.banks.flatMap(\.items).filter { $0.usage == .exam }
        #expect(exam.count >= 50)
        func plain(_ html: String) -> String {
            html.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        var secrets: [(String, String)] = []
        for item in exam {
            if let explanation = item.explanation { secrets.append((item.id, plain(explanation.html))) }
            if case let .shortAnswer(reference, points) = item.body {
                if let reference { secrets.append((item.id, plain(reference.html))) }
                secrets += points.map { (item.id, plain($0.text.html)) }
            }
        }
        #expect(secrets.count >= 50)
        // Texts the portal publishes anyway (stems, choices, module text) cannot be told apart from a leak.
        var published = outcome.program.allModules.map { plain($0.body.html) }
        for item in outcome.program.banks.flatMap(\.items) {
            published.append(plain(item.stem.html))
            if case let .singleChoice(choices) = item.body { published += choices.map { plain($0.text.html) } }
            if case let .multipleChoice(choices) = item.body { published += choices.map { plain($0.text.html) } }
        }
        let publicText = published.joined(separator: "\n")
        // Every file, as bytes: a page never holds these texts.
        let everything = Data(files.values.joined())
        var checked = 0
        for (id, secret) in secrets where secret.count >= 6 && !publicText.contains(secret) {
            #expect(everything.range(of: Data(secret.utf8)) == nil, "exam item \(id) leaks: \(secret.prefix(40))…")
            checked += 1
        }
        #expect(checked >= 50)
        for bank in outcome.program.banks {
            for item in bank.items where item.usage == .exam {
                let page = String(decoding: try #require(files["banks/\(bank.id)/\(item.id).html"]), as: UTF8.self)
                #expect(!page.contains("data-answer=") && !page.contains("class=\"answer\"") && !page.contains("class=\"correct\"") && !page.contains("choice correct"))
            }
        }
    }
}
