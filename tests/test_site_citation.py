"""Citations: with a public address every form is absolute; without one the page says its
addresses are relative; the BibTeX braces a body's name; Highwire tags and COinS parse; the ¶
of a passage copies a citation of that passage (in Chromium)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs

import pytest
from lxml import etree, html

from conftest import TEI

BASE = "https://example.org/edition/"
DOCUMENTS = ("rajavi-letter", "ulianovskii-memo", "kgb-message", "exaro-article", "mojahedin-ws-essay")


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    """The HTML edition built for publication, with its public address."""
    from teiedition.build import build

    out = tmp_path_factory.mktemp("published")
    build(TEI, out, base_url=BASE, pdf=False)
    return out / "html"


def citation_forms(page) -> dict[str, str]:
    forms = {f"style {p.get('id')}": p.text_content() for p in page.xpath("//section[@id='cite']//p[@class='citation']")}
    forms.update({pre.get("id"): pre.text_content() for pre in page.xpath("//section[@id='cite']//pre[@id]")})
    forms["permalink"] = page.xpath("string(//a[@class='permalink-url'])")
    forms["csl-json"] = json.loads(page.xpath("string(//script[@type='application/vnd.citationstyles.csl+json'])"))["URL"]
    forms["highwire"] = page.xpath("string(//meta[@name='citation_public_url']/@content)")
    forms["coins"] = parse_qs(page.xpath("string(//span[@class='Z3988']/@title)"))["rft_id"][0]
    return forms


@pytest.mark.parametrize("name", DOCUMENTS)
def test_with_a_base_url_every_citation_form_has_the_absolute_address(published, name):
    page = html.parse(str(published / f"{name}.html"))
    forms = citation_forms(page)
    assert len(forms) == 10
    for form, text in forms.items():
        assert BASE + f"{name}.html" in text, form


def test_with_a_base_url_the_sitemap_lists_absolute_addresses(published):
    sitemap = etree.parse(str(published / "sitemap.xml"))
    locations = sitemap.xpath("//*[local-name()='loc']/text()")
    assert locations and all(location.startswith(BASE) for location in locations)


def test_without_a_base_url_a_document_says_its_citations_are_relative(site):
    page = html.parse(str(site / "kgb-message.html"))
    assert "relative" in page.xpath("string(//p[@class='cite-relative'])")


def test_bibtex_braces_a_corporate_author_and_gives_year_and_month(published):
    page = html.parse(str(published / "kgb-message.html"))
    bibtex = page.xpath("string(//pre[@id='bibtex-text'])")
    assert "author = {{CPSU Central Committee}}" in bibtex
    assert "year = {2026}" in bibtex and "month = nov" in bibtex and "date = {2026-11-23}" in bibtex
    assert "urldate" not in bibtex  # a build date would be a false access date: the reader's is added


def test_every_form_of_a_documents_citation_is_a_part_of_the_edition_under_its_heading(published):
    """One record, one shape: BibTeX, RIS, CSL-JSON, the Highwire tags and COinS all cite the
    document under its standard heading (which gives its own date) as a part of the edition,
    dated by the edition (review 18g #2: the edition's year was missing), with no publisher
    besides its editors (review 18f: the tool's name stood as the publisher)."""
    page = html.parse(str(published / "kgb-message.html"))
    bibtex, ris = (page.xpath(f"string(//pre[@id='{key}-text'])") for key in ("bibtex", "ris"))
    csl = json.loads(page.xpath("string(//pre[@id='csl-text'])"))
    meta = {m.get("name"): m.get("content") for m in page.xpath("//meta[starts-with(@name, 'citation_')]")}
    coins = parse_qs(page.xpath("string(//span[@class='Z3988']/@title)"))
    year = str(csl["issued"]["date-parts"][0][0])
    assert year == "2026" and "publisher" not in csl
    heading = "Telegram From the CPSU Central Committee to Sofia, With a Message for Massoud Rajavi, [Moscow, 16 February 1986]"
    assert csl["title"] == heading and meta["citation_title"] == heading and coins["rft.atitle"] == [heading]
    assert f"TI  - {heading}" in ris and heading in bibtex
    assert bibtex.startswith("@incollection{") and f"year = {{{year}}}" in bibtex and "publisher" not in bibtex
    assert "TY  - CHAP" in ris and f"PY  - {year}" in ris and "PB  -" not in ris
    assert meta["citation_date"].startswith(year) and "citation_publisher" not in meta
    assert coins["rft.date"][0].startswith(year) and "rft.publisher" not in coins


def test_every_machine_form_gives_the_archive_and_signature_of_the_original(published):
    """Review 18f #2: the RGANI signature was in none of the machine formats."""
    page = html.parse(str(published / "kgb-message.html"))
    bibtex, ris = (page.xpath(f"string(//pre[@id='{key}-text'])") for key in ("bibtex", "ris"))
    csl = json.loads(page.xpath("string(//pre[@id='csl-text'])"))
    assert csl["type"] == "manuscript" and "RGANI" in csl["archive"]
    assert csl["archive_location"] == "fond 89, opis' 15, delo 24, ll. 2–4"
    assert "AN  - fond 89, opis' 15, delo 24, ll. 2–4" in ris and "DB  - Russian State Archive" in ris
    assert "note = {Russian State Archive of Contemporary History (RGANI), fond 89" in bibtex
    assert "fond 89, opis' 15, delo 24, ll. 2–4" in page.xpath("string(//p[@id='citation-chicago'])").lower()


def test_the_three_styles_are_formatted_from_the_record_with_a_place_for_the_access_date(published):
    page = html.parse(str(published / "kgb-message.html"))
    chicago, mla, apa = (page.xpath(f"string(//p[@id='citation-{key}'])") for key in ("chicago", "mla", "apa"))
    assert chicago.startswith("CPSU Central Committee. “Telegram From the CPSU Central Committee to Sofia")
    assert page.xpath("//p[@id='citation-chicago']/span[@class='accessed']/@data-template") == ["Accessed {m} {d}, {y}. "]
    assert "16 February 1986]" in mla and "version 0.1.0, 23 Nov. 2026" in mla
    assert apa.startswith("CPSU Central Committee. (2026). ") and "[Telegram]" in apa


def test_persons_are_cited_family_name_first_and_bodies_as_written(published):
    names = {}
    for name in DOCUMENTS:
        page = html.parse(str(published / f"{name}.html"))
        names[name] = json.loads(page.xpath("string(//script[@type='application/vnd.citationstyles.csl+json'])"))["author"]
        if name == "rajavi-letter":
            assert page.xpath("string(//p[@id='citation-chicago'])").startswith("Rajavi, Massoud. “")
            assert page.xpath("string(//p[@id='citation-apa'])").startswith("Rajavi, M. (")
            assert "author = {Rajavi, Massoud}" in page.xpath("string(//pre[@id='bibtex-text'])")
    assert names["rajavi-letter"] == [{"family": "Rajavi", "given": "Massoud"}]
    assert names["ulianovskii-memo"] == [{"family": "Ul'ianovskii", "given": "R."}]
    assert names["kgb-message"] == [{"literal": "CPSU Central Committee"}]


#: a date known only to its year (the Exaro article's "probably June–August 2011") is given as the year
@pytest.mark.parametrize("key, shape", [
    ("chicago", r"^[^“]+\. “[^”]+\.” [A-Z][a-z ]+\. In .+, version 0\.1\.0, edited by the editorial team of Moscow and the Mojahedin(, translated by .+?)?\. (\w+ \d+, )?\d{4}\. (Fond .+\. )?https://\S+\.$"),
    ("mla", r"^[^“]+\. “[^”]+\.” [A-Z][a-z ]+\. .+, edited by the editorial team of Moscow and the Mojahedin, (translated by .+?, )?version 0\.1\.0, (\d+ \w+\.? )?\d{4}, (.+, )?https://\S+\.$"),
    ("apa", r"^.+\. \(\d{4}\)\. .+ \[[A-Z][a-z ]+\]\. In The editorial team of Moscow and the Mojahedin \(Ed\.\), .+ \(Version 0\.1\.0\)\. (.+\. )?https://\S+ \(Original work published \d{4}\)$"),
])
def test_each_style_gives_every_kind_of_document_one_shape(published, key, shape):
    for name in DOCUMENTS:
        text = html.parse(str(published / f"{name}.html")).xpath(f"string(//p[@id='citation-{key}'])")
        assert re.match(shape, text), (name, text)


def test_reuse_cites_the_edition_in_every_form(published):
    page = html.parse(str(published / "reuse.html"))
    forms = [page.xpath(f"string(//section[@id='cite']//*[@id='{key}'])") for key in
             ("citation-chicago", "citation-mla", "citation-apa", "bibtex-text", "ris-text", "csl-text")]
    assert all(BASE in form for form in forms)
    assert forms[0].startswith("The editorial team of Moscow and the Mojahedin. Moscow and the Mojahedin")


def test_highwire_tags_and_coins_describe_the_document_as_a_part_of_the_edition(published):
    """Review 18g #4: a Dublin Core COinS span made Zotero save a web page without the edition;
    as a book item (genre bookitem) it is a book section with its book."""
    page = html.parse(str(published / "rajavi-letter.html"))
    meta = {m.get("name"): m.get("content") for m in page.xpath("//meta[starts-with(@name, 'citation_')]")}
    assert meta["citation_title"] and meta["citation_author"] and re.fullmatch(r"\d{4}/\d{2}/\d{2}", meta["citation_date"])
    coins = parse_qs(page.xpath("string(//span[@class='Z3988']/@title)"))
    assert coins["ctx_ver"] == ["Z39.88-2004"] and coins["rft_val_fmt"] == ["info:ofi/fmt:kev:mtx:book"] and coins["rft.genre"] == ["bookitem"]
    assert coins["rft.atitle"] == [meta["citation_title"]] and coins["rft.btitle"] == [meta["citation_inbook_title"]]
    assert coins["rft.aulast"] == ["Rajavi"] and coins["rft.aufirst"] == ["Massoud"]


def test_the_pilcrow_of_a_paragraph_copies_a_citation_of_that_paragraph(browser, served):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.goto(served + "kgb-message.html")
    number = tab.evaluate("""[...document.querySelectorAll('.text [id^="p-"]')].findIndex(e => e.id === 'p-message-paris-meeting') + 1""")
    tab.locator("#p-message-paris-meeting").hover()
    tab.click("#p-message-paris-meeting > a.permalink")
    tab.locator(".passage-menu button", has_text="Copy citation").click()
    tab.wait_for_timeout(200)
    copied = tab.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("CPSU Central Committee.")
    # the passage named before the reader's access date, which belongs to the address (review 18i #5)
    assert re.search(rf"¶ {number}\. Accessed \w+ \d+, \d{{4}}\. {re.escape(served)}kgb-message\.html#p-message-paris-meeting\.$", copied), copied
    assert number > 1
    context.close()


def test_the_access_date_is_the_day_the_reader_reads(browser, served):
    from datetime import date

    tab = browser.new_page()
    tab.goto(served + "kgb-message.html")
    chicago = tab.locator("#citation-chicago").inner_text()
    today = date.today()
    assert f"Accessed {today:%B} {today.day}, {today.year}." in chicago
    tab.close()


def test_with_a_base_url_the_404_page_works_at_any_depth_on_any_host(published):
    page = html.parse(str(published / "404.html"))
    local = [href for href in page.xpath("//link[not(@rel = 'canonical')]/@href | //script/@src | //a/@href")
             if not href.startswith(("/edition/", "#", "https://creativecommons.org/"))]
    assert local == []


def test_a_title_that_looks_like_markup_stays_text_in_every_style():
    from teiedition import citation

    item = citation.record({"id": "x", "title": '<script>alert("t")</script> & <i>', "authors": ["A & B"], "date": "1986-02-16"},
                           {"title": "Ed <b>", "editors": [], "version": "1"}, "x.html")
    for style in citation.citations(item).values():
        assert "<script" not in style["html"] and "&lt;script&gt;" in style["html"]
        assert "<b>" not in style["html"]
        assert '<script>alert("t")</script>' in style["text"]


def test_a_document_dated_between_two_days_is_cited_with_only_what_they_share(published):
    """The Exaro article is dated "probably June–August 2011" (notBefore 2011-06-01, notAfter
    2011-08-31): its citations and machine-readable dates say 2011, never a day nobody asserts."""
    page = html.parse(str(published / "exaro-article.html"))
    csl = json.loads(page.xpath("string(//pre[@id='csl-text'])"))
    assert "[London, June–August 2011?]" in csl["title"]
    assert "2011-06-01" not in page.xpath("string(//pre[@id='bibtex-text'])")
    assert not page.xpath("//time[@datetime='2011-06-01']") and page.xpath("//time[@datetime='2011']")


def test_no_citation_names_the_build_tool_as_editor_or_publisher(published):
    """Review 18f #1: "teiedition", the generator's name, stood as publisher and editor."""
    page = html.parse(str(published / "kgb-message.html"))
    forms = citation_forms(page)
    texts = [page.xpath("string(//section[@id='cite'])"), page.xpath("string(//script[@type='application/vnd.citationstyles.csl+json'])")]
    texts += [m.get("content") for m in page.xpath("//meta[starts-with(@name, 'citation_') or starts-with(@name, 'DC.')]")]
    assert forms and not [text for text in texts if "teiedition" in text.lower()]


def test_a_translated_document_is_cited_with_its_translators_in_the_order_of_the_chain(published):
    """Review 17d #6: a citation of the letter named no translator, though its English is
    Iserman's translation of Gudimenko's Russian."""
    page = html.parse(str(published / "rajavi-letter.html"))
    csl = json.loads(page.xpath("string(//pre[@id='csl-text'])"))
    assert csl["translator"] == [{"family": "Gudimenko", "given": "V."}, {"family": "Iserman", "given": "Richard"}]
    assert "translated by V. Gudimenko and Richard Iserman" in page.xpath("string(//p[@id='citation-chicago'])")
    ris = page.xpath("string(//pre[@id='ris-text'])")
    assert "A4  - Gudimenko, V.\nA4  - Iserman, Richard" in ris
    assert "translator = {Gudimenko, V. and Iserman, Richard}" in page.xpath("string(//pre[@id='bibtex-text'])")


@pytest.mark.parametrize("name", ["introduction", "principles", "apparatus", "persons", "chronology"])
def test_the_editors_own_pages_can_be_cited_as_chapters_of_the_edition(published, name):
    """Review 18g #5: only the five documents had a citation."""
    page = html.parse(str(published / f"{name}.html"))
    csl = json.loads(page.xpath("string(//pre[@id='csl-text'])"))
    assert csl["type"] == "chapter" and csl["URL"] == BASE + f"{name}.html"
    assert page.xpath("string(//p[@id='citation-chicago'])").startswith("The editorial team of Moscow and the Mojahedin. “")


def test_a_build_without_the_book_does_not_offer_its_named_destinations(published, site):
    """Review 18i #2: a --no-pdf site promised `edition.pdf#…`, a file it does not publish."""
    assert "edition.pdf" not in (published / "reuse.html").read_text(encoding="utf-8")
    assert "edition.pdf#p-message-paris-meeting" in (site / "reuse.html").read_text(encoding="utf-8")


def test_apa_dates_a_document_by_the_edition_and_by_its_own_original_date(published):
    """Review 18i #3: APA gave a 1986 telegram as "(2026)" alone; the record carries its own date."""
    page = html.parse(str(published / "kgb-message.html"))
    assert page.xpath("string(//p[@id='citation-apa'])").rstrip(".").endswith("(Original work published 1986)")
    record = json.loads(page.xpath("string(//script[@type='application/vnd.citationstyles.csl+json'])"))
    assert record["original-date"] == {"date-parts": [[1986, 2, 16]]}
    assert "origdate = {1986-02-16}" in page.xpath("string(//pre[@id='bibtex-text'])")


def test_chicago_does_not_repeat_the_date_its_standard_heading_names(published):
    chicago = html.parse(str(published / "kgb-message.html")).xpath("string(//p[@id='citation-chicago'])")
    assert chicago.count("16 February 1986") == 1, chicago


def test_apa_capitalises_a_group_editors_article(published):
    apa = html.parse(str(published / "kgb-message.html")).xpath("string(//p[@id='citation-apa'])")
    assert "In The editorial team of Moscow and the Mojahedin (Ed.)" in apa


def test_the_edition_as_a_whole_is_exported_as_a_book_not_a_chapter_without_one(published):
    """Review 18j #1: reuse.html's BibTeX was an @incollection and its RIS a CHAP, neither with a book."""
    page = html.parse(str(published / "reuse.html"))
    assert page.xpath("string(//section[@id='cite']//*[@id='bibtex-text'])").startswith("@book{")
    assert "TY  - BOOK" in page.xpath("string(//section[@id='cite']//*[@id='ris-text'])")
    document = html.parse(str(published / "kgb-message.html"))
    assert document.xpath("string(//pre[@id='bibtex-text'])").startswith("@incollection{")


def test_a_style_that_title_cases_leaves_the_editors_brackets_as_written(published):
    """Review 18k #1: Chicago and MLA printed "[place Not Given]"."""
    page = html.parse(str(published / "rajavi-letter.html"))
    for key in ("chicago", "mla"):
        assert "[place not given]" in page.xpath(f"string(//p[@id='citation-{key}'])"), key


def test_the_styles_remembered_lookups_give_the_citations_citeproc_gives(monkeypatch):
    from citeproc import model

    from teiedition import citation

    def item(ident: str, title: str, family: str) -> dict:
        return {"id": ident, "type": citation.TYPE, "title": title, "author": [{"family": family, "given": "Massoud"}],
                "issued": {"date-parts": [[2026, 12, 1]]}, "original-date": {"date-parts": [[1985, 12, 26]]},
                "container-title": "An Edition", "editor": [{"literal": "The Editors"}], "URL": f"https://example.org/{ident}.html"}

    citation.citations(item("a", "Letter to Gorbachev, [Paris, 26 December 1985]", "Rajavi"))
    remembered = citation.citations(item("b", "Message to Rajavi, [Moscow, 16 February 1986]", "Ul'ianovskii"))
    monkeypatch.setattr(model.CitationStylesElement, "xpath_search", lambda element, expression: element.xpath(expression, namespaces=element.nsmap))
    assert citation.citations(item("b", "Message to Rajavi, [Moscow, 16 February 1986]", "Ul'ianovskii")) == remembered


def test_a_styles_lookups_are_made_once_not_at_every_citation(monkeypatch):
    from citeproc.model import CitationStylesElement

    from teiedition import citation

    record = {"id": "letter", "type": "manuscript", "title": "A Letter", "author": [{"literal": "A. Writer"}],
              "issued": {"date-parts": [[1986, 2, 16]]}, "URL": "letter.html"}
    first = citation.citations(record)
    queries = []
    search = CitationStylesElement.xpath
    monkeypatch.setattr(CitationStylesElement, "xpath", lambda element, *args, **kwargs: queries.append(args) or search(element, *args, **kwargs))
    assert citation.citations({**record, "URL": "letter.html"}) == first
    assert queries == []  # citeproc-py's XPath lookups in a loaded style are kept (1,800 a record)
