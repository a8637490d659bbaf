"""Each Schematron rule fails on its failing fixture and is silent on its passing one."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import TEI

FIXTURES = Path(__file__).parent / "schematron"
SCH_NS = {"sch": "http://purl.oclc.org/dsdl/schematron"}
SVRL = "{http://purl.oclc.org/dsdl/svrl}"


def rule_ids() -> list[str]:
    schema = etree.parse(str(TEI / "schema" / "edition.sch"))
    return schema.xpath("//sch:assert/@id | //sch:report/@id", namespaces=SCH_NS)


def findings(schemas, fixture: Path) -> list[str]:
    """The rule ids the Schematron reports on a fixture corpus."""
    # Without an ID table the parser accepts a repeated xml:id, as the edition's corpus
    # of separate files can hold one; the rule, not the parser, must find it.
    parser = etree.XMLParser(collect_ids=False)
    schemas.schematron.validate(etree.parse(str(fixture), parser))
    report = schemas.schematron.validation_report
    return [f.get("id") for f in report.iter(f"{SVRL}failed-assert", f"{SVRL}successful-report")]


@pytest.mark.parametrize("rule", rule_ids())
def test_rule_fires_on_its_failing_fixture(schemas, rule):
    assert rule in findings(schemas, FIXTURES / f"{rule}.fail.xml")


@pytest.mark.parametrize("rule", rule_ids())
def test_rule_is_silent_on_its_passing_fixture(schemas, rule):
    assert findings(schemas, FIXTURES / f"{rule}.pass.xml") == []


def test_every_rule_has_a_failing_and_a_passing_fixture():
    ids = set(rule_ids())
    fixtures = {p.name.split(".")[0] for p in FIXTURES.glob("*.xml")}
    assert ids == fixtures
    for rule in ids:
        assert (FIXTURES / f"{rule}.fail.xml").is_file() and (FIXTURES / f"{rule}.pass.xml").is_file()


def test_rule_ids_are_unique_kebab_case_with_a_role():
    schema = etree.parse(str(TEI / "schema" / "edition.sch"))
    tests = schema.xpath("//sch:assert | //sch:report", namespaces=SCH_NS)
    ids = [t.get("id") for t in tests]
    assert len(ids) == len(set(ids))
    assert all(i and i == i.lower() and " " not in i and "_" not in i for i in ids)
    assert all(t.get("role") in ("error", "warning") for t in tests)


def schema_patterns(attribute: str, element: str) -> list[str]:
    """Each alternative of the rules' contexts or the keys' match patterns."""
    schema = etree.parse(str(TEI / "schema" / "edition.sch"))
    found = schema.xpath(f"//{element}/@{attribute}", namespaces={**SCH_NS, "xsl": "http://www.w3.org/1999/XSL/Transform"})
    return [alternative.strip() for value in found for alternative in value.split("|")]


def test_no_rule_context_has_a_predicate():
    # libxslt matches a predicate in a template's pattern by listing the node's siblings: a
    # document of 10,000 paragraphs took 10.4 s to check with two such contexts, 1.6 s without
    assert [c for c in schema_patterns("context", "sch:rule") if "[" in c] == []


def test_no_key_pattern_has_a_predicate_on_its_last_step_after_a_descendant_step():
    # tei:text//*[@xml:id] as a key made 200 documents take four times as long as 100
    assert [m for m in schema_patterns("match", "xsl:key") if "//" in m and m.rstrip().endswith("]")
            and "[" in m.rsplit("//", 1)[1]] == []


def test_the_report_holds_what_failed_not_every_rule_fired(schemas):
    schemas.schematron.validate(etree.parse(str(FIXTURES / "ref-person.fail.xml")))
    report = schemas.schematron.validation_report
    assert len(report.findall(f".//{SVRL}fired-rule")) == 0
    assert len(report.findall(f".//{SVRL}failed-assert")) >= 1


@pytest.mark.parametrize("rule, pointer, replacement", [
    ("ref-front", "resp=\"edn:ed\"", "resp=\"edn:gorbachev\""),  # an id of a register, not of edition.xml
    ("ref-document-element", "doc:t#p-t-a", "doc:persons#gorbachev"),  # not in a document's text
    ("ref-document-element", "doc:t#p-t-a", "doc:t#h-t-hand"),  # in the document's header
])
def test_a_pointer_names_only_its_own_kind_of_target(schemas, tmp_path, rule, pointer, replacement):
    passing = (FIXTURES / f"{rule}.pass.xml").read_text(encoding="utf-8")
    assert pointer in passing
    fixture = tmp_path / "fixture.xml"
    fixture.write_text(passing.replace(pointer, replacement), encoding="utf-8")
    assert rule in findings(schemas, fixture)


def test_a_pointer_to_an_element_outside_a_text_hides_no_error_of_another(schemas, tmp_path):
    # a person in a document's header is no register entry, and doc:t#… names only a text's
    # elements: naming it both ways once made the first pointer resolve through the second
    passing = (FIXTURES / "ref-person.pass.xml").read_text(encoding="utf-8")
    fixture = tmp_path / "fixture.xml"
    fixture.write_text(passing.replace('<handNote xml:id="h-t-hand"/>', '<handNote xml:id="h-t-hand"/><person xml:id="h-t-x"/>')
                       .replace('ref="psn:gorbachev"', 'ref="psn:h-t-x -doc:t#h-t-x"'), encoding="utf-8")
    assert "ref-person" in findings(schemas, fixture)
