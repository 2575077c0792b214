#!/usr/bin/env python3
"""Generate the benchmark corpus: the same N-module curriculum as a Coursemap content tree and as a Hugo site.

Usage: make-corpus.py N OUTDIR

Writes
  OUTDIR/coursemap/   coursemap.yml, frameworks/bench.xml, courses/<course>/course.md and N Markdown modules
  OUTDIR/hugo/        config.toml, data/bench.json, content/<course>/_index.md and N pages, layouts/

Each module is ~4 KB of UTF-8 Markdown in the shape of GUIDE §6: mixed Chinese and English prose,
exactly three `##` headings, a list, a GFM table, a fenced code block, and exactly three references to
the benchmark framework (6 areas x 5 tasks x 4 requirements = 120 requirements, level 中级).

Deterministic: every module is generated from its own seeded random.Random (fixed base seed plus the
module's index), so module i is byte-identical whatever N is, and a smaller corpus is a prefix of a
larger one. Python 3 standard library only.
"""

import json
import math
import os
import random
import shutil
import sys

BASE_SEED = 20260601
MODULES_PER_COURSE = 50
TARGET_BYTES = 4096          # size of each module file, front matter included (approximate)
FRAMEWORK_ID = "bench"
LEVEL = "中级"

# ---------------------------------------------------------------------------------------------------
# Word lists

ZH_SUBJECTS = ["运营专员", "学生", "店铺团队", "买家", "供应商", "客服人员", "数据分析师", "企业导师",
               "跨境卖家", "采购经理", "物流服务商", "平台", "教学团队", "实训小组", "外贸业务员", "美工"]
ZH_VERBS = ["分析", "整理", "优化", "设置", "核对", "跟踪", "比较", "撰写", "规划", "评估", "发布", "维护",
            "统计", "调整", "归纳", "检查", "汇总", "测算", "记录", "复盘"]
ZH_OBJECTS = ["产品标题", "关键词库", "询盘数据", "店铺首页", "橱窗产品", "推广计划", "报价单", "物流方案",
              "访客来源", "转化漏斗", "客户画像", "主图与详情图", "阶梯价格", "交货期", "信息质量分",
              "直通车出价", "营销活动", "周报模板", "样品订单", "信用保障订单", "退换货规则", "搜索排名",
              "竞品数据", "商机列表", "客户分层", "付款条件"]
ZH_ADVERBS = ["按周", "逐项", "系统地", "认真", "及时", "按规范", "分阶段", "有针对性地", "反复", "结合实际"]
ZH_PURPOSES = ["以提高点击率", "以便控制推广成本", "从而提升转化率", "为下一步决策提供依据", "保证信息准确一致",
               "避免违反平台规则", "以缩短回复时间", "让买家更容易找到产品", "使报价更有竞争力",
               "为课程考核积累材料", "便于团队分工协作", "减少履约风险"]
ZH_CONNECTORS = ["首先，", "然后，", "此外，", "同时，", "在实践中，", "一般来说，", "需要注意的是，", "因此，",
                 "例如，", "在本模块中，", "课后，", ""]
ZH_TERMS_EN = ["CTR", "ROI", "RFQ", "FOB", "CIF", "SKU", "MOQ", "P4P", "KPI", "Excel", "SQL", "GMV", "UV", "PV",
               "Incoterms", "Trade Assurance", "landing page", "long-tail keyword", "lead time"]

EN_SUBJECTS = ["The operator", "Each student", "The store team", "A buyer", "The supplier", "The analyst",
               "The mentor", "Our seller", "The purchasing manager", "The logistics partner", "The team lead"]
EN_VERBS = ["reviews", "compares", "updates", "tracks", "summarises", "optimises", "checks", "plans",
            "estimates", "records", "publishes", "drafts", "ranks", "cleans", "groups"]
EN_VERB_BASES = ["review", "compare", "update", "track", "summarise", "optimise", "check", "plan", "estimate",
                 "record", "publish", "draft", "rank", "clean", "group"]
EN_OBJECTS = ["the product titles", "the keyword library", "weekly inquiry data", "the home page layout",
              "showcase products", "the campaign budget", "a quotation", "shipping options",
              "traffic sources", "the conversion funnel", "buyer profiles", "tiered prices", "lead times",
              "bid prices", "sample orders", "payment terms", "competitor listings", "the weekly report"]
EN_TAILS = ["before the campaign starts", "every Monday morning", "against last month's figures",
            "with the mentor's checklist", "so that buyers find the right product", "to keep costs under control",
            "according to the platform rules", "in a shared spreadsheet", "for the certificate exam",
            "after each customer call", "to improve the quality score", "for the next teaching unit"]

HEADINGS = ["学习目标", "知识讲解", "操作步骤", "课堂练习", "案例分析", "数据准备", "工具与方法", "评价标准",
            "常见问题", "拓展阅读", "实训任务", "Key terms", "Worked example", "Checklist", "Review questions",
            "任务背景", "成果要求", "注意事项"]

TABLE_COLS = [("指标", "Metric"), ("本周", "This week"), ("上周", "Last week"), ("变化", "Change"), ("说明", "Note")]
METRICS = ["曝光量 impressions", "点击量 clicks", "点击率 CTR", "询盘数 inquiries", "订单数 orders",
           "访客数 UV", "浏览量 PV", "转化率 CVR", "推广花费 spend", "平均出价 avg. bid", "回复率 reply rate"]
NOTES = ["正常波动", "需要关注", "活动带动", "季节因素", "出价调整后上升", "关键词更换", "新品上架", "对比行业均值",
         "seasonal", "after the bid change", "new listing", "within range"]

CODE_BLOCKS = [
    ("sql", ["SELECT keyword, SUM(impressions) AS imp, SUM(clicks) AS clk",
             "FROM p4p_daily",
             "WHERE day BETWEEN '{d1}' AND '{d2}'",
             "GROUP BY keyword",
             "HAVING SUM(clicks) > {n}",
             "ORDER BY clk * 1.0 / imp DESC;"]),
    ("python", ["import csv",
                "",
                "def ctr(row):",
                "    return int(row['clicks']) / max(1, int(row['impressions']))",
                "",
                "with open('traffic-{n}.csv', encoding='utf-8') as f:",
                "    rows = sorted(csv.DictReader(f), key=ctr, reverse=True)",
                "print([r['keyword'] for r in rows[:{k}]])"]),
    ("excel", ["=IFERROR(C{k}/B{k}, 0)",
               "=SUMIFS(D:D, A:A, \"{d1}\", B:B, \"核心词\")",
               "=ROUND(AVERAGE(E2:E{n}), 2)"]),
    ("text", ["Subject: Quotation for {n} pcs, FOB Ningbo",
              "Dear buyer,",
              "Thank you for your inquiry of {d1}. Our MOQ is {k} pcs and the lead time is 15 days.",
              "Best regards"]),
    ("json", ["{{",
              "  \"sku\": \"BT-{n}\",",
              "  \"moq\": {k},",
              "  \"price_tiers\": [[{k}, 3.2], [{n}, 2.9]],",
              "  \"updated\": \"{d1}\"",
              "}}"]),
]

COURSE_TYPES = ["公共基础课", "专业基础课", "专业核心课", "专业拓展课", "集中实践课"]
COURSE_TOPICS = [("跨境电商店铺运营", "Cross-border Store Operations"), ("数据分析", "Data Analysis"),
                 ("外贸函电", "Foreign Trade Correspondence"), ("国际物流", "International Logistics"),
                 ("网络营销", "Online Marketing"), ("客户关系管理", "Customer Relationship Management"),
                 ("视觉设计", "Visual Design"), ("商务英语", "Business English")]

AREAS = [("店铺的建设与产品的发布", "Store setup and product listing"), ("店铺的营销", "Store marketing"),
         ("数据分析", "Data analysis"), ("商机管理", "Lead management"), ("交易管理", "Transaction management"),
         ("履约服务", "Fulfilment service")]
TASKS_ZH = ["基础建设", "信息维护", "方案设计", "执行跟踪", "效果评估"]
TASKS_EN = ["basic setup", "information upkeep", "plan design", "execution and tracking", "evaluation"]


def requirement_codes():
    return [f"{a}.{t}.{r}" for a in range(1, 7) for t in range(1, 6) for r in range(1, 5)]


def requirement_text(code):
    a, t, r = (int(x) for x in code.split("."))
    rng = random.Random(BASE_SEED * 7 + a * 100 + t * 10 + r)
    zh = f"能{rng.choice(ZH_ADVERBS)}{rng.choice(ZH_VERBS)}{rng.choice(ZH_OBJECTS)}，{rng.choice(ZH_PURPOSES)}（{code}）。"
    en = f"Can {rng.choice(EN_VERB_BASES)} {rng.choice(EN_OBJECTS)} {rng.choice(EN_TAILS)} ({code})."
    return zh, en


# ---------------------------------------------------------------------------------------------------
# Prose

def zh_sentence(rng):
    s = (f"{rng.choice(ZH_CONNECTORS)}{rng.choice(ZH_SUBJECTS)}需要{rng.choice(ZH_ADVERBS)}"
         f"{rng.choice(ZH_VERBS)}{rng.choice(ZH_OBJECTS)}")
    roll = rng.random()
    if roll < 0.35:
        s += f"，并用 {rng.choice(ZH_TERMS_EN)} 衡量效果"
    elif roll < 0.5:
        s += f"，重点关注`{rng.choice(ZH_TERMS_EN)}`的变化"
    elif roll < 0.6:
        s += f"，把**{rng.choice(ZH_OBJECTS)}**作为检查重点"
    s += f"，{rng.choice(ZH_PURPOSES)}。"
    return s


def en_sentence(rng):
    s = f"{rng.choice(EN_SUBJECTS)} {rng.choice(EN_VERBS)} {rng.choice(EN_OBJECTS)} {rng.choice(EN_TAILS)}"
    if rng.random() < 0.3:
        s += f", and notes the {rng.choice(['CTR', 'ROI', 'MOQ', 'reply rate', 'quality score'])} of each item"
    return s + "."


def paragraph(rng):
    parts = []
    for _ in range(rng.randint(3, 6)):
        parts.append(en_sentence(rng) if rng.random() < 0.3 else zh_sentence(rng))
    out = ""
    for p in parts:  # Chinese runs join without spaces, English sentences are set off by one
        if out and (p[0].isascii() or out[-1].isascii()):
            out += " "
        out += p
    return out


def bullet_list(rng):
    items = []
    for i in range(rng.randint(4, 6)):
        if rng.random() < 0.3:
            items.append(f"{rng.choice(EN_VERB_BASES).capitalize()} {rng.choice(EN_OBJECTS)} {rng.choice(EN_TAILS)};")
        else:
            items.append(f"能{rng.choice(ZH_VERBS)}{rng.choice(ZH_OBJECTS)}，{rng.choice(ZH_PURPOSES)}；")
    ordered = rng.random() < 0.4
    return "\n".join((f"{i + 1}. " if ordered else "- ") + item for i, item in enumerate(items))


def table(rng):
    header = "| " + " | ".join(f"{zh} {en}" for zh, en in TABLE_COLS) + " |"
    align = "| --- | ---: | ---: | ---: | --- |"
    rows = []
    for metric in rng.sample(METRICS, rng.randint(4, 6)):
        a, b = rng.randint(50, 9999), rng.randint(50, 9999)
        rows.append(f"| {metric} | {a} | {b} | {(a - b) * 100 / b:+.1f}% | {rng.choice(NOTES)} |")
    return "\n".join([header, align] + rows)


def code_block(rng):
    lang, lines = rng.choice(CODE_BLOCKS)
    values = {"n": rng.randint(10, 999), "k": rng.randint(2, 60),
              "d1": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
              "d2": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"}
    return f"```{lang}\n" + "\n".join(line.format(**values) for line in lines) + "\n```"


def module_body(rng, budget):
    """Three `##` sections: list in the first, table in the second, code block in the third; prose fills
    the rest up to `budget` bytes."""
    headings = rng.sample(HEADINGS, 3)
    fixed = [bullet_list(rng), table(rng), code_block(rng)]
    sections = [[paragraph(rng)] for _ in range(3)]

    def size():
        return sum(len(h.encode()) + 4 + len(f.encode()) + sum(len(p.encode()) + 2 for p in s)
                   for h, f, s in zip(headings, fixed, sections))

    i = 0
    while budget - size() > 600:            # whole paragraphs while there is room for one
        sections[i % 3].append(paragraph(rng))
        i += 1
    while size() < budget:                   # then single sentences onto the last paragraph
        sections[2][-1] += zh_sentence(rng)
    out = []
    for n, (h, f, s) in enumerate(zip(headings, fixed, sections)):
        out.append(f"## {h}")
        out.append(s[0])
        out.append(f)
        out.extend(s[1:])
    return "\n\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------------
# Model of the corpus

def yaml_str(s):
    return json.dumps(s, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def course_id(c):
    return f"c{c + 1:04d}"


def module_id(i):
    return f"m{i + 1:06d}"


def make_module(i, codes):
    rng = random.Random(BASE_SEED + i)
    c = i // MODULES_PER_COURSE
    order = i % MODULES_PER_COURSE + 1
    title_zh = f"{rng.choice(ZH_OBJECTS)}的{rng.choice(ZH_VERBS)}与{rng.choice(ZH_VERBS)}（模块{i + 1}）"
    title_en = f"{rng.choice(EN_VERB_BASES).capitalize()} {rng.choice(EN_OBJECTS)} (module {i + 1})"
    summary_zh = f"本模块{rng.choice(ZH_ADVERBS)}{rng.choice(ZH_VERBS)}{rng.choice(ZH_OBJECTS)}，{rng.choice(ZH_PURPOSES)}。"
    # Three distinct requirements, one in each third of the framework, moving with the module index.
    first = (i * 7) % len(codes)
    refs = [codes[(first + k * 40) % len(codes)] for k in range(3)]
    levels = [rng.choice("IRM") for _ in refs]
    hours = rng.choice([2, 4, 4, 6, 8])
    return {"id": module_id(i), "course": course_id(c), "order": order, "hours": hours,
            "title_zh": title_zh, "title_en": title_en, "summary_zh": summary_zh,
            "refs": [f"{FRAMEWORK_ID}:{LEVEL}:{code}" for code in refs], "levels": levels, "rng": rng}


def coursemap_front_matter(m):
    lines = ["---", "title:", f"  zh: {yaml_str(m['title_zh'])}", f"  en: {yaml_str(m['title_en'])}",
             f"order: {m['order']}", f"hours: {m['hours']}", "summary:", f"  zh: {yaml_str(m['summary_zh'])}",
             "competencies:"]
    lines += [f"  {ref}: {lvl}" for ref, lvl in zip(m["refs"], m["levels"])]
    return "\n".join(lines + ["---", ""]) + "\n"


def hugo_front_matter(m):
    lines = ["---", f"title: {yaml_str(m['title_zh'])}", f"title_en: {yaml_str(m['title_en'])}",
             f"weight: {m['order']}", f"hours: {m['hours']}", f"description: {yaml_str(m['summary_zh'])}",
             "competencies:"]
    lines += [f"  - {yaml_str(ref)}" for ref in m["refs"]]
    lines += ["levels:"] + [f"  - {lvl}" for lvl in m["levels"]]
    return "\n".join(lines + ["---", ""]) + "\n"


def course_fields(c):
    rng = random.Random(BASE_SEED * 3 + c)
    zh, en = COURSE_TOPICS[c % len(COURSE_TOPICS)]
    return {"id": course_id(c), "code": f"07{c + 1:05d}", "title_zh": f"{zh}（{c + 1}）",
            "title_en": f"{en} ({c + 1})", "credits": rng.choice([2, 3, 4]),
            "theory": rng.choice([16, 24, 32]), "practice": rng.choice([16, 24, 32]),
            "semester": c % 6 + 1, "type": COURSE_TYPES[c % len(COURSE_TYPES)],
            "description": "\n\n".join(paragraph(rng) for _ in range(2)) + "\n"}


# ---------------------------------------------------------------------------------------------------
# Writers

def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def framework_xml(codes):
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<certificate xmlns="urn:coursemap:framework:1" id="{FRAMEWORK_ID}" version="bench-1" illustrative="true">',
           "  <title>", "    <zh>基准测试证书</zh>", "    <en>Benchmark Certificate</en>", "  </title>",
           f'  <level name="{LEVEL}">']
    for a, (azh, aen) in enumerate(AREAS, 1):
        out += [f'    <area code="{a}">', f"      <zh>{azh}</zh>", f"      <en>{aen}</en>"]
        for t in range(1, 6):
            out += [f'      <task code="{a}.{t}">', f"        <zh>{azh}：{TASKS_ZH[t - 1]}</zh>",
                    f"        <en>{aen}: {TASKS_EN[t - 1]}</en>"]
            for r in range(1, 5):
                code = f"{a}.{t}.{r}"
                zh, en = requirement_text(code)
                out += [f'        <requirement code="{code}">', f"          <zh>{zh}</zh>",
                        f"          <en>{en}</en>", "        </requirement>"]
            out.append("      </task>")
        out.append("    </area>")
    out += ["  </level>", "</certificate>", ""]
    return "\n".join(out)


HUGO_CONFIG = """\
baseURL = "https://example.edu.cn/bench/"
title = "基准测试资源库 Benchmark Portal"
languageCode = "zh-CN"

[taxonomies]
  competency = "competencies"
"""

HUGO_LAYOUTS = {
    "_default/baseof.html": """\
<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ site.Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
</head>
<body>
<header><a href="{{ "" | relURL }}">{{ site.Title }}</a>
<nav><a href="{{ "competencies/" | relURL }}">能力要求 Competencies</a></nav></header>
<main id="main">
{{ block "main" . }}{{ end }}
</main>
<footer>{{ site.Title }}</footer>
</body>
</html>
""",
    "_default/single.html": """\
{{ define "main" }}
<p class="eyebrow"><a href="{{ .CurrentSection.RelPermalink }}">{{ .CurrentSection.Title }}</a> · 模块 {{ .Weight }} · {{ .Params.hours }} 学时</p>
<h1>{{ .Title }} <span lang="en">{{ .Params.title_en }}</span></h1>
{{ with .Description }}<p class="lead">{{ . }}</p>{{ end }}
<aside>
<nav class="course-outline"><h2><a href="{{ .CurrentSection.RelPermalink }}">{{ .CurrentSection.Title }}</a></h2>
<ol>
{{ $current := . }}{{ range .CurrentSection.Pages }}<li><a href="{{ .RelPermalink }}"{{ if eq . $current }} aria-current="page"{{ end }}>{{ .Title }}</a></li>
{{ end }}</ol>
</nav>
<nav class="toc"><h2>本页目录</h2>{{ .TableOfContents }}</nav>
<section class="module-competencies"><h2>能力要求</h2>
<ul class="competencies">
{{ $levels := .Params.levels }}{{ range $i, $c := .Params.competencies }}{{ $s := index site.Data.bench $c }}<li><abbr class="level">{{ index $levels $i }}</abbr> <a href="{{ printf "competencies/%s/" (urlize $c) | relURL }}"><code>{{ $c }}</code></a> <span class="statement">{{ $s.zh }}</span></li>
{{ end }}</ul>
</section>
</aside>
<article class="prose">
{{ .Content }}
</article>
<nav class="pager">
{{ with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">← {{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }} →</a>{{ end }}
</nav>
{{ end }}
""",
    "_default/list.html": """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ol>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Description }} <span>{{ . }}</span>{{ end }}</li>
{{ end }}</ol>
{{ end }}
""",
    "_default/taxonomy.html": """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}"><code>{{ .Page.Title }}</code></a> {{ with index site.Data.bench .Page.Title }}{{ .zh }}{{ end }} ({{ .Count }})</li>
{{ end }}</ul>
{{ end }}
""",
    "_default/term.html": """\
{{ define "main" }}
<h1><code>{{ .Title }}</code></h1>
{{ with index site.Data.bench .Title }}<p>{{ .zh }}</p><p lang="en">{{ .en }}</p>{{ end }}
<table>
<thead><tr><th>课程 Course</th><th>模块 Module</th><th>学时 Hours</th></tr></thead>
<tbody>
{{ range .Pages }}<tr><td><a href="{{ .CurrentSection.RelPermalink }}">{{ .CurrentSection.Title }}</a></td><td><a href="{{ .RelPermalink }}">{{ .Title }}</a></td><td>{{ .Params.hours }}</td></tr>
{{ end }}</tbody>
</table>
{{ end }}
""",
}


def main(argv):
    if len(argv) != 3 or not argv[1].isdigit() or int(argv[1]) < 1:
        sys.stderr.write("usage: make-corpus.py N OUTDIR   (N >= 1 modules)\n")
        return 2
    n, outdir = int(argv[1]), argv[2]
    cm, hg = os.path.join(outdir, "coursemap"), os.path.join(outdir, "hugo")
    for d in (cm, hg):
        if os.path.exists(d):
            shutil.rmtree(d)

    codes = requirement_codes()
    assert len(codes) == 120

    # Coursemap: configuration and framework.
    write(os.path.join(cm, "coursemap.yml"), "\n".join([
        "title:", "  zh: 基准测试资源库", "  en: Benchmark Portal",
        "program:", "  zh: 跨境电子商务专业（基准测试）", "  en: Cross-border E-commerce (benchmark)",
        "language: zh-CN", "base_url: https://example.edu.cn/bench/",
        "reports:", f"  - {FRAMEWORK_ID}:{LEVEL}", ""]))
    write(os.path.join(cm, "frameworks", f"{FRAMEWORK_ID}.xml"), framework_xml(codes))

    # Hugo: configuration, layouts, and the framework as a data file for the statements.
    write(os.path.join(hg, "config.toml"), HUGO_CONFIG)
    for name, text in HUGO_LAYOUTS.items():
        write(os.path.join(hg, "layouts", name), text)
    statements = {}
    for code in codes:
        zh, en = requirement_text(code)
        statements[f"{FRAMEWORK_ID}:{LEVEL}:{code}"] = {"zh": zh, "en": en}
    write(os.path.join(hg, "data", f"{FRAMEWORK_ID}.json"), json.dumps(statements, ensure_ascii=False, indent=1) + "\n")
    write(os.path.join(hg, "content", "_index.md"), "---\ntitle: \"基准测试资源库\"\n---\n\n课程列表 Courses.\n")

    # Courses.
    for c in range(math.ceil(n / MODULES_PER_COURSE)):
        f = course_fields(c)
        write(os.path.join(cm, "courses", f["id"], "course.md"), "\n".join([
            "---", f"code: \"{f['code']}\"", "title:", f"  zh: {yaml_str(f['title_zh'])}",
            f"  en: {yaml_str(f['title_en'])}", f"credits: {f['credits']}", "hours:",
            f"  theory: {f['theory']}", f"  practice: {f['practice']}", f"semester: {f['semester']}",
            f"type: {f['type']}", "certificates:", f"  {FRAMEWORK_ID}:{LEVEL}: 嵌入", "---", "", f["description"]]))
        write(os.path.join(hg, "content", f["id"], "_index.md"), "\n".join([
            "---", f"title: {yaml_str(f['title_zh'])}", f"title_en: {yaml_str(f['title_en'])}",
            f"weight: {c + 1}", f"code: \"{f['code']}\"", f"credits: {f['credits']}",
            f"semester: {f['semester']}", "---", "", f["description"]]))

    # Modules: the same body for both tools.
    total = 0
    for i in range(n):
        m = make_module(i, codes)
        front = coursemap_front_matter(m)
        body = module_body(m["rng"], TARGET_BYTES - len(front.encode()))
        write(os.path.join(cm, "courses", m["course"], m["id"] + ".md"), front + body)
        write(os.path.join(hg, "content", m["course"], m["id"] + ".md"), hugo_front_matter(m) + body)
        total += len((front + body).encode())

    sys.stderr.write(f"make-corpus: {n} modules in {math.ceil(n / MODULES_PER_COURSE)} courses, "
                     f"{total / 1e6:.1f} MB of Coursemap modules, into {outdir}/{{coursemap,hugo}}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
