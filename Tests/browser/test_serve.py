"""`coursemap serve` in a real browser: an edit reloads the open page it changes and leaves other pages
alone, and the pages that sum up the program (here the coverage report), which serve renders just after
the edited pages, reload when they are ready."""
import pathlib
import re
import shutil
import subprocess
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import ROOT, coursemap_binary

MODULE = "courses/intro/01-basics.md"
MODULE_PAGE = "courses/intro/01-basics.html"
COVERAGE_PAGE = "coverage/cert/intermediate/index.html"
# A page a module's text never changes. (The coverage report does change with any edit of content outside
# git: its provenance names the content's hash, docs/coverage.md §7.1.)
COURSE_PAGE = "courses/intro/index.html"


class Server:
    """A `coursemap serve` process on a copy of the test fixture, with its log kept for the assertions."""

    def __init__(self, folder: pathlib.Path):
        self.content = folder / "Content"
        shutil.copytree(ROOT / "Tests/Fixtures/site", self.content)
        self.log_path = folder / "serve.log"
        self.log = open(self.log_path, "w+")
        self.process = subprocess.Popen(
            [str(coursemap_binary()), "serve", "--port", "0", "--content", str(self.content), "--output", str(folder / "Site")],
            stdout=subprocess.DEVNULL, stderr=self.log)
        deadline = time.monotonic() + 60
        while True:
            found = re.search(r"http://127\.0\.0\.1:(\d+)/", self.text())
            if found:
                self.base = f"http://127.0.0.1:{found.group(1)}"
                break
            assert self.process.poll() is None, "serve exited: " + self.text()
            assert time.monotonic() < deadline, "serve did not start: " + self.text()
            time.sleep(0.05)

    def text(self) -> str:
        return self.log_path.read_text(encoding="utf-8")

    def wait_for_log(self, pattern: str, count: int, timeout: float = 30):
        deadline = time.monotonic() + timeout
        while len(re.findall(pattern, self.text())) < count:
            assert time.monotonic() < deadline, f"no {count}× {pattern!r} in the log:\n" + self.text()
            time.sleep(0.05)

    def edit(self, old: str, new: str):
        file = self.content / MODULE
        text = file.read_text(encoding="utf-8")
        assert old in text, f"fixture changed: {MODULE} no longer contains {old}"
        file.write_text(text.replace(old, new), encoding="utf-8")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)
        self.log.close()


@pytest.fixture
def server(tmp_path):
    running = Server(tmp_path)
    yield running
    running.stop()


def mark(browser):
    """Marks the document, so that a reload (which replaces it) can be told from no reload."""
    browser.execute_script("window.__notReloaded = true;")


def reloaded(browser) -> bool:
    return browser.execute_script("return window.__notReloaded !== true;")


def wait_live(browser):
    """Waits until the page's live-reload stream is open (the server sent its preamble)."""
    WebDriverWait(browser, 15).until(lambda d: d.execute_script(
        "return !!window.__coursemapLiveReload && performance.getEntriesByType('resource')"
        ".some(function (e) { return e.name.indexOf('/__coursemap/live.js') >= 0; });"))
    time.sleep(0.3)


def test_a_title_edit_reloads_the_module_page_at_once_and_the_coverage_report_when_it_is_ready(browser, server):
    browser.get(f"{server.base}/{MODULE_PAGE}")
    wait_live(browser)
    assert "基础" in browser.find_element(By.TAG_NAME, "h1").text
    mark(browser)

    server.edit("zh: 基础", "zh: 基础与概念")
    WebDriverWait(browser, 20).until(lambda d: reloaded(d))
    WebDriverWait(browser, 20).until(lambda d: "基础与概念" in d.find_element(By.TAG_NAME, "h1").text)
    server.wait_for_log(r"rebuilt in \d+ ms: .*pages that sum up the program follow", 1)
    server.wait_for_log(r"caught up in \d+ ms", 1)

    # The coverage report lists the module by its title: it changes in the catch-up, and reloads then.
    browser.get(f"{server.base}/{COVERAGE_PAGE}")
    wait_live(browser)
    assert "基础与概念" in browser.find_element(By.TAG_NAME, "main").text
    mark(browser)
    server.edit("zh: 基础与概念", "zh: 基础入门")
    server.wait_for_log(r"caught up in \d+ ms", 2)
    WebDriverWait(browser, 20).until(lambda d: reloaded(d))
    WebDriverWait(browser, 20).until(lambda d: "基础入门" in d.find_element(By.TAG_NAME, "main").text)


def test_an_edit_leaves_pages_it_does_not_change_alone(browser, server):
    browser.get(f"{server.base}/{COURSE_PAGE}")
    wait_live(browser)
    mark(browser)
    # A change to the module's text shows on its own pages (and on the reports' provenance) only.
    server.edit("## 学习目标", "## 学习目标\n\n新增的一段正文。")
    server.wait_for_log(r"rebuilt in \d+ ms: 2 pages rendered", 1)
    time.sleep(1.0)
    assert not reloaded(browser), "the course page reloaded for an edit that does not change it"

    browser.get(f"{server.base}/{MODULE_PAGE}")
    wait_live(browser)
    mark(browser)
    server.edit("新增的一段正文。", "改写的正文。")
    server.wait_for_log(r"rebuilt in \d+ ms: 2 pages rendered", 2)
    WebDriverWait(browser, 20).until(lambda d: reloaded(d))
    assert "改写的正文。" in browser.find_element(By.TAG_NAME, "main").text
