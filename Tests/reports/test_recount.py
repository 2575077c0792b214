"""Every number of every coverage report, recounted from the content files with docs/coverage.md only.

The recount (Tests/reports/recount/) reads the content with PyYAML and ElementTree and applies the rules of
docs/coverage.md in exact integers; it never reads or imports Coursemap's code. It runs on the shipped content
and on edited copies of it (a second level whose area codes restart, a second certificate, a framework
revision, lecture-only teaching, changed status rules, remapped modules and stated hours), and compares with
coverage.json, coverage.csv, the HTML report, `coursemap coverage --format json|csv|table` and
`coursemap coverage --diff`. A failure lists every number that differs, with what the recount expected.
"""
import json
import subprocess

import pytest

from recount import builds as builds_module
from recount import csvfile, diff as diff_module, htmlreport, jsonreport, rules, table

VARIANTS = list(builds_module.VARIANTS)


@pytest.fixture(scope="module")
def builds():
    store = builds_module.Builds()
    yield store
    store.close()


def titles(build):
    names = {("module", m.id): m.title[0] for m in build.content.modules}
    names.update({("lecture", l.id): l.title[0] for l in build.content.lectures})
    return names


def report_problems(problems):
    assert not problems, f"{len(problems)} numbers differ from the recount:\n" + "\n".join(problems[:80])


# ---------------------------------------------------------------------------------------------------------------
# The recount itself: the worked examples of docs/coverage.md, and the numbers the issue quotes.

def test_the_recount_follows_the_worked_examples_of_the_docs():
    # §4.2: a 4-学时 module maps 1.1.1 (hours 1.5), 1.1.2 and 1.2.1: 1.25 each for the last two.
    assert rules.split(400, [150, None, None]) == ([150, 125, 125], 0)
    # A 1-学时 module mapping three requirements: 0.34, 0.33, 0.33.
    assert rules.split(100, [None, None, None]) == ([34, 33, 33], 0)
    # Every mapping states hours: the rest is unattributed.
    assert rules.split(1600, [300, 400, 225, 100]) == ([300, 400, 225, 100], 575)
    assert [csvfile.number(h) for h in (200, 150, 33, 125, 0)] == ["2", "1.5", "0.33", "1.25", "0"]
    assert rules.share(1, 6) == 167 and rules.share(1, 8) == 125 and rules.share(0, 0) == 0   # 16.7%, 12.5% (half up)


def test_the_recount_reproduces_the_shipped_numbers_the_issue_quotes(builds):
    build = builds.get("shipped")
    b2b = build.reports["b2b-data:中级"]
    assert b2b.summary == {"total": 46, "covered": 34, "partial": 6, "gap": 6}
    assert len(b2b.lists["notTaught"]) == 7     # the 6 gaps and 6.1.2, assessed only
    assert b2b.grand_total == 17600               # the program's 176 学时, not 736.4
    assert b2b.column_totals["cbec-store-ops"] == 6400
    assert b2b.orphans["resources"] and not b2b.orphans["modules"]
    assert b2b.requirement("b2b-data:中级:6.1.2").reasons == ["not-taught"]
    assert b2b.requirement("b2b-data:中级:1.1.3").reasons == ["below-level"]


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_hours_reconcile(builds, variant):
    """§4.3 invariants, on the recount: columns sum to the attributed hours, never more than the course's module
    hours in scope; the grand total is the sum of rows and of columns and never exceeds the program's hours
    (except with CM414, which the build must then have reported)."""
    build = builds.get(variant)
    for scope, report in build.reports.items():
        assert report.grand_total == sum(report.column_totals.values()) == sum(r.hours for r in report.requirements)
        rows = {row.course or rules.LECTURES_COLUMN: row for row in report.reconciliation}
        for course, total in report.column_totals.items():
            assert total == rows[course].column, (scope, course)
            assert rows[course].attributed <= rows[course].in_scope, (scope, course)
        assert report.program_row.column == report.grand_total
        over = [row for row in report.reconciliation if row.over]
        # With lectures_as_hours the bounds hold for the module part only (§4.3).
        assert report.program_row.attributed <= report.program_row.declared or over, scope
        if not report.rules["lectures_as_hours"]:
            assert report.grand_total <= report.program_row.declared or over, scope
        for row in over:
            assert "CM414" in build.output, f"{variant}: {row.course} exceeds its hours without CM414"


# ---------------------------------------------------------------------------------------------------------------
# coverage.json

@pytest.mark.parametrize("variant", VARIANTS)
def test_coverage_json_matches_the_recount(builds, variant):
    build = builds.get(variant)
    problems = []
    for scope, report in build.reports.items():
        document = json.loads((build.folder(scope) / "coverage.json").read_text(encoding="utf-8"))
        problems += jsonreport.compare(document, report, build.content, f"{variant} {scope} coverage.json",
                                       builds_module.coursemap_version())
    report_problems(problems)


# ---------------------------------------------------------------------------------------------------------------
# coverage.csv

@pytest.mark.parametrize("variant", VARIANTS)
def test_coverage_csv_matches_the_recount(builds, variant):
    build = builds.get(variant)
    problems = []
    for scope, report in build.reports.items():
        rows = csvfile.read_csv((build.folder(scope) / "coverage.csv").read_bytes())
        problems += csvfile.compare(rows, csvfile.expected_rows(report, titles(build)), f"{variant} {scope} coverage.csv")
    report_problems(problems)


# ---------------------------------------------------------------------------------------------------------------
# The HTML report

@pytest.mark.parametrize("variant", VARIANTS)
def test_the_html_report_shows_the_recounted_numbers_next_to_their_labels(builds, variant):
    build = builds.get(variant)
    problems = []
    for scope, report in build.reports.items():
        page = (build.folder(scope) / "index.html").read_text(encoding="utf-8")
        problems += htmlreport.compare(page, report, build.content, f"{variant} {scope} index.html",
                                       builds_module.coursemap_version())
    report_problems(problems)


# ---------------------------------------------------------------------------------------------------------------
# The terminal: coursemap coverage --format json|csv|table

@pytest.mark.parametrize("variant", ["shipped", "multilevel", "changed-rules", "remapped"])
def test_coverage_format_json_is_one_document_with_every_scope(builds, variant):
    build = builds.get(variant)
    result = build.run("coverage", "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    document = json.loads(result.stdout.decode("utf-8"))       # one valid JSON document
    assert document["formatVersion"] == 2
    assert [jsonreport.scope_id(r) for r in document["reports"]] == list(build.reports)
    problems = []
    for single, (scope, report) in zip(document["reports"], build.reports.items()):
        problems += jsonreport.compare(single, report, build.content, f"{variant} {scope} --format json",
                                       builds_module.coursemap_version())
        written = json.loads((build.folder(scope) / "coverage.json").read_text(encoding="utf-8"))
        if single != written:
            problems.append(f"{variant} {scope}: --format json differs from the site's coverage.json")
    # One scope selected: that scope's coverage.json itself.
    scope = next(iter(build.reports))
    one = build.run("coverage", "--framework", scope, "--format", "json")
    assert one.returncode == 0, one.stderr.decode()
    if json.loads(one.stdout.decode("utf-8")) != json.loads((build.folder(scope) / "coverage.json").read_text(encoding="utf-8")):
        problems.append(f"{variant} {scope}: --framework {scope} --format json is not the scope's coverage.json")
    report_problems(problems)


@pytest.mark.parametrize("variant", ["shipped", "multilevel", "changed-rules"])
def test_coverage_format_csv_is_one_csv_with_a_bom_unless_no_bom(builds, variant):
    build = builds.get(variant)
    result = build.run("coverage", "--format", "csv")
    assert result.returncode == 0, result.stderr.decode()
    rows = csvfile.read_csv(result.stdout, bom=True)
    expected = [row for report in build.reports.values() for row in csvfile.expected_rows(report, titles(build))]
    problems = csvfile.compare(rows, expected, f"{variant} coverage --format csv")
    piped = build.run("coverage", "--format", "csv", "--no-bom")
    assert piped.returncode == 0, piped.stderr.decode()
    assert csvfile.read_csv(piped.stdout, bom=False) == rows
    report_problems(problems)


@pytest.mark.parametrize("variant", ["shipped", "multilevel", "changed-rules", "remapped"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_coverage_table_names_every_number_and_member(builds, variant, lang):
    build = builds.get(variant)
    result = build.run("coverage", "--lang", lang)
    assert result.returncode == 0, result.stderr.decode()
    report_problems(table.compare(result.stdout.decode("utf-8"), build, lang, f"{variant} table --lang {lang}"))


# ---------------------------------------------------------------------------------------------------------------
# coursemap coverage --diff

DIFFS = [("shipped", "revision"), ("shipped", "gains-only"), ("shipped", "changed-rules"), ("shipped", "remapped"),
         ("shipped", "lecture-only")]


@pytest.mark.parametrize("old,new", DIFFS)
def test_diff_reports_every_change_and_the_exit_code(builds, old, new):
    before, after = builds.get(old), builds.get(new)
    scope = "b2b-data:中级"
    expected = diff_module.diff(before.reports[scope], after.reports[scope])
    old_json = before.folder(scope) / "coverage.json"
    text = after.run("coverage", "--framework", scope, "--diff", str(old_json))
    machine = after.run("coverage", "--framework", scope, "--diff", str(old_json), "--format", "json")
    problems = []
    if text.returncode != expected.exit_code:
        problems.append(f"{old}→{new}: --diff exits {text.returncode}, docs say {expected.exit_code}")
    if machine.returncode != expected.exit_code:
        problems.append(f"{old}→{new}: --diff --format json exits {machine.returncode}, docs say {expected.exit_code}")
    problems += jsonreport.compare_diff(json.loads(machine.stdout.decode("utf-8")), expected, scope, f"{old}→{new} json")
    problems += table.compare_diff(text.stdout.decode("utf-8"), expected, f"{old}→{new} text")
    report_problems(problems)


def test_diff_usage_errors_exit_2_and_content_errors_exit_1(builds, tmp_path):
    build = builds.get("shipped")
    old_json = build.folder("b2b-data:中级") / "coverage.json"
    assert build.run("coverage", "--framework", "no-such:中级", "--diff", str(old_json)).returncode == 2
    assert build.run("coverage", "--framework", "b2b-data:中级", "--diff", str(tmp_path / "missing.json")).returncode == 2
    foreign = tmp_path / "foreign.json"
    foreign.write_text('{"hello": "world"}', encoding="utf-8")
    assert build.run("coverage", "--framework", "b2b-data:中级", "--diff", str(foreign)).returncode == 2
    other_scope = build.folder("cbec-outcomes") / "coverage.json"
    assert build.run("coverage", "--framework", "b2b-data:中级", "--diff", str(other_scope)).returncode == 2
    broken = builds_module.edits.copy_content(tmp_path / "Content")
    builds_module.edits.replace(broken, "courses/cbec-store-ops/01-store-setup.md", "b2b-data:中级:1.1.1: M",
                                "b2b-data:中级:9.9.9: M")
    result = subprocess.run([str(builds_module.coursemap_binary()), "coverage", "--content", str(broken),
                             "--framework", "b2b-data:中级", "--diff", str(old_json)], capture_output=True)
    assert result.returncode == 1, result.stderr.decode()


def test_the_build_warns_where_the_docs_say(builds):
    """CM415 (a level with some areas weighted, not all), CM414 (modules over the course's hours) and CM210
    (a score with more than two decimals) on the edited copies that have them; none on the shipped content."""
    assert "CM415" in builds.get("multilevel").output
    remapped = builds.get("remapped").output
    assert "CM414" in remapped and "CM210" in remapped
    shipped = builds.get("shipped").output
    assert not any(code in shipped for code in ("CM210", "CM413", "CM414", "CM415"))


def test_a_requirement_taught_only_by_a_micro_lecture_shows_the_lecture_and_its_level(builds):
    """§7: the requirement page shows its status with its reasons, who teaches it and every micro-lecture with
    its level, length and attributed minutes (the issue: "尚无模块覆盖此要求" and no lecture level)."""
    build = builds.get("lecture-only")
    report = build.reports["b2b-data:中级"]
    r = report.requirement("b2b-data:中级:6.1.2")
    assert (r.status, r.taught_by, r.taught) == ("covered", "lectures", "M")
    page = (build.site / "frameworks" / "b2b-data" / "intermediate" / "6.1.2.html").read_text(encoding="utf-8")
    root = htmlreport.dom.parse(page)
    text = (root.find("main") or root).clean()
    lecture = r.lectures[0]
    links = [a for a in root.find_all("a") if f"lectures/{lecture.lecture}.html" in a.attrs.get("href", "")]
    assert links, "the lecture is not listed on the requirement page"
    assert "已覆盖" in text and "尚无模块覆盖此要求" not in text
    def row(node):
        while node.parent is not None and node.tag != "tr":
            node = node.parent
        return [cell.clean() for cell in node.elements()]
    rows = [row(a) for a in links]
    assert any(lecture.level in cells and htmlreport.number(lecture.length) in cells
               and htmlreport.number(lecture.minutes) in cells for cells in rows), \
        f"the lecture's level, length and attributed minutes are not in its row: {rows}"
    assert "仅微课" in text
