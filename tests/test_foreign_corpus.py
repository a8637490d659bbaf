"""Real TEI from other projects (tests/fixtures/foreign/real/: 40-odd files from a dozen public
projects, see SOURCES.md) built as one corpus, as a new user would build a folder of them: the
build succeeds, and every word of each file's text, of its manuscript descriptions and of its
registers reaches its HTML page and its PDF."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from conftest import ROOT, pdftotext
from teiedition.pdf import font_coverage
from teiedition.validation import RESERVED, slug, unique
from textcheck import context, html_page_texts, missing_in_pdf, missing_words, tei_text

REAL = ROOT / "tests" / "fixtures" / "foreign" / "real"
SOURCES = REAL.parent / "SOURCES.md"
FILES = sorted(REAL.glob("*.xml"))
COVERED = font_coverage(ROOT / "templates" / "print" / "fonts")
TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
#: Registers: lists of entities a reader looks things up in, wherever a project keeps them.
REGISTERS = ("listPerson", "listPlace", "listOrg", "listEvent", "listBibl")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """The real files, copied into a folder of their own, built once (HTML and PDF) by the
    command an editor types."""
    tei = tmp_path_factory.mktemp("real-tei")
    for path in FILES:
        shutil.copy(path, tei / path.name)
    out = tmp_path_factory.mktemp("real-out")
    done = subprocess.run([sys.executable, "-m", "teiedition.cli", "build", "--tei", str(tei), "--out", str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=1800)
    return out, done


def pages() -> dict[Path, str]:
    """The page each file gets, named as the build names it: its root's xml:id, else (or if that
    is the name of one of the site's pages) a name from its file name that no id has taken."""
    roots = {path: etree.parse(str(path)).getroot() for path in FILES}
    taken = {ident for root in roots.values() for ident in root.xpath("//@xml:id")} | RESERVED
    named = {}
    for path, root in roots.items():
        ident = root.get(XML_ID)
        named[path] = unique(slug(path.name), taken) if ident is None or ident in RESERVED else ident
    return named


PAGES = pages()


def expected_text(path: Path) -> str:
    """What a reader must find of a file: its <text> (with the registers a project keeps in
    `back`), every msDesc of its header, and the registers it keeps in `standOff` or in the
    header's profileDesc (particDesc, settingDesc); a register inside a msDesc counts once."""
    root = etree.parse(str(path)).getroot()
    lists = " | ".join(f"//t:standOff//t:{name} | //t:profileDesc//t:{name}" for name in REGISTERS)
    parts = root.xpath(f"t:text | //t:teiHeader//t:msDesc | {lists}", namespaces={"t": TEI})
    outermost = [part for part in parts if not any(other in part.iterancestors() for other in parts)]
    return " ".join(tei_text(part) for part in outermost)


def test_the_corpus_has_forty_real_files_from_twelve_projects():
    listed = dict(re.findall(r"^\| `real/([^`]+)\.xml` \| ([^|]+?) \|", SOURCES.read_text(encoding="utf-8"), re.M))
    assert len(FILES) >= 40
    assert sorted(listed) == [path.stem for path in FILES], "every file in real/ has its row in SOURCES.md, and only those"
    assert len(set(listed.values())) >= 12


def test_every_real_file_is_valid_tei(tei_all):
    invalid = [path.name for path in FILES if not tei_all.validate(etree.parse(str(path)))]
    assert not invalid


def test_the_real_corpus_builds_as_one_edition(corpus):
    out, done = corpus
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "Traceback" not in done.stdout + done.stderr


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_word_of_a_real_file_is_in_its_html_page(corpus, path):
    out, _ = corpus
    page = out / "html" / f"{PAGES[path]}.html"
    assert page.is_file(), f"no page {page.name}"
    missing = missing_words(expected_text(path), html_page_texts(page))
    assert not missing, context(missing)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_word_of_a_real_file_is_in_its_pdf(corpus, path):
    out, _ = corpus
    pdf = out / "pdf" / f"{PAGES[path]}.pdf"
    assert pdf.is_file(), f"no offprint {pdf.name}"
    missing = missing_in_pdf(expected_text(path), pdftotext(pdf), COVERED)
    assert not missing, context(missing)
