"""The interface in the edition's language and script: complete catalogues, German labels and
dates for a German corpus, the edition's own labels, right-to-left passages in page and book."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from jinja2 import Environment

from conftest import ROOT
from teiedition.build import build
from teiedition.i18n import SCRIPT_MESSAGES, Interface, languages

FOREIGN = ROOT / "tests" / "fixtures" / "foreign"
LOCALE = ROOT / "locale"
TRANSLATED = ["de", "fr", "it", "es", "ru"]


def template_messages() -> set[str]:
    """Every message the Jinja templates ask for (_("…")) and the stylesheets look up (te:t('…'))."""
    env = Environment(extensions=["jinja2.ext.i18n"])
    found = {message for path in (ROOT / "templates").rglob("*.html")
             for _, _, message in env.extract_translations(path.read_text(encoding="utf-8")) if isinstance(message, str)}
    found |= {message for path in (ROOT / "templates").rglob("*.html")
              for message in re.findall(r'_\("((?:[^"\\]|\\.)*)", \w+=', path.read_text(encoding="utf-8"))}
    found |= {message for message in re.findall(r'text\("([^"]*)"\)', (ROOT / "build" / "teiedition" / "epub.py").read_text(encoding="utf-8"))}
    found |= {message for path in (ROOT / "xslt").rglob("*.xsl")
              for message in re.findall(r"te:t\('([^']*)'\)", path.read_text(encoding="utf-8"))}
    return found | set(SCRIPT_MESSAGES)


def catalogue(path: Path) -> dict[str, str]:
    with path.open("rb") as handle:
        return {m.id: m.string for m in read_po(handle) if m.id}


def test_every_interface_string_of_the_templates_and_stylesheets_is_in_the_catalogue_template():
    missing = template_messages() - set(catalogue(LOCALE / "messages.pot"))
    assert not missing, f"add to locale/messages.pot and translate: {sorted(missing)}"


def test_the_interface_is_translated_into_six_languages():
    assert languages() == sorted(["en", *TRANSLATED])


@pytest.mark.parametrize("language", TRANSLATED)
def test_each_catalogue_translates_every_message_keeping_its_placeholders_and_markup(language):
    source = catalogue(LOCALE / "messages.pot")
    translated = catalogue(LOCALE / language / "LC_MESSAGES" / "messages.po")
    untranslated = [m for m in source if not translated.get(m)]
    assert not untranslated, f"{language}: {untranslated}"
    for message, translation in translated.items():
        for pattern in (r"\{\w+\}", r"%\(\w+\)s", r"<(\w+)[ >]"):
            assert sorted(re.findall(pattern, message)) == sorted(re.findall(pattern, translation)), (language, message)


@pytest.mark.parametrize("language, expected", [
    ("en", "12 March 1921"), ("de", "12. März 1921"), ("fr", "12 mars 1921"), ("it", "12 marzo 1921"),
    ("es", "12 de marzo de 1921"), ("ru", "12 марта 1921\u202fг."),
])
def test_dates_are_written_the_way_of_the_interface_language(language, expected):
    assert Interface(language).date("1921-03-12") == expected


@pytest.fixture(scope="module")
def german(tmp_path_factory) -> Path:
    """A foreign corpus whose documents are in German, built with no configuration (no PDFs)."""
    tmp = tmp_path_factory.mktemp("german")
    (tmp / "corpus").mkdir()
    text = (FOREIGN / "letter-1768-merchant.xml").read_text(encoding="utf-8")
    text = text.replace('xml:id="bristol-letter"', 'xml:id="brief" xml:lang="de"', 1)
    text = text.replace("<profileDesc>", '<profileDesc><creation><date when="1768-03-14"/></creation>', 1)
    (tmp / "corpus" / "brief.xml").write_text(text, encoding="utf-8")
    build(tmp / "corpus", tmp / "out", pdf=False)
    return tmp / "out" / "html"


def test_a_german_corpus_with_no_configuration_gets_german_labels(german):
    page = (german / "brief.html").read_text(encoding="utf-8")
    assert '<html lang="de"' in page
    for label in ("Zum Inhalt springen", "Suche", "Zu diesem Dokument", "Dieses Dokument zitieren", "Anmerkungen"):
        assert label in page, label
    assert "Skip to the content" not in page and "About this document" not in page
    assert '"Copied": "Kopiert"' in page  # for the page's scripts
    import zipfile
    with zipfile.ZipFile(german / "downloads" / "edition.epub") as book:
        assert "Inhalt" in book.read("OEBPS/nav.xhtml").decode("utf-8")


def test_a_german_document_page_has_its_toolbar_legend_and_citation_labels_in_german(german):
    page = (german / "brief.html").read_text(encoding="utf-8")
    for label in ("Gliederung", "Auf dieser Seite verwendete Zeichen", "Zitieren", "Permalink:", "Kopieren"):
        assert label in page, label
    for english in ("Outline", "Signs used on this page", ">Cite<", ">Copy<", "Accessed"):
        assert english not in page, english


def test_the_citations_use_the_terms_and_dates_of_the_interface_language():
    from teiedition.citation import citations

    item = {"id": "brief", "type": "letter", "title": "Letter", "author": [{"literal": "A. Merchant"}],
            "issued": {"date-parts": [[1768, 3, 14]]}, "accessed": {"date-parts": [[2026, 12, 7]]}, "URL": "brief.html"}
    assert "Zugegriffen 7. Dezember 2026" in citations(item, "de")["chicago"]["text"]
    assert "Accessed December 7, 2026" in citations(item, "en")["chicago"]["text"]


def test_a_german_corpus_gets_german_dates(german):
    assert "14. März 1768" in (german / "brief.html").read_text(encoding="utf-8")


def test_a_passage_in_another_language_keeps_its_language_for_hyphenation(german):
    assert '<span class="tei-foreign" lang="fr">tout à fait languissant</span>' in (german / "brief.html").read_text(encoding="utf-8")


def test_the_editions_own_labels_replace_the_catalogues_in_templates_and_stylesheets(tmp_path):
    (tmp_path / "corpus").mkdir()
    shutil.copy(FOREIGN / "letter-1768-merchant.xml", tmp_path / "corpus")
    (tmp_path / "corpus" / "edition.toml").write_text(
        'language = "fr"\n[labels]\n"Search" = "Chercher"\n"About this document" = "Notice"\n', encoding="utf-8")
    from teiedition.cli import main
    assert main(["build", "--tei", str(tmp_path / "corpus"), "--out", str(tmp_path / "out"), "--no-pdf", "--quiet"]) == 0
    page = (tmp_path / "out" / "html" / "bristol-letter.html").read_text(encoding="utf-8")
    assert ">Chercher</a>" in page and ">Notice</h2>" in page
    assert "Citer ce document" in page  # the rest from the French catalogue


@pytest.fixture(scope="module")
def arabic(tmp_path_factory):
    """A foreign corpus in Arabic, built with its book; the build's warnings."""
    tmp = tmp_path_factory.mktemp("arabic")
    (tmp / "corpus").mkdir()
    shutil.copy(FOREIGN / "arabic-proverbs-rtl.xml", tmp / "corpus")
    report = build(tmp / "corpus", tmp / "out")
    return tmp / "out", report


def test_arabic_text_reads_right_to_left_on_the_page(arabic):
    out, _ = arabic
    page = (out / "html" / "arabic-proverbs-rtl.html").read_text(encoding="utf-8")
    assert re.search(r'<section class="text"[^>]* lang="ar" dir="rtl"', page)
    assert re.search(r'lang="en" dir="ltr"', page), "an English passage inside the Arabic text reads left to right"


def test_arabic_text_prints_in_a_font_that_has_it(arabic):
    out, report = arabic
    assert not [w for w in report.warnings if w.rule == "print-missing-glyph"], report.warnings
    from pypdf import PdfReader
    fonts = {str(font.get_object().get("/BaseFont")) for page in PdfReader(out / "pdf" / "edition.pdf").pages
             for font in (page["/Resources"].get("/Font") or {}).values()}
    assert any(name.endswith("+Edition-Arabic") for name in fonts), fonts  # Noto Naskh Arabic, as book.css names it
