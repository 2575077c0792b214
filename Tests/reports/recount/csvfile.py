"""coverage.csv as docs/coverage.md §8 describes it: the expected rows of a recounted scope, and the rows
Coursemap wrote."""
import csv
import io

from .rules import LECTURES_COLUMN

HEADER = ["范围 Scope", "编码 Code", "要求 Requirement", "状态 Status", "原因 Reasons", "证据 Evidence", "课程 Course",
          "编号 ID", "名称 Title", "程度 Level", "学时 Hours", "微课时长 Minutes"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def number(hundredths: int) -> str:
    """§5: exact hundredths with up to two decimals, trailing zeros dropped (`2`, `1.5`, `0.33`)."""
    sign = "-" if hundredths < 0 else ""
    whole, part = divmod(abs(hundredths), 100)
    if part == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole}.{part:02d}".rstrip("0")


def tenths(value: int) -> str:
    """§5: a share with one decimal (`17.0`)."""
    return f"{value // 10}.{value % 10}"


def is_plain_number(text):
    try:
        float(text)
        return text.strip() == text and text != ""
    except ValueError:
        return False


def cell(text):
    """§8: a text cell starting like a formula gets a leading `'`; plain numbers stay as they are."""
    text = "" if text is None else str(text)
    if text.startswith(FORMULA_STARTS) and not is_plain_number(text):
        return "'" + text
    return text


def expected_rows(report, titles):
    """One row per requirement × piece of evidence (modules, lectures, items, resources), one for a requirement
    with none. `titles` maps ('module'|'lecture', id) to the Chinese title."""
    rows = []
    scope = report.scope.id
    as_hours = report.rules["lectures_as_hours"]
    for r in report.requirements:
        head = [scope, r.ref, r.zh, r.status, " ".join(r.reasons)]
        evidence = []
        for m in r.modules:
            evidence.append(["module", m.course, m.module, titles[("module", m.module)], m.level, number(m.hours), ""])
        for l in r.lectures:
            evidence.append(["lecture", l.course or "", l.lecture, titles[("lecture", l.lecture)], l.level,
                             number(l.hours) if as_hours else "", number(l.minutes)])
        for i in r.items:
            kind = "practical" if i.type == "practical" else ("item-exam" if i.exam else "item-practice")
            evidence.append([kind, i.course or "", f"{i.bank}/{i.id}", None, "A", "", ""])
        for resource, level in r.resources:
            evidence.append([f"resource-{resource.kind}", resource.course or "", resource.id, resource.title[0], level,
                             "", ""])
        if not evidence:
            evidence.append(["", "", "", "", "", "", ""])
        for e in evidence:
            rows.append([cell(x) if x is not None else None for x in head + e])
    return rows


def read_csv(raw: bytes, bom=True):
    if bom:
        assert raw.startswith(b"\xef\xbb\xbf"), "coverage.csv must start with a UTF-8 byte-order mark"
        raw = raw[3:]
    else:
        assert not raw.startswith(b"\xef\xbb\xbf"), "--no-bom must leave the byte-order mark out"
    text = raw.decode("utf-8")
    lines = text.split("\r\n")
    assert lines[-1] == "", "coverage.csv must end with CRLF"
    assert "\n" not in text.replace("\r\n", ""), "every line of coverage.csv must end with CRLF"
    return list(csv.reader(io.StringIO(text, newline="")))


def compare(rows, expected, where):
    """Row by row and cell by cell; an expected cell of None (not stated by the docs) is not compared."""
    problems = []
    assert rows[0] == HEADER, f"{where}: header {rows[0]}"
    body = rows[1:]
    if len(body) != len(expected):
        problems.append(f"{where}: {len(body)} rows, recount expects {len(expected)}")
    for n, (got, want) in enumerate(zip(body, expected), start=2):
        for column, (g, w) in enumerate(zip(got, want)):
            if w is not None and g != w:
                problems.append(f"{where} line {n} ({want[1]} {want[7]}) column {HEADER[column]!r}: "
                                f"file has {g!r}, recount {w!r}")
    return problems


__all__ = ["HEADER", "number", "tenths", "expected_rows", "read_csv", "compare", "LECTURES_COLUMN"]
