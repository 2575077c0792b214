"""The portal as people use it: the language switch, navigation from file://, the accessibility (axe-core),
and screenshots at desktop and phone widths. Search has its own file, test_search.py."""
import re

import pytest
from selenium.webdriver.common.by import By

KEY_PAGES = {
    "home": "index.html",
    "course": "courses/cbec-store-ops/index.html",
    "module": "courses/cbec-data-analysis/03-product-keyword-analysis.html",
    "lecture": "lectures/l12-p4p-plan.html",
    "bank": "banks/store-ops-basics/index.html",
    "coverage": "coverage/b2b-data/intermediate/index.html",
}


def test_the_language_switch_changes_the_interface(browser, shipped_site):
    browser.get((shipped_site / "courses" / "cbec-store-ops" / "index.html").as_uri())
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-CN"
    assert "课程" in browser.find_element(By.CSS_SELECTOR, ".site-nav").text
    browser.find_element(By.CSS_SELECTOR, "a.language-switch").click()
    assert browser.current_url.endswith("/en/courses/cbec-store-ops/index.html")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    nav = browser.find_element(By.CSS_SELECTOR, ".site-nav").text
    assert "Courses" in nav and "课程" not in nav
    assert "Cross-border E-commerce Store Operations" in browser.find_element(By.TAG_NAME, "h1").text
    browser.find_element(By.CSS_SELECTOR, "a.language-switch").click()
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-CN"


def test_links_work_from_file_urls(browser, shipped_site):
    browser.get((shipped_site / "index.html").as_uri())
    browser.find_element(By.LINK_TEXT, "课程").click()
    browser.find_element(By.PARTIAL_LINK_TEXT, "跨境电子商务数据分析").click()
    browser.find_element(By.PARTIAL_LINK_TEXT, "产品分层与关键词价值分析").click()
    assert browser.current_url.endswith("/courses/cbec-data-analysis/03-product-keyword-analysis.html")
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("产品分层与关键词价值分析")
    stylesheet = browser.execute_script("return getComputedStyle(document.querySelector('.site-header')).backgroundColor")
    assert stylesheet not in ("rgba(0, 0, 0, 0)", "transparent"), "the stylesheet did not load from file://"


@pytest.mark.parametrize("name", list(KEY_PAGES))
def test_no_serious_accessibility_violations(browser, shipped_site, name):
    from axe_selenium_python import Axe

    browser.get((shipped_site / KEY_PAGES[name]).as_uri())
    axe = Axe(browser)
    axe.inject()
    results = axe.run()
    serious = [(v["id"], v["impact"], len(v["nodes"])) for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == []


@pytest.mark.parametrize("width", [1280, 375])
def test_screenshots_of_key_pages(browser, shipped_site, screenshot_dir, width):
    browser.set_window_size(width, 1000)
    try:
        for name, path in KEY_PAGES.items():
            browser.get((shipped_site / path).as_uri())
            target = screenshot_dir / f"{name}-{width}.png"
            assert browser.save_screenshot(str(target))
            assert target.stat().st_size > 5000
            # Nothing is wider than the window (no horizontal scrolling) at phone width.
            if width == 375:
                overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
                assert overflow <= 1, f"{name} scrolls sideways by {overflow}px"
    finally:
        browser.set_window_size(1280, 1000)


def test_css_and_javascript_per_page_stay_under_100_kb(shipped_site):
    """Everything a page loads besides the search data: its stylesheets and scripts."""
    for name, path in KEY_PAGES.items():
        page = shipped_site / path
        html = page.read_text(encoding="utf-8")
        assets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html) + re.findall(r'<script src="([^"]+)"', html)
        assert assets, name
        total = sum((page.parent / href).resolve().stat().st_size for href in assets)
        assert total <= 100 * 1024, f"{name}: {total} bytes of CSS and JS"
    for external in ("https://fonts.", "cdn.", "googleapis"):
        assert external not in (shipped_site / "index.html").read_text(encoding="utf-8")


def test_module_pages_show_the_course_outline(browser, shipped_site):
    browser.get((shipped_site / KEY_PAGES["module"]).as_uri())
    outline = browser.find_elements(By.CSS_SELECTOR, ".course-outline li a")
    assert len(outline) == 4
    current = browser.find_element(By.CSS_SELECTOR, '.course-outline a[aria-current="page"]')
    assert "产品分层与关键词价值分析" in current.text
