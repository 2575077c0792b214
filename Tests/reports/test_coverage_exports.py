"""coverage.json against its published JSON Schema, coverage.csv as Excel reads it, and the printed report."""
import csv
import io
import json
import subprocess

import pathlib

import jsonschema
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def coverage_files(site, name):
    return sorted((site / "coverage").rglob(name))


def test_every_coverage_json_matches_the_schema(shipped_site):
    schema = json.loads((ROOT / "docs" / "coverage.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    files = coverage_files(shipped_site, "coverage.json")
    assert len(files) >= 2
    for path in files:
        jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schema)


def test_the_schema_rejects_a_broken_document(shipped_site):
    schema = json.loads((ROOT / "docs" / "coverage.schema.json").read_text(encoding="utf-8"))
    document = json.loads(coverage_files(shipped_site, "coverage.json")[0].read_text(encoding="utf-8"))
    document["requirements"][0]["status"] = "mostly"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)


def test_coverage_csv_opens_in_excel_with_chinese_text(shipped_site):
    path = next(p for p in coverage_files(shipped_site, "coverage.csv") if "b2b-data" in str(p))
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the UTF-8 byte-order mark to read Chinese"
    assert b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
    assert rows[0][:2] == ["范围 Scope", "编码 Code"]
    assert rows[0][-2:] == ["学时 Hours", "微课时长 Minutes"]
    assert all(len(row) == len(rows[0]) for row in rows)
    document = json.loads((path.parent / "coverage.json").read_text(encoding="utf-8"))
    # One row per requirement × piece of evidence, and one for each requirement with none.
    expected = sum(max(1, len(r["modules"]) + len(r["lectures"]) + len(r["items"]) + len(r["resources"]))
                   for r in document["requirements"])
    assert len(rows) - 1 == expected
    assert any("能" in row[2] for row in rows[1:])
    assert all(row[0] == "b2b-data:中级" for row in rows[1:])
    # The hours column holds the attributed hours: per requirement they add up to its hours.
    hours = {}
    for row in rows[1:]:
        if row[5] == "module":
            hours[row[1]] = hours.get(row[1], 0) + round(float(row[10]) * 100)
    for requirement in document["requirements"]:
        assert hours.get(requirement["id"], 0) == round(requirement["hours"] * 100)


def test_the_report_prints_to_pdf_with_its_text(shipped_site, tmp_path):
    page = shipped_site / "coverage" / "b2b-data" / "intermediate" / "index.html"
    pdf = tmp_path / "report.pdf"
    subprocess.run(["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", page.as_uri()], check=True, capture_output=True, timeout=120)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    assert "覆盖情况" in text
    assert "无教学覆盖的要求" in text
    assert "5.3.1" in text
    pages = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    assert int(next(line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:"))) >= 3
