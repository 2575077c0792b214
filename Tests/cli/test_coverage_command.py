"""`coursemap coverage` end to end, as a CI job or a reviewer runs it: --format json validates against the
published schemas (one scope: coverage.json; several: the reports wrapper), --format csv is one CSV with one
header (byte-order mark unless --no-bom), the table fits COLUMNS counting Chinese characters as two columns,
and `--diff --format json` validates against docs/coverage-diff.schema.json with the documented exit statuses.
"""
import csv
import io
import json
import pathlib
import shutil
import subprocess
import sys
import unicodedata

import jsonschema
import pytest
from referencing import Registry, Resource

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from conftest import ROOT, coursemap_binary  # noqa: E402

FIXTURE = ROOT / "Tests/Fixtures/site"
SHIPPED = ROOT / "Content"


def schema(name):
    return json.loads((ROOT / "docs" / name).read_text(encoding="utf-8"))


def registry():
    resources = [(s["$id"], Resource.from_contents(s)) for s in
                 (schema("coverage.schema.json"), schema("coverage-reports.schema.json"), schema("coverage-diff.schema.json"))]
    return Registry().with_resources(resources)


def validate(document, name):
    validator = jsonschema.Draft202012Validator(schema(name), registry=registry())
    validator.check_schema(schema(name))
    validator.validate(document)


def run(*arguments, env=None):
    environment = {"PATH": "/usr/bin:/bin", **(env or {})}
    return subprocess.run([str(coursemap_binary()), "coverage", *arguments], capture_output=True, env=environment)


def columns(text):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@pytest.mark.parametrize("content", [FIXTURE, SHIPPED])
def test_json_is_one_document_that_matches_the_schema(content):
    several = run("--content", str(content), "--format", "json")
    assert several.returncode == 0, several.stderr
    document = json.loads(several.stdout)
    validate(document, "coverage-reports.schema.json")
    assert document["formatVersion"] == 2 and len(document["reports"]) >= 2
    first = document["reports"][0]["framework"]
    scope = first["id"] + (":" + first["level"] if "level" in first else "")
    one = run("--content", str(content), "--framework", scope, "--format", "json")
    single = json.loads(one.stdout)
    validate(single, "coverage.schema.json")
    assert single == document["reports"][0]


def test_the_reports_schema_rejects_a_broken_report():
    document = json.loads(run("--content", str(FIXTURE), "--format", "json").stdout)
    document["reports"][1]["summary"]["total"] = -1
    with pytest.raises(jsonschema.ValidationError):
        validate(document, "coverage-reports.schema.json")


def test_csv_has_one_header_for_every_scope_and_a_bom_unless_no_bom():
    with_bom = run("--content", str(SHIPPED), "--format", "csv").stdout
    assert with_bom.startswith(b"\xef\xbb\xbf") and with_bom.count(b"\xef\xbb\xbf") == 1
    rows = list(csv.reader(io.StringIO(with_bom[3:].decode("utf-8"), newline="")))
    header = rows[0]
    assert "编码 Code" in header
    assert sum(1 for row in rows if row == header) == 1
    assert all(len(row) == len(header) for row in rows)
    code = header.index("编码 Code")
    frameworks = {row[code].split(":")[0] for row in rows[1:]}
    assert frameworks == {"b2b-data", "cbec-outcomes"}
    without = run("--content", str(SHIPPED), "--format", "csv", "--no-bom").stdout
    assert without == with_bom[3:]


def test_the_table_fits_columns_and_names_orphans(tmp_path):
    for width in (100, 130):
        result = run("--content", str(SHIPPED), "--framework", "b2b-data:中级", env={"COLUMNS": str(width)})
        text = result.stdout.decode("utf-8")
        rows = [line for line in text.splitlines() if line[:1].isdigit()]
        assert rows and all(columns(line) <= width for line in rows), [l for l in rows if columns(l) > width]
        assert any(line.endswith("…") for line in rows)
    content = tmp_path / "Content"  # outside git: the revision is the content hash
    shutil.copytree(FIXTURE, content)
    fixture = run("--content", str(content), "--framework", "cert:中级", "--lang", "en",
                  env={"SOURCE_DATE_EPOCH": "1700000000"}).stdout.decode("utf-8")
    first = fixture.splitlines()[0]
    assert first.startswith("cert Test Certificate · 中级 · version 1 · content sha256:")
    assert first.endswith(" · built 2023-11-14 22:13 UTC · Coursemap " + first.rsplit(" ", 1)[1])
    assert "Mapped to nothing (1):\n  resources (1):\n    standard\n" in fixture
    assert "Can do A" in fixture


@pytest.fixture()
def stripped(tmp_path):
    """The fixture where cert:中级:1.1.2 lost a module mapping, its micro-lecture and its three items."""
    content = tmp_path / "Content"
    shutil.copytree(FIXTURE, content)
    module = content / "courses/intro/01-basics.md"
    module.write_text(module.read_text(encoding="utf-8").replace("  cert:中级:1.1.2: I\n", ""), encoding="utf-8")
    lecture = content / "lectures/l1.md"
    lecture.write_text(lecture.read_text(encoding="utf-8").replace("cert:中级:1.1.2: I", "po:K1: I"), encoding="utf-8")
    bank = content / "exercises/basics.xml"
    bank.write_text(bank.read_text(encoding="utf-8").replace('ref="cert:中级:1.1.2"', 'ref="po:K1"'), encoding="utf-8")
    old = tmp_path / "old.json"
    old.write_bytes(run("--content", str(FIXTURE), "--framework", "cert:中级", "--format", "json").stdout)
    return content, old


def test_diff_json_matches_its_schema_and_exits_3_when_coverage_is_lost(stripped):
    content, old = stripped
    result = run("--content", str(content), "--diff", str(old), "--format", "json")
    assert result.returncode == 3, result.stderr
    diff = json.loads(result.stdout)
    validate(diff, "coverage-diff.schema.json")
    assert diff["coverageLost"] is True
    change = next(r for r in diff["requirements"] if r["code"] == "1.1.2")
    assert change["lost"] == ["assessment"]
    assert [r["code"] for r in diff["requirements"] if r["lost"]] == ["1.1.2"]
    assert "status" not in change  # still partial
    assert [(e["kind"], e["id"]) for e in change["removed"]] == [
        ("module", "intro/01-basics"), ("lecture", "l1"), ("item", "basics/e1"), ("item", "basics/f1"), ("item", "basics/sh1")]


def test_diff_exit_statuses(stripped, tmp_path):
    content, old = stripped
    assert run("--content", str(FIXTURE), "--diff", str(old)).returncode == 0
    foreign = tmp_path / "package.json"
    foreign.write_text('{"name": "x"}', encoding="utf-8")
    assert run("--content", str(FIXTURE), "--diff", str(foreign)).returncode == 2
    assert run("--content", str(FIXTURE), "--diff", str(tmp_path / "missing.json")).returncode == 2
    assert run("--content", str(FIXTURE), "--framework", "nope", "--diff", str(old)).returncode == 2
    (content / "frameworks/po.xml").write_text("<broken", encoding="utf-8")
    assert run("--content", str(content), "--diff", str(old)).returncode == 1


def test_diff_reads_a_version_1_file(tmp_path):
    document = json.loads((ROOT / "Tests/Fixtures/coverage/cert-intermediate.v1.json").read_text(encoding="utf-8"))
    assert document["formatVersion"] == 1
    document["areas"][0]["flagged"] = True  # flagged last year, not now
    old = tmp_path / "coverage-2025.json"
    old.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = run("--content", str(FIXTURE), "--diff", str(old), "--format", "json")
    assert result.returncode == 0, result.stderr
    diff = json.loads(result.stdout)
    validate(diff, "coverage-diff.schema.json")
    assert diff["oldFormatVersion"] == 1
    (flip,) = diff["blueprint"]
    # Version 1 compared item counts, not exam points: its exam share is unknown, not made up.
    assert flip["flaggedBefore"] is True and flip["flaggedAfter"] is False and flip["examShare"]["before"] is None
    text = run("--content", str(FIXTURE), "--diff", str(old), "--lang", "en").stdout.decode("utf-8")
    assert "reasons unknown (version 1 file)" in text
