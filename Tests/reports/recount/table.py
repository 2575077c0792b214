"""`coursemap coverage` in the terminal (docs/coverage.md §10): the table per scope and the text of --diff.
The docs fix what each line holds, not its layout, so each number is looked for on the line of its
requirement (or next to its label), not at a column."""
import re

from .csvfile import number, tenths

STATUS = {"zh": {"covered": "已覆盖", "partial": "部分覆盖", "gap": "未覆盖"},
          "en": {"covered": "covered", "partial": "partial", "gap": "gap"}}


def reason_label(reason, report, requirement, lang):
    """§3 names the reasons in Chinese (无教学, 最高 X 未达 Y, 无考核); English labels are not given, so in
    English the reason's code is looked for."""
    if lang == "zh":
        if reason == "not-taught":
            return "无教学"
        if reason == "below-level":
            return f"最高 {requirement.taught} 未达 {report.rules['covered_at']}"
        return "无考核"
    return reason


def tokens(line):
    return re.findall(r"[0-9]+(?:\.[0-9]+)?", line)


def requirement_line(lines, report, requirement):
    """The line of a requirement: the first line whose first word is its code (or full reference)."""
    for line in lines:
        words = line.split()
        if words and words[0] in (requirement.code, requirement.ref):
            return line
    return None


def sections(text, build):
    """Splits the output at each scope's provenance line, in reported order."""
    lines = text.splitlines()
    starts = []
    for scope_id in build.reports:
        scope = build.content.scopes[scope_id]
        found = None
        for n, line in enumerate(lines):
            if n <= (starts[-1] if starts else -1):
                continue
            if scope.framework in line and (scope.level is None or scope.level in line):
                found = n
                break
        starts.append(found if found is not None else len(lines))
    bounds = starts + [len(lines)]
    return {scope_id: lines[bounds[i]:bounds[i + 1]] for i, scope_id in enumerate(build.reports)}


def compare(text, build, lang, where):
    problems = []
    for scope_id, lines in sections(text, build).items():
        report = build.reports[scope_id]
        if not lines:
            problems.append(f"{where}: no section for {scope_id}")
            continue
        head = "\n".join(lines[:6])
        for key, label in (("covered", STATUS[lang]["covered"]), ("partial", STATUS[lang]["partial"]),
                           ("gap", STATUS[lang]["gap"])):
            if not re.search(rf"{re.escape(label)}\s*[:：]?\s*{report.summary[key]}\b", head):
                problems.append(f"{where} {scope_id}: summary has no '{label} {report.summary[key]}'")
        if f"{tenths(report.covered_percent)}%" not in head:
            problems.append(f"{where} {scope_id}: summary has no covered percentage {tenths(report.covered_percent)}%")
        for r in report.requirements:
            line = requirement_line(lines, report, r)
            if line is None:
                problems.append(f"{where} {scope_id}: no line for {r.code}")
                continue
            if STATUS[lang][r.status] not in line:
                problems.append(f"{where} {r.ref}: status {STATUS[lang][r.status]!r} not on its line: {line!r}")
            for reason in r.reasons:
                if reason_label(reason, report, r, lang) not in line:
                    problems.append(f"{where} {r.ref}: reason {reason_label(reason, report, r, lang)!r} not on its "
                                    f"line: {line!r}")
            numbers = tokens(line)
            for label, value in (("学时", r.hours), ("微课时长", r.minutes)):
                if number(value) not in numbers:
                    problems.append(f"{where} {r.ref}: {label} {number(value)} not on its line: {line!r}")
            counts = f"{len(r.practice)}/{len(r.exam)}/{len(r.practical)}"
            if counts not in line.replace(" ", ""):
                problems.append(f"{where} {r.ref}: items practice/exam/practical {counts} not on its line: {line!r}")
            statement = (r.en or r.zh) if lang == "en" else r.zh
            if statement[:6] not in line:
                problems.append(f"{where} {r.ref}: statement {statement[:6]!r}… not on its line: {line!r}")
        rest = "\n".join(lines)
        named = [("gaps", report.lists["gaps"]), ("partial", report.lists["partial"]),
                 ("notTaught", report.lists["notTaught"]), ("notAssessed", report.lists["notAssessed"]),
                 ("introducedOnly", report.lists["introducedOnly"])]
        for name, members in named:
            for ref in members:
                if ref.rsplit(":", 1)[1] not in rest:
                    problems.append(f"{where} {scope_id}: list {name} does not name {ref}")
        for kind, members in report.orphans.items():
            for member in members:
                if member not in rest:
                    problems.append(f"{where} {scope_id}: orphan {kind} {member} not named")
    return problems


def compare_diff(text, expected, where):
    """The text of --diff names every change of the recounted diff, in the forms §10 shows."""
    problems = []
    for setting, before, after in expected.rules:
        name = {"tolerance_text": "blueprint_tolerance"}.get(setting, setting)
        b = str(before).lower() if isinstance(before, bool) else str(before)
        a = str(after).lower() if isinstance(after, bool) else str(after)
        if not re.search(rf"{re.escape(name)}\s*[:：]\s*{re.escape(b)}\s*→\s*{re.escape(a)}", text):
            problems.append(f"{where}: rule change '{name}: {b} → {a}' not printed")
    if expected.version and not (expected.version[0] in text and expected.version[1] in text):
        problems.append(f"{where}: version change {expected.version} not printed")
    for r in expected.added + expected.removed:
        if r.code not in text:
            problems.append(f"{where}: added/removed requirement {r.ref} not printed")
    for before, after in expected.renamed:
        if after.code not in text:
            problems.append(f"{where}: renamed requirement {after.ref} not printed")
    for change in expected.requirements:
        code = change.ref.rsplit(":", 1)[1]
        if code not in text:
            problems.append(f"{where}: changed requirement {change.ref} not printed")
        for kind, ident, first, second in change.added + change.removed:
            if kind == "module":
                pattern = rf"{re.escape(ident)}\s*\(\s*{first}\s*[,，]\s*{re.escape(number(second))}\s*学时"
            elif kind == "lecture":
                pattern = rf"{re.escape(ident)}\s*\(\s*{first}\b"
            elif kind == "item" and first:
                pattern = rf"{re.escape(ident)}\s*\(\s*{first}\b"
            else:
                pattern = re.escape(ident)
            if not re.search(pattern, text):
                problems.append(f"{where}: {change.ref} evidence {kind} {ident} ({first}, {second}) not printed as §10 shows")
        for kind, ident, before, after, hours_change, minutes_change in change.relevelled:
            time = hours_change or minutes_change
            detail = rf",\s*{re.escape(number(time[0]))}\s*→\s*{re.escape(number(time[1]))}" if time else ""
            if not re.search(rf"{re.escape(ident)}.*{before}\s*→\s*{after}{detail}", text):
                problems.append(f"{where}: {change.ref} {kind} {ident} {before} → {after} not printed")
        for label, values in (("学时", change.hours), ("微课时长", change.minutes)):
            if values and not re.search(rf"{re.escape(number(values[0]))}\s*→\s*{re.escape(number(values[1]))}", text):
                problems.append(f"{where}: {change.ref} {label} {number(values[0])} → {number(values[1])} not printed")
    for new, old in expected.flips:
        for value in (old.exam_share, new.exam_share):
            if tenths(value) not in text:
                problems.append(f"{where}: blueprint flip of area {new.code}: exam share {tenths(value)} not printed")
    return problems
