"""Red-team layout tests (issue 21): the portal built from content its theme was not designed around, on screens
and settings test_layout.py does not use.

The content is the shipped example plus, generated here: a course with very long unbroken zh/en titles and 40
modules; a module whose body holds a wide table, a long code line, a long bare URL, a 2000 px wide picture and a list
nested 8 deep; a 30-column CSV dataset; a lecture with 6 caption languages; a bank with long matching and ordering
items; a requirement with a 300-character statement; an empty course. Pages are checked for sideways scroll at
widths between 320 and 1024 px (and landscape 667×375), with 200 % text, in dark mode, and without script.
"""
import pathlib
import shutil
import struct
import subprocess
import zlib

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from conftest import ROOT, coursemap_binary
from test_layout import OVERFLOW, page_types, reset_viewport, set_viewport

LONG_ZH = "跨境电商数据化运营与店铺精细化管理实训" * 5
LONG_EN = "Crossborderecommercedataoperationsandstoremanagement" * 3
LONG_URL = "https://example.edu.cn/" + "very-long-path-segment-without-breaks" * 6 + "?q=" + "x" * 80
LONG_CODE = "SELECT " + ", ".join(f"column_number_{i}" for i in range(40)) + " FROM inquiries;"
COURSE = "red-long-course"
WIDTHS = (320, 360, 375, 390, 414, 600, 768, 820, 1024)


def png(width, height):
    """A plain grey PNG of the given size."""
    raw = b"".join(b"\x00" + b"\x88" * (width * 3) for _ in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def module_text(order, title_zh, title_en, body):
    return (f"---\ntitle:\n  zh: {title_zh}\n  en: {title_en}\norder: {order}\nhours: 2\n"
            f"summary:\n  zh: {title_zh}\n  en: {title_en}\n"
            f"competencies:\n  b2b-data:中级:1.1.1: I\n---\n\n{body}\n")


def hostile_body():
    header = "| " + " | ".join(f"指标名称{i}" for i in range(14)) + " |\n"
    rule = "|" + "---|" * 14 + "\n"
    row = "| " + " | ".join(f"{i * 1234567.89:.2f}" for i in range(14)) + " |\n"
    nested = "".join("  " * depth + f"- 第{depth + 1}层列表项 {LONG_EN[:30]}\n" for depth in range(8))
    return (f"## {LONG_ZH}\n\n正文第一段。\n\n## 宽表\n\n{header}{rule}{row}{row}\n\n## 代码\n\n```sql\n{LONG_CODE}\n```\n\n"
            f"## 链接\n\n参考 {LONG_URL} 以及 [{LONG_EN}]({LONG_URL})。\n\n`{LONG_EN}`\n\n"
            f"## 图片\n\n![宽图](../../assets/img/wide.png)\n\n## 嵌套列表\n\n{nested}\n> {LONG_ZH}\n")


def build_content(content):
    shutil.copytree(ROOT / "Content", content)
    (content / "theme/assets/img").mkdir(parents=True)
    (content / "theme/assets/img/wide.png").write_bytes(png(2000, 120))
    course = content / "courses" / COURSE
    course.mkdir()
    (course / "course.md").write_text(
        f"---\ncode: \"9999999999999999999999\"\ntitle:\n  zh: {LONG_ZH}\n  en: {LONG_EN}\ncredits: 4\nhours:\n"
        f"  theory: 32\n  practice: 32\nsemester: 3\ntype: 专业拓展课\ncertificates:\n  b2b-data:中级: 嵌入\n---\n\n"
        f"{LONG_ZH}\n\n{LONG_URL}\n", encoding="utf-8")
    (course / "01-hostile.md").write_text(module_text(1, LONG_ZH, LONG_EN, hostile_body()), encoding="utf-8")
    for order in range(2, 41):
        (course / f"{order:02d}-module.md").write_text(
            module_text(order, f"{LONG_ZH[:20]}{order}", f"{LONG_EN[:40]}{order}", f"## 内容 {order}\n\n正文。\n"),
            encoding="utf-8")
    empty = content / "courses" / "red-empty-course"
    empty.mkdir()
    (empty / "course.md").write_text(
        "---\ncode: \"0000001\"\ntitle:\n  zh: 空课程\n  en: Empty course\ncredits: 1\nhours:\n  theory: 8\n"
        "  practice: 8\nsemester: 1\ntype: 专业拓展课\n---\n\n没有模块。\n", encoding="utf-8")
    # A 30-column CSV dataset.
    columns = [f"long_column_name_number_{i}" for i in range(30)]
    rows = [",".join(columns)] + [",".join(f"value{r}_{c}_{LONG_EN[:12]}" for c in range(30)) for r in range(12)]
    (content / "datasets/wide_30_columns.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (content / "datasets/wide_30_columns.csv.yml").write_text(
        f"title:\n  zh: {LONG_ZH}\n  en: {LONG_EN}\nkind: dataset\ndescription:\n  zh: {LONG_ZH}\n  en: {LONG_EN}\n"
        f"license: CC BY 4.0\ncourse: {COURSE}\nmodules: [01-hostile]\n", encoding="utf-8")
    # A lecture with 6 caption languages.
    media = content / "lectures/media"
    captions = ""
    for language in ("zh-CN", "en", "fr", "de", "ja", "es"):
        (media / f"red-six.{language}.vtt").write_text(
            f"WEBVTT\n\n00:00.000 --> 00:05.000\n{LONG_EN} {language}\n", encoding="utf-8")
        captions += f"  {language}: lectures/media/red-six.{language}.vtt\n"
    (content / "lectures/red-six-captions.md").write_text(
        f"---\ntitle:\n  zh: \"{LONG_ZH}\"\n  en: \"{LONG_EN}\"\nsummary:\n  zh: \"{LONG_ZH}\"\n  en: \"{LONG_EN}\"\n"
        f"duration: \"3:47\"\nvideo: lectures/media/l01-store-profile.webm\ncaptions:\n{captions}"
        f"course: {COURSE}\nmodules: [01-hostile]\n---\n[00:00] {LONG_ZH}\n\n[00:05] {LONG_URL}\n", encoding="utf-8")
    # A bank with long matching and ordering items.
    long_side = "请把下列岗位与最合适的权限范围相匹配" * 4 + LONG_EN
    pairs = "".join(f"<pair><left>{LONG_EN[:60]}{i}</left><right>{long_side}{i}</right></pair>" for i in range(4))
    steps = "".join(f"<step>{long_side}{i}</step>" for i in range(5))
    (content / "exercises/red-long-bank.xml").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?>\n<bank xmlns="urn:coursemap:exercises:1" id="red-long-bank" course="{COURSE}">'
        f"<title><zh>{LONG_ZH}</zh><en>{LONG_EN}</en></title><section><title><zh>{LONG_ZH}</zh><en>{LONG_EN}</en></title>"
        f'<matching id="red-1" usage="practice" difficulty="medium" score="4"><assesses ref="b2b-data:中级:1.1.1"/>'
        f"<stem>{long_side}</stem>{pairs}<explanation>{LONG_URL}</explanation></matching>"
        f'<ordering id="red-2" usage="practice" difficulty="medium" score="3"><assesses ref="b2b-data:中级:1.1.1"/>'
        f"<stem>{long_side}</stem>{steps}<explanation>{LONG_ZH}</explanation></ordering>"
        f'<single id="red-3" usage="practice" difficulty="easy" score="1"><assesses ref="b2b-data:中级:1.1.1"/>'
        f'<stem>{LONG_URL}</stem><choice correct="true">{long_side}</choice><choice>{LONG_URL}</choice>'
        f"<explanation>{LONG_URL}</explanation></single>"
        f'<multiple id="red-4" usage="exam" difficulty="easy" score="2"><assesses ref="b2b-data:中级:1.1.1"/>'
        f'<stem>{long_side}</stem><choice correct="true">{long_side}</choice><choice correct="true">{LONG_EN}</choice>'
        f"<choice>{LONG_URL}</choice><explanation>{LONG_URL}</explanation></multiple>"
        f'<fill id="red-5" usage="practice" difficulty="easy" score="2"><assesses ref="b2b-data:中级:1.1.1"/>'
        f"<stem>{long_side}<blank/>{LONG_EN}<blank/></stem><blank-answer><accept>{LONG_EN}</accept></blank-answer>"
        f"<blank-answer><accept>2.5</accept></blank-answer><explanation>{LONG_ZH}</explanation></fill>"
        f'<matching id="red-6" usage="exam" difficulty="medium" score="4"><assesses ref="b2b-data:中级:1.1.1"/>'
        f"<stem>{long_side}</stem>{pairs}<explanation>{LONG_URL}</explanation></matching>"
        f"</section></bank>\n", encoding="utf-8")
    # A requirement with a 300-character statement.
    framework = content / "frameworks/b2b-data.xml"
    text = framework.read_text(encoding="utf-8")
    statement = ("能" + "根据企业资质与经营品类完成平台店铺的认证信息公司介绍与主营类目设置" * 10)[:300]
    marker = '<requirement code="1.1.1">\n          <zh>'
    assert marker in text
    start = text.index(marker) + len(marker)
    text = text[:start] + statement + text[text.index("</zh>", start):]
    framework.write_text(text, encoding="utf-8")


@pytest.fixture(scope="session")
def hostile_content(tmp_path_factory):
    folder = tmp_path_factory.mktemp("red-hostile")
    build_content(folder / "Content")
    return folder


def build(folder, output, *options):
    result = subprocess.run([str(coursemap_binary()), "build", "--content", str(folder / "Content"),
                             "--output", str(folder / output), "--no-search", *options], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    return folder / output


@pytest.fixture(scope="session")
def hostile_site(hostile_content):
    return build(hostile_content, "Site")


@pytest.fixture(scope="session")
def hostile_teacher_site(hostile_content):
    return build(hostile_content, "Teacher", "--edition", "teacher")


def hostile_pages(site):
    pages = ["index.html", "courses/index.html", f"courses/{COURSE}/index.html", f"courses/{COURSE}/01-hostile.html",
             f"courses/{COURSE}/40-module.html", "courses/red-empty-course/index.html", "lectures/red-six-captions.html",
             "banks/red-long-bank/index.html", "resources/index.html", "frameworks/b2b-data/intermediate/1.1.1.html",
             "search.html"]
    pages += [p.relative_to(site).as_posix() for p in sorted((site / "banks/red-long-bank").glob("red-*.html"))]
    pages += [p.relative_to(site).as_posix() for p in sorted(site.glob("*/wide_30_columns*.html"))]
    found = [p for p in pages if (site / p).is_file()]
    assert len(found) == len(pages), sorted(set(pages) - set(found))
    return found + ["en/" + p for p in found]


def overflow(browser, site, pages):
    wide = []
    for path in pages:
        browser.get((site / path).as_uri())
        box = browser.execute_script(OVERFLOW)
        if box["scroll"] > box["inner"]:
            wide.append(f"{path}: {box['scroll']} > {box['inner']} {box['wide']}")
    return wide


@pytest.mark.parametrize("width", WIDTHS)
def test_hostile_content_never_scrolls_sideways(browser, hostile_site, width):
    set_viewport(browser, width, 700)
    try:
        wide = overflow(browser, hostile_site, hostile_pages(hostile_site))
    finally:
        reset_viewport(browser)
    assert wide == [], "\n".join(wide)


def test_hostile_answers_page_never_scrolls_sideways(browser, hostile_teacher_site):
    """The teacher edition's answer page shows every long item with its key, at phone widths."""
    pages = ["banks/red-long-bank/answers.html", "en/banks/red-long-bank/answers.html", "banks/red-long-bank/red-4.html"]
    wide = []
    try:
        for width in (320, 375):
            set_viewport(browser, width, 700)
            wide += [f"{width}px {w}" for w in overflow(browser, hostile_teacher_site, pages)]
    finally:
        reset_viewport(browser)
    assert wide == [], "\n".join(wide)


@pytest.fixture
def large_text(browser):
    """Chromium's text size setting at 200 % (what a phone's accessibility "font size" does): 32 px default text."""
    browser.execute_cdp_cmd("Page.enable", {})
    browser.execute_cdp_cmd("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})
    yield browser
    browser.execute_cdp_cmd("Page.setFontSizes", {"fontSizes": {"standard": 16, "fixed": 13}})
    reset_viewport(browser)


def test_text_at_200_percent_never_scrolls_sideways(large_text, hostile_site):
    """Every page type of the shipped example and the hostile pages, both languages, with 200 % text on a 375 px
    phone and in landscape (667 px). The 404 page is left out: it links its style sheet from the base URL's path, for
    a server to show at any depth, so opened from disk (as here) it is unstyled."""
    types = page_types(hostile_site, teacher=False)
    pages = [p for name, p in types.items() if name != "404"]
    pages = pages + ["en/" + p for p in pages] + hostile_pages(hostile_site)
    wide = []
    for width, height in ((375, 667), (667, 375)):
        set_viewport(large_text, width, height)
        wide += [f"{width}px {w}" for w in overflow(large_text, hostile_site, pages)]
    assert wide == [], "\n".join(wide)


FOCUS_STATE = """const e = document.activeElement;
if (e === document.body) return null;
const r = e.getBoundingClientRect();
const x = Math.min(Math.max(r.left + Math.min(r.width / 2, 20), 0), innerWidth - 1);
const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
const top = document.elementFromPoint(x, y);
return {what: e.outerHTML.slice(0, 80), shown: e.checkVisibility({visibilityProperty: true}) && r.width > 0,
        covered: !!top && !e.contains(top) && !top.contains(e) && !!top.closest('.site-header'),
        open: document.querySelector('.menu-button').getAttribute('aria-expanded') === 'true'};"""


@pytest.mark.parametrize("page", ["courses/red-long-course/01-hostile.html", "en/banks/red-long-bank/index.html",
                                  "lectures/red-six-captions.html"])
def test_focus_never_hides_under_the_open_drawer(browser, hostile_site, page):
    """On a phone, with the menu open, Tab goes through the drawer and then on into the page: the drawer closes as the
    focus leaves the header, so no focused link or control is hidden under it. A click on the page closes it too."""
    set_viewport(browser, 375, 667)
    try:
        browser.get((hostile_site / page).as_uri())
        browser.find_element("css selector", ".menu-button").click()
        hidden, left_header = [], False
        for _ in range(16):
            ActionChains(browser).send_keys(Keys.TAB).perform()
            state = browser.execute_script(FOCUS_STATE)
            if state is None:
                break
            inside = browser.execute_script("return !!document.activeElement.closest('.site-header')")
            left_header = left_header or not inside
            if not inside and (state["covered"] or state["open"] or not state["shown"]):
                hidden.append(state)
        assert left_header, "Tab never left the drawer"
        assert hidden == [], hidden
        browser.find_element("css selector", ".menu-button").click()
        assert browser.execute_script(FOCUS_STATE.replace("document.activeElement", "document.querySelector('.menu-button')"))["open"]
        browser.execute_script("document.querySelector('main').click()")
        assert not browser.execute_script("return document.querySelector('.menu-button').getAttribute('aria-expanded') === 'true'")
    finally:
        reset_viewport(browser)


def test_printed_pages_fit_the_paper_and_leave_the_menu_out(browser, hostile_site):
    """Printed (print media, a 700 px wide A4 text area), no page runs off the paper: wide tables break their
    long words instead, and the menu button is not printed."""
    pages = ["courses/index.html", f"courses/{COURSE}/01-hostile.html", "en/courses/index.html",
             f"en/courses/{COURSE}/01-hostile.html", "banks/red-long-bank/index.html", "resources/index.html"]
    problems = []
    try:
        set_viewport(browser, 700, 1000)
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        for path in pages:
            browser.get((hostile_site / path).as_uri())
            box = browser.execute_script(OVERFLOW)
            if box["scroll"] > box["inner"]:
                problems.append(f"{path}: {box['scroll']} > {box['inner']} {box['wide']}")
            if browser.execute_script("return getComputedStyle(document.querySelector('.menu-button')).display") != "none":
                problems.append(f"{path}: the menu button is printed")
    finally:
        reset_viewport(browser)
    assert problems == [], "\n".join(problems)
