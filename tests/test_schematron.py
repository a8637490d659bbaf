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
