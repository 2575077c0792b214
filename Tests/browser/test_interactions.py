"""The QTI interactions beyond choices and blanks (hottext, associate, slider, hotspot, select point, graphic
order / gap match / associate, items of several parts) in a real browser: each practice item answered with
its key is "correct", answered wrongly "incorrect"; graphic items work by mouse (on the picture) and by
keyboard (form controls, arrow keys); exam items carry no key; surveys and uploads have no self-check.

The portal is built from Tests/Fixtures/interactions (QTI 2.1 items in the shapes TAO, Onyx, Inspera and
the IMS examples write)."""
import json
import pathlib
import shutil
import subprocess
import tempfile

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

from conftest import ROOT, coursemap_binary

RIGHT = "回答正确。"
WRONG = "回答有误，请再想想。"
PARTIAL = "部分正确。"
# A wrong answer earns no credit or some: either way, not "correct".
NOT_RIGHT = (WRONG, PARTIAL)


@pytest.fixture(scope="module")
def interactions_site():
    output = pathlib.Path(tempfile.mkdtemp(prefix="coursemap-interactions-")) / "Site"
    subprocess.run([str(coursemap_binary()), "build", "--content", str(ROOT / "Tests/Fixtures/interactions"),
                    "--output", str(output)], check=True, capture_output=True)
    yield output
    shutil.rmtree(output.parent, ignore_errors=True)


def open_item(browser, site, item):
    browser.get_log("browser")
    browser.get((site / "banks" / "interactions" / f"{item}.html").as_uri())
    # Answers are kept per bank across reloads: start each item from a clean slate.
    browser.execute_script("window.localStorage.clear()")
    browser.refresh()
    article = browser.find_element(By.ID, f"item-{item}")
    return article, json.loads(article.get_attribute("data-answer") or "null")


def check(article):
    article.find_element(By.CSS_SELECTOR, ".selfcheck button").click()
    return article.find_element(By.CSS_SELECTOR, ".selfcheck-result").text


def severe_errors(browser):
    """Script errors. (Loading the pictures is the asset publishing's business, tested with it.)"""
    return [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE" and entry.get("source") != "network"]


def area(article, value):
    return article.find_element(By.CSS_SELECTOR, f"svg.graphic g.area[data-value='{value}'] :first-child")


def test_hottext_by_clicking_the_words(browser, interactions_site):
    article, key = open_item(browser, interactions_site, "hottext")
    assert key["type"] == "hottext"
    assert check(article) == "请先作答。"
    for number in key["correct"]:
        article.find_element(By.CSS_SELECTOR, f".stem span.hottext[data-hottext='{number}']").click()
    assert check(article) == RIGHT
    assert "is-selected" in article.find_element(By.CSS_SELECTOR, f".stem span.hottext[data-hottext='{key['correct'][0]}']").get_attribute("class")
    wrong = next(n for n in ["1", "2", "3"] if n not in key["correct"])
    article.find_element(By.CSS_SELECTOR, f"input[data-hottext='{wrong}']").click()
    assert check(article) in NOT_RIGHT
    assert severe_errors(browser) == []


def answer_pairs(article, pairs):
    for row, (a, b) in enumerate(pairs, start=1):
        selects = article.find_elements(By.CSS_SELECTOR, f"select[data-pair='{row}']")
        Select(selects[0]).select_by_value(str(a))
        Select(selects[1]).select_by_value(str(b))


def test_associate_pairs(browser, interactions_site):
    article, key = open_item(browser, interactions_site, "associate")
    assert key["type"] == "pairs"
    # Written the other way round (b, a) and in the other row order: pairs are unordered.
    answer_pairs(article, [(b, a) for a, b in reversed(key["pairs"])])
    assert check(article) == RIGHT
    a, b = key["pairs"][0]
    c, d = key["pairs"][1]
    answer_pairs(article, [(a, c), (b, d)])
    assert check(article) in NOT_RIGHT


def test_slider_by_keyboard(browser, interactions_site):
    article, key = open_item(browser, interactions_site, "slider")
    slider = article.find_element(By.CSS_SELECTOR, "input[type='range']")
    slider.send_keys(Keys.HOME)
    for _ in range(int(key["numbers"][0]["value"] / 5)):
        slider.send_keys(Keys.ARROW_RIGHT)
    assert article.find_element(By.CSS_SELECTOR, "output.slider-value").text == "35"
    assert check(article) == RIGHT
    slider.send_keys(Keys.ARROW_RIGHT)
    assert check(article) in NOT_RIGHT


def test_hotspot_by_mouse_and_by_keyboard(browser, interactions_site):
    article, key = open_item(browser, interactions_site, "hotspot")
    right = key["correct"][0]
    wrong = "1" if right != "1" else "3"
    area(article, wrong).click()
    assert article.find_element(By.CSS_SELECTOR, f"input[data-area='{wrong}']").is_selected()
    assert check(article) in NOT_RIGHT
    area(article, right).click()
    assert "is-selected" in article.find_element(By.CSS_SELECTOR, f"g.area[data-value='{right}']").get_attribute("class")
    assert check(article) == RIGHT
    # By keyboard: the radio buttons of the areas.
    browser.refresh()
    article = browser.find_element(By.ID, "item-hotspot")
    first = article.find_element(By.CSS_SELECTOR, "input[data-area='1']")
    first.send_keys(Keys.SPACE)
    for _ in range(int(right) - 1):
        browser.switch_to.active_element.send_keys(Keys.ARROW_DOWN)
    assert article.find_element(By.CSS_SELECTOR, f"input[data-area='{right}']").is_selected()
    assert check(article) == RIGHT
    assert severe_errors(browser) == []


def test_select_point_by_mouse_and_by_arrow_keys(browser, interactions_site):
    article, key = open_item(browser, interactions_site, "selectpoint")
    assert key["type"] == "point"
    svg = article.find_element(By.CSS_SELECTOR, "svg.graphic")
    # The picture is 200 × 100; the loading dock is the circle around (120, 50). Offsets are from the centre.
    ActionChains(browser).move_to_element_with_offset(svg, -60, -30).click().perform()
    assert check(article) in NOT_RIGHT
    ActionChains(browser).move_to_element_with_offset(svg, 20, 2).click().perform()
    x = float(article.find_element(By.CSS_SELECTOR, "input[data-axis='x']").get_attribute("value"))
    assert 110 <= x <= 130
    assert check(article) == RIGHT
    assert article.find_elements(By.CSS_SELECTOR, "svg.graphic .point-mark")
    # By keyboard: from the middle (100, 50), ten steps of 1 % to the right.
    browser.execute_script("window.localStorage.clear()")
    browser.refresh()
    article = browser.find_element(By.ID, "item-selectpoint")
    svg = article.find_element(By.CSS_SELECTOR, "svg.graphic")
    svg.send_keys(Keys.ARROW_LEFT)
    assert check(article) in NOT_RIGHT
    for _ in range(11):
        svg.send_keys(Keys.ARROW_RIGHT)
    assert article.find_element(By.CSS_SELECTOR, "input[data-axis='x']").get_attribute("value") == "120"
    assert check(article) == RIGHT
    assert severe_errors(browser) == []


def test_graphic_order_by_clicking_in_order(browser, interactions_site):
    article, key = open_item(browser, interactions_site, "graphicorder")
    positions = key["positions"]
    for position in range(1, len(positions) + 1):
        area(article, positions.index(position) + 1).click()
    assert check(article) == RIGHT
    # Clicking the first again takes its position away; the next click gives it the last free one.
    first = positions.index(1) + 1
    area(article, first).click()
    assert check(article) in ("请先作答。",) + NOT_RIGHT
    area(article, first).click()
    assert check(article) == RIGHT
    second = positions.index(2) + 1
    Select(article.find_element(By.CSS_SELECTOR, f"select[data-area='{first}']")).select_by_value("2")
    Select(article.find_element(By.CSS_SELECTOR, f"select[data-area='{second}']")).select_by_value("1")
    assert check(article) in NOT_RIGHT


def test_pictures_redraw_from_their_controls_on_restore(browser, interactions_site):
    """Saving and restoring answers (selfcheck.js) sets the form controls and fires "coursemap:restore":
    the picture then shows what the controls hold."""
    article, key = open_item(browser, interactions_site, "graphicassociate")
    (a, b), _ = key["pairs"]
    browser.execute_script(
        """const [item, a, b] = arguments;
        const [first, second] = item.querySelectorAll("select[data-pair='1']");
        first.value = a; second.value = b;
        item.dispatchEvent(new Event("coursemap:restore"));""", article, str(a), str(b))
    assert len(article.find_elements(By.CSS_SELECTOR, "svg.graphic line.pair-line")) == 1
    article, key = open_item(browser, interactions_site, "selectpoint")
    browser.execute_script(
        """const item = arguments[0];
        item.querySelector("input[data-axis='x']").value = "120";
        item.querySelector("input[data-axis='y']").value = "50";
        item.dispatchEvent(new Event("coursemap:restore"));""", article)
    mark = article.find_element(By.CSS_SELECTOR, "svg.graphic circle.point-mark")
    assert (mark.get_attribute("cx"), mark.get_attribute("cy")) == ("120", "50")
    assert check(article) == RIGHT


def test_graphic_gap_match_by_mouse_and_selects(browser, interactions_site):
    article, key = open_item(browser, interactions_site, "graphicgapmatch")
    for index, gap in enumerate(key["positions"], start=1):
        if gap:
            article.find_element(By.CSS_SELECTOR, f".gap-options li[value='{gap}']").click()
            area(article, index).click()
    assert check(article) == RIGHT
    # Any placement on the hotspot that takes no gap is wrong.
    empty = key["positions"].index(0) + 1
    Select(article.find_element(By.CSS_SELECTOR, f"select[data-area='{empty}']")).select_by_value("1")
    assert check(article) in NOT_RIGHT


def test_graphic_associate_by_clicking_pairs(browser, interactions_site):
    article, key = open_item(browser, interactions_site, "graphicassociate")
    for a, b in key["pairs"]:
        area(article, a).click()
        area(article, b).click()
    assert check(article) == RIGHT
    assert len(article.find_elements(By.CSS_SELECTOR, "svg.graphic line.pair-line")) == 2
    (a, b), (c, d) = key["pairs"]
    answer_pairs(article, [(a, c), (b, d)])
    assert check(article) in NOT_RIGHT


def test_item_of_several_parts(browser, interactions_site):
    article, key = open_item(browser, interactions_site, "composite")
    assert key["type"] == "parts"
    assert [part["key"]["type"] for part in key["parts"]] == ["choice", "hotspot"]
    article.find_element(By.CSS_SELECTOR, ".item-part[data-part='1'] input[value='A']").click()
    part2 = article.find_element(By.CSS_SELECTOR, ".item-part[data-part='2']")
    part2.find_element(By.CSS_SELECTOR, f"g.area[data-value='{key['parts'][1]['key']['correct'][0]}'] :first-child").click()
    assert check(article) == RIGHT
    article.find_element(By.CSS_SELECTOR, ".item-part[data-part='1'] input[value='B']").click()
    assert check(article) in NOT_RIGHT
    assert severe_errors(browser) == []


def test_survey_and_upload_have_no_self_check(browser, interactions_site):
    for item in ["survey", "upload"]:
        article, key = open_item(browser, interactions_site, item)
        assert key is None
        assert article.find_elements(By.CSS_SELECTOR, ".selfcheck") == []
    article, _ = open_item(browser, interactions_site, "survey")
    assert len(article.find_elements(By.CSS_SELECTOR, ".choices input[type='radio']")) == 3


def test_exam_graphic_items_carry_no_key(interactions_site):
    for path in interactions_site.rglob("*"):
        if not path.is_file() or path.suffix not in {".html", ".json", ".js"}:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        if "item-exam-hotspot" in text or "item-exam-selectpoint" in text:
            for item in ["exam-hotspot", "exam-selectpoint"]:
                start = text.find(f'id="item-{item}"')
                if start < 0:
                    continue
                article = text[text.rfind("<article", 0, start):text.find("</article>", start)]
                assert "data-answer" not in article
                assert "class=\"area correct\"" not in article
                assert "key-area" not in article
                # The select-point area (a circle around 120, 50 of radius 12) is nowhere.
                assert 'rx="12"' not in article and "120,50" not in article
