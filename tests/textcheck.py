"""Is every word of a text in its rendering? A check shared by the tests that compare the
TEI with what the build makes of it (HTML pages, PDF text).

The comparison is by tokens, as a multiset: every token of the expected text must be found
at least as often in the rendering, in any order (notes move to the apparatus, registers
to tooltips). Both sides are normalised the same way first:

- Unicode NFKC, then case folding (ligatures, small capitals and full-width forms compare
  as the letters they are);
- format characters (category Cf: soft hyphens, zero-width joiners, direction marks) are
  dropped: they are not text a reader can check, and hyphenation inserts them;
- typographic quotation marks and dashes are folded to `'`, `"` and `-`.

A token is a run of letters (with their combining marks) or a run of digits, so `Rajavi1`
(a word with its note call, as pdftotext gives it) is `rajavi` and `1`. Punctuation and
symbols are tokens of one character each, but on the expected side they are checked only
where a whitespace-separated chunk has nothing else: the text node `&lt;` must come out as
`<`, while the comma after a word is not counted (renderings may set it apart or not).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterable, Sequence

from lxml import etree

FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
})


def normalise(text: str) -> str:
    """The text as both sides are compared: NFKC, case-folded, Cf dropped, quotes and dashes folded."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    return text.translate(FOLD)


def _kind(ch: str) -> str:
    category = unicodedata.category(ch)
    if category[0] == "L":
        return "L"
    if category[0] == "N":
        return "N"
    if category[0] == "M":
        return "M"
    return "S"


def _chunk_tokens(chunk: str) -> tuple[list[str], list[str]]:
    """Word tokens and symbol tokens of one whitespace-free chunk of normalised text."""
    words: list[str] = []
    symbols: list[str] = []
    run, run_kind = "", ""
    for ch in chunk:
        kind = _kind(ch)
        if kind == "M" and run:  # a combining mark belongs to the letters or digits before it
            run += ch
            continue
        kind = "L" if kind == "M" else kind
        if kind == "S":
            if run:
                words.append(run)
            run, run_kind = "", ""
            symbols.append(ch)
        elif kind == run_kind:
            run += ch
        else:
            if run:
                words.append(run)
            run, run_kind = ch, kind
    if run:
        words.append(run)
    return words, symbols


def tokens(text: str) -> list[str]:
    """Every token of `text`: words (letter runs, digit runs) and symbols (one character
    each), in order of their chunk."""
    found: list[str] = []
    for chunk in normalise(text).split():
        words, symbols = _chunk_tokens(chunk)
        found += words + symbols
    return found


def expected_tokens(text: str) -> list[str]:
    """The tokens of `text` to look for: the words of each whitespace-separated chunk, and
    the symbols of a chunk that has no word (punctuation-only text is checked character by
    character)."""
    wanted: list[str] = []
    for chunk in normalise(text).split():
        words, symbols = _chunk_tokens(chunk)
        wanted += words or symbols
    return wanted


def missing_words(expected_text: str, found_text: str | Sequence[str]) -> list[str]:
    """The tokens of `expected_text` not found (often enough) in `found_text`, in the order
    of the expected text; an empty list when every word is there.

    `found_text` may be several readings of the same rendering (for HTML, with and without
    a space at each element boundary); a token then counts as often as the reading that has
    it most often. A word is missing only if no reading has it."""
    readings = [found_text] if isinstance(found_text, str) else list(found_text)
    available: Counter[str] = Counter()
    for reading in readings:
        available |= Counter(tokens(reading))
    missing = []
    for token in expected_tokens(expected_text):
        if available[token] > 0:
            available[token] -= 1
        else:
            missing.append(token)
    return missing


# -- text of TEI and of HTML, for the callers ------------------------------------------

TEI_NS = "{http://www.tei-c.org/ns/1.0}"
BREAKS = {f"{TEI_NS}lb", f"{TEI_NS}pb", f"{TEI_NS}cb"}


def tei_text(element: etree._Element) -> str:
    """All text of a TEI element, a space at every element boundary (a note, a `sic` and its
    `corr`, a heading and its paragraph are apart in any rendering), except at a line, page
    or column break with `@break="no"`, which falls inside a word. Comments and processing
    instructions are not text; their tails are."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if isinstance(node.tag, str):
            joined = node.tag in BREAKS and node.get("break") == "no"
            parts.append("" if joined else " ")
            parts.append(node.text or "")
            for child in node:
                walk(child)
            parts.append("" if joined else " ")
        if node is not element:
            parts.append(node.tail or "")

    walk(element)
    return "".join(parts)


#: HTML elements a browser sets apart from the words around them.
HTML_BLOCKS = frozenset(
    "address article aside blockquote br dd details dialog div dl dt fieldset figcaption figure footer "
    "form h1 h2 h3 h4 h5 h6 header hr legend li main nav ol p pre section summary table tbody td tfoot th "
    "thead tr ul".split()
)
#: Attributes whose value is text a reader is shown (a tooltip, a replacement text).
HTML_TEXT_ATTRIBUTES = ("title", "alt")
HTML_NOT_TEXT = frozenset({"script", "style", "template"})


def html_texts(element: etree._Element) -> tuple[str, str]:
    """Two readings of the text of an HTML element, hidden text and tooltips included (a
    reading and its alternative, a note's tooltip): one with a space only around block
    elements, as a browser lays the text out, and one with a space at every element
    boundary. Attributes holding URLs are not text; scripts and styles are left out."""
    laid_out: list[str] = []
    apart: list[str] = []

    def walk(node: etree._Element) -> None:
        tag = node.tag.lower() if isinstance(node.tag, str) else None
        if tag is not None and tag not in HTML_NOT_TEXT:
            gap = " " if tag in HTML_BLOCKS else ""
            laid_out.append(gap)
            apart.append(" ")
            for name in HTML_TEXT_ATTRIBUTES:
                if node.get(name):
                    laid_out.append(f" {node.get(name)} ")
                    apart.append(f" {node.get(name)} ")
            laid_out.append(node.text or "")
            apart.append(node.text or "")
            for child in node:
                walk(child)
            laid_out.append(gap)
            apart.append(" ")
        if node is not element:
            laid_out.append(node.tail or "")
            apart.append(node.tail or "")

    walk(element)
    return "".join(laid_out), "".join(apart)


def html_page_texts(path) -> tuple[str, str]:
    """The readings (see html_texts) of a page's `<main>`, or of its body if it has none."""
    import lxml.html

    root = lxml.html.parse(str(path)).getroot()
    main = root.find(".//main")
    return html_texts(main if main is not None else root.find("body") if root.find("body") is not None else root)


def missing_in_pdf(expected_text: str, printed: str, covered: Collection[int], logical: str = "") -> list[str]:
    """The words of `expected_text` not in `printed` (a PDF's text as pdftotext gives it),
    leaving out characters the book's fonts lack (`covered`: their code points), which the
    build reports (print-missing-glyph) instead of printing.

    pdftotext gives each line as set: a word hyphenated or broken at a line's end comes in two
    parts, and right-to-left text in visual order, its letters reversed; a text node set
    against the next one ("M<hi>r</hi>" prints "Mr") is in the text all the same; and it
    repeats a base letter for each mark stacked on it ("khô̂ng" → "khoôô ng"); and a word
    hyphenated at a page's end comes in two parts with the page furniture between. Combining marks
    are compared away: pdftotext orders stacked and precomposed diacritics its own way; so a
    combining mark the fonts lack leaves its word whole (only a base character they lack is
    left out, as a gap between words).
    `logical` is the same PDF's text in logical order (pypdf's), a further reading: pdftotext
    breaks vocalised Arabic into pieces at its marks."""
    printed = _bare(printed)
    readings = (printed, re.sub(r"[-\u2010\u00ad]?\n", "", printed), " ".join(word[::-1] for word in printed.split()), _bare(logical))
    joined = "".join(normalise(printed).split())
    collapsed = re.sub(r"(.)\1+", r"\1", joined)
    # a combining mark the fonts lack is compared away like any other, not blanked: a blank
    # would split the word it sits on ("Verfaͤlschungen", a with a combining e, into "verfa" and
    # "lschungen", a piece the PDF's whole word does not hold as a word of its own)
    printable = "".join(ch if ord(ch) in covered or ch.isspace() or unicodedata.category(ch).startswith("M") else " "
                        for ch in expected_text)
    # a word hyphenated at the end of a page goes on after the next page's running head and folio
    lines = [tokens(line) for line in printed.splitlines()]
    # (the line's last word: a quotation mark before it is a token of its own, after it: "“tran-")
    heads = {[token for token in line if token[0].isalnum()][-1] for line in lines
             if len(line) > 1 and line[-1] in "-\u2010" and any(token[0].isalnum() for token in line)}
    tails = {line[0] for line in lines if line}
    return [word for word in missing_words(_bare(printable), readings)
            if word not in joined and re.sub(r"(.)\1+", r"\1", word) not in collapsed
            and not any(word[:cut] in heads and word[cut:] in tails for cut in range(1, len(word)))]


def _bare(text: str) -> str:
    """The text without combining marks, decomposed first."""
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.category(ch).startswith("M"))


def context(tokens_: Iterable[str], limit: int = 20) -> str:
    """A short listing of tokens for an assertion message."""
    listed = list(tokens_)
    shown = ", ".join(repr(t) for t in listed[:limit])
    return shown + (f" … ({len(listed)} in all)" if len(listed) > limit else "")
