"""The print edition: the book laid out by WeasyPrint from the print stylesheets' HTML.

The book's indices give the page of each place a name is used: the body of the book (front
matter and documents) is laid out once, and the indices after it, alone, from the pages the
body's names are on; the pages of both are then one document. Each page is laid out once for
every PDF: the per-document PDFs are offprints, the pages of each document cut from the book
with their own metadata and bookmarks, and the press edition is the same layout made ready for the printer (press.py).
A book whose text, stylesheets and fonts have not changed since the last build is not laid
out again: its PDFs are kept.

Layout runs in a worker process (workers.py) while the build's own process makes the web
pages."""

from __future__ import annotations

import copy
import hashlib
import itertools
import json
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from jinja2 import Environment

from .exceptions import BuildError
from .press import finish, press_book
from .problems import display_path
from .screen import finish as screen_finish
from .screen import label_pages, tag_languages
from .screen import tag_own_elements

#: Trim sizes a book can have (CSS page sizes).
TRIMS = {"royal-octavo": "156mm 234mm", "a4": "210mm 297mm"}
#: The trim sizes as the colophon names them.
TRIM_LABELS = {"royal-octavo": "156 × 234 mm (royal octavo)", "a4": "210 × 297 mm (A4)"}


@dataclass(frozen=True)
class PrintConfig:
    """How to print: the trim size and the date on the imprint and in the metadata; the
    edition's own templates folder, if it has one (its print/ files replace ours)."""

    trim: str
    date: str
    theme: str | None = None
    #: The interface's language and the edition's own labels (i18n.Interface).
    language: str = "en"
    labels: dict[str, str] = field(default_factory=dict)


def restricted_fetcher(folder: Path, own: Path | None = None):
    """A URL fetcher that reads only files under `folder` (the print templates): the book
    loads its stylesheet and fonts from there and nothing from anywhere else. A file at the
    same place under `own` (an edition's own print templates) is read instead of ours."""
    from weasyprint.urls import URLFetcher

    root = folder.resolve()

    class Restricted(URLFetcher):
        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("file://"):
                path = Path(url.removeprefix("file://").split("?", 1)[0]).resolve()
                if path == root or root in path.parents:
                    if own is not None and path != root and (own / path.relative_to(root)).is_file():
                        url = (own / path.relative_to(root)).resolve().as_uri()
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

    def html(self, part: str, pages: dict[str, list[tuple[int, str]]] | None = None, start: int = 1,
             tails: dict[str, list[tuple[str, str]]] | None = None) -> str:
        """The HTML of a part of the book: the "body" (front matter and documents), or the
        "indices" and colophon, their first page `start` (a left page when even), each index's
        last page in two columns as `tails` splits it (last_pages)."""
        book = self.book
        return held_references(self.env.get_template("print/book.html").render(
            book=book, body=book["html"], indices=book["indices"], part=part, start=start, verso=start % 2 == 0, tails=tails or {},
            pages={entry: page_ranges(places) for entry, places in (pages or {}).items()}, trim=TRIMS[self.config.trim], trim_label=TRIM_LABELS[self.config.trim], title=book["title"], author=", ".join(book["editors"]),
            subject=book["subtitle"], keywords=book["keywords"], date=self.config.date,
        ))

    def layout(self, html: str):
        """`html` laid out with the print stylesheet and fonts, and nothing else."""
        from weasyprint import HTML

        own = Path(self.config.theme) / "print" if self.config.theme else None
        english_hyphenation()
        keep_footnotes_with_their_calls()
        lay_out_references_once_placed()
        keep_footnotes_of_pushed_lines()
        carry_footnotes_to_the_facing_page()
        return HTML(string=html, base_url=str(self.folder / "book.html"),
                    url_fetcher=restricted_fetcher(self.folder, own)).render()

    def index_pages(self, document) -> dict[str, list[tuple[int, str]]]:
        """For each index entry, its pages (ascending, each once) and the first place on each.
        Each place is given by its ids, the name's own first: the first the book has counts."""
        page_of: dict[str, int] = {}
        for number, page in enumerate(document.pages, 1):
            for anchor in page.anchors:
                page_of.setdefault(anchor, number)  # an element split over pages starts on the first
        pages: dict[str, list[tuple[int, str]]] = {}
        for index in self.book["indices"]:
            for entry in index["entries"]:
                seen: dict[int, str] = {}
                for ids in entry["refs"]:
                    target = next((i for i in ids if i in page_of), None)
                    if target is not None:
                        seen.setdefault(page_of[target], target)
                pages[entry["id"]] = sorted(seen.items())
        return pages

    def lay_out(self):
        """The whole book and its index's pages: the body laid out once; then, from the pages
        its names are on, the indices alone (twice: their columns filled in turn, then with each
        last page balanced), their folios continuing the body's; the pages of both made one
        document. The contents learn the indices' pages from that layout."""
        body = self.layout(self.html("body"))
        pages = body_pages(body, [index["id"] for index in self.book["indices"]])
        if len(pages) == len(body.pages):  # a book without indices
            return body, {}
        found = self.index_pages(body)
        draft = self.layout(self.html("indices", found, start=len(pages) + 1))
        indices = self.layout(self.html("indices", found, start=len(pages) + 1, tails=self.last_pages(draft)))
        whole = body.copy(pages + indices.pages)
        opening = {index["id"]: next(n for n, page in enumerate(whole.pages, 1) if index["id"] in page.anchors)
                   for index in self.book["indices"]}  # a chapter's id is on each of its pages
        number_contents(pages, opening)
        return whole, found

    def last_pages(self, draft) -> dict[str, list[tuple[str, str]]]:
        """For each index, the pages set as balanced columns, each as the entry it begins with and
        the entry its second column begins with (the first column as short as it can be while the
        second is no longer): the index's last page in `draft` (the indices laid out with their
        columns filled in turn, as balanced columns leave every page but the last). Where that
        page's columns would be shorter than LAST_PAGE_LINES, the page before gives it entries
        from its foot, and is balanced too: no index ends on a page of a line or two (review M9)."""
        tails = {}
        for index in self.book["indices"]:
            order = {f"idx-{entry['id']}": entry["id"] for entry in index["entries"]}
            # a subentry stays with its entry: a column never begins with one
            subentries = {f"idx-{entry['id']}" for entry in index["entries"] if entry.get("sub")}
            pages = [groups for page in draft.pages if index["id"] in page.anchors  # the index's id is on each of its pages
                     if (groups := entry_groups(page, order, subentries))][-2:]
            if not pages:
                continue
            *before, last = pages

            def split(groups: list[Group]) -> tuple[str, str]:
                second = balanced_split([(group.height, group.bottom) for group in groups])
                return order[groups[0].first], order[groups[second].first] if second < len(groups) else ""

            least = LAST_PAGE_LINES * 8.5 * 1.38 * 4 / 3  # lines of the index (book.css), in CSS pixels
            if before and first_column(last) < least:
                before = before[0]
                full = sum(group.height for group in before if group.x == before[0].x)  # its first column, filled
                given = next((k for k in range(len(before) - 1, 0, -1) if first_column(before[k:] + last) >= least), None)
                if given is not None and first_column(before[:given]) <= full:
                    tails[index["id"]] = [split(before[:given]), split(before[given:] + last)]
                    continue
            tails[index["id"]] = [split(last)]
        return tails

    def render(self) -> tuple[dict[str, bytes], dict]:
        """The screen book, one offprint per document and the press book, by file name; and
        the index's pages."""
        from .forked import Beside

        document, pages = self.lay_out()
        # the offprints and the press file are written on another core while this one writes the
        # screen book: writing is a third of the book's time, and the layout is made only once
        with Beside(lambda: {**self.offprints(document),
                             "edition-press.pdf": self.write(press_book(document, self.folder), "pdf/x-4", finisher=finish)}) as others:
            screen = self.write(document, "pdf/ua-1", finisher=screen_finish)
            files = {"edition.pdf": screen, **others.result()}
        return files, pages

    def write(self, document, variant: str, **options: Any) -> bytes:
        """The PDF, its permanent id (the first of /ID) its own: the work, the date and the variant."""
        seed = f"{document.metadata.title} {self.config.date} {variant}"
        identifier = hashlib.md5(seed.encode()).hexdigest().encode()
        tag_own_elements()  # notes and labels tagged Note and Lbl
        tag_languages()  # a passage in another language tagged with it
        forget_link_annotations(document)
        data = document.write_pdf(pdf_variant=variant, pdf_identifier=identifier, **options)
        return reproducible(data, seed)

    def offprints(self, book) -> dict[str, bytes]:
        """Each document's pages, cut from the book, with its own title and author, after a first
        page of its own (offprint.html) that names the book, its pages and how to cite it."""
        starts = {}
        for number, page in enumerate(book.pages):
            for document in self.book["documents"]:
                if document["id"] in page.anchors:
                    starts.setdefault(document["id"], number)  # a chapter's id is on each of its pages
        order = sorted(starts.items(), key=lambda item: item[1])
        # the last document ends before the back matter (the bibliography, the indices), or the colophon
        back = [*self.book["back"], *(index["id"] for index in self.book["indices"]), "colophon"]
        back_start = next((n for n, p in enumerate(book.pages) if any(i in p.anchors for i in back)), len(book.pages))
        cuts = []
        for position, (slug, start) in enumerate(order):
            end = order[position + 1][1] if position + 1 < len(order) else back_start
            pages = [page for page in book.pages[start:end] if not is_blank(page)]
            document = next(d for d in self.book["documents"] if d["id"] == slug)
            numbers = f"{start + 1}–{book.pages.index(pages[-1]) + 1}"
            cuts.append((document, pages, numbers))
        # each offprint opens on a page that says what it is cut from and how to cite it
        covers = self.layout(self.env.get_template("print/offprint.html").render(
            book=self.book, trim=TRIMS[self.config.trim], offprints=[
                {"id": document["id"], "title": document["title"], "authors": ", ".join(document["authors"]), "contributors": document["contributors"], "pages": numbers}
                for document, _pages, numbers in cuts])).pages
        files = {}
        for document, pages, numbers in cuts:
            # its cover by the cover's id, not by position: a cover that ran over a page once gave
            # every later offprint the cover of the one before it (review 17e #1)
            first = next(n for n, page in enumerate(covers) if f"offprint-{document['id']}" in page.anchors)
            cover = covers[first:first + 1] + list(itertools.takewhile(
                lambda page: not any(anchor.startswith("offprint-") for anchor in page.anchors), covers[first + 1:]))
            offprint = book.copy(linked_within([*cover, *pages]))
            offprint.metadata = copy.copy(book.metadata)  # its own: the book's is the press file's too
            offprint.metadata.title = document["title"]
            offprint.metadata.authors = list(document["authors"])  # the historical author; the subject names the edition
            offprint.metadata.description = f"{self.book['title']}, pp. {numbers}: {document['description']}"
            files[f"{document['id']}.pdf"] = self.write(offprint, "pdf/ua-1", finisher=offprint_finisher([book.pages.index(page) + 1 for page in pages]))
        return files


PAGE_REFERENCE = re.compile(r'<a class="pageref[^"]*" href="#([^"]+)"[^>]*>(.*?)</a>', re.S)


def held_references(html: str) -> str:
    """The HTML with each page reference to a place it does not hold (an element whose id the
    book does not print: a foreign corpus's dictionary entry) left as its text, without a link
    to nowhere or an empty "[p. ]"."""
    ids = set(re.findall(r'\sid="([^"]+)"', html))
    return PAGE_REFERENCE.sub(lambda found: found.group(0) if found.group(1) in ids else found.group(2), html)


def offprint_finisher(folios: list[int]):
    """WeasyPrint's finisher for an offprint whose pages after its cover are the book's `folios`:
    tagged as the book is, its pages labelled with the book's numbers."""
    def finish(document, pdf) -> None:
        screen_finish(document, pdf)
        label_pages(pdf, folios)

    return finish


def linked_within(pages: list) -> list:
    """The pages, a link to a place not among them (another document, the book's front matter)
    left as its text: an offprint's page reference still names the book's page, which its cover
    cites, but is no link to nowhere. The book's own pages are not changed."""
    anchors = {anchor for page in pages for anchor in page.anchors}
    kept = []
    for page in pages:
        links = [link for link in page.links if link[0] != "internal" or link[1] in anchors]
        if len(links) < len(page.links):
            page = copy.copy(page)
            page.links = links
        kept.append(page)
    return kept


#: The fewest lines an index's last page has in its first column, where the page before can give them.
LAST_PAGE_LINES = 5


@dataclass(frozen=True)
class Group:
    """An index entry with its subentries, as laid out: its first paragraph's id, its height and
    last bottom margin, and the left of its column."""

    first: str
    height: float
    bottom: float
    x: float


def entry_groups(page, order: dict[str, str], subentries: set[str]) -> list[Group]:
    """The index entries on a laid-out page (the paragraphs whose ids `order` holds), each with
    the subentries after it, in order."""
    boxes = {}
    for box in descendants(page._page_box):
        element = getattr(box, "element", None)
        if element is not None and element.get("id") in order and element.get("id") not in boxes and box.element_tag == "p":
            boxes[element.get("id")] = box
    groups: list[list[str]] = []
    for anchor in (anchor for anchor in order if anchor in boxes):
        if anchor in subentries and groups:
            groups[-1].append(anchor)
        else:
            groups.append([anchor])
    return [Group(group[0], sum(boxes[anchor].margin_height() for anchor in group), boxes[group[-1]].margin_bottom, boxes[group[0]].position_x)
            for group in groups]


def first_column(groups: list[Group]) -> float:
    """The height of the first of two balanced columns of `groups`."""
    column = groups[:balanced_split([(group.height, group.bottom) for group in groups])]
    return sum(group.height for group in column) - column[-1].bottom if column else 0


def balanced_split(entries: list[tuple[float, float]]) -> int:
    """Where the second of two columns begins, for entries of the given (margin height, bottom
    margin): the first column as short as it can be while the second is no longer. A column's
    height leaves out its last entry's bottom margin, which falls at its foot."""
    def height(column: list[tuple[float, float]]) -> float:
        return sum(h for h, _ in column) - column[-1][1] if column else 0

    # within a pixel: the heights of lines laid out alike differ in their last digits
    return next(k for k in range(1, len(entries) + 1) if height(entries[:k]) >= height(entries[k:]) - 1)


def body_pages(body, openings: list[str]) -> list:
    """The body's own pages: those before the empty openings of the indices (and the blank
    verso before the first), which are there only to give the contents their pages."""
    first = next((n for n, page in enumerate(body.pages) if any(i in page.anchors for i in openings)), len(body.pages))
    if 0 < first < len(body.pages) and is_blank(body.pages[first - 1]):
        first -= 1
    return body.pages[:first]


def number_contents(pages: list, openings: dict[str, int]) -> None:
    """The contents' page numbers of the indices set to the pages they open on: the body was
    laid out before the indices, with their pages as if each were one page long. Only the
    digits change; a number that grows is moved left by its growth, over the leader's dots."""
    from types import SimpleNamespace

    from weasyprint.text.line_break import split_first_line

    for page in pages:
        for box in descendants(page._page_box):
            # the folio is the ::after of the entry's last word, which names the entry's target
            href = box.element.get("data-target") if getattr(box, "element", None) is not None else None
            if not (getattr(box, "element_tag", None) or "").endswith("::after") or box.is_leader or not href or href[1:] not in openings:
                continue
            number = box.children[-1] if box.children else None
            if number is None or number.is_leader or not hasattr(number, "text"):
                continue
            text = str(openings[href[1:]])
            if number.text != text:
                layout, _, _, width, _, _ = split_first_line(text, number.style, SimpleNamespace(dictionaries={}), None, 0)
                number.position_x -= width - number.width
                number.text, number.pango_layout, number.width = text, layout, width
                for leader in (child for child in box.children if child.is_leader):  # the dots it now covers go
                    leader.children = [dot for dot in leader.children if dot.position_x + dot.width <= number.position_x]


def forget_link_annotations(document) -> None:
    """Each PDF's links tagged from its own annotations. WeasyPrint keeps a link's annotation
    on its box when it writes a PDF, and tags a box that has one as a link: an offprint written
    after the book, whose links to other documents are left as text (linked_within), tagged
    those as links to objects of the book's PDF (54 in one offprint)."""
    for page in document.pages:
        for box in descendants(page._page_box):
            box.link_annotation = None


def descendants(box):
    """A laid-out box and every box inside it."""
    yield box
    for child in getattr(box, "children", ()):
        yield from descendants(child)


def english_hyphenation() -> None:
    """Text in English ("en") is hyphenated with pyphen's US patterns: the set pyphen takes for
    "en" breaks "gran-ted", "Cent-ral", "Uni-on", "initiat-ive"; the US set breaks the words of
    British spelling as well. Text marked en-GB keeps the British set."""
    import pyphen

    pyphen.LANGUAGES["en"] = pyphen.LANGUAGES["en_US"]


def keep_footnotes_with_their_calls() -> None:
    """No footnote leaves its call's page to make room for a line. WeasyPrint (69) lays a line
    that would otherwise leave the first line of its paragraph alone at a page's foot by moving
    the page's last footnotes on to the next page, over a page turn from their calls (review M4:
    "Soviet president³" on a recto, its note on the verso after). Its line layout is taken with
    that one step left out: the paragraph moves on whole, as its orphans ask, and the notes stay."""
    from weasyprint.layout import block

    laid = recompiled(block, "_linebox_layout", "report = not context.in_column and can_break_now and not could_break_before", "report = False")
    if laid:
        block._linebox_layout = laid


def lay_out_references_once_placed() -> None:
    """A page that holds page references (the contents, "[p. 45]") is laid out again only when
    a number it shows may have changed. WeasyPrint (69) made such a page again whenever any
    counter of the page had changed since it was last made: the total of pages, known after the
    first pass, changed on every one of them, so the 39 pages of this book with references were
    laid out three times, not twice (29 of the book's 206 page layouts). Its page layout is taken
    with the comparison narrowed to the counters the references show; the PDFs are the same bytes."""
    from weasyprint.layout import page

    made = recompiled(page, "make_page", """                    counter_lookup.cached_page_counter_values = \\
                        copy.deepcopy(page_counter_values)
                    for counter_name in missing_counters:
                        counter_value = page_counter_values.get(
                            counter_name, None)
                        if counter_value is not None:""", """                    previous = counter_lookup.cached_page_counter_values
                    counter_lookup.cached_page_counter_values = \\
                        copy.deepcopy(page_counter_values)
                    for counter_name in missing_counters:
                        counter_value = page_counter_values.get(
                            counter_name, None)
                        if counter_value is not None and counter_value != previous.get(counter_name):""")
    if made:
        page.make_page = made


def recompiled(module: Any, name: str, step: str, instead: str) -> Callable | None:
    """`module.name`, a WeasyPrint function, made again from its own source with `step` written
    as `instead`, once (later calls give None); None too where it has no sources (installed
    without them) or `step` is not in them (another WeasyPrint): its own function then stands."""
    import inspect

    function = getattr(module, name)
    if getattr(function, "recompiled", False):
        return None
    try:
        source = inspect.getsource(function)
    except (OSError, TypeError):
        return None
    if step not in source:
        return None
    made: dict[str, Any] = {}
    lines = "\n" * (function.__code__.co_firstlineno - 1)  # its lines numbered as in its module
    exec(compile(lines + source.replace(step, instead), module.__file__, "exec"), module.__dict__, made)
    made[name].recompiled = True
    return made[name]


def keep_footnotes_of_pushed_lines() -> None:
    """Every footnote called is printed: on its call's page, or moved on to the next. WeasyPrint
    (69) loses a footnote two ways. It makes room for a line that would leave a lone first line
    of its paragraph by moving the page's last footnotes on, and then keeps the line without
    placing the footnotes the line calls itself (layout/block.py). And when it lays a page out
    again (for a page number learnt later) after one it does not, it forgets the footnotes that
    page moved on to it (layout/page.py keeps them for the next page only). So each page begins
    with what the last layout of the page before moved on, and a footnote called on a page but
    neither printed there nor moved on is moved on."""
    from weasyprint.layout import page as pages

    if getattr(pages.remake_page, "keeps_footnotes", False):
        return
    remake = pages.remake_page

    def remake_page(index, context, root_box, html):
        moved = context.__dict__.setdefault("moved_footnotes", {})  # by page: the footnotes moved on to it
        context.reported_footnotes = list(moved.get(index, []))
        for footnote in context.reported_footnotes:
            while footnote in context.footnotes:  # a new pass waits for every footnote again
                context.footnotes.remove(footnote)
        page, resume_at = remake(index, context, root_box, html)
        for box in descendants(page):
            if box.footnote is not None and box.footnote in context.footnotes:  # called here and lost
                context.footnotes.remove(box.footnote)
                context.reported_footnotes.append(box.footnote)
        moved[index + 1] = list(context.reported_footnotes)
        return page, resume_at

    remake_page.keeps_footnotes = True
    pages.remake_page = remake_page


#: The most a page may be left short (in points: six lines of the text's 13.8 pt) to keep a footnote
#: on the page of its call, before the note is carried to the facing page. Two lines carried notes
#: that took the room of the facing recto's own, which then fell short by five; three still carried
#: eight notes away from their calls (review 17e #4).
MOST_LEFT_EMPTY = 6 * 13.8

#: How far (in points) the space above the footnotes' rule (8 pt, book.css) may shrink to keep a line
#: and the note it calls on the page, where moving the line on would leave the page short by more than
#: MOST_LEFT_EMPTY: as a press lets the space above the notes give (TeX's \skip\footins). Document
#: openings were left a third empty, their heading and first lines moved on for a note 3–5 pt too
#: long (review M5).
FOOTNOTE_SPACE_SHRINK = 6


def carry_footnotes_to_the_facing_page() -> None:
    """A footnote that does not fit on its call's page stays with its call (footnote-policy: line:
    the line that calls it goes to the next page, with the lines its paragraph's orphans or widows
    take along) where that leaves the page short by MOST_LEFT_EMPTY at most. Where it would leave more
    (a long note called near the foot left a third of a page empty, review 17d #4) and the page is
    a verso, the call stays and the note is carried to the recto facing it (footnote-policy: auto),
    in the same opening; a note is never carried over a page turn. WeasyPrint cannot split a note
    over two pages, as a press would, nor say how much a pushed line leaves empty: so the lines it
    lays out are watched (the line, and the tops of its paragraph's lines on the page), and the
    footnote's policy is set each time WeasyPrint moves the note on, just before it reads it."""
    from math import inf

    from weasyprint.layout import LayoutContext, block

    if getattr(block.iter_line_boxes, "watched", False):
        return
    lines = block.iter_line_boxes

    def iter_line_boxes(context, box, position_y, bottom_space, *args, **kwargs):
        tops = []  # of the paragraph's lines on this page
        for line, resume_at in lines(context, box, position_y, bottom_space, *args, **kwargs):
            tops.append(line.position_y)
            if bottom_space != -inf:  # not a line of the footnote area, which is laid out without a bottom
                context.laid_line = (line, tops, resume_at is None, bottom_space)
            yield line, resume_at

    report = LayoutContext.report_footnote

    def report_footnote(self, footnote):
        laid = getattr(self, "laid_line", None)
        # how far the line runs into the space above the notes, the note on the page
        over = laid[0].position_y + laid[0].height - (self.page_bottom - laid[3]) if laid is not None else inf
        report(self, footnote)
        stylesheet = footnote.__dict__.setdefault("stylesheet_policy", footnote.style["footnote_policy"])  # before it is set here
        if stylesheet != "line" or laid is None or self.in_column:
            return
        line, tops, last, bottom_space = laid
        # the line goes, and with it the paragraph's lines on this page if it is one of its first
        # (its orphans), or those before it that its widows take if it is the paragraph's last
        orphans, widows = line.style["orphans"], line.style["widows"]
        top = tops[0] if len(tops) <= orphans else tops[max(0, len(tops) - widows)] if last else tops[-1]
        area = self.current_footnote_area
        if 0 < over <= FOOTNOTE_SPACE_SHRINK * 4 / 3 and not area.__dict__.get("given"):  # points as CSS pixels
            # the note stays, and the line: the space above the rule gives what the line lacks
            area.given = FOOTNOTE_SPACE_SHRINK * 4 / 3
            self.page_bottom += area.given
            self.reported_footnotes.remove(footnote)
            self.current_page_footnotes.append(footnote)
            self._update_footnote_area()
            footnote.style["footnote_policy"] = "auto"  # the line is not moved on
            return
        short = self.page_bottom - bottom_space - top > MOST_LEFT_EMPTY * 4 / 3
        verso = getattr(getattr(area.page, "page_type", None), "side", None) == "left"
        footnote.style["footnote_policy"] = "auto" if verso and short else "line"

    update = LayoutContext._update_footnote_area

    def update_footnote_area(self):
        # the room the text has is the page's less its notes, and what the space above them gave
        given = 0 if self.in_column else self.current_footnote_area.__dict__.get("given", 0)
        self.page_bottom -= given
        overflow = update(self)
        self.page_bottom += given
        return overflow

    iter_line_boxes.watched = True
    block.iter_line_boxes = iter_line_boxes
    LayoutContext.report_footnote = report_footnote
    LayoutContext._update_footnote_area = update_footnote_area


def page_ranges(places: list[tuple[int, str]]) -> list[tuple[tuple[int, str], tuple[int, str] | None]]:
    """An index entry's pages (ascending, each with its first place) as ranges: each run of
    consecutive pages as its first and last page ("25–35"), a page alone as itself (None)."""
    runs: list[list[tuple[int, str]]] = []
    for place in places:
        if runs and place[0] == runs[-1][-1][0] + 1:
            runs[-1].append(place)
        else:
            runs.append([place])
    return [(run[0], run[-1] if len(run) > 1 else None) for run in runs]


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


class Printing:
    """The print edition of one build, or, when nothing it depends on has changed (its
    text, the print templates and fonts, the trim, the date), the last build's PDFs."""

    def __init__(self, book: dict, config: PrintConfig, previous: Path, state: Any):
        from .resources import resource
        from .state import fingerprint

        self.book, self.config, self.pages = book, config, state.index_pages or {}
        self.key = hashlib.sha256(json.dumps(book, sort_keys=True).encode() + fingerprint(
            [resource("templates") / "print", *([Path(config.theme) / "print"] if config.theme else [])],
            {"trim": config.trim, "date": config.date, "language": config.language, "labels": config.labels}).encode()).hexdigest()
        self.names = tuple(sorted(["edition.pdf", "edition-press.pdf", *(f"{d['id']}.pdf" for d in book["documents"])]))
        found = {name: previous / name for name in self.names}
        #: The last build's PDFs, when it made the same set (the same documents).
        self.previous = {name: path.read_bytes() for name, path in found.items() if path.is_file()}
        if len(self.previous) != len(self.names):
            self.previous = {}
        self.reused = bool(self.previous) and state.book == self.key

    def start(self, workers: Any) -> None:
        """Lay the book out in a worker, unless the last build's PDFs serve."""
        self.job = None if self.reused else workers.submit(lay_out, self.book, self.config)

    def result(self) -> tuple[dict[str, bytes], dict]:
        """The PDFs by name and the index's pages: kept, or as the worker laid them out."""
        return (self.previous, self.pages) if self.job is None else self.job.get()


def lay_out(book: dict, config: PrintConfig) -> tuple[dict[str, bytes], dict]:
    """A worker's job: every PDF of the book, and the index's pages."""
    from .resources import resource
    from .site import environment

    templates = resource("templates")
    from .i18n import Interface

    themes = ([Path(config.theme)] if config.theme else []) + [templates]
    return Book(environment(themes, Interface(config.language, config.labels)), templates / "print", book, config).render()


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
