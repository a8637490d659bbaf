"""Validate an edition: each file against the strict RELAX NG schema, then the Schematron
rules over the whole edition at once (identifiers and pointers cross files)."""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass
from pathlib import Path

from lxml import etree, isoschematron
from slugify import slugify

from .edition import SCHEMA, Edition, Source, discover, find_root, load
from .exceptions import TeieditionError

from .problems import ERROR, WARNING, Problem, display_path

TEI_NS = "http://www.tei-c.org/ns/1.0"
SVRL_NS = "http://purl.oclc.org/dsdl/svrl"
XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

#: Names of the site's own pages, which a document of a foreign corpus must not take.
RESERVED = frozenset({"index", "search", "404", "reuse", "guidelines", "edition", "persons", "organisations",
                      "places", "events", "works", "sitemap", "robots"})


def slug(path: str) -> str:
    """An identifier (and file name) from a file's name: texts/Letter 1.xml → letter-1; other
    scripts transliterated (python-slugify), so that Письмо.xml is pismo, not document."""
    stem = slugify(Path(path).stem) or "document"
    return stem if stem[0].isalpha() else f"d-{stem}"


def unique(name: str, taken: set[str]) -> str:
    """`name`, or `name-2`, `name-3`… whichever is not yet taken; then taken."""
    candidate, number = name, 1
    while candidate in taken:
        number += 1
        candidate = f"{name}-{number}"
    taken.add(candidate)
    return candidate

#: What to do, for the RELAX NG messages libxml2 gives without advice.
RNG_ADVICE = (
    (re.compile(r"Did not expect element (\S+) there"), "element {0} is not allowed here — move or remove it (schema/edition.rng says where it may stand)"),
    (re.compile(r"Expecting element (\S+), got (\S+)"), "expected element {0} here, found {1} — add {0} or reorder"),
    (re.compile(r"Element (\S+) failed to validate attributes"), "an attribute of {0} is not allowed or has a value outside its list — check the attribute names and values against schema/edition.rng"),
    (re.compile(r"Invalid attribute (\S+) for element (\S+)"), "attribute {0} is not allowed on {1} — remove it or use an allowed attribute"),
    (re.compile(r"Element (\S+) has extra content: (\S+)"), "{0} holds content it may not hold ({1}) — see schema/edition.rng"),
    (re.compile(r"Expecting a namespace for element (\S+)"), "element {0} has no namespace — TEI elements belong to http://www.tei-c.org/ns/1.0"),
    (re.compile(r"Expecting element TEI"), "this is not a TEI document — the root element must be TEI in the TEI namespace"),
)


def advise(message: str) -> str:
    """A libxml2 RELAX NG message turned into one that says what to fix."""
    for pattern, advice in RNG_ADVICE:
        match = pattern.search(message)
        if match:
            return advice.format(*match.groups())
    return message


@dataclass(frozen=True)
class Schemas:
    """The edition's compiled schemas: built once per run, used for every file."""

    relaxng: etree.RelaxNG
    schematron: isoschematron.Schematron

    @classmethod
    def load(cls, schema_dir: Path | None) -> "Schemas | None":
        """The compiled schemas in `schema_dir`; None for a foreign corpus, which has none."""
        if schema_dir is None:
            return None
        rng_path, sch_path = schema_dir / "edition.rng", schema_dir / "edition.sch"
        try:
            relaxng = etree.RelaxNG(etree.parse(str(rng_path)))
            schematron = isoschematron.Schematron(
                etree.parse(str(sch_path)), store_report=True, store_xslt=False
            )
        except (OSError, etree.XMLSyntaxError, etree.RelaxNGParseError, etree.SchematronParseError) as err:
            raise TeieditionError(
                f"{display_path(schema_dir)}: the edition's schema cannot be compiled ({err}) — "
                "fix schema/edition.rng or schema/edition.sch"
            ) from err
        return cls(relaxng, schematron)


def check_relaxng(schemas: Schemas, source: Source) -> list[Problem]:
    """RELAX NG errors of one file, each at its line."""
    if schemas.relaxng.validate(source.tree):
        return []
    problems = []
    for error in schemas.relaxng.error_log:
        line = error.line or 1
        element = next((e for e in source.tree.iter() if e.sourceline == line), None)
        problems.append(Problem(source.name, line, source.column(line, element), "relaxng", advise(error.message)))
    return problems


def corpus(edition: Edition) -> tuple[etree._Element, dict[etree._Element, Source]]:
    """All files of the edition in one tree (copies), so that rules can see across files."""
    wrapper = etree.Element(f"{{{TEI_NS}}}teiCorpus", nsmap={None: TEI_NS})
    owners: dict[etree._Element, Source] = {}
    for source, root in named_roots(edition, copy=True):
        wrapper.append(root)
        owners[root] = source
    return wrapper, owners


def corpus_text(edition: Edition) -> tuple[str, dict[etree._Element, Source]]:
    """All files of the edition as one teiCorpus document, as text, for the stylesheets: the
    files' own trees are named and written out, not copied (a copy of a large edition is
    most of a build's memory)."""
    owners = dict((root, source) for source, root in named_roots(edition, copy=False))
    text = "".join(etree.tostring(root, encoding="unicode") for root in owners)
    return f'<teiCorpus xmlns="{TEI_NS}">{text}</teiCorpus>', owners


def named_roots(edition: Edition, copy: bool) -> list[tuple[Source, etree._Element]]:
    """Each file's root (a copy, or the file's own), keeping where it came from in xml:base
    (texts/letter.xml), which names its page when it has no xml:id."""
    taken = {ident for source in edition.sources for ident in source.tree.xpath("//@xml:id")} | RESERVED
    roots = []
    for source in edition.sources:
        root = deepcopy(source.tree.getroot()) if copy else source.tree.getroot()
        root.set(XML_BASE, edition.relative(source))
        # a foreign file may lack an id, or have one that is the name of one of our pages
        if root.get(XML_ID) is None or (edition.schema_dir is None and root.get(XML_ID) in RESERVED):
            root.set(XML_ID, unique(slug(edition.relative(source)), taken))
        roots.append((source, root))
    return roots


def check_schematron(schemas: Schemas, edition: Edition) -> list[Problem]:
    """Schematron findings over the whole edition, each at the line of the node it concerns."""
    wrapper, owners = corpus(edition)
    tree = etree.ElementTree(wrapper)
    schemas.schematron.validate(tree)
    report = schemas.schematron.validation_report
    problems = []
    for finding in report.iter(f"{{{SVRL_NS}}}failed-assert", f"{{{SVRL_NS}}}successful-report"):
        found = tree.xpath(finding.get("location", "/"))
        node = found[0] if found else wrapper
        if isinstance(node, etree._ElementUnicodeResult):
            node = node.getparent()
        owner = node
        while owner is not None and owner not in owners:
            owner = owner.getparent()
        source = owners.get(owner)
        if source is None:
            continue
        line = node.sourceline or 1
        text = " ".join("".join(finding.itertext()).split())
        severity = WARNING if finding.get("role") in ("warning", "warn", "info") else ERROR
        rule = finding.get("id") or "schematron"
        problems.append(Problem(source.name, line, source.column(line, node), rule, text, severity))
    return problems


def validate(edition: Edition, schemas: Schemas | None, only: set[Path] | None = None) -> list[Problem]:
    """Every problem of the edition (or of the files in `only`), sorted by place. A foreign
    corpus (no schemas) has been checked for well-formed TEI on reading; this says so."""
    if schemas is None:
        return [Problem(display_path(edition.root), 1, 1, "no-schema", f"no {SCHEMA}/edition.rng here, so the files were only checked to be well-formed TEI and are rendered generically — to validate the encoding, give the edition a schema (`edition init DIR` makes one to copy)", WARNING)]
    problems = []
    for source in edition.sources:
        problems += check_relaxng(schemas, source)
    problems += check_schematron(schemas, edition)
    if only is not None:
        names = {display_path(path) for path in only}
        problems = [p for p in problems if p.file in names]
    return sorted(set(problems))


def validate_paths(paths: list[Path]) -> tuple[list[Problem], int]:
    """Validate the files or edition folders named by the user; returns problems and file count.

    A folder is an edition; a file is checked in the context of the edition that holds it,
    so that pointers into the registers resolve."""
    problems: list[Problem] = []
    files = 0
    for root, group in group_by_edition(paths):
        named = {p.resolve() for p in group if p.is_file()}
        wanted = sorted(set(discover(root)) | named)
        edition, read_problems = load(root, wanted)
        problems += read_problems + validate(edition, Schemas.load(edition.schema_dir), named or None)
        files += len(named or wanted)
    return sorted(set(problems)), files


def group_by_edition(paths: list[Path]) -> list[tuple[Path, list[Path]]]:
    """Paths grouped by the edition folder that holds them, in the order first named."""
    groups: dict[Path, list[Path]] = {}
    for path in paths:
        groups.setdefault(find_root(path).resolve(), []).append(path)
    return list(groups.items())
