"""Hostile markup in content — raw HTML in Markdown, XML stems, imported Moodle CDATA and QTI bodies —
never executes in the built portal, checked in a real browser."""
import pathlib
import time
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


# --- Pages and published files: URL fields, file names and published files, opened in Chromium with
# alert/confirm/prompt recorded and a loopback canary that records any connection a payload makes. ---

import json
import socket
import threading

RECORDER = """
window.__hostile = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  const record = (...args) => { window.__hostile.push(name + ":" + args.join(",")); return null; };
  try { Object.defineProperty(window, name, { value: record, writable: false, configurable: false }); } catch (e) {}
}
"""


class Canary:
    """A TCP listener on 127.0.0.1 that records every connection (HTTP or an attempted TLS handshake)."""

    def __init__(self):
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(64)
        self.port = self.socket.getsockname()[1]
        self.hits = []
        self.running = True
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while self.running:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                return
            connection.settimeout(0.5)
            try:
                first = connection.recv(200)
            except OSError:
                first = b""
            self.hits.append(first[:80])
            try:
                connection.sendall(b"HTTP/1.1 204 No Content\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            except OSError:
                pass
            connection.close()

    def close(self):
        self.running = False
        self.socket.close()


@pytest.fixture(scope="module")
def canary():
    listener = Canary()
    yield listener
    listener.close()


def accepted_payloads(port: int) -> dict:
    """Hostile values that are valid content: the build succeeds, and the pages must stay inert."""
    canary = f"127.0.0.1:{port}"
    script = f"alert(1);new Image().src='http://{canary}/js'"
    quote_name = "q\" onerror=\"alert(1)\" x='<svg onload=alert(1)>.jpg"
    caption_name = "c\"><img src=x onerror=alert(1)>.vtt"
    resource_name = "r'><svg onload=alert(1)>\" #?%20 中文.pdf"
    return {
        f"lectures/media/{quote_name}": "poster",
        f"lectures/media/{caption_name}": "WEBVTT\n\n00:00.000 --> 00:01.000\n<script>alert(1)</script>\n",
        "lectures/media/s' onclick='alert(1).pdf": "%PDF-1.4 slides",
        f"resources/{resource_name}": "%PDF-1.4 resource",
        f"resources/{resource_name}.yml": "id: hostile-name\ntitle:\n  zh: 恶意名\nkind: document\n",
        "lectures/h1.md": f"""---
title:
  zh: 恶意视频
duration: "0:12"
video: "https://video.invalid/v.webm?a='onloadstart='alert(1)&b=1"
poster: {json.dumps("lectures/media/" + quote_name)}
slides: "lectures/media/s' onclick='alert(1).pdf"
captions:
  zh-CN: {json.dumps("lectures/media/" + caption_name)}
course: intro
---
[00:01] 文字 <script>{script}</script>

[00:02] [链接](<x.html" onmouseover="alert(1)>) ![图](<p.png" onerror="alert(1)>)

[00:03] [外链](https://example.test/"onmouseover="alert(1))
""",
        "courses/intro/21-hostile-links.xml": f"""<module xmlns="urn:coursemap:module:1" order="21" hours="1">
  <title><zh>恶意链接</zh></title>
  <body><p><a href="x.html&quot; onmouseover=&quot;alert(1)">x</a> <a href="https://example.test/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">y</a></p></body>
</module>""",
        "exercises/hostile-qti.xml": f"""<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="hq1" title="恶意" adaptive="false" timeDependent="false">
  <responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"><correctResponse><value>A</value></correctResponse></responseDeclaration>
  <itemBody><p>题 <img src="http://{canary}/qti.png" alt="a"/> <a href="http://{canary}/link">l</a></p>
    <choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1">
      <simpleChoice identifier="A">甲 <img src="http://{canary}/choice.png" alt="c"/></simpleChoice>
      <simpleChoice identifier="B">乙</simpleChoice>
    </choiceInteraction></itemBody>
</assessmentItem>""",
        "exercises/hostile-moodle-2.xml": f"""<?xml version="1.0" encoding="UTF-8"?>
<quiz><question type="truefalse"><name><text>恶意2</text></name>
<questiontext format="html"><text><![CDATA[<p>题<img src="http://{canary}/moodle.png"><base href="http://{canary}/"><meta http-equiv="refresh" content="0;url=http://{canary}/refresh"><link rel="stylesheet" href="http://{canary}/css"><style>@import url(http://{canary}/import);</style><object data="http://{canary}/o"></object><svg><image href="http://{canary}/svg"/></svg></p>]]></text></questiontext>
<answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question></quiz>""",
        "exercises/hostile-moodle-2.bank.yml": "items:\n  \"恶意2\":\n    assesses: [cert:中级:1.1.1]\n",
    }


def write_tree(content: pathlib.Path, files: dict):
    for path, text in files.items():
        (content / path).parent.mkdir(parents=True, exist_ok=True)
        (content / path).write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def accepted_site(canary):
    work = pathlib.Path(tempfile.mkdtemp(prefix="coursemap-hostile-urls-"))
    content = work / "Content"
    shutil.copytree(ROOT / "Tests" / "Fixtures" / "site", content)
    write_tree(content, accepted_payloads(canary.port))
    result = subprocess.run([str(coursemap_binary()), "build", "--no-search", "--content", str(content),
                             "--output", str(work / "Site")], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    yield work / "Site"
    shutil.rmtree(work, ignore_errors=True)


def open_recorded(browser, url: str) -> list:
    """Opens `url` with the recorder installed before any page script; returns what it recorded."""
    marker = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORDER})
    try:
        browser.get(url)
        time.sleep(0.2)
        try:
            alert = browser.switch_to.alert
            text = alert.text
            alert.dismiss()
            return [f"native alert: {text}"]
        except NoAlertPresentException:
            pass
        return browser.execute_script("return window.__hostile || ['recorder missing']")
    finally:
        browser.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": marker["identifier"]})


def test_recorder_and_canary_catch_a_payload(browser, canary, tmp_path):
    """The harness itself can fail: a page that does call alert and fetch the canary is caught."""
    page = tmp_path / "positive.html"
    page.write_text(f"<!DOCTYPE html><script>alert('x');new Image().src='http://127.0.0.1:{canary.port}/probe'</script>", encoding="utf-8")
    before = len(canary.hits)
    assert open_recorded(browser, page.as_uri()) == ["alert:x"]
    deadline = time.monotonic() + 5
    while len(canary.hits) == before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(canary.hits) > before


def test_every_page_has_the_csp_and_referrer_policy(accepted_site):
    pages = sorted(accepted_site.rglob("*.html"))
    assert pages, "no pages built"
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert '<meta http-equiv="Content-Security-Policy" content="default-src \'none\';' in html, page
        # The 404 pages' links are root-relative (from the base URL's path): everything comes from 'self'.
        assert "script-src 'self';" in html and "style-src 'self';" in html, page
        assert '<meta name="referrer" content="no-referrer">' in html, page
        assert not re.search(r"<script(?![^>]*\ssrc=)", html), f"inline script in {page}"
        assert not re.search(r"<[a-z][^>]*\sstyle=", html), f"style attribute in {page}"


@pytest.mark.parametrize("scheme", ["file", "http"])
def test_hostile_values_stay_inert_in_every_page(browser, accepted_site, canary, scheme):
    pages = sorted(p.relative_to(accepted_site).as_posix() for p in accepted_site.rglob("*.html"))
    assert pages, "no pages built"
    assert "lectures/h1.html" in pages and "resources/hostile-name.html" in pages
    server = serve_folder(accepted_site) if scheme == "http" else None
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/" if server else accepted_site.as_uri() + "/"
        before = len(canary.hits)
        for page in pages:
            calls = open_recorded(browser, base + page)
            assert calls == [], f"{page}: {calls}"
        time.sleep(0.5)
        assert canary.hits[before:] == [], f"the canary was reached: {canary.hits[before:]}"
    finally:
        if server:
            server.shutdown()


def test_published_files_with_hostile_names_open_inert(browser, accepted_site, canary):
    """Every link of the hostile-name pages that leads into files/ opens the written file, and nothing runs."""
    links = []
    for page in ("lectures/h1.html", "resources/hostile-name.html"):
        html = (accepted_site / page).read_text(encoding="utf-8")
        for value in re.findall(r'\s(?:href|src|poster)="([^"]*)"', html):
            if "files/" in value:
                links.append((page, value))
    assert links, "no links into files/"
    from urllib.parse import unquote
    import html as html_module
    for page, value in links:
        url = html_module.unescape(value)
        assert not re.search(r"[\"'<> #?]", url.split("#t=")[0]), url
        target = (accepted_site / page).parent.joinpath(unquote(url.split("#")[0])).resolve()
        assert target.is_file(), f"{page}: {value} does not lead to a written file"
        assert open_recorded(browser, target.as_uri()) in ([], ["recorder missing"])


REFUSED = {
    "video javascript:": ("lectures/h2.md", "video", "javascript:alert(1)", "CM305"),
    "video mixed case with a space": ("lectures/h2.md", "video", "' JaVaScRiPt:alert(1)'", "CM305"),
    "video https with a quote": ("lectures/h2.md", "video", '"https://x.invalid/v.webm\\" onloadstart=\\"alert(1)"', "CM305"),
    "poster tab-split scheme": ("lectures/h2.md", "poster", '"java\\tscript:alert(1)"', "CM305"),
    "captions entity scheme": ("lectures/h2.md", "captions", "'&#106;avascript:alert(1)'", "CM305"),
    "slides data:": ("lectures/h2.md", "slides", "'data:text/html,<script>alert(1)</script>'", "CM305"),
    "slides vbscript:": ("lectures/h2.md", "slides", "VBScript:msgbox(1)", "CM305"),
    "svg resource with script": ("resources/a.svg", None, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "CM326"),
    "svg resource with onload": ("resources/a.SVG", None, '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "CM326"),
    "svg foreignObject": ("resources/a.svg", None, '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><iframe src="javascript:alert(1)"/></foreignObject></svg>', "CM326"),
    "svg xlink:href": ("resources/a.svg", None, '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', "CM326"),
    "html resource": ("resources/a.html", None, "<script>alert(1)</script>", "CM326"),
    "html in a pdf": ("resources/a.pdf", None, "<!doctype html><script>alert(1)</script>", "CM326"),
    "xhtm resource": ("resources/a.xhtm", None, '<h:html xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(1)</h:script></h:html>', "CM326"),
    "xbl resource": ("resources/a.xbl", None, '<h:html xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(1)</h:script></h:html>', "CM326"),
    "xsd resource": ("resources/a.XSD", None, '<x:schema xmlns:x="http://www.w3.org/2001/XMLSchema"/>', "CM326"),
    "rng resource": ("resources/a.rng", None, '<grammar/>', "CM326"),
    "unknown extension": ("resources/a.wasm", None, "\0asm", "CM326"),
    "prefixed root in a png": ("resources/a.png", None, '<h:html xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(1)</h:script></h:html>', "CM326"),
    "vertical tab before html in a txt": ("resources/a.txt", None, "\x0b\x0c<html><script>alert(1)</script>", "CM326"),
    "theme svg picture": ("theme/assets/img/d.svg", None, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "CM326"),
    "theme html page": ("theme/assets/p.html", None, "<!DOCTYPE html><p>x", "CM326"),
    "theme png that is svg": ("theme/assets/img/d.png", None, "\n<svg onload=alert(1)>", "CM326"),
    "theme xhtm": ("theme/assets/d.xhtm", None, "<html/>", "CM326"),
    "markdown backslash host": ("courses/intro/22-x.md", "body", "[x](/\\\\evil.test)", "CM305"),
    "markdown encoded backslash host": ("courses/intro/22-x.md", "body", "[x](/%5Cevil.test)", "CM305"),
    "xml module protocol-relative link": ("courses/intro/22-x.xml", "xml", "//evil.test/", "CM305"),
}


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_refused_payloads_stop_the_build(case, tmp_path):
    path, field, value, code = REFUSED[case]
    content = tmp_path / "Content"
    shutil.copytree(ROOT / "Tests" / "Fixtures" / "site", content)
    if path.startswith("theme/"):
        files = {path: value}
    elif path.startswith("resources/"):
        files = {path: value, path + ".yml": "id: hostile-file\ntitle:\n  zh: 文件\nkind: document\n"}
    elif field == "body":
        files = {path: f"---\ntitle: x\norder: 22\nhours: 1\n---\n{value}\n"}
    elif field == "xml":
        files = {path: f'<module xmlns="urn:coursemap:module:1" order="22" hours="1"><title><zh>x</zh></title><body><p><a href="{value}">x</a></p></body></module>'}
    else:
        fields = {"video": "lectures/media/l1.webm", "poster": None, "slides": None, "captions": None}
        fields[field] = value
        lines = [f"{k}: {v}" for k, v in fields.items() if v and k != "captions"]
        if field == "captions":
            lines.append(f"captions:\n  zh-CN: {value}")
        files = {path: "---\ntitle:\n  zh: 讲\nduration: '0:12'\n" + "\n".join(lines) + "\n---\n[00:01] 文字\n"}
    write_tree(content, files)
    output = tmp_path / "Site"
    result = subprocess.run([str(coursemap_binary()), "build", "--no-search", "--content", str(content), "--output", str(output)],
                            capture_output=True, text=True)
    assert result.returncode == 1, result.stderr
    assert f"error[{code}]" in result.stderr, result.stderr
    assert not output.exists()


def serve_folder(directory):
    from conftest import serve
    return serve(directory)


@pytest.mark.parametrize("scheme", ["file", "http"])
def test_the_theme_breaks_no_rule_of_its_csp(browser, site, http_site, scheme):
    """Every page of the fixture portal, opened from disk and over HTTP, loads with no CSP violation in
    the console: its scripts, styles, media and forms are all allowed by the policy it carries."""
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert pages, "no pages built"
    base = http_site + "/" if scheme == "http" else site.as_uri() + "/"
    browser.get_log("browser")  # drop what earlier tests left
    for page in pages:
        browser.get(base + page)
        violations = [e["message"] for e in browser.get_log("browser") if "Content Security Policy" in e["message"]]
        assert violations == [], f"{page}: {violations}"


def test_the_header_search_submits_under_the_csp_from_disk(browser, site):
    """`form-action 'self'` lets the header's search form go to the search page, also from file://."""
    from selenium.webdriver.common.by import By
    browser.get((site / "courses" / "intro" / "index.html").as_uri())
    browser.get_log("browser")
    box = browser.find_element(By.ID, "cm-search-input")
    box.send_keys("点击率")
    box.submit()
    deadline = time.monotonic() + 5
    while "search.html" not in browser.current_url and time.monotonic() < deadline:
        time.sleep(0.05)
    assert browser.current_url.startswith((site / "search.html").as_uri()), browser.current_url
    assert "q=" in browser.current_url
    assert [e for e in browser.get_log("browser") if "Content Security Policy" in e["message"]] == []


def unsafe_html_payloads(port: int) -> str:
    """Raw HTML a trusted author could write with markdown.unsafe_html: true, that must still run nothing and
    reach no other host (the https image a Markdown image may also load is left out)."""
    canary = f"127.0.0.1:{port}"
    return f"""
<script src="../../files/resources/notes.txt"></script>
<SCRIPT SRC=../../files/resources/notes.txt></SCRIPT>
<script/src="../../files/resources/notes.txt"></script>
<meta http-equiv="refresh" content="0;url=http://{canary}/refresh">
<base href="http://{canary}/">
<link rel="prefetch" href="http://{canary}/prefetch">
<iframe src="../../files/resources/notes.txt"></iframe>
<object data="../../files/resources/notes.txt"></object>
<embed src="../../files/resources/notes.txt">

<div title=x"y><script src="../../files/resources/notes.txt"></script></div>

<div><!-- <a title=" --> <script src="../../files/resources/notes.txt"></script> <!-- " --></div>

<div><textarea><a title="</textarea><script src=../../files/resources/notes.txt></script>"></div>

<div><<script>script src=../../files/resources/notes.txt></script></div>

<svg><script href="../../files/resources/notes.txt"></script></svg>

<p>保留的 <span class="note">HTML</span></p>
"""


@pytest.mark.parametrize("scheme", ["file", "http"])
def test_unsafe_html_loads_no_script_and_no_navigation(browser, canary, tmp_path, scheme):
    """With markdown.unsafe_html: true, raw <script src> pointing at a published text file, <meta refresh>,
    <base>, <link>, frames and the tokenizer tricks around them run nothing and reach no other host."""
    content = tmp_path / "Content"
    shutil.copytree(ROOT / "Tests" / "Fixtures" / "site", content)
    write_tree(content, {
        "resources/notes.txt": "alert('SCRIPT-FROM-RESOURCE');\n",
        "resources/notes.txt.yml": "title:\n  zh: 笔记\nkind: document\ncourse: intro\n",
    })
    config = content / "coursemap.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nmarkdown:\n  unsafe_html: true\n", encoding="utf-8")
    module = content / "courses" / "intro" / "01-basics.md"
    module.write_text(module.read_text(encoding="utf-8") + unsafe_html_payloads(canary.port), encoding="utf-8")
    output = tmp_path / "Site"
    result = subprocess.run([str(coursemap_binary()), "build", "--no-search", "--content", str(content), "--output", str(output)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "warning[CM312]" in result.stderr and "<script>" in result.stderr, result.stderr
    html = (output / "courses" / "intro" / "01-basics.html").read_text(encoding="utf-8")
    assert '<span class="note">HTML</span>' in html, "harmless raw HTML is kept"
    server = serve_folder(output) if scheme == "http" else None
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/" if server else output.as_uri() + "/"
        before = len(canary.hits)
        calls = open_recorded(browser, base + "courses/intro/01-basics.html")
        assert calls == [], calls
        time.sleep(1.5)
        assert browser.current_url.endswith("courses/intro/01-basics.html"), browser.current_url
        scripts = browser.execute_script("return Array.from(document.scripts).map(s => s.getAttribute('src'))")
        assert not any("notes.txt" in (src or "") for src in scripts), scripts
        assert canary.hits[before:] == [], f"the canary was reached: {canary.hits[before:]}"
    finally:
        if server:
            server.shutdown()
