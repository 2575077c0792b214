"""The search page as students use it, against the shipped example built with its Pagefind index: queries a
student would type (course, module and lecture titles, dataset and bank names, a requirement's words, partial
words) with the page each must find near the top, the result count and "more results", the kind, course and
trail of each result, filters kept in the address, no sideways scrolling on a phone, and the message from disk."""
import re
import urllib.parse
import xml.etree.ElementTree as ET

import pytest
import yaml
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import ROOT


def search(browser, base, query, kind=None, course=None, english=False):
    params = {"q": query}
    if kind:
        params["kind"] = kind
    if course:
        params["course"] = course
    prefix = "en/" if english else ""
    browser.get(f"{base}/{prefix}search.html?{urllib.parse.urlencode(params)}")
    WebDriverWait(browser, 15).until(lambda d: d.find_element(By.CSS_SELECTOR, ".search-status").text != "")
    return [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".search-results li a")]


def status_number(browser):
    return int(re.search(r"\d+", browser.find_element(By.CSS_SELECTOR, ".search-status").text).group())


def pagefind_total(browser, query, filters=None):
    """The number of results Pagefind itself reports for `query` on the open search page."""
    return browser.execute_async_script(
        """
        const [query, filters, done] = arguments;
        const href = document.querySelector("form.search-page").getAttribute("data-pagefind");
        import(new URL(href, location.href).href)
          .then((pagefind) => pagefind.search(query, { filters }))
          .then((response) => done(response.results.length), (error) => done(String(error)));
        """, query, filters or {})


# (query, the page it must find, the highest rank it may have). A page whose title is exactly the query
# must come first; a page titled with the query must be in the top 3. Where another page is titled with the
# query too (a bank named after its course, slides named after their module), the top 3 is the expectation.
CHINESE_QUERIES = [
    ("数据分析", "courses/cbec-data-analysis/", 3),  # the course, not the requirements that mention data analysis
    ("跨境电商店铺运营", "courses/cbec-store-ops/", 3),  # the bank "跨境电商店铺运营 课后习题" is titled with it too
    ("B2B商机与交易管理", "courses/b2b-trade-mgmt/", 3),  # likewise its bank
    ("外贸直通车推广计划与优化", "courses/cbec-store-ops/05-p4p-campaigns.html", 1),
    ("出口报价核算与信用保障订单", "courses/b2b-trade-mgmt/03-quotation-trade-assurance.html", 3),  # and its slides
    ("关键词价值", "lectures/l21-keyword-value.html", 3),
    ("询盘分级", "lectures/l24-inquiry-grading.html", 3),
    ("英文标题", "courses/cbec-store-ops/02-product-listing.html", 3),
    ("橱窗", "courses/cbec-store-ops/04-showcase-campaigns.html", 3),
    ("数据清洗", "lectures/l16-data-cleaning.html", 3),
    ("转化漏斗", "lectures/l28-inquiry-funnel.html", 3),
    ("物流方案", "lectures/l32-logistics-choice.html", 3),
    ("信用保障订单", "lectures/l31-ta-order.html", 3),
    ("子账号", "lectures/l03-sub-accounts.html", 1),  # the browser splits it 子|账|号; the index has 子账号
    ("中位数", "lectures/l20-product-tiers.html", 3),  # a partial title, also split into characters
    ("运营周报", "lectures/l22-weekly-report.html", 3),
    ("店铺流量日报", "resources/store_traffic_daily.html", 1),  # a dataset
    ("货代报价", "resources/shipping_quotes.html", 1),  # a dataset, by the start of its title
    ("询盘记录", "resources/inquiry_log.html", 1),
    ("报价核算参数", "resources/quote_cost_inputs.html", 1),
    ("贸易术语题库", "banks/moodle-incoterms/", 1),  # a bank
    ("模拟理论考试", "banks/certificate-mock-exam/", 3),
    ("数据素养", "banks/qti-data-literacy/", 3),
    ("买家类型", "frameworks/b2b-data/intermediate/4.1.1.html", 3),  # a word of a requirement's statement
    ("海外仓", "frameworks/cbec-outcomes/K5.html", 3),
    ("直通车", "resources/p4p_by_hour.html", 3),  # a partial word: pages titled 直通车… lead
    ("课程考核方案", "resources/cbec-store-ops-assessment-plan.html", 1),
    ("产品分层", "courses/cbec-data-analysis/03-product-keyword-analysis.html", 3),
    ("CIF报价", "lectures/l29-export-pricing.html", 3),
    ("RFQ", "lectures/l26-rfq-quote.html", 3),
    ("首页装修", "courses/cbec-store-ops/01-store-setup.html", 3),
]

ENGLISH_QUERIES = [
    ("data analysis", "courses/cbec-data-analysis/", 3),
    ("store operations", "courses/cbec-store-ops/", 3),
    ("grading inquiries", "lectures/l24-inquiry-grading.html", 3),
    ("P4P campaign", "lectures/l12-p4p-plan.html", 3),
    ("keyword library", "lectures/l07-keyword-library.html", 3),
    ("cleaning data", "lectures/l16-data-cleaning.html", 3),  # the title says "cleaning data in a spreadsheet"
    ("Incoterms", "banks/moodle-incoterms/", 3),
    ("Trade Assurance", "lectures/l31-ta-order.html", 3),
    ("weekly report", "lectures/l22-weekly-report.html", 3),
    ("daily store traffic", "resources/store_traffic_daily.html", 1),
    ("showcase", "lectures/l09-showcase-rotation.html", 3),
    ("logistics", "lectures/l32-logistics-choice.html", 3),
    ("mock exam", "banks/certificate-mock-exam/", 3),
    ("English product titles", "lectures/l04-title-formula.html", 3),
    ("sub-accounts", "lectures/l03-sub-accounts.html", 1),
]


@pytest.mark.parametrize("query,page,rank", CHINESE_QUERIES, ids=[q for q, _, _ in CHINESE_QUERIES])
def test_a_chinese_query_finds_its_page_near_the_top(browser, http_shipped, query, page, rank):
    results = search(browser, http_shipped, query)
    top = [urllib.parse.urlparse(url).path for url in results[:rank]]
    assert f"/{page}" in top, (query, top)


@pytest.mark.parametrize("query,page,rank", ENGLISH_QUERIES, ids=[q for q, _, _ in ENGLISH_QUERIES])
def test_an_english_query_finds_its_english_page_near_the_top(browser, http_shipped, query, page, rank):
    results = search(browser, http_shipped, query, english=True)
    assert results and all("/en/" in url for url in results), results
    top = [urllib.parse.urlparse(url).path for url in results[:rank]]
    assert f"/en/{page}" in top, (query, top)


def test_a_chinese_query_finds_the_module(browser, http_shipped):
    results = search(browser, http_shipped, "关键词价值")
    assert any(url.endswith("/courses/cbec-data-analysis/03-product-keyword-analysis.html") for url in results), results


def test_every_shipped_module_is_found_by_a_word_of_its_title(browser, http_shipped):
    """A person finds any module by a Chinese word in two clicks: type it in the header box, open the result."""
    missing = []
    modules = sorted((ROOT / "Content" / "courses").glob("*/[0-9]*"))
    assert len(modules) >= 10, "the glob matched no shipped modules"
    for module in modules:
        if module.suffix == ".md":
            text = module.read_text(encoding="utf-8")
            title = yaml.safe_load(text[4:text.index("\n---", 4)])["title"]["zh"]
        else:
            root = ET.parse(module).getroot()
            title = root.find("{urn:coursemap:module:1}title/{urn:coursemap:module:1}zh").text.strip()
        word = re.split(r"[与和及、：（）()\s]", title)[0][:6]
        page = f"/courses/{module.parent.name}/{module.stem}.html"
        if not any(url.endswith(page) for url in search(browser, http_shipped, word)[:10]):
            missing.append((word, page))
    assert missing == []


def test_search_filters_by_kind(browser, http_shipped):
    results = search(browser, http_shipped, "外贸直通车", kind="微课")
    assert results and all("/lectures/" in url for url in results), results


def test_the_header_search_box_leads_to_results(browser, http_shipped):
    browser.get(f"{http_shipped}/index.html")
    box = browser.find_element(By.ID, "cm-search-input")
    box.send_keys("询盘")
    box.submit()
    WebDriverWait(browser, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".search-results a"))
    assert "search.html?q=" in browser.current_url


@pytest.mark.parametrize("query,english", [("数据分析", False), ("询盘", False), ("inquiry", True)])
def test_the_count_is_pagefinds_total_and_more_results_appends_the_next_twenty(browser, http_shipped, query, english):
    first = search(browser, http_shipped, query, english=english)
    total = pagefind_total(browser, query)
    assert total > 20, f"{query} should have more than one page of results"
    assert status_number(browser) == total
    status = browser.find_element(By.CSS_SELECTOR, ".search-status").text
    assert ("results" in status) if english else ("条结果" in status)
    assert len(first) == 20
    more = browser.find_element(By.CSS_SELECTOR, "button.search-more")
    assert more.is_displayed()
    more.send_keys(Keys.ENTER)  # a keyboard user presses it
    WebDriverWait(browser, 15).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".search-results > li")) > 20)
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".search-results li a")]
    assert links[:20] == first, "the first twenty stay in place"
    assert len(links) == min(40, total) and len(set(links)) == len(links)
    # Focus moves to the first new result, so a keyboard user continues reading there.
    assert browser.switch_to.active_element.get_attribute("href") == links[20]
    assert status_number(browser) == total
    while more.is_displayed():
        more.click()
        count = len(links)
        WebDriverWait(browser, 15).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".search-results > li")) > count)
        links = browser.find_elements(By.CSS_SELECTOR, ".search-results li a")
    assert len(links) == total


def test_one_result_is_singular_in_english(browser, http_shipped):
    browser.get(f"{http_shipped}/en/search.html")
    lecture = Select(browser.find_element(By.NAME, "kind")).options[3].get_attribute("value")  # courses, modules, lectures…
    search(browser, http_shipped, "median", kind=lecture, english=True)
    assert pagefind_total(browser, "median", {"kind": lecture}) == 1
    assert browser.find_element(By.CSS_SELECTOR, ".search-status").text == "1 result"


def test_each_result_names_its_kind_course_and_place(browser, http_shipped):
    search(browser, http_shipped, "外贸直通车")
    kinds = {option.text for option in Select(browser.find_element(By.NAME, "kind")).options}
    courses = {option.text for option in Select(browser.find_element(By.NAME, "course")).options}
    items = browser.find_elements(By.CSS_SELECTOR, ".search-results > li")
    assert items
    for item in items:
        kind = item.find_element(By.CSS_SELECTOR, ".search-kind").text
        assert kind in kinds or kind in ("首页", "标准与培养规格"), kind
    lecture = next(item for item in items if "/lectures/" in item.find_element(By.TAG_NAME, "a").get_attribute("href"))
    assert lecture.find_element(By.CSS_SELECTOR, ".search-kind").text == "微课"
    assert lecture.find_element(By.CSS_SELECTOR, ".search-course").text in courses
    module = next(item for item in items if "/courses/cbec-store-ops/05" in item.find_element(By.TAG_NAME, "a").get_attribute("href"))
    assert module.find_element(By.CSS_SELECTOR, ".search-kind").text == "模块"
    # The trail is the page's breadcrumb between the home page and the page itself.
    assert module.find_element(By.CSS_SELECTOR, ".search-trail").text == "课程 › 跨境电商店铺运营"
    assert module.find_element(By.TAG_NAME, "a").text == "外贸直通车推广计划与优化", "the title is the page's, not the h1 with its English subtitle"
    # The excerpt marks the matches and holds no markup from the page.
    excerpt = module.find_element(By.CSS_SELECTOR, ".search-excerpt")
    assert excerpt.find_elements(By.TAG_NAME, "mark")
    assert {e.tag_name for e in excerpt.find_elements(By.CSS_SELECTOR, "*")} <= {"mark"}


def test_filters_are_kept_in_the_address_and_restored_by_back_forward_and_reload(browser, http_shipped):
    results = search(browser, http_shipped, "询盘", kind="微课")
    lectures = status_number(browser)
    assert Select(browser.find_element(By.NAME, "kind")).first_selected_option.text == "微课"
    assert results and all("/lectures/" in url for url in results)
    course = Select(browser.find_element(By.NAME, "course"))
    course.select_by_visible_text("B2B商机与交易管理")
    WebDriverWait(browser, 15).until(lambda d: "course=" in d.current_url)
    params = urllib.parse.parse_qs(urllib.parse.urlparse(browser.current_url).query)
    assert params == {"q": ["询盘"], "kind": ["微课"], "course": ["B2B商机与交易管理"]}
    WebDriverWait(browser, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".search-results li .search-course"))
    courses = {e.text for e in browser.find_elements(By.CSS_SELECTOR, ".search-results li .search-course")}
    assert courses == {"B2B商机与交易管理"}
    narrowed = status_number(browser)
    assert narrowed < lectures
    browser.back()
    WebDriverWait(browser, 15).until(lambda d: Select(d.find_element(By.NAME, "course")).first_selected_option.get_attribute("value") == "")
    WebDriverWait(browser, 15).until(lambda d: re.search(r"\d+", d.find_element(By.CSS_SELECTOR, ".search-status").text) and status_number(d) == lectures)
    assert Select(browser.find_element(By.NAME, "kind")).first_selected_option.text == "微课"
    browser.forward()
    WebDriverWait(browser, 15).until(lambda d: Select(d.find_element(By.NAME, "course")).first_selected_option.text == "B2B商机与交易管理")
    browser.refresh()
    WebDriverWait(browser, 15).until(lambda d: re.search(r"\d+", d.find_element(By.CSS_SELECTOR, ".search-status").text))
    assert Select(browser.find_element(By.NAME, "course")).first_selected_option.text == "B2B商机与交易管理"
    assert browser.find_element(By.CSS_SELECTOR, "form.search-page [name=q]").get_attribute("value") == "询盘"
    assert status_number(browser) == narrowed


def test_the_filter_fields_have_labels(browser, http_shipped):
    browser.get(f"{http_shipped}/search.html")
    for name in ("q", "kind", "course"):
        field = browser.find_element(By.CSS_SELECTOR, f"form.search-page [name={name}]")
        label = browser.find_element(By.CSS_SELECTOR, f"label[for='{field.get_attribute('id')}']")
        assert label.text.strip()


@pytest.mark.parametrize("width", [320, 375])
@pytest.mark.parametrize("query,english", [("inquiry", True), ("询盘", False), ("x" * 300, True), ("数据分析" * 60, False)])
def test_the_search_page_never_scrolls_sideways_on_a_phone(browser, http_shipped, screenshot_dir, width, query, english):
    browser.set_window_size(width, 800)
    try:
        search(browser, http_shipped, query, english=english)
        overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{query[:20]} scrolls sideways by {overflow}px at {width}px"
        if query in ("inquiry", "询盘"):
            assert browser.save_screenshot(str(screenshot_dir / f"search-{'en' if english else 'zh'}-{width}.png"))
    finally:
        browser.set_window_size(1280, 1000)


def test_the_search_page_marks_the_search_and_not_the_home_page(browser, http_shipped):
    browser.get(f"{http_shipped}/search.html")
    assert browser.find_elements(By.CSS_SELECTOR, ".site-nav [aria-current]") == []
    assert "is-current" in browser.find_element(By.CSS_SELECTOR, "form.site-search").get_attribute("class")
    assert browser.find_element(By.CSS_SELECTOR, ".breadcrumbs [aria-current=page]").text == "搜索"


def test_from_disk_the_page_says_how_to_serve_the_portal(browser, shipped_site):
    browser.get((shipped_site / "search.html").as_uri() + "?q=询盘")
    WebDriverWait(browser, 15).until(lambda d: d.find_element(By.CSS_SELECTOR, ".search-status").text != "")
    text = browser.find_element(By.CSS_SELECTOR, ".search-status").text
    assert "python3 -m http.server" in text and "search.html" in text
    browser.get((shipped_site / "en" / "search.html").as_uri() + "?q=inquiry")
    WebDriverWait(browser, 15).until(lambda d: d.find_element(By.CSS_SELECTOR, ".search-status").text != "")
    assert "python3 -m http.server" in browser.find_element(By.CSS_SELECTOR, ".search-status").text


def test_no_serious_accessibility_violations_on_the_search_results(browser, http_shipped):
    from axe_selenium_python import Axe

    for width in (375, 1280):
        browser.set_window_size(width, 1000)
        try:
            search(browser, http_shipped, "询盘")
            axe = Axe(browser)
            axe.inject()
            results = axe.run()
            serious = [(v["id"], v["impact"], len(v["nodes"])) for v in results["violations"] if v["impact"] in ("serious", "critical")]
            assert serious == [], width
        finally:
            browser.set_window_size(1280, 1000)
