"""Foreign TEI: a corpus from other projects (tests/fixtures/foreign/: letters, verse, drama,
an apparatus, manuscript descriptions, standOff registers, facsimiles, hostile links) builds
without our schema, loses no text in the HTML or the PDF, and reports what it renders
generically once per element name."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree, html
from pypdf import PdfReader

from conftest import ROOT, pdftotext
from teiedition.pdf import font_coverage
from textcheck import context, html_page_texts, missing_in_pdf, missing_words, tei_text

FOREIGN = ROOT / "tests" / "fixtures" / "foreign"
TEI_NS = "{http://www.tei-c.org/ns/1.0}"
FILES = sorted(FOREIGN.glob("*.xml"))
COVERED = font_coverage(ROOT / "templates" / "print" / "fonts")


@pytest.fixture(scope="module")
def foreign(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """The foreign corpus built once, HTML and PDF, by the command an editor types. The files
    of this folder only: the real projects' files in real/ are the corpus of test_foreign_corpus."""
    tei = tmp_path_factory.mktemp("foreign-tei")
    for path in FILES:
        shutil.copy(path, tei / path.name)
    out = tmp_path_factory.mktemp("foreign-out")
    done = subprocess.run([sys.executable, "-m", "teiedition.cli", "build", "--tei", str(tei), "--out", str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    return out, done


def slug(path: Path) -> str:
    """The page a fixture gets: its root's xml:id, else its file name."""
    ident = etree.parse(str(path)).getroot().get("{http://www.w3.org/XML/1998/namespace}id")
    return ident or re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")


def text_of(path: Path) -> str:
    """Every text node of the document's <text> (of a file without one, nothing)."""
    text = etree.parse(str(path)).getroot().find(f"{TEI_NS}text")
    return tei_text(text) if text is not None else ""


def test_the_corpus_has_at_least_fifteen_varied_documents():
    assert len(FILES) >= 15
    names = Counter(etree.QName(e).localname for path in FILES for e in etree.parse(str(path)).iter() if isinstance(e.tag, str))
    for element in ("lg", "sp", "app", "msDesc", "standOff", "facsimile", "castList", "table", "figure"):
        assert names[element], f"no fixture uses <{element}>"


def test_a_foreign_corpus_builds_with_warnings_but_no_error(foreign):
    out, done = foreign
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert "no-schema" in done.stdout


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_word_of_the_text_is_in_the_html_page(foreign, path):
    out, _ = foreign
    missing = missing_words(text_of(path), html_page_texts(out / "html" / f"{slug(path)}.html"))
    assert not missing, context(missing)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_word_of_the_text_is_in_the_pdf(foreign, path):
    out, _ = foreign
    pdf = out / "pdf" / f"{slug(path)}.pdf"
    logical = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    missing = missing_in_pdf(text_of(path), pdftotext(pdf), COVERED, logical)
    # a word hyphenated at a page's foot above a footnote: pdftotext joins its first half to the
    # footnote ("Septem1 The warehouse"); its layout reading keeps the hyphen at the line's end
    laid_out = missing_in_pdf(text_of(path), pdftotext(pdf, "-layout"), COVERED, logical) if missing else []
    missing = [word for word in missing if word in laid_out]
    assert not missing, context(missing)


def test_characters_the_book_fonts_lack_are_reported(foreign):
    _, done = foreign
    assert "print-missing-glyph" in done.stdout


def test_an_element_without_a_rendering_is_reported_once(foreign):
    _, done = foreign
    reported = re.findall(r"xslt-unhandled-element: warning: <(\w+)>", done.stdout)
    assert reported, "the corpus has elements no module renders; the build should name them"
    assert len(reported) == len(set(reported))


def test_links_that_could_run_code_are_dropped_with_a_warning(foreign):
    out, done = foreign
    assert "link-unsafe" in done.stdout
    for page in (out / "html").glob("*.html"):
        for url in html.parse(str(page)).xpath("//@href | //@src | //@action | //@formaction"):
            assert not re.match(r"\s*(javascript|data|vbscript):", url, re.I), f"{page.name}: {url}"


def test_text_that_looks_like_markup_stays_text(foreign):
    out, _ = foreign
    page = html.parse(str(out / "html" / f"{slug(FOREIGN / 'script-text.xml')}.html")).getroot()
    # data blocks (JSON-LD, CSL-JSON) are never run; a script without a type would be
    code = page.xpath("//script[not(@src)][not(@type) or contains(@type, 'javascript') or @type = 'module']")
    assert all("alert" not in (script.text or "") for script in code)
    assert not page.xpath("//img | //iframe | //*[@onerror or @onload or @onclick]")
    assert "<script>alert" in page.find(".//main").text_content()


def test_a_reference_to_what_the_book_does_not_print_is_text_without_a_page(foreign):
    # the lexicon's "See also BECK" points to an entry the generic rendering prints without its
    # id: no link to nowhere, no empty page reference ("BECK [p. .")
    out, _ = foreign
    text = " ".join(pdftotext(out / "pdf" / "edition.pdf").split())
    assert "See also BECK." in text
    assert "[p. ]" not in text and "[p. ." not in text
