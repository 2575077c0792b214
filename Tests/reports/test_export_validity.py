"""Every file `coursemap export` writes validates against the official schemas in ../shared/schemas.

- QTI: every item (`items/*.xml`) and the assessmentTest against `imsqti_v2p1.xsd`; every `imsmanifest.xml`
  against `imscp_v1p1.xsd`, with the QTI metadata schema and Coursemap's own `Schemas/qti-metadata.xsd` for what
  it puts in the manifest's `##other` metadata slots (so those are checked strictly, not skipped as lax).
- CASE: every package against the CASE v1.1 CFPackage JSON Schema, formats (uuid, date-time) checked.

Exported: every bank and framework of the shipped Content/, and a content folder of odd material (every item
kind, lists, tables without tbody, code, images, empty explanations, feedback with paragraphs, every shared
Moodle/QTI fixture, the shared OpenSALT CASE package). Validation uses xmllint (Debian libxml2-utils) and
jsonschema, installed by scripts/install-test-deps.sh; the schemas are used in place, from ../shared.
"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import tempfile

import jsonschema
import pytest

from conftest import coursemap_binary

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
QTI_SCHEMAS = SHARED / "schemas" / "qti"
ITEM_SCHEMA = QTI_SCHEMAS / "qtiv2p1" / "imsqti_v2p1.xsd"
CASE_SCHEMA = SHARED / "schemas" / "case" / "case-v1p1-cfpackage.json"
# 2025-12-07 15:04:05 UTC: the revision date the CASE exports must carry when a version is no date.
EPOCH = "1765119845"


def run(*args, env=None):
    result = subprocess.run([str(coursemap_binary()), *args], capture_output=True, text=True,
                            env={**os.environ, **(env or {})})
    assert result.returncode == 0, f"coursemap {' '.join(args)}:\n{result.stderr}"
    return result


def xmllint(schema, files):
    """Validates files against schema with xmllint (no network); returns the files that failed, with errors."""
    assert files
    result = subprocess.run(["xmllint", "--nonet", "--noout", "--schema", str(schema), *map(str, files)],
                            capture_output=True, text=True)
    output = result.stderr
    failed = [line for line in output.splitlines() if line.endswith("fails to validate")]
    errors = [line for line in output.splitlines() if "validity error" in line or "parser error" in line]
    validated = [line for line in output.splitlines() if line.endswith(" validates")]
    assert len(validated) + len(failed) == len(files), output[-4000:]
    return failed, errors


@pytest.fixture(scope="session")
def manifest_schema(tmp_path_factory):
    """A schema that imports the CP schema and the schemas of the metadata the manifest carries: xmllint takes
    one schema, and a lax `##other` slot is only checked when its namespace's schema is loaded."""
    path = tmp_path_factory.mktemp("schemas") / "manifest-driver.xsd"
    imports = [
        ("http://www.w3.org/XML/1998/namespace", QTI_SCHEMAS / "w3" / "xml.xsd"),
        ("http://www.imsglobal.org/xsd/imscp_v1p1", QTI_SCHEMAS / "imscp_v1p1.xsd"),
        ("http://www.imsglobal.org/xsd/imsqti_metadata_v2p1", QTI_SCHEMAS / "qtiv2p1" / "imsqti_metadata_v2p1.xsd"),
        ("urn:coursemap:qti-metadata:1", ROOT / "Schemas" / "qti-metadata.xsd"),
    ]
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:coursemap:test:manifest">']
    lines += [f'  <xs:import namespace="{ns}" schemaLocation="{location.resolve().as_uri()}"/>' for ns, location in imports]
    lines.append("</xs:schema>")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


ODD_BANK = """<?xml version="1.0" encoding="UTF-8"?>
<bank xmlns="urn:coursemap:exercises:1" id="odd" course="intro">
  <title><zh>怪题库</zh><en>Odd bank</en></title>
  <single id="loose-single" score="0.5">
    <assesses ref="cert:中级:1.1.1"/>
    <stem><p>第一段</p><ul><li>列表 <code>a &lt; b</code></li><li>二</li></ul><table><caption>表</caption><tr><th>头</th><th>头二</th></tr><tr><td>格</td><td>格二</td></tr></table><pre>code
  block &amp; more</pre>尾巴文字</stem>
    <choice><strong>强调<em>嵌套</em></strong></choice>
    <choice correct="true"><code>a &amp;&amp; b</code></choice>
    <choice>纯文本 <em>强调</em><br/>换行</choice>
    <explanation/>
  </single>
  <section>
    <title><zh>第一节</zh><en>Part one</en></title>
    <multiple id="multi" usage="exam" difficulty="hard">
      <assesses ref="cert:中级:1.1.2"/>
      <stem>多选 <sub>下</sub><sup>上</sup> <a href="https://example.com/x?a=1&amp;b=2">链接</a></stem>
      <choice correct="true">一</choice><choice correct="true">二</choice><choice>三</choice>
      <explanation><ol><li>解析一</li><li>解析二</li></ol><table><tr><td>x</td></tr></table></explanation>
    </multiple>
    <truefalse id="tf"><assesses ref="cert:中级:1.1.1"/><stem><ul><li>判断</li></ul></stem><answer>false</answer><explanation><p></p></explanation></truefalse>
    <fill id="fill"><assesses ref="cert:中级:1.1.1"/><stem><strong>加粗</strong> <blank/> 与 <em>强调</em><blank/></stem>
      <blank-answer><accept>甲</accept><accept>A</accept></blank-answer><blank-answer case-sensitive="true"><accept>Ab</accept></blank-answer></fill>
  </section>
  <section>
    <title><zh>第二节</zh></title>
    <short id="short" score="12.25"><assesses ref="po:K1"/><stem><pre>x = 1</pre></stem>
      <reference><table><caption>参考</caption><tr><td>要点</td></tr></table><ul><li>一</li></ul></reference>
      <point score="2"><em>要点</em>一</point><point>要点二</point></short>
    <matching id="match"><assesses ref="cert:中级:1.1.1"/><stem>配对</stem>
      <pair><left><code>FOB</code></left><right>船上交货</right></pair>
      <pair><left>FAS</left><right>船上交货</right></pair>
      <pair><left>EXW <br/> 工厂</left><right><em>工厂</em>交货</right></pair></matching>
    <ordering id="order"><assesses ref="cert:中级:1.1.1"/><stem><p>排序</p></stem><step>一</step><step><strong>二</strong></step><step>三</step></ordering>
    <practical id="task" score="100"><assesses ref="cert:中级:1.1.1"/><title><zh>实训</zh><en>Task</en></title>
      <scenario><p>情境</p><table><tr><td>数据</td></tr></table></scenario>
      <steps><step>第一步</step><step><code>=SUM(A1:A9)</code></step></steps>
      <dataset href="datasets/traffic.csv"><zh>流量</zh><en>Traffic</en></dataset>
      <deliverable><ul><li>报告</li></ul></deliverable>
      <rubric><criterion><name>准确</name><level points="10">全对</level><level points="0">全错</level></criterion></rubric>
    </practical>
  </section>
</bank>
"""

ODD_MOODLE = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
<question type="category"><category><text>$course$/怪题/反馈</text></category></question>
<question type="multichoice"><name><text>feedback-blocks</text></name>
<questiontext format="html"><text><![CDATA[<p>选一个 <a href="notes.pdf#p1#p2">链接</a> <a href="list.pdf?page=[2]">二</a> <a href="a%zz.pdf">三</a></p><table><tr><td>无 tbody 的表</td></tr></table><img src="pixel.png" alt="像素">]]></text></questiontext>
<generalfeedback format="html"><text><![CDATA[<p>总体反馈</p>]]></text></generalfeedback>
<single>true</single><shuffleanswers>0</shuffleanswers>
<answer fraction="100" format="html"><text><![CDATA[<p>对的</p>]]></text><feedback format="html"><text><![CDATA[<p>段落反馈</p><ul><li>列表反馈</li></ul>]]></text></feedback></answer>
<answer fraction="0" format="html"><text>错的</text><feedback format="html"><text><![CDATA[<table><tr><th>表</th></tr></table>]]></text></feedback></answer>
<answer fraction="0" format="html"><text>也错</text><feedback format="html"><text><![CDATA[行内 <em>反馈</em>]]></text></feedback></answer>
<answer fraction="0" format="html"><text>还错</text><feedback format="html"><text><![CDATA[<pre><code>x &lt; 1</code></pre>]]></text></feedback></answer>
</question>
<question type="matching"><name><text>shared-targets</text></name>
<questiontext format="html"><text><![CDATA[<p>配对</p>]]></text></questiontext>
<subquestion format="html"><text><![CDATA[<p>FOB</p>]]></text><answer><text>船上交货</text></answer></subquestion>
<subquestion format="html"><text><![CDATA[<p>FAS</p>]]></text><answer><text>船上交货</text></answer></subquestion>
<subquestion format="html"><text><![CDATA[<ul><li>EXW</li></ul>]]></text><answer><text>工厂交货</text></answer></subquestion>
<subquestion format="html"><text></text><answer><text>干扰项</text></answer></subquestion>
</question>
<question type="numerical"><name><text>tolerance</text></name>
<questiontext format="html"><text><![CDATA[<p>2.5 ± 0.2068?</p>]]></text></questiontext>
<answer fraction="100"><text>2.5</text><tolerance>0.2068</tolerance><feedback format="html"><text><![CDATA[<p>对</p>]]></text></feedback></answer>
<answer fraction="50"><text>25</text><tolerance>0</tolerance></answer>
</question>
<question type="description"><name><text>intro</text></name>
<questiontext format="html"><text><![CDATA[<h3>说明</h3><blockquote>引用文字</blockquote><dl><dt>术语</dt><dd>定义</dd></dl>]]></text></questiontext>
</question>
<question type="essay"><name><text>essay</text></name>
<questiontext format="html"><text><![CDATA[<p>论述</p>]]></text></questiontext>
<graderinfo format="html"><text><![CDATA[<table><thead><tr><th>评分</th></tr></thead></table><p>要点</p>]]></text></graderinfo>
</question>
<question type="shortanswer"><name><text>short</text></name>
<questiontext format="html"><text><![CDATA[<p>FOB 的中文？</p>]]></text></questiontext>
<answer fraction="100"><text>船上交货</text><feedback format="html"><text><![CDATA[<p>对</p>]]></text></feedback></answer>
</question>
<question type="truefalse"><name><text>tf</text></name>
<questiontext format="html"><text><![CDATA[<div><p>嵌套 <span><p>段落</p></span></p></div>]]></text></questiontext>
<answer fraction="100"><text>true</text><feedback format="html"><text><![CDATA[<p>是</p><p>两段</p>]]></text></feedback></answer>
<answer fraction="0"><text>false</text><feedback format="html"><text></text></feedback></answer>
</question>
</quiz>
"""

# A 1×1 transparent PNG.
PIXEL = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                      "1f15c4890000000d49444154789c6300010000000500010d0a2db40000000049454e44ae426082")


@pytest.fixture(scope="session")
def odd_content():
    """The fixture site plus odd banks, the shared Moodle and QTI fixtures and the shared CASE package."""
    folder = pathlib.Path(tempfile.mkdtemp(prefix="coursemap-export-validity-"))
    content = folder / "Content"
    shutil.copytree(ROOT / "Tests" / "Fixtures" / "site", content)
    exercises = content / "exercises"
    (exercises / "odd.xml").write_text(ODD_BANK, encoding="utf-8")
    (exercises / "odd-moodle.xml").write_text(ODD_MOODLE, encoding="utf-8")
    (exercises / "pixel.png").write_bytes(PIXEL)
    for name in ("category_with_description", "multichoice", "nested_categories_with_questions", "truefalse"):
        shutil.copy(SHARED / "interop" / "moodle-xml" / f"{name}.xml", exercises / f"moodle-{name}.xml")
    qti = exercises / "qti-fixtures"
    qti.mkdir()
    for path in sorted((SHARED / "interop" / "qti-2.1").glob("*.xml")):
        shutil.copy(path, qti / path.name)
    (qti / "bank.yml").write_text("id: qti-fixtures\n", encoding="utf-8")
    shutil.copy(SHARED / "interop" / "case" / "SmartLevelFramework.json", content / "frameworks" / "smart-level.case.json")
    yield content
    shutil.rmtree(folder, ignore_errors=True)


_built = {}


def published(content, kind):
    """The ids of the banks or frameworks a build of content publishes (folders with an index page). The site
    is built once per content folder, in a temporary folder (never beside the content)."""
    if content not in _built:
        site = pathlib.Path(tempfile.mkdtemp(prefix="coursemap-export-site-")) / "Site"
        run("build", "--content", str(content), "--output", str(site))
        _built[content] = {name: sorted(path.parent.name for path in (site / name).glob("*/index.html"))
                           for name in ("banks", "frameworks")}
        shutil.rmtree(site.parent, ignore_errors=True)
    return _built[content][kind]


def export_banks(content, output):
    banks = published(content, "banks")
    assert banks
    for bank in banks:
        run("export", "--content", str(content), "--format", "qti", "--bank", bank, "--output", str(output / bank))
    return banks


@pytest.fixture(scope="session")
def shipped_exports(tmp_path_factory):
    output = tmp_path_factory.mktemp("shipped-qti")
    banks = export_banks(ROOT / "Content", output)
    return output, banks


@pytest.fixture(scope="session")
def odd_exports(odd_content, tmp_path_factory):
    output = tmp_path_factory.mktemp("odd-qti")
    banks = export_banks(odd_content, output)
    return output, banks


def check_packages(output, banks, manifest_schema):
    items = sorted(output.glob("*/items/*.xml"))
    tests = sorted(output.glob("*/assessment-test.xml"))
    manifests = sorted(output.glob("*/imsmanifest.xml"))
    assert len(manifests) == len(banks) and len(tests) == len(banks)
    assert len(items) >= len(banks)
    failed, errors = xmllint(ITEM_SCHEMA, items + tests)
    assert not failed, "\n".join(errors[:40])
    failed, errors = xmllint(manifest_schema, manifests)
    assert not failed, "\n".join(errors[:40])
    return items


def test_every_shipped_bank_exports_valid_qti(shipped_exports, manifest_schema):
    output, banks = shipped_exports
    assert {"store-ops-basics", "moodle-incoterms", "qti-data-literacy", "practical-tasks"} <= set(banks)
    items = check_packages(output, banks, manifest_schema)
    # The Moodle bank's per-answer feedback has paragraphs: it must be a feedbackBlock, not a feedbackInline.
    incoterms = "".join(p.read_text(encoding="utf-8") for p in (output / "moodle-incoterms" / "items").glob("*.xml"))
    assert "<feedbackBlock" in incoterms
    assert not re.search(r"<feedbackInline[^>]*>(?:(?!</feedbackInline>).)*<p[ >]", incoterms, re.S)
    assert len(items) >= 200


def test_odd_content_every_kind_and_fixture_exports_valid_qti(odd_exports, manifest_schema):
    output, banks = odd_exports
    assert {"odd", "odd-moodle", "qti-fixtures", "moodle-multichoice"} <= set(banks)
    items = check_packages(output, banks, manifest_schema)
    kinds = set()
    for manifest in output.glob("*/imsmanifest.xml"):
        kinds |= set(re.findall(r'<cm:item [^>]*kind="([a-z]+)"', manifest.read_text(encoding="utf-8")))
    assert {"single", "multiple", "truefalse", "fill", "short", "matching", "ordering", "numerical", "practical",
            "description"} <= kinds
    odd = (output / "odd" / "items" / "loose-single.xml").read_text(encoding="utf-8")
    assert "<tbody>" in odd, "a table without tbody gets one"
    assert len(items) >= 30


def test_sections_are_written_as_an_assessment_test(shipped_exports):
    output, _ = shipped_exports
    test = (output / "store-ops-basics" / "assessment-test.xml").read_text(encoding="utf-8")
    sections = re.findall(r'<assessmentSection identifier="S\d+" title="([^"]*)" visible="true">', test)
    assert len(sections) >= 2 and sections[0].startswith("一")
    assert 'class="coursemap-title-en"' in test


def test_the_schemas_catch_what_they_should(shipped_exports, manifest_schema, tmp_path):
    """The validation is real: the bug this issue found (a <p> in a feedbackInline) and metadata Coursemap does
    not write are rejected."""
    output, _ = shipped_exports
    item = next((output / "store-ops-basics" / "items").glob("*.xml")).read_text(encoding="utf-8")
    broken = tmp_path / "broken.xml"
    broken.write_text(item.replace("</itemBody>", '<feedbackInline outcomeIdentifier="FEEDBACK" identifier="X" '
                                                  'showHide="show"><p>段落</p></feedbackInline></itemBody>', 1),
                      encoding="utf-8")
    failed, _ = xmllint(ITEM_SCHEMA, [broken])
    assert failed
    manifest = (output / "store-ops-basics" / "imsmanifest.xml").read_text(encoding="utf-8")
    odd = tmp_path / "imsmanifest.xml"
    odd.write_text(manifest.replace('usage="practice"', 'usage="sometimes"', 1), encoding="utf-8")
    failed, errors = xmllint(manifest_schema, [odd])
    assert failed and any("usage" in line for line in errors)


def case_validator():
    schema = json.loads(CASE_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)
    validator.check_schema(schema)
    return validator(schema, format_checker=validator.FORMAT_CHECKER)


def export_frameworks(content, output, env=None, only=None):
    frameworks = only or published(content, "frameworks")
    assert frameworks
    paths = {}
    for framework in frameworks:
        path = output / f"{framework}.case.json"
        run("export", "--content", str(content), "--format", "case", "--framework", framework, "--output", str(path),
            env=env)
        paths[framework] = path
    return paths


@pytest.fixture(scope="session")
def case_exports(odd_content, tmp_path_factory):
    """Every framework of Content/ and of the odd content (the shared OpenSALT package among them), exported with
    the revision date pinned by SOURCE_DATE_EPOCH."""
    output = tmp_path_factory.mktemp("case")
    paths = export_frameworks(ROOT / "Content", output, env={"SOURCE_DATE_EPOCH": EPOCH})
    (output / "odd").mkdir()
    odd = export_frameworks(odd_content, output / "odd", env={"SOURCE_DATE_EPOCH": EPOCH})
    return paths | {f"odd-{name}": path for name, path in odd.items()}


def test_every_case_export_matches_the_official_schema(case_exports):
    validator = case_validator()
    assert "date-time" in validator.format_checker.checkers and "uuid" in validator.format_checker.checkers
    assert {"b2b-data", "cbec-outcomes", "odd-smart-level", "odd-cert", "odd-po"} <= set(case_exports)
    for name, path in case_exports.items():
        package = json.loads(path.read_text(encoding="utf-8"))
        errors = sorted(validator.iter_errors(package), key=lambda e: list(e.absolute_path))
        assert not errors, f"{name}: {len(errors)} errors, first: {errors[0].message} at {list(errors[0].absolute_path)}"
        assert package["CFItems"], name


def test_case_last_change_comes_from_the_version_or_the_revision(case_exports, tmp_path):
    """b2b-data's version (2026-illustrative) is no date: the content revision's date is used (here pinned with
    SOURCE_DATE_EPOCH); cbec-outcomes' version 2026 is one. Never the old constant 2019-01-01, and the same
    content gives the same bytes."""
    certificate = json.loads(case_exports["b2b-data"].read_text(encoding="utf-8"))
    outcomes = json.loads(case_exports["cbec-outcomes"].read_text(encoding="utf-8"))
    dates = {record["lastChangeDateTime"] for record in
             [certificate["CFDocument"], *certificate["CFItems"], *certificate["CFAssociations"],
              *certificate["CFDefinitions"]["CFItemTypes"]]}
    assert dates == {"2025-12-07T15:04:05+00:00"}
    assert outcomes["CFDocument"]["lastChangeDateTime"] == "2026-01-01T00:00:00+00:00"
    assert "2019-01-01" not in case_exports["b2b-data"].read_text(encoding="utf-8")
    again = export_frameworks(ROOT / "Content", tmp_path, env={"SOURCE_DATE_EPOCH": EPOCH}, only=["b2b-data"])
    assert again["b2b-data"].read_bytes() == case_exports["b2b-data"].read_bytes()
    later = tmp_path / "later"
    later.mkdir()
    moved = export_frameworks(ROOT / "Content", later, env={"SOURCE_DATE_EPOCH": str(int(EPOCH) + 86400)},
                              only=["b2b-data"])
    assert json.loads(moved["b2b-data"].read_text(encoding="utf-8"))["CFDocument"]["lastChangeDateTime"] == \
        "2025-12-08T15:04:05+00:00"


def test_the_case_schema_rejects_the_old_shape(case_exports):
    validator = case_validator()
    package = json.loads(case_exports["cbec-outcomes"].read_text(encoding="utf-8"))
    package["CFItems"][0]["CFDocumentURI"] = {"identifier": package["CFDocument"]["identifier"],
                                              "uri": package["CFDocument"]["uri"], "title": "x"}
    assert any("CFDocumentURI" in error.message for error in validator.iter_errors(package))
