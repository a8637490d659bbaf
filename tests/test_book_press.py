"""The press file (edition-press.pdf) as a printer's preflight reads it back: its own metadata,
a CMYK output intent, black ink only, marks in a slug outside the bleed, whole sheets."""

from __future__ import annotations

import io

import pikepdf
import pytest
from PIL import ImageCms

from conftest import pdftotext

MM = 72 / 25.4


@pytest.fixture(scope="module")
def press(pdfs):
    with pikepdf.open(pdfs / "edition-press.pdf") as pdf:
        yield pdf


def test_the_press_file_carries_the_books_own_metadata_not_an_offprints(press, pdfs):
    with pikepdf.open(pdfs / "edition.pdf") as book:
        assert str(press.docinfo.Title) == str(book.docinfo.Title)
        assert str(press.docinfo.Author) == str(book.docinfo.Author)
    assert "Revolutionary Diplomacy" not in str(press.docinfo.Title)
    with press.open_metadata() as xmp:
        assert "Revolutionary Diplomacy" not in str(xmp.get("dc:title"))


def test_the_output_intent_is_a_cmyk_printer_profile_for_fogra39(press):
    intent = press.Root.OutputIntents[0]
    assert str(intent.S) == "/GTS_PDFX" and str(intent.OutputConditionIdentifier) == "FOGRA39"
    profile = ImageCms.ImageCmsProfile(io.BytesIO(intent.DestOutputProfile.read_bytes())).profile
    assert profile.xcolor_space.strip() == "CMYK" and profile.device_class == "prtr"


def colours(stream_owner, pdf, seen=None) -> list[tuple[str, str, list[float]]]:
    """Every colour set in a page or form (and the forms it draws): (operator, space, operands)."""
    seen = seen if seen is not None else set()
    found, space = [], {"fill": "/DeviceGray", "stroke": "/DeviceGray"}
    for operands, operator in pikepdf.parse_content_stream(stream_owner):
        op = str(operator)
        if op in ("cs", "CS"):
            space["fill" if op == "cs" else "stroke"] = str(operands[0])
        elif op in ("rg", "RG", "g", "G", "k", "K", "sc", "SC", "scn", "SCN"):
            current = space["fill" if op.islower() else "stroke"]
            found.append((op, current, [float(o) for o in operands if isinstance(o, (int, float, pikepdf.Object)) and not isinstance(o, pikepdf.Name)]))
        elif op == "Do":
            xobjects = stream_owner.get("/Resources", {}).get("/XObject", {}) if isinstance(stream_owner, pikepdf.Stream) else stream_owner.Resources.get("/XObject", {})
            form = xobjects.get(str(operands[0]))
            if form is not None and form.get("/Subtype") == "/Form" and form.objgen not in seen:
                seen.add(form.objgen)
                found += colours(form, pdf, seen)
    return found


def test_type_and_rules_are_in_black_ink_only(press):
    for number, page in enumerate(press.pages, 1):
        for op, space, values in colours(page, press):
            assert op not in ("rg", "RG"), f"page {number}: an RGB colour ({op} {values})"
            if op in ("k", "K") or space == "/DeviceCMYK":
                assert values[:3] == [0, 0, 0], f"page {number}: a colour with cyan, magenta or yellow: {values}"
            elif space not in ("/DeviceGray", "/Registration"):
                pytest.fail(f"page {number}: colour in {space}: {values}")


def test_transparency_groups_name_a_colour_space_not_a_resource(press):
    for page in press.pages:
        for form in page.Resources.get("/XObject", {}).values():
            group = form.get("/Group")
            if group is not None:
                assert str(group.CS) in ("/DeviceCMYK", "/DeviceGray")


def box(page, name) -> list[float]:
    return [float(v) for v in page[name]]


def test_the_bleed_is_3_mm_round_the_trim_and_the_media_leaves_a_slug_beyond_it(press):
    for page in press.pages:
        media, bleed, trim = box(page, "/MediaBox"), box(page, "/BleedBox"), box(page, "/TrimBox")
        assert [round((t - b) / MM, 1) for t, b in zip(trim[:2], bleed[:2])] == [3.0, 3.0]
        assert [round((b - t) / MM, 1) for t, b in zip(trim[2:], bleed[2:])] == [3.0, 3.0]
        assert all(b - m >= 8 * MM for m, b in zip(media[:2], bleed[:2])) and all(m - b >= 8 * MM for m, b in zip(media[2:], bleed[2:]))
        assert round((trim[2] - trim[0]) / MM) == 156 and round((trim[3] - trim[1]) / MM) == 234


def test_crop_and_registration_marks_are_drawn_in_the_slug_outside_the_bleed(press):
    page = press.pages[10]
    bleed = box(page, "/BleedBox")
    lines, start, registration = [], None, False
    for operands, operator in pikepdf.parse_content_stream(page.Contents[-1]):
        if str(operator) == "CS" and str(operands[0]) == "/Registration":
            registration = True
        elif str(operator) == "m":
            start = [float(v) for v in operands]
        elif str(operator) == "l" and registration and start:
            lines.append((start, [float(v) for v in operands]))
    assert len(lines) >= 8 + 8, "two crop marks at each corner, a cross in each of four targets"
    for line in lines:
        for x, y in line:
            inside = bleed[0] + 0.1 < x < bleed[2] - 0.1 and bleed[1] + 0.1 < y < bleed[3] - 0.1
            assert not inside, f"a mark at ({x:.1f}, {y:.1f}) is inside the bleed"
    assert min(abs(b[0] - a[0]) + abs(b[1] - a[1]) for a, b in lines) > 3 * MM, "zero-length marks print nothing"


def test_the_press_file_is_whole_sheets_of_four_pages_with_the_colophon_on_the_last_verso(press, pdfs):
    assert len(press.pages) % 4 == 0
    last = pdftotext(pdfs / "edition-press.pdf", "-f", str(len(press.pages)), "-l", str(len(press.pages)))
    assert "was made into a book" in last
    before = pdftotext(pdfs / "edition-press.pdf", "-f", str(len(press.pages) - 1), "-l", str(len(press.pages) - 1))
    assert "Index" not in before or not before.strip() or "was made" not in before


def test_the_press_file_has_no_link_annotations(press):
    assert not any(page.get("/Annots") for page in press.pages)


def test_the_press_file_and_the_screen_book_have_different_permanent_ids(press, pdfs):
    with pikepdf.open(pdfs / "edition.pdf") as book:
        assert bytes(press.trailer.ID[0]) != bytes(book.trailer.ID[0])
