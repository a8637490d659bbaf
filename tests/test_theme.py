"""An edition's own templates/: a file at the same relative path replaces ours (site, assets, book)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from teiedition.build import build
from teiedition.pdf import restricted_fetcher
from teiedition.resources import resource
from teiedition.site import minified

LOGO = '<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><circle cx="16" cy="16" r="14" fill="#0b5d8c"/></svg>\n'


@pytest.fixture(scope="module")
def themed(tmp_path_factory) -> Path:
    """A foreign corpus with its own accent colour and logo, built without the book."""
    tmp = tmp_path_factory.mktemp("themed")
    corpus = tmp / "corpus"
    (corpus / "templates" / "assets").mkdir(parents=True)
    shutil.copy(ROOT / "tests" / "fixtures" / "foreign" / "letter-1768-merchant.xml", corpus)
    (corpus / "templates" / "assets" / "theme.css").write_text(":root { --accent: #0b5d8c; }\n")
    (corpus / "templates" / "assets" / "logo.svg").write_text(LOGO)
    (corpus / "templates" / "brand.html").write_text(
        '<a class="site-title" href="index.html"><img src="assets/logo.svg" alt="" width="32" height="32"> {{ edition.title }}</a>\n')
    build(corpus, tmp / "out", pdf=False)
    return tmp / "out" / "html"


def test_an_editions_own_stylesheet_replaces_ours_at_the_same_path(themed):
    assert (themed / "assets" / "theme.css").read_text() == ":root { --accent: #0b5d8c; }\n"
    ours = {"edition.css": (resource("templates") / "assets" / "edition.css").read_bytes()}
    assert (themed / "assets" / "edition.css").read_bytes() == minified(ours)["edition.css"]  # ours, minified


def test_an_editions_own_stylesheet_is_linked_from_every_page(themed):
    assert '<link rel="stylesheet" href="assets/theme.css">' in (themed / "bristol-letter.html").read_text(encoding="utf-8")


def test_without_a_stylesheet_of_its_own_a_page_requests_no_empty_one(site):
    """Review 18f #11: our theme.css is only a comment, and every page requested it."""
    assert not (site / "assets" / "theme.css").exists()
    assert "theme.css" not in (site / "kgb-message.html").read_text(encoding="utf-8")


def test_an_editions_own_template_replaces_ours_on_every_page(themed):
    for page in ("index.html", "bristol-letter.html", "search.html"):
        assert '<img src="assets/logo.svg"' in (themed / page).read_text(encoding="utf-8"), page
    assert (themed / "assets" / "logo.svg").read_text() == LOGO


def test_the_book_reads_an_editions_own_print_file_in_place_of_ours(tmp_path):
    ours = resource("templates") / "print"
    (tmp_path / "book.css").write_text("body { color: teal; }")
    fetched = restricted_fetcher(ours, tmp_path).fetch((ours / "book.css").as_uri())
    try:
        assert fetched.read() == b"body { color: teal; }"
    finally:
        fetched.close()
