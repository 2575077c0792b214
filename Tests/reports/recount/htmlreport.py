"""The HTML coverage report (docs/coverage.md §7): each number is read together with its label, from the page's
element tree (html.parser), and compared with the recount."""
from . import dom
from .csvfile import number, tenths


def compare(page, report, content, where):
    root = dom.parse(page)
    problems = []
    problems += summary_cards(root, report, where)
    return problems


def summary_cards(root, report, where):
    cards = {}
    for value in root.find_all(cls="stat-value"):
        card = value.parent
        label = card.find(cls="stat-label")
        if label is not None:
            cards[label.clean()] = value.clean()
    expected = {"已覆盖": str(report.summary["covered"]), "部分覆盖": str(report.summary["partial"]),
                "未覆盖": str(report.summary["gap"])}
    problems = []
    for label, value in expected.items():
        if cards.get(label) != value:
            problems.append(f"{where}: card {label!r} shows {cards.get(label)!r}, recount {value}")
    return problems
