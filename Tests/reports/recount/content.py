"""Reads a Coursemap content folder into plain values, as docs/content.md, docs/exercises.md and
docs/lectures.md describe the files. Numbers are kept exact (Decimal from their written text)."""
import dataclasses
import pathlib
import re
import xml.etree.ElementTree as ET
from decimal import Decimal, ROUND_HALF_UP
from typing import Optional

import yaml

FW = "{urn:coursemap:framework:1}"
MOD = "{urn:coursemap:module:1}"
EX = "{urn:coursemap:exercises:1}"
QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
LEVELS = ("初级", "中级", "高级")
RANK = {"I": 1, "R": 2, "M": 3}
# Item elements of a Coursemap bank (docs/exercises.md, "Item types"; the schema adds numerical and description).
ITEM_TAGS = ("single", "multiple", "truefalse", "fill", "short", "matching", "ordering", "numerical", "practical",
             "description")
IDENTIFIER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


class ExactLoader(yaml.SafeLoader):
    """A YAML loader that keeps decimals exact: `hours: 1.5` gives Decimal('1.5'), not a float."""


ExactLoader.add_constructor("tag:yaml.org,2002:float",
                            lambda loader, node: Decimal(loader.construct_scalar(node).replace("_", "")))


def load_yaml(text):
    return yaml.load(text, Loader=ExactLoader)


def front_matter(path):
    text = path.read_text(encoding="utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")
    assert text.startswith("---\n"), f"{path}: no front matter"
    end = re.search(r"^(---|\.\.\.)$", text[4:], re.M)
    return load_yaml(text[4:4 + end.start()]) or {}


def hundredths(value) -> int:
    """A number counted in hundredths, rounded half up (docs/coverage.md §4.1, §5)."""
    return int((Decimal(str(value)) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def text_of(element, ns):
    """(zh, en) of an element holding <zh>/<en>, white space collapsed (docs/content.md §4.3)."""
    def clean(node):
        return " ".join("".join(node.itertext()).split()) if node is not None else None
    return clean(element.find(f"{ns}zh")), clean(element.find(f"{ns}en"))


def bilingual(value):
    if value is None:
        return None, None
    if isinstance(value, dict):
        return value.get("zh"), value.get("en")
    return str(value), None


@dataclasses.dataclass
class Requirement:
    ref: str
    code: str
    area: str            # work area code, or the outcome group's domain
    task: Optional[str]
    zh: str
    en: Optional[str]


@dataclasses.dataclass
class Area:
    code: str
    zh: str
    en: Optional[str]
    weight: Optional[str]   # as written


@dataclasses.dataclass
class Scope:
    id: str                 # "b2b-data:中级" or "cbec-outcomes"
    framework: str
    level: Optional[str]
    kind: str               # "certificate" or "outcomes"
    title: tuple
    version: Optional[str]
    illustrative: bool
    areas: list
    requirements: list


@dataclasses.dataclass
class Mapping:
    ref: str
    level: str
    hours: Optional[int] = None   # stated hours in hundredths


@dataclasses.dataclass
class Module:
    id: str
    course: str
    title: tuple
    order: int
    hours: int                    # hundredths
    mappings: list


@dataclasses.dataclass
class Course:
    id: str
    code: str
    title: tuple
    semester: int
    declared: int                 # hundredths: theory + practice
    certificates: dict
    modules: list


@dataclasses.dataclass
class Lecture:
    id: str
    title: tuple
    course: Optional[str]
    minutes: int                  # hundredths of a minute
    mappings: list


@dataclasses.dataclass
class Item:
    bank: str
    id: str
    type: str
    exam: bool
    score: int                    # hundredths of a point
    refs: list                    # distinct, in the order written
    course: Optional[str]         # the bank's course
    title: Optional[str]


@dataclasses.dataclass
class Resource:
    id: str
    kind: str
    title: tuple
    course: Optional[str]
    mappings: list                # Mapping (level = the resource's level)


@dataclasses.dataclass
class Content:
    root: pathlib.Path
    config: dict
    scopes: dict                  # id -> Scope, in the order frameworks and levels were read
    courses: list                 # program order
    lectures: list
    items: list                   # bank id, then document order
    resources: list

    @property
    def modules(self):
        return [m for c in self.courses for m in c.modules]


def parse_ref(ref):
    """'fw:level:code' → ('fw:level', code); 'fw:code' → ('fw', code)."""
    parts = ref.split(":")
    if len(parts) == 3:
        return f"{parts[0]}:{parts[1]}", parts[2]
    return parts[0], parts[1]


def scope_of(ref):
    return parse_ref(ref)[0]


def read_frameworks(root):
    scopes = {}
    for path in sorted((root / "frameworks").glob("*.xml")):
        tree = ET.parse(path).getroot()
        fid = tree.get("id")
        title = text_of(tree.find(f"{FW}title"), FW)
        version = tree.get("version")
        if tree.tag == f"{FW}certificate":
            illustrative = tree.get("illustrative") in ("true", "1")
            for level in tree.findall(f"{FW}level"):
                name = level.get("name")
                areas, requirements = [], []
                for area in level.findall(f"{FW}area"):
                    zh, en = text_of(area, FW)
                    areas.append(Area(area.get("code"), zh, en, area.get("weight")))
                    for task in area.findall(f"{FW}task"):
                        for req in task.findall(f"{FW}requirement"):
                            rzh, ren = text_of(req, FW)
                            requirements.append(Requirement(f"{fid}:{name}:{req.get('code')}", req.get("code"),
                                                            area.get("code"), task.get("code"), rzh, ren))
                sid = f"{fid}:{name}"
                scopes[sid] = Scope(sid, fid, name, "certificate", title, version, illustrative, areas, requirements)
        else:
            areas, requirements = [], []
            for group in tree.findall(f"{FW}group"):
                domain = group.get("domain")
                areas.append(Area(domain, domain, None, None))
                for outcome in group.findall(f"{FW}outcome"):
                    zh, en = text_of(outcome, FW)
                    requirements.append(Requirement(f"{fid}:{outcome.get('code')}", outcome.get("code"), domain,
                                                    None, zh, en))
            scopes[fid] = Scope(fid, fid, None, "outcomes", title, version, False, areas, requirements)
    return scopes


def read_module(path, course):
    if path.suffix.lower() == ".md":
        meta = front_matter(path)
        mappings, seen = [], set()
        for ref, value in (meta.get("competencies") or {}).items():
            if isinstance(value, dict):
                level, stated = value.get("level"), value.get("hours")
            else:
                level, stated = value, None
            if ref in seen:
                continue
            seen.add(ref)
            mappings.append(Mapping(ref, level, None if stated is None else hundredths(stated)))
        return Module(str(meta.get("id") or path.stem), course, bilingual(meta.get("title")), int(meta["order"]),
                      hundredths(meta["hours"]), mappings)
    tree = ET.parse(path).getroot()
    mappings, seen = [], set()
    for c in tree.iter(f"{MOD}competency"):
        if c.get("ref") in seen:          # CM405: a second mention is ignored
            continue
        seen.add(c.get("ref"))
        stated = c.get("hours")
        mappings.append(Mapping(c.get("ref"), c.get("level"), None if stated is None else hundredths(stated)))
    return Module(tree.get("id") or path.stem, course, text_of(tree.find(f"{MOD}title"), MOD), int(tree.get("order")),
                  hundredths(tree.get("hours")), mappings)


def read_courses(root):
    courses = []
    for folder in sorted(p for p in (root / "courses").iterdir() if p.is_dir() and not p.name.startswith(".")):
        meta = front_matter(folder / "course.md")
        hours = meta["hours"]
        modules = [read_module(p, folder.name) for p in sorted(folder.iterdir())
                   if p.is_file() and p.name != "course.md" and not p.name.startswith(".")
                   and p.suffix.lower() in (".md", ".xml")]
        modules.sort(key=lambda m: (m.order, m.id))
        courses.append(Course(folder.name, str(meta["code"]), bilingual(meta.get("title")), int(meta["semester"]),
                              hundredths(hours["theory"]) + hundredths(hours["practice"]),
                              dict(meta.get("certificates") or {}), modules))
    # The program's course order: semester, then course code, then id (docs/coverage.md §7, "Ordering").
    courses.sort(key=lambda c: (c.semester, c.code, c.id))
    return courses


def duration_seconds(value):
    if isinstance(value, (int, Decimal)):
        return Decimal(value)
    seconds = Decimal(0)
    for part in str(value).strip().split(":"):
        seconds = seconds * 60 + Decimal(part)
    return seconds


def read_lectures(root):
    lectures = []
    folder = root / "lectures"
    if not folder.is_dir():
        return lectures
    for path in sorted(folder.glob("*.md")):
        meta = front_matter(path)
        minutes = int((duration_seconds(meta["duration"]) * 100 / 60).quantize(Decimal(1), rounding=ROUND_HALF_UP))
        mappings = [Mapping(ref, level) for ref, level in (meta.get("competencies") or {}).items()]
        lectures.append(Lecture(str(meta.get("id") or path.stem), bilingual(meta.get("title")), meta.get("course"),
                                minutes, mappings))
    return lectures


def folder_exam(path, root):
    """True when a `bank.yml` of this folder or a folder above it (under exercises/) says `usage: exam`."""
    folder = path.parent
    top = root / "exercises"
    while True:
        sidecar = folder / "bank.yml"
        if sidecar.is_file() and (load_yaml(sidecar.read_text(encoding="utf-8")) or {}).get("usage") == "exam":
            return True
        if folder == top or top not in folder.parents:
            return False
        folder = folder.parent


def read_coursemap_bank(path, tree, root):
    bank, course = tree.get("id"), tree.get("course")
    above = folder_exam(path, root)
    items = []
    for element in tree.iter():
        if not element.tag.startswith(EX) or element.tag[len(EX):] not in ITEM_TAGS or not element.get("id"):
            continue
        kind = element.tag[len(EX):]
        refs = []
        for a in element.findall(f"{EX}assesses"):
            if a.get("ref") not in refs:
                refs.append(a.get("ref"))
        title = element.find(f"{EX}title")
        items.append(Item(bank, element.get("id"), kind, above or element.get("usage") == "exam",
                          hundredths(element.get("score") or "1"), [] if kind == "description" else refs, course,
                          text_of(title, EX)[0] if title is not None else None))
    return items


MOODLE_TYPES = {"truefalse": "truefalse", "shortanswer": "fill", "numerical": "numerical", "matching": "matching",
                "ordering": "ordering", "essay": "short", "description": "description", "cloze": "fill"}


def read_moodle_bank(path, tree, root):
    sidecar_path = path.with_name(path.stem + ".bank.yml")
    sidecar = load_yaml(sidecar_path.read_text(encoding="utf-8")) if sidecar_path.is_file() else {}
    sidecar = sidecar or {}
    bank = sidecar.get("id") or path.stem
    entries = sidecar.get("items") or {}
    bank_exam = sidecar.get("usage") == "exam" or folder_exam(path, root)
    items, number = [], 0
    for question in tree.findall("question"):
        qtype = question.get("type")
        if qtype == "category":
            continue
        if qtype == "multichoice":
            single = (question.findtext("single") or "true").strip() in ("true", "1")
            kind = "single" if single else "multiple"
        elif qtype in MOODLE_TYPES:
            kind = MOODLE_TYPES[qtype]
        else:
            continue
        number += 1
        name = (question.findtext("name/text") or "").strip()
        qid = name if IDENTIFIER.match(name) else f"q{number:02d}"
        entry = entries.get(name) or {}
        tags = [(t.findtext("text") or "") for t in question.findall("tags/tag")]
        exam = bank_exam or entry.get("usage") == "exam" or "coursemap-usage:exam" in tags
        refs = []
        for ref in entry.get("assesses") or []:
            if ref not in refs:
                refs.append(ref)
        grade = question.findtext("defaultgrade")
        items.append(Item(bank, qid, kind, exam, hundredths(grade) if grade else 100,
                          [] if kind == "description" else refs, sidecar.get("course"), name))
    return items


def qti_type(item):
    interactions = [e.tag[len(QTI):] for e in item.iter() if e.tag.startswith(QTI) and e.tag.endswith("Interaction")]
    first = interactions[0] if interactions else ""
    if interactions == ["textEntryInteraction"]:
        # One text entry whose response is a number is numerical (docs/exercises.md, QTI table).
        entry = next(item.iter(f"{QTI}textEntryInteraction"))
        declared = {d.get("identifier"): d.get("baseType") for d in item.iter(f"{QTI}responseDeclaration")}
        if declared.get(entry.get("responseIdentifier")) in ("float", "integer"):
            return "numerical"
    if first == "choiceInteraction":
        node = next(e for e in item.iter(f"{QTI}choiceInteraction"))
        return "single" if node.get("maxChoices") == "1" else "multiple"
    return {"textEntryInteraction": "fill", "inlineChoiceInteraction": "fill", "gapMatchInteraction": "fill",
            "extendedTextInteraction": "short", "orderInteraction": "ordering",
            "matchInteraction": "matching"}.get(first, first)


def qti_score(item):
    """An imported QTI item's score in hundredths (docs/exercises.md, "Scores of imported items")."""
    for element in item.iter():
        if "coursemap-score" in (element.get("class") or "").split():
            return hundredths("".join(element.itertext()).strip())
    outcomes = {o.get("identifier"): o for o in item.iter(f"{QTI}outcomeDeclaration")}

    def positive(text):
        try:
            return text is not None and Decimal(text.strip()) > 0
        except ArithmeticError:
            return False

    def default(identifier):
        outcome = outcomes.get(identifier)
        value = outcome.find(f"{QTI}defaultValue/{QTI}value") if outcome is not None else None
        return value.text if value is not None else None

    candidates = [default("MAXSCORE"), outcomes["SCORE"].get("normalMaximum") if "SCORE" in outcomes else None,
                  default("SCORE")]
    for candidate in candidates:
        if positive(candidate):
            return hundredths(candidate.strip())
    return 100


def read_qti_folder(folder, root):
    sidecar = load_yaml((folder / "bank.yml").read_text(encoding="utf-8")) or {}
    bank = sidecar.get("id") or folder.name
    entries = sidecar.get("items") or {}
    bank_exam = folder_exam(folder / "bank.yml", root)
    items = []
    for path in sorted(folder.glob("*.xml")):
        if path.name == "imsmanifest.xml":
            continue
        tree = ET.parse(path).getroot()
        if tree.tag != f"{QTI}assessmentItem":
            continue
        ident = tree.get("identifier")
        entry = entries.get(ident) or {}
        refs = []
        for ref in entry.get("assesses") or []:
            if ref not in refs:
                refs.append(ref)
        items.append(Item(bank, ident, qti_type(tree), bank_exam or entry.get("usage") == "exam", qti_score(tree), refs,
                          sidecar.get("course"), tree.get("title")))
    return items


def read_items(root):
    folder = root / "exercises"
    if not folder.is_dir():
        return []
    items, qti_folders = [], set()
    for path in sorted(folder.rglob("*.xml")):
        if path.name == "imsmanifest.xml":
            continue
        tree = ET.parse(path).getroot()
        if tree.tag == f"{EX}bank":
            items += read_coursemap_bank(path, tree, root)
        elif tree.tag == "quiz":
            items += read_moodle_bank(path, tree, root)
        elif tree.tag == f"{QTI}assessmentItem" and (path.parent / "bank.yml").is_file():
            qti_folders.add(path.parent)
    for qti in sorted(qti_folders):
        items += read_qti_folder(qti, root)
    # Items: bank id, then document order (docs/coverage.md §7); sorted() keeps document order within a bank.
    return sorted(items, key=lambda i: i.bank)


def read_resources(root):
    resources = []
    places = [root / "resources", root / "datasets"]
    for place in places:
        if not place.is_dir():
            continue
        for sidecar in sorted(place.rglob("*.yml")):
            name = sidecar.name[:-len(".yml")]
            if "." not in name:
                continue        # not NAME.EXT.yml
            meta = load_yaml(sidecar.read_text(encoding="utf-8")) or {}
            resources.append(resource_of(meta, name.rsplit(".", 1)[0]))
        if place.name == "resources":
            for document in sorted(place.rglob("*.md")):
                resources.append(resource_of(front_matter(document), document.stem))
    return resources


def resource_of(meta, default_id):
    mappings = [Mapping(ref, level) for ref, level in (meta.get("competencies") or {}).items()]
    return Resource(str(meta.get("id") or default_id), meta.get("kind"), bilingual(meta.get("title")),
                    meta.get("course"), mappings)


def read_config(root):
    config = load_yaml((root / "coursemap.yml").read_text(encoding="utf-8")) or {}
    raw = yaml.compose((root / "coursemap.yml").read_text(encoding="utf-8"))
    tolerance_text = None
    for key, value in raw.value:
        if key.value == "coverage":
            for k, v in value.value:
                if k.value == "blueprint_tolerance":
                    tolerance_text = v.value
    coverage = config.get("coverage") or {}
    return {
        "language": config.get("language") or "zh-CN",
        "reports": list(dict.fromkeys(config.get("reports") or [])),
        "covered_at": coverage.get("covered_at", "M"),
        "require_assessment": coverage.get("require_assessment", True),
        "tolerance": Decimal(tolerance_text) if tolerance_text is not None else Decimal(10),
        "tolerance_text": tolerance_text if tolerance_text is not None else "10",
        "lectures_as_hours": coverage.get("lectures_as_hours", False),
        "class_hour_minutes": Decimal(str(coverage.get("class_hour_minutes", 45))),
    }


def read_content(root) -> Content:
    root = pathlib.Path(root)
    return Content(root, read_config(root), read_frameworks(root), read_courses(root), read_lectures(root),
                   read_items(root), read_resources(root))
