"""`edition init DIR`: a new edition that validates and builds at once, written whole or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from conftest import TEI
from teiedition import scaffold
from teiedition.cli import main

TEI_NS = "http://www.tei-c.org/ns/1.0"
NS = {"tei": TEI_NS}
FILES = {
    "edition.xml", "texts/sample.xml", "registers/persons.xml", "registers/organisations.xml",
    "registers/places.xml", "registers/events.xml", "registers/works.xml",
    "schema/edition.rng", "schema/edition.sch", "README.md", "ENCODING.md", "edition.toml",
}


def tree(folder: Path) -> dict[str, bytes]:
    """Every file and folder under `folder`, hidden ones included (a folder maps to b"")."""
    return {p.relative_to(folder).as_posix(): b"" if p.is_dir() else p.read_bytes() for p in sorted(folder.rglob("*"))}


def tei_files(edition: Path) -> list[Path]:
    return sorted(p for p in edition.rglob("*.xml") if p.parent.name != "schema")


@pytest.fixture
def edition(tmp_path, monkeypatch, capsys) -> Path:
    """A new edition made by `edition init letters` in an empty working folder."""
    monkeypatch.chdir(tmp_path)
    assert main(["init", "letters"]) == 0
    capsys.readouterr()
    return Path("letters")


def test_init_creates_the_files_of_an_edition_and_names_the_next_command(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["init", "letters"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert {p.relative_to("letters").as_posix() for p in Path("letters").rglob("*") if p.is_file()} == FILES
    assert sorted(lines[:-1]) == sorted(f"created letters/{name}" for name in FILES)
    assert lines[-1].startswith("next: edition build --tei letters --out letters-site")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letters"]  # no staging folder left


def test_the_new_edition_passes_validation_with_no_problem(edition, capsys):
    assert main(["validate", str(edition)]) == 0
    assert "7 files valid, no problems." in capsys.readouterr().out


def test_the_new_edition_builds_its_site_with_the_sample_document(edition, capsys):
    assert main(["build", "--tei", str(edition), "--out", "site", "--no-pdf"]) == 0
    assert "Built 1 documents" in capsys.readouterr().out
    home = Path("site/html/index.html").read_text(encoding="utf-8")
    assert "Letters" in home and 'href="sample.html"' in home
    page = Path("site/html/sample.html").read_text(encoding="utf-8")
    assert 'id="p-sample-thanks"' in page and 'id="n-sample-received"' in page
    assert Path("site/html/persons.html").is_file()


def test_the_new_edition_builds_its_book(edition):
    assert main(["build", "--tei", str(edition), "--out", "site"]) == 0
    for name in ("edition.pdf", "edition-press.pdf", "sample.pdf"):
        assert Path("site/pdf", name).read_bytes().startswith(b"%PDF-"), name


def test_init_refuses_a_folder_that_is_not_empty_and_changes_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("letters").mkdir()
    Path("letters/notes.txt").write_text("mine\n")
    before = tree(tmp_path)
    assert main(["init", "letters"]) == 2
    err = capsys.readouterr().err
    assert "letters is not empty" in err and "new folder" in err and "Traceback" not in err
    assert tree(tmp_path) == before


def test_init_fills_an_existing_empty_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    Path("letters").mkdir()
    assert main(["init", "letters"]) == 0
    assert {name for name, data in tree(tmp_path / "letters").items() if data} == FILES
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letters"]


def test_a_failed_init_leaves_nothing_behind(tmp_path, monkeypatch, capsys):
    """The last step fails, after every file was written: no edition, no staging folder, and
    not the parent folders init had created for it."""
    def fail(staging, folder):
        raise OSError(28, "No space left on device")

    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(scaffold, "place", fail)
    assert main(["init", "projects/letters"]) == 3
    assert "could not be written (No space left on device)" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", [f for f in sorted(FILES) if f.endswith(".xml") and not f.startswith("schema/")])
def test_every_new_tei_file_is_valid_against_full_tei_p5(edition, tei_all, name):
    assert tei_all.validate(etree.parse(str(edition / name))), tei_all.error_log


def test_every_new_tei_file_links_full_tei_and_both_schemas_as_ours_do(edition):
    for path in tei_files(edition):
        hrefs = {pi.get("href") for pi in etree.parse(str(path)).xpath("/processing-instruction('xml-model')")}
        assert {h.rsplit("/", 1)[-1] for h in hrefs} == {"tei_all.rng", "edition.rng", "edition.sch"}, path
        for href in hrefs:
            assert href.startswith("https://www.tei-c.org/") or (path.parent / href).is_file(), (path, href)


def test_the_schematron_and_guide_are_copies_of_the_reference_edition(edition):
    assert (edition / "schema" / "edition.sch").read_bytes() == (TEI / "schema" / "edition.sch").read_bytes()
    assert (edition / "ENCODING.md").read_bytes() == (TEI / "README.md").read_bytes()


def test_the_new_schema_names_none_of_our_editors_hands_or_languages(edition):
    schema = (edition / "schema" / "edition.rng").read_text(encoding="utf-8")
    for ours in ("psn:rajavi_massoud", "psn:stroilov", "#h-memo-figure", "<value>fa-Latn</value>", "<value>wcda</value>"):
        assert ours not in schema, ours
    assert "<value>authorial</value>" in schema  # the kinds of note the stylesheets act on stay closed


def test_the_new_edition_validates_with_its_own_editors_and_languages(edition, capsys):
    """What its editors do first: name a person of theirs responsible, write in German."""
    sample = edition / "texts" / "sample.xml"
    text = sample.read_text(encoding="utf-8")
    text = text.replace('<corr resp="edn:ed"', '<corr resp="psn:doe_jane"').replace('xml:lang="en"', 'xml:lang="de"')
    sample.write_text(text, encoding="utf-8")
    assert 'resp="psn:doe_jane"' in text and 'xml:lang="de"' in text
    assert main(["validate", str(edition)]) == 0, capsys.readouterr().out


def test_the_title_is_made_from_the_folder_name_and_escaped_for_xml(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["init", "r&d_<letters>"]) == 0
    front = etree.parse("r&d_<letters>/edition.xml")
    assert front.xpath("string(//tei:titleStmt/tei:title[@type = 'main'])", namespaces=NS) == "R&d <letters>"
    assert Path("r&d_<letters>/README.md").read_text(encoding="utf-8").startswith("# R&d <letters>\n")


def test_the_new_files_are_dated_by_source_date_epoch(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")  # 2025-12-01
    monkeypatch.chdir(tmp_path)
    assert main(["init", "letters"]) == 0
    for path in tei_files(Path("letters")):
        changes = etree.parse(str(path)).xpath("//tei:revisionDesc/tei:change/@when", namespaces=NS)
        assert changes == ["2025-12-01"], path
    edition = etree.parse("letters/edition.xml")
    assert edition.xpath("string(//tei:editionStmt//tei:date)", namespaces=NS) == "1 December 2025"


def test_init_in_german_writes_a_german_starter_that_validates(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")  # 2025-12-01
    monkeypatch.chdir(tmp_path)
    assert main(["init", "briefe", "--language", "de"]) == 0
    front = etree.parse("briefe/edition.xml").getroot()
    assert front.get("{http://www.w3.org/XML/1998/namespace}lang") == "de"
    assert front.xpath("string(//tei:titleStmt/tei:title[@type = 'sub'])", namespaces=NS) == "Eine digitale Edition"
    assert front.xpath("string(//tei:body/tei:div[@type = 'introduction']/tei:head)", namespaces=NS) == "Einleitung"
    assert front.xpath("string(//tei:editionStmt//tei:date)", namespaces=NS) == "1. Dezember 2025"
    assert front.xpath("string(//tei:language/@ident)", namespaces=NS) == "de"
    registers = etree.parse("briefe/registers/persons.xml").getroot()
    assert registers.xpath("string(//tei:title[@type = 'main'])", namespaces=NS) == "Personenregister"
    capsys.readouterr()
    assert main(["validate", "briefe"]) == 0, capsys.readouterr().out


def test_init_refuses_a_language_it_has_no_starter_for(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["init", "letters", "--language", "xx"]) == 2
    err = capsys.readouterr().err
    assert "no starter in that language" in err and "de" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_the_next_step_for_a_folder_whose_name_begins_with_a_dash_is_a_command_that_works(tmp_path, monkeypatch):
    from teiedition.scaffold import next_step

    monkeypatch.chdir(tmp_path)
    advice = next_step(Path("-dash"))
    assert "--tei ./-dash --out ./-dash-site" in advice, advice
