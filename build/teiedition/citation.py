"""How to cite a document: one CSL-JSON record, and every form made from it — Chicago, MLA
and APA by citeproc-py with the official CSL styles (csl/, CC BY-SA), BibTeX, RIS, and
the OpenURL ContextObject of a COinS span."""

from __future__ import annotations

import warnings
from functools import lru_cache
from html import escape
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlencode

#: The styles offered, in the order shown: key → (label, CSL file).
STYLES = {
    "chicago": ("Chicago", "chicago-notes-bibliography-access-dates.csl"),
    "mla": ("MLA", "modern-language-association.csl"),
    "apa": ("APA", "apa.csl"),
}
#: CSL types of the documents' kinds (TEI's text type, as the pages name it).
TYPES = {"Letter": "letter", "Memorandum": "manuscript", "Telegram": "manuscript", "News article": "article-newspaper"}
#: RIS types of the CSL types.
RIS_TYPES = {"letter": "PCOMM", "manuscript": "MANSCPT", "article-newspaper": "NEWS", "webpage": "ELEC"}
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def record(page: dict, edition: dict, url: str, accessed: str) -> dict:
    """The document's CSL-JSON record: every other form of its citation is made from it.
    Names are literal: the sources' authors are often bodies ("CPSU Central Committee")."""
    item = {
        "id": page["id"],
        "type": TYPES.get(page.get("doc_type", ""), "webpage"),
        "genre": page.get("doc_type") or None,
        "title": page["title"],
        "author": [{"literal": name} for name in page.get("authors", [])],
        "issued": _date(page.get("date", "")),
        "container-title": edition["title"],
        "editor": [{"literal": name} for name in edition.get("editors", [])],
        "version": edition.get("version"),
        "language": page.get("lang"),
        "URL": url,
        "accessed": _date(accessed),
    }
    return {key: value for key, value in item.items() if value not in (None, "", [])}


def _date(iso: str) -> dict | None:
    parts = [int(part) for part in iso.split("-")[:3] if part.isdigit()]
    return {"date-parts": [parts]} if parts else None


def citations(item: dict, language: str = "en") -> dict[str, dict[str, str]]:
    """Each style's citation of the record, as plain text (to copy) and as HTML (to show), with
    the CSL terms and dates of the interface's language ("Zugegriffen", "hg. von")."""
    cited = {}
    for key, (label, name) in STYLES.items():
        marked = _format(item, name, _csl_locale(language))
        text = "".join(char for char in marked if char not in _MARKS)
        markup = escape(marked, quote=False)
        for mark, tag in _MARKS.items():
            markup = markup.replace(mark, tag)
        cited[key] = {"label": label, "text": text, "html": markup}
    return cited


#: citeproc-py's HTML formatter leaves some text unescaped (what a text-case passes through),
#: so a title holding "<script>" would reach the page as markup. Its styling is asked for as
#: private-use characters instead, and the HTML is made here: the text escaped, then the
#: characters turned into tags.
_MARKS = {"\ue000": "<i>", "\ue001": "</i>", "\ue002": "<b>", "\ue003": "</b>",
          "\ue004": '<span class="small-caps">', "\ue005": "</span>", "\ue006": "<sup>", "\ue007": "</sup>",
          "\ue008": "<sub>", "\ue009": "</sub>"}


def _marker(start: str, end: str) -> type:
    return type("Marked", (str,), {"__new__": lambda cls, text: str.__new__(cls, start + text + end)})


_FORMATTER = SimpleNamespace(
    preformat=lambda text: "".join(char for char in str(text) if char not in _MARKS),
    Italic=_marker("\ue000", "\ue001"), Oblique=_marker("\ue000", "\ue001"), Bold=_marker("\ue002", "\ue003"),
    Light=str, Underline=str, SmallCaps=_marker("\ue004", "\ue005"),
    Superscript=_marker("\ue006", "\ue007"), Subscript=_marker("\ue008", "\ue009"))


def _csl_locale(language: str) -> str | None:
    """citeproc-py's locale for an interface language (de → de-DE), or None for English and for a
    language it has no locale for: the style's own (its default-locale, else en-US). Russian
    keeps the style's too: citeproc-py does not decline month names ("16 февраль 1986")."""
    from citeproc import LOCALES_PATH

    primary = language.replace("_", "-").split("-")[0].lower()
    tag = f"{primary}-{primary.upper()}"
    return tag if primary not in ("en", "ru") and (Path(LOCALES_PATH) / f"locales-{tag}.xml").is_file() else None


def _format(item: dict, name: str, locale: str | None = None) -> str:
    from citeproc import Citation, CitationItem, CitationStylesBibliography
    from citeproc.source.json import CiteProcJSON

    with warnings.catch_warnings():  # citeproc-py warns about CSL features it reads past
        warnings.simplefilter("ignore")
        bibliography = CitationStylesBibliography(_style(name, locale), CiteProcJSON([item]), _FORMATTER)
        bibliography.register(Citation([CitationItem(item["id"])]))
        return str(bibliography.bibliography()[0])


@lru_cache(maxsize=None)
def _style(name: str, locale: str | None = None):
    from citeproc import CitationStylesStyle

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return CitationStylesStyle(str(Path(__file__).parent / "csl" / name), locale=locale, validate=False)


def bibtex(item: dict) -> str:
    """A BibTeX @misc entry. Literal names are braced, so that BibTeX neither splits a body's
    name into forename and surname nor abbreviates it."""
    issued = item.get("issued", {}).get("date-parts", [[]])[0]
    accessed = item.get("accessed", {}).get("date-parts", [[]])[0]
    fields = [
        ("author", " and ".join("{%s}" % _tex(name["literal"]) for name in item.get("author", []))),
        ("title", "{%s}" % _tex(item.get("title", ""))),
        ("year", str(issued[0]) if issued else ""),
        ("month", MONTHS[issued[1] - 1] if len(issued) > 1 else ""),
        ("editor", " and ".join("{%s}" % _tex(name["literal"]) for name in item.get("editor", []))),
        ("howpublished", "%s, version %s" % (_tex(item.get("container-title", "")), _tex(item.get("version", "")))),
        ("url", item.get("URL", "")),
        ("urldate", "-".join(f"{part:02d}" for part in accessed)),
        ("language", item.get("language", "")),
    ]
    body = ",\n".join(f"  {key} = {value}" if key == "month" else f"  {key} = {{{value}}}" for key, value in fields if value)
    return f"@misc{{{item['id'].replace('-', '_')},\n{body}\n}}"


def _tex(text: str) -> str:
    return "".join("\\" + char if char in "&%$#_{}" else char for char in text)


def ris(item: dict) -> str:
    """The record as RIS, which EndNote, Zotero and Mendeley import."""
    issued = item.get("issued", {}).get("date-parts", [[]])[0]
    accessed = item.get("accessed", {}).get("date-parts", [[]])[0]
    lines = [("TY", RIS_TYPES.get(item["type"], "GEN"))]
    lines += [("AU", name["literal"]) for name in item.get("author", [])]
    lines += [("TI", item.get("title", "")), ("T2", item.get("container-title", ""))]
    lines += [("A2", name["literal"]) for name in item.get("editor", [])]
    lines += [("PY", str(issued[0]) if issued else ""), ("DA", "/".join(f"{part:02d}" for part in issued)),
              ("ET", item.get("version", "")), ("LA", item.get("language", "")), ("UR", item.get("URL", "")),
              ("Y2", "/".join(f"{part:02d}" for part in accessed)), ("ER", "")]
    return "\n".join(f"{tag}  - {value}".rstrip() for tag, value in lines if value or tag == "ER") + "\n"


def coins(item: dict) -> str:
    """The title of a COinS span (OpenURL 1.0 ContextObject, Dublin Core format)."""
    issued = item.get("issued", {}).get("date-parts", [[]])[0]
    pairs = [("ctx_ver", "Z39.88-2004"), ("rft_val_fmt", "info:ofi/fmt:kev:mtx:dc"), ("rft.type", item["type"]),
             ("rft.title", item.get("title", ""))]
    pairs += [("rft.creator", name["literal"]) for name in item.get("author", [])]
    pairs += [("rft.date", "-".join(f"{part:02d}" if i else str(part) for i, part in enumerate(issued))),
              ("rft.source", item.get("container-title", "")), ("rft.identifier", item.get("URL", "")),
              ("rft.language", item.get("language", ""))]
    return urlencode([(key, value) for key, value in pairs if value])
