"""The press edition: the laid-out book as the file a printer takes. PDF/X-4 with the CMYK
characterisation of the printing condition (FOGRA39, offset on coated paper) as its output
intent; type and rules in black ink only (the stylesheet gives every colour as a tint of K);
3 mm bleed, and beyond it a slug with crop and registration marks (MediaBox ⊃ BleedBox ⊃
TrimBox); no links; and an extent in whole sheets of four pages, blank leaves made up before
the colophon on the last verso. The screen book's layout serves: none of this moves anything
on the trimmed page."""

from __future__ import annotations

from pathlib import Path

#: Millimetres in PDF points and in CSS pixels.
PT, PX = 72 / 25.4, 96 / 25.4
#: The bleed, and the slug beyond it that holds the marks.
BLEED, SLUG = 3, 10
#: Where the marks lie, in mm outside the trim: crop marks from `CROP[0]` to `CROP[1]` (clear
#: of the bleed), registration targets centred at `TARGET` with radius `RADIUS`.
CROP, TARGET, RADIUS = (4.5, 12), 9, 2.2
#: The profile (built from Fogra's characterisation data; see colour/README) and the name of
#: the printing condition it characterises, as the output intent gives it.
PROFILE = Path("colour") / "FOGRA39L.icc"
CONDITION = "FOGRA39"
CONDITION_INFO = "Offset printing, ISO 12647-2:2004/Amd 1, coated art paper (FOGRA39L)"
#: Pages are printed and folded in sheets of four (a folio sheet, both sides).
SHEET = 4


def press_book(book, folder: Path):
    """A copy of the laid-out `book` for the press: the CMYK profile added, the pages given
    bleed and slug, and blank pages made up before the last (the colophon) to fill the last
    sheet. Each page keeps its layout. Written with `finish` as WeasyPrint's finisher."""
    from weasyprint.css import ColorProfile

    from .pdf import is_blank

    pages = list(book.pages)
    blank = next((page for page in pages if is_blank(page)), None)
    short = -len(pages) % SHEET
    if short and blank is not None:
        pages[-1:-1] = [blank] * short
    press = book.copy(pages)
    with (folder / PROFILE).open("rb") as profile:
        press.color_profiles = {**book.color_profiles, "device-cmyk": ColorProfile(profile, str(PROFILE), "relative-colorimetric", (["c"], ["m"], ["y"], ["k"]))}
    for page in pages:
        page.bleed = dict.fromkeys(("top", "right", "bottom", "left"), (BLEED + SLUG) * PX)
    return press


def finish(document, pdf) -> None:
    """WeasyPrint's finisher for the press book: each page's boxes, its marks in the slug and no
    link annotations; the output intent named by its printing condition."""
    import pydyf

    registration = pydyf.Array(["/Separation", "/All", "/DeviceCMYK", pydyf.Dictionary({
        "FunctionType": 2, "Domain": pydyf.Array([0, 1]), "N": 1,
        "C0": pydyf.Array([0, 0, 0, 0]), "C1": pydyf.Array([1, 1, 1, 1])})])
    begin = pydyf.Stream([b"q"])
    pdf.add_object(begin)
    colour_spaces = {}
    for page in [o for o in pdf.objects if isinstance(o, pydyf.Dictionary) and o.get("Type") == "/Page"]:
        trim = [float(v) for v in page["TrimBox"]]
        page["BleedBox"] = pydyf.Array([trim[0] - BLEED * PT, trim[1] - BLEED * PT, trim[2] + BLEED * PT, trim[3] + BLEED * PT])
        page.pop("Annots", None)
        marks = pydyf.Stream([b"Q", marks_for(*trim)], compress=True)
        pdf.add_object(marks)
        page["Contents"] = pydyf.Array([begin.reference, page["Contents"], marks.reference])
        space = resources_colour_space(pdf, page)
        colour_spaces[id(space)] = space
    for space in colour_spaces.values():
        space["Registration"] = registration
    for intent in pdf.catalog.get("OutputIntents") or []:
        intent["OutputConditionIdentifier"] = pydyf.String(CONDITION)
        intent["OutputCondition"] = pydyf.String(CONDITION_INFO)
        intent["Info"] = pydyf.String(CONDITION_INFO)


def resources_colour_space(pdf, page):
    """The colour-space dictionary of a page's resources (WeasyPrint shares one between pages)."""
    resources = object_at(pdf, page["Resources"])
    return object_at(pdf, resources["ColorSpace"])


def object_at(pdf, reference):
    """The object a pydyf reference (b"12 0 R") names, or the object itself."""
    if isinstance(reference, (bytes, str)):
        return pdf.objects[int(reference.split()[0])]
    return reference


def marks_for(left: float, bottom: float, right: float, top: float) -> bytes:
    """Crop marks at the corners and registration targets at the middle of each side, in the
    registration colour (every separation), 0.25 pt, all in the slug outside the bleed."""
    near, far = CROP[0] * PT, CROP[1] * PT
    ops = ["q /Registration CS 1 SCN 0.25 w"]
    for x, sx in ((left, -1), (right, 1)):
        for y, sy in ((bottom, -1), (top, 1)):
            ops.append(f"{x + sx * near:.2f} {y:.2f} m {x + sx * far:.2f} {y:.2f} l S")
            ops.append(f"{x:.2f} {y + sy * near:.2f} m {x:.2f} {y + sy * far:.2f} l S")
    middle_x, middle_y, out, r = (left + right) / 2, (bottom + top) / 2, TARGET * PT, RADIUS * PT
    for cx, cy in ((middle_x, bottom - out), (middle_x, top + out), (left - out, middle_y), (right + out, middle_y)):
        ops.append(circle(cx, cy, r))
        ops.append(f"{cx - 1.4 * r:.2f} {cy:.2f} m {cx + 1.4 * r:.2f} {cy:.2f} l {cx:.2f} {cy - 1.4 * r:.2f} m {cx:.2f} {cy + 1.4 * r:.2f} l S")
    ops.append("Q")
    return "\n".join(ops).encode()


def circle(cx: float, cy: float, r: float) -> str:
    """A circle as four Bézier quarters, stroked."""
    k = 0.5523 * r
    return (f"{cx + r:.2f} {cy:.2f} m {cx + r:.2f} {cy + k:.2f} {cx + k:.2f} {cy + r:.2f} {cx:.2f} {cy + r:.2f} c "
            f"{cx - k:.2f} {cy + r:.2f} {cx - r:.2f} {cy + k:.2f} {cx - r:.2f} {cy:.2f} c "
            f"{cx - r:.2f} {cy - k:.2f} {cx - k:.2f} {cy - r:.2f} {cx:.2f} {cy - r:.2f} c "
            f"{cx + k:.2f} {cy - r:.2f} {cx + r:.2f} {cy - k:.2f} {cx + r:.2f} {cy:.2f} c S")
