"""Fidelity: every word of each seed text is in its TEI file, in the order of the source.

The source reading is what the TEI keeps of the source: `sic` and `orig` are read, our
corrections (`corr`, `reg`) and our notes are not; the source's endnotes are read at the
end, where the source prints them. Lines of web paratext and page chrome are looked for in
the header, each line's words in order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from conftest import SEEDS, TEI

TEI_NS = "{http://www.tei-c.org/ns/1.0}"
OUR_NOTES = {"translation", "editorial", "textual"}
#: The translator's bracket labels describe the source; the TEI says the same with elements.
LABELS = {"footnote", "signature", "stamp", "handwritten"}
#: Headings of the archive's web page; the header says the same with its elements
#: (sourceDesc/bibl, abstract, langUsage), as the encoding guide asks.
PAGE_HEADINGS = {"citation:", "summary:", "original language:", "contents:"}


def words(text: str) -> list[str]:
    """Lower-case word tokens, with typographic apostrophes made plain."""
    text = text.replace("’", "'").replace("‘", "'").replace("\\$", "$")
    return [w for w in re.findall(r"\w+(?:'\w+)*", text.lower()) if w not in LABELS]


def source_reading(element: etree._Element, our_notes: bool = False) -> tuple[str, str]:
    """The text of `element` as the source has it, and the text of its endnotes: the source's
    own notes keep their number at the call; line and page breaks are spaces."""
    parts: list[str] = []
    endnotes: list[tuple[int, str]] = []

    def walk(node: etree._Element) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        skipped = tag in (f"{TEI_NS}corr", f"{TEI_NS}reg") or (
            tag == f"{TEI_NS}note" and node.get("type") in OUR_NOTES and not our_notes
        )
        if tag in (f"{TEI_NS}lb", f"{TEI_NS}pb"):
            parts.append(" ")
        elif tag == f"{TEI_NS}note" and node.get("place") == "end":
            parts.append(f" {node.get('n', '')} ")
            endnotes.append((int(node.get("n", "0")), f"{node.get('n', '')} {''.join(node.itertext())}"))
        elif not skipped:
            if tag == f"{TEI_NS}note":  # a note is set apart from the words around it
                parts.append(f" {node.get('n', '')} ")
            parts.append((node.text or "") if tag else "")
            for child in node:
                walk(child)
            if tag == f"{TEI_NS}note":
                parts.append(" ")
        parts.append(node.tail or "")

    walk(element)
    return "".join(parts), " ".join(text for _, text in sorted(endnotes))


def first_gap(needle: list[str], haystack: list[str]) -> int | None:
    """Index of the first word of `needle` not found, in order, in `haystack`; None if all are."""
    position = 0
    for index, word in enumerate(needle):
        try:
            position = haystack.index(word, position) + 1
        except ValueError:
            return index
    return None


#: seed file → (TEI file, first line of the text proper, lines of chrome after it)
SEEDS_TO_TEI = {
    "000_efea3eac9b251389.txt": ("kgb-message", 23, ()),
    "001_47179ef662d085d8.txt": ("ulianovskii-memo", 23, ()),
    "002_56a1d798a9f8a094.txt": ("rajavi-letter", 28, ()),
    "003_c07184db158eeb2e.txt": ("exaro-article", 6, (51, 53)),
    "004_056a3fbbc578d257.txt": ("mojahedin-ws-essay", 1, ()),
}


def seed_lines(seed: str) -> list[str]:
    path = SEEDS / seed
    if not path.is_file():
        pytest.skip(f"seed {path} not found (../shared is not beside the project)")
    return path.read_text(encoding="utf-8").splitlines()


def tei_tree(slug: str) -> etree._ElementTree:
    return etree.parse(str(TEI / "texts" / f"{slug}.xml"))


def context(tokens: list[str], index: int) -> str:
    return " ".join(tokens[max(0, index - 6) : index + 6])


ENDNOTE = re.compile(r"^\[\d+\]\.")


@pytest.mark.parametrize("seed", sorted(SEEDS_TO_TEI))
def test_every_word_of_the_text_is_in_the_tei_in_order(seed):
    slug, start, chrome = SEEDS_TO_TEI[seed]
    lines = [line for n, line in enumerate(seed_lines(seed), 1) if n >= start and n not in chrome]
    text, endnotes = source_reading(tei_tree(slug).find(f"{TEI_NS}text"))
    for expected, found in (
        (words("\n".join(line for line in lines if not ENDNOTE.match(line))), words(text)),
        (words("\n".join(line for line in lines if ENDNOTE.match(line))), words(endnotes)),
    ):
        gap = first_gap(expected, found)
        assert gap is None, f"{slug}: word {expected[gap]!r} missing or out of order near: {context(expected, gap)}"


@pytest.mark.parametrize("seed", sorted(SEEDS_TO_TEI))
def test_every_line_of_paratext_and_chrome_is_in_the_header(seed):
    slug, start, chrome = SEEDS_TO_TEI[seed]
    lines = seed_lines(seed)
    # the header's notes are ours, but they are where the page's own details are recorded
    header = words(" ".join(source_reading(tei_tree(slug).find(f"{TEI_NS}teiHeader"), our_notes=True)))
    outside = [
        line for n, line in enumerate(lines, 1)
        if (n < start or n in chrome) and line.strip() and line.strip("* ").lower() not in PAGE_HEADINGS
    ]
    for line in outside:
        expected = words(line)
        gap = first_gap(expected, header)
        assert gap is None, f"{slug}: header lacks {expected[gap]!r} of the source line {line!r}"
