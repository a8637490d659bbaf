"""The print edition: the book laid out by WeasyPrint from the print stylesheets' HTML.

The book is laid out twice: once without its indices, to learn on which page each place
named in the indices stands (the indices come last, so they move nothing before them), and
once with them. The per-document PDFs are offprints: the pages of each document, cut from
the book, with their own metadata and bookmarks. The press edition is the same book with
bleed, crop marks and the PDF/X-4 profile."""

from __future__ import annotations

import hashlib
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment

from .exceptions import BuildError
from .problems import display_path

#: Trim sizes a book can have (CSS page sizes).
TRIMS = {"royal-octavo": "156mm 234mm", "a4": "210mm 297mm"}


@dataclass(frozen=True)
class PrintConfig:
    """How to print: the trim size and the date on the imprint and in the metadata."""

    trim: str
    date: str


def restricted_fetcher(folder: Path):
    """A URL fetcher that reads only files under `folder` (the print templates): the book
    loads its stylesheet and fonts from there and nothing from anywhere else."""
    from weasyprint.urls import URLFetcher

    root = folder.resolve()

    class Restricted(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("file://"):
                path = Path(url.removeprefix("file://").split("?", 1)[0]).resolve()
                if path == root or root in path.parents:
                    return super().fetch(url, headers)
            raise BuildError(f"the book asked for {url}, outside {display_path(root)}; only its own stylesheet and fonts may be loaded")

    return Restricted()


class Book:
    """Lays out the print edition from the data the print stylesheets return (te:book)."""

    def __init__(self, env: Environment, folder: Path, book: dict, config: PrintConfig):
        self.env = env
        self.folder = folder
        self.book = book
        self.config = config

    def html(self, pages: dict[str, list[tuple[int, str]]] | None, press: bool) -> str:
        extra = ["press.css"] if press else []
        book = self.book
        return self.env.get_template("print/book.html").render(
            book=book, body=book["html"], indices=book["indices"] if pages is not None else [],
            pages=pages or {}, extra_css=extra, trim=TRIMS[self.config.trim], title=book["title"], author=", ".join(book["editors"]),
            subject=book["subtitle"], keywords=book["keywords"], date=self.config.date,
        )

    def layout(self, pages: dict[str, list[tuple[int, str]]] | None, press: bool = False):
        from weasyprint import HTML

        return HTML(string=self.html(pages, press), base_url=str(self.folder / "book.html"),
                    url_fetcher=restricted_fetcher(self.folder)).render()

    def index_pages(self, document) -> dict[str, list[tuple[int, str]]]:
        """For each index entry, its pages (ascending, each once) and the first place on each."""
        page_of: dict[str, int] = {}
        for number, page in enumerate(document.pages, 1):
            for anchor in page.anchors:
                page_of.setdefault(anchor, number)  # an element split over pages starts on the first
        pages: dict[str, list[tuple[int, str]]] = {}
        for index in self.book["indices"]:
            for entry in index["entries"]:
                seen: dict[int, str] = {}
                for target in entry["refs"]:
                    if target in page_of:
                        seen.setdefault(page_of[target], target)
                pages[entry["id"]] = sorted(seen.items())
        return pages

    def render(self) -> dict[str, bytes]:
        """The screen book, the press book and one offprint per document, by file name."""
        draft = self.layout(None)
        pages = self.index_pages(draft)
        screen = self.layout(pages)
        files = {"edition.pdf": self.write(screen, "pdf/ua-1")}
        # PDF/X-4 wants an output intent; no CMYK characterisation can be had offline, so the
        # book declares sRGB (X-4 allows device-independent colour): the press converts.
        files["edition-press.pdf"] = self.write(self.layout(pages, press=True), "pdf/x-4", output_intent="srgb")
        files.update(self.offprints(screen))
        return files

    def write(self, document, variant: str, **options: str) -> bytes:
        data = document.write_pdf(pdf_variant=variant, pdf_identifier=b"teiedition-" + self.config.date.encode(), **options)
        return reproducible(data, f"{self.book['title']} {self.config.date} {variant}")

    def offprints(self, book) -> dict[str, bytes]:
        """Each document's pages, cut from the book, with its own title and author."""
        starts = {}
        for number, page in enumerate(book.pages):
            for document in self.book["documents"]:
                if document["id"] in page.anchors:
                    starts.setdefault(document["id"], number)  # a chapter's id is on each of its pages
        order = sorted(starts.items(), key=lambda item: item[1])
        first_index = next((n for n, p in enumerate(book.pages) if any(i["id"] in p.anchors for i in self.book["indices"])), len(book.pages))
        files = {}
        for position, (slug, start) in enumerate(order):
            end = order[position + 1][1] if position + 1 < len(order) else first_index
            pages = [page for page in book.pages[start:end] if not is_blank(page)]
            offprint = book.copy(pages)
            document = next(d for d in self.book["documents"] if d["id"] == slug)
            offprint.metadata.title = document["title"]
            offprint.metadata.authors = list(document["authors"])
            offprint.metadata.description = document["description"]
            files[f"{slug}.pdf"] = self.write(offprint, "pdf/ua-1")
        return files


def font_coverage(folder: Path) -> frozenset[int]:
    """Every code point some font of the book (the TTF files in `folder`) has a glyph for."""
    from fontTools.ttLib import TTFont  # a dependency of WeasyPrint's, used for subsetting

    covered: set[int] = set()
    for path in sorted(folder.glob("*.ttf")):
        covered.update(TTFont(path, lazy=True).getBestCmap())
    return frozenset(covered)


def missing_glyphs(text: str, covered: frozenset[int]) -> list[str]:
    """The characters of `text` the book's fonts cannot print (spaces and controls aside)."""
    return sorted({ch for ch in text if ord(ch) not in covered and not ch.isspace() and ch.isprintable()})


XMP_DOCUMENT_ID = re.compile(rb"xmp\.did:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
TRAILER_INSTANCE_ID = re.compile(rb"(/ID \[\([^)]*\) \()([0-9a-f]{32})(\)\])")


def reproducible(data: bytes, seed: str) -> bytes:
    """The PDF with WeasyPrint's random ids (the XMP document id of PDF/X, the second half of
    the trailer's /ID) replaced by ones derived from `seed` and the content, so that two
    builds of the same edition give the same bytes. Each id keeps its length, in text that
    is not compressed, so no offset moves."""
    stable = f"xmp.did:{uuid.uuid5(uuid.NAMESPACE_URL, seed)}".encode()
    data = XMP_DOCUMENT_ID.sub(stable, data)
    # the second half of the trailer's /ID is random too: make it the digest of the rest
    digest = hashlib.md5(TRAILER_INSTANCE_ID.sub(rb"\1" + b"0" * 32 + rb"\3", data)).hexdigest().encode()
    return TRAILER_INSTANCE_ID.sub(rb"\g<1>" + digest + rb"\g<3>", data)


def is_blank(page) -> bool:
    """True for a blank verso left before a recto opening (WeasyPrint marks its page type)."""
    return bool(getattr(getattr(page._page_box, "page_type", None), "blank", False))
