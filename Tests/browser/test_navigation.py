"""Finding your way (docs/portal.md, "Navigation"): breadcrumbs that say where a lecture or resource
belongs, the home page's entry points and linked figures, library filters kept in the address with a
count, and short requirement codes instead of internal ids on student pages."""
import html.parser
import pathlib
import re
import shutil
import subprocess
import tempfile
import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import ROOT, coursemap_binary, serve

# Inputs the fixture site lacks: a lecture of no course, a lecture of two modules named second-module-first,
# and a resource of no course that names two modules.
EXTRA_CONTENT = {
    "lectures/l2.md": """---
title:
  zh: 无课程的微课
duration: "0:30"
video: lectures/media/l1.webm
competencies:
  cert:中级:1.1.1: I
---
[00:00] 没有课程。
""",
    "lectures/l3.md": """---
title:
  zh: 两个模块的微课
  en: Lecture of two modules
duration: "1:00"
video: lectures/media/l1.webm
course: intro
modules: [02-practice, 01-basics]
---
[00:00] 两个模块。
""",
    "resources/two.md": """---
title:
  zh: 两个模块的文档
kind: document
modules: [01-basics, 02-practice]
competencies:
  po:K1: R
---
正文。
""",
}

# Pages where an internal id is the point: requirement and framework pages, coverage reports.
REVIEWER_PAGES = re.compile(r"^(en/|zh/)?(frameworks|coverage)/")
# `framework:level:code` or `framework:code` (a lowercase framework id; a code that starts with a digit or an
# upper-case letter and holds a digit).
RAW_ID = re.compile(r"(?<![\w/.-])[a-z][a-z0-9_-]*:(?:[^\s:<>\"'/]+:)?[A-Z]*\d[\w.]*")


def build(content: pathlib.Path, *extra: str) -> pathlib.Path:
    output = pathlib.Path(tempfile.mkdtemp(prefix="coursemap-navigation-")) / "Site"
    subprocess.run([str(coursemap_binary()), "build", "--content", str(content), "--output", str(output),
                    "--no-search", *extra], check=True, capture_output=True)
    return output


@pytest.fixture(scope="module")
def nav_site():
    """Tests/Fixtures/site with EXTRA_CONTENT added, built and served over HTTP."""
    content = pathlib.Path(tempfile.mkdtemp(prefix="coursemap-navigation-content-")) / "site"
    shutil.copytree(ROOT / "Tests/Fixtures/site", content)
    for path, text in EXTRA_CONTENT.items():
        (content / path).write_text(text, encoding="utf-8")
    output = build(content)
    server = serve(output)
    yield output, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    shutil.rmtree(content.parent, ignore_errors=True)
    shutil.rmtree(output.parent, ignore_errors=True)


@pytest.fixture(scope="module")
def shipped_teacher():
    output = build(ROOT / "Content", "--edition", "teacher")
    yield output
    shutil.rmtree(output.parent, ignore_errors=True)


def crumbs(browser):
    return [li.text for li in browser.find_elements(By.CSS_SELECTOR, "nav.breadcrumbs li")]


def test_a_lecture_reached_from_its_module_leads_back_to_it(browser, shipped_site):
    module = shipped_site / "courses/cbec-store-ops/05-p4p-campaigns.html"
    browser.get(module.as_uri())
    module_title = browser.find_element(By.CSS_SELECTOR, "nav.breadcrumbs li:last-child").text
    lecture = browser.find_element(By.CSS_SELECTOR, "main a[href*='lectures/']")
    lecture.click()
    assert "/lectures/" in browser.current_url
    trail = crumbs(browser)
    assert trail[:4] == ["首页", "课程", "跨境电商店铺运营", module_title], trail
    assert len(trail) == 5
    assert browser.find_element(By.CSS_SELECTOR, "nav.breadcrumbs li:last-child [aria-current='page']").text == trail[-1]
    browser.find_element(By.CSS_SELECTOR, "nav.breadcrumbs li:nth-child(4) a").click()
    assert browser.current_url == module.as_uri()
    # The nav marks the courses section, the breadcrumbs lead through it.
    browser.back()
    current = browser.find_element(By.CSS_SELECTOR, ".site-nav a[aria-current='page']")
    assert current.get_attribute("href").endswith("/courses/index.html")


def test_breadcrumbs_of_lectures_and_resources_with_and_without_a_course(browser, nav_site):
    site, _ = nav_site
    expected = {
        "lectures/l1.html": ["首页", "课程", "导论 <课程>", "基础", "点击率入门"],
        # Two modules: the first the front matter names, the other listed as "part of".
        "lectures/l3.html": ["首页", "课程", "导论 <课程>", "实践", "两个模块的微课"],
        "en/lectures/l3.html": ["Home", "Courses", "Introduction", "Practice", "Lecture of two modules"],
        "lectures/l2.html": ["首页", "资源库", "无课程的微课"],
        "resources/outline.html": ["首页", "课程", "导论 <课程>", "实践", "课程大纲（课件）"],
        "resources/two.html": ["首页", "课程", "导论 <课程>", "基础", "两个模块的文档"],
        "resources/traffic.html": ["首页", "资源库", "店铺流量数据"],
        "en/resources/traffic.html": ["Home", "Library", "店铺流量数据"],
    }
    for path, trail in expected.items():
        browser.get((site / path).as_uri())
        assert crumbs(browser) == trail, path
        for link in browser.find_elements(By.CSS_SELECTOR, "nav.breadcrumbs a"):
            target = urllib.parse.urlparse(link.get_attribute("href")).path
            assert pathlib.Path(urllib.parse.unquote(target)).is_file(), f"{path}: {target}"
    browser.get((site / "lectures/l3.html").as_uri())
    part_of = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#cm-part-of + ul a")]
    assert part_of == ["实践", "基础"]


def test_a_dataset_names_its_kind_and_file_format_apart(browser, shipped_site):
    for path in ["resources/industry_benchmark.html", "en/resources/industry_benchmark.html"]:
        browser.get((shipped_site / path).as_uri())
        labels = [dt.text for dt in browser.find_elements(By.CSS_SELECTOR, ".facts dt")]
        assert len(labels) == len(set(labels)), f"{path}: {labels}"
    # Every resource page of both languages and both editions: no fact label twice.
    for page in sorted(shipped_site.glob("**/resources/*.html")):
        labels = re.findall(r"<dt>(.*?)</dt>", page.read_text(encoding="utf-8"))
        assert len(labels) == len(set(labels)), f"{page.relative_to(shipped_site)}: {labels}"


class Links(html.parser.HTMLParser):
    """Every href of a page."""

    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def unresolved_links(site: pathlib.Path, page: str):
    parser = Links()
    source = site / page
    parser.feed(source.read_text(encoding="utf-8"))
    broken = []
    for href in parser.hrefs:
        parts = urllib.parse.urlsplit(href)
        if parts.scheme or href.startswith("//"):
            continue
        target = source if not parts.path else (source.parent / urllib.parse.unquote(parts.path)).resolve()
        if not target.is_file():
            broken.append(href)
        elif parts.fragment and f'id="{parts.fragment}"' not in target.read_text(encoding="utf-8"):
            broken.append(href)
    return parser.hrefs, broken


@pytest.mark.parametrize("page", ["index.html", "en/index.html"])
def test_every_link_on_the_home_page_resolves(shipped_site, shipped_teacher, page):
    for site in (shipped_site, shipped_teacher):
        hrefs, broken = unresolved_links(site, page)
        assert broken == [], broken
        assert any("?kind=" in href for href in hrefs)


def test_home_entry_points_and_linked_figures(browser, nav_site):
    site, base = nav_site
    for page, start in [("index.html", "开始学习"), ("en/index.html", "Start learning")]:
        _, broken = unresolved_links(site, page)
        assert broken == [], broken
        browser.get(f"{base}/{page}")
        button = browser.find_element(By.CSS_SELECTOR, ".start-learning a.button")
        assert button.text == start
        assert button.get_attribute("href").endswith("courses/intro/01-basics.html")
        # Every figure is a link.
        tiles = browser.find_elements(By.CSS_SELECTOR, ".stat-links li")
        assert tiles and all(tile.find_elements(By.CSS_SELECTOR, "a[href]") for tile in tiles)
    # The lectures tile opens the library filtered to lectures, with the count of the tile.
    browser.get(f"{base}/index.html")
    tile = browser.find_element(By.CSS_SELECTOR, ".stat-links a[href$='?kind=lecture']")
    number = tile.find_element(By.CSS_SELECTOR, ".stat-value").text
    tile.click()
    WebDriverWait(browser, 5).until(lambda d: d.find_element(By.CSS_SELECTOR, ".library-shown").text == number)
    assert Select(browser.find_element(By.NAME, "kind")).first_selected_option.get_attribute("value") == "lecture"
    assert len(visible_rows(browser)) == int(number)


def visible_rows(browser):
    return [row for row in browser.find_elements(By.CSS_SELECTOR, "table.library tbody tr") if row.is_displayed()]


def test_library_filters_live_in_the_address_and_survive_a_reload(browser, http_shipped):
    browser.get(f"{http_shipped}/resources/index.html")
    total = len(browser.find_elements(By.CSS_SELECTOR, "table.library tbody tr"))
    assert browser.find_element(By.CSS_SELECTOR, ".library-count").text == f"{total} / {total} 项"
    Select(browser.find_element(By.NAME, "kind")).select_by_value("dataset")
    course = Select(browser.find_element(By.NAME, "course"))
    course.select_by_value("cbec-data-analysis")
    query = urllib.parse.parse_qs(urllib.parse.urlparse(browser.current_url).query)
    assert query == {"kind": ["dataset"], "course": ["cbec-data-analysis"]}
    shown = len(visible_rows(browser))
    assert 0 < shown < total
    assert browser.find_element(By.CSS_SELECTOR, ".library-count").text == f"{shown} / {total} 项"
    browser.refresh()
    assert Select(browser.find_element(By.NAME, "kind")).first_selected_option.get_attribute("value") == "dataset"
    assert Select(browser.find_element(By.NAME, "course")).first_selected_option.get_attribute("value") == "cbec-data-analysis"
    assert len(visible_rows(browser)) == shown
    assert browser.find_element(By.CSS_SELECTOR, ".library-shown").text == str(shown)
    # Away and back: the same rows again.
    browser.find_element(By.CSS_SELECTOR, "table.library tbody tr:not([hidden]) a").click()
    browser.back()
    WebDriverWait(browser, 5).until(lambda d: d.find_element(By.CSS_SELECTOR, ".library-shown").text == str(shown))
    assert len(visible_rows(browser)) == shown
    # A shared link with a competency code; an unknown kind is ignored rather than hiding everything.
    browser.get(f"{http_shipped}/en/resources/index.html?competency=3.2&kind=nonsense")
    rows = visible_rows(browser)
    assert 0 < len(rows) < total
    assert all("3.2" in row.get_attribute("data-competencies") for row in rows)
    assert browser.find_element(By.NAME, "competency").get_attribute("value") == "3.2"
    assert browser.find_element(By.CSS_SELECTOR, ".library-count").text == f"{len(rows)} / {total} items"
    # Clearing the filters clears the address.
    browser.find_element(By.NAME, "competency").clear()
    browser.find_element(By.NAME, "competency").send_keys(" ")
    assert urllib.parse.urlparse(browser.current_url).query == ""
    assert len(visible_rows(browser)) == total


def test_library_without_javascript_shows_every_row_and_labels_its_cells(shipped_site):
    page = (shipped_site / "resources/index.html").read_text(encoding="utf-8")
    rows = page.count("<tr data-kind=")
    assert rows > 0 and '<th scope="col">名称</th>' in page
    assert f'<span class="library-shown">{rows}</span> / <span class="library-total">{rows}</span> 项' in page
    assert page.count("<td data-label=") == 4 * rows
    assert "<form class=\"library-filters\" hidden" in page


class VisibleText(html.parser.HTMLParser):
    """A page's text as a reader sees it: no tags, attributes, scripts or hidden template data."""

    def __init__(self):
        super().__init__()
        self.parts = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def raw_id_offenders(site: pathlib.Path):
    offenders = {}
    for page in sorted(site.glob("**/*.html")):
        relative = page.relative_to(site).as_posix()
        if REVIEWER_PAGES.match(relative):
            continue
        parser = VisibleText()
        parser.feed(page.read_text(encoding="utf-8"))
        found = sorted(set(RAW_ID.findall(" ".join(parser.parts))))
        if found:
            offenders[relative] = found
    return offenders


def test_the_id_pattern_finds_ids_and_spares_times_and_codes():
    assert RAW_ID.findall("能力 b2b-data:中级:3.2.1 与 cbec-outcomes:K3") == ["b2b-data:中级:3.2.1", "cbec-outcomes:K3"]
    assert RAW_ID.findall("时长 3:47，编码 3.2.1，https://example.test/a:1") == []


@pytest.mark.parametrize("edition", ["student", "teacher"])
def test_student_pages_show_no_raw_requirement_ids(shipped_site, shipped_teacher, nav_site, edition):
    sites = [shipped_site, nav_site[0]] if edition == "student" else [shipped_teacher]
    for site in sites:
        pages = list(site.glob("**/*.html"))
        assert len(pages) > 20
        offenders = raw_id_offenders(site)
        assert offenders == {}, "\n".join(f"{page}: {' '.join(ids)}" for page, ids in offenders.items())
    # The requirement pages keep the id.
    requirement = (shipped_site / "frameworks/b2b-data/intermediate/3.2.1.html").read_text(encoding="utf-8")
    assert "b2b-data:中级:3.2.1" in requirement


@pytest.mark.parametrize("width", [320, 375])
def test_requirement_codes_do_not_break_or_overflow_on_a_phone(browser, shipped_site, width):
    browser.set_window_size(width, 900)
    try:
        for path in ["lectures/l12-p4p-plan.html", "courses/cbec-data-analysis/03-product-keyword-analysis.html",
                     "banks/data-analysis-basics/index.html", "en/resources/index.html"]:
            browser.get((shipped_site / path).as_uri())
            codes = browser.find_elements(By.CSS_SELECTOR, ".req-code")
            assert codes, path
            for code in codes:
                if not code.is_displayed():
                    continue
                # A table scrolls inside its own frame (or becomes cards): there only the code's width counts.
                right, size, viewport, lines, framed = browser.execute_script(
                    "var r = arguments[0].getBoundingClientRect();"
                    " return [r.right, r.width, window.innerWidth, arguments[0].getClientRects().length,"
                    " !!arguments[0].closest('.table-wrap')]", code)
                assert lines == 1, f"{path}: {code.text} breaks across lines"
                assert size <= viewport / 2, f"{path}: {code.text} is {size}px wide at {width}px"
                assert framed or right <= viewport + 1, f"{path}: {code.text} sticks out at {width}px"
    finally:
        browser.set_window_size(1280, 1000)
