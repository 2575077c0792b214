"""What `coursemap coverage --diff OLD.json` must report (docs/coverage.md §10), recounted from the old and
the new content."""
import dataclasses

from .content import RANK

STATUS_RANK = {"gap": 0, "partial": 1, "covered": 2}
RULE_KEYS = ("covered_at", "require_assessment", "tolerance_text", "lectures_as_hours", "class_hour_minutes")


@dataclasses.dataclass
class RequirementChange:
    ref: str
    status: tuple = None          # (before, after) when it changed
    reasons: tuple = None         # (before, after) with a status change
    taught: tuple = None          # (before, after) when it changed
    hours: tuple = None           # (before, after) hundredths, when changed
    minutes: tuple = None
    added: list = dataclasses.field(default_factory=list)     # ("module", "course/module", level, hours) …
    removed: list = dataclasses.field(default_factory=list)
    # The same module, lecture or item kept with another level or usage, or with other attributed 学时 or
    # minutes: ("module"|"lecture"|"item", id, before, after, (hours before, after) or None, (minutes …) or None).
    relevelled: list = dataclasses.field(default_factory=list)
    assessed: tuple = None        # (before, after) when it changed
    lost: list = dataclasses.field(default_factory=list)        # "status", "taught-level", "assessment"

    def empty(self):
        return not (self.status or self.taught or self.hours or self.minutes or self.added or self.removed
                    or self.relevelled or self.assessed)


@dataclasses.dataclass
class Diff:
    rules: list                   # (setting, before, after)
    version: tuple                # (before, after) or None
    added: list
    removed: list
    renamed: list
    requirements: list            # RequirementChange, framework order, non-empty only
    flips: list                   # (new AreaReport, old AreaReport) whose flag flipped
    exit_code: int


def evidence(r):
    """Each piece of evidence of a requirement, keyed so that a level change of the same module or lecture is
    one change, not a removal and an addition."""
    pieces = {}
    for m in r.modules:
        pieces[("module", f"{m.course}/{m.module}")] = (m.level, m.hours)
    for l in r.lectures:
        pieces[("lecture", l.lecture)] = (l.level, l.minutes)
    for i in r.items:
        pieces[("item", f"{i.bank}/{i.id}")] = ("practical" if i.type == "practical" else "exam" if i.exam
                                                else "practice", None)
    for resource, level in r.resources:
        pieces[("resource", resource.id)] = (level, None)
    return pieces


def diff(old, new) -> Diff:
    rules = []
    for key in RULE_KEYS:
        if old.rules[key] != new.rules[key]:
            rules.append((key, old.rules[key], new.rules[key]))
    before = {r.ref: r for r in old.requirements}
    after = {r.ref: r for r in new.requirements}
    version = (old.scope.version, new.scope.version) if old.scope.version != new.scope.version else None
    added = [r for r in after if r not in before]
    removed = [r for r in before if r not in after]
    renamed = [r for r in after if r in before and (before[r].zh, before[r].en) != (after[r].zh, after[r].en)]
    added = [after[r] for r in added]
    removed = [before[r] for r in removed]
    renamed = [(before[r], after[r]) for r in renamed]
    changes = []
    lost_any = False
    for ref, a in after.items():
        if ref not in before:
            continue
        b = before[ref]
        change = RequirementChange(ref)
        if a.status != b.status:
            change.status = (b.status, a.status)
            change.reasons = (b.reasons, a.reasons)
        if a.taught != b.taught:
            change.taught = (b.taught, a.taught)
        if a.hours != b.hours:
            change.hours = (b.hours, a.hours)
        if a.minutes != b.minutes:
            change.minutes = (b.minutes, a.minutes)
        eb, ea = evidence(b), evidence(a)
        for key in ea:
            if key not in eb:
                change.added.append(key + ea[key])
            elif key[0] in ("module", "lecture", "item"):
                time = (eb[key][1], ea[key][1]) if eb[key][1] != ea[key][1] else None
                if ea[key][0] != eb[key][0] or time:
                    change.relevelled.append((key[0], key[1], eb[key][0], ea[key][0],
                                              time if key[0] == "module" else None,
                                              time if key[0] == "lecture" else None))
        for key in eb:
            if key not in ea:
                change.removed.append(key + eb[key])
        if a.assessed != b.assessed:
            change.assessed = (b.assessed, a.assessed)
        if STATUS_RANK[a.status] < STATUS_RANK[b.status]:
            change.lost.append("status")
        if RANK.get(a.taught, 0) < RANK.get(b.taught, 0):
            change.lost.append("taught-level")
        if b.assessed and not a.assessed:
            change.lost.append("assessment")
        lost_any = lost_any or bool(change.lost)
        if not change.empty():
            changes.append(change)
    flips = []
    old_areas = {a.code: a for a in old.areas}
    for area in new.areas:
        o = old_areas.get(area.code)
        if o is not None and o.flagged != area.flagged:
            flips.append((area, o))
    return Diff(rules, version, added, removed, renamed, changes, flips, 3 if lost_any else 0)
