"""Discover and load an edition: every TEI file under its folder, parsed once and safely."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from lxml import etree

from .exceptions import UsageError
from .problems import Problem, display_path

#: Where an edition keeps what, relative to its folder (the `tei/` of a project).
FRONT_MATTER = "edition.xml"
TEXTS = "texts"
REGISTERS = "registers"
SCHEMA = "schema"


#: Files larger than this are refused: no single document needs it, and one this size would
#: hold the whole build's memory and time hostage.
MAX_FILE_BYTES = 32 * 2**20

#: The root every file of an edition has.
TEI_ROOT = "{http://www.tei-c.org/ns/1.0}TEI"


def safe_parser() -> etree.XMLParser:
    """A parser that never loads a DTD, an external entity or anything from the network."""
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_comments=False,
    )


@dataclass(frozen=True)
class Source:
    """One TEI file: where it is, its bytes (for columns in messages) and its parsed tree."""

    path: Path
    text: bytes
    tree: etree._ElementTree | None

    @property
    def name(self) -> str:
        return display_path(self.path)

    @cached_property
    def lines(self) -> list[bytes]:
        """The file's lines, split once: the stylesheets' messages are placed by a column for
        every id of the edition, and splitting the file for each made a long document quadratic."""
        return self.text.splitlines()

    def column(self, line: int, element: etree._Element | None = None) -> int:
        """Best column for a message on `line`: where the element's start tag opens, else 1."""
        lines = self.lines
        if not 0 < line <= len(lines):
            return 1
        text = lines[line - 1].decode("utf-8", "replace")
        if element is not None and isinstance(element.tag, str):
            at = text.find("<" + etree.QName(element).localname)
            if at < 0 and element.prefix:
                at = text.find(f"<{element.prefix}:")
            if at >= 0:
                return at + 1
        stripped = len(text) - len(text.lstrip())
        return stripped + 1


@dataclass(frozen=True)
class Edition:
    """The edition's folder and its TEI files, in a fixed order: front matter, texts, registers.

    A folder without schema/edition.rng is a foreign corpus (TEI from another project): it
    is read whole, checked only for being well-formed TEI, and rendered generically."""

    root: Path
    sources: tuple[Source, ...]

    @property
    def schema_dir(self) -> Path | None:
        """The edition's own schemas, or None for a foreign corpus."""
        return self.root / SCHEMA if has_schema(self.root) else None

    def without_trees(self) -> "Edition":
        """The edition with its files' bytes but not their parsed trees: once the stylesheets
        hold the edition, the trees are only memory (the most of it, for a large edition)."""
        return Edition(self.root, tuple(Source(s.path, s.text, None) for s in self.sources))

    def relative(self, source: Source) -> str:
        """Where a file stands in the edition, as a URI path (texts/letter.xml)."""
        return source.path.resolve().relative_to(self.root.resolve()).as_posix()


def has_schema(folder: Path) -> bool:
    return (folder / SCHEMA / "edition.rng").is_file()


def find_root(path: Path) -> Path:
    """The edition folder holding `path`: the nearest folder (itself included) with a schema;
    failing that, the folder named (or the file's folder), read as a foreign corpus."""
    if not path.exists():
        raise UsageError(f"{display_path(path)}: no such file or folder — give the edition's tei/ folder, or run `edition init DIR`")
    start = path if path.is_dir() else path.parent
    for folder in (start, *start.parents):
        if has_schema(folder):
            return folder
    return start


def discover(root: Path) -> list[Path]:
    """Every TEI file of the edition under `root`, in the order they are read: for an edition
    of ours front matter, texts, registers; for a foreign corpus every .xml file below it."""
    if not has_schema(root):
        return sorted(path for path in root.rglob("*.xml")
                      if not any(part.startswith(".") for part in path.relative_to(root).parts))
    files = [root / FRONT_MATTER] if (root / FRONT_MATTER).is_file() else []
    for folder in (TEXTS, REGISTERS):
        files += sorted((root / folder).glob("*.xml"))
    return files


DOCTYPE = re.compile(rb"<!DOCTYPE", re.I)
#: A C1 control character, written as itself or as a character reference.
C1_CONTROL = re.compile("[\x80-\x9f]|&#[xX]0*[89][0-9a-fA-F];|&#0*(?:12[89]|1[3-5][0-9]);")


def no_dtd(name: str) -> Problem:
    return Problem(name, 1, 1, "xml-no-dtd", "the file declares a DTD (<!DOCTYPE …>) — remove it and write entities out as text (&amp;, &lt; and &gt; stay)")


def is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def read(path: Path) -> tuple[Source | None, list[Problem]]:
    """Read and parse one file; a file that cannot be read or parsed gives a problem instead."""
    name = display_path(path)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            size = path.stat().st_size / 2**20
            return None, [Problem(name, 1, 1, "file-too-large", f"the file is {size:.0f} MB, more than the {MAX_FILE_BYTES // 2**20} MB one document may have — split it into several files (one per letter, chapter or volume)")]
        data = path.read_bytes()
    except OSError as err:
        reason = err.strerror or str(err)
        return None, [Problem(name, 1, 1, "file-unreadable", f"{reason} — check that the file exists and is readable")]
    if not data.strip():
        return None, [Problem(name, 1, 1, "xml-well-formed", "the file is empty — write a TEI document or delete the file")]
    try:
        tree = etree.ElementTree(etree.fromstring(data, safe_parser(), base_url=str(path)))
    except etree.XMLSyntaxError as err:
        if DOCTYPE.search(data):  # entities of a DTD can fail the parse itself ("billion laughs")
            return None, [no_dtd(name)]
        line, col = err.position if err.position else (1, 1)
        message = err.msg.split(", line ")[0] if err.msg else "not well-formed XML"
        if "not proper UTF-8" in message or "encoding" in message.lower():
            return None, [Problem(name, line or 1, col or 1, "xml-encoding", f"{message} — save the file as UTF-8, or declare the encoding it is written in (<?xml version=\"1.0\" encoding=\"…\"?>)")]
        return None, [
            Problem(name, line or 1, col or 1, "xml-well-formed", f"{message} — fix the XML at this point")
        ]
    control = C1_CONTROL.search(data.decode("utf-8", "replace"))
    if control:
        # legal XML, but HTML reads &#x80;–&#x9F; as Windows-1252 letters: the page would show
        # another character; in a file they are almost always an encoding mix-up
        text = data.decode("utf-8", "replace")
        line = text.count("\n", 0, control.start()) + 1
        column = control.start() - text.rfind("\n", 0, control.start())
        found = control[0]
        code = ord(found) if len(found) == 1 else int(found[3:-1], 16) if found[2] in "xX" else int(found[2:-1])
        guess = bytes([code]).decode("cp1252", "replace")
        return None, [Problem(name, line, column, "xml-control-char", f"U+{code:04X} is a control character, probably a mis-decoded Windows-1252 “{guess}” — replace it with the character meant")]
    declared = (tree.docinfo.encoding or "UTF-8").upper().replace("_", "-")
    if declared not in ("UTF-8", "UTF8", "UTF-16") and not data.isascii() and is_utf8(data):
        # the parser believed the declaration: every accented letter would be misread
        return None, [Problem(name, 1, 1, "xml-encoding", f"the file declares encoding=\"{tree.docinfo.encoding}\" but is written in UTF-8, so its accented letters would be misread — change the declaration to encoding=\"UTF-8\"")]
    if etree.QName(tree.getroot()).text != TEI_ROOT:
        found = etree.QName(tree.getroot())
        where = f" in namespace {found.namespace}" if found.namespace else " in no namespace"
        return None, [Problem(name, tree.getroot().sourceline or 1, 1, "not-tei", f"the root element is {found.localname}{where}, not a TEI document — make the root <TEI xmlns=\"http://www.tei-c.org/ns/1.0\">, or move the file out of the edition (a teiCorpus file: split it into one file per TEI)")]
    if tree.docinfo.internalDTD is not None or tree.docinfo.system_url:
        # TEI P5 has no DTD; an entity left unexpanded would reach the stylesheets as a
        # reference to nothing, and one expanded could read files or explode in size
        return None, [no_dtd(name)]
    return Source(path, data, tree), []


def load(root: Path, paths: list[Path] | None = None) -> tuple[Edition, list[Problem]]:
    """Load the edition at `root` (all its files, or `paths` only), with the problems of reading."""
    problems: list[Problem] = []
    sources: list[Source] = []
    for path in paths if paths is not None else discover(root):
        source, found = read(path)
        problems += found
        if source is not None:
            sources.append(source)
    return Edition(root, tuple(sources)), problems
