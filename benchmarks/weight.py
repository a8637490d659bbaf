"""Page weight: what a reader's browser downloads for each page of the built site (the HTML,
with the stylesheets and scripts it links; not fonts, images or what scripts fetch later),
and the size of each PDF."""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import html

#: Folders of the site that hold no pages a reader opens.
NOT_PAGES = ("downloads", "pagefind", "assets", "schema")


@dataclass
class Page:
    path: str
    html_bytes: int
    css_bytes: int
    js_bytes: int
    gzip_bytes: int  # the same files, each gzipped (as a server would send them)
    assets: list[str]

    @property
    def total(self) -> int:
        return self.html_bytes + self.css_bytes + self.js_bytes

    def as_json(self) -> dict:
        return {"path": self.path, "html_bytes": self.html_bytes, "css_bytes": self.css_bytes,
                "js_bytes": self.js_bytes, "total_bytes": self.total, "gzip_bytes": self.gzip_bytes,
                "assets": self.assets}


def linked(page: Path, site: Path) -> tuple[list[Path], list[Path]]:
    """The local stylesheets (<link rel=stylesheet href>) and scripts (<script src>) of a page."""
    tree = html.parse(str(page))
    css, js = [], []
    for element, attribute, into in (
        *((e, "href", css) for e in tree.xpath("//link[@href]") if "stylesheet" in (e.get("rel") or "").lower().split()),
        *((e, "src", js) for e in tree.xpath("//script[@src]")),
    ):
        url = urlsplit(element.get(attribute))
        if url.scheme or url.netloc:  # another host: not ours to weigh (the site loads none)
            continue
        target = (page.parent / unquote(url.path)).resolve()
        if target.is_file() and site.resolve() in target.parents:
            into.append(target)
    return css, js


def zipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def pages(site: Path) -> list[Page]:
    """Every HTML page of the site at `site` (output/html), heaviest first."""
    found = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site)
        if relative.parts[0] in NOT_PAGES:
            continue
        css, js = linked(path, site)
        data = path.read_bytes()
        css_data = [p.read_bytes() for p in dict.fromkeys(css)]
        js_data = [p.read_bytes() for p in dict.fromkeys(js)]
        found.append(Page(
            relative.as_posix(), len(data), sum(map(len, css_data)), sum(map(len, js_data)),
            zipped(data) + sum(map(zipped, css_data + js_data)),
            [p.relative_to(site.resolve()).as_posix() for p in dict.fromkeys(css + js)],
        ))
    return sorted(found, key=lambda p: -p.total)


def pdfs(folder: Path) -> dict[str, int]:
    """The size in bytes of every PDF under `folder` (output/pdf)."""
    return {p.relative_to(folder).as_posix(): p.stat().st_size for p in sorted(folder.rglob("*.pdf"))} if folder.is_dir() else {}
