"""The Encoding guidelines page: generated from tei/schema/, it documents every element, value
and rule of the edition, so that it cannot fall behind the schemas."""

from __future__ import annotations

import pytest
from lxml import etree, html

from conftest import TEI

NS = {"rng": "http://relaxng.org/ns/structure/1.0", "a": "http://relaxng.org/ns/compatibility/annotations/1.0",
      "sch": "http://purl.oclc.org/dsdl/schematron"}
GRAMMAR = etree.parse(str(TEI / "schema" / "edition.rng"))
RULES = etree.parse(str(TEI / "schema" / "edition.sch"))
ELEMENTS = GRAMMAR.xpath("//rng:define/rng:element/@name", namespaces=NS)


@pytest.fixture(scope="module")
def guidelines(site) -> html.HtmlElement:
    return html.parse(str(site / "guidelines.html")).getroot()


def entry(page: html.HtmlElement, name: str) -> html.HtmlElement:
    return page.get_element_by_id(f"el-{name}")


def test_every_element_of_the_schema_says_what_it_holds_in_this_edition():
    undocumented = GRAMMAR.xpath("//rng:define[rng:element][not(normalize-space(a:documentation))]/@name", namespaces=NS)
    assert not undocumented, undocumented


def test_the_page_lists_every_element_the_schema_declares_with_its_documentation(guidelines):
    listed = {i.removeprefix("el-") for i in guidelines.xpath("//section[@class='element']/@id")}
    assert listed == set(ELEMENTS)
    fw = GRAMMAR.xpath("string(//rng:define[@name='fw']/a:documentation)", namespaces=NS)
    assert fw.split(":")[0] in entry(guidelines, "fw").text_content()


def message(test: etree._Element) -> str:
    """A rule's message as the page prints it: what it quotes from the file becomes "…"."""
    parts = [test.text or ""] + ["…" + (child.tail or "") for child in test]
    return " ".join("".join(parts).split())


def test_the_page_lists_every_schematron_rule_with_its_message(guidelines):
    for test in RULES.xpath("//sch:assert | //sch:report", namespaces=NS):
        rule = " ".join(guidelines.get_element_by_id(f"rule-{test.get('id')}").text_content().split())
        assert f"({test.get('role')})" in rule and message(test) in rule, test.get("id")


def test_closed_lists_of_values_are_printed_as_lists(guidelines):
    note = entry(guidelines, "note")
    values = note.xpath(".//dl[@class='attributes']/dt[code='@type']/following-sibling::dd[1]//li/code/text()")
    assert values == GRAMMAR.xpath("//rng:element[@name='note']//rng:attribute[@name='type']//rng:value/text()", namespaces=NS)
    assert {"authorial", "translation", "editorial", "textual"} <= set(values)


def test_datatypes_are_named_in_words(guidelines):
    when = entry(guidelines, "date").xpath("string(.//dl[@class='attributes']/dt[code='@when']/following-sibling::dd[1])")
    assert "a date (YYYY-MM-DD)" in when and "a year (YYYY)" in when


def test_every_element_has_an_example_from_the_edition(guidelines):
    for name in ELEMENTS:
        example = entry(guidelines, name).xpath("string(.//pre/code)")
        assert example.startswith(f"<{name}") and "xmlns" not in example.split(">")[0], (name, example[:80])
        assert len(example) <= 402, name


def test_the_home_page_and_the_sitemap_lead_to_the_guidelines(site):
    home = html.parse(str(site / "index.html")).getroot()
    assert home.xpath("//nav[@class='home-links']//a[@href='guidelines.html']")
    assert "guidelines.html" in (site / "sitemap.xml").read_text(encoding="utf-8")
