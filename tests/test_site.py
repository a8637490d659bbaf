"""The HTML edition as files: complete, self-contained, every link resolving, each document
page carrying what a reader needs."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import html

from conftest import TEI

DOCUMENTS = ["rajavi-letter", "ulianovskii-memo", "kgb-message", "exaro-article", "mojahedin-ws-essay"]


def page(site: Path, name: str) -> html.HtmlElement:
    return html.parse(str(site / name)).getroot()


def pages(site: Path) -> list[Path]:
    return sorted(site.glob("*.html"))


def test_the_site_has_every_page(site):
    names = {p.name for p in pages(site)}
    expected = {"index.html", "introduction.html", "principles.html", "search.html", "404.html",
                "persons.html", "organisations.html", "places.html"} | {f"{d}.html" for d in DOCUMENTS}
    assert expected <= names
    assert (site / "sitemap.xml").is_file() and (site / "robots.txt").is_file()
    assert (site / "pagefind" / "pagefind.js").is_file()


def test_every_page_offers_a_png_icon_beside_the_svg_one(site):
    from PIL import Image

    for path in pages(site):
        icons = {link.get("type"): link.get("href") for link in page(site, path.name).xpath("//link[@rel='icon']")}
        assert set(icons) == {"image/png", "image/svg+xml"}, path.name
    with Image.open(site / icons["image/png"]) as png:
        assert (png.format, png.size) == ("PNG", (32, 32))


def test_every_internal_link_and_fragment_resolves(site):
    ids = {p.name: set(page(site, p.name).xpath("//@id")) for p in pages(site)}
    broken = []
    for path in pages(site):
        for element, attribute, link, _ in page(site, path.name).iterlinks():
            parts = urlsplit(link)
            if parts.scheme or link.startswith("//"):
                continue
            target = (site / unquote(parts.path)) if parts.path else path
            if not target.exists():
                broken.append(f"{path.name}: {link}")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in ids[target.name]:
                broken.append(f"{path.name}: {link} (no #{parts.fragment})")
    assert not broken, broken[:20]


def test_pages_load_nothing_from_another_host(site):
    for path in pages(site):
        root = page(site, path.name)
        loaded = root.xpath("//script/@src | //link[@rel='stylesheet']/@href | //img/@src | //link[@rel='preload']/@href")
        assert all(not urlsplit(url).scheme and not url.startswith("//") for url in loaded), path.name
        assert b"@import" not in (site / "assets" / "edition.css").read_bytes()


def test_every_page_forbids_inline_and_foreign_scripts(site):
    for path in pages(site):
        policy = page(site, path.name).xpath("string(//meta[@http-equiv='Content-Security-Policy']/@content)")
        assert "script-src 'self'" in policy and "default-src 'self'" in policy, path.name
        # data blocks (JSON-LD, CSL-JSON) are not run; any other script must come from a file
        data = ("application/ld+json", "application/vnd.citationstyles.csl+json")
        assert all(s.get("type") in data for s in page(site, path.name).xpath("//script[not(@src)]")), path.name


def test_the_home_page_lists_the_documents_in_chronological_order(site):
    dates = page(site, "index.html").xpath("//li[@class='document-card']//time/@datetime")
    assert len(dates) == 5 and dates == sorted(dates)


def test_a_correction_carries_both_readings_and_the_note(site):
    root = page(site, "kgb-message.html")
    intervention = root.xpath("//*[contains(@class, 'intervention')][.//*[@class='reading-source'] = 'Pants']")
    assert len(intervention) == 1
    assert intervention[0].xpath("string(.//*[@class='reading-edited'])") == "Paris"
    tip = intervention[0].xpath("string(.//*[@role='tooltip'])")
    assert "Pants" in tip and "misreading" in tip


def test_the_handwritten_insertion_is_labelled_for_screen_readers(site):
    add = page(site, "ulianovskii-memo.html").xpath("//*[contains(concat(' ', normalize-space(@class), ' '), ' tei-add ')]")
    assert len(add) == 1
    assert "100 million" in add[0].text_content() and "handwritten" in add[0].text_content().lower()


def test_every_paragraph_and_note_of_a_document_has_its_permalink(site):
    from lxml import etree

    for slug in DOCUMENTS:
        tei = etree.parse(str(TEI / "texts" / f"{slug}.xml"))
        wanted = {i for i in tei.xpath("//*[local-name()='text']//@xml:id") if re.match(r"[pn]-", i)}
        root = page(site, f"{slug}.html")
        have = set(root.xpath("//@id"))
        assert wanted <= have, sorted(wanted - have)[:5]
        linked = set(h[1:] for h in root.xpath("//a[contains(@class, 'permalink')]/@href"))
        assert {i for i in wanted if i.startswith("p-")} <= linked


def test_notes_are_listed_by_kind_each_called_from_a_marker_with_an_id(site):
    """The script makes each note's way back (↑) from its call: every note needs one with an id."""
    root = page(site, "rajavi-letter.html")
    kinds = root.xpath("//section[contains(@class, 'apparatus')]/section/@class")
    assert kinds == ["notes notes-authorial", "notes notes-translation", "notes notes-editorial", "notes notes-textual"]
    for note in root.xpath("//ol[contains(@class, 'note-list')]/li"):
        assert root.xpath(f"//a[contains(@class, 'note-ref')][@href='#{note.get('id')}'][@id]"), note.get("id")


def test_editors_notes_are_numbered_in_reading_order(site):
    for slug in DOCUMENTS:
        numbers = [int(n) for n in page(site, f"{slug}.html").xpath("//a[contains(@class, 'note-ref') and not(contains(@class, 'note-authorial'))]//sup/text()[last()]")]
        assert numbers == list(range(1, len(numbers) + 1)), slug


def test_names_link_to_their_register_entry_with_its_identification(site):
    assert page(site, "kgb-message.html").xpath("//a[contains(@class, 'tei-persName')][@href='persons.html#rajavi_massoud']")
    entry = page(site, "persons.html").xpath("//section[@id='rajavi_massoud']")[0]
    assert "Leader of the People's Mojahedin" in entry.get("data-identification")
    assert page(site, "persons.html").xpath("//section[@id='rajavi_massoud']//a[starts-with(@href, 'kgb-message.html#p-')]")


def test_dates_are_machine_readable(site):
    assert page(site, "rajavi-letter.html").xpath("//time[@datetime='1985-10-01']")


def test_the_archival_documents_link_to_each_other_both_ways(site):
    def related(slug: str) -> set[str]:
        return set(page(site, f"{slug}.html").xpath("//section[@class='relations']//a/@href"))

    assert {"ulianovskii-memo.html", "kgb-message.html"} <= related("rajavi-letter")
    assert {"rajavi-letter.html", "kgb-message.html"} <= related("ulianovskii-memo")
    assert {"rajavi-letter.html", "ulianovskii-memo.html"} <= related("kgb-message")


def test_each_document_page_offers_its_tei_and_plain_text(site):
    for slug in DOCUMENTS:
        assert (site / "downloads" / f"{slug}.xml").read_bytes() == (TEI / "texts" / f"{slug}.xml").read_bytes()
        reading = (site / "downloads" / f"{slug}.txt").read_text(encoding="utf-8")
        assert reading.count("\n") > 3
    assert "Pants" in (site / "downloads" / "kgb-message.diplomatic.txt").read_text(encoding="utf-8")
    assert "Pants" not in (site / "downloads" / "kgb-message.txt").read_text(encoding="utf-8")


def test_document_pages_carry_dublin_core_and_schema_org_metadata(site):
    import json

    root = page(site, "kgb-message.html")
    assert root.xpath("string(//meta[@name='DC.date']/@content)") == "1986-02-16"
    data = json.loads(root.xpath("string(//script[@type='application/ld+json'])"))
    assert "ArchiveComponent" in data["@type"] and data["dateCreated"] == "1986-02-16" and data["isPartOf"]["name"]


def test_the_web_fonts_have_a_glyph_for_every_character_shown(site):
    from fontTools.ttLib import TTFont

    text = "".join(page(site, p.name).text_content() for p in pages(site))
    for face in ("edition-serif.woff2", "edition-serif-italic.woff2"):
        cmap = TTFont(str(site / "assets" / "fonts" / face)).getBestCmap()
        missing = sorted({c for c in text if not c.isspace() and ord(c) not in cmap})
        assert not missing, (face, missing)



def test_the_fonts_every_page_loads_hold_just_the_characters_the_site_shows(site):
    from fontTools.ttLib import TTFont

    from conftest import ROOT

    text = "".join(p.read_text(encoding="utf-8") for p in pages(site))
    for face, whole_face in (("site-serif.woff2", "edition-serif.woff2"), ("site-serif-italic.woff2", "edition-serif-italic.woff2")):
        built, shipped = site / "assets" / "fonts" / face, ROOT / "templates" / "assets" / "fonts" / whole_face
        cmap, whole = TTFont(str(built)).getBestCmap(), TTFont(str(shipped)).getBestCmap()
        assert built.stat().st_size < 0.8 * shipped.stat().st_size
        assert not sorted({c for c in text if ord(c) in whole and ord(c) not in cmap}), face
        assert "fvar" in TTFont(str(built))  # still variable: the weights 400 to 600


PERSIAN_LETTER = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="tehran-letter" xml:lang="fa">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>نامهٔ میرزا حسن به برادرش در تبریز</title></titleStmt>
      <publicationStmt><p>منتشر نشده</p></publicationStmt>
      <sourceDesc><msDesc><msIdentifier><settlement>تهران</settlement><repository>کتابخانهٔ ملی</repository><idno>۱۲۳۴</idno></msIdentifier></msDesc></sourceDesc>
    </fileDesc>
    <profileDesc>
      <correspDesc>
        <correspAction type="sent"><persName>میرزا حسن</persName><placeName>تهران</placeName><date when="1891-05-04">۲۵ رمضان ۱۳۰۸</date></correspAction>
        <correspAction type="received"><persName>میرزا علی</persName><placeName>تبریز</placeName></correspAction>
      </correspDesc>
    </profileDesc>
  </teiHeader>
  <text><body><div type="letter">
    <p>برادر عزیزم، نامهٔ شما رسید.<note place="foot">یادداشت ویراستار: «قران» واحد پول قاجار است.</note></p>
  </div></body></text>
</TEI>
"""


@pytest.fixture(scope="module")
def persian(tmp_path_factory) -> html.HtmlElement:
    """The page of a Persian letter described as CMIF describes it (sender, place, date)."""
    from teiedition.build import build

    tmp = tmp_path_factory.mktemp("persian")
    (tmp / "corpus").mkdir()
    (tmp / "corpus" / "tehran-letter.xml").write_text(PERSIAN_LETTER, encoding="utf-8")
    build(tmp / "corpus", tmp / "out", pdf=False)
    return page(tmp / "out" / "html", "tehran-letter.html")


def test_a_letter_shows_its_sender_and_date_from_its_correspondence_description(persian):
    assert persian.xpath("string(//p[@class='parties'])") == "میرزا حسن, تهران → میرزا علی, تبریز"
    assert persian.xpath("string(//header//time/@datetime)") == "1891-05-04"
    assert "Sender" in persian.xpath("//section[@id='about']//dt/text()")


def test_a_right_to_left_title_parties_and_notes_keep_their_direction(persian):
    assert persian.xpath("string(//h1/@dir)") == "auto"
    assert len(persian.xpath("//p[@class='parties']/bdi")) == 2
    assert persian.xpath("//ol[contains(@class, 'note-list')]/li/div/@dir") == ["auto"]
    assert ",\u200e " in persian.xpath("string(//p[@class='source-note'])")  # each comma after its name


def test_a_note_without_an_xml_id_still_has_an_id_its_marker_and_permalink_point_to(persian):
    note = persian.xpath("//ol[contains(@class, 'note-list')]/li")[0]
    assert note.get("id")  # the script makes the note's permalink from it (test_site_reader)
    assert persian.xpath(f"//a[contains(@class, 'note-ref')][@href='#{note.get('id')}']")


def test_without_search_no_page_offers_it(tmp_path):
    from teiedition.build import build

    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "tehran-letter.xml").write_text(PERSIAN_LETTER, encoding="utf-8")
    build(tmp_path / "corpus", tmp_path / "out", pdf=False, search=False)
    site = tmp_path / "out" / "html"
    assert not (site / "search.html").exists()
    assert not [p.name for p in pages(site) if "search.html" in p.read_text(encoding="utf-8")]
