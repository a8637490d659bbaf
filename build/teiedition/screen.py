"""The screen book's finishing touches, made as WeasyPrint writes a tagged PDF: each link's
description (its /Contents, what a screen reader says of it) in words — the title the print
stylesheets give the link ("Editors' note 12", "Page 21", the address) — where WeasyPrint puts
the bare target id; the running heads and folios marked as pagination artifacts, which
WeasyPrint tags as content that belongs to no structure element; the notes tagged Note (each with
the /ID PDF/UA asks of it) and their labels and the paragraph numbers Lbl; and each table header
cell given its /Scope."""

from __future__ import annotations

#: The print stylesheets' elements of their own, as PDF structure types: WeasyPrint tags an element
#: by its HTML name and knows neither notes nor labels (a footnote was a bare Span); a footnote's
#: marker, a pseudo-element, is its note's label.
STRUCTURE_TYPES = {"te-note": "Note", "te-lbl": "Lbl", "te-note::footnote-marker": "Lbl"}


def tag_own_elements() -> None:
    """Teach WeasyPrint's tagging the structure types of STRUCTURE_TYPES (its mapping of HTML
    names to structure types is a function of its module, replaced here by one that asks ours
    first). Idempotent; the build's worker calls it before it lays the book out."""
    from weasyprint.pdf import tags

    if getattr(tags._get_pdf_tag, "teiedition", False):
        return
    weasyprint_tag = tags._get_pdf_tag

    def pdf_tag(tag):
        return STRUCTURE_TYPES.get(tag) or weasyprint_tag(tag)

    pdf_tag.teiedition = True
    tags._get_pdf_tag = pdf_tag


def tag_languages() -> None:
    """Each structure element of an HTML element with a language of its own (lang="ru-Latn") gets
    it as /Lang (PDF/UA-1 7.2): WeasyPrint gives the document's language only; a source's page
    break mark gets an empty /ActualText. Its tagging builds
    the tree in one recursive function of its module, replaced here by one that labels what the
    original makes for each box. Idempotent."""
    import pydyf
    from weasyprint.pdf import tags

    if getattr(tags._build_box_tree, "teiedition", False):
        return
    build = tags._build_box_tree

    def build_box_tree(box, parent, pdf, *rest):
        element = getattr(getattr(box, "_box", box), "element", None)
        lang = element.get("lang") if element is not None and element.tag not in ("html", "body") else None
        # a source's page break ("|22", transcr.xsl) is the editors' mark, not the text's: copied
        # text leaves it out (its replacement text empty, review M-low)
        mark = element is not None and "pb" in (element.get("class") or "").split()
        for made in build(box, parent, pdf, *rest):
            if lang and made.get("P") == parent.reference and "Lang" not in made:
                made["Lang"] = pydyf.String(lang)
            if mark and made.get("P") == parent.reference and made.get("Type") == "/StructElem":
                made["ActualText"] = pydyf.String("")
            yield made

    build_box_tree.teiedition = True
    tags._build_box_tree = build_box_tree


def finish(document, pdf) -> None:
    """WeasyPrint's finisher for a tagged book or offprint."""
    describe_links(document)
    paginate_margins(pdf)
    name_notes_and_scope_headers(pdf)
    stable_ids(pdf)


def label_pages(pdf, numbers: list[int]) -> None:
    """The offprint's page labels (/PageLabels): its cover "i", then each page the book's number
    (`numbers`, in order), so that a viewer shows the page a scholar cites (review 17b #20)."""
    import pydyf

    nums = pydyf.Array([0, pydyf.Dictionary({"S": "/r"})])
    for index, number in enumerate(numbers):
        if index == 0 or number != numbers[index - 1] + 1:
            nums.extend([index + 1, pydyf.Dictionary({"S": "/D", "St": number})])
    pdf.catalog["PageLabels"] = pydyf.Dictionary({"Nums": nums})


def name_notes_and_scope_headers(pdf) -> None:
    """Each Note its /ID (PDF/UA-1 7.9), each table header cell its /Scope: a header of the table's
    head (THead) heads a column, any other a row."""
    import pydyf

    def at(reference):
        return pdf.objects[int(reference.split()[0])] if isinstance(reference, bytes) else reference

    notes = 0
    for element in pdf.objects:
        if not isinstance(element, pydyf.Dictionary) or element.get("Type") != "/StructElem":
            continue
        if element.get("S") == "/Note" and "ID" not in element:
            notes += 1
            element["ID"] = pydyf.String(f"note-{notes}")
        elif element.get("S") == "/TH":
            row = at(element["P"])
            group = at(row["P"]) if "P" in row else None
            scope = "/Column" if group is not None and group.get("S") == "/THead" else "/Row"
            element["A"] = pydyf.Dictionary({"O": "/Table", "Scope": scope})


def stable_ids(pdf) -> None:
    """WeasyPrint names some structure elements (/ID: table header cells) by a Python object's
    address, which differs from run to run: they are renamed in the order the structure holds
    them, and the cells' /Headers that point to them with them, so that two builds of the same
    edition give the same bytes."""
    from collections import deque

    import pydyf

    def text(name) -> str:
        return name.string if isinstance(name, pydyf.String) else str(name)

    names: dict[str, str] = {}
    seen: set[int] = set()
    pending = deque(pdf.objects)
    while pending:
        value = pending.popleft()
        if id(value) in seen:
            continue
        seen.add(id(value))
        if isinstance(value, pydyf.Dictionary):
            if value.get("Type") == "/StructElem" and "ID" in value:
                value["ID"] = pydyf.String(names.setdefault(text(value["ID"]), f"se{len(names) + 1}"))
            if "Headers" in value:
                value["Headers"] = pydyf.Array([pydyf.String(names.setdefault(text(header), f"se{len(names) + 1}"))
                                                for header in value["Headers"]])
            pending.extend(value.values())
        elif isinstance(value, (pydyf.Array, list)):
            pending.extend(value)


def describe_links(document) -> None:
    """The links' descriptions from their titles. A part of a link drawn by CSS (the page
    number after a reference) has no element of its own: it takes the title of a link to the
    same place. A link without a title is described by its words, not by WeasyPrint's default,
    the id it leads to ("wcda_134554", review M-low)."""
    import pydyf

    links = [(target, box) for page in document.pages for _type, target, _rectangle, box in page.links]
    titles: dict[str, str] = {}
    for target, box in links:
        if box.element is not None and box.element.get("title"):
            titles.setdefault(target, box.element.get("title"))
    for target, box in links:
        annotation = getattr(box, "link_annotation", None)
        words = " ".join("".join(box.element.itertext()).split()) if box.element is not None else ""
        title = (box.element.get("title") if box.element is not None else None) or titles.get(target) or words
        if annotation is not None and title:
            annotation["Contents"] = pydyf.String(title)


def paginate_margins(pdf) -> None:
    """The content of the page margins (running heads, folios) as /Artifact /Pagination: its
    structure elements are those that name the document element their parent but that it does
    not hold; their marked content is re-marked, and their entries in the parent tree cleared."""
    import pydyf

    def at(reference):
        return pdf.objects[int(reference.split()[0])] if isinstance(reference, bytes) else reference

    elements = [o for o in pdf.objects if isinstance(o, pydyf.Dictionary) and o.get("Type") == "/StructElem"]
    document = next((e for e in elements if e.get("S") == "/Document"), None)
    if document is None:
        return
    held = {bytes(k) for k in document["K"]}
    loose = [e for e in elements if e.get("P") == document.reference and e.reference not in held]
    marked: dict[bytes, set[int]] = {}  # page reference: MCIDs of margin content
    while loose:
        element = loose.pop()
        for kid in element.get("K") or []:
            if isinstance(kid, int):
                marked.setdefault(bytes(element["Pg"]), set()).add(kid)
            else:
                loose.append(at(kid))
    if not marked:
        return
    number_of = {page.reference: n for n, page in enumerate(o for o in pdf.objects if isinstance(o, pydyf.Dictionary) and o.get("Type") == "/Page")}
    parents = at(at(pdf.catalog["StructTreeRoot"])["ParentTree"])["Nums"]
    for page_reference, mcids in marked.items():
        page = at(page_reference)
        stream = at(page["Contents"])
        tokens = stream.stream
        for i, token in enumerate(tokens):
            if isinstance(token, pydyf.Dictionary) and token.get("MCID") in mcids and i + 1 < len(tokens) and tokens[i + 1] == b"BDC":
                tokens[i - 1] = "/Artifact"
                tokens[i] = pydyf.Dictionary({"Type": "/Pagination"})
        mapping = parents[2 * number_of[page_reference] + 1]
        for mcid in mcids:
            if mcid < len(mapping):
                mapping[mcid] = b"null"
