"""The HTML coverage report (docs/coverage.md §7): each number is read together with its label or its row
and column, from the page's element tree (html.parser), and compared with the recount. The site language of
the shipped content is zh-CN, so the Chinese labels of the docs are the ones looked for."""
from . import dom, provenance
from .csvfile import number, tenths
from .rules import LECTURES_COLUMN

STATUS = {"covered": "已覆盖", "partial": "部分覆盖", "gap": "未覆盖"}
# §7.3: the named lists, by the element ids of their headings, and the Chinese name the docs give each.
LISTS = [("cm-gap", "未覆盖", "gaps"), ("cm-partial", "部分覆盖", "partial"), ("cm-not-taught", "无教学", "notTaught"),
         ("cm-not-assessed", "无考核", "notAssessed"), ("cm-introduced-only", "仅引入", "introducedOnly")]


def reason_labels(report, r):
    labels = []
    for reason in r.reasons:
        if reason == "not-taught":
            labels.append("无教学")
        elif reason == "below-level":
            labels.append(f"最高 {r.taught} 未达 {report.rules['covered_at']}")
        else:
            labels.append("无考核")
    return labels


def compare(page, report, content, where, version):
    root = dom.parse(page)
    main = root.find("main") or root
    problems = []
    for check in (provenance_block, summary_cards, named_lists, areas_table, matrix_table, reconciliation_table,
                  blueprint_table, requirements_table, rules_section):
        try:
            problems += check(main, report, content, where, version)
        except Exception as error:        # a missing part of the page is a finding, not a crash of the test
            problems.append(f"{where}: {check.__name__}: {type(error).__name__}: {error}")
    return problems


def provenance_block(main, report, content, where, version):
    block = main.find(cls="provenance")
    if block is None:
        return [f"{where}: no provenance block"]
    pairs = {}
    for dt in block.find_all("dt"):
        siblings = dt.parent.elements()
        dd = siblings[siblings.index(dt) + 1]
        pairs[dt.clean()] = dd.clean()
    values = list(pairs.values())
    scope = report.scope
    revision, dirty = provenance.revision(content.root)
    problems = []
    wanted = [("framework id", scope.framework), ("content revision", revision), ("Coursemap version", version)]
    if scope.version:
        wanted.append(("framework version", scope.version))
    if scope.level:
        wanted.append(("level", scope.level))
    for name, value in wanted:
        if not any(value in v for v in values):
            problems.append(f"{where}: provenance has no {name} {value!r}: {pairs}")
    dates = [label for label, value in pairs.items() if value == provenance.BUILD_DATE]
    if not dates or "UTC" not in dates[0]:
        problems.append(f"{where}: provenance has no build date {provenance.BUILD_DATE} labelled UTC: {pairs}")
    return problems


def summary_cards(main, report, content, where, version):
    cards = {}
    for value in main.find_all(cls="stat-value"):
        label = value.parent.find(cls="stat-label")
        if label is not None:
            cards[label.clean()] = value.clean()
    problems = []
    for key, label in STATUS.items():
        if cards.get(label) != str(report.summary[key]):
            problems.append(f"{where}: card {label!r} shows {cards.get(label)!r}, recount {report.summary[key]}")
    others = {label: value for label, value in cards.items() if label not in STATUS.values()}
    if str(report.summary["total"]) not in others.values():
        problems.append(f"{where}: no card shows the total {report.summary['total']}: {cards}")
    percent = f"{tenths(report.covered_percent)}%"
    if percent not in others.values():
        problems.append(f"{where}: no card shows the covered percentage {percent}: {cards}")
    return problems


def body_rows(table):
    """The rows of every <tbody> of a table (a table may group its rows in several)."""
    return [tr for body in table.find_all("tbody") for tr in body.find_all("tr")]


def following_until_heading(heading):
    """The elements after a heading, up to the next h2/h3."""
    siblings = heading.parent.elements()
    out = []
    for node in siblings[siblings.index(heading) + 1:]:
        if node.tag in ("h2", "h3"):
            break
        out.append(node)
    return out


def named_lists(main, report, content, where, version):
    problems = []
    for element_id, name, key in LISTS:
        heading = main.find(id=element_id)
        members = report.lists[key]
        if heading is None:
            problems.append(f"{where}: no list {name} ({element_id})")
            continue
        text = heading.clean()
        if not text.startswith(name):
            problems.append(f"{where}: list heading {text!r} does not carry the documented name {name!r}")
        if not text.endswith(f"({len(members)})"):
            problems.append(f"{where}: list {text!r}: recount counts {len(members)}")
        shown = []
        for block in following_until_heading(heading):
            for li in block.find_all("li"):
                code = li.find(cls="code")
                shown.append(code.clean() if code is not None else li.clean())
                if key == "partial":
                    ref = f"{report.scope.id}:{shown[-1]}"
                    r = next((x for x in report.requirements if x.ref == ref), None)
                    reasons = li.find(cls="reasons")
                    if r is not None and (reasons is None or reasons.clean() != " · ".join(reason_labels(report, r))):
                        problems.append(f"{where}: partial {shown[-1]} shows reasons "
                                        f"{reasons.clean() if reasons else None!r}, recount {reason_labels(report, r)}")
        expected = [ref.rsplit(":", 1)[1] for ref in members]
        if shown != expected:
            problems.append(f"{where}: list {name} shows {shown}, recount {expected}")
    orphans = main.find(id="cm-orphans")
    count = sum(len(v) for v in report.orphans.values())
    if orphans is None:
        problems.append(f"{where}: no orphans list")
    else:
        if not orphans.clean().startswith("未映射") or not orphans.clean().endswith(f"({count})"):
            problems.append(f"{where}: orphans heading {orphans.clean()!r}, recount 未映射 ({count})")
        links = [a.attrs.get("href", "") for block in following_until_heading(orphans) for a in block.find_all("a")]
        for kind, members in report.orphans.items():
            for member in members:
                if not any(member.split("/")[-1] in href for href in links):
                    problems.append(f"{where}: orphan {kind} {member} not named")
    return problems


def areas_table(main, report, content, where, version):
    table = main.find("table", cls="area-table")
    rows = [row for row in dom.table_rows(table)[1:]]
    problems = []
    if len(rows) != len(report.areas):
        problems.append(f"{where}: {len(rows)} area rows, recount {len(report.areas)}")
    for row, area in zip(rows, report.areas):
        name = f"{area.code} {area.zh}" if report.scope.kind == "certificate" else area.zh
        want = [name, str(area.covered), str(area.partial), str(area.gap), str(area.total)]
        if row[:5] != want:
            problems.append(f"{where}: area row {row[:5]}, recount {want}")
    return problems


def matrix_table(main, report, content, where, version):
    table = main.find("table", cls="matrix-table")
    problems = []
    head = table.find("thead")
    columns = []
    for th in (list(head.find_all("th"))[1:-1] if head else []):
        link = th.find("a")
        href = link.attrs.get("href", "") if link is not None else ""
        columns.append(href.split("/courses/")[1].split("/")[0] if "/courses/" in href else LECTURES_COLUMN)
    if columns != report.columns:
        problems.append(f"{where}: matrix columns {columns}, recount {report.columns}")
    by_code = {r.code: r for r in report.requirements}
    seen = []
    for tr in body_rows(table):
        cells = [c for c in tr.elements() if c.tag in ("th", "td")]
        code = cells[0].clean()
        r = by_code.get(code)
        seen.append(code)
        if r is None:
            problems.append(f"{where}: matrix row {code} is no requirement of the scope")
            continue
        for column, cell in zip(report.columns, cells[1:-1]):
            levels, hours = r.cells.get(column, ([], 0))
            amount = cell.find(cls="muted")
            shown_hours = amount.clean() if amount is not None else ""
            shown_levels = cell.clean()[:len(cell.clean()) - len(shown_hours)].split()
            # A cell without 学时 (only A, or only a lecture's level) may leave its hours blank: the docs say
            # an assessing-only course "shows A and no hours" and say nothing of 0 学时 otherwise.
            want_hours = number(hours) if hours else ""
            if shown_levels != levels or shown_hours not in ({want_hours, "0"} if not hours else {want_hours}):
                problems.append(f"{where}: matrix {code} × {column} shows {shown_levels} {shown_hours!r}, "
                                f"recount {levels} {want_hours!r}")
        if cells[-1].clean() != number(r.hours):
            problems.append(f"{where}: matrix row total {code} {cells[-1].clean()!r}, recount {number(r.hours)}")
    if seen != [r.code for r in report.requirements]:
        problems.append(f"{where}: matrix rows {seen}, recount {[r.code for r in report.requirements]}")
    foot = table.find("tfoot")
    if foot is None:
        problems.append(f"{where}: matrix has no total row")
    else:
        totals = dom.table_rows(foot)
        want = [number(report.column_totals[c]) for c in report.columns] + [number(report.grand_total)]
        if len(totals) != 1 or totals[0][1:] != want:
            problems.append(f"{where}: matrix totals {totals}, recount {want}")
    return problems


def reconciliation_table(main, report, content, where, version):
    table = main.find("table", cls="reconciliation")
    rows = dom.table_rows(table)[1:]
    titles = {c.id: c.title[0] for c in content.courses}
    problems = []
    expected = []
    # §4.3: with lectures_as_hours a 微课学时 column (lecture hours) comes before the column total.
    lectures_column = report.rules["lectures_as_hours"]
    for row in report.reconciliation + [report.program_row]:
        expected.append([number(row.declared), number(row.module_hours), number(row.in_scope), number(row.attributed),
                         number(row.unattributed)] + ([number(row.lectures)] if lectures_column else [])
                        + [number(row.column)])
    if len(rows) != len(expected):
        problems.append(f"{where}: {len(rows)} reconciliation rows, recount {len(expected)}")
    for shown, want, row in zip(rows, expected, report.reconciliation + [report.program_row]):
        if row.course and not shown[0].startswith(titles[row.course]):
            problems.append(f"{where}: reconciliation row {shown[0]!r}, recount {titles[row.course]!r}")
        if row.course and ("CM414" in shown[0]) != row.over:
            problems.append(f"{where}: reconciliation row {shown[0]!r}: CM414 mark shown {'CM414' in shown[0]}, "
                            f"recount {row.over}")
        if shown[1:] != want:
            problems.append(f"{where}: reconciliation {shown[0]} shows {shown[1:]}, recount {want}")
    return problems


def blueprint_table(main, report, content, where, version):
    table = main.find("table", cls="blueprint")
    if not report.blueprint:
        return [f"{where}: a blueprint is shown, but no area has a weight"] if table is not None else []
    if table is None:
        return [f"{where}: no blueprint table"]
    problems = []
    rows = dom.table_rows(table)[1:]
    if len(rows) != len(report.areas):
        problems.append(f"{where}: {len(rows)} blueprint rows, recount {len(report.areas)}")
    for shown, a in zip(rows, report.areas):
        want = [f"{a.code} {a.zh}", a.weight if a.weight is not None else "—",
                f"{tenths(a.weight_share)}%" if a.weight_share is not None else "—", f"{tenths(a.exam_share)}%",
                f"{tenths(a.practice_share)}%", f"{tenths(a.hour_share)}%",
                tenths(a.difference) if a.difference is not None else "—"]
        if shown[:7] != want:
            problems.append(f"{where}: blueprint row {shown[:7]}, recount {want}")
        if bool(shown[7:] and shown[7]) != a.flagged:
            problems.append(f"{where}: blueprint area {a.code} flag shown {shown[7:]}, recount flagged={a.flagged}")
    tolerance = main.find(cls="tolerance")
    if tolerance is None or tolerance.clean() != report.rules["tolerance_text"]:
        problems.append(f"{where}: tolerance shown {tolerance.clean() if tolerance else None!r}, "
                        f"given {report.rules['tolerance_text']!r}")
    if main.find(cls="formula") is None:
        problems.append(f"{where}: the blueprint's formula is not stated under the table")
    return problems


def requirements_table(main, report, content, where, version):
    table = main.find("table", cls="coverage")
    problems = []
    titles = {("module", m.id): m.title[0] for m in content.modules}
    titles.update({("lecture", l.id): l.title[0] for l in content.lectures})
    by_code = {r.code: r for r in report.requirements}
    seen = []
    for tr in body_rows(table):
        if "group-row" in tr.classes:
            continue
        cells = [c for c in tr.elements() if c.tag in ("th", "td")]
        code = cells[0].clean()
        r = by_code.get(code)
        seen.append(code)
        if r is None:
            continue
        status = cells[6].find(cls="status")
        reasons = cells[6].find(cls="reasons")
        if status is None or status.clean() != STATUS[r.status]:
            problems.append(f"{where}: {code} status {status.clean() if status else None!r}, recount {STATUS[r.status]}")
        shown_reasons = reasons.clean() if reasons is not None else ""
        if shown_reasons != " · ".join(reason_labels(report, r)):
            problems.append(f"{where}: {code} reasons {shown_reasons!r}, recount {' · '.join(reason_labels(report, r))!r}")
        if cells[3].clean() != number(r.hours):
            problems.append(f"{where}: {code} 学时 {cells[3].clean()!r}, recount {number(r.hours)}")
        minutes = cells[4].clean()
        if minutes != number(r.minutes) and not (minutes == "—" and not r.lectures):
            problems.append(f"{where}: {code} 微课时长 {minutes!r}, recount {number(r.minutes)}")
        counts = f"练习 {len(r.practice)} · 考试 {len(r.exam)} · 实训任务 {len(r.practical)}"
        if cells[5].clean() != counts and not (cells[5].clean() == "—" and not r.items):
            problems.append(f"{where}: {code} items {cells[5].clean()!r}, recount {counts!r}")
        chips = [chip.clean() for chip in cells[2].find_all(cls="chip")]
        want = [f"{m.level} {titles[('module', m.module)]} {number(m.hours)} 学时" for m in r.modules]
        want += [f"{l.level} 微课 · {titles[('lecture', l.lecture)]} {number(l.minutes)} 分钟" for l in r.lectures]
        if chips != want:
            problems.append(f"{where}: {code} evidence {chips}, recount {want}")
    if seen != [r.code for r in report.requirements]:
        problems.append(f"{where}: requirement rows {seen}, recount {[r.code for r in report.requirements]}")
    return problems


def rules_section(main, report, content, where, version):
    heading = main.find(id="cm-rules-title")
    if heading is None:
        return [f"{where}: no rules section"]
    text = heading.parent.clean()
    problems = []
    if f"{report.rules['covered_at']}（" not in text and f" {report.rules['covered_at']} " not in text:
        problems.append(f"{where}: the rules do not name covered_at {report.rules['covered_at']}: {text[:300]}")
    if report.blueprint and report.rules["tolerance_text"] not in text:
        problems.append(f"{where}: the rules do not give the tolerance {report.rules['tolerance_text']}")
    return problems
