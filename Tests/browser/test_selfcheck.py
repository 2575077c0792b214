"""The self-check of practice items, in a real browser, with the portal opened from file://."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def open_item(browser, site, item):
    browser.get_log("browser")  # start with this page's messages only
    browser.get((site / "banks" / "basics" / f"{item}.html").as_uri())
    # Answers are kept per bank in localStorage: every test starts from none.
    browser.execute_script("window.localStorage.clear()")
    browser.refresh()
    return browser.find_element(By.ID, f"item-{item}")


def check(article):
    article.find_element(By.CSS_SELECTOR, ".selfcheck button").click()
    return article.find_element(By.CSS_SELECTOR, ".selfcheck-result").text


def severe_errors(browser):
    return [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]


def test_single_choice_marks_right_and_wrong(browser, site):
    article = open_item(browser, site, "s1")
    assert article.find_element(By.CSS_SELECTOR, ".selfcheck").is_displayed()
    assert check(article) == "请先作答。"
    article.find_element(By.CSS_SELECTOR, "input[value='A']").click()
    assert check(article) == "回答有误，请再想想。"
    assert "is-wrong" in article.get_attribute("class")
    article.find_element(By.CSS_SELECTOR, "input[value='B']").click()
    assert check(article) == "回答正确。"
    assert "is-right" in article.get_attribute("class")
    assert article.find_element(By.CSS_SELECTOR, "details.answer").get_attribute("open") is not None
    assert severe_errors(browser) == []


def test_multiple_choice_needs_every_correct_choice(browser, site):
    article = open_item(browser, site, "m1")
    article.find_element(By.CSS_SELECTOR, "input[value='A']").click()
    # One of the two correct choices: partly right, half the score.
    assert check(article) == "部分正确。"
    assert "is-partial" in article.get_attribute("class")
    article.find_element(By.CSS_SELECTOR, "input[value='B']").click()
    assert check(article) == "回答正确。"


def test_fill_in_accepts_the_answer_with_spaces_around(browser, site):
    article = open_item(browser, site, "f2")
    field = article.find_element(By.CSS_SELECTOR, "input[data-blank='1']")
    field.send_keys("离岸价")
    assert check(article) == "回答有误，请再想想。"
    field.clear()
    field.send_keys("  船上交货 ")
    assert check(article) == "回答正确。"


def test_exam_items_have_no_self_check(browser, site):
    article = open_item(browser, site, "e1")
    assert article.get_attribute("data-answer") is None
    assert article.find_elements(By.CSS_SELECTOR, ".selfcheck") == []
    assert article.find_elements(By.CSS_SELECTOR, "details.answer") == []


def test_embedded_item_in_a_module_works(browser, site):
    browser.get((site / "courses" / "intro" / "01-basics.html").as_uri())
    article = browser.find_element(By.ID, "item-s1")
    article.find_element(By.CSS_SELECTOR, "input[value='B']").click()
    assert check(article) == "回答正确。"
    # The embedded exam item shows its stem and no answer.
    exam = browser.find_element(By.ID, "item-e1")
    assert "询盘转化率" in exam.text
    assert exam.find_elements(By.CSS_SELECTOR, ".selfcheck") == []


def test_without_javascript_the_answer_is_still_reachable(browser, site):
    browser.get((site / "banks" / "basics" / "s1.html").as_uri())
    browser.execute_script("window.localStorage.clear()")
    browser.refresh()
    browser.execute_script("document.querySelectorAll('.selfcheck').forEach(e => e.hidden = true)")
    details = browser.find_element(By.CSS_SELECTOR, "#item-s1 details.answer")
    details.find_element(By.TAG_NAME, "summary").click()
    assert "B" in details.find_element(By.CSS_SELECTOR, ".answer-summary").text
