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
    forms["coins"] = parse_qs(page.xpath("string(//span[@class='Z3988']/@title)"))["rft.identifier"][0]
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
    assert "year = {1986}" in bibtex and "month = feb" in bibtex
    assert "urldate = {" in bibtex


def test_the_three_styles_are_formatted_from_the_record_with_the_access_date(published):
    page = html.parse(str(published / "kgb-message.html"))
    chicago, mla, apa = (page.xpath(f"string(//p[@id='citation-{key}'])") for key in ("chicago", "mla", "apa"))
    assert chicago.startswith("CPSU Central Committee. “Message to Be Communicated") and "Accessed" in chicago
    assert "16 Feb. 1986" in mla
    assert "(1986)" in apa and "[Telegram]" in apa


def test_highwire_tags_and_coins_describe_the_document(published):
    page = html.parse(str(published / "rajavi-letter.html"))
    meta = {m.get("name"): m.get("content") for m in page.xpath("//meta[starts-with(@name, 'citation_')]")}
    assert meta["citation_title"] and meta["citation_author"] and re.fullmatch(r"\d{4}/\d{2}/\d{2}", meta["citation_date"])
    coins = parse_qs(page.xpath("string(//span[@class='Z3988']/@title)"))
    assert coins["ctx_ver"] == ["Z39.88-2004"]
    assert coins["rft.title"] == [meta["citation_title"]]
    assert coins["rft.creator"] == [meta["citation_author"]]


def test_the_pilcrow_of_a_paragraph_copies_a_citation_of_that_paragraph(browser, served):
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.goto(served + "kgb-message.html")
    tab.locator("#p-message-paris-meeting").hover()
    tab.click("#p-message-paris-meeting > a.permalink")
    tab.locator(".passage-menu button", has_text="Copy citation").click()
    tab.wait_for_timeout(200)
    copied = tab.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("CPSU Central Committee.")
    assert copied.endswith(served + "kgb-message.html#p-message-paris-meeting.")
    context.close()


def test_with_a_base_url_the_404_page_works_at_any_depth(published):
    page = html.parse(str(published / "404.html"))
    local = [href for href in page.xpath("//link/@href | //script/@src | //a/@href")
             if not href.startswith(("https://", "http://", "#"))]
    assert local == []


def test_a_title_that_looks_like_markup_stays_text_in_every_style():
    from teiedition import citation

    item = citation.record({"id": "x", "title": '<script>alert("t")</script> & <i>', "authors": ["A & B"], "date": "1986-02-16"},
                           {"title": "Ed <b>", "editors": [], "version": "1"}, "x.html", "2026-12-07")
    for style in citation.citations(item).values():
        assert "<script" not in style["html"] and "&lt;script&gt;" in style["html"]
        assert "<b>" not in style["html"]
        assert '<script>alert("t")</script>' in style["text"]
