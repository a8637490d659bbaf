"""How to cite a document: one CSL-JSON record, and every form made from it — Chicago, MLA
and APA by citeproc-py with the official CSL styles (csl/, CC BY-SA), BibTeX, RIS, and
the OpenURL ContextObject of a COinS span."""

from __future__ import annotations

import re
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
#: The CSL type of every document: an archival document, as the styles cite one, printed in the
#: edition: its author, its standard heading (which names its kind, its parties, its place and its
#: date, as FRUS cites its documents), the edition (title, version, editors, translators) and its
#: date, then the archive and signature of the original. One type, so that each style gives every
#: kind of document one shape (a letter as a "letter" and an essay as a "webpage" had three shapes).
TYPE = "manuscript"
#: The BibTeX and RIS type of each CSL type: a document or a page of the edition is a part of
#: it, the edition itself a book (as a chapter it had no book: review 18j #1).
PART = ("incollection", "CHAP")
KINDS = {"book": ("book", "BOOK")}
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
#: The access date the styles are formatted with, to find where and how each writes it: the
#: reader's browser puts its own date there (a date fixed at build time is wrong the next day).
SENTINEL = (9999, 12, 31)


def record(page: dict, edition: dict, url: str) -> dict:
    """The document's CSL-JSON record: every other form of its citation is made from it. Its
    title is the document's standard heading where it has one ("Message From the CPSU Central
    Committee to Massoud Rajavi, [Moscow, 16 February 1986]"): the document's own date and
    place, and where a later text appeared, stand there, so that the record's date is the
    edition's, as a citation of a document in an edition has it; the document's own date is its
    original date (APA: "Original work published 1986"; a reference manager keeps it). Persons are family and given
    names (the stylesheets split them), bodies literal ("CPSU Central Committee"). It has no access
    date: that is the reader's, which the page adds."""
    names = page.get("author_names") or [{"literal": name} for name in page.get("authors", [])]
    item = {
        "id": page["id"],
        "type": TYPE,
        "genre": page.get("doc_type") or None,
        "title": page.get("heading") or page["title"],
        "author": [dict(name) for name in names],
        "issued": _date(edition.get("date", "")),
        "original-date": _date(page.get("date", "")),
        "translator": [dict(name) for name in page.get("translator_names", [])],
        "container-title": edition["title"],
        "editor": [{"literal": name} for name in edition.get("editors_in_sentence", [])],
        "version": edition.get("version"),
        "archive": page.get("archive"),
        "archive_location": page.get("archive_location"),
        "language": page.get("lang"),
        "URL": url,
    }
    return _kept(item)


def page_record(page: dict, edition: dict, url: str) -> dict:
    """The CSL-JSON record of a page of the editors' own (the introduction, a register): a chapter
    of the edition by its editors, dated by it."""
    item = {"id": page["id"], "type": "chapter", "title": page["title"],
            "author": [{"literal": name} for name in edition.get("editors", [])],
            "issued": _date(edition.get("date", "")), "container-title": edition["title"], "version": edition.get("version"),
            "language": edition.get("lang"), "URL": url}
    return _kept(item)


def edition_record(edition: dict, url: str) -> dict:
    """The CSL-JSON record of the edition itself, cited as a whole (reuse.html): its editors are
    its authors (as editors, the styles would also name them in the author's place, twice)."""
    item = {"id": "edition", "type": "book", "title": edition["title"], "medium": "Digital edition",
            "author": [{"literal": name} for name in edition.get("editors", [])],
            "issued": _date(edition.get("date", "")), "version": edition.get("version"), "language": edition.get("lang"),
            "URL": url}
    return _kept(item)


def _kept(item: dict) -> dict:
    """A CSL-JSON record without its empty fields (a style prints an empty one as a stray comma)."""
    return {key: value for key, value in item.items() if value not in (None, "", [])}


def _date(iso: str) -> dict | None:
    parts = [int(part) for part in iso.split("-")[:3] if part.isdigit()]
    return {"date-parts": [parts]} if parts else None


def citations(item: dict, language: str = "en") -> dict[str, dict[str, str]]:
    """Each style's citation of the record, as plain text (to copy) and as HTML (to show), with
    the CSL terms and dates of the interface's language ("Zugegriffen", "hg. von"). Where a
    style writes an access date, the HTML holds an empty span.accessed whose data-template
    (its words, {d} {m} {y}) and data-months (the style's month names) let the page write the
    reader's date there; the plain text has none."""
    cited = {}
    locale = _csl_locale(language)
    for key, (label, name) in STYLES.items():
        entry = _without_repeated_date(item, key)
        entry = entry if entry.get("author") else _anonymous(entry, key, _style(name, locale))

        def written(record: dict) -> str:
            return _as_bracketed(_polish(_format(record, name, locale), key, language), item.get("title", ""))

        plain = written(entry)
        dated = written({**entry, "accessed": {"date-parts": [list(SENTINEL)]}})
        head, tail = _common_ends(plain, dated)
        inserted = dated[len(head):len(dated) - len(tail)]
        markup = _html(plain)
        if inserted:
            template, months = _access_template(inserted, _style(name, locale))
            markup = (_html(head) + f'<span class="accessed" data-template="{escape(template)}" data-months="{escape("|".join(months))}"></span>'
                      + _html(tail))
        cited[key] = {"label": label, "text": "".join(char for char in plain if char not in _MARKS), "html": markup}
    return cited


def _as_bracketed(text: str, title: str) -> str:
    """`text` with the editors' brackets of the title as the title writes them: a style that sets
    titles in title case made "[place not given]" "[place Not Given]" (review 18k #1)."""
    for bracket in re.findall(r"\[[^\]]*\]", title):
        text = re.sub(re.escape(bracket), lambda _: bracket, text, flags=re.IGNORECASE)
    return text


def _without_repeated_date(item: dict, key: str) -> dict:
    """The record as a style should see it: Chicago and MLA print the original date beside the
    title ("…, February 16, 1986, November 23, 2026"), which a standard heading names already;
    APA's "(Original work published 1986)" is how that style dates a republished document."""
    original = _parts(item, "original-date")
    if key == "apa" or not original or str(original[0]) not in item.get("title", ""):
        return item
    return {k: v for k, v in item.items() if k != "original-date"}


def _anonymous(item: dict, key: str, style) -> dict:
    """A record without an author as citeproc-py can format it: the title in the author's place,
    where the styles put it, quoted as the style quotes a part's title (APA does not). citeproc-py
    repeats a title that stands in for an author ("“A Letter.” “A Letter.”") and fails on some."""
    title = item.get("title", "")
    if key != "apa":
        title = style.root.get_term("open-quote").text + title + style.root.get_term("close-quote").text
    return {**{k: v for k, v in item.items() if k != "title"}, "author": [{"literal": title}]}


def _html(marked: str) -> str:
    markup = escape(marked, quote=False)
    for mark, tag in _MARKS.items():
        markup = markup.replace(mark, tag)
    return markup


def _common_ends(short: str, long: str) -> tuple[str, str]:
    """What a text with an insertion shares with the text without it, before and after."""
    start = 0
    while start < len(short) and short[start] == long[start]:
        start += 1
    end = 0
    while end < len(short) - start and short[-1 - end] == long[-1 - end]:
        end += 1
    return short[:start], short[len(short) - end:]


def _access_template(inserted: str, style) -> tuple[str, list[str]]:
    """The words a style writes its access date with, as a template, and the month names the
    style uses there (long or short)."""
    year, month, day = SENTINEL
    for form in (None, "short"):  # the long form is the term without a form
        months = [(style.root.get_term(f"month-{number:02d}", form).text or "").strip() for number in range(1, 13)]
        if months[month - 1] and months[month - 1] in inserted:
            inserted = inserted.replace(months[month - 1], "{m}", 1)
            break
    else:
        months = [f"{number:02d}" for number in range(1, 13)]
        inserted = inserted.replace(f"{month:02d}", "{m}", 1)
    return inserted.replace(str(year), "{y}", 1).replace(str(day), "{d}", 1), months


def _polish(text: str, key: str, language: str) -> str:
    """What citeproc-py leaves undone: in English, Chicago and MLA put the full stop and comma
    inside the closing quotation mark (the locale's punctuation-in-quote), and APA's editor
    label is capitalised ("(Ed.)", the style's text-case), as is a group editor's article at the
    head of its phrase ("In The editorial team …")."""
    if not language.startswith("en"):
        return text
    if key in ("chicago", "mla"):
        text = text.replace("”.", ".”").replace("”,", ",”")
    if key == "mla":  # MLA's "version" is a word inside the sentence
        text = text.replace(", Version ", ", version ")
    if key == "apa":
        text = text.replace(" (ed.)", " (Ed.)").replace(" (eds.)", " (Eds.)").replace(". In the ", ". In The ")
    return text


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

    _remember_lookups()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        style = CitationStylesStyle(str(Path(__file__).parent / "csl" / name), locale=locale, validate=False)
    _never_initialise(style)
    return style


def _remember_lookups() -> None:
    """citeproc-py finds a style's macros, layout and terms by an XPath search at every use: 800
    searches a citation, most of the 70 ms each page's six citations took (90 s of a build of
    1,000 documents). A style and its locale are never changed once read (_style keeps each),
    so each element's search is made once and its answer kept, with the element itself, whose
    identity then stays that of the node."""
    from citeproc import model

    search = model.CitationStylesElement.xpath_search
    if getattr(search, "remembers", False):
        return
    answers: dict[tuple, list] = {}

    def remembered(element, expression: str) -> list:
        key = (element, expression)
        if key not in answers:
            answers[key] = search(element, expression)
        found = answers[key]
        return list(found) if isinstance(found, list) else found  # each caller a list of its own, as from lxml

    remembered.remembers = True
    model.CitationStylesElement.xpath_search = remembered


def _never_initialise(style) -> None:
    """citeproc-py ignores a name's initialize="false" (never shorten given names: "Rajavi,
    Massoud", not "Rajavi, M.") and applies the initialize-with it inherits. The inherited
    option is moved onto the names that may initialise, so the others have none."""
    ns = {"cs": "http://purl.org/net/xbiblio/csl"}
    for holder in style.root.xpath("self::cs:style | cs:citation | cs:bibliography", namespaces=ns):
        mark = holder.attrib.pop("initialize-with", None)
        if mark is None:
            continue
        scope = style.root if holder is style.root else holder
        for name in scope.xpath(".//cs:name[not(@initialize-with)][not(@initialize = 'false')]", namespaces=ns):
            name.set("initialize-with", mark)


def _name(name: dict) -> str:
    """A CSL name as one string: "Family, Given", or the literal."""
    if "literal" in name:
        return name["literal"]
    return ", ".join(part for part in (name["family"], name.get("given", "")) if part)


def _parts(item: dict, key: str) -> list[int]:
    return item.get(key, {}).get("date-parts", [[]])[0]


def bibtex(item: dict) -> str:
    """The record as BibTeX: a document as an @incollection, the type that keeps the edition (its
    title and editors) with it, the edition itself as a @book; dated by the edition as every form of the citation is; the
    archive and signature of the original in the note. A body's name is braced, so that BibTeX
    neither splits it into forename and surname nor abbreviates it; a person is "Family, Given".
    No urldate: that is the reader's to add."""
    issued = _parts(item, "issued")
    original = _parts(item, "original-date")
    tex = lambda name: "{%s}" % _tex(name["literal"]) if "literal" in name else _tex(_name(name))
    fields = [
        ("author", " and ".join(tex(name) for name in item.get("author", []))),
        ("title", "{%s}" % _tex(item.get("title", ""))),
        ("booktitle", _tex(item.get("container-title", ""))),
        ("editor", " and ".join(tex(name) for name in item.get("editor", []))),
        ("translator", " and ".join(tex(name) for name in item.get("translator", []))),
        ("year", str(issued[0]) if issued else ""),
        ("month", MONTHS[issued[1] - 1] if len(issued) > 1 else ""),
        ("date", _iso(issued)),
        ("origdate", _iso(original)),
        ("type", _tex(item.get("genre", ""))),
        ("note", _tex(_archive(item))),
        ("version", _tex(item.get("version", ""))),
        ("url", item.get("URL", "")),
        ("language", item.get("language", "")),
    ]
    body = ",\n".join(f"  {key} = {value}" if key == "month" else f"  {key} = {{{value}}}" for key, value in fields if value)
    return f"@{KINDS.get(item['type'], PART)[0]}{{{item['id'].replace('-', '_')},\n{body}\n}}"


def _archive(item: dict) -> str:
    """The archive and signature of the original as one phrase: "RGANI, fond 89, …"."""
    return ", ".join(part for part in (item.get("archive", ""), item.get("archive_location", "")) if part)


def _iso(parts: list[int]) -> str:
    return "-".join(f"{part:02d}" if i else str(part) for i, part in enumerate(parts))


def _tex(text: str) -> str:
    return "".join("\\" + char if char in "&%$#_{}" else char for char in text)


def ris(item: dict) -> str:
    """The record as RIS, which EndNote, Zotero and Mendeley import: a document as a book section
    (CHAP), the type that keeps the edition (T2, A2) with it, the edition itself as a book; its translators (A4), dated by the edition; the archive
    (DB) and the signature (AN), the fields Zotero reads as archive and location in archive."""
    issued = _parts(item, "issued")
    lines = [("TY", KINDS.get(item["type"], PART)[1])]
    lines += [("AU", _name(name)) for name in item.get("author", [])]
    lines += [("TI", item.get("title", "")), ("T2", item.get("container-title", ""))]
    lines += [("A2", _name(name)) for name in item.get("editor", [])]
    lines += [("A4", _name(name)) for name in item.get("translator", [])]
    lines += [("PY", str(issued[0]) if issued else ""), ("DA", "/".join(f"{part:02d}" for part in issued)),
              ("ET", item.get("version", "")), ("M3", item.get("genre", "")),
              ("DB", item.get("archive", "")), ("AN", item.get("archive_location", "")),
              ("LA", item.get("language", "")), ("UR", item.get("URL", "")), ("ER", "")]
    return "\n".join(f"{tag}  - {value}".rstrip() for tag, value in lines if value or tag == "ER") + "\n"


def coins(item: dict) -> str:
    """The title of a COinS span (OpenURL 1.0 ContextObject): a part of a book (genre bookitem),
    which Zotero saves as a book section with its edition, not as a web page (the Dublin Core
    format it reads as one)."""
    pairs = [("ctx_ver", "Z39.88-2004"), ("rft_val_fmt", "info:ofi/fmt:kev:mtx:book"), ("rft.genre", "bookitem"),
             ("rft.atitle", item.get("title", "")), ("rft.btitle", item.get("container-title", ""))]
    for name in item.get("author", []):
        if "literal" in name:
            pairs.append(("rft.aucorp", name["literal"]))
        else:
            pairs += [("rft.aulast", name["family"]), ("rft.aufirst", name.get("given", ""))]
    pairs += [("rft.date", _iso(_parts(item, "issued"))), ("rft.edition", item.get("version", "")),
              ("rft_id", item.get("URL", "")), ("rft.language", item.get("language", ""))]
    return urlencode([(key, value) for key, value in pairs if value])
