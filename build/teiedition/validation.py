"""Validate an edition: each file against the strict RELAX NG schema, then the Schematron
rules over the whole edition at once (identifiers and pointers cross files)."""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass
from pathlib import Path

from lxml import etree, isoschematron
from slugify import slugify

from .edition import FRONT_MATTER, REGISTERS, SCHEMA, Edition, Source, find_root, load, survey
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


RNG_NS = "http://relaxng.org/ns/structure/1.0"
INVALID_ATTRIBUTE = re.compile(r"Invalid attribute (\S+) for element (\S+)")


def attribute_values(grammar: etree._ElementTree, element: str, attribute: str) -> tuple[bool, list[str], list[str]]:
    """What the grammar allows for `attribute` on `element` (local names): whether it is
    declared there at all, the values listed for it, and the data types it takes."""
    defines = {d.get("name"): d for d in grammar.iter(f"{{{RNG_NS}}}define")}

    def walk(node: etree._Element, seen: set[str], into_elements: bool) -> list[etree._Element]:
        found = []
        for child in node:
            if not isinstance(child.tag, str):
                continue
            tag = etree.QName(child).localname
            if tag == "ref" and child.get("name") not in seen and child.get("name") in defines:
                seen.add(child.get("name"))
                found += walk(defines[child.get("name")], seen, into_elements)
            elif tag == "element" and not into_elements:
                continue
            else:
                found.append(child)
                found += walk(child, seen, into_elements)
        return found

    declared, values, types = False, [], []
    for definition in grammar.iter(f"{{{RNG_NS}}}element"):
        if (definition.get("name") or "").split(":")[-1] != element:
            continue
        for node in walk(definition, set(), into_elements=False):
            if etree.QName(node).localname == "attribute" and (node.get("name") or "").split(":")[-1] == attribute:
                declared = True
                for inner in [node, *walk(node, set(), into_elements=True)]:
                    kind = etree.QName(inner).localname
                    if kind == "value" and inner.text not in values:
                        values.append(inner.text)
                    elif kind == "data" and inner.get("type") not in types:
                        types.append(inner.get("type"))
    return declared, values, types


def attribute_advice(grammar: etree._ElementTree, message: str, element: etree._Element | None) -> str | None:
    """For libxml2's "Invalid attribute X for element Y", which it says both of an attribute
    Y may not have and of a value outside the attribute's list: which of the two, and the
    values allowed."""
    match = INVALID_ATTRIBUTE.search(message)
    if not match:
        return None
    attribute, name = match.groups()
    declared, values, types = attribute_values(grammar, name, attribute)
    if not declared:
        return None
    value = next((v for k, v in (element.attrib.items() if element is not None else []) if etree.QName(k).localname == attribute), None)
    said = f"the value “{value}” of {attribute}" if value is not None else f"the value of {attribute}"
    if values:
        listed = ", ".join(values[:12]) + (f" (and {len(values) - 12} more)" if len(values) > 12 else "")
        return f"{said} is not allowed on {name} — use one of: {listed}"
    if types:
        return f"{said} is not a valid {' or '.join(types)} — see schema/edition.rng for the form it takes"
    return f"{said} is not allowed on {name} — see schema/edition.rng for the values it takes"


@dataclass(frozen=True)
class Schemas:
    """The edition's compiled schemas: built once per run, used for every file."""

    relaxng: etree.RelaxNG
    schematron: isoschematron.Schematron
    grammar: etree._ElementTree | None = None

    @classmethod
    def load(cls, schema_dir: Path | None) -> "Schemas | None":
        """The compiled schemas in `schema_dir`; None for a foreign corpus, which has none."""
        if schema_dir is None:
            return None
        rng_path, sch_path = schema_dir / "edition.rng", schema_dir / "edition.sch"
        try:
            grammar = etree.parse(str(rng_path))
            relaxng = etree.RelaxNG(grammar)
            # the report keeps what failed, not a record of every rule fired at every element
            # (200,000 elements for 100 documents), which took most of the rules' own time
            schematron = isoschematron.Schematron(
                etree.parse(str(sch_path)), store_report=True, store_xslt=False,
                compile_params={"generate-fired-rule": "false"},
            )
        except (OSError, etree.XMLSyntaxError, etree.RelaxNGParseError, etree.SchematronParseError) as err:
            raise TeieditionError(
                f"{display_path(schema_dir)}: the edition's schema cannot be compiled ({err}) — "
                "fix schema/edition.rng or schema/edition.sch"
            ) from err
        return cls(relaxng, schematron, grammar)


def check_relaxng(schemas: Schemas, source: Source) -> list[Problem]:
    """RELAX NG errors of one file, each at its line."""
    if schemas.relaxng.validate(source.tree):
        return []
    problems = []
    for error in schemas.relaxng.error_log:
        line = error.line or 1
        element = next((e for e in source.tree.iter() if e.sourceline == line), None)
        named = INVALID_ATTRIBUTE.search(error.message)
        if named:  # the element the message names, on that line
            element = next((e for e in source.tree.iter() if e.sourceline == line and isinstance(e.tag, str)
                            and etree.QName(e).localname == named[2]), element)
        advice = schemas.grammar is not None and attribute_advice(schemas.grammar, error.message, element)
        problems.append(Problem(source.name, line, source.column(line, element), "relaxng", advice or advise(error.message)))
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
    roots, named = [], set()
    for source in edition.sources:
        root = deepcopy(source.tree.getroot()) if copy else source.tree.getroot()
        root.set(XML_BASE, edition.relative(source))
        # a foreign file may lack an id, have one that is the name of one of our pages, or the
        # id of another file (foreign projects reuse "doc1"): each file needs a page of its own
        foreign = edition.schema_dir is None
        if root.get(XML_ID) is None or (foreign and (root.get(XML_ID) in RESERVED or root.get(XML_ID) in named)):
            root.set(XML_ID, unique(slug(edition.relative(source)), taken))
        named.add(root.get(XML_ID))
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
    missing = missing_parts(edition)
    if missing:  # every cross-file rule would fail for it: one message says why
        return missing
    problems = []
    for source in edition.sources:
        problems += check_relaxng(schemas, source)
    problems += check_schematron(schemas, edition)
    if only is not None:
        names = {display_path(path) for path in only}
        problems = [p for p in problems if p.file in names]
    return sorted(set(problems))


def missing_parts(edition: Edition) -> list[Problem]:
    """The front matter or the registers' folder, when an edition of ours has lost it."""
    parts = ((FRONT_MATTER, "the front matter (the edition's title, editors and contents)"),
             (REGISTERS, "the registers (persons, places, organisations… that the texts point to)"))
    return [Problem(display_path(edition.root / name), 1, 1, "edition-incomplete",
                    f"{name} is missing: it holds {what}, which the texts need — restore it (from version control or a backup), or see what `edition init DIR` writes")
            for name, what in parts if not (edition.root / name).exists()]


def validate_paths(paths: list[Path]) -> tuple[list[Problem], int]:
    """Validate the files or edition folders named by the user; returns problems and file count.

    A folder is an edition; a file is checked in the context of the edition that holds it,
    so that pointers into the registers resolve."""
    problems: list[Problem] = []
    files = 0
    for root, group in group_by_edition(paths):
        named = {p.resolve() for p in group if not p.is_dir()}
        found, survey_problems = survey(root)
        wanted = sorted(set(found) | named)
        edition, read_problems = load(root, wanted)
        found_problems = survey_problems + read_problems
        if named:  # a file is checked with its edition, but only its own problems are told
            names = {display_path(path) for path in named}
            found_problems = [p for p in found_problems if p.file in names]
        problems += found_problems + validate(edition, Schemas.load(edition.schema_dir), named or None)
        files += len(named or wanted)
    return sorted(set(problems)), files


def group_by_edition(paths: list[Path]) -> list[tuple[Path, list[Path]]]:
    """Paths grouped by the edition folder that holds them, in the order first named."""
    groups: dict[Path, list[Path]] = {}
    for path in paths:
        groups.setdefault(find_root(path).resolve(), []).append(path)
    return list(groups.items())
