"""Render the site: wrap each page the stylesheets describe in its Jinja shell from templates/.

Jinja owns the chrome (head metadata, navigation, footer, citation box); the page's
content and facts come from the stylesheets as plain data."""

from __future__ import annotations

import json
import re
from html import escape
from urllib.parse import urlsplit
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from . import citation
from .i18n import DEFAULT, Interface

#: The shell for each kind of page the stylesheets describe.
SHELLS = {"home": "home.html", "front": "page.html", "document": "document.html", "register": "page.html"}
#: Pages of the chrome alone, with no TEI behind them.
CHROME_PAGES = {"search.html": "search.html", "404.html": "404.html", "reuse.html": "reuse.html"}
#: Of those, the pages neither searched nor listed in the sitemap (reuse.html is both).
UNINDEXED = frozenset({"search.html", "404.html"})
#: Their titles: every page has its own (WCAG 2.4.2).
CHROME_TITLES = {"search.html": "Search", "404.html": "Page not found", "reuse.html": "Reusing and citing the edition"}


@dataclass(frozen=True)
class SiteConfig:
    """What the shells need besides the pages: the public address, if any, the build date,
    and the PDFs of the print edition, which the pages offer for download."""

    base_url: str | None
    build_date: str
    pdfs: tuple[str, ...] = ()
    search: bool = True
    interface: Interface | None = None


def environment(templates: Path | list[Path], interface: Interface | None = None) -> Environment:
    """The Jinja environment over templates/ (or several folders, the first that has a
    template wins), escaping everything not marked safe, its strings `{{ _("…") }}` in the
    interface's language and its dates (`|date`) written the locale's way."""
    folders = templates if isinstance(templates, list) else [templates]
    interface = interface or Interface(DEFAULT)
    env = Environment(
        extensions=["jinja2.ext.i18n"],
        loader=FileSystemLoader([str(folder) for folder in folders]),
        autoescape=select_autoescape(["html", "xml"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.install_gettext_callables(interface.gettext, interface.ngettext, newstyle=True)
    env.filters["date"] = interface.date
    env.globals["interface"] = {"language": interface.language, "direction": interface.direction,
                                "scripts": interface.for_scripts()}
    env.globals["theme"] = False  # an edition's own assets/theme.css, linked where it has one (build.py)
    env.filters["jsonld"] = jsonld
    env.filters["licence"] = licence
    env.filters["url_path"] = lambda url: urlsplit(url).path or "/"
    return env


def licence(label: str | None) -> tuple[str, str]:
    """The licence statement of the TEI ("Encoding, apparatus…: Creative Commons … (CC BY 4.0).")
    as what it covers and the licence's name, so that a sentence can hold them once each."""
    label = (label or "").strip().rstrip(".")
    scope, _, name = label.rpartition(": ")
    return (scope or "Encoding and apparatus", name or "CC BY 4.0")


#: Characters that mean markup to an HTML parser, written as JSON escapes inside a script block.
SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def jsonld(data: Any, indent: int | None = None) -> str:
    """JSON for a script block: no "</script" or "<!--" in the content can end or bend it. On
    one line for programs; `indent` for a reader (the citation's CSL-JSON shown to copy)."""
    return json.dumps(data, ensure_ascii=False, indent=indent).translate(SCRIPT_SAFE)


def render(env: Environment, edition: dict, pages: list[dict], config: SiteConfig) -> dict[str, bytes]:
    """Every page of the site as bytes, by its path under the site root."""
    nav = navigation(pages)
    site: dict[str, bytes] = {}
    for described in pages:
        page = {"lang": edition["lang"], "description": "", **described}
        if page["kind"] == "document":
            page["cite"] = cite(page, edition, config)
        elif page["kind"] in ("front", "register"):  # the editors' own pages are cited too (review 18g #5)
            page["cite"] = forms(citation.page_record(page, edition, (config.base_url or "") + page["path"]), config)
        shell = env.get_template(SHELLS[page["kind"]])
        site[page["path"]] = compact(shell.render(page=page, edition=edition, nav=nav, config=config)).encode("utf-8")
    for path, name in CHROME_PAGES.items():
        if path == "search.html" and not config.search:
            continue  # without an index a search page could only fail
        page = {"path": path, "kind": path.removesuffix(".html"), "title": (config.interface or Interface(DEFAULT)).gettext(CHROME_TITLES[path]), "description": "", "lang": edition["lang"]}
        if path == "reuse.html":
            page["cite"] = forms(citation.edition_record(edition, config.base_url or "index.html"), config)
        site[path] = compact(env.get_template(name).render(page=page, edition=edition, nav=nav, config=config)).encode("utf-8")
    return site


#: What keeps its whitespace as written: preformatted text, form fields, scripts' data.
_KEPT = re.compile(r"(<(pre|textarea|script)\b.*?</\2\s*>)|[ \t]*\n\s*", re.S | re.I)


def compact(page: str) -> str:
    """A page with each run of whitespace that holds a line break made one line break (the
    indentation of the templates and of the TEI, which a browser shows as one space anyway), and
    its no-break spaces as the character (two bytes in UTF-8, where the entity is six)."""
    return _KEPT.sub(lambda match: match.group(1) or "\n", page).replace("&nbsp;", "\u00a0")


def cite(page: dict, edition: dict, config: SiteConfig) -> dict:
    """Every form of a document's citation, from its one CSL-JSON record. The address is
    absolute with a public address (--base-url), else relative to the site, which the page says."""
    return forms(citation.record(page, edition, (config.base_url or "") + page["path"]), config)


def forms(item: dict, config: SiteConfig) -> dict:
    """Every form of a CSL-JSON record's citation: the styles, BibTeX, RIS, COinS."""
    return {"url": item["URL"], "record": item, "styles": citation.citations(item, config.interface.language if config.interface else "en"), "bibtex": citation.bibtex(item),
            "ris": citation.ris(item), "coins": citation.coins(item)}


def navigation(pages: list[dict]) -> dict[str, list]:
    """The site's menus, grouped by kind of page, in the stylesheets' order, and the paths of
    all the pages (a foreign corpus has no registers or guidelines: nothing links to them)."""
    groups: dict[str, list] = {"front": [], "document": [], "register": []}
    for page in pages:
        if page["kind"] in groups:
            groups[page["kind"]].append(page)
    groups["paths"] = [page["path"] for page in pages]
    return groups


def assets(folders: list[Path]) -> dict[str, bytes]:
    """The site's static files (CSS, JS, fonts, images), under assets/: of the template
    folders given (an edition's own first, ours last), the first that has a file gives it.
    Our stylesheets and scripts are minified; an edition's own files are published as given
    (its author may want them readable, or have minified them already)."""
    files: dict[str, bytes] = {}
    for rank, folder in enumerate(reversed(folders)):
        given = {f"assets/{path.relative_to(folder).as_posix()}": path.read_bytes()
                 for path in sorted(folder.rglob("*")) if path.is_file()}
        files.update(minified(given) if rank == 0 else given)
    # our theme.css is only a comment: an empty file would cost every page a request for nothing
    if not files.get("assets/theme.css", b"x").strip():
        del files["assets/theme.css"]
    return dict(sorted(files.items()))


def minified(files: dict[str, bytes]) -> dict[str, bytes]:
    """`files` with their stylesheets and scripts without comments and indentation (which
    are for their maintainers, not the reader who downloads them)."""
    import rcssmin
    import rjsmin

    tools = {".css": rcssmin.cssmin, ".js": rjsmin.jsmin}
    return {path: tools[Path(path).suffix](data.decode("utf-8")).encode("utf-8") if Path(path).suffix in tools else data
            for path, data in files.items()}


def downloads(edition, documents: list[dict], texts: dict[str, dict]) -> dict[str, bytes]:
    """Each document's TEI, byte for byte as in the edition, and its plain text in the
    reading and the diplomatic view, under downloads/."""
    by_place = {edition.relative(source): source for source in edition.sources}
    files = {}
    for page in documents:
        files[f"downloads/{page['id']}.xml"] = by_place[page["source"]].text
        files[f"downloads/{page['id']}.txt"] = texts[page["id"]]["reading"].encode("utf-8")
        files[f"downloads/{page['id']}.diplomatic.txt"] = texts[page["id"]]["diplomatic"].encode("utf-8")
    return files


def sitemap(paths: list[str], base_url: str | None, date: str) -> dict[str, bytes]:
    """sitemap.xml and robots.txt. Without a public address the sitemap's addresses are
    relative, which crawlers refuse: the build warns about it."""
    base = base_url or ""
    urls = "".join(f"  <url><loc>{escape(base + path)}</loc><lastmod>{date}</lastmod></url>\n" for path in sorted(paths))
    xml = f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n'
    robots = "User-agent: *\nAllow: /\n" + (f"Sitemap: {base}sitemap.xml\n" if base_url else "")
    return {"sitemap.xml": xml.encode("utf-8"), "robots.txt": robots.encode("utf-8")}
