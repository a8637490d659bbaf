"""A document of many notes (benchmarks/long.py) is numbered as before the stylesheets computed
its numbers once per page instead of counting what comes before each note: the editors' notes
in one series, the text's and then the description's, the source's by their own @n, interventions lettered in the
book, unnumbered page breaks by their place, generated ids by their place in their paragraph.
The expected values are those the counting stylesheets gave, less the
header's nine notes, which now follow the text's, and with the message's three textual notes on
its header lines (the variants of the publisher's page) before the long text's. In-process and small (120 notes):
how the time grows with the length is measured by the benchmark, not here."""

from __future__ import annotations

import re

import pytest

from teiedition.edition import load
from teiedition.resources import resource
from teiedition.transform import Saxon

from benchmarks.long import generate

NOTES = 120


@pytest.fixture(scope="module")
def saxon(tmp_path_factory) -> Saxon:
    edition, _ = load(generate(NOTES, tmp_path_factory.mktemp("long") / "tei"))
    return Saxon(edition)


@pytest.fixture(scope="module")
def page(saxon) -> str:
    stylesheet = saxon.compile(resource("xslt") / "html" / "edition.xsl")
    return stylesheet.call("page", page="kgb-message")[0]["main"]


@pytest.fixture(scope="module")
def book(saxon) -> str:
    return saxon.compile(resource("xslt") / "print" / "edition.xsl").call("book", **{"build-date": "2026-01-01"})["html"]


def marker(page: str, note: str) -> str:
    found = re.search(rf'<a class="note-ref[^"]*" href="#{note}"[^>]*><sup>([^<]*)</sup>', page)
    assert found, f"no marker of {note}"
    return found[1]


def listed(page: str, note: str) -> str:
    found = re.search(rf'<li id="{note}">\s*<span class="note-number">([^<]*)</span>', page)
    assert found, f"{note} is not in the apparatus"
    return found[1]


@pytest.mark.parametrize("note, number", [
    ("n-message-long1", "12"),  # after the eleven editors' notes of the text before it
    ("n-message-long10", "21"), ("n-message-long10-corr", "22"), ("n-message-long11", "23"),
    (f"n-message-long{NOTES}", "142"), (f"n-message-long{NOTES}-corr", "143"),
    ("n-message-telegraph", "144"), ("n-message-signer", "145"),
    ("n-message-drafter", "147"),  # the description's notes follow the text's, as the description does
    ("n-message-long100-source", "1"),  # the source's own number
])
def test_notes_of_a_long_document_keep_their_numbers(page, note, number):
    assert (marker(page, note), listed(page, note)) == (number, number)


def test_page_breaks_of_a_long_document_are_numbered_by_the_source_only(page):
    # a break is a rule, numbered only where the source numbers it (the principles infer no number)
    assert re.findall(r'<span class="pb-label">([^<]+)</span>', page)[:3] == ["page break", "p. L50", "page break"]


def test_generated_ids_of_a_long_document_count_within_their_paragraph(page):
    assert 'id="tip-p-message-long10-choice1"' in page and 'id="tip-p-message-long120-choice1"' in page


def test_interventions_of_a_long_document_are_lettered_in_order(book):
    letters = dict(re.findall(r'<a class="call call-textual" id="call-fn-p-message-long([0-9]+)-choice1"[^>]*>([^<]+)</a>', book))
    # the textual series skips i, l and o, which read as figures (a b c d … h j k m n p q r); the
    # header's intervention is lettered after the text's, as the description follows the text
    assert (letters["10"], letters["110"], letters["120"]) == ("d", "q", "r")
