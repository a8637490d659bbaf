"""Random TEI documents valid against full TEI P5, made by walking its RELAX NG grammar
(../shared/tei/tei_all.rng) with Hypothesis strategies: a grammar-based fuzzer for the build.

The grammar is read with lxml into a few plain patterns (element, attribute, choice, group,
interleave, oneOrMore, zeroOrMore, optional, ref, data, value, text, list, empty,
notAllowed). Every choice, repetition and value comes from a random generator whose seed
Hypothesis draws (a document takes thousands of choices, more than one Hypothesis example may
record), so a failing corpus is reproduced from its seeds. To keep documents finite and small, each pattern knows the least nesting it
needs (a fixed point over the defines): past a depth budget, or once a document has enough
elements, only the alternatives that close soonest are taken, and repetitions stop at their
minimum. Wildcard content (anyName, used by egXML and xenoData) is never chosen. Text is
made of words from a fixed list, set apart by spaces, so that a rendering can be checked
word by word. A document is valid against tei_all.rng in most draws; callers check each with
lxml's RelaxNG and reject the rest.

    uv run python -m tests.rngfuzz --minutes 30      # the nightly run: build and check until time is up

builds random corpora (HTML and, every tenth, PDF) and checks exit 0 and every word kept,
printing any failing document into output/rngfuzz/.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from hypothesis import strategies as st
from lxml import etree

RNG_NS = "http://relaxng.org/ns/structure/1.0"
TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
GRAMMAR = Path(__file__).resolve().parent.parent.parent / "shared" / "tei" / "tei_all.rng"

#: Words of generated text: distinct, pronounceable, and set in any of the book's fonts.
WORDS = ("alder", "bramble", "cinder", "dapple", "ember", "fennel", "gossamer", "hollow", "ivory", "juniper",
         "kestrel", "lantern", "meadow", "nettle", "orchard", "pebble", "quill", "russet", "sorrel", "thistle",
         "umber", "vellum", "willow", "yarrow", "zephyr")

#: Values for a data type with a pattern, or without one: a few that the type accepts.
SAMPLES: dict[tuple[str, str | None], tuple[str, ...]] = {
    ("token", r"[^\p{C}\p{Z}]+"): ("alpha", "b2", "x-y"),
    ("anyURI", r"\S+"): ("#w1", "https://example.org/a", "other.xml#b", "c.xml"),
    ("token", r"(\-?[\d]+/\-?[\d]+)"): ("1/2", "-3/4"),
    ("token", r"(-?[0-9]+(\.[0-9]+)?,-?[0-9]+(\.[0-9]+)?)"): ("1.5,2", "-3,4.25"),
    ("token", r"[0-9.,DHMPRSTWYZ/:+\-]+"): ("P1Y", "PT2H"),
    ("token", r"[\d]+[a-z]*[\d]*(\.[\d]+[a-z]*[\d]*){0,3}"): ("4.11", "2a"),
    ("token", r"[\-+]?\d+(\.\d+)?(%|cm|mm|in|pt|pc|px|em|ex|ch|rem|vw|vh|vmin|vmax)"): ("12pt", "50%"),
    ("token", r"[\d]+(\.[\d]+){0,2}"): ("1", "2.0.1"),
    ("anyURI", r"[^/\s]+:\S*"): ("https://example.org/p", "urn:x"),
    ("Name", r".+:.+"): ("tei:p",),
    ("string", r".+"): ("anything",),
    ("token", r"[a-z][a-z0-9\+\.\-]*"): ("x-y",),
    ("date", r"(19[789][0-9]|[2-9][0-9]{3}).*"): ("1986-02-16",),
    ("dateTime", r"(19[789][0-9]|[2-9][0-9]{3}).*"): ("1986-02-16T10:00:00",),
    ("token", None): ("tok",),
    ("string", None): ("some words",),
    ("NCName", None): ("nc",),
    ("Name", None): ("name",),
    ("nonNegativeInteger", None): ("0", "3"),
    ("integer", None): ("-2", "7"),
    ("boolean", None): ("true", "false"),
    ("double", None): ("0.5", "2"),
    ("float", None): ("1.5",),
    ("decimal", None): ("3.25",),
    ("language", None): ("en", "de", "la"),
    ("date", None): ("1986-02-16", "-0044-03-15", "2001-12-01+01:00"),
    ("gYear", None): ("1986", "-0044"),
    ("gYearMonth", None): ("1986-02",),
    ("gMonthDay", None): ("--05-01",),
    ("gMonth", None): ("--05",),
    ("gDay", None): ("---07",),
    ("time", None): ("10:00:00",),
    ("dateTime", None): ("1986-02-16T10:00:00Z",),
    ("duration", None): ("P1D",),
}

INFINITE = math.inf

#: The most elements a part of a document may take of the whole: the header's thousand
#: optional parts would otherwise fill every document before its text begins.
SHARES = {"teiHeader": 20}
#: Alternatives taken three times in four where the grammar offers them: a document's resource
#: is most often a text (not a facsimile, a standOff or nested TEI documents).
FAVOURED = {"tei_text"}


@dataclass
class Grammar:
    """tei_all.rng as patterns: the defines by name, and the start pattern."""

    defines: dict[str, etree._Element]
    start: etree._Element
    depth: dict[str, float] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path = GRAMMAR) -> "Grammar":
        root = etree.parse(str(path)).getroot()
        defines = {d.get("name"): d for d in root.iter(f"{{{RNG_NS}}}define")}
        grammar = cls(defines, root.find(f"{{{RNG_NS}}}start"))
        grammar.settle()
        return grammar

    def settle(self) -> None:
        """The least nesting each define needs, by iterating to a fixed point (defines refer to
        each other in cycles: an element's content holds elements)."""
        self.depth = {name: INFINITE for name in self.defines}
        changed = True
        while changed:
            changed = False
            for name, define in self.defines.items():
                value = self.need(define)
                if value < self.depth[name]:
                    self.depth[name], changed = value, True

    def need(self, node: etree._Element) -> float:
        """The least element nesting that satisfies `node`, with what is known of the defines."""
        kind = etree.QName(node).localname
        children = patterns(node)
        if kind == "ref":
            return self.depth[node.get("name")]
        if kind in ("empty", "text", "data", "value", "attribute"):
            return 0
        if kind == "notAllowed":
            return INFINITE
        if kind == "element":
            if node.find(f"{{{RNG_NS}}}anyName") is not None or node.find(f"{{{RNG_NS}}}nsName") is not None:
                return INFINITE
            return 1 + max((self.need(c) for c in children), default=0)
        if kind in ("optional", "zeroOrMore"):
            return 0
        if kind == "choice":
            return min((self.need(c) for c in children), default=INFINITE)
        # define, start, group, interleave, oneOrMore, list, mixed: all of their parts
        return max((self.need(c) for c in children), default=0)


def patterns(node: etree._Element) -> list[etree._Element]:
    """The child patterns of a RELAX NG node (not its name classes, params or documentation)."""
    return [c for c in node if isinstance(c.tag, str) and c.tag.startswith(f"{{{RNG_NS}}}")
            and etree.QName(c).localname not in ("name", "anyName", "nsName", "documentation", "param", "except")]


def element_name(node: etree._Element) -> str:
    """The Clark name of an element or attribute pattern (its @name or <name>)."""
    name = node.get("name")
    holder = node
    if name is None:
        holder = node.find(f"{{{RNG_NS}}}name")
        name = holder.text.strip()
    if ":" in name:
        prefix, local = name.split(":", 1)
        return f"{{{holder.nsmap[prefix] if prefix != 'xml' else XML_NS}}}{local}"
    if etree.QName(node).localname == "attribute" and holder.get("ns") is None:
        return name
    ns = next((a.get("ns") for a in holder.iterancestors() if a.get("ns") is not None), holder.get("ns"))
    ns = holder.get("ns", ns)
    return f"{{{ns}}}{name}" if ns else name


class Builder:
    """One document being drawn: the elements so far, the ids handed out, the budget."""

    def __init__(self, grammar: Grammar, integer, max_depth: int, max_elements: int):
        self.grammar, self.integer = grammar, integer
        self.max_depth, self.max_elements = max_depth, max_elements
        self.elements = 0
        self.ids = 0

    def pick(self, options):
        return options[self.integer(0, len(options) - 1)]

    def shuffled(self, items):
        items = list(items)
        return [items.pop(self.integer(0, len(items) - 1)) for _ in range(len(items))]

    def budget(self, depth: int) -> float:
        """How much deeper this part may still nest: nothing spare once the document is big enough."""
        spare = self.max_depth - depth
        return spare if self.elements < self.max_elements else 0

    def generate(self, node: etree._Element, parent: etree._Element, depth: int) -> None:
        """Add to `parent` what `node` matches: child elements, attributes, text."""
        kind = etree.QName(node).localname
        if kind == "ref":
            self.generate(self.grammar.defines[node.get("name")], parent, depth)
        elif kind in ("define", "start", "group", "mixed"):
            for child in patterns(node):
                self.generate(child, parent, depth)
        elif kind == "interleave":
            parts = patterns(node)
            for child in self.shuffled(parts):
                self.generate(child, parent, depth)
        elif kind == "choice":
            options = patterns(node)
            spare = self.budget(depth)
            fitting = [o for o in options if self.grammar.need(o) <= spare] or \
                [min(options, key=self.grammar.need)]
            favoured = [o for o in fitting if o.get("name") in FAVOURED]
            self.generate(favoured[0] if favoured and self.integer(0, 3) else self.pick(fitting), parent, depth)
        elif kind in ("optional", "zeroOrMore", "oneOrMore"):
            least = 1 if kind == "oneOrMore" else 0
            most = 1 if kind == "optional" else least + 2
            inner = patterns(node)
            need = max((self.grammar.need(c) for c in inner), default=0)
            if need > self.budget(depth) and least == 0:
                return
            if kind == "optional" and etree.QName(inner[0]).localname == "attribute" and self.integer(0, 5):
                return  # an element with every optional attribute would be unreadable and slow
            for _ in range(self.integer(least, most if self.elements < self.max_elements else least)):
                for child in inner:
                    self.generate(child, parent, depth)
        elif kind == "element":
            child = etree.SubElement(parent, element_name(node))
            self.elements += 1
            limit = self.max_elements
            share = SHARES.get(etree.QName(child).localname)
            if share:  # a header must leave room for a text
                self.max_elements = min(limit, self.elements + share)
            for part in patterns(node):
                self.generate(part, child, depth + 1)
            self.max_elements = limit
        elif kind == "attribute":
            name = element_name(node)
            content = patterns(node)
            value = self.value(content[0]) if content else self.pick(WORDS)
            if parent.get(name) is None:
                parent.set(name, value)
        elif kind == "text":
            self.add_text(parent, " " + " ".join(self.pick(WORDS) for _ in range(self.integer(1, 3))) + " ")
        elif kind in ("data", "value", "list"):
            self.add_text(parent, self.value(node))
        elif kind == "empty":
            pass
        elif kind == "notAllowed":
            raise ValueError("notAllowed reached")
        else:
            raise ValueError(f"RELAX NG pattern <{kind}> not handled")

    def add_text(self, parent: etree._Element, text: str) -> None:
        if len(parent):
            parent[-1].tail = (parent[-1].tail or "") + text
        else:
            parent.text = (parent.text or "") + text

    def value(self, node: etree._Element) -> str:
        """A value that the value pattern `node` (data, value, choice, list, text…) accepts."""
        kind = etree.QName(node).localname
        if kind == "value":
            return node.text or ""
        if kind == "data":
            kind_ = node.get("type")
            if kind_ == "ID":
                self.ids += 1
                return f"w{self.ids}"
            param = node.find(f"{{{RNG_NS}}}param[@name='pattern']")
            samples = SAMPLES.get((kind_, param.text if param is not None else None)) or SAMPLES.get((kind_, None), ("x",))
            if node.find(f"{{{RNG_NS}}}param[@name='minInclusive']") is not None:
                samples = ("0.5",)
            return self.pick(samples)
        if kind == "choice":
            return self.value(self.pick(patterns(node)))
        if kind == "list":
            return " ".join(self.value(p) for p in patterns(node) if etree.QName(p).localname not in ("empty",)).strip()
        if kind in ("oneOrMore", "zeroOrMore", "optional", "group"):
            inner = patterns(node)
            return " ".join(self.value(p) for p in inner) if kind != "zeroOrMore" and kind != "optional" else ""
        if kind == "ref":
            return self.value(patterns(self.grammar.defines[node.get("name")])[0])
        if kind == "text":
            return self.pick(WORDS)
        if kind == "empty":
            return ""
        raise ValueError(f"value pattern <{kind}> not handled")


class Documents:
    """Hypothesis strategies for TEI documents valid against tei_all (checked with lxml)."""

    def __init__(self, path: Path = GRAMMAR):
        self.path = path

    @cached_property
    def grammar(self) -> Grammar:
        return Grammar.load(self.path)

    @cached_property
    def relaxng(self) -> etree.RelaxNG:
        return etree.RelaxNG(etree.parse(str(self.path)))

    def draw(self, seed: int, max_depth: int = 9, max_elements: int = 60) -> etree._Element:
        """The random TEI document (its root) that `seed` makes; not yet checked against the grammar."""
        import random

        holder = etree.Element("holder")
        Builder(self.grammar, random.Random(seed).randint, max_depth, max_elements).generate(
            self.grammar.defines["tei_TEI"], holder, 0)
        return holder[0]

    def valid(self, max_depth: int = 9, max_elements: int = 60) -> st.SearchStrategy[etree._Element]:
        """Random TEI documents that tei_all.rng accepts. Hypothesis draws the seed of each: a
        document takes thousands of choices, more than Hypothesis lets one example record."""
        return st.integers(0, 2**32 - 1).map(lambda seed: self.draw(seed, max_depth, max_elements)).filter(
            lambda root: self.relaxng.validate(root))  # compiled when first drawn, not when a test module is read


def serialise(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


# -- building what was drawn -------------------------------------------------------------

def text_words(root: etree._Element) -> str:
    """The words a reader must find: every text of the document (a nested TEI's too)."""
    from textcheck import tei_text

    texts = [t for t in root.iter(f"{{{TEI_NS}}}text") if not any(a.tag == f"{{{TEI_NS}}}text" for a in t.iterancestors())]
    return " ".join(tei_text(t) for t in texts)


def check_corpus(roots: list[etree._Element], folder: Path, pdf: bool, timeout: int = 600) -> list[str]:
    """Build `roots` as a foreign corpus in `folder` (doc0.xml, doc1.xml…: pages named after the
    files); what went wrong, as lines: a failed build, a word missing from a page or a PDF."""
    import re
    import subprocess
    import sys

    from textcheck import context, html_page_texts, missing_words, normalise

    corpus, out = folder / "corpus", folder / "out"
    corpus.mkdir()
    for i, root in enumerate(roots):
        root.attrib.pop(f"{{{XML_NS}}}id", None)  # the page is then the file's name
        (corpus / f"doc{i}.xml").write_bytes(serialise(root))
    command = [sys.executable, "-m", "teiedition.cli", "build", "--tei", str(corpus), "--out", str(out), "--quiet"]
    try:
        done = subprocess.run(command + ([] if pdf else ["--no-pdf"]), capture_output=True, text=True,
                              cwd=Path(__file__).resolve().parent.parent, timeout=timeout)
    except subprocess.TimeoutExpired:
        return [f"the build did not finish in {timeout} s"]
    if done.returncode != 0 or "Traceback" in done.stderr:
        return [f"exit {done.returncode}: {done.stderr[-3000:]}{done.stdout[-1500:]}"]
    problems = []
    for i, root in enumerate(roots):
        words = text_words(root)
        missing = missing_words(words, html_page_texts(out / "html" / f"doc{i}.html"))
        if missing:
            problems.append(f"doc{i}.html lacks {context(missing)}")
        if pdf:
            printed = subprocess.run(["pdftotext", str(out / "pdf" / f"doc{i}.pdf"), "-"], capture_output=True, text=True).stdout
            joined = "".join(normalise(printed).split())
            readings = (printed, re.sub(r"[-\u2010\u00ad]?\n", "", printed))
            lost = [w for w in missing_words(words, readings) if w not in joined]
            if lost:
                problems.append(f"doc{i}.pdf lacks {context(lost)}")
    return problems


def main() -> int:
    """The nightly run: random corpora built until the time is up; failing ones kept."""
    import argparse
    import random
    import shutil
    import sys
    import tempfile
    import time

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    parser = argparse.ArgumentParser(prog="python -m tests.rngfuzz", description=main.__doc__)
    parser.add_argument("--minutes", type=float, default=30)
    parser.add_argument("--documents", type=int, default=6, help="documents in each corpus")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--keep", type=Path, default=Path("output/rngfuzz"), help="where failing corpora go")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    rnd = random.Random(seed)
    documents = Documents()
    end = time.monotonic() + args.minutes * 60
    runs = failures = 0
    while time.monotonic() < end:
        roots = [root for root in (documents.draw(rnd.randrange(2**32)) for _ in range(args.documents))
                 if documents.relaxng.validate(root)]
        with tempfile.TemporaryDirectory(prefix="rngfuzz-") as folder:
            problems = check_corpus(roots, Path(folder), pdf=runs % 10 == 9)
            runs += 1
            if problems:
                failures += 1
                kept = args.keep / f"seed{seed}-run{runs}"
                shutil.copytree(Path(folder) / "corpus", kept)
                print(f"run {runs}: FAILED, corpus kept in {kept}:", *problems, sep="\n  ", flush=True)
            else:
                print(f"run {runs}: ok", flush=True)
    print(f"{runs} corpora of {args.documents} documents built (seed {seed}), {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
