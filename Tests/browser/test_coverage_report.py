"""The coverage report on screen, in Chromium, in Chinese and English: at 375 px nothing but the matrix's
scroll region is wider than the window and a hint says it scrolls; the matrix's course headers never
overlap (measured boxes) and name each course in full; work areas keep their full names; outcomes reports
use outcomes wording."""
import pytest
from selenium.webdriver.common.by import By

REPORTS = {
    "b2b-zh": "coverage/b2b-data/intermediate/index.html",
    "b2b-en": "en/coverage/b2b-data/intermediate/index.html",
    "outcomes-zh": "coverage/cbec-outcomes/index.html",
    "outcomes-en": "en/coverage/cbec-outcomes/index.html",
}

BOXES = """
return [...document.querySelectorAll(arguments[0])].map(e => {
  const r = e.getBoundingClientRect();
  return {text: e.textContent.trim(), left: r.left, right: r.right, top: r.top, bottom: r.bottom,
          clipped: e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1};
});
"""


def overlaps(a, b):
    return a["left"] < b["right"] - 0.5 and b["left"] < a["right"] - 0.5 and a["top"] < b["bottom"] - 0.5 and b["top"] < a["bottom"] - 0.5


@pytest.fixture
def sized(browser):
    yield browser
    browser.set_window_size(1280, 1000)


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("name", list(REPORTS))
def test_matrix_headers_never_overlap_and_are_whole(sized, shipped_site, name, width):
    sized.set_window_size(width, 1000)
    sized.get((shipped_site / REPORTS[name]).as_uri())
    headers = sized.execute_script(BOXES, ".matrix-table thead th")
    assert len(headers) >= 4, "a code column, at least two courses and the total"
    for i, a in enumerate(headers):
        assert a["right"] - a["left"] > 20
        for b in headers[i + 1:]:
            assert not overlaps(a, b), f"{a['text']!r} overlaps {b['text']!r} at {width}px"
    names = sized.execute_script(BOXES, ".matrix-table .course-name")
    for box in names:
        assert not box["clipped"], f"course name {box['text']!r} is cut at {width}px"
        assert "…" not in box["text"]
    # Each course's full title is in its header (no 12-character cut as in the old SVG heatmap).
    titles = [e.text for e in sized.find_elements(By.CSS_SELECTOR, ".matrix-table .course-name")]
    if name.endswith("en"):
        assert "Cross-border E-commerce Store Operations" in " ".join(t.replace("\n", " ") for t in titles)
    else:
        assert "跨境电商店铺运营" in "".join(t.replace("\n", "") for t in titles)


@pytest.mark.parametrize("name", list(REPORTS))
def test_at_375px_only_the_matrix_scrolls_and_says_so(sized, shipped_site, name):
    sized.set_window_size(375, 1000)
    sized.get((shipped_site / REPORTS[name]).as_uri())
    overflow = sized.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"
    wrap = sized.find_element(By.CSS_SELECTOR, ".matrix-wrap")
    assert sized.execute_script("return arguments[0].scrollWidth > arguments[0].clientWidth", wrap), "the matrix fits; no scroll to test"
    assert sized.execute_script("return getComputedStyle(arguments[0]).overflowX", wrap) == "auto"
    hint = sized.find_element(By.CSS_SELECTOR, ".scroll-hint")
    assert hint.is_displayed() and hint.text.strip()
    # Every element wider than the window sits inside a scroll region.
    escaping = sized.execute_script("""
        const width = document.documentElement.clientWidth;
        return [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > width + 1
            && !e.closest('.table-wrap')).map(e => e.tagName + '.' + e.className).slice(0, 5);""")
    assert escaping == []


@pytest.mark.parametrize("name", list(REPORTS))
def test_work_areas_keep_their_full_names(sized, shipped_site, name):
    for width in (375, 1280):
        sized.set_window_size(width, 1000)
        sized.get((shipped_site / REPORTS[name]).as_uri())
        labels = sized.execute_script(BOXES, ".area-table .area-name")
        assert len(labels) >= 3
        for box in labels:
            assert not box["clipped"], f"{box['text']!r} is cut at {width}px"
    if name == "b2b-en":
        assert "6 Cross-border e-commerce fulfilment services" in [box["text"] for box in labels]


def test_outcomes_reports_use_outcomes_wording(shipped_site):
    zh = (shipped_site / REPORTS["outcomes-zh"]).read_text(encoding="utf-8")
    for certificate_word in ("职业技能要求", "课证融通矩阵", "素质 素质", "工作领域"):
        assert certificate_word not in zh, certificate_word
    assert "课程–培养规格矩阵" in zh and "培养规格分类" in zh
    en = (shipped_site / REPORTS["outcomes-en"]).read_text(encoding="utf-8")
    for certificate_word in ("Skill requirements", "Certificate–course matrix", "Work area"):
        assert certificate_word not in en, certificate_word
    assert "Course–outcome matrix" in en and "Outcome groups" in en
