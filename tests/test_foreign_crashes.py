"""Valid TEI P5 that once crashed the build (issue 14, Must 2): each builds, exit 0, and keeps
its words. Every case is a small foreign corpus written here, built as an editor would
(`edition build --tei DIR --no-pdf`) in a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, pdftotext
from textcheck import context, html_page_texts, missing_words

HEADER = """<teiHeader><fileDesc><titleStmt><title>{title}</title></titleStmt>
<publicationStmt><p>Published nowhere.</p></publicationStmt><sourceDesc><p>Made up.</p></sourceDesc></fileDesc>
{profile}</teiHeader>"""


def tei(body: str, title: str = "A test", ident: str | None = None, profile: str = "", text: bool = True) -> str:
    """A TEI document with `body` inside <text><body>, and `profile` as its profileDesc."""
    root_id = f' xml:id="{ident}"' if ident else ""
    profile = f"<profileDesc>{profile}</profileDesc>" if profile else ""
    inner = f"<text><body>{body}</body></text>" if text else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"{root_id}>'
            f"{HEADER.format(title=title, profile=profile)}{inner}</TEI>\n")


def build(tmp_path: Path, files: dict[str, str], pdf: bool = False) -> tuple[subprocess.CompletedProcess, Path]:
    """Write `files` into a foreign corpus folder and build it; the result and the output folder."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, content in files.items():
        (corpus / name).write_text(content, encoding="utf-8")
    out = tmp_path / "out"
    command = [sys.executable, "-m", "teiedition.cli", "build", "--tei", str(corpus), "--out", str(out), "--quiet"]
    done = subprocess.run(command + ([] if pdf else ["--no-pdf"]), capture_output=True, text=True, cwd=ROOT, timeout=300)
    return done, out


def assert_built(done: subprocess.CompletedProcess) -> None:
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    assert "Traceback" not in done.stderr


def assert_words(out: Path, page: str, words: str) -> None:
    missing = missing_words(words, html_page_texts(out / "html" / f"{page}.html"))
    assert not missing, context(missing)


@pytest.mark.parametrize("ref", [
    "https://viaf.org/viaf/12345",  # a name authority outside the edition
    "#jane",                        # an id in a personography that is not part of the corpus
    "people.xml#jo",                # an id in another file
    "#a #b",                        # several pointers (both resolve)
    "psn:x psn:y",                  # several prefixed pointers, unresolved
])
def test_a_name_whose_pointer_does_not_resolve_to_one_element_renders(tmp_path, ref):
    body = f'<p xml:id="a">Letter from <persName ref="{ref}">Janewort Smithley</persName> and <orgName xml:id="b" ref="{ref}">Acme Guild</orgName>.</p>'
    done, out = build(tmp_path, {"letter.xml": tei(body, ident="letter")})
    assert_built(done)
    assert_words(out, "letter", "Letter from Janewort Smithley and Acme Guild")


@pytest.mark.parametrize("when, shown", [
    ("1986-02-16T10:00:00", "16 February 1986"),
    ("1986-02-16+01:00", "16 February 1986"),
    ("1986-02-16T10:00:00Z", "16 February 1986"),
    ("--05-01", "1 May"),
    ("1986-02", "February 1986"),
    ("-0044-03-15", "15 March 44 BCE"),
    ("-0044", "44 BCE"),
    ("1986-02-3x", "1986-02-3x"),   # not a date at all: shown as written
])
def test_a_creation_date_in_any_xsd_form_is_shown(tmp_path, when, shown):
    profile = f'<creation><date when="{when}">on a day</date></creation>'
    done, out = build(tmp_path, {"d.xml": tei("<p>Dated text.</p>", ident="d", profile=profile)})
    assert_built(done)
    page = (out / "html" / "d.html").read_text(encoding="utf-8")
    assert shown in page


def test_birth_and_death_with_a_time_in_a_register_render(tmp_path):
    register = tei('<p>See the people.</p>', ident="reg").replace("</text>", """<back><listPerson>
      <person xml:id="p1"><persName>Quillon Brask</persName><birth when="1900-01-01T10:00:00Z">born at dawn</birth>
      <death when="-0010">died long ago</death></person></listPerson></back></text>""")
    done, out = build(tmp_path, {"reg.xml": register})
    assert_built(done)
    assert_words(out, "reg", "Quillon Brask born at dawn died long ago")


def test_two_foreign_files_with_the_same_root_id_get_a_page_each(tmp_path):
    files = {"a.xml": tei("<p>Alphaword text.</p>", ident="doc1"), "b.xml": tei("<p>Betaword text.</p>", ident="doc1")}
    done, out = build(tmp_path, files)
    assert_built(done)
    pages = "".join(p.read_text(encoding="utf-8") for p in (out / "html").glob("*.html"))
    assert "Alphaword" in pages and "Betaword" in pages


@pytest.mark.parametrize("depth", [100, 250])
def test_deeply_nested_phrases_render(tmp_path, depth):
    body = "<p>" + "<hi>" * depth + "Deepword" + "</hi>" * depth + " after.</p>"
    done, out = build(tmp_path, {"deep.xml": tei(body, ident="deep")})
    assert_built(done)
    assert_words(out, "deep", "Deepword after.")


def test_deeply_nested_divisions_render(tmp_path):
    body = "<div><p>Top.</p>" * 150 + "<p>Bottomword.</p>" + "</div>" * 150
    done, out = build(tmp_path, {"deep.xml": tei(body, ident="deep")})
    assert_built(done)
    assert_words(out, "deep", "Top. Bottomword.")


def test_nesting_ten_thousand_levels_is_refused_with_a_located_message(tmp_path):
    body = "<p>" + "<hi>" * 10000 + "x" + "</hi>" * 10000 + "</p>"
    done, _ = build(tmp_path, {"deep.xml": tei(body, ident="deep")})
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "deep.xml:" in done.stdout + done.stderr
    assert "XML_PARSE_HUGE" not in done.stdout + done.stderr


def test_a_folder_whose_files_have_no_text_builds(tmp_path):
    files = {"head.xml": tei("", ident="head", text=False),
             "bare.xml": '<TEI xmlns="http://www.tei-c.org/ns/1.0"/>\n'}
    done, out = build(tmp_path, files)
    assert_built(done)
    assert (out / "html" / "index.html").is_file()


def test_contributors_named_before_their_responsibility_render(tmp_path):
    # found by the grammar fuzzer: respStmt allows names first, and several resp
    doc = tei("<p>Body.</p>", ident="r").replace("</title></titleStmt>", "</title><respStmt><name>Olwen Tarrant</name>"
                                                "<resp>transcribed</resp><resp>proofread</resp></respStmt></titleStmt>")
    done, out = build(tmp_path, {"r.xml": doc})
    assert_built(done)
    assert_words(out, "r", "Olwen Tarrant transcribed proofread")


def test_forme_work_without_a_type_renders(tmp_path):
    # found by the grammar fuzzer: fw's label was looked up by a @type it may lack
    done, out = build(tmp_path, {"fw.xml": tei("<fw>Running headword</fw><p>Body.</p>", ident="fw")})
    assert_built(done)
    assert_words(out, "fw", "Running headword")


def test_deep_nesting_is_printed_whole(tmp_path):
    # WeasyPrint's layout is recursive: 250 levels raised RecursionError in the PDF worker
    body = "<p>" + "<hi>" * 250 + "Deepword" + "</hi>" * 250 + " after.</p>" + "<div><p>Top.</p>" * 150 + "<p>Bottomword.</p>" + "</div>" * 150
    done, out = build(tmp_path, {"deep.xml": tei(body, ident="deep")}, pdf=True)
    assert_built(done)
    printed = pdftotext(out / "pdf" / "deep.pdf")
    assert printed.count("Top.") == 150 and "Deepword" in printed and "Bottomword" in printed
