"""The rules of docs/coverage.md applied to the values `content` read, in exact integers: hours and minutes
in hundredths, shares in tenths of a percent. Each function names the section it follows."""
import dataclasses
import math
from decimal import Decimal
from fractions import Fraction
from typing import Optional

from .content import RANK, scope_of

REASON_ORDER = ("not-taught", "below-level", "not-assessed")


def divide(total: int, count: int):
    """§4.2 step 2: `total` hundredths into `count` parts, the first `total mod count` one hundredth more."""
    q, r = divmod(total, count)
    return [q + 1 if i < r else q for i in range(count)]


def split(total: int, stated: list):
    """§4.2: the parts of `total` for mappings whose stated values are `stated` (None = unstated), and the rest
    that no mapping gets (when every mapping states its part)."""
    s = sum(x for x in stated if x is not None)
    rest = total - s
    unstated = [i for i, x in enumerate(stated) if x is None]
    parts = list(stated)
    if not unstated:
        return parts, rest
    for i, part in zip(unstated, divide(rest, len(unstated))):
        parts[i] = part
    return parts, 0


def share(numerator, denominator) -> int:
    """A percentage in tenths, rounded half up from the exact fraction (§5); 0 when there is nothing to share."""
    if denominator == 0:
        return 0
    value = Fraction(numerator) * 1000 / Fraction(denominator)
    return math.floor(value + Fraction(1, 2))


@dataclasses.dataclass
class ModuleEvidence:
    course: str
    module: str
    level: str
    module_hours: int
    hours: int            # attributed in this scope
    stated: bool


@dataclasses.dataclass
class LectureEvidence:
    lecture: str
    course: Optional[str]
    level: str
    length: int           # the lecture's minutes (hundredths)
    minutes: int          # attributed in this scope
    hours: int            # attributed 学时 (lectures_as_hours only, else 0)


@dataclasses.dataclass
class RequirementReport:
    ref: str
    code: str
    area: str
    task: Optional[str]
    zh: str
    en: Optional[str]
    modules: list
    lectures: list
    items: list
    resources: list       # (Resource, level)
    taught: Optional[str]
    assessed: bool
    status: str
    reasons: list
    taught_by: str
    hours: int
    minutes: int
    cells: dict           # course id (or LECTURES_COLUMN) -> (levels, hours)

    @property
    def practice(self):
        return [i for i in self.items if not i.exam and i.type != "practical"]

    @property
    def exam(self):
        return [i for i in self.items if i.exam and i.type != "practical"]

    @property
    def practical(self):
        return [i for i in self.items if i.type == "practical"]


LECTURES_COLUMN = "(lectures)"


@dataclasses.dataclass
class AreaReport:
    code: str
    zh: str
    en: Optional[str]
    total: int
    covered: int
    partial: int
    gap: int
    weight: Optional[str]
    weight_share: Optional[int]
    exam_points: int
    exam_share: int
    practice_points: int
    practice_share: int
    hours: int
    hour_share: int
    difference: Optional[int]
    flagged: bool


@dataclasses.dataclass
class CourseRow:
    course: Optional[str]  # None: the lectures outside courses (lectures_as_hours), or the program's totals
    declared: int
    module_hours: int
    in_scope: int
    attributed: int       # by its modules
    unattributed: int     # in scope − attributed
    lectures: int         # lecture hours attributed (lectures_as_hours only)
    column: int           # its matrix column: attributed + lectures
    over: bool            # CM414: its modules declare more hours than the course


@dataclasses.dataclass
class ScopeReport:
    scope: object
    rules: dict
    requirements: list
    areas: list
    summary: dict
    covered_percent: int
    lists: dict
    orphans: dict
    columns: list
    column_totals: dict
    grand_total: int
    reconciliation: list
    program_row: CourseRow
    blueprint: bool
    exam_total: int
    practice_total: int

    def requirement(self, ref):
        return next(r for r in self.requirements if r.ref == ref)


def taught_level(levels):
    return max(levels, key=lambda l: RANK[l]) if levels else None


def status_of(taught, assessed, rules):
    """§3: status, reasons, in the order of the reasons table."""
    covered_at, require = rules["covered_at"], rules["require_assessment"]
    if taught is None and not assessed:
        status = "gap"
    elif taught is not None and RANK[taught] >= RANK[covered_at] and (assessed or not require):
        status = "covered"
    else:
        status = "partial"
    reasons = []
    if status != "covered":
        if taught is None:
            reasons.append("not-taught")
        elif RANK[taught] < RANK[covered_at]:
            reasons.append("below-level")
        if require and not assessed:
            reasons.append("not-assessed")
    return status, reasons


def lecture_hours(lecture_minutes: int, rules) -> int:
    """§4.4: minutes ÷ class_hour_minutes, rounded half up to 0.01 学时 (from the lecture's rounded minutes)."""
    value = Fraction(lecture_minutes) / Fraction(rules["class_hour_minutes"])   # hundredths of a 学时
    return math.floor(value + Fraction(1, 2))


# "Resources: kind, then id" (§7): kinds in the order docs/lectures.md lists them (slides 教学课件, recording
# 教学录像, dataset 实训数据, standard 培训标准, document 文档); §7 does not say which order of kinds it means.
KIND_ORDER = ("slides", "recording", "dataset", "standard", "document")


def resource_key(resource):
    return (KIND_ORDER.index(resource.kind) if resource.kind in KIND_ORDER else len(KIND_ORDER), resource.id)


def orphans_of(content):
    """§7.3: modules, lectures, resources, items (description items excepted) mapped to no competency."""
    return {
        "modules": [f"{m.course}/{m.id}" for m in content.modules if not m.mappings],
        "lectures": [l.id for l in sorted(content.lectures, key=lecture_key) if not l.mappings],
        "resources": [r.id for r in sorted(content.resources, key=resource_key) if not r.mappings],
        "items": [f"{i.bank}/{i.id}" for i in content.items if not i.refs and i.type != "description"],
    }


def course_rank(content):
    return {c.id: n for n, c in enumerate(content.courses)}


def lecture_key(lecture):
    # "Micro-lectures: course, then id" — lectures of no course are put after the courses here (not stated).
    return (lecture.course is None, lecture.course or "", lecture.id)


def report(content, scope_id) -> ScopeReport:
    scope = content.scopes[scope_id]
    rules = content.config
    refs = [r.ref for r in scope.requirements]
    module_ev = {r: [] for r in refs}
    lecture_ev = {r: [] for r in refs}
    item_ev = {r: [] for r in refs}
    resource_ev = {r: [] for r in refs}
    in_scope_modules = set()
    crank = course_rank(content)

    for module in content.modules:                          # course order, then module order
        mappings = [m for m in module.mappings if scope_of(m.ref) == scope_id and m.ref in module_ev]
        if not mappings:
            continue
        in_scope_modules.add((module.course, module.id))
        parts, _ = split(module.hours, [m.hours for m in mappings])
        for mapping, part in zip(mappings, parts):
            module_ev[mapping.ref].append(ModuleEvidence(module.course, module.id, mapping.level, module.hours, part,
                                                         mapping.hours is not None))

    lecture_order = sorted(content.lectures, key=lambda l: (l.course is None, crank.get(l.course, 0), l.id))
    for lecture in lecture_order:
        mappings = [m for m in lecture.mappings if scope_of(m.ref) == scope_id and m.ref in lecture_ev]
        if not mappings:
            continue
        minute_parts = divide(lecture.minutes, len(mappings))
        hour_parts = divide(lecture_hours(lecture.minutes, rules), len(mappings)) if rules["lectures_as_hours"] \
            else [0] * len(mappings)
        for mapping, minutes, hours in zip(mappings, minute_parts, hour_parts):
            lecture_ev[mapping.ref].append(LectureEvidence(lecture.id, lecture.course, mapping.level, lecture.minutes,
                                                           minutes, hours))

    for item in content.items:
        for ref in item.refs:
            if ref in item_ev:
                item_ev[ref].append(item)

    for resource in sorted(content.resources, key=resource_key):
        for mapping in resource.mappings:
            if mapping.ref in resource_ev:
                resource_ev[mapping.ref].append((resource, mapping.level))

    requirements = []
    for req in scope.requirements:
        mods, lecs, items = module_ev[req.ref], lecture_ev[req.ref], item_ev[req.ref]
        taught = taught_level([m.level for m in mods] + [l.level for l in lecs])
        assessed = bool(items)
        status, reasons = status_of(taught, assessed, rules)
        taught_by = {(True, True): "both", (True, False): "modules", (False, True): "lectures",
                     (False, False): "none"}[(bool(mods), bool(lecs))]
        hours = sum(m.hours for m in mods) + sum(l.hours for l in lecs)
        minutes = sum(l.minutes for l in lecs)
        cells = {}
        for m in mods:
            levels, h = cells.get(m.course, (set(), 0))
            cells[m.course] = (levels | {m.level}, h + m.hours)
        # §7.5 "the levels present": read as the levels of the course's teaching, its micro-lectures included
        # (the docs do not say whether a lecture's level shows in its course's cell). Lectures of no course
        # have a column only when they count as 学时.
        for l in lecs:
            column = l.course or (LECTURES_COLUMN if rules["lectures_as_hours"] else None)
            if column is None:
                continue
            levels, h = cells.get(column, (set(), 0))
            cells[column] = (levels | {l.level}, h + l.hours)
        for item in items:
            if item.course:
                levels, h = cells.get(item.course, (set(), 0))
                cells[item.course] = (levels | {"A"}, h)
        cells = {c: ([l for l in ("I", "R", "M", "A") if l in levels], h) for c, (levels, h) in cells.items()}
        requirements.append(RequirementReport(req.ref, req.code, req.area, req.task, req.zh, req.en, mods, lecs, items,
                                              resource_ev[req.ref], taught, assessed, status, reasons, taught_by,
                                              hours, minutes, cells))

    summary = {"total": len(requirements)}
    for key in ("covered", "partial", "gap"):
        summary[key] = sum(1 for r in requirements if r.status == key)
    lists = {
        "gaps": [r.ref for r in requirements if r.status == "gap"],
        "partial": [r.ref for r in requirements if r.status == "partial"],
        "notTaught": [r.ref for r in requirements if r.taught is None],
        "notAssessed": [r.ref for r in requirements if not r.assessed],
        "introducedOnly": [r.ref for r in requirements if r.taught == "I"],
    }

    # Matrix columns: courses that bring any evidence (§7.5), program order; lectures of no course last.
    used = {c for r in requirements for c in r.cells}
    columns = [c.id for c in content.courses if c.id in used]
    if LECTURES_COLUMN in used:
        columns.append(LECTURES_COLUMN)
    column_totals = {c: sum(r.cells[c][1] for r in requirements if c in r.cells) for c in columns}
    grand_total = sum(column_totals.values())
    assert grand_total == sum(r.hours for r in requirements)

    rows = []
    for course in content.courses:
        all_hours = sum(m.hours for m in course.modules)
        in_scope = sum(m.hours for m in course.modules if (course.id, m.id) in in_scope_modules)
        attributed = sum(e.hours for r in requirements for e in r.modules if e.course == course.id)
        lectures = sum(e.hours for r in requirements for e in r.lectures if e.course == course.id)
        rows.append(CourseRow(course.id, course.declared, all_hours, in_scope, attributed, in_scope - attributed,
                              lectures, attributed + lectures, all_hours > course.declared))
    if rules["lectures_as_hours"]:
        outside = sum(e.hours for r in requirements for e in r.lectures if e.course is None)
        rows.append(CourseRow(None, 0, 0, 0, 0, 0, outside, outside, False))
    program = CourseRow(None, sum(r.declared for r in rows), sum(r.module_hours for r in rows),
                        sum(r.in_scope for r in rows), sum(r.attributed for r in rows),
                        sum(r.unattributed for r in rows), sum(r.lectures for r in rows),
                        sum(r.column for r in rows), False)

    areas, blueprint = blueprint_of(scope, requirements, rules)
    return ScopeReport(scope, rules, requirements, areas, summary, share(summary["covered"], summary["total"]), lists,
                       orphans_of(content), columns, column_totals, grand_total, rows, program, blueprint,
                       sum(a.exam_points for a in areas), sum(a.practice_points for a in areas))


def points_by_area(scope, requirements, exam: bool):
    """§6: each item of the kind that assesses the scope gives its score, divided equally among the distinct
    work areas of the scope it assesses (framework order; the first get the extra hundredths)."""
    area_of = {r.ref: r.area for r in requirements}
    order = [a.code for a in scope.areas]
    points = {code: 0 for code in order}
    seen = {}
    for r in requirements:
        for item in r.items:
            if item.exam == exam:
                seen[(item.bank, item.id)] = item
    for item in seen.values():
        areas = {area_of[ref] for ref in item.refs if ref in area_of}
        ordered = [code for code in order if code in areas]
        for code, part in zip(ordered, divide(item.score, len(ordered))):
            points[code] += part
    return points


def blueprint_of(scope, requirements, rules):
    weighted = scope.kind == "certificate" and any(a.weight is not None for a in scope.areas)
    weights = {a.code: Decimal(a.weight.strip()) for a in scope.areas if a.weight is not None}
    weight_total = sum(weights.values(), Decimal(0))
    exam = points_by_area(scope, requirements, True)
    practice = points_by_area(scope, requirements, False)
    exam_total, practice_total = sum(exam.values()), sum(practice.values())
    hours_total = sum(r.hours for r in requirements)
    areas = []
    for area in scope.areas:
        members = [r for r in requirements if r.area == area.code]
        hours = sum(r.hours for r in members)
        # §6: when the level's weights add up to 0, no area has a weight share ("—") and none is flagged.
        weight_share = share(Fraction(weights[area.code]), Fraction(weight_total)) \
            if area.code in weights and weight_total > 0 else None
        exam_share = share(exam[area.code], exam_total)
        difference = abs(weight_share - exam_share) if weight_share is not None else None
        flagged = difference is not None and Decimal(difference) / 10 > rules["tolerance"]
        areas.append(AreaReport(area.code, area.zh, area.en, len(members),
                                sum(1 for r in members if r.status == "covered"),
                                sum(1 for r in members if r.status == "partial"),
                                sum(1 for r in members if r.status == "gap"),
                                area.weight, weight_share, exam[area.code], exam_share, practice[area.code],
                                share(practice[area.code], practice_total), hours, share(hours, hours_total),
                                difference, flagged and weighted))
    return areas, weighted


def reported_scopes(content):
    """§1: the scopes under `reports:`, or every scope when the list is empty or missing."""
    return content.config["reports"] or list(content.scopes)
