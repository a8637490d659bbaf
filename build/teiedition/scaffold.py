"""`edition init DIR`: start a new edition that validates and builds at once — front matter,
a sample document, the five registers, the reference schema and a README — written whole or
not at all."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from lxml import etree

from .build import build_date
from .exceptions import EnvironmentProblem, UsageError
from .i18n import INIT, Interface, languages
from .problems import display_path
from .resources import resource

#: What init renders from templates/init/ (each NAME from NAME.j2), in the order it reports them.
RENDERED = (
    "edition.xml",
    "texts/sample.xml",
    "registers/persons.xml",
    "registers/organisations.xml",
    "registers/places.xml",
    "registers/events.xml",
    "registers/works.xml",
    "README.md",
    "edition.toml",
)

#: What init copies from the reference edition (tei/), by the name it gets. The schema, so
#: that the new edition is held to the same rules as ours (the RELAX NG with our own value
#: lists opened, see generic()). The encoding guide, as ENCODING.md: copied, not linked,
#: because it documents this very schema, and a copy stays in step with the copied schema when
#: the tool's own guide and schema move on; the editors' README says that its examples are ours.
COPIED = {
    "schema/edition.rng": "schema/edition.rng",
    "schema/edition.sch": "schema/edition.sch",
    "ENCODING.md": "README.md",
}

RNG = "http://relaxng.org/ns/structure/1.0"
#: The reference schema's lists of values that are our edition's own vocabulary, by element
#: and attribute ("*": any element): who is responsible (our editors and authors), the
#: languages, hands, kinds of document, identifier, event, place and relation that our five
#: documents happen to have. A new edition gets them open; the lists the stylesheets and
#: rules act on (kinds of note, division, title, name, the pointer prefixes) stay closed.
OPEN_VALUES = {
    ("*", "resp"), ("*", "xml:lang"), ("language", "ident"), ("textLang", "mainLang"), ("textLang", "otherLangs"),
    ("author", "role"), ("idno", "type"), ("correspAction", "type"), ("seg", "type"), ("bibl", "type"),
    ("biblScope", "unit"), ("citedRange", "unit"), ("gap", "reason"), ("add", "hand"), ("add", "place"),
    ("fw", "type"), ("stamp", "type"), ("objectDesc", "form"), ("handNote", "medium"), ("handNote", "scope"),
    ("forename", "type"), ("addName", "type"), ("place", "type"), ("event", "type"), ("relation", "name"),
    ("date", "type"), ("quotation", "marks"),
}
#: The open type of a value: languages are language tags (a list of them for otherLangs).
LANGUAGE_VALUES = {"xml:lang", "ident", "mainLang"}



def create(folder: Path, language: str = "en") -> list[str]:
    """Write a new edition into `folder`, created with its parents if missing; an existing
    folder must be empty; its prose and labels in `language`. Returns a line per file made
    and, last, the command to run next."""
    if language not in languages(INIT):
        raise UsageError(f"init --language {language}: no starter in that language — choose one of {', '.join(languages(INIT))} "
                         "(the interface of the built site has more; set `language` in edition.toml)")
    refuse_unless_empty(folder)
    files = {**rendered(folder, language), **copied()}
    write(files, folder)
    return [f"created {display_path(folder / name)}" for name in files] + [next_step(folder)]


def refuse_unless_empty(folder: Path) -> None:
    """Stop, as a usage error, unless `folder` is missing or an empty folder: init never
    writes over anything."""
    if (folder.is_symlink() and not folder.exists()) or (folder.exists() and not folder.is_dir()):
        raise UsageError(f"{display_path(folder)} exists and is not a folder — give the name of a new folder for the edition")
    try:
        occupied = folder.is_dir() and any(folder.iterdir())
    except OSError as err:
        raise EnvironmentProblem(f"{display_path(folder)}: cannot look into this folder ({err.strerror or err}) — check its permissions") from err
    if occupied:
        raise UsageError(f"{display_path(folder)} is not empty — give the name of a new folder, or empty this one; init writes nothing over existing files")


def name_of(folder: Path) -> str:
    """The folder's own name, also for `.` and `..`."""
    return folder.resolve().name


def title_of(folder: Path) -> str:
    """A placeholder title made from the folder's name: `letters_of-jane` → `Letters of jane`."""
    # unprintable characters (controls, undecodable bytes) cannot stand in XML 1.0
    words = re.sub(r"[\s_-]+", " ", "".join(c for c in name_of(folder) if c.isprintable())).strip()
    return words[:1].upper() + words[1:] if words else "A new edition"


def dates(interface: Interface) -> dict[str, str]:
    """Today (or SOURCE_DATE_EPOCH's day, as for builds) and the sample's dates, as the
    files write them in the starter's language."""
    today = build_date()
    return {"date": today, "date_label": interface.date(today), "year": today[:4],
            "sample_date": interface.date("1921-03-12"), "example_date": interface.date("1921-03-01")}


def environment(interface: Interface) -> Environment:
    """Jinja over templates/init/, its prose (`_("…")`) in the interface's language (the
    `init` catalogue). No autoescaping: the templates are XML and Markdown, and the only
    value from outside, the folder's name, is escaped by hand where it goes (for XML in the
    TEI files, for the shell in the README's commands)."""
    env = Environment(
        extensions=["jinja2.ext.i18n"],
        loader=FileSystemLoader(str(resource("templates") / "init")),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.install_gettext_callables(interface.gettext, interface.ngettext, newstyle=True)
    return env


def rendered(folder: Path, language: str = "en") -> dict[str, bytes]:
    """The files made from templates, by their path in the new edition."""
    from babel import Locale

    interface = Interface(language, domain=INIT)
    env = environment(interface)
    title, name = title_of(folder), name_of(folder)
    xml = {**dates(interface), "title": escape(title), "lang": language,
           "language_name": Locale.parse(language).get_display_name(language).capitalize()}
    # the README is Markdown, whose readers see the title as it is; its shell commands run in
    # the folder above, where the edition is its name and the output a sibling of it
    markdown = {**xml, "title": title, "name": name, "site": f"{name}-site",
                "folder": shlex.quote(name), "out": shlex.quote(f"{name}-site")}
    return {
        path: env.get_template(f"{path}.j2").render(markdown if path.endswith((".md", ".toml")) else xml).encode("utf-8")
        for path in RENDERED
    }


def copied() -> dict[str, bytes]:
    """The files copied from the reference edition, by their path in the new edition."""
    reference = resource("tei")
    files = {}
    for path, source in COPIED.items():
        try:
            files[path] = (reference / source).read_bytes()
        except OSError as err:
            raise EnvironmentProblem(f"{display_path(reference / source)}: cannot read the reference edition's file ({err.strerror or err}) — reinstall teiedition") from err
    files["schema/edition.rng"] = generic(files["schema/edition.rng"])
    return files


def generic(schema: bytes) -> bytes:
    """The reference RELAX NG schema with the value lists of OPEN_VALUES opened: any token (a
    language tag for languages), so that a new edition's editors, languages and kinds of
    things validate without editing the schema."""
    tree = etree.fromstring(schema)
    for attribute in tree.iter(f"{{{RNG}}}attribute"):
        element = next((e.get("name") for e in attribute.iterancestors(f"{{{RNG}}}element")), "*")
        name = attribute.get("name")
        values = attribute.find(f"{{{RNG}}}ref")
        if values is not None:  # att.global's xml:lang and resp name their lists by reference
            element = "*"
        if (element, name) not in OPEN_VALUES and ("*", name) not in OPEN_VALUES:
            continue
        for child in list(attribute):
            attribute.remove(child)
        kind = "language" if name in LANGUAGE_VALUES else "token"
        data = etree.SubElement(attribute, f"{{{RNG}}}data", type=kind)
        if name == "otherLangs":
            attribute.remove(data)
            etree.SubElement(etree.SubElement(attribute, f"{{{RNG}}}list"), f"{{{RNG}}}oneOrMore").append(data)
            data.set("type", "language")
    used = {ref.get("name") for ref in tree.iter(f"{{{RNG}}}ref")}
    for define in tree.findall(f"{{{RNG}}}define"):
        if define.get("name") not in used and define.get("name") in ("lang.value", "resp.value"):
            tree.remove(define)  # the closed lists the attributes no longer use
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(tree, encoding="UTF-8") + b"\n"


def write(files: dict[str, bytes], folder: Path) -> None:
    """Write `files` into `folder` whole or not at all: into a hidden staging folder first,
    then into place by renames, so that a failure or an interruption leaves nothing behind."""
    existing = folder.is_dir()
    made = missing_ancestors(folder)
    # a new folder is staged beside its place and renamed into it in one step; an existing
    # one is filled from a staging folder inside it, since it must stay the same folder (the
    # editor's shell may be in it, and Windows cannot rename over a folder)
    home = folder if existing else folder.parent
    try:
        home.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".edition-init-", dir=home))
    except OSError as err:
        remove_empty(made)
        raise EnvironmentProblem(f"{display_path(folder)}: cannot create the edition here ({err.strerror or err}) — choose another folder or fix its permissions") from err
    try:
        for path, data in files.items():
            (staging / path).parent.mkdir(parents=True, exist_ok=True)
            (staging / path).write_bytes(data)
        if existing:
            move_into(staging, folder)
        else:
            # mkdtemp makes a private folder; the edition gets the usual permissions instead
            staging.chmod(0o777 & ~umask())
            place(staging, folder)
    except OSError as err:
        raise EnvironmentProblem(f"{display_path(folder)}: the edition could not be written ({err.strerror or err}); nothing was left behind") from err
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # gone or empty when all went well
        if not folder.is_dir():
            remove_empty(made)


def place(staging: Path, folder: Path) -> None:
    """Put the staged edition in the place of the (missing) `folder`, in one rename."""
    staging.rename(folder)


def move_into(staging: Path, folder: Path) -> None:
    """Move the staged files into the empty `folder`; on a failure, take back what was moved."""
    moved: list[Path] = []
    try:
        for entry in sorted(staging.iterdir()):
            entry.rename(folder / entry.name)
            moved.append(folder / entry.name)
    except BaseException:
        for path in moved:
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
        raise


def missing_ancestors(folder: Path) -> list[Path]:
    """The folders above `folder` that do not exist yet, deepest first: init creates them, and
    removes them again if it fails."""
    return [parent for parent in folder.absolute().parents if not parent.exists()]


def remove_empty(folders: list[Path]) -> None:
    """Remove the folders init created, deepest first, if they are still empty."""
    for parent in folders:
        try:
            parent.rmdir()
        except OSError:
            return


def umask() -> int:
    """The process's umask (reading it means setting it, so it is set back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def next_step(folder: Path) -> str:
    """The command the editor runs next: a build into a sibling of the edition's folder
    (outside it, since `edition serve` watches every file of the edition)."""
    out = folder.resolve().parent / f"{name_of(folder)}-site"
    # a path that begins with a dash would be read as an option: it is given as ./-name
    tei, site = (shlex.quote(path if not path.startswith("-") else f"./{path}")
                 for path in (display_path(folder), display_path(out)))
    return (f"next: edition build --tei {tei} --out {site}, then open {site}/html/index.html "
            f"({display_path(folder / 'README.md')} says more)")
