import CoursemapModel

/// The interface strings of the portal in one language. Templates read them as `{{ui.name}}`.
struct UIStrings: Sendable {
    let home: String
    let frameworks: String
    let courses: String
    let modules: String
    let coverage: String
    let requirements: String
    let outcomes: String
    let course: String
    let module: String
    let code: String
    let credits: String
    let hours: String
    let theoryHours: String
    let practiceHours: String
    let semester: String
    let courseType: String
    let integration: String
    let status: String
    let statusCovered: String
    let statusPartial: String
    let statusGap: String
    let level: String
    let statement: String
    let taughtBy: String
    let notTaught: String
    let outline: String
    let contents: String
    let competencies: String
    let noCompetencies: String
    let previous: String
    let next: String
    let illustrative: String
    let issuer: String
    let version: String
    let workArea: String
    let task: String
    let total: String
    let rules: String
    let downloadJSON: String
    let skipToContent: String
    let primaryNavigation: String
    let breadcrumb: String
    let mappingLegend: String
    let generatedBy: String
    let banks: String
    let items: String
    let practice: String
    let exam: String
    let practicalTasks: String
    let showAnswer: String
    let answer: String
    let explanation: String
    let checkAnswer: String
    let correctResult: String
    let wrongResult: String
    let incompleteResult: String
    let trueLabel: String
    let falseLabel: String
    let blank: String
    let chooseOption: String
    let position: String
    let scenario: String
    let steps: String
    let datasets: String
    let deliverable: String
    let rubric: String
    let criterion: String
    let points: String
    let answerSheet: String
    let score: String
    let difficulty: String
    let assessedBy: String
    let assesses: String
    let notAssessed: String
    let teacherEdition: String
    let options: String
    let importedFrom: String
    let tolerance: String
    let library: String
    let lectures: String
    let duration: String
    let minutes: String
    let transcript: String
    let slides: String
    let download: String
    let partOf: String
    let related: String
    let kind: String
    let license: String
    let fileSize: String
    let allKinds: String
    let allCourses: String
    let allAreas: String
    let filterCompetency: String
    let filter: String
    let noMatches: String
    let videoFallback: String
    let captionsLabel: String
    let taughtByLectures: String
    let resourcesLabel: String
    let lectureMinutes: String
    let workAreas: String
    let matrix: String
    let notTaughtList: String
    let notAssessedList: String
    let orphanList: String
    let introducedOnly: String
    let blueprint: String
    let weight: String
    let weightShare: String
    let itemShare: String
    let hourShare: String
    let mismatch: String
    let downloadCSV: String
    let noneFound: String
    let gapsFirst: String
    let notFoundTitle: String
    let notFoundText: String
    let search: String
    let searchPlaceholder: String
    let searchNoResults: String
    let searchUnavailable: String
    let languageSwitch: String

    static func table(for language: Language) -> UIStrings {
        switch language {
        case .zh: return .zh
        case .en: return .en
        }
    }

    static let zh = UIStrings(
        home: "首页", frameworks: "标准与培养规格", courses: "课程", modules: "模块", coverage: "覆盖情况",
        requirements: "职业技能要求", outcomes: "培养规格", course: "课程", module: "模块", code: "编码",
        credits: "学分", hours: "学时", theoryHours: "理论学时", practiceHours: "实践学时", semester: "开课学期",
        courseType: "课程类型", integration: "课证融通", status: "状态",
        statusCovered: "已覆盖", statusPartial: "部分覆盖", statusGap: "未覆盖", level: "程度", statement: "要求",
        taughtBy: "教学模块", notTaught: "尚无模块覆盖此要求。", outline: "课程大纲", contents: "本页目录",
        competencies: "对应能力", noCompetencies: "本模块未标注对应能力。", previous: "上一模块", next: "下一模块",
        illustrative: "示例框架：本标准文本为教学示例，并非官方发布的职业技能等级标准。", issuer: "培训评价组织",
        version: "版本", workArea: "工作领域", task: "工作任务", total: "合计", rules: "判定规则",
        downloadJSON: "下载 coverage.json", skipToContent: "跳到正文", primaryNavigation: "主导航",
        breadcrumb: "当前位置", mappingLegend: "I 引入 · R 强化 · M 掌握", generatedBy: "由 Coursemap 生成",
        banks: "习题", items: "题目", practice: "练习", exam: "考试", practicalTasks: "实训任务",
        showAnswer: "查看答案与解析", answer: "答案", explanation: "解析", checkAnswer: "检查答案",
        correctResult: "回答正确。", wrongResult: "回答有误，请再想想。", incompleteResult: "请先作答。",
        trueLabel: "正确", falseLabel: "错误", blank: "填空", chooseOption: "请选择", position: "顺序",
        scenario: "任务情境", steps: "任务步骤", datasets: "数据文件", deliverable: "提交成果", rubric: "评分标准",
        criterion: "评分项", points: "分", answerSheet: "答案与评分表", score: "分值", difficulty: "难度",
        assessedBy: "考核题目", assesses: "考核能力", notAssessed: "尚无题目考核此要求。", teacherEdition: "教师版",
        options: "选项", importedFrom: "导入自", tolerance: "允许误差",
        library: "资源库", lectures: "微课", duration: "时长", minutes: "分钟", transcript: "文字稿", slides: "课件",
        download: "下载", partOf: "所属模块", related: "相关微课与资源", kind: "类型", license: "许可", fileSize: "大小",
        allKinds: "全部类型", allCourses: "全部课程", allAreas: "全部工作领域", filterCompetency: "能力编码",
        filter: "筛选", noMatches: "没有符合条件的资源。", videoFallback: "您的浏览器无法播放此视频，可下载观看：",
        captionsLabel: "字幕", taughtByLectures: "讲授微课", resourcesLabel: "相关资源", lectureMinutes: "微课时长",
        workAreas: "工作领域", matrix: "课证融通矩阵", notTaughtList: "无教学覆盖的要求", notAssessedList: "无考核的要求",
        orphanList: "未对应任何能力的资源", introducedOnly: "只引入、未强化或掌握的要求", blueprint: "考试蓝图对照",
        weight: "分值", weightShare: "分值占比", itemShare: "题目占比", hourShare: "学时占比", mismatch: "偏差较大",
        downloadCSV: "下载 coverage.csv", noneFound: "无。", gapsFirst: "缺口",
        notFoundTitle: "页面不存在", notFoundText: "您访问的页面不存在或已移动。可以从以下入口继续：", search: "搜索",
        searchPlaceholder: "搜索课程、微课、题目……", searchNoResults: "没有找到结果。",
        searchUnavailable: "搜索需要通过网站地址访问（不能从本地文件打开）。", languageSwitch: "语言")

    static let en = UIStrings(
        home: "Home", frameworks: "Frameworks", courses: "Courses", modules: "Modules", coverage: "Coverage",
        requirements: "Skill requirements", outcomes: "Program outcomes", course: "Course", module: "Module",
        code: "Code", credits: "Credits", hours: "Hours", theoryHours: "Theory hours",
        practiceHours: "Practice hours", semester: "Semester", courseType: "Course type",
        integration: "Certificate integration", status: "Status",
        statusCovered: "Covered", statusPartial: "Partial", statusGap: "Gap", level: "Level", statement: "Requirement",
        taughtBy: "Taught in", notTaught: "No module covers this requirement yet.", outline: "Outline",
        contents: "On this page", competencies: "Competencies", noCompetencies: "This module maps no competencies.",
        previous: "Previous module", next: "Next module",
        illustrative: "Illustrative framework: this text is a teaching example, not the officially published standard.",
        issuer: "Issuer", version: "Version", workArea: "Work area", task: "Task", total: "Total", rules: "Rules",
        downloadJSON: "Download coverage.json", skipToContent: "Skip to content", primaryNavigation: "Main navigation",
        breadcrumb: "Breadcrumb", mappingLegend: "I introduced · R reinforced · M mastered",
        generatedBy: "Generated by Coursemap",
        banks: "Exercises", items: "Items", practice: "Practice", exam: "Exam", practicalTasks: "Practical tasks",
        showAnswer: "Show answer and explanation", answer: "Answer", explanation: "Explanation", checkAnswer: "Check answer",
        correctResult: "Correct.", wrongResult: "Not quite — try again.", incompleteResult: "Answer first.",
        trueLabel: "True", falseLabel: "False", blank: "Blank", chooseOption: "Choose", position: "Position",
        scenario: "Scenario", steps: "Steps", datasets: "Datasets", deliverable: "Deliverable", rubric: "Rubric",
        criterion: "Criterion", points: "pts", answerSheet: "Answer key and marking sheet", score: "Score",
        difficulty: "Difficulty", assessedBy: "Assessed by", assesses: "Assesses",
        notAssessed: "No item assesses this requirement yet.", teacherEdition: "Teacher edition", options: "Options",
        importedFrom: "Imported from", tolerance: "tolerance",
        library: "Library", lectures: "Micro-lectures", duration: "Duration", minutes: "min", transcript: "Transcript",
        slides: "Slides", download: "Download", partOf: "Part of", related: "Lectures and resources", kind: "Kind",
        license: "License", fileSize: "Size", allKinds: "All kinds", allCourses: "All courses", allAreas: "All work areas",
        filterCompetency: "Competency code", filter: "Filter", noMatches: "No resource matches.",
        videoFallback: "Your browser cannot play this video; download it:", captionsLabel: "Captions",
        taughtByLectures: "Micro-lectures", resourcesLabel: "Resources", lectureMinutes: "Lecture minutes",
        workAreas: "Work areas", matrix: "Certificate–course matrix", notTaughtList: "Requirements nothing teaches",
        notAssessedList: "Requirements nothing assesses", orphanList: "Resources mapped to nothing",
        introducedOnly: "Introduced but never reinforced or mastered", blueprint: "Exam blueprint", weight: "Weight",
        weightShare: "Weight share", itemShare: "Item share", hourShare: "Hour share", mismatch: "Mismatch",
        downloadCSV: "Download coverage.csv", noneFound: "None.", gapsFirst: "Gaps",
        notFoundTitle: "Page not found", notFoundText: "The page does not exist or has moved. Continue from:",
        search: "Search", searchPlaceholder: "Search courses, lectures, exercises…", searchNoResults: "No results.",
        searchUnavailable: "Search works when the portal is served from a web address, not opened from disk.",
        languageSwitch: "Language")
}
