"""Discover and load an edition: every TEI file under its folder, parsed once and safely."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from lxml import etree

from .exceptions import UsageError
from .problems import WARNING, Problem, display_path

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
        """Where a file stands in the edition, as a URI path (texts/letter.xml): where the
        user put it (a link is not followed), else where it resolves to."""
        for path, root in ((Path(os.path.abspath(source.path)), Path(os.path.abspath(self.root))),
                           (source.path.resolve(), self.root.resolve())):
            try:
                return path.relative_to(root).as_posix()
            except ValueError:
                continue
        return source.path.name


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
    return survey(root)[0]


def survey(root: Path) -> tuple[list[Path], list[Problem]]:
    """The edition's TEI files (as `discover`), and a problem for each thing found that
    cannot be read as one: an unreadable folder (an error), and, skipped with a warning, a
    named pipe or device (reading it would hang or never end), a link to a folder or to a
    file outside the edition, a folder inside texts/ or registers/ of an edition of ours."""
    problems: list[Problem] = []

    def unreadable(err: OSError) -> None:
        problems.append(Problem(display_path(Path(err.filename or root)), 1, 1, "folder-unreadable",
                                f"the folder cannot be read ({err.strerror}) — make it readable, or move it out of the edition"))

    if not has_schema(root):
        found = []
        for folder, folders, names in os.walk(root, onerror=unreadable):
            here = Path(folder)
            folders[:] = sorted(name for name in folders if not name.startswith("."))
            for name in folders:
                if (here / name).is_symlink():
                    problems.append(skipped(here / name, "it is a link to a folder, which is not followed — copy the folder into the edition instead"))
            found += [here / name for name in names if is_xml(name)]
        candidates = sorted(found)
    else:
        candidates = [root / FRONT_MATTER] if (root / FRONT_MATTER).is_file() else []
        for folder in (TEXTS, REGISTERS):
            try:
                names = os.listdir(root / folder)
            except FileNotFoundError:
                continue
            except OSError as err:
                unreadable(err)
                continue
            candidates += sorted(root / folder / name for name in names if is_xml(name))
            for name in sorted(names):
                if (root / folder / name).is_dir():  # a link to a folder too
                    problems.append(skipped(root / folder / name, f"it is a folder inside {folder}/, whose files are not read — "
                                            f"the edition reads the files directly in {folder}/: move them up"))
    files = []
    for path in candidates:
        reason = "it is a hidden file (its name begins with a dot), which is not read — rename it if it is part of the edition" \
            if path.name.startswith(".") else unfit(path, root)
        if reason:
            problems.append(skipped(path, reason))
        else:
            files.append(path)
    return files, problems


def is_xml(name: str) -> bool:
    """A name of an XML file (letter.xml, LETTER.XML), but not an editor's lock or backup
    file (.~lock.letter.xml#, .#letter.xml: they do not end so)."""
    return name.lower().endswith(".xml")


def skipped(path: Path, reason: str) -> Problem:
    return Problem(display_path(path), 1, 1, "file-skipped", reason, WARNING)


KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))


def unfit(path: Path, root: Path) -> str | None:
    """Why `path` is not read as one of the edition's files, or None: a link leading out of
    the edition, or something that is not a file. A link to nothing is read (and reported
    unreadable)."""
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return None
        if not (target == root.resolve() or root.resolve() in target.parents):
            return f"it is a link to {target}, outside the edition, which is not read — copy the file into the edition instead"
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    for test, kind in KINDS:
        if test(mode):
            return f"it is {kind}, not a file, and reading it could hang or never end — remove it from the edition"
    return None


DOCTYPE = re.compile(rb"<!DOCTYPE", re.I)
#: What the safe parser's limits (libxml2 without XML_PARSE_HUGE) mean for the user.
LIMITS = {
    "depth": "elements nest more than 256 levels deep here, more than the build reads — flatten the nesting (TEI needs a few dozen levels at most)",
    "size": "a single text node or name here is longer than 10 MB, more than the build reads — split the text into paragraphs or files",
}
#: A C1 control character, written as itself or as a character reference.
C1_CONTROL = re.compile("[\x80-\x9f]|&#[xX]0*[89][0-9a-fA-F];|&#0*(?:12[89]|1[3-5][0-9]);")


def no_dtd(name: str) -> Problem:
    return Problem(name, 1, 1, "xml-no-dtd", "the file declares a DTD (<!DOCTYPE …>) — remove it and write entities out as text (&amp;, &lt; and &gt; stay)")


UTF16_DECLARED = re.compile(rb"<\?xml[^>]*encoding\s*=\s*[\"']UTF-?16[\"']", re.I)


def decoded(data: bytes, encoding: str | None) -> str:
    """The file's text in the encoding the parser read it in (UTF-8 if that is unknown)."""
    try:
        return data.decode(encoding or "utf-8", "replace")
    except LookupError:
        return data.decode("utf-8", "replace")


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
        data = read_bounded(path)
    except NotAFile as err:
        return None, [Problem(name, 1, 1, "file-unreadable", f"{err} — remove it from the edition, or name a file")]
    except OSError as err:
        reason = err.strerror or str(err)
        return None, [Problem(name, 1, 1, "file-unreadable", f"{reason} — check that the file exists and is readable")]
    if data is None:
        return None, [Problem(name, 1, 1, "file-too-large", f"the file holds more than the {MAX_FILE_BYTES // 2**20} MB one document may have — split it into several files (one per letter, chapter or volume)")]
    if not data.strip():
        return None, [Problem(name, 1, 1, "xml-well-formed", "the file is empty — write a TEI document or delete the file")]
    if UTF16_DECLARED.match(data) and not data.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\0" not in data[:200]:
        # libxml2 would only say "Blank needed here" at the declaration
        return None, [Problem(name, 1, 1, "xml-encoding", "the file declares encoding=\"UTF-16\" but is written one byte a character (UTF-8, most likely) — change the declaration to encoding=\"UTF-8\"")]
    try:
        tree = etree.ElementTree(etree.fromstring(data, safe_parser(), base_url=str(path)))
    except etree.XMLSyntaxError as err:
        if DOCTYPE.search(data):  # entities of a DTD can fail the parse itself ("billion laughs")
            return None, [no_dtd(name)]
        line, col = err.position if err.position else (1, 1)
        message = err.msg.split(", line ")[0] if err.msg else "not well-formed XML"
        if "not proper UTF-8" in message or "encoding" in message.lower():
            return None, [Problem(name, line or 1, col or 1, "xml-encoding", f"{message} — save the file as UTF-8, or declare the encoding it is written in (<?xml version=\"1.0\" encoding=\"…\"?>)")]
        if "XML_PARSE_HUGE" in message:  # libxml2's limits, with advice the user cannot take
            message = LIMITS["depth" if "depth" in message.lower() else "size"]
            return None, [Problem(name, line or 1, col or 1, "xml-too-large", message)]
        return None, [
            Problem(name, line or 1, col or 1, "xml-well-formed", f"{message} — fix the XML at this point")
        ]
    declared = (tree.docinfo.encoding or "UTF-8").upper().replace("_", "-")
    if declared not in ("UTF-8", "UTF8", "UTF-16") and not data.isascii() and is_utf8(data):
        # the parser believed the declaration: every accented letter would be misread
        return None, [Problem(name, 1, 1, "xml-encoding", f"the file declares encoding=\"{tree.docinfo.encoding}\" but is written in UTF-8, so its accented letters would be misread — change the declaration to encoding=\"UTF-8\"")]
    text = decoded(data, tree.docinfo.encoding)
    control = C1_CONTROL.search(text)
    if control:
        # legal XML, but HTML reads &#x80;–&#x9F; as Windows-1252 letters: the page would show
        # another character; in a file they are almost always an encoding mix-up
        line = text.count("\n", 0, control.start()) + 1
        column = control.start() - text.rfind("\n", 0, control.start())
        found = control[0]
        code = ord(found) if len(found) == 1 else int(found[3:-1], 16) if found[2] in "xX" else int(found[2:-1])
        guess = bytes([code]).decode("cp1252", "replace")
        return None, [Problem(name, line, column, "xml-control-char", f"U+{code:04X} is a control character, probably a mis-decoded Windows-1252 “{guess}” — replace it with the character meant")]
    if etree.QName(tree.getroot()).text != TEI_ROOT:
        found = etree.QName(tree.getroot())
        where = f" in namespace {found.namespace}" if found.namespace else " in no namespace"
        return None, [Problem(name, tree.getroot().sourceline or 1, 1, "not-tei", f"the root element is {found.localname}{where}, not a TEI document — make the root <TEI xmlns=\"http://www.tei-c.org/ns/1.0\">, or move the file out of the edition (a teiCorpus file: split it into one file per TEI)")]
    if tree.docinfo.internalDTD is not None or tree.docinfo.system_url:
        # TEI P5 has no DTD; an entity left unexpanded would reach the stylesheets as a
        # reference to nothing, and one expanded could read files or explode in size
        return None, [no_dtd(name)]
    return Source(path, data, tree), []


class NotAFile(OSError):
    """What a path names is not a regular file."""


def read_bounded(path: Path, limit: int | None = None) -> bytes | None:
    """The bytes of the regular file at `path`, or None when it holds more than `limit`
    (by default the most one document may have).
    Opening does not wait for a writer (a named pipe), and no more than `limit` bytes are
    read whatever the size says (a device, a file still growing)."""
    limit = MAX_FILE_BYTES if limit is None else limit
    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    try:
        info = os.fstat(handle)
        if not stat.S_ISREG(info.st_mode):
            raise NotAFile("it is not a file but a named pipe, a device or a socket, and reading it could hang or never end")
        if info.st_size > limit:
            return None
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(handle, min(2**20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return None if size > limit else b"".join(chunks)
    finally:
        os.close(handle)


def load(root: Path, paths: list[Path] | None = None) -> tuple[Edition, list[Problem]]:
    """Load the edition at `root` (all its files, or `paths` only), with the problems of
    reading (and, reading all, of finding the files)."""
    problems: list[Problem] = []
    sources: list[Source] = []
    if paths is None:
        paths, problems = survey(root)
    for path in paths:
        source, found = read(path)
        problems += found
        if source is not None:
            sources.append(source)
    return Edition(root, tuple(sources)), problems
