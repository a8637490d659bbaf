"""The synthetic corpora of the benchmarks (benchmarks/corpus.py): valid, deterministic and not
copies of the edition. Fast: three-document corpora only; the benchmarks themselves never run
here (uv run python -m benchmarks)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from conftest import TEI
from teiedition.validation import validate_paths

from benchmarks.corpus import generate, pinned_ids

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return generate(3, tmp_path_factory.mktemp("corpus") / "tei", seed=0)


def all_ids(folder: Path) -> list[str]:
    return [e.get(XML_ID) for path in sorted(folder.rglob("*.xml")) if path.parent.name != "schema"
            for e in etree.parse(str(path)).iter() if isinstance(e.tag, str) and e.get(XML_ID)]


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def paragraph_ids(path: Path) -> list[str]:
    return [p.get(XML_ID) for p in etree.parse(str(path)).iterfind(f".//{{{TEI_NS}}}body//{{{TEI_NS}}}p")]


def test_generated_corpus_passes_validation(corpus):
    problems, checked = validate_paths([corpus])
    assert problems == []
    assert checked == 9  # edition.xml, 3 texts, 5 registers


def test_generated_corpus_has_the_requested_number_of_documents(corpus):
    texts = sorted((corpus / "texts").glob("*.xml"))
    assert len(texts) == 3
    contents = etree.parse(str(corpus / "edition.xml")).xpath(
        "//t:listBibl[@type='contents']/t:bibl/@corresp", namespaces={"t": TEI_NS})
    assert sorted(contents) == [f"doc:{path.stem}" for path in texts]


def test_generated_identifiers_are_unique(corpus):
    repeated = [ident for ident, count in Counter(all_ids(corpus)).items() if count > 1]
    assert repeated == []


def test_same_seed_gives_the_same_corpus(corpus, tmp_path):
    assert files(generate(3, tmp_path / "again", seed=0)) == files(corpus)


def test_different_seeds_give_different_corpora(corpus, tmp_path):
    other = files(generate(3, tmp_path / "other", seed=1))
    assert other.keys() == files(corpus).keys()
    assert other != files(corpus)


def test_generated_documents_have_identifiers_of_their_own(corpus):
    """All but those the schema names by value (add/@hand='#h-memo-figure'), which the first
    copy of their document keeps."""
    original = set(all_ids(TEI / "texts"))
    generated = set(all_ids(corpus / "texts"))
    assert original & generated <= pinned_ids(TEI / "schema")


def test_generated_paragraphs_are_in_a_new_order(corpus):
    for text in sorted((corpus / "texts").glob("*.xml")):
        source = TEI / "texts" / (text.stem.rsplit("-", 1)[0] + ".xml")
        key = etree.parse(str(source)).getroot().get(XML_ID)
        renamed = [ident.split("-", 2)[2] for ident in paragraph_ids(text)]
        original = [ident.split("-", 2)[2] for ident in paragraph_ids(source)]
        assert sorted(renamed) == sorted(original), key
        assert renamed != original, key


def test_registers_grow_with_the_corpus(tmp_path):
    def persons(folder: Path) -> int:
        return len(etree.parse(str(folder / "registers" / "persons.xml")).findall(f".//{{{TEI_NS}}}person"))

    assert persons(generate(10, tmp_path / "ten")) == persons(TEI) + 2


def test_profile_lines_give_the_stages_in_order():
    from benchmarks.measure import stages

    printed = ("Built 5 documents.\nprofile: load 0.010 s\nprofile: transform 1.5 s\n"
               "profile: transform (waiting) 0.2 s\nprofile: total 1.6 s\n")
    assert list(stages(printed).items()) == [("load", 0.01), ("transform", 1.5), ("transform (waiting)", 0.2), ("total", 1.6)]


def test_the_classic_pipelines_summary_gives_its_stages():
    from benchmarks.measure import PEER_LINE, stages

    printed = ("peer: 5 TEI files from /in\npeer: HTML stage: 1.52 s, 5 done, 0 failed\n"
               "peer: PDF stage: 3.9 s (fo.xsl 1.1 s + FOP 2.8 s), 1 done, 4 failed: a b c d\n"
               "peer: FOP warnings about glyphs missing from fonts: 0 (logs/fop-*.log)\n")
    assert list(stages(printed, PEER_LINE).items()) == [("HTML", 1.52), ("PDF", 3.9)]
