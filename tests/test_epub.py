"""The EPUB 3 of the edition: valid by EPUBCheck, every chapter in it, every note an EPUB
footnote with the note's own id, the same bytes from the same edition."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

from lxml import etree

from conftest import TEI, require

NS = {"h": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops", "opf": "http://www.idpf.org/2007/opf",
      "tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def book(site: Path) -> zipfile.ZipFile:
    return zipfile.ZipFile(site / "downloads" / "edition.epub")


def chapter(site: Path, name: str) -> etree._Element:
    return etree.fromstring(book(site).read(f"OEBPS/{name}.xhtml"))


def expected_chapters() -> list[str]:
    """The chapters in reading order, read from the TEI: front matter, documents, registers."""
    front = etree.parse(str(TEI / "edition.xml"))
    divisions = front.xpath("tei:text/tei:body/tei:div/@xml:id", namespaces=NS)
    documents = [c.removeprefix("doc:") for c in front.xpath("//tei:listBibl[@type = 'contents']/tei:bibl/@corresp", namespaces=NS)]
    registers = sorted(etree.parse(str(path)).getroot().get(XML_ID) for path in (TEI / "registers").glob("*.xml"))
    return [*divisions, *documents, *registers]


def test_epubcheck_finds_no_error_and_no_warning(site, tmp_path):
    # Debian's /usr/bin/epubcheck is the jar itself, run through binfmt_misc, which containers lack
    epubcheck = require("/usr/bin/epubcheck", "EPUBCheck", "apt-get install epubcheck (as .ci/run does)")
    java = require("java", "Java", "apt-get install default-jre-headless (as .ci/run does)")
    report = tmp_path / "epubcheck.json"
    subprocess.run([java, "-jar", epubcheck, "--json", str(report), str(site / "downloads" / "edition.epub")],
                   capture_output=True, text=True, timeout=300)
    messages = json.loads(report.read_text(encoding="utf-8"))["messages"]
    problems = [f"{m['severity']} {m['ID']} {m['locations'][0]['path'] if m['locations'] else ''}: {m['message']}"
                for m in messages if m["severity"] in {"FATAL", "ERROR", "WARNING"}]
    assert not problems, problems[:20]


def test_the_epub_holds_every_chapter_in_reading_order(site):
    package = etree.fromstring(book(site).read("OEBPS/content.opf"))
    hrefs = {item.get("id"): item.get("href") for item in package.xpath("//opf:manifest/opf:item", namespaces=NS)}
    spine = [hrefs[ref] for ref in package.xpath("//opf:spine/opf:itemref/@idref", namespaces=NS)]
    assert spine == ["nav.xhtml", *(f"{name}.xhtml" for name in expected_chapters())]
    toc = chapter(site, "nav").xpath("//h:nav[@epub:type = 'toc']//h:a/@href", namespaces=NS)
    assert toc == spine[1:]


def test_every_note_of_every_document_is_an_epub_footnote_with_its_id(site):
    for path in sorted((TEI / "texts").glob("*.xml")):
        tei = etree.parse(str(path)).getroot()
        notes = [note.get(XML_ID) for note in tei.iter("{http://www.tei-c.org/ns/1.0}note")]
        page = chapter(site, tei.get(XML_ID))
        footnotes = page.xpath("//h:aside[@epub:type = 'footnote'][@role = 'doc-footnote']/@id", namespaces=NS)
        references = page.xpath("//h:a[@epub:type = 'noteref'][@role = 'doc-noteref']/@href", namespaces=NS)
        assert notes and sorted(footnotes) == sorted(notes), path.name
        assert sorted(references) == sorted(f"#{note}" for note in notes), path.name


def test_the_reading_view_drops_the_web_pages_furniture(site):
    page = chapter(site, "kgb-message")
    assert page.xpath("//h:span[contains(@class, 'intervention')]/@title", namespaces=NS)
    assert not page.xpath("//*[contains(@class, 'reading-source') or contains(@class, 'permalink') or @role = 'tooltip']"
                          " | //h:fieldset | //h:input", namespaces=NS)


def test_two_builds_give_the_same_bytes(site):
    from teiedition.edition import find_root, load
    from teiedition.epub import epub
    from teiedition.resources import resource
    from teiedition.transform import Saxon

    edition, _ = load(find_root(TEI))
    data = Saxon(edition).compile(resource("xslt") / "epub" / "edition.xsl").call("epub")
    css = (resource("templates") / "epub" / "epub.css").read_bytes()
    first, second = epub(data, css, "2025-12-01"), epub(data, css, "2025-12-01")
    assert first == second == (site / "downloads" / "edition.epub").read_bytes()  # the site is built on 2025-12-01
