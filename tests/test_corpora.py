"""Another project's folder of TEI files: a site without dead ends, page names readable in any script."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from teiedition.build import build
from teiedition.validation import slug

FOREIGN = ROOT / "tests" / "fixtures" / "foreign"


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory) -> Path:
    """Two foreign documents built without PDFs; one has a Cyrillic file name and no xml:id."""
    tmp = tmp_path_factory.mktemp("corpus")
    (tmp / "corpus").mkdir()
    shutil.copy(FOREIGN / "letter-1768-merchant.xml", tmp / "corpus" / "letter-1768-merchant.xml")
    shutil.copy(FOREIGN / "bare-minimum.xml", tmp / "corpus" / "Письмо Горбачёву.xml")
    build(tmp / "corpus", tmp / "out", pdf=False)
    return tmp / "out" / "html"


def test_every_link_of_a_foreign_corpus_leads_to_a_page_it_has(corpus_site):
    for page in corpus_site.glob("*.html"):
        for target in re.findall(r'href="(?![a-z]+:)([^"#?]+)', page.read_text(encoding="utf-8")):
            assert (corpus_site / target).exists(), f"{page.name} links to {target}, which the site lacks"


def test_a_foreign_corpus_offers_no_registers_it_does_not_have(corpus_site):
    assert not (corpus_site / "persons.html").exists()
    assert ">Registers<" not in (corpus_site / "index.html").read_text(encoding="utf-8")


def test_a_cyrillic_file_name_gives_a_readable_page_name(corpus_site):
    assert (corpus_site / "pismo-gorbachevu.html").is_file()


@pytest.mark.parametrize("name, expected", [
    ("texts/Müller 1.xml", "muller-1"), ("Édition.xml", "edition"), ("Письмо.xml", "pismo"),
    ("1985 memo.xml", "d-1985-memo"), ("🙂.xml", "document"),
])
def test_file_names_become_readable_latin_slugs(name, expected):
    assert slug(name) == expected
