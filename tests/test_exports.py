"""The edition as data: every download exists, is linked from the site, and round-trips."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile

import pytest
from lxml import etree, html
from pypdf import PdfReader

from conftest import SEEDS, TEI
from test_fidelity import ENDNOTE, SEEDS_TO_TEI, first_gap, seed_lines, words

NS = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def test_every_download_is_linked_from_the_site(site):
    linked = set()
    for page in site.glob("*.html"):
        linked |= {href for _, _, href, _ in html.parse(str(page)).getroot().iterlinks()}
    downloads = {f"downloads/{p.relative_to(site / 'downloads').as_posix()}" for p in (site / "downloads").rglob("*") if p.is_file()}
    unlinked = sorted(d for d in downloads if d not in linked and not d.startswith("downloads/schema/"))
    assert not unlinked, unlinked


def test_the_corpus_file_is_valid_tei_and_holds_every_file_of_the_edition(site, tei_all):
    corpus = etree.parse(str(site / "downloads" / "edition-corpus.xml"))
    assert tei_all.validate(corpus), tei_all.error_log
    members = corpus.xpath("/tei:teiCorpus/tei:TEI/@xml:id", namespaces=NS)
    expected = [etree.parse(str(p)).getroot().get(XML_ID) for p in [TEI / "edition.xml", *(TEI / "texts").glob("*.xml"), *(TEI / "registers").glob("*.xml")]]
    assert sorted(members) == sorted(expected)
    models = " ".join(pi.text for pi in corpus.xpath("/processing-instruction('xml-model')"))
    assert "tei_all.rng" in models and "edition.rng" in models and "edition.sch" in models


def test_each_documents_tei_is_offered_exactly_as_edited_with_its_schemas_beside_it(site):
    for path in (TEI / "texts").glob("*.xml"):
        assert (site / "downloads" / path.name).read_bytes() == path.read_bytes()
    assert (site / "schema" / "edition.rng").read_bytes() == (TEI / "schema" / "edition.rng").read_bytes()


def register_entries() -> dict[str, etree._Element]:
    entries = {}
    for path in (TEI / "registers").glob("*.xml"):
        for entry in etree.parse(str(path)).xpath("//tei:standOff//*[self::tei:person or self::tei:org or self::tei:place or self::tei:event or self::tei:bibl][@xml:id]", namespaces=NS):
            entries[entry.get(XML_ID)] = entry
    return entries


def test_the_registers_as_json_agree_with_the_tei(site):
    records = json.loads((site / "downloads" / "registers.json").read_text(encoding="utf-8"))
    entries = register_entries()
    assert sorted(r["id"] for r in records) == sorted(entries)
    all_ids = {i for p in TEI.rglob("*.xml") for i in etree.parse(str(p)).xpath("//@xml:id")}
    for record in records:
        entry = entries[record["id"]]
        main = (entry.xpath("*[@type='main']") or entry.xpath("tei:persName | tei:orgName | tei:placeName | tei:label | tei:title", namespaces=NS) or [entry])[0]
        assert record["name"].split()[0] in " ".join("".join(main.itertext()).split()), record["id"]
        for idno in entry.xpath("tei:idno[@type='wikidata' or @type='geonames']", namespaces=NS):
            assert any(a["id"] == idno.text.strip() for a in record["authorities"])
        for occurrence in record["occurrences"]:
            assert set(occurrence["places"]) <= all_ids


def test_the_registers_as_csv_agree_with_the_json(site):
    records = json.loads((site / "downloads" / "registers.json").read_text(encoding="utf-8"))
    rows = list(csv.DictReader(io.StringIO((site / "downloads" / "registers.csv").read_text(encoding="utf-8"))))
    assert [(r["id"], r["name"]) for r in rows] == [(r["id"], r["name"]) for r in records]
    olfat = next(r for r in rows if r["id"] == "olfat_farhad")
    assert "ulianovskii-memo#p-memo-olfat-arrival" in olfat["occurrences"]


@pytest.mark.parametrize("seed", sorted(SEEDS_TO_TEI))
def test_the_diplomatic_plain_text_holds_every_word_of_the_source_in_order(site, seed):
    slug, start, chrome = SEEDS_TO_TEI[seed]
    lines = [line for n, line in enumerate(seed_lines(seed), 1) if n >= start and n not in chrome and not ENDNOTE.match(line)]
    text = (site / "downloads" / f"{slug}.diplomatic.txt").read_text(encoding="utf-8")
    expected, found = words("\n".join(lines)), words(text)
    gap = first_gap(expected, found)
    assert gap is None, f"{slug}: {expected[gap]!r} missing near {expected[max(0, gap - 5):gap + 5]}"


def test_the_zip_holds_every_download_and_a_manifest_of_their_checksums(site):
    with zipfile.ZipFile(site / "downloads" / "edition-data.zip") as archive:
        manifest = archive.read("MANIFEST-SHA256.txt").decode("utf-8").splitlines()
        listed = {}
        for line in manifest:
            digest, name = line.split("  ", 1)
            listed[name] = digest
            assert hashlib.sha256(archive.read(name)).hexdigest() == digest
    on_disk = {p.relative_to(site / "downloads").as_posix() for p in (site / "downloads").rglob("*") if p.is_file() and p.name != "edition-data.zip"}
    assert set(listed) == on_disk


def test_one_identifier_resolves_in_the_tei_the_html_and_the_pdf(site, pdfs):
    tei = etree.parse(str(TEI / "texts" / "kgb-message.xml"))
    ids = [i for i in tei.xpath("//tei:text//@xml:id", namespaces=NS) if re.match(r"[pn]-", i)]
    page_ids = set(html.parse(str(site / "kgb-message.html")).getroot().xpath("//@id"))
    destinations = PdfReader(pdfs / "edition.pdf").named_destinations
    assert ids and set(ids) <= page_ids
    assert set(ids) <= set(destinations)


def test_document_pages_carry_citation_metadata_for_reference_managers(site):
    root = html.parse(str(site / "kgb-message.html")).getroot()
    assert root.xpath("string(//meta[@name='citation_title']/@content)") == "Telegram From the CPSU Central Committee to Sofia, With a Message for Massoud Rajavi, [Moscow, 16 February 1986]"
    assert root.xpath("string(//meta[@name='citation_date']/@content)") == "2026/11/23"  # the edition's, as every form
    csl = json.loads(root.xpath("string(//script[@type='application/vnd.citationstyles.csl+json'])"))
    # a document of the edition: its own date in its heading, published on the edition's (tei/edition.xml)
    assert "16 February 1986" in csl["title"] and csl["issued"]["date-parts"] == [[2026, 11, 23]]
    assert csl["container-title"].startswith("Moscow and the Mojahedin")
