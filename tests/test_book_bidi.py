"""A small right-to-left edition on paper: a left-to-right phrase inside a Persian paragraph keeps
the order of its words and of the words around it, as a browser shows it; a source given as a
plain citation is printed as written."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import pdftotext
from teiedition.build import build

LETTER = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="fa">
  <teiHeader><fileDesc>
    <titleStmt><title>نامهٔ میرزا حسن به برادرش در تبریز</title></titleStmt>
    <publicationStmt><p>منتشر نشده</p></publicationStmt>
    <sourceDesc><bibl>Kitābkhāna-yi Millī, MS 1234.</bibl></sourceDesc>
  </fileDesc></teiHeader>
  <text><body><div type="letter">
    <p>این را همیشه به یاد داشته باش. In English: <foreign xml:lang="en">with hardship comes ease</foreign>, 1891. برادر عزیزم</p>
  </div></body></text>
</TEI>
"""


@pytest.fixture(scope="module")
def letter_pdf(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("rtl")
    (root / "tei").mkdir()
    (root / "tei" / "letter.xml").write_text(LETTER, encoding="utf-8")
    build(root / "tei", root / "out")
    return root / "out" / "pdf" / "letter.pdf"


def test_a_left_to_right_phrase_in_a_right_to_left_paragraph_keeps_its_order(letter_pdf):
    page = pdftotext(letter_pdf, "-bbox", "-f", "2", "-l", "2")  # after the offprint's first page
    words = etree.fromstring(page.encode(), etree.HTMLParser()).iter("word")
    x = {word.text: float(word.get("xmin")) for word in words}
    # left to right on the line: "In English: with hardship comes ease, 1891", then the Persian
    assert x["In"] < x["English:"] < x["with"] < x["hardship"] < x["ease,"] < x["1891"]


def test_a_plain_source_citation_is_printed_as_written_not_as_an_empty_line(letter_pdf):
    text = " ".join(pdftotext(letter_pdf).split())
    assert "Published: ." not in text
    assert "Source: Kitābkhāna-yi Millī, MS 1234." in text
