"""Every number on the coverage report, recomputed from Content/ by an independent reader.

This reads the content with PyYAML and ElementTree — none of Coursemap's code — applies the documented
rules (docs/content.md, docs/exercises.md, docs/lectures.md), and compares with the coverage.json that
`coursemap build` wrote for the shipped example."""
import collections
import decimal
import json
import pathlib
import xml.etree.ElementTree as ET

import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
CONTENT = ROOT / "Content"
FW = "{urn:coursemap:framework:1}"
MOD = "{urn:coursemap:module:1}"
EX = "{urn:coursemap:exercises:1}"
ITEM_TYPES = {"single", "multiple", "truefalse", "fill", "short", "matching", "ordering", "practical"}


def front_matter(path):
    text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
    assert text.startswith("---\n"), path
    return yaml.safe_load(text[4:text.index("\n---", 4)]) or {}


def minutes(duration):
    parts = [int(p) for p in str(duration).split(":")]
    seconds = 0
    for part in parts:
        seconds = seconds * 60 + part
    return seconds / 60


def matched(paths):
    """The paths a glob found, sorted; a glob that finds nothing fails instead of checking nothing."""
    paths = sorted(paths)
    assert paths, "a glob over the shipped content matched nothing"
    return paths


def recount():
    """Per requirement of b2b-data 中级: levels and hours from modules, lecture minutes and levels, items."""
    tree = ET.parse(CONTENT / "frameworks" / "b2b-data.xml").getroot()
    level = next(l for l in tree.iter(f"{FW}level") if l.get("name") == "中级")
    requirements = [f"b2b-data:中级:{r.get('code')}" for r in level.iter(f"{FW}requirement")]
    teaching = collections.defaultdict(list)   # id -> [(level, attributed hundredths of 学时)]
    lectures = collections.defaultdict(list)   # id -> [(level, minutes)]
    items = collections.Counter()              # id -> number of assessing items
    resources = collections.defaultdict(set)

    def hundredths(value):
        return round(decimal.Decimal(str(value)) * 100)

    def divide(module_hours, mappings):
        """docs/coverage.md §4.2, within 中级: stated hours first, the rest split evenly, first ones get the extra."""
        mappings = [m for m in mappings if m[0].startswith("b2b-data:中级:")]
        total = hundredths(module_hours)
        rest = total - sum(hundredths(h) for _, _, h in mappings if h is not None)
        unstated = sum(1 for _, _, h in mappings if h is None)
        shares = [rest // unstated + (1 if i < rest % unstated else 0) for i in range(unstated)] if unstated else []
        for ref, lvl, stated in mappings:
            teaching[ref].append((lvl, hundredths(stated) if stated is not None else shares.pop(0)))

    for course in matched((CONTENT / "courses").iterdir()):
        for module in sorted(course.iterdir()):
            if module.name == "course.md":
                continue
            if module.suffix == ".md":
                meta = front_matter(module)
                mappings = []
                for ref, value in (meta.get("competencies") or {}).items():
                    if isinstance(value, dict):
                        mappings.append((ref, value["level"], value.get("hours")))
                    else:
                        mappings.append((ref, value, None))
                divide(meta["hours"], mappings)
            elif module.suffix == ".xml":
                root = ET.parse(module).getroot()
                divide(root.get("hours"), [(c.get("ref"), c.get("level"), c.get("hours")) for c in root.iter(f"{MOD}competency")])

    for lecture in matched((CONTENT / "lectures").glob("*.md")):
        meta = front_matter(lecture)
        # docs/coverage.md §4.4: the length in hundredths of a minute, divided among the 中级 mappings.
        length = int((decimal.Decimal(minutes(meta["duration"]) * 60) * 100 / 60).quantize(decimal.Decimal(1), decimal.ROUND_HALF_UP))
        mapped = [(ref, lvl) for ref, lvl in (meta.get("competencies") or {}).items() if ref.startswith("b2b-data:中级:")]
        for index, (ref, lvl) in enumerate(mapped):
            lectures[ref].append((lvl, length // len(mapped) + (1 if index < length % len(mapped) else 0)))

    for path in matched((CONTENT / "exercises").rglob("*.xml")):
        root = ET.parse(path).getroot()
        if root.tag == f"{EX}bank":
            for item in root.iter():
                if item.tag.startswith(EX) and item.tag[len(EX):] in ITEM_TYPES and item.get("id"):
                    for ref in item.findall(f"{EX}assesses"):
                        items[ref.get("ref")] += 1
    for sidecar in matched((CONTENT / "exercises").rglob("*.yml")):
        meta = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
        for entry in (meta.get("items") or {}).values():
            for ref in entry.get("assesses") or []:
                items[ref] += 1

    for sidecar in matched(list((CONTENT / "resources").rglob("*.yml")) + list((CONTENT / "datasets").glob("*.yml"))):
        meta = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
        for ref in (meta.get("competencies") or {}):
            resources[ref].add(meta.get("id") or sidecar.name[:-len(".yml")].rsplit(".", 1)[0])
    for document in matched((CONTENT / "resources").rglob("*.md")):
        meta = front_matter(document)
        for ref in (meta.get("competencies") or {}):
            resources[ref].add(meta.get("id") or document.stem)
    return requirements, teaching, lectures, items, resources


def test_every_number_recounts(shipped_site):
    document = json.loads((shipped_site / "coverage" / "b2b-data" / "intermediate" / "coverage.json").read_text(encoding="utf-8"))
    requirements, teaching, lectures, items, resources = recount()
    rank = {"I": 1, "R": 2, "M": 3}
    reported = {r["id"]: r for r in document["requirements"]}
    assert list(reported) == requirements

    statuses = collections.Counter()
    for rid in requirements:
        row = reported[rid]
        assert sorted(m["level"] for m in row["modules"]) == sorted(l for l, _ in teaching[rid]), rid
        assert round(row["hours"] * 100) == sum(h for _, h in teaching[rid]), rid
        assert round(row["lectureMinutes"] * 100) == sum(m for _, m in lectures[rid]), rid
        assert len(row["items"]) == items[rid], rid
        assert set(row["resources"]) == resources[rid], rid
        levels = [l for l, _ in teaching[rid]] + [l for l, _ in lectures[rid]]
        highest = max((rank[l] for l in levels), default=0)
        if not levels and not items[rid]:
            status = "gap"
        elif highest == 3 and items[rid] > 0:
            status = "covered"
        else:
            status = "partial"
        assert row["status"] == status, rid
        statuses[status] += 1

    percent = (decimal.Decimal(statuses["covered"] * 100) / len(requirements)).quantize(decimal.Decimal("0.1"), decimal.ROUND_HALF_UP)
    assert document["summary"] == {"total": len(requirements), "covered": statuses["covered"],
                                   "partial": statuses["partial"], "gap": statuses["gap"], "coveredPercent": float(percent)}
    # Every module's hours counted once: the matrix of 中级 adds up to the program's 176 学时.
    assert sum(h for rid in requirements for _, h in teaching[rid]) == round(document["totals"]["columnTotal"] * 100) == 17600
    assert document["gaps"]["notTaught"] == [r for r in requirements if not teaching[r] and not lectures[r]]
    assert document["gaps"]["notAssessed"] == [r for r in requirements if not items[r]]
    # The shipped example keeps a deliberate gap of every kind.
    assert statuses["gap"] > 0 and statuses["partial"] > 0 and statuses["covered"] > 0
    assert document["gaps"]["notTaught"] and document["gaps"]["notAssessed"]


def test_the_summary_page_shows_the_recounted_numbers(shipped_site):
    document = json.loads((shipped_site / "coverage" / "b2b-data" / "intermediate" / "coverage.json").read_text(encoding="utf-8"))
    html = (shipped_site / "coverage" / "b2b-data" / "intermediate" / "index.html").read_text(encoding="utf-8")
    summary = document["summary"]
    for key in ("total", "covered", "partial", "gap"):
        assert f'<span class="stat-value">{summary[key]}</span>' in html
    assert f"无教学覆盖的要求 ({len(document['gaps']['notTaught'])})" in html
    assert f"无考核的要求 ({len(document['gaps']['notAssessed'])})" in html
