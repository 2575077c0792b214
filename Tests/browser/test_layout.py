"""The portal's layout on phones, tablets and desktops, in Chromium: every page type of the shipped example, in
Chinese and English, student and teacher edition, at 320, 375, 768 and 1280 px never scrolls sideways; module
content and lecture videos come first on a phone; the header menu opens by keyboard (with and without script)
and fits one row on a desktop; axe-core finds no serious or critical violation at 375 and 1280 px; screenshots of
every page type go to the screenshot folder. Also inputs nobody designed the theme for: the hostile test site
(long unbroken names) at 320 px and dark mode.

One browser is reused; the viewport is set once per width through the DevTools protocol (exact CSS pixels, no
scroll bars), and each page is loaded once per width by a session-scoped sweep whose findings the tests read.
"""
import re

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.action_chains import ActionChains

from conftest import ROOT

WIDTHS = (320, 375, 768, 1280)
SHOT_WIDTHS = (375, 1280)
AXE_WIDTHS = (375, 1280)
PHONE = (375, 667)


def first(site, pattern):
    """The first page (sorted) of the Chinese edition whose path relative to the site matches pattern, or None.
    Index and answer pages count only for patterns that name them."""
    regex = re.compile(pattern)
    special = re.compile(r"(^|/)(index|answers)\.html$")
    for path in sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")):
        if path.startswith("en/") or not regex.search(path):
            continue
        if special.search(path) and not re.search(r"index|answers", pattern):
            continue
        return path
    return None


def module_page(suffix):
    """The published page of the first shipped module written in Markdown (.md) or XML (.xml)."""
    sources = sorted((ROOT / "Content" / "courses").glob(f"*/[0-9]*{suffix}"))
    assert sources, f"no shipped module is written as {suffix}"
    return f"courses/{sources[0].parent.name}/{sources[0].stem}.html"


def resource_kinds(site):
    """One library page per resource kind (lectures apart: they have their own page type), read from the library's
    rows (data-kind and the row's link)."""
    html = (site / "resources" / "index.html").read_text(encoding="utf-8")
    kinds = {}
    for kind, href in re.findall(r'<tr data-kind="([^"]+)"[^>]*>.*?<a href="([^"]+)"', html, re.S):
        if kind != "lecture" and kind not in kinds:
            kinds[kind] = "resources/" + href
    assert len(kinds) >= 3, f"the library lists too few kinds of resource: {sorted(kinds)}"
    return kinds


def page_types(site, teacher):
    """Page type → a representative page (path relative to the site root, Chinese edition). Fails when a pattern
    finds nothing, so the sweep can never silently go empty."""
    patterns = {
        "home": r"^index\.html$",
        "search": r"^search\.html$",
        "404": r"^404\.html$",
        "frameworks": r"^frameworks/index\.html$",
        "framework": r"^frameworks/[^/]+/index\.html$",
        "requirement": r"^frameworks/[^/]+/[^/]+/[^/]+\.html$",
        "outcome": r"^frameworks/[^/]+/[^/]+\.html$",
        "courses": r"^courses/index\.html$",
        "course": r"^courses/[^/]+/index\.html$",
        "lecture": r"^lectures/[^/]+\.html$",
        "library": r"^resources/index\.html$",
        "banks": r"^banks/index\.html$",
        "bank": r"^banks/[^/]+/index\.html$",
        "item": r"^banks/[^/]+/[^/]+\.html$",
        "coverage-index": r"^coverage/index\.html$",
        "coverage-report": r"^coverage/[^/]+/[^/]+/index\.html$",
        "outcomes-report": r"^coverage/[^/]+/index\.html$",
    }
    if teacher:
        patterns["answers"] = r"^banks/[^/]+/answers\.html$"
    pages, missing = {}, []
    for name, pattern in patterns.items():
        found = first(site, pattern)
        if found is None:
            missing.append(name)
        pages[name] = found
    assert not missing, f"no page matches the page types {missing} in {site}"
    pages["module-md"] = module_page(".md")
    pages["module-xml"] = module_page(".xml")
    for kind, path in resource_kinds(site).items():
        pages[f"resource-{kind}"] = path
    for name, path in pages.items():
        assert (site / path).is_file(), f"{name}: {path} is not in the built site"
    return pages


def set_viewport(browser, width, height=1000):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    browser.execute_cdp_cmd("Emulation.setScrollbarsHidden", {"hidden": True})


def reset_viewport(browser):
    browser.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    browser.execute_cdp_cmd("Emulation.setScrollbarsHidden", {"hidden": False})
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "", "features": []})


OVERFLOW = """
const doc = document.documentElement;
if (doc.scrollWidth <= window.innerWidth) return {scroll: doc.scrollWidth, inner: window.innerWidth, wide: []};
const wide = [...document.querySelectorAll('body *')].filter(e => {
  const r = e.getBoundingClientRect();
  return r.width > 0 && r.right > window.innerWidth + 1 && !e.closest('.table-wrap, pre, .prose table, .graphic-wrap');
}).slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : ''));
return {scroll: doc.scrollWidth, inner: window.innerWidth, wide: wide};
"""

SMALL_TEXT = """
const small = [];
for (const e of document.querySelectorAll('main *')) {
  if (![...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
  const r = e.getBoundingClientRect();
  if (r.width === 0 || e.closest('.visually-hidden, [hidden]')) continue;
  let size = parseFloat(getComputedStyle(e).fontSize);
  const svg = e.closest('svg');
  if (svg && svg.viewBox && svg.viewBox.baseVal && svg.viewBox.baseVal.width) {
    size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  }
  if (size < 11) small.push(e.tagName.toLowerCase() + ' ' + size.toFixed(1) + 'px: ' + e.textContent.trim().slice(0, 30));
}
return small.slice(0, 3);
"""


def run_axe(browser, axe_source):
    browser.execute_script(axe_source)
    result = browser.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.map("
        "v => [v.id, v.impact, v.nodes.length, v.nodes[0].target.join(' ')])), e => done([['axe-error', 'critical', 0, String(e)]]));")
    return [v for v in result if v[1] in ("serious", "critical")]


@pytest.fixture(scope="session")
def axe_source():
    import axe_selenium_python
    import pathlib
    return (pathlib.Path(axe_selenium_python.__file__).parent / "node_modules" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sweep(browser, shipped_site, shipped_teacher_site, screenshot_dir, axe_source):
    """Loads every page type in both languages and both editions once per width and records what it finds."""
    editions = {"student": (shipped_site, page_types(shipped_site, teacher=False)),
                "teacher": (shipped_teacher_site, page_types(shipped_teacher_site, teacher=True))}
    found = {"overflow": [], "axe": [], "small": [], "shots": [], "pages": 0}
    browser.set_script_timeout(60)
    try:
        for width in WIDTHS:
            set_viewport(browser, width)
            for edition, (site, pages) in editions.items():
                for name, path in pages.items():
                    if edition == "teacher" and name != "answers" and width not in (320, 375):
                        continue  # the teacher edition differs from the student one mostly on small screens
                    for language in ("zh", "en"):
                        page = site / (path if language == "zh" else "en/" + path)
                        if not page.is_file():
                            assert name == "404", f"{language} {name}: {page} missing"
                            continue  # the English 404 page is added by another change (issue 21)
                        browser.get(page.as_uri())
                        found["pages"] += 1
                        where = f"{edition} {language} {name} ({path}) at {width}px"
                        box = browser.execute_script(OVERFLOW)
                        if box["scroll"] > box["inner"]:
                            found["overflow"].append(f"{where}: {box['scroll']} > {box['inner']} {box['wide']}")
                        if width == 375 and name.startswith(("coverage", "outcomes", "library")):
                            found["small"] += [f"{where}: {s}" for s in browser.execute_script(SMALL_TEXT)]
                        if width in SHOT_WIDTHS and (edition == "student" or name == "answers"):
                            target = screenshot_dir / f"layout-{language}-{name}-{width}.png"
                            browser.save_screenshot(str(target))
                            found["shots"].append(target)
                        if width in AXE_WIDTHS and (edition == "student" or name == "answers"):
                            found["axe"] += [f"{where}: {v}" for v in run_axe(browser, axe_source)]
    finally:
        reset_viewport(browser)
    return found


def test_no_page_type_scrolls_sideways(sweep):
    assert sweep["pages"] >= 2 * 25 * len(WIDTHS), sweep["pages"]
    assert sweep["overflow"] == [], "pages wider than the window:\n" + "\n".join(sweep["overflow"])


def test_axe_finds_no_serious_violation_at_375_and_1280(sweep):
    assert sweep["axe"] == [], "serious or critical axe violations:\n" + "\n".join(sweep["axe"])


def test_report_and_library_text_stays_readable_on_a_phone(sweep):
    """Chart labels, table figures and library cards keep at least 11 px text at 375 px."""
    assert sweep["small"] == [], "\n".join(sweep["small"])


def test_screenshots_of_every_page_type(sweep):
    names = {p.name for p in sweep["shots"]}
    for width in SHOT_WIDTHS:
        for name in ("home", "module-md", "module-xml", "lecture", "library", "answers", "coverage-report"):
            assert f"layout-zh-{name}-{width}.png" in names and f"layout-en-{name}-{width}.png" in names
    for shot in sweep["shots"]:
        assert shot.stat().st_size > 5000, shot


@pytest.fixture
def phone(browser):
    set_viewport(browser, *PHONE)
    yield browser
    browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    reset_viewport(browser)


def top_of(browser, selector):
    return browser.execute_script(
        "const e = document.querySelector(arguments[0]); return e ? e.getBoundingClientRect().top + window.scrollY : null;",
        selector)


def test_module_content_comes_first_on_a_phone(phone, shipped_site):
    """On a 375×667 screen every module's first content heading starts within a screen and a half, in both languages."""
    late = []
    modules = sorted((ROOT / "Content" / "courses").glob("*/[0-9]*"))
    assert len(modules) >= 10
    for module in modules:
        for prefix in ("", "en/"):
            path = f"{prefix}courses/{module.parent.name}/{module.stem}.html"
            phone.get((shipped_site / path).as_uri())
            top = top_of(phone, "article.prose h2") or top_of(phone, "article.prose > *")
            if top is None or top >= 1.5 * PHONE[1]:
                late.append(f"{path}: {top}")
    assert late == [], late


def test_lecture_video_and_transcript_come_first_on_a_phone(phone, shipped_site):
    """Every lecture's video starts within the first screen and its transcript within a screen and a half."""
    late = []
    lectures = sorted(p.name for p in (shipped_site / "lectures").glob("*.html") if p.name != "index.html")
    assert len(lectures) >= 10
    for name in lectures:
        for prefix in ("", "en/"):
            phone.get((shipped_site / prefix / "lectures" / name).as_uri())
            video, transcript = top_of(phone, ".lecture-player"), top_of(phone, "#cm-transcript")
            if video is None or video >= PHONE[1] - 100 or transcript is None or transcript >= 1.5 * PHONE[1]:
                late.append(f"{prefix}{name}: video {video}, transcript {transcript}")
    assert late == [], late


def header_state(browser):
    return browser.execute_script("""
const h = document.querySelector('.site-header'), b = document.querySelector('.menu-button');
const links = [...document.querySelectorAll('.site-nav a')];
const shown = e => e.checkVisibility({visibilityProperty: true}) && e.getBoundingClientRect().width > 0;
return {height: h.getBoundingClientRect().height, button: shown(b), linksShown: links.filter(shown).length, links: links.length,
        open: b.getAttribute('aria-expanded') === 'true'};""")


def tab_to(browser, predicate, limit=40):
    """Presses Tab until the focused element satisfies predicate (a JS expression on `e`); returns the steps."""
    for step in range(1, limit + 1):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        if browser.execute_script(f"const e = document.activeElement; return !!({predicate});"):
            return step
    return None


def focus_ring(browser):
    return browser.execute_script("""const s = getComputedStyle(document.activeElement);
return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;""")


def tab_through_links(browser, count):
    """Tabs count times; returns the nav links reached in order (None for a stop outside the nav), checking focus rings."""
    reached = []
    for _ in range(count):
        ActionChains(browser).send_keys(Keys.TAB).perform()
        assert focus_ring(browser), "a navigation link shows no focus ring"
        reached.append(browser.execute_script(
            "return document.activeElement.closest('.site-nav') ? document.activeElement.getAttribute('href') : null"))
    return reached


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_menu_button_opens_the_drawer_by_keyboard_on_a_phone(phone, shipped_site, screenshot_dir, language):
    page = shipped_site / ("courses/index.html" if language == "zh" else "en/courses/index.html")
    phone.get(page.as_uri())
    closed = header_state(phone)
    assert closed["button"] and closed["linksShown"] == 0 and not closed["open"], closed
    assert closed["height"] <= 72, f"the closed header is {closed['height']}px tall on a phone"
    assert tab_to(phone, "e.matches('.menu-button')") is not None, "the menu button is not reachable by Tab"
    assert focus_ring(phone), "the focused menu button shows no focus ring"
    ActionChains(phone).send_keys(Keys.ENTER).perform()
    opened = header_state(phone)
    assert opened["open"] and opened["linksShown"] == opened["links"] >= 5, opened
    phone.save_screenshot(str(screenshot_dir / f"layout-{language}-menu-open-375.png"))
    reached = tab_through_links(phone, opened["links"])
    assert None not in reached and len(set(reached)) == opened["links"], reached
    assert tab_to(phone, "e.id === 'cm-search-input'", limit=1) is not None, "the search box follows the links"
    # The drawer lies over the page, within the window.
    right = phone.execute_script("return document.querySelector('.site-drawer').getBoundingClientRect().right")
    assert right <= PHONE[0]
    assert phone.execute_script("return document.documentElement.scrollWidth") <= PHONE[0]
    # Escape closes it and gives the focus back to the button; Space opens it again, Enter closes it.
    ActionChains(phone).send_keys(Keys.ESCAPE).perform()
    assert header_state(phone)["linksShown"] == 0
    assert phone.execute_script("return document.activeElement.matches('.menu-button')")
    ActionChains(phone).send_keys(Keys.SPACE).perform()
    assert header_state(phone)["open"]
    ActionChains(phone).send_keys(Keys.ENTER).perform()
    assert header_state(phone)["linksShown"] == 0


@pytest.mark.parametrize("language", ["zh", "en"])
def test_without_script_the_navigation_stays_in_the_header(phone, shipped_site, language):
    phone.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    page = shipped_site / ("courses/index.html" if language == "zh" else "en/courses/index.html")
    phone.get(page.as_uri())
    state = header_state(phone)
    assert not state["button"] and state["linksShown"] == state["links"] >= 5, state
    assert tab_to(phone, "e.closest('.site-nav')") is not None
    reached = [phone.execute_script("return document.activeElement.getAttribute('href')")]
    reached += tab_through_links(phone, state["links"] - 1)
    assert None not in reached and len(set(reached)) == state["links"], reached
    assert phone.execute_script("return document.documentElement.scrollWidth") <= PHONE[0]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_header_is_one_row_on_a_desktop(browser, shipped_site, language):
    set_viewport(browser, 1280)
    try:
        for path in ("index.html", "courses/cbec-store-ops/index.html", "search.html"):
            browser.get((shipped_site / (path if language == "zh" else "en/" + path)).as_uri())
            state = header_state(browser)
            assert not state["button"] and state["linksShown"] == state["links"], state
            rows = browser.execute_script("""
return ['.brand', '.site-nav ul', '.site-search', '.language-switch'].map(s => {
  const r = document.querySelector(s).getBoundingClientRect(); return [s, r.top, r.bottom];});""")
            top = max(r[1] for r in rows)
            bottom = min(r[2] for r in rows)
            assert top < bottom, f"{language} {path}: the header's parts are not on one row: {rows}"
            assert state["height"] <= 80, state
            last = browser.execute_script("const r = document.querySelector('.language-switch').getBoundingClientRect(); return r.right")
            assert last <= 1280
        # On a desktop the side panels of a module stand left of the content.
        browser.get((shipped_site / (language == "en" and "en/" or "") / module_page(".xml")).as_uri())
        side, article = browser.execute_script("""return ['.module-side', 'article.prose'].map(
  s => document.querySelector(s).getBoundingClientRect()).map(r => [r.left, r.right, r.top]);""")
        assert side[1] <= article[0] and abs(side[2] - article[2]) < 5, (side, article)
    finally:
        reset_viewport(browser)


@pytest.mark.parametrize("query", ["en/search.html?q=inquiry", "search.html?q=询盘"])
def test_search_results_wrap_on_a_phone(phone, http_shipped, query):
    """Search excerpts (muted text) wrap instead of widening the page (it was 5,630 px wide for "inquiry")."""
    from selenium.webdriver.support.ui import WebDriverWait
    for width in (320, 375):
        set_viewport(phone, width, PHONE[1])
        phone.get(f"{http_shipped}/{query}")
        WebDriverWait(phone, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".search-results li"))
        box = phone.execute_script(OVERFLOW)
        assert box["scroll"] <= box["inner"], (query, width, box)
        white_space = phone.execute_script(
            "const e = document.querySelector('.search-results .muted'); return e ? getComputedStyle(e).whiteSpace : 'normal';")
        assert white_space not in ("nowrap", "pre"), white_space


def test_library_is_cards_on_a_phone_with_every_column_visible(phone, shipped_site):
    for prefix in ("", "en/"):
        phone.get((shipped_site / prefix / "resources/index.html").as_uri())
        cells = phone.execute_script("""
return [...document.querySelectorAll('table.library tbody tr')].slice(0, 40).map(tr => [...tr.cells].map(td => {
  const r = td.getBoundingClientRect();
  return {text: td.textContent.trim(), left: r.left, right: r.right, width: r.width};}));""")
        assert len(cells) >= 10
        for row in cells:
            for cell in row:
                if cell["text"]:
                    assert cell["width"] > 0 and cell["left"] >= 0 and cell["right"] <= PHONE[0], (prefix, row)
            # A card: the cells stack (each starts at the card's left edge) instead of standing side by side.
            assert len({round(c["left"]) for c in row if c["text"]}) == 1, row
        # Without the table's header, a card names what its course and competency lines are.
        labels = phone.execute_script("""
return [...document.querySelectorAll('table.library tbody tr td:nth-child(n+3)')].filter(td => td.textContent.trim())
  .slice(0, 40).map(td => [td.getAttribute('data-label'), getComputedStyle(td, '::before').content]);""")
        assert labels and all(content == f'"{label}"' for label, content in labels), (prefix, labels[:4])
        expected = {"": {"课程", "对应能力"}, "en/": {"Course", "Competencies"}}[prefix]
        assert {label for label, _ in labels} == expected, (prefix, {label for label, _ in labels})


def test_hostile_site_at_320_px_and_in_dark_mode(browser, site):
    """The test site's hostile and long names never widen a page at 320 px, in light or dark mode."""
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 20
    wide = []
    set_viewport(browser, 320, 700)
    try:
        for scheme in ("light", "dark"):
            browser.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                    {"media": "", "features": [{"name": "prefers-color-scheme", "value": scheme}]})
            for page in pages[:: 1 if scheme == "light" else 3]:
                browser.get(page.as_uri())
                box = browser.execute_script(OVERFLOW)
                if box["scroll"] > box["inner"]:
                    wide.append(f"{scheme} {page.relative_to(site)}: {box['scroll']} {box['wide']}")
    finally:
        reset_viewport(browser)
    assert wide == [], "\n".join(wide)


def test_dark_mode_keeps_contrast_on_a_phone(browser, shipped_site, axe_source):
    """axe-core's contrast check in dark mode at 375 px on the pages a student opens most."""
    problems = []
    set_viewport(browser, 375)
    try:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia",
                                {"media": "", "features": [{"name": "prefers-color-scheme", "value": "dark"}]})
        for path in ("index.html", module_page(".md"), "resources/index.html", "en/courses/index.html"):
            browser.get((shipped_site / path).as_uri())
            browser.find_element(By.CSS_SELECTOR, ".menu-button").click()
            problems += [f"{path}: {v}" for v in run_axe(browser, axe_source)]
    finally:
        reset_viewport(browser)
    assert problems == [], "\n".join(problems)


def test_every_keyboard_stop_shows_a_focus_ring(phone, shipped_site):
    """Tab through the first stops of each kind of page a student uses on a phone: each shows an outline. (A video's
    own controls take the focus inside the player, where Chromium draws their ring.)"""
    pages = page_types(shipped_site, teacher=False)
    missing = []
    for name in ("home", "search", "module-md", "lecture", "library", "bank", "item", "coverage-report", "requirement"):
        phone.get((shipped_site / pages[name]).as_uri())
        for _ in range(25):
            ActionChains(phone).send_keys(Keys.TAB).perform()
            if not phone.execute_script("""const e = document.activeElement, s = getComputedStyle(e);
return e === document.body || e.matches('video[controls], audio[controls]') || (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';"""):
                missing.append(f"{name}: " + phone.execute_script("return document.activeElement.outerHTML.slice(0, 80)"))
    assert missing == [], "\n".join(missing)


LONG_ZH = "店铺基础信息设置与首页装修" * 6
LONG_EN = "Storeprofilesetupandhomepagedesign" * 4


@pytest.fixture(scope="module")
def long_titles(tmp_path_factory):
    """The shipped content with one module and its course given very long titles without a break opportunity."""
    import shutil
    import subprocess
    from conftest import coursemap_binary
    folder = tmp_path_factory.mktemp("long-titles")
    content = folder / "Content"
    shutil.copytree(ROOT / "Content", content)
    for path in (content / "courses/cbec-store-ops/01-store-setup.md", content / "courses/cbec-store-ops/course.md"):
        text = path.read_text(encoding="utf-8")
        head, rest = text.split("\ntitle:\n", 1)
        rest = rest.split("\n", 2)[2]  # drop the zh and en lines of the title
        path.write_text(f"{head}\ntitle:\n  zh: {LONG_ZH}\n  en: {LONG_EN}\n{rest}", encoding="utf-8")
    subprocess.run([str(coursemap_binary()), "build", "--content", str(content), "--output", str(folder / "Site"),
                    "--no-search"], check=True, capture_output=True)
    return folder / "Site"


def test_long_unbroken_titles_never_widen_a_page(browser, long_titles):
    pages = ["index.html", "courses/index.html", "courses/cbec-store-ops/index.html",
             "courses/cbec-store-ops/01-store-setup.html", "courses/cbec-store-ops/02-product-listing.html",
             "resources/index.html", "frameworks/b2b-data/intermediate/1.1.1.html"]
    wide = []
    try:
        for width in (320, 375, 1280):
            set_viewport(browser, width)
            for path in pages + ["en/" + p for p in pages]:
                browser.get((long_titles / path).as_uri())
                if LONG_EN not in browser.page_source and LONG_ZH not in browser.page_source:
                    wide.append(f"{path}: the long title is not on the page")
                box = browser.execute_script(OVERFLOW)
                if box["scroll"] > box["inner"]:
                    wide.append(f"{path} at {width}px: {box['scroll']} {box['wide']}")
    finally:
        reset_viewport(browser)
    assert wide == [], "\n".join(wide)
