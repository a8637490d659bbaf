"""Package the edition as an EPUB 3: the chapters the EPUB stylesheets make (the web pages'
XHTML, notes as EPUB footnotes), a title page with the table of contents, the package
document, a stylesheet and the edition's fonts, zipped as the EPUB container requires.

The same edition and date give the same bytes: fixed timestamps, a fixed order."""

from __future__ import annotations

import io
import uuid
import zipfile
from collections.abc import Callable
from html import escape

from .resources import resource

XHTML_NS = "http://www.w3.org/1999/xhtml"
OPS_NS = "http://www.idpf.org/2007/ops"
#: The namespace of the edition's identifiers: the same title gives the same dc:identifier.
IDENTIFIERS = uuid.uuid5(uuid.NAMESPACE_URL, "https://teiedition.org/ns/epub")

CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""


def epub(data: dict, css: bytes, date: str, text: Callable[[str], str] = str) -> bytes:
    """The EPUB of the edition `data` describes (te:epub of xslt/epub/edition.xsl), with the
    stylesheet `css`, modified on `date` (YYYY-MM-DD); `text` gives the interface's wording
    of a label (i18n.Interface.gettext)."""
    fonts = sorted((resource("templates") / "assets" / "fonts").glob("edition-serif*.woff2"))
    chapters = data["chapters"]
    files = {
        "META-INF/container.xml": CONTAINER.encode("utf-8"),
        "OEBPS/content.opf": package(data, [f"fonts/{font.name}" for font in fonts], date),
        "OEBPS/nav.xhtml": navigation(data, text),
        "OEBPS/epub.css": css,
        **{f"OEBPS/fonts/{font.name}": font.read_bytes() for font in fonts},
        **{f"OEBPS/{chapter['path']}": content_document(chapter["title"], chapter["lang"], chapter["body"]) for chapter in chapters},
    }
    return zipped(files, date)


def content_document(title: str, lang: str, body: str) -> bytes:
    """An XHTML content document: `body` (serialised XHTML, declaring the namespaces it uses)
    with the head every chapter shares."""
    lang = escape(lang)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
        f'<html xmlns="{XHTML_NS}" lang="{lang}" xml:lang="{lang}">\n'
        f'<head>\n<meta charset="utf-8"/>\n<title>{escape(title)}</title>\n'
        '<link rel="stylesheet" type="text/css" href="epub.css"/>\n</head>\n'
        f"{body}\n</html>\n"
    ).encode("utf-8")


def navigation(data: dict, text: Callable[[str], str] = str) -> bytes:
    """The navigation document, which is also the title page: the edition's title, editors and
    version, the table of contents, and the landmarks reading systems jump to."""
    chapters = data["chapters"]
    first = next((c for c in chapters if c["kind"] == "document"), chapters[0])
    entries = "".join(f'<li><a href="{escape(c["path"])}">{escape(c["title"])}</a></li>\n' for c in chapters)
    subtitle = f'<p class="subtitle">{escape(data["subtitle"])}</p>\n' if data["subtitle"] else ""
    version = data["version"] + (f" of {data['date']}" if data["date"] else "")
    body = f"""<body xmlns:epub="{OPS_NS}" epub:type="frontmatter">
<section class="title-page" epub:type="titlepage">
<h1>{escape(data['title'])}</h1>
{subtitle}<p class="editors">{escape(text("Edited by"))} {escape(', '.join(data['editors_in_sentence']))}</p>
<p class="imprint">Version {escape(version)}. {escape(data['licence_label'])}</p>
</section>
<nav epub:type="toc" role="doc-toc" id="toc" aria-labelledby="toc-heading">
<h2 id="toc-heading">{escape(text("Contents"))}</h2>
<ol>
{entries}</ol>
</nav>
<nav epub:type="landmarks" aria-labelledby="landmarks-heading" hidden="hidden">
<h2 id="landmarks-heading">{escape(text("Landmarks"))}</h2>
<ol>
<li><a epub:type="toc" href="#toc">{escape(text("Contents"))}</a></li>
<li><a epub:type="bodymatter" href="{escape(first['path'])}">{escape(first['title'])}</a></li>
</ol>
</nav>
</body>"""
    return content_document(data["title"], data["lang"], body)


def package(data: dict, fonts: list[str], date: str) -> bytes:
    """The package document: metadata, every file of the EPUB, and the reading order."""
    identifier = uuid.uuid5(IDENTIFIERS, data["title"])
    creators = "".join(f"    <dc:creator>{escape(editor)}</dc:creator>\n" for editor in data["editors"])
    # an empty Dublin Core element is an error: what the edition does not say is left out
    optional = "".join(f"    <dc:{name}>{escape(data[key])}</dc:{name}>\n" for name, key in (("date", "date"), ("rights", "licence_label")) if data[key])
    chapters = [(f"chapter-{c['id']}", c["path"]) for c in data["chapters"]]
    items = "".join(
        f'    <item id="{ident}" href="{escape(href)}" media-type="application/xhtml+xml"/>\n' for ident, href in chapters
    ) + "".join(f'    <item id="font-{n}" href="{escape(href)}" media-type="font/woff2"/>\n' for n, href in enumerate(fonts, 1))
    spine = "".join(f'    <itemref idref="{ident}"/>\n' for ident, _ in chapters)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="{escape(data['lang'])}">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="uid">urn:uuid:{identifier}</dc:identifier>
    <dc:title>{escape(data['title'])}</dc:title>
{creators}    <dc:language>{escape(data['lang'])}</dc:language>
{optional}    <meta property="dcterms:modified">{date}T00:00:00Z</meta>
    <meta property="schema:accessMode">textual</meta>
    <meta property="schema:accessModeSufficient">textual</meta>
    <meta property="schema:accessibilityFeature">structuralNavigation</meta>
    <meta property="schema:accessibilityFeature">tableOfContents</meta>
    <meta property="schema:accessibilityHazard">none</meta>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
{items}    <item id="css" href="epub.css" media-type="text/css"/>
  </manifest>
  <spine>
    <itemref idref="nav"/>
{spine}  </spine>
</package>
""".encode("utf-8")


def zipped(files: dict[str, bytes], date: str) -> bytes:
    """The EPUB container: `mimetype` first and stored, then every file in name order, each
    stamped with `date`, so that the bytes depend on the contents alone."""
    stamp = (*(int(part) for part in date.split("-")), 0, 0, 0)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in [("mimetype", b"application/epub+zip"), *sorted(files.items())]:
            info = zipfile.ZipInfo(name, date_time=stamp)
            # WOFF2 is compressed already: deflating it again only makes it larger
            info.compress_type = zipfile.ZIP_STORED if name == "mimetype" or name.endswith(".woff2") else zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, wherever it is built
            info.external_attr = 0o644 << 16
            archive.writestr(info, content)
    return buffer.getvalue()
