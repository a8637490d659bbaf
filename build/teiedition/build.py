"""Build the edition: discover → validate → transform → render → write.

Everything is gathered in memory first; the output folder is touched only at the end, in
one step, so that a failure at any stage leaves the previous output as it was."""

from __future__ import annotations

import os
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from typing import TYPE_CHECKING, Any

from .edition import Edition, discover, find_root
from .exceptions import ValidationFailed
from .problems import ERROR, WARNING, Problem, display_path
from .progress import Progress
from .publish import guard, output_lock
from .resources import own_templates, resource, template_folders
from .state import State, fingerprint, manifest

if TYPE_CHECKING:
    from .site import SiteConfig
    from .transform import Saxon

# The stages' modules (Jinja, Saxon, WeasyPrint, Pagefind…) are imported where they run: an
# edition that has not changed is answered before any of them would have loaded.


@dataclass
class BuildReport:
    """What a build made and what it warned about."""

    documents: int = 0
    pages: int = 0
    warnings: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    pdfs: int = 0

    unchanged: bool = False
    pdfs_kept: bool = False

    def __str__(self) -> str:
        lines = [str(w) for w in sorted(self.warnings)]
        verb = "Nothing changed since the last build of" if self.unchanged else "Built"
        kept = " (the book unchanged: kept)" if self.pdfs_kept and not self.unchanged else ""
        lines.append(
            f"{verb} {self.documents} documents, {self.pages} pages, {self.pdfs} PDFs{kept}, "
            f"{len(self.warnings)} warning{'s' * (len(self.warnings) != 1)} in {self.seconds:.2f} s."
        )
        return "\n".join(lines)

    def record(self) -> dict:
        """What the next build repeats when nothing has changed."""
        return {"documents": self.documents, "pages": self.pages, "pdfs": self.pdfs,
                "warnings": [vars(w) for w in self.warnings]}

    @classmethod
    def from_record(cls, record: dict, seconds: float, unchanged: bool) -> "BuildReport":
        return cls(record["documents"], record["pages"], [Problem(**w) for w in record["warnings"]], seconds,
                   record["pdfs"], unchanged)


#: Rules reported once per message however often they fire: an element without a rendering
#: of its own is worth one line, not one per occurrence.
ONCE_PER_MESSAGE = {"xslt-unhandled-element"}


def distinct(warnings: list[Problem]) -> list[Problem]:
    """The warnings without repeats (the web, print and EPUB stylesheets may each say the
    same thing), in order of place."""
    seen: set[tuple] = set()
    kept = []
    for warning in sorted(warnings):
        key = (warning.rule, warning.message) if warning.rule in ONCE_PER_MESSAGE else warning
        if key not in seen:
            seen.add(key)
            kept.append(warning)
    return kept


def build_date() -> str:
    """The build date: from SOURCE_DATE_EPOCH when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch and epoch.isdigit() else datetime.now(timezone.utc)
    return moment.date().isoformat()


def site_name(edition: Edition) -> str:
    """The file a problem of the whole edition is reported against: its front matter, or the
    edition's folder when it has none (a foreign corpus)."""
    front = edition.root / "edition.xml"
    return display_path(front if front.is_file() else edition.root)


def html_site(saxon: Saxon, config: SiteConfig, progress: Progress, ebook: Any, pool: Any, shared: Any, out: Path) -> tuple[dict[str, bytes], int, list[Problem]]:
    """The HTML edition as files in memory: pages, assets and downloads (but the PDFs); the
    EPUB comes from `ebook`, a worker's job; a large edition's document pages are
    shared with the jobs of `pool` (parallel.py), given `shared` (the edition as Saxon read it);
    the cut fonts are kept in the cache of `out` (webfonts.py)."""
    from . import exports, site, webfonts
    from .parallel import chunks, document_pages
    from .search import search_index

    edition = saxon.edition
    with progress.stage("transform"):
        stylesheet = saxon.compile(resource("xslt") / "html" / "edition.xsl")
        info = stylesheet.call("edition")
        listed = stylesheet.call("pages")
    with progress.stage("transform", total=len(listed)):
        # the pool's jobs take all but the first share of the documents, this process the rest
        shares = chunks([page["id"] for page in listed if page["kind"] == "document"], pool.size)
        jobs = [(share, pool.submit(document_pages, shared, share)) for share in shares[1:]]
        given = {ident for share, _ in jobs for ident in share}
        made: dict[str, dict] = {}
        texts: dict[str, str] = {}
        warnings = []
        for batch in batches([page["id"] for page in listed if page["id"] not in given]):
            made.update(zip(batch, stylesheet.call("page", page=" ".join(batch))))
            progress.step(len(batch))
        for share, job in jobs:
            pages_made, texts_made, said = job.get()
            made.update(zip(share, pages_made))
            texts.update(zip(share, texts_made))
            warnings += said
            progress.step(len(share))
        pages = [made[page["id"]] for page in listed]
        if edition.schema_dir:  # a foreign corpus has no encoding guidelines of ours to show
            schema = edition.schema_dir.resolve()
            pages.append(stylesheet.call("guidelines", relaxng=(schema / "edition.rng").as_uri(), schematron=(schema / "edition.sch").as_uri()))
        documents = [page for page in pages if page["kind"] == "document"]
        for batch in batches([page["id"] for page in documents if page["id"] not in given]):
            texts.update(zip(batch, stylesheet.call("text", page=" ".join(batch))))
        texts = {page["id"]: texts[page["id"]] for page in documents}  # in the edition's order
        registers = stylesheet.call("registers")
        corpus = stylesheet.call("corpus")["xml"]
    with progress.stage("transform (waiting)"):
        book_file, epub_warnings = ebook.get()
    with progress.stage("render"):
        themes = template_folders(edition.root)
        assets = site.assets([folder / "assets" for folder in themes if (folder / "assets").is_dir()])
        env = site.environment(themes, config.interface)
        env.globals["theme"] = "assets/theme.css" in assets
        files = site.render(env, info, pages, config)
        files.update(assets)
        files.update(webfonts.light_fonts(files, out))
        files.update(site.downloads(edition, documents, texts))
        files["downloads/edition.epub"] = book_file
        files.update(exports.registers(registers))
        files.update(exports.corpus(corpus, edition.schema_dir))
        indexed = {path: data for path, data in files.items() if path.endswith(".html") and path not in site.UNINDEXED}
        files.update(site.sitemap(list(indexed), config.base_url, config.build_date))
    if config.search:
        with progress.stage("search"):
            files.update(search_index(indexed, info["lang"]))
    return files, len(documents), stylesheet.messages() + warnings + epub_warnings


#: Pages rendered per call of the stylesheets: each call builds the edition's keys and
#: variables afresh, so one call per page made a large edition quadratic; a batch keeps
#: that cost small and the JSON of one call bounded.
BATCH = 200


def batches(items: list[str]) -> list[list[str]]:
    return [items[start:start + BATCH] for start in range(0, len(items), BATCH)]


def with_downloads(files: dict[str, bytes], pdfs: dict[str, bytes], date: str) -> dict[str, bytes]:
    """The site's files with the PDFs offered for download (the press PDF is for printers,
    not readers) and the zip of every download."""
    from .exports import bundle

    files = {**files, **{f"downloads/{name}": data for name, data in pdfs.items() if name != "edition-press.pdf"}}
    return {**files, **bundle(files, date)}


def book_data(saxon: Saxon, date: str) -> tuple[dict, list[Problem]]:
    """What the print stylesheets make of the edition (the book's HTML and the indices'
    entries), and what they warned about, the characters its fonts lack included."""
    stylesheet = saxon.compile(resource("xslt") / "print" / "edition.xsl")
    data = stylesheet.call("book", **{"build-date": date})
    fonts = resource("templates") / "print" / "fonts"
    return data, stylesheet.messages() + glyph_warnings(saxon.edition, data["html"], fonts)


def glyph_warnings(edition: Edition, html: str, fonts: Path) -> list[Problem]:
    """A warning when the book holds characters its fonts lack (they would print as boxes),
    placed at the first file and line that has one."""
    from lxml import html as lxml_html

    from .pdf import font_coverage, missing_glyphs

    missing = missing_glyphs(lxml_html.fromstring(html).text_content(), font_coverage(fonts))
    if not missing:
        return []
    sample = ", ".join(f"{ch} ({unicodedata.name(ch, f'U+{ord(ch):04X}')})" for ch in missing[:4])
    place = next(((source.name, number, column + 1) for source in edition.sources
                  for number, line in enumerate(source.text.decode("utf-8", "replace").splitlines(), 1)
                  for column, ch in enumerate(line) if ch in missing), (site_name(edition), 1, 1))
    return [Problem(*place, "print-missing-glyph", f"{len(missing)} characters have no glyph in the book's fonts and print as blank boxes, e.g. {sample} — add a font that has them to templates/print/fonts and book.css, or build with --no-pdf", WARNING)]


def build(tei: Path, out: Path, base_url: str | None = None, trim: str = "royal-octavo", pdf: bool = True,
          strict: bool = False, search: bool = True, language: str | None = None, labels: dict[str, str] | None = None,
          waiting: Callable[[str], None] = lambda message: None,
          progress: Progress | None = None, jobs: int | None = None, scheduler: str | None = None) -> BuildReport:
    """Validate the edition at `tei` and write it to `out`/html and, unless `pdf` is false,
    `out`/pdf; returns what was made. With `strict`, a warning stops the build before
    anything is written, as an error does. `jobs` worker processes (default: one per core)
    share the work, or a Dask cluster at `scheduler` the per-document work; the output is the
    same bytes either way. Nothing is redone when nothing it reads has
    changed since the last build of `out`; the book is laid out again only when its text has."""
    progress = progress or Progress(quiet=True)
    root = find_root(tei)
    guard(out, [root, resource("xslt"), resource("templates"), resource("locale")])
    with output_lock(out, waiting):
        options = {"base_url": base_url, "trim": trim, "pdf": pdf, "search": search, "language": language,
                   "labels": labels or {}, "date": build_date()}
        inputs = fingerprint([root, resource("xslt"), resource("templates"), resource("locale")], options)
        state, cache_warning = State.read(out)
        if state.unchanged(out, inputs):
            report = BuildReport.from_record(state.report, progress.elapsed(), unchanged=True)
            if strict and report.warnings:
                raise ValidationFailed(report.warnings, report.documents)
            return report
        report, state = fresh_build(root, out, base_url, trim, pdf, strict, progress, state,
                                    search=search, language=language, labels=labels or {},
                                    jobs=jobs, scheduler=scheduler)
        state.inputs = inputs
        state.outputs = {name: manifest(out / name) for name in (("html", "pdf") if pdf else ("html",))}
        report.warnings += [w for w in (cache_warning, state.save(out)) if w]
        return report


def fresh_build(root: Path, out: Path, base_url: str | None, trim: str, pdf: bool, strict: bool,
                progress: Progress, previous: State, search: bool = True, language: str | None = None,
                labels: dict[str, str] | None = None, jobs: int | None = None,
                scheduler: str | None = None) -> tuple[BuildReport, State]:
    """A build from the edition's files, reusing from `previous` only the PDFs of a book
    whose text has not changed; returns what it made and the state to keep."""
    from . import site
    from .edition import load
    from .i18n import Interface, language_of
    from .pdf import PrintConfig, Printing
    from .publish import publish
    from .transform import Saxon
    from .validation import Schemas, validate
    from .parallel import CHUNK, Cluster, Inline, default_jobs
    from .workers import Workers, ebook

    with progress.stage("load"):
        edition, problems = load(root)
    with progress.stage("validate"):
        problems += validate(edition, Schemas.load(edition.schema_dir))
        if any(p.severity == ERROR for p in problems):
            raise ValidationFailed(sorted(problems), len(discover(root)))
    date = build_date()
    interface = Interface(language_of(edition, language), labels)
    state = State(index_pages=previous.index_pages)
    # a worker costs a process's start and a parse of the edition: it pays for itself with a
    # book to lay out or many documents, not for the HTML of a few
    jobs = jobs or (default_jobs() if pdf or scheduler or len(edition.sources) >= 2 * CHUNK else 1)
    with Workers(jobs) if jobs > 1 else Inline() as workers, Cluster(scheduler) if scheduler else workers as pool:
        with progress.stage("transform"):
            saxon = Saxon(edition, interface.for_saxon(), keep_text=True)
            edition = saxon.edition  # the parsed trees are let go: Saxon holds the edition now
            corpus = pool.share(saxon.share())
            # the EPUB and the book take longest and need nothing from the web pages: the
            # machine's other cores make them while this process makes the pages
            epub = pool.submit(ebook, corpus, date, interface.language, labels or {})
            book, warnings = book_data(saxon, date) if pdf else ({}, [])
        own = own_templates(root)
        printing = Printing(book, PrintConfig(trim, date, str(own) if own else None, interface.language, labels or {}), out / "pdf", previous) if pdf else None
        if printing:
            printing.start(workers)
        config = site.SiteConfig(base_url=base_url, build_date=date, pdfs=printing.names if printing else (), search=search,
                                 interface=interface)
        if not base_url:
            problems.append(Problem(site_name(edition), 1, 1, "no-base-url", "the edition's public address is not known, so the citations, permalinks and sitemap.xml have relative addresses and pages no canonical link — set base_url in edition.toml (or give --base-url URL) when building for publication", WARNING))
        files, documents, html_warnings = html_site(saxon, config, progress, epub, pool, corpus, out)
        warnings = distinct(warnings + html_warnings)
        if strict and problems + warnings:
            raise ValidationFailed(sorted(problems + warnings), len(edition.sources))
        pdfs = {}
        if printing and not printing.reused and printing.previous:
            # the book must be laid out again: the pages go out first, whole, offering the last
            # build's PDFs until the new ones replace them (an editor waits for pages, not books)
            with progress.stage("write"):
                publish({out / "html": with_downloads(files, printing.previous, date)})
            progress.record("html-ready", progress.elapsed())
        if printing:
            with progress.stage("pdf (waiting)"):
                pdfs, state.index_pages = printing.result()
            state.book = printing.key
    with progress.stage("write"):
        files = with_downloads(files, pdfs, date)
        publish({out / "html": files, **({out / "pdf": pdfs} if pdf else {})})
    report = BuildReport(documents, sum(name.endswith(".html") for name in files), problems + warnings,
                         progress.elapsed(), len(pdfs), pdfs_kept=bool(printing and printing.reused))
    state.report = report.record()
    return report, state
