"""coverage.json (docs/coverage.md §8, docs/coverage.schema.json): the document the recount expects, field by
field, compared with what Coursemap wrote. Hours and minutes are numbers with up to two decimals, shares
numbers with one decimal, weights and the tolerance strings as given."""
from decimal import Decimal

from . import provenance
from .rules import LECTURES_COLUMN

LEVEL_FOLDERS = {"初级": "elementary", "中级": "intermediate", "高级": "advanced"}


def hours(value: int):
    """Hundredths as the JSON number Coursemap must write (an integer when whole)."""
    return value // 100 if value % 100 == 0 else float(Decimal(value) / 100)


def percent(value: int):
    return float(Decimal(value) / 10)


def scope_id(document):
    framework = document["framework"]
    return f"{framework['id']}:{framework['level']}" if framework.get("level") else framework["id"]


def text(zh, en):
    return {"zh": zh, "en": en} if en else {"zh": zh}


def expected_requirement(r, report):
    as_hours = report.rules["lectures_as_hours"]
    modules = []
    for m in r.modules:
        module = {"course": m.course, "module": m.module, "level": m.level, "moduleHours": hours(m.module_hours),
                  "hours": hours(m.hours)}
        if m.stated:
            module["stated"] = hours(m.hours)
        modules.append(module)
    lectures = []
    for l in r.lectures:
        lecture = {"lecture": l.lecture, "level": l.level, "minutes": hours(l.length),
                   "attributedMinutes": hours(l.minutes)}
        if l.course:
            lecture["course"] = l.course
        if as_hours:
            lecture["hours"] = hours(l.hours)
        lectures.append(lecture)
    cells = []
    for column in report.columns:
        if column in r.cells:
            levels, h = r.cells[column]
            cell = {"levels": levels, "hours": hours(h)}
            if column != LECTURES_COLUMN:
                cell["courseID"] = column
            cells.append(cell)
    row = {
        "id": r.ref,
        "code": r.code,
        "group": r.area,
        "statement": text(r.zh, r.en),
        "status": r.status,
        "reasons": r.reasons,
        "taughtBy": r.taught_by,
        "hours": hours(r.hours),
        "lectureMinutes": hours(r.minutes),
        "modules": modules,
        "lectures": lectures,
        "items": [{"bank": i.bank, "item": i.id, "type": i.type, "usage": "exam" if i.exam else "practice",
                   "score": hours(i.score)} for i in r.items],
        "resources": [resource.id for resource, _ in r.resources],
        "courses": cells,
    }
    if r.task:
        row["subgroup"] = r.task
    if r.taught:
        row["highestLevel"] = r.taught
    return row


def course_line(row):
    line = {"declared": hours(row.declared), "moduleHours": hours(row.module_hours),
            "moduleHoursInScope": hours(row.in_scope), "attributed": hours(row.attributed),
            "unattributed": hours(row.unattributed), "lectureHours": hours(row.lectures),
            "columnTotal": hours(row.column), "exceedsDeclared": row.over}
    if row.course:
        line["course"] = row.course
    return line


def expected_provenance(content_dir, version):
    revision, dirty = provenance.revision(content_dir)
    return {"revision": revision, "dirty": dirty, "buildDate": provenance.BUILD_DATE,
            "buildDateFrom": "source-date-epoch", "coursemapVersion": version}


def expected_document(report, content, version=None):
    scope = report.scope
    framework = {"id": scope.framework, "title": text(*scope.title), "kind": scope.kind,
                 "illustrative": scope.illustrative}
    if scope.level:
        framework["level"] = scope.level
    if scope.version:
        framework["version"] = scope.version
    areas = []
    for a in report.areas:
        # An outcome group's title is its domain (素质/知识/能力); the docs give no English for it.
        title = text(a.zh, a.en) if scope.kind == "certificate" else {"zh": a.zh, "en": None}
        area = {"code": a.code, "title": title, "total": a.total, "covered": a.covered,
                "partial": a.partial, "gap": a.gap, "examPoints": hours(a.exam_points),
                "examShare": percent(a.exam_share), "practicePoints": hours(a.practice_points),
                "practiceShare": percent(a.practice_share), "hours": hours(a.hours),
                "hourShare": percent(a.hour_share), "flagged": a.flagged}
        if a.weight is not None:
            area["weight"] = a.weight
        if a.weight_share is not None:
            area.update({"weightShare": percent(a.weight_share), "difference": percent(a.difference)})
        areas.append(area)
    totals = course_line(report.program_row)
    del totals["exceedsDeclared"]
    return {
        "formatVersion": 2,
        "framework": framework,
        "provenance": expected_provenance(content.root, version),
        "rules": {"coveredAt": report.rules["covered_at"], "requireAssessment": report.rules["require_assessment"],
                  "blueprintTolerance": report.rules["tolerance_text"],
                  "lecturesAsHours": report.rules["lectures_as_hours"],
                  "classHourMinutes": int(report.rules["class_hour_minutes"])},
        "summary": dict(report.summary, coveredPercent=percent(report.covered_percent)),
        "gaps": {"gap": report.lists["gaps"], "partial": report.lists["partial"],
                 "notTaught": report.lists["notTaught"], "notAssessed": report.lists["notAssessed"],
                 "introducedOnly": report.lists["introducedOnly"], "orphans": report.orphans},
        "areas": areas,
        "courses": [course_line(row) for row in report.reconciliation],
        "totals": totals,
        "requirements": [expected_requirement(r, report) for r in report.requirements],
    }


def walk(got, want, path, problems):
    if want is None:
        return                  # a value the docs do not state
    if isinstance(want, dict):
        if not isinstance(got, dict):
            problems.append(f"{path}: expected an object, file has {got!r}")
            return
        for key in got:
            if key not in want and key != "text" and not (key == "en" and "en" in want):
                problems.append(f"{path}.{key}: in the file ({got[key]!r}) but the recount has none"[:300])
        for key, value in want.items():
            if key not in got:
                problems.append(f"{path}.{key}: missing (recount: {value!r})"[:300])
            else:
                walk(got[key], value, f"{path}.{key}", problems)
    elif isinstance(want, list):
        if not isinstance(got, list):
            problems.append(f"{path}: expected a list, file has {got!r}"[:300])
            return
        if len(got) != len(want):
            problems.append(f"{path}: {len(got)} entries, recount {len(want)}: file {got!r} recount {want!r}"[:400])
        for n, (g, w) in enumerate(zip(got, want)):
            walk(g, w, f"{path}[{n}]", problems)
    else:
        if isinstance(want, bool) or isinstance(got, bool):
            same = got is want
        elif isinstance(want, (int, float)) and isinstance(got, (int, float)):
            same = Decimal(str(got)) == Decimal(str(want))
        else:
            same = got == want
        if not same:
            problems.append(f"{path}: file has {got!r}, recount {want!r}")


def compare(document, report, content, where, version=None):
    problems = []
    walk(document, expected_document(report, content, version), where, problems)
    return problems


RULE_NAMES = {"covered_at": "covered_at", "require_assessment": "require_assessment",
              "tolerance_text": "blueprint_tolerance", "lectures_as_hours": "lectures_as_hours",
              "class_hour_minutes": "class_hour_minutes"}


def setting_text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def evidence_entry(piece):
    kind, ident, first, second = piece
    entry = {"kind": kind, "id": ident}
    if kind == "module":
        entry.update({"level": first, "hours": hours(second)})
    elif kind == "lecture":
        entry.update({"level": first, "minutes": hours(second)})
    elif kind == "item":
        entry["usage"] = first    # None for a practical task: the docs do not say what its usage is here
    return entry


def changed_entry(kind, ident, before, after, hours_change, minutes_change):
    entry = {"kind": kind, "id": ident, "before": before, "after": after}
    if hours_change:
        entry["hours"] = {"before": hours(hours_change[0]), "after": hours(hours_change[1])}
    if minutes_change:
        entry["minutes"] = {"before": hours(minutes_change[0]), "after": hours(minutes_change[1])}
    return entry


def expected_diff(expected, scope):
    requirements = []
    for change in expected.requirements:
        row = {"id": change.ref, "code": change.ref.rsplit(":", 1)[1],
               "added": [evidence_entry(p) for p in change.added],
               "removed": [evidence_entry(p) for p in change.removed],
               "changed": [changed_entry(*entry) for entry in change.relevelled],
               "lost": change.lost}
        if change.status:
            row["status"] = {"before": change.status[0], "after": change.status[1],
                             "reasonsBefore": change.reasons[0], "reasonsAfter": change.reasons[1]}
        if change.taught:
            row["taughtLevel"] = {"before": change.taught[0] or "none", "after": change.taught[1] or "none"}
        if change.assessed:
            row["assessed"] = {"before": change.assessed[0], "after": change.assessed[1]}
        if change.hours:
            row["hours"] = {"before": hours(change.hours[0]), "after": hours(change.hours[1])}
        if change.minutes:
            row["lectureMinutes"] = {"before": hours(change.minutes[0]), "after": hours(change.minutes[1])}
        requirements.append(row)
    framework = {"added": [{"id": r.ref, "code": r.code, "statement": text(r.zh, r.en)} for r in expected.added],
                 "removed": [{"id": r.ref, "code": r.code, "statement": text(r.zh, r.en)} for r in expected.removed],
                 "renamed": [{"id": a.ref, "code": a.code, "before": text(b.zh, b.en), "after": text(a.zh, a.en)}
                             for b, a in expected.renamed]}
    if expected.version:
        framework["version"] = {"before": expected.version[0], "after": expected.version[1]}

    def shares(new, old, attribute):
        before, after = getattr(old, attribute), getattr(new, attribute)
        return {"before": None if before is None else percent(before), "after": None if after is None else percent(after)}

    return {
        "formatVersion": 1,
        "scope": scope,
        "oldFormatVersion": 2,
        "rules": [{"setting": RULE_NAMES[k], "before": setting_text(b), "after": setting_text(a)}
                  for k, b, a in expected.rules],
        "framework": framework,
        "requirements": requirements,
        "blueprint": [{"area": new.code, "title": text(new.zh, new.en), "flaggedBefore": old.flagged,
                       "flaggedAfter": new.flagged, "weightShare": shares(new, old, "weight_share"),
                       "examShare": shares(new, old, "exam_share")} for new, old in expected.flips],
        "coverageLost": expected.exit_code == 3,
    }


def compare_diff(document, expected, scope, where):
    """The diff document against the recounted diff (docs/coverage.md §10, docs/coverage-diff.schema.json)."""
    problems = []
    want = expected_diff(expected, scope)
    # The docs do not order the evidence of one requirement in a diff: compared as sets.
    for row in want["requirements"] + (document.get("requirements") or []):
        for key in ("added", "removed", "changed"):
            if isinstance(row.get(key), list):
                row[key] = sorted(row[key], key=lambda e: (e.get("kind"), e.get("id")))
    walk(document, want, where, problems)
    return problems
