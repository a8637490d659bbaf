"""Golden pages: the HTML of each document page, normalised, as committed in tests/golden/.
A change to the output shows as a failing test and, after `pytest --update-golden`, as a
git diff to review before committing — the way Pelican tests its output."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree, html

GOLDEN = Path(__file__).parent / "golden"
PAGES = ["rajavi-letter", "ulianovskii-memo", "kgb-message", "exaro-article", "mojahedin-ws-essay", "persons"]


def normalised(path: Path) -> str:
    """The page re-serialised one element per line, so that a diff points at what changed."""
    root = html.parse(str(path)).getroot()
    for element in root.iter():
        if element.text is not None:
            element.text = " ".join(element.text.split()) or None
        if element.tail is not None:
            element.tail = " ".join(element.tail.split()) or None
    etree.indent(root, space=" ")
    return html.tostring(root, encoding="unicode", pretty_print=True)


@pytest.mark.parametrize("name", PAGES)
def test_page_matches_its_golden_copy(site, name, request):
    actual = normalised(site / f"{name}.html")
    golden = GOLDEN / f"{name}.html"
    if request.config.getoption("--update-golden"):
        golden.write_text(actual, encoding="utf-8")
    assert golden.is_file(), f"no golden copy of {name}: run pytest --update-golden and review the diff"
    expected = golden.read_text(encoding="utf-8")
    assert actual == expected, f"{name}.html differs from tests/golden/{name}.html; if intended, run pytest --update-golden and review the diff"
