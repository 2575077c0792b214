"""Hostile markup in content — raw HTML in Markdown, XML stems, imported Moodle CDATA and QTI bodies —
never executes in the built portal, checked in a real browser."""
import pathlib
import re
import shutil
import subprocess
import tempfile

import pytest
from selenium.common.exceptions import NoAlertPresentException

from conftest import ROOT, coursemap_binary

PAYLOAD = "window.pwned=(window.pwned||0)+1;alert(1)"
HOSTILE = {
    "courses/intro/20-hostile.md": f"""---
title: 恶意
order: 20
hours: 1
---
<script>{PAYLOAD}</script>

<img src=x onerror="{PAYLOAD}">

<a href="javascript:{PAYLOAD}">点我</a> <iframe src="data:text/html,<script>{PAYLOAD}</script>"></iframe>

<svg onload="{PAYLOAD}"></svg>
""",
    "exercises/hostile.xml": """<bank xmlns="urn:coursemap:exercises:1" id="hostile">
  <title><zh>恶意题库</zh></title>
  <single id="x1"><assesses ref="cert:中级:1.1.1"/>
    <stem>&lt;script&gt;window.pwned=1&lt;/script&gt; 选择</stem>
    <choice correct="true">&lt;img src=x onerror=window.pwned=1&gt;</choice><choice>乙</choice>
  </single>
</bank>""",
    "exercises/hostile-moodle.xml": f"""<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="truefalse">
    <name><text>恶意</text></name>
    <questiontext format="html"><text><![CDATA[<p onclick="{PAYLOAD}">题<script>{PAYLOAD}</script><img src=x onerror="{PAYLOAD}"><a href="javascript:{PAYLOAD}">x</a></p>]]></text></questiontext>
    <answer fraction="100"><text>true</text></answer>
    <answer fraction="0"><text>false</text></answer>
  </question>
</quiz>""",
    "exercises/hostile-moodle.bank.yml": "items:\n  \"恶意\":\n    assesses: [cert:中级:1.1.1]\n",
}
PAGES = ["courses/intro/20-hostile.html", "banks/hostile/index.html", "banks/hostile/x1.html",
         "banks/hostile-moodle/index.html", "en/courses/intro/20-hostile.html"]


@pytest.fixture(scope="module")
def hostile_site():
    work = pathlib.Path(tempfile.mkdtemp(prefix="coursemap-hostile-"))
    content = work / "Content"
    shutil.copytree(ROOT / "Tests" / "Fixtures" / "site", content)
    for path, text in HOSTILE.items():
        (content / path).parent.mkdir(parents=True, exist_ok=True)
        (content / path).write_text(text, encoding="utf-8")
    result = subprocess.run([str(coursemap_binary()), "build", "--no-search", "--content", str(content),
                             "--output", str(work / "Site")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    yield work / "Site"
    shutil.rmtree(work, ignore_errors=True)


@pytest.mark.parametrize("page", PAGES)
def test_nothing_executes(browser, hostile_site, page):
    browser.get((hostile_site / page).as_uri())
    try:
        alert = browser.switch_to.alert
        text = alert.text
        alert.dismiss()
        pytest.fail(f"an alert opened on {page}: {text}")
    except NoAlertPresentException:
        pass
    assert browser.execute_script("return window.pwned === undefined"), f"hostile script ran on {page}"
    html = (hostile_site / page).read_text(encoding="utf-8").lower()
    # Escaped text (&lt;img onerror=…&gt;) is harmless; markup is not.
    tags = re.findall(r"<[a-z][^>]*>", html)
    assert not [t for t in tags if re.search(r"\son[a-z]+\s*=", t)], f"event handler in {page}"
    assert not [t for t in tags if "javascript:" in t or "data:text" in t], f"script URL in {page}"
    assert not [t for t in tags if t.startswith(("<iframe", "<svg", "<object", "<embed"))], f"active element in {page}"
    assert all(t.startswith("<script src=") for t in tags if t.startswith("<script")), f"inline script in {page}"
