"""Fuzzing the build (issue 6): a mutated edition gives either a clean build that keeps every
word of the text, or a clear error and exit 1; never a traceback, never a hang.

Each example copies tei/ to a temporary folder, picks one of texts/*.xml and applies one to
three mutations inside its <text>: an element dropped (with or without its tail), duplicated
(its xml:ids with it, which the build must refuse), moved elsewhere; random Unicode and
XML-special text inserted; an attribute set to a random value (`javascript:` and `data:`
URLs among them); now and then the file's bytes corrupted (truncated, a stray `<`). Then
`edition build --no-pdf` runs in a subprocess with a hard time limit.

The run is derandomized, so CI sees the same examples every time (and a failure comes back
on the next run), as many of them as FUZZ_SECONDS (default 40) allow. `HYPOTHESIS_PROFILE=long uv run pytest tests/test_fuzz.py` runs 200 random
examples instead (a few minutes), for a deeper search before a release.
"""

from __future__ import annotations

import copy
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import pytest
from hypothesis import HealthCheck, Phase, given, note, settings, strategies as st
from lxml import etree

from conftest import TEI
from textcheck import TEI_NS, context, html_page_texts, missing_words, tei_text

TEXTS = sorted((TEI / "texts").glob("*.xml"))
XML_NS = "{http://www.w3.org/XML/1998/namespace}"
TIMEOUT = 120  # seconds for one build; a build that takes longer hangs

# -- settings --------------------------------------------------------------------------
# CI ("fuzz"): a fixed sequence of examples (derandomize, no example database), so that every
# run sees the same ones, for a budget of FUZZ_SECONDS (default 40 s; a valid build takes
# ~1.3 s, a refused one ~0.3 s; about a third are valid): a slower machine runs fewer of the
# same examples, never more time. A failure shrinks for up to five minutes (Hypothesis's
# limit) before it is reported.
# HYPOTHESIS_PROFILE=long: 200 random examples. The profiles are registered here, not in
# conftest.py, and chosen by the environment variable because a test's own @settings
# outrank a profile loaded by --hypothesis-profile.
COMMON = dict(deadline=None, print_blob=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("fuzz", max_examples=100, derandomize=True, database=None,
                          phases=[p for p in Phase if p != Phase.explain], **COMMON)  # explaining costs minutes
settings.register_profile("long", max_examples=200, derandomize=False, **COMMON)
FUZZ = settings.get_profile("long" if os.environ.get("HYPOTHESIS_PROFILE") == "long" else "fuzz")
#: Seconds of fuzzing in the CI profile; the examples past it are not built (the long profile has no limit).
BUDGET = float(os.environ.get("FUZZ_SECONDS", "40")) if os.environ.get("HYPOTHESIS_PROFILE") != "long" else float("inf")


# -- what a build says ------------------------------------------------------------------

#: One problem as the command prints it: `path:line:col: rule-id: message`.
PROBLEM = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<rule>[a-z][a-z0-9-]*): \S.*$", re.M)
#: URL schemes that run code or smuggle content when a reader follows a link.
UNSAFE_URL = re.compile(r"^\s*(javascript|vbscript|data):", re.I)


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str


def run_build(root: Path) -> Outcome:
    """`edition build` on root/tei into root/out, from root; a hang is a failure."""
    command = [sys.executable, "-m", "teiedition.cli", "build", "--tei", str(root / "tei"),
               "--out", str(root / "out"), "--no-pdf"]
    try:
        done = subprocess.run(command, cwd=root, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        pytest.fail(f"hang: the build did not finish in {TIMEOUT} s")
    return Outcome(done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace"))


def check_outcome(root: Path, text: Path, outcome: Outcome) -> None:
    """The properties every build of a mutated edition must have."""
    said = f"exit {outcome.code}\n--- stderr ---\n{outcome.stderr[-3000:]}\n--- stdout ---\n{outcome.stdout[-1500:]}"
    assert outcome.code in (0, 1), f"exit code other than 0 or 1: {said}"
    for stream in (outcome.stdout, outcome.stderr):
        assert "Traceback" not in stream, f"a traceback: {said}"
        assert "internal error" not in stream.lower(), f"an internal error: {said}"
    if outcome.code == 1:
        tei = (root / "tei").resolve()
        located = [m for m in PROBLEM.finditer(outcome.stderr)
                   if (root / m["file"]).resolve().is_relative_to(tei) and (root / m["file"]).resolve().is_file()]
        assert located, f"exit 1 without a `file:line:col: rule-id: message` line naming a file of the edition: {said}"
        assert not (root / "out").exists(), f"a refused build wrote output: {said}"
        return
    # exit 0: every word of the document's <text> is on its page
    page = root / "out" / "html" / f"{text.stem}.html"
    assert page.is_file(), f"the build succeeded but wrote no page {page.name}: {said}"
    raw = text.read_bytes()
    assert well_formed(raw), f"the build accepted {text.name}, which is not well-formed XML: {said}"
    body = etree.fromstring(raw).find(f"{TEI_NS}text")
    expected = tei_text(body) if body is not None else ""
    missing = missing_words(expected, html_page_texts(page))
    assert not missing, f"lost text: {page.name} lacks {context(missing)}"
    # a link the edition writes must not run code: `javascript:` and `data:` stay out of href/src
    for element in lxml.html.parse(str(page)).getroot().iter():
        for name in ("href", "src", "action", "formaction", "xlink:href"):
            value = element.get(name) if isinstance(element.tag, str) else None
            assert not (value and UNSAFE_URL.match(value)), f"unsafe URL in {page.name}: <{element.tag} {name}={value!r}>"


# -- mutations ----------------------------------------------------------------------------

#: Any character XML 1.0 allows in a document: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
XML_CHAR = st.one_of(
    st.sampled_from("\t\n\r"),
    st.characters(min_codepoint=0x20, max_codepoint=0xD7FF),
    st.characters(min_codepoint=0xE000, max_codepoint=0xFFFD),
    st.characters(min_codepoint=0x10000, max_codepoint=0x10FFFF),
)
SPECIALS = [
    "<", ">", "&", "&amp;", "&lt;", "]]>", "<![CDATA[", '"', "'", "<!--", "-->", "<?pi?>", "</p>",
    "\u200f", "\u200e", "\u202e", "\u2067", "\u200c", "\u00ad", "\ufeff",          # direction and format marks
    "\u0301", "e\u0301", "\u0627\u0654", "\u0bcd",                                    # combining characters
    "\U0001f600", "\U0001d11e", "\U00020000", "\U0010fffd",                           # astral planes
    "\u05e9\u05dc\u05d5\u05dd", "\u0633\u0644\u0627\u0645 \u062f\u0646\u06cc\u0627", "Пантс", "東京",
    "\u00a0", "\u2028", "\t", "\n", "\r", "  ",
    "{", "}", "{{ page }}", "{% raw %}", "${x}", "$1", "\\", "%s", "javascript:alert(1)",
    "</script><script>alert(1)</script>", "*", "#", "1.", "¶",
]
TEXT = st.lists(
    st.one_of(st.sampled_from(SPECIALS), st.text(XML_CHAR, min_size=1, max_size=12)),
    min_size=1, max_size=5,
).map("".join)


def attribute_values() -> dict[str, list[str]]:
    """The values each attribute has somewhere in the edition, so that a mutation may also
    make a valid change (a persName pointing to another person)."""
    values: dict[str, set[str]] = {}
    for path in sorted(TEI.rglob("*.xml")):
        for element in etree.parse(str(path)).iter():
            if isinstance(element.tag, str):
                for name, value in element.attrib.items():
                    values.setdefault(name, set()).add(value)
    return {name: sorted(found) for name, found in values.items()}


VALUES = attribute_values()
ATTRIBUTES = ["rend", "ref", "target", "type", "n", "when", f"{XML_NS}lang", "corresp", "resp", "cert",
              "place", "hand", "next", "prev", "source", "reason", f"{XML_NS}id"]
NASTY_VALUES = [
    "javascript:alert(1)", "JaVaScRiPt:alert(document.domain)", " javascript:alert(1)", "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>", "data:image/svg+xml;base64,PHN2Zy8+", "vbscript:msgbox(1)",
    "https://example.org/\"><script>alert(1)</script>", "#", "", " ", "psn:", "psn:nobody", "doc:kgb-message",
    "doc:nothing", "edn:principles", "#nowhere", "1986-02-30", "-0001", "99999", "fa-Arab", "en x", "\u202e",
    "'; DROP TABLE", "{{ 7*7 }}", "../../etc/passwd", "file:///etc/passwd", "https://example.org/a b",
]


def attribute_value(name: str) -> st.SearchStrategy[str]:
    known = VALUES.get(name, [])
    choices = [st.sampled_from(known)] if known else []
    return st.one_of(*choices, st.sampled_from(NASTY_VALUES), TEXT)


def describe(element: etree._Element) -> str:
    return f"<{etree.QName(element).localname}> at line {element.sourceline}"


def snippet(element: etree._Element) -> str:
    """The element as XML, cut short, for the report of a failing example."""
    xml = etree.tostring(element, encoding="unicode", with_tail=False)
    xml = re.sub(r' xmlns(:\w+)?="[^"]*"', "", xml)
    xml = xml if len(xml) <= 300 else xml[:300] + "…"
    return "".join(c if c.isprintable() or c == " " else f"\\u{ord(c):04x}" for c in xml)  # controls and marks shown


def inside_text(tree: etree._ElementTree) -> list[etree._Element]:
    """Every element inside the document's <text>, the most deeply nested first (so that
    a small index, which Hypothesis favours and shrinks towards, is a phrase-level element,
    not the whole <body>), in document order at each depth."""
    body = tree.find(f"{TEI_NS}text")
    if body is None:
        return []
    elements = [e for e in body.iterdescendants() if isinstance(e.tag, str)]
    depth = {e: sum(1 for _ in e.iterancestors()) for e in elements}
    return sorted(elements, key=lambda e: -depth[e])  # sorted() is stable: document order within a depth


def detach(element: etree._Element, keep_tail: bool) -> None:
    """Take `element` out of its parent, leaving its tail text where it was, or not."""
    parent = element.getparent()
    if keep_tail and element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    element.tail = None
    parent.remove(element)


def drop(data, tree) -> str:
    elements = inside_text(tree)
    element = elements[data.draw(st.integers(0, len(elements) - 1), label="element")]
    keep_tail = data.draw(st.booleans(), label="keep tail")
    said = f"drop {describe(element)}{' keeping its tail' if keep_tail else ''}: {snippet(element)}"
    detach(element, keep_tail)
    return said


def duplicate(data, tree) -> str:
    elements = inside_text(tree)
    element = elements[data.draw(st.integers(0, len(elements) - 1), label="element")]
    twin = copy.deepcopy(element)
    twin.tail = None
    element.addnext(twin)  # lxml puts it right after the element, before the element's tail
    return f"duplicate {describe(element)}: {snippet(element)}"


def move(data, tree) -> str:
    elements = inside_text(tree)
    element = elements[data.draw(st.integers(0, len(elements) - 1), label="element")]
    own = set(element.iter())
    places = [e for e in [tree.find(f"{TEI_NS}text"), *elements] if e not in own]
    target = places[data.draw(st.integers(0, len(places) - 1), label="new parent")]
    index = data.draw(st.integers(0, len(target)), label="position")
    said = f"move {describe(element)} into {describe(target)} at child {index}: {snippet(element)}"
    detach(element, keep_tail=True)
    target.insert(min(index, len(target)), element)
    return said


def insert_text(data, tree) -> str:
    elements = inside_text(tree)
    element = elements[data.draw(st.integers(0, len(elements) - 1), label="element")]
    where = data.draw(st.sampled_from(["text", "tail"]), label="text or tail")
    text = data.draw(TEXT, label="inserted text")
    old = getattr(element, where) or ""
    at = data.draw(st.integers(0, len(old)), label="offset")
    setattr(element, where, old[:at] + text + old[at:])
    return f"insert {text!r} into the {where} of {describe(element)} at offset {at}: {snippet(element)}"


def set_attribute(data, tree) -> str:
    elements = inside_text(tree)
    element = elements[data.draw(st.integers(0, len(elements) - 1), label="element")]
    existing = [name for name in element.attrib if name in ATTRIBUTES]
    name = data.draw(st.sampled_from(existing + [n for n in ATTRIBUTES if n not in existing]), label="attribute")
    value = data.draw(attribute_value(name), label="value")
    element.set(name, value)
    return f"set {etree.QName(name).localname}={value!r} on {describe(element)}: {snippet(element)}"


MUTATIONS = [drop, duplicate, move, insert_text, set_attribute]


def corrupt(data, raw: bytes) -> tuple[bytes, str]:
    """The file's bytes made ill-formed, most likely: truncated, or a stray `<` put in."""
    at = data.draw(st.integers(0, len(raw) - 1), label="byte offset")
    if data.draw(st.booleans(), label="truncate (else stray <)"):
        return raw[:at], f"truncate the file to {at} bytes"
    return raw[:at] + b"<" + raw[at:], f"insert a stray '<' at byte {at}"


def mutated_edition(data, root: Path | None) -> Path | None:
    """Copy tei/ into root and mutate one of its texts; returns the mutated file. Without a
    root, the mutation is only drawn."""
    name = data.draw(st.sampled_from([p.name for p in TEXTS]), label="text")
    tree = etree.parse(str(TEI / "texts" / name))
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        if not inside_text(tree):  # everything has been dropped: nothing left to mutate
            break
        mutation = data.draw(st.sampled_from(MUTATIONS), label="mutation")
        note(f"{name}: {mutation(data, tree)}")
    raw = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
    if data.draw(st.integers(0, 7), label="corrupt the bytes if 7") == 7:
        raw, said = corrupt(data, raw)
        note(f"{name}: {said}")
    if root is None:
        return None
    shutil.copytree(TEI, root / "tei")
    path = root / "tei" / "texts" / name
    path.write_bytes(raw)
    return path


def well_formed(raw: bytes) -> bool:
    try:
        etree.fromstring(raw)
    except etree.XMLSyntaxError:
        return False
    return True


class Budget:
    """The fuzzing's time, counted from its first example; none once an example has failed,
    so that Hypothesis may shrink and replay it."""

    started: float | None = None
    failed = False

    @classmethod
    def spent(cls) -> bool:
        cls.started = cls.started or time.monotonic()
        return not cls.failed and time.monotonic() - cls.started > BUDGET


@FUZZ
@given(st.data())
def test_a_mutated_edition_builds_cleanly_or_fails_with_located_problems(data):
    if Budget.spent():  # past the budget an example is still drawn (so that every run draws the same), not built
        mutated_edition(data, None)
        return
    with tempfile.TemporaryDirectory(prefix="teiedition-fuzz-") as folder:
        root = Path(folder)
        text = mutated_edition(data, root)
        outcome = run_build(root)
        note(f"exit {outcome.code}; stderr: {outcome.stderr[-2000:]}")
        try:
            check_outcome(root, text, outcome)
        except BaseException:
            Budget.failed = True
            raise


# -- regressions ----------------------------------------------------------------------------
# Mutations that found a bug, replayed on every run. (Hypothesis's @example cannot stand in
# for a st.data() draw, so they are spelled out here and checked by the same function.)

def insert_at_start(path: str, text: str):
    """A mutation: `text` put at the start of the first element the XPath `path` finds (`t:`
    is the TEI namespace)."""
    def mutate(tree: etree._ElementTree) -> None:
        element = tree.xpath(path, namespaces={"t": TEI_NS.strip("{}")})[0]
        element.text = text + (element.text or "")
    return mutate


REGRESSIONS = [
    # A C1 control character (U+0080–U+009F, legal in XML 1.0) passes validation and is
    # written to the page as a character reference (`&#x88;`), which HTML parsers read as the
    # Windows-1252 character of that byte: the reader sees "ˆ" (U+02C6). Found (shrunk) as
    # '\x98A' put before "Imam Khomeini", read as "˜AImam"; and as '000\x9c' before "Let’s"
    # ("œLet’s").
    pytest.param("exaro-article.xml", insert_at_start(".//t:p[@xml:id='p-exaro-abandon-communism']", "\x88"),
                 id="c1-control-u0088"),
    pytest.param("exaro-article.xml", insert_at_start(".//t:p[@xml:id='p-exaro-medvedev-note']//t:rs/t:persName", "\x98A"),
                 id="c1-control-u0098"),
    pytest.param("exaro-article.xml", insert_at_start(".//t:p[@xml:id='p-exaro-political-sign']//t:q", "000\x9c"),
                 id="c1-control-u009c"),
]


@pytest.mark.parametrize(("name", "mutate"), REGRESSIONS)
def test_mutations_that_found_bugs(tmp_path, name, mutate):
    shutil.copytree(TEI, tmp_path / "tei")
    path = tmp_path / "tei" / "texts" / name
    tree = etree.parse(str(path))
    mutate(tree)
    path.write_bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8"))
    check_outcome(tmp_path, path, run_build(tmp_path))
