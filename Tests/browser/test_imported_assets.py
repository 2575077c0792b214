"""Imported items keep what the author wrote: MathML from a QTI item renders in Chromium (MathML Core) with
a real size, and the item's picture, published from the package's images/ folder, loads on the zh page and
on the en page (one level deeper)."""
import base64
import pathlib
import shutil
import subprocess
import tempfile

import pytest
from selenium.webdriver.common.by import By

from conftest import ROOT, coursemap_binary

PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")

# As TAO and Onyx export it: MathML with the m: prefix, a picture in images/ beside the item.
ITEM = """<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" xmlns:m="http://www.w3.org/1998/Math/MathML"
    identifier="eq" title="Equation" adaptive="false" timeDependent="false">
<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"><correctResponse><value>A</value></correctResponse></responseDeclaration>
<outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
<itemBody>
<p>Which value is associated with the equation <m:math><m:mrow><m:mfrac><m:mi>x</m:mi><m:mn>2</m:mn></m:mfrac><m:mo>=</m:mo><m:msqrt><m:mn>16</m:mn></m:msqrt></m:mrow></m:math>?</p>
<p><img src="images/sign.png" alt="a sign" width="40" height="40"/></p>
<choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1">
<simpleChoice identifier="A">8</simpleChoice>
<simpleChoice identifier="B">4</simpleChoice>
</choiceInteraction>
</itemBody>
</assessmentItem>
"""


@pytest.fixture(scope="module")
def imported_site():
    work = pathlib.Path(tempfile.mkdtemp(prefix="coursemap-imported-"))
    content = work / "Content"
    shutil.copytree(ROOT / "Tests/Fixtures/site", content)
    package = content / "exercises" / "pkg"
    (package / "images").mkdir(parents=True)
    (package / "eq.xml").write_text(ITEM, encoding="utf-8")
    (package / "images" / "sign.png").write_bytes(PNG)
    output = work / "Site"
    subprocess.run([str(coursemap_binary()), "build", "--content", str(content), "--output", str(output)],
                   check=True, capture_output=True)
    yield output
    shutil.rmtree(work, ignore_errors=True)


@pytest.mark.parametrize("page", ["banks/eq/eq.html", "en/banks/eq/eq.html", "banks/eq/index.html"])
def test_mathml_renders_with_a_size_and_the_picture_loads(browser, imported_site, page):
    browser.get((imported_site / page).as_uri())
    math = browser.find_element(By.CSS_SELECTOR, "#item-eq math")
    assert browser.execute_script("return arguments[0].namespaceURI", math) == "http://www.w3.org/1998/Math/MathML"
    box = browser.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.width, r.height]", math)
    assert box[0] > 10 and box[1] > 10, box
    # The fraction stacks: its numerator sits above its denominator (MathML layout, not inline text).
    above = browser.execute_script(
        "const f = arguments[0].querySelector('mfrac');"
        "return f.children[0].getBoundingClientRect().bottom <= f.children[1].getBoundingClientRect().top + 1", math)
    assert above
    image = browser.find_element(By.CSS_SELECTOR, "#item-eq img.item-asset")
    assert image.get_attribute("alt") == "a sign"
    assert browser.execute_script("return arguments[0].complete && arguments[0].naturalWidth", image) == 1
