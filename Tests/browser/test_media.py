"""Micro-lectures and the resource library in a real browser."""
import functools
import http.server
import io
import pathlib
import shutil
import subprocess
import tempfile
import threading
import time

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import ROOT, coursemap_binary, serve


def test_lecture_plays_with_its_caption_track(browser, http_site):
    browser.get(f"{http_site}/lectures/l1.html")
    wait = WebDriverWait(browser, 10)
    wait.until(lambda d: d.execute_script("return document.getElementById('cm-video').readyState >= 1"))
    duration = browser.execute_script("return document.getElementById('cm-video').duration")
    assert abs(duration - 12) < 0.5
    track = wait.until(lambda d: d.execute_script("""
        const t = document.getElementById('cm-video').textTracks[0];
        t.mode = 'showing';
        return t.cues && t.cues.length ? {lang: t.language, cues: t.cues.length, first: t.cues[0].text} : null;"""))
    assert track == {"lang": "zh-CN", "cues": 2, "first": "点击率等于点击量除以曝光量。"}


def test_transcript_time_codes_seek_the_video(browser, http_site):
    browser.get(f"{http_site}/lectures/l1.html")
    WebDriverWait(browser, 10).until(
        lambda d: d.execute_script("return document.getElementById('cm-video').readyState >= 1"))
    browser.execute_script("document.getElementById('cm-video').muted = true")
    link = browser.find_element(By.CSS_SELECTOR, "a.timestamp[data-time='6']")
    link.click()
    WebDriverWait(browser, 10).until(
        lambda d: d.execute_script("return document.getElementById('cm-video').currentTime") >= 6)
    assert browser.current_url.endswith("/lectures/l1.html")  # the page did not navigate away


def test_library_filters_by_kind_course_and_competency(browser, site):
    browser.get((site / "resources" / "index.html").as_uri())
    form = browser.find_element(By.CSS_SELECTOR, "form.library-filters")
    assert form.is_displayed()
    rows = browser.find_elements(By.CSS_SELECTOR, "table.library tbody tr")
    assert len(rows) == 4

    def visible():
        return sorted(r.get_attribute("data-kind") for r in rows if r.is_displayed())

    Select(form.find_element(By.NAME, "kind")).select_by_value("slides")
    assert visible() == ["slides"]
    Select(form.find_element(By.NAME, "kind")).select_by_value("")
    Select(form.find_element(By.NAME, "course")).select_by_value("intro")
    assert visible() == ["lecture", "slides"]
    Select(form.find_element(By.NAME, "course")).select_by_value("")
    form.find_element(By.NAME, "competency").send_keys("1.1.1")
    assert visible() == ["dataset"]
    form.find_element(By.NAME, "competency").send_keys("9")
    assert visible() == []
    assert browser.find_element(By.CSS_SELECTOR, ".library-empty").is_displayed()


# ---- Works from disk and media (issue 21) ----------------------------------------------------------------

TRACKS = """
    const v = document.getElementById('cm-video');
    return Array.from(v.textTracks).map(t => {
        if (t.mode === 'disabled') t.mode = 'hidden';
        return {lang: t.language, mode: t.mode, cues: t.cues ? t.cues.length : 0};
    });"""


@pytest.fixture(scope="module")
def disk_browser():
    """Chromium as a student opens the portal from a USB stick: no --allow-file-access-from-files, so
    <track> files from file:// are refused as in a normal browser."""
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver"))
    yield driver
    driver.quit()


def tracks_with_cues(driver):
    """The video's text tracks once each has its cues (a disabled track is made hidden so that it loads)."""
    return WebDriverWait(driver, 10).until(
        lambda d: (lambda tracks: tracks if tracks and all(t["cues"] for t in tracks) else None)(d.execute_script(TRACKS)))


@pytest.mark.parametrize("page, lang, other", [("lectures/l01-store-profile.html", "zh-CN", "en"),
                                               ("en/lectures/l01-store-profile.html", "en", "zh-CN")])
def test_captions_have_cues_from_disk_in_the_page_language(disk_browser, shipped_site, page, lang, other):
    disk_browser.get((shipped_site / page).as_uri())
    WebDriverWait(disk_browser, 10).until(lambda d: d.execute_script(
        "return document.querySelectorAll('#cm-video track').length === 0"))
    tracks = tracks_with_cues(disk_browser)
    by_lang = {t["lang"]: t for t in tracks}
    assert sorted(by_lang) == sorted([lang, other]) and len(tracks) == 2  # one track per language, no duplicates
    assert by_lang[lang]["mode"] == "showing" and by_lang[other]["mode"] == "hidden"
    assert by_lang[lang]["cues"] > 5 and by_lang[other]["cues"] > 5
    first = disk_browser.execute_script(
        "return Array.from(document.getElementById('cm-video').textTracks).find(t => t.language === arguments[0]).cues[0].text", lang)
    expected = (ROOT / "Content/lectures/media" / ("l01-store-profile.zh.vtt" if lang == "zh-CN" else "l01-store-profile.en.vtt")).read_text(encoding="utf-8")
    assert first.split("\n")[0] in expected


def test_over_http_the_real_tracks_stay_and_none_is_added(browser, http_shipped):
    browser.get(f"{http_shipped}/en/lectures/l01-store-profile.html")
    tracks = tracks_with_cues(browser)
    assert [t["lang"] for t in tracks] == ["zh-CN", "en"]
    assert browser.execute_script("return document.querySelectorAll('#cm-video track').length") == 2
    assert [t["mode"] for t in tracks] == ["hidden", "showing"]


class RangeHandler(http.server.SimpleHTTPRequestHandler):
    """A static server that answers `Range: bytes=a-b` with 206, as production web servers do."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        header = self.headers.get("Range")
        if not header or not header.startswith("bytes=") or not pathlib.Path(path).is_file():
            return super().send_head()
        data = pathlib.Path(path).read_bytes()
        first, _, last = header[len("bytes="):].split(",")[0].partition("-")
        start = int(first) if first else max(len(data) - int(last), 0)
        end = int(last) if first and last else len(data) - 1
        end = min(end, len(data) - 1)
        self.send_response(206)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Accept-Ranges", "bytes")
        self.send_header("Content-Range", f"bytes {start}-{end}/{len(data)}")
        self.send_header("Content-Length", str(end - start + 1))
        self.end_headers()
        return io.BytesIO(data[start:end + 1])


@pytest.fixture(scope="module")
def range_shipped(shipped_site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(RangeHandler, directory=str(shipped_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def click_time_code(driver, base, page, seconds):
    driver.get(f"{base}/{page}")
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.getElementById('cm-video').readyState >= 1"))
    driver.execute_script("document.getElementById('cm-video').muted = true")
    driver.find_element(By.CSS_SELECTOR, f"a.timestamp[data-time='{seconds}']").click()


@pytest.mark.parametrize("page, words", [("lectures/l01-store-profile.html", "Range"),
                                         ("en/lectures/l01-store-profile.html", "range requests")])
def test_a_time_code_under_a_server_without_range_says_why_it_cannot_jump(browser, shipped_site, page, words):
    # A video the browser holds whole is seekable whatever the server: serve it from an origin not seen yet.
    server = serve(shipped_site)
    try:
        click_time_code(browser, f"http://127.0.0.1:{server.server_address[1]}", page, 104)
        status = browser.find_element(By.CSS_SELECTOR, ".seek-status[role=status][aria-live=polite]")
        WebDriverWait(browser, 10).until(lambda d: status.text)
        assert words in status.text and "coursemap serve" in status.text
        assert browser.execute_script("return document.getElementById('cm-video').currentTime") < 104
    finally:
        server.shutdown()


def test_a_time_code_under_a_range_server_seeks_and_says_nothing(browser, range_shipped):
    click_time_code(browser, range_shipped, "lectures/l01-store-profile.html", 104)
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return document.getElementById('cm-video').currentTime") >= 104)
    assert browser.find_element(By.CSS_SELECTOR, ".seek-status").text == ""
    assert not browser.find_element(By.CSS_SELECTOR, ".seek-status").is_displayed()


def test_a_time_code_from_disk_seeks(disk_browser, shipped_site):
    disk_browser.get((shipped_site / "lectures/l01-store-profile.html").as_uri())
    WebDriverWait(disk_browser, 10).until(lambda d: d.execute_script("return document.getElementById('cm-video').readyState >= 1"))
    disk_browser.execute_script("document.getElementById('cm-video').muted = true")
    disk_browser.find_element(By.CSS_SELECTOR, "a.timestamp[data-time='58']").click()
    WebDriverWait(disk_browser, 10).until(lambda d: d.execute_script("return document.getElementById('cm-video').currentTime") >= 58)


# A copy of the test fixture with a lecture of two sources, a lecture with only English captions, and a
# lecture that embeds a platform video from an allow-listed host.
EMBED = "https://player.bilibili.com/player.html?bvid=BV1GJ411x7h7&page=1"


@pytest.fixture(scope="module")
def media_site():
    work = pathlib.Path(tempfile.mkdtemp(prefix="coursemap-media-"))
    content = work / "content"
    shutil.copytree(ROOT / "Tests/Fixtures/site", content)
    media = content / "lectures/media"
    shutil.copy(media / "l1.webm", media / "l1 copy.mp4")
    (media / "l1.en.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:05.000\nClick-through rate <b>is</b> clicks over views.\n", encoding="utf-8")
    with open(content / "coursemap.yml", "a", encoding="utf-8") as config:
        config.write("media:\n  embed_hosts: [player.bilibili.com]\n")
    (content / "lectures/l2.md").write_text(
        "---\ntitle:\n  zh: 两种格式\n  en: Two formats\nduration: \"0:12\"\nvideo:\n  - lectures/media/l1.webm\n  - lectures/media/l1 copy.mp4\n"
        "captions:\n  en: lectures/media/l1.en.vtt\n---\n[00:00] Start.\n", encoding="utf-8")
    # Captions as public files write them (red team, issue 21): no blank line after the header or between
    # cues, a line of spaces inside a cue, tabs around the arrow, a one-digit hour, voice and class markup.
    (media / "l4.en.vtt").write_text(
        "WEBVTT\nKind: captions\nPart 1\n00:00.000 --> 00:03.000\n<v Ann>First part.\nPart 2\n00:03.000\t-->\t00:06.000\n"
        "Second \n \n0:00:06.000 --> 0:00:09.000 align:start\n<c.loud>Third</c> &amp; last\n", encoding="utf-8")
    (content / "lectures/l4.md").write_text(
        "---\ntitle:\n  zh: 无空行字幕\n  en: Captions without blank lines\nduration: \"0:12\"\nvideo: lectures/media/l1.webm\n"
        "captions:\n  en: lectures/media/l4.en.vtt\n---\n[00:00] Start.\n", encoding="utf-8")
    (content / "lectures/l3.md").write_text(
        f"---\ntitle:\n  zh: 平台视频\n  en: Platform video\nduration: \"0:12\"\nembed: {EMBED}\n---\n[00:06] 中间。\n", encoding="utf-8")
    output = work / "Site"
    result = subprocess.run([str(coursemap_binary()), "build", "--content", str(content), "--output", str(output), "--no-search"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    yield output
    shutil.rmtree(work, ignore_errors=True)


def test_a_video_list_gives_sources_in_order_and_the_only_caption_language_is_the_default(browser, media_site):
    browser.get((media_site / "lectures/l2.html").as_uri())
    sources = browser.execute_script(
        "return Array.from(document.querySelectorAll('#cm-video source')).map(s => [s.getAttribute('src'), s.type])")
    assert sources == [["../files/lectures/media/l1.webm", "video/webm"], ["../files/lectures/media/l1%20copy.mp4", "video/mp4"]]
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return document.getElementById('cm-video').readyState >= 1"))
    assert browser.execute_script("return document.getElementById('cm-video').currentSrc").endswith("/l1.webm")
    tracks = tracks_with_cues(browser)
    assert tracks == [{"lang": "en", "mode": "showing", "cues": 1}]  # a zh page, but English is all there is
    # VTT markup is not HTML: the page carries the cue as escaped text.
    html = (media_site / "lectures/l2.html").read_text(encoding="utf-8")
    assert "Click-through rate &lt;b&gt;is&lt;/b&gt; clicks over views." in html


def test_an_embed_is_a_sandboxed_frame_and_only_its_page_may_frame_its_host(browser, media_site):
    browser.get((media_site / "lectures/l3.html").as_uri())
    frame = browser.find_element(By.CSS_SELECTOR, ".lecture-player iframe")
    assert frame.get_attribute("src") == EMBED
    assert frame.get_attribute("sandbox") == "allow-scripts allow-same-origin allow-presentation"
    assert "allow-top-navigation" not in frame.get_attribute("sandbox") and "allow-popups" not in frame.get_attribute("sandbox")
    assert frame.get_attribute("referrerpolicy") == "no-referrer"
    assert frame.get_attribute("title") == "平台视频" and frame.get_attribute("allowfullscreen") is not None
    assert "player.bilibili.com" in browser.find_element(By.CSS_SELECTOR, ".lecture-embed-note").text
    assert browser.find_elements(By.ID, "cm-video") == []
    # The transcript's time code is plain text: there is no video on the page to seek.
    assert browser.find_elements(By.CSS_SELECTOR, "a.timestamp") == []
    assert browser.find_element(By.CSS_SELECTOR, ".transcript .timestamp-text").text == "0:06"

    def csp(page):
        html = (media_site / page).read_text(encoding="utf-8")
        return html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
    assert "frame-src https://player.bilibili.com;" in csp("lectures/l3.html")
    assert "frame-src https://player.bilibili.com;" in csp("en/lectures/l3.html")
    for page in ("lectures/l1.html", "lectures/l2.html", "index.html", "resources/index.html", "resources/traffic.html"):
        assert "frame-src" not in csp(page), page
        assert "default-src 'none'" in csp(page) and "object-src 'none'" in csp(page)


def test_pdf_slides_open_in_the_browser_and_keep_the_download(browser, shipped_site):
    browser.get((shipped_site / "lectures/l01-store-profile.html").as_uri())
    links = browser.find_elements(By.CSS_SELECTOR, ".lecture-downloads a[href$='.pdf']")
    inline = [a for a in links if a.get_dom_attribute("download") is None]
    download = [a for a in links if a.get_dom_attribute("download") is not None]
    assert len(inline) == 1 and len(download) == 1
    assert inline[0].get_attribute("href") == download[0].get_attribute("href")
    browser.get(inline[0].get_attribute("href"))
    assert browser.current_url.endswith("l01-store-profile.pdf")  # opened, not downloaded


def test_a_dataset_page_previews_the_first_rows_as_an_escaped_table(browser, shipped_site):
    browser.get((shipped_site / "resources/inquiry_log.html").as_uri())
    table = browser.find_element(By.CSS_SELECTOR, ".dataset-preview table.dataset-table")
    headers = [th.text for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
    assert headers[:3] == ["询盘编号", "日期", "流量来源"] and len(headers) == 12
    rows = table.find_elements(By.CSS_SELECTOR, "tbody tr")
    assert len(rows) == 20
    # A quoted field with commas stays one cell.
    cells = [td.text for td in rows[1].find_elements(By.TAG_NAME, "td")]
    assert cells[0] == "INQ2509002" and cells[9].startswith("Our company supplies 85 retail stores in the USA. Looking for 480 units")
    note = browser.find_element(By.CSS_SELECTOR, ".preview-note").text
    assert "20" in note and "79" in note and "12" in note and "17" in note
    browser.get((shipped_site / "en/resources/inquiry_log.html").as_uri())
    assert "Showing the first 20 rows of 79" in browser.find_element(By.CSS_SELECTOR, ".preview-note").text


@pytest.mark.parametrize("page", [
    "index.html", "courses/cbec-store-ops/index.html", "lectures/l01-store-profile.html", "en/lectures/l01-store-profile.html",
    "resources/index.html", "resources/inquiry_log.html", "resources/p4p-overview.html", "search.html", "en/search.html",
])
def test_each_page_type_works_from_disk_without_script_errors(disk_browser, shipped_site, page):
    disk_browser.get_log("browser")  # drop what earlier pages logged
    disk_browser.get((shipped_site / page).as_uri())
    WebDriverWait(disk_browser, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
    time.sleep(0.5)
    errors = [entry["message"] for entry in disk_browser.get_log("browser")
              if entry["level"] == "SEVERE" and ".js" in entry["message"] and "pagefind" not in entry["message"]]
    assert errors == [], errors


def test_over_http_a_track_that_fails_to_load_is_replaced_by_the_page_cues(browser, media_site):
    copy = pathlib.Path(tempfile.mkdtemp(prefix="coursemap-media-http-")) / "Site"
    shutil.copytree(media_site, copy)
    (copy / "files/lectures/media/l1.zh.vtt").unlink()  # the server answers 404 for the caption file
    server = serve(copy)
    try:
        browser.get(f"http://127.0.0.1:{server.server_address[1]}/lectures/l1.html")
        WebDriverWait(browser, 10).until(lambda d: d.execute_script("return document.querySelectorAll('#cm-video track').length") == 0)
        tracks = tracks_with_cues(browser)
        assert tracks == [{"lang": "zh-CN", "mode": "showing", "cues": 2}]
    finally:
        server.shutdown()
        shutil.rmtree(copy.parent, ignore_errors=True)


CUES = """
    const done = arguments[arguments.length - 1];
    const v = document.getElementById('cm-video');
    const read = () => Array.from(v.textTracks).map(t => { if (t.mode === 'disabled') t.mode = 'hidden';
        return Array.from(t.cues || []).map(c => [c.startTime, c.endTime, c.text, c.getCueAsHTML().textContent]); });
    let tries = 0;
    (function poll() { const r = read(); if ((r.length && r.every(c => c.length)) || tries++ > 100) done(r); else setTimeout(poll, 50); })();"""


def test_cues_from_disk_are_the_cues_chromium_reads_from_the_file(disk_browser, media_site):
    """The page's cues for file:// equal, in number, times and text, what Chromium parses from the .vtt over
    http, for a caption file written without blank lines (the red team's public corpus had such files)."""
    server = serve(media_site)
    try:
        disk_browser.get(f"http://127.0.0.1:{server.server_address[1]}/lectures/l4.html")
        over_http = disk_browser.execute_async_script(CUES)
    finally:
        server.shutdown()
    disk_browser.get((media_site / "lectures/l4.html").as_uri())
    WebDriverWait(disk_browser, 10).until(lambda d: d.execute_script("return document.querySelectorAll('#cm-video track').length === 0"))
    from_disk = disk_browser.execute_async_script(CUES)
    assert len(over_http) == 1 and len(over_http[0]) == 3, over_http
    assert from_disk == over_http
    assert [c[3] for c in from_disk[0]] == ["First part.\nPart 2", "Second \n ", "Third & last"]  # markup is not shown
