"""coverage.json against its published JSON Schema, coverage.csv as Excel reads it, and the printed report."""
import csv
import io
import json
import re
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


def print_to_pdf(page, pdf):
    subprocess.run(["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", page.as_uri()], check=True, capture_output=True, timeout=120)
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    texts = [subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"], check=True,
                            capture_output=True, text=True).stdout for n in range(1, pages + 1)]
    return info, texts


def squeezed(text):
    return "".join(text.split())


def content_revision():
    """What the report must name: the commit of the work tree Content/ is in (and whether it is dirty), else
    a content hash."""
    head = subprocess.run(["git", "-C", str(ROOT / "Content"), "rev-parse", "HEAD"], capture_output=True, text=True)
    if head.returncode != 0:
        return None
    return head.stdout.strip()


@pytest.mark.parametrize("report", ["b2b-data/intermediate", "cbec-outcomes"])
def test_the_report_prints_on_a4_with_provenance_page_numbers_and_totals_once(shipped_site, tmp_path, report):
    page = shipped_site / "coverage" / report / "index.html"
    info, texts = print_to_pdf(page, tmp_path / "report.pdf")
    assert "(A4)" in info, info
    pages = len(texts)
    assert pages >= 2
    document = json.loads((page.parent / "coverage.json").read_text(encoding="utf-8"))
    provenance = document["provenance"]

    # The provenance block is on the first page: framework id, level, version, revision, date, tool version.
    first = squeezed(texts[0])
    assert "报告来源" in first
    assert document["framework"]["id"] in first
    if document["framework"].get("level"):
        assert document["framework"]["level"] in first
    assert squeezed(document["framework"]["version"]) in first
    assert provenance["revision"] in first
    commit = content_revision()
    if commit:
        assert provenance["revision"] == commit
    else:
        assert provenance["revision"].startswith("sha256:")
    assert squeezed(provenance["buildDate"]) in first
    assert squeezed("Coursemap " + provenance["coursemapVersion"]) in first

    # Every page carries its number and the count.
    for number, text in enumerate(texts, start=1):
        assert f"{number}/{pages}" in squeezed(text), f"page {number} has no page number"
    # No near-empty page: every page but the last is at least a third full (by its text).
    fullest = max(len(squeezed(t)) for t in texts)
    for number, text in enumerate(texts[:-1], start=1):
        assert len(squeezed(text)) > fullest / 3, f"page {number} of {pages} is nearly empty"
    # The download links (and the "·" between them) are not printed.
    whole = "\n".join(texts)
    assert "coverage.json" not in whole and "coverage.csv" not in whole
    assert not [line for line in whole.splitlines() if line.strip() == "·"]
    # The matrix's grand total is printed once, at the end of the table, not at every page's foot.
    html = page.read_text(encoding="utf-8")
    grand = re.search(r"<tfoot>.*?<td>([^<]*)</td></tr>\s*</tfoot>", html, re.S).group(1)
    assert squeezed(whole).count(squeezed(grand)) >= 1
    matrix_pages = [t for t in texts if grand in t]
    assert len(matrix_pages) == 1, f"the grand total {grand} is on {len(matrix_pages)} pages"
    print(f"{report}: {pages} A4 pages")
