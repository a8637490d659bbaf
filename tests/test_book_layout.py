"""The book laid out once (issue 15): the body, then the indices alone from the body's pages,
the pages of both one document. Laid out in this process, so that the layouts can be counted."""

from __future__ import annotations

import io
import itertools
import logging
import re

import pytest
from lxml import etree
from pypdf import PdfReader

from conftest import TEI, pdftotext


@pytest.fixture(scope="module")
def laid_out(monkeypatch_module):
    """Every PDF of the edition's book, its index's pages, and each WeasyPrint layout's pages."""
    import weasyprint

    from teiedition.build import book_data, build_date
    from teiedition.edition import load
    from teiedition.i18n import Interface, language_of
    from teiedition.pdf import PrintConfig, lay_out
    from teiedition.transform import Saxon

    monkeypatch_module.setenv("SOURCE_DATE_EPOCH", "1764547200")  # the date of the run's shared build
    edition, _ = load(TEI)
    interface = Interface(language_of(edition, None), {})
    data, _ = book_data(Saxon(edition, interface.for_saxon()), build_date())
    layouts: list[int] = []
    render = weasyprint.HTML.render

    def counted(self, *args, **kwargs):
        document = render(self, *args, **kwargs)
        layouts.append(len(document.pages))
        return document

    monkeypatch_module.setattr(weasyprint.HTML, "render", counted)
    logged = Logged(LOGGED)
    logging.getLogger("weasyprint").addHandler(logged)
    try:
        files, pages = lay_out(data, PrintConfig("royal-octavo", build_date(), None, interface.language, {}))
    finally:
        logging.getLogger("weasyprint").removeHandler(logged)
    return files, pages, layouts, data


#: WeasyPrint's warnings while it laid the edition's book out.
LOGGED: list[str] = []


class Logged(logging.Handler):
    """WeasyPrint's messages, kept in `messages`."""

    def __init__(self, messages: list[str]):
        super().__init__(logging.WARNING)
        self.messages = messages

    def emit(self, record):
        self.messages.append(record.getMessage())


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_a_cold_build_lays_the_body_of_the_book_out_once(laid_out):
    files, _, layouts, data = laid_out
    book = len(PdfReader(io.BytesIO(files["edition.pdf"])).pages)
    # the body; the indices, filled in turn, then with balanced last pages; the offprints' covers
    body, draft, indices, covers = layouts
    assert covers == len(data["documents"])  # one page each, and no page of the body again
    # the body's layout ends with an empty opening for each index (and the blank verso before it)
    assert book < body + indices <= book + 2 * len(data["indices"])
    assert draft == indices < book / 4


def test_each_index_locator_is_the_page_its_place_is_on(laid_out):
    files, pages, _, _ = laid_out
    reader = PdfReader(io.BytesIO(files["edition.pdf"]))
    checked = 0
    for places in pages.values():
        for number, anchor in places:
            assert reader.get_destination_page_number(reader.named_destinations[anchor]) + 1 == number, anchor
            checked += 1
    assert checked > 100


def test_the_indices_folios_and_running_heads_continue_the_bodys_and_each_opens_on_a_recto(laid_out, tmp_path):
    files, _, _, data = laid_out
    reader = PdfReader(io.BytesIO(files["edition.pdf"]))
    (tmp_path / "edition.pdf").write_bytes(files["edition.pdf"])
    texts = pdftotext(tmp_path / "edition.pdf", "-layout").split("\f")
    first = reader.get_destination_page_number(reader.named_destinations[data["indices"][0]["id"]]) + 1
    assert first % 2 == 1
    for index in data["indices"]:
        assert (reader.get_destination_page_number(reader.named_destinations[index["id"]]) + 1) % 2 == 1, index["id"]
    folios = 0
    for number in range(first + 1, len(reader.pages) + 1):
        head = (texts[number - 1].strip().splitlines() or [""])[0]
        folio = re.match(r"(\d+)\b", head) or re.search(r"\s(\d+)$", head)
        if folio:  # a running head with its folio (not an opening page, not a blank one)
            assert int(folio.group(1)) == number, (number, head)
            # a verso's running head names the book (the body took it from its half-title)
            assert number % 2 or data["short_title"] in head, (number, head)
            folios += 1
    assert folios >= 2


def test_the_contents_give_each_index_the_page_it_opens_on(laid_out):
    files, _, _, data = laid_out
    reader = PdfReader(io.BytesIO(files["edition.pdf"]))
    contents = next(page.extract_text() for page in reader.pages if page.extract_text().strip().startswith("Contents"))
    for index in data["indices"]:
        page = reader.get_destination_page_number(reader.named_destinations[index["id"]]) + 1
        line = next(line for line in contents.splitlines() if line.startswith(index["title"]))
        assert line.rstrip().endswith(f" {page}") or line.rstrip().endswith(f".{page}"), (line, page)


def test_each_indexs_last_page_has_columns_of_even_length(laid_out, tmp_path):
    files, _, _, data = laid_out
    (tmp_path / "edition.pdf").write_bytes(files["edition.pdf"])
    reader = PdfReader(tmp_path / "edition.pdf")
    starts = [reader.get_destination_page_number(reader.named_destinations[index["id"]]) + 1 for index in data["indices"]]
    ends = [start - 1 for start in starts[1:]] + [len(reader.pages)]
    for start, end in zip(starts, ends):
        pages = pdftotext(tmp_path / "edition.pdf", "-layout", "-f", str(start), "-l", str(end)).split("\f")
        last = next(page for page in reversed(pages) if page.strip())
        lines = [line for line in last.splitlines()[1:] if line.strip()]  # under the running head
        left = sum(1 for line in lines if not line.startswith(" " * 20))
        right = sum(1 for line in lines if len(line) > 60 and line[55:].strip())
        assert 0 < right <= left, (start, left, right)  # filled in turn, the last column would be empty


def test_a_last_page_is_split_with_the_first_column_no_shorter_than_the_second():
    from teiedition.pdf import balanced_split

    # the places' last page: an entry of 7 lines, then 1, 4 and 2 (13 px a line, 2 px between
    # entries): 7 | 1 + 4 + 2 would make the second column the longer by the margins
    entries = [(7 * 13 + 2, 2), (13 + 2, 2), (4 * 13 + 2, 2), (2 * 13 + 2, 2)]
    assert balanced_split(entries) == 2
    assert balanced_split([(10, 0)]) == 1  # one entry: the second column empty
    # columns equal but for the last digits of their lines' heights: the first is not made the longer
    assert balanced_split([(50.0, 2), (18.0, 2), (34.0, 2), (34.3, 2)]) == 2


def test_no_index_ends_on_a_page_of_a_line_or_two(laid_out, tmp_path):
    """Review M9: the index of places ended on a page of one line ("West Germany, see Federal
    Republic of Germany"), the page before it full: that page now gives the last some of its entries."""
    from teiedition.pdf import LAST_PAGE_LINES

    files, _, _, data = laid_out
    (tmp_path / "edition.pdf").write_bytes(files["edition.pdf"])
    reader = PdfReader(tmp_path / "edition.pdf")
    starts = [reader.get_destination_page_number(reader.named_destinations[name]) + 1 for name in [*(index["id"] for index in data["indices"]), "colophon"]]
    texts = pdftotext(tmp_path / "edition.pdf", "-layout").split("\f")
    for start, following in itertools.pairwise(starts):
        end = max(page for page in range(start, following) if texts[page - 1].strip())  # a blank verso aside
        lines = [line for line in texts[end - 1].splitlines()[1:] if line.strip() and not line.startswith(" " * 20)]  # under the running head
        assert end == start or len(lines) >= LAST_PAGE_LINES - 1, (end, lines)


def test_the_contents_number_of_an_index_is_set_once_the_index_is_laid_out(tmp_path):
    from weasyprint import HTML

    from teiedition.pdf import number_contents

    # as the book sets an entry: its last word holds the dots and the folio, and names the target
    style = "<style>@page { size: 100mm 100mm } .toc-end::after { content: leader('. ') target-counter(attr(data-target), page) }</style>"
    document = HTML(string=style + '<nav><p><a href="#index-persons">Index of <span class="toc-end" data-target="#index-persons">persons</span></a></p></nav>'
                    '<section id="index-persons" style="break-before: page"></section>').render()
    number_contents(document.pages, {"index-persons": 123})
    document.write_pdf(tmp_path / "contents.pdf")
    line = pdftotext(tmp_path / "contents.pdf", "-layout").strip().splitlines()[0]
    assert re.fullmatch(r"Index of persons[ .]+ 123", line.strip()), line


def test_no_link_of_the_book_or_of_an_offprint_points_nowhere(laid_out):
    # the documents point to the edition's rights paragraph (in the imprint) and to each other:
    # an offprint holds one document and not the imprint, and keeps those references as text
    files, _, _, data = laid_out
    assert not [message for message in LOGGED if "No anchor" in message]
    reader = PdfReader(io.BytesIO(files["edition.pdf"]))
    assert "p-edition-rights-clearance" in reader.named_destinations


def test_the_pdfs_written_in_turn_here_are_the_bytes_of_a_builds_written_on_two_cores(laid_out, pdfs):
    # this process writes every PDF in turn; a build's worker writes the offprints and the press
    # file in a copy of itself while it writes the book: each PDF is written from the layout alone
    files, *_ = laid_out
    assert sorted(files) == sorted(path.name for path in pdfs.glob("*.pdf"))
    assert [name for name, data in files.items() if (pdfs / name).read_bytes() != data] == []


def test_every_link_tag_of_an_offprint_is_one_of_its_own_links(laid_out):
    import pikepdf

    files, *_ = laid_out
    for name, data in files.items():
        with pikepdf.open(io.BytesIO(data)) as pdf:
            annotations = {link.objgen for page in pdf.pages for link in page.get("/Annots", [])}
            tagged = [tag.Obj.objgen for tag in pdf.objects if isinstance(tag, pikepdf.Dictionary) and tag.get("/Type") == "/OBJR"]
            assert [objgen for objgen in tagged if objgen not in annotations] == [], name


def test_a_footnote_stays_on_its_calls_page_the_next_paragraph_moving_on_whole(tmp_path):
    from teiedition.pdf import Book, PrintConfig

    # ten lines a page: g's footnote fills the ninth; the second paragraph's second line (y), which
    # may not leave x alone at the foot, does not move g's footnote on (WeasyPrint's way, review M4):
    # the paragraph goes to the next page whole, and each note is printed on its call's page
    style = ("<style>@page { size: 100px; margin: 0; @footnote { margin-top: 0 } } html { font-size: 10px; line-height: 1 }"
             " body { margin: 0 } p { orphans: 2; widows: 2; margin: 0 } span { float: footnote }</style>")
    html = (style + "<p>" + "<br>".join("abcdefg") + '<span id="one">one</span></p>'
            '<p>x<br>y<span id="two">two</span><br>k<br>l<br>m</p>')
    document = Book(None, tmp_path, {}, PrintConfig("a4", "2026-01-01")).layout(html)
    assert [sorted(page.anchors) for page in document.pages] == [["one"], ["two"]]


def test_every_footnote_is_printed_on_its_calls_page(laid_out):
    """Review M4: a note called near a recto's foot was printed on the verso after it, over a page
    turn. Each footnote is now on its call's page, or, where a verso would otherwise be left short,
    on the recto facing it (pdf.MOST_LEFT_EMPTY); the essay's endnotes are at its end."""
    from lxml import html

    files, _, _, data = laid_out
    reader = PdfReader(io.BytesIO(files["edition.pdf"]))
    destinations = reader.named_destinations
    footnotes = html.fromstring(data["html"]).xpath("//te-note[contains(@class, 'footnote')]/@id")
    assert len(footnotes) > 100
    for note in footnotes:
        call = reader.get_destination_page_number(destinations[f"call-{note}"]) + 1
        printed = reader.get_destination_page_number(destinations[note]) + 1
        assert printed == call or (call % 2 == 0 and printed == call + 1), (note, call, printed)


def contents_lines(pdf: bytes, tmp_path) -> list[list[tuple[str, float]]]:
    """The lines of the contents page as words and their right edges (poppler's bounding boxes)."""
    (tmp_path / "book.pdf").write_bytes(pdf)
    reader = PdfReader(tmp_path / "book.pdf")
    page = next(n for n, page in enumerate(reader.pages, 1) if page.extract_text().strip().startswith("Contents"))
    layout = etree.fromstring(pdftotext(tmp_path / "book.pdf", "-bbox-layout", "-f", str(page), "-l", str(page)).encode(), etree.HTMLParser())
    lines: dict[int, list[tuple[float, str]]] = {}  # by baseline: poppler parts a folio from its line
    for word in layout.iter("word"):
        lines.setdefault(round(float(word.get("ymax"))), []).append((float(word.get("xmax")), word.text))
    return [[(text, x) for x, text in sorted(line)] for _, line in sorted(lines.items())]


def test_the_contents_folios_align_and_none_stands_on_a_line_of_its_own(laid_out, tmp_path):
    """Review M8: the documents' folios ended 10 pt right of the others (WeasyPrint's leader did not
    count the entries' hanging indent), and the last document's leader and folio took a line alone."""
    files, _, _, data = laid_out
    lines = contents_lines(files["edition.pdf"], tmp_path)
    folios = [line[-1] for line in lines if re.fullmatch(r"\d+", line[-1][0]) and len(line) > 1]
    assert len(folios) >= len(data["documents"]) + len(data["indices"]) + 3
    assert max(x for _, x in folios) - min(x for _, x in folios) < 0.5, folios
    for line in lines:
        words = [word for word, _ in line if set(word) - {"."}]
        assert len(words) > 1 or not re.fullmatch(r"\d+", words[0] if words else "x"), line


def test_a_page_of_page_references_is_laid_out_again_once_its_numbers_are_known_not_twice(monkeypatch):
    import weasyprint
    from weasyprint.layout import page

    from teiedition import pdf

    pdf.lay_out_references_once_placed()
    made = []
    make = page.make_page

    def counted(*args):
        made.append(args[4])  # the page's number
        return make(*args)

    counted.recompiled = True
    monkeypatch.setattr(page, "make_page", counted)
    document = weasyprint.HTML(string=(
        "<style>@page { size: 200px; margin: 0 } a::after { content: ' p. ' target-counter(attr(href), page) }"
        " .chapter { break-before: page }</style><p><a href='#two'>see</a>, <a href='#three'>see</a></p>"
        "<p class='chapter' id='two'>Two</p><p class='chapter' id='three'>Three</p>")).render()
    first = " ".join("".join(box.text for box in pdf.descendants(document.pages[0]._page_box) if hasattr(box, "text")).split())
    assert first == "see p. 2, see p. 3"
    assert made.count(1) == 2  # laid out, then once more with its numbers (three times before)
