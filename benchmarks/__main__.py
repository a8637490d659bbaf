"""The benchmarks of the edition's tools: `uv run python -m benchmarks [--runs 5]
[--big-runs 3] [--sizes 100,1000,5000] [--timeout 900] [--quick]`.

Measures, each as the median of its runs with the spread (min–max), wall time and the peak
memory of the command line run as a child process:

- `edition validate tei`;
- a cold full build (HTML + PDF) of a copy of the edition into a fresh folder, with the
  stages the build prints under --profile (once it has the option);
- a rebuild into the same folder with nothing changed;
- a rebuild after one paragraph of one document changed, full and HTML only;
- HTML-only builds of synthetic corpora (benchmarks.corpus) of the sizes given;
- HTML-only builds of the edition with one document grown to N notes (benchmarks.long):
  the stylesheets must be linear in a document's length;
- with --peer, the classic pipeline (../shared/peer/run.sh: the TEI Consortium's stylesheets on
  Saxon-HE, XSL-FO through Apache FOP) and our cold full build, alternating, on the same five
  texts (../shared/peer/seeds-tei), and the ratio of their medians;
- the weight of every page of the cold build (HTML + linked CSS + JS) and of every PDF.

Prints a table and writes everything to output/bench/results.json."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

from . import corpus, long, weight
from .measure import CLI, PEER_LINE, ROOT, Figure, build_options, code_fingerprint, run

TEI = ROOT / "tei"
RESULTS = ROOT / "output" / "bench" / "results.json"
KB = 1000  # page weights in kB of 1,000 bytes
MIB = 1024  # ru_maxrss is in KiB

#: The targets of issue 7, by figure: (what is compared, limit, unit).
TARGETS = {
    "validate": ("seconds", 0.5, "s"),
    "cold build": ("seconds", 5.0, "s"),
    "no-change rebuild": ("seconds", 0.5, "s"),
    "one-paragraph rebuild (HTML only)": ("seconds", 1.5, "s"),
}
CORPUS_TARGET = (1000, 40.0, 1024 * 1024)  # documents, seconds, peak RSS KiB (1 GiB)
GROWTH_TARGET = 5.5  # time(5000) / time(1000)
PAGE_TARGET = 150 * KB  # document page + CSS + JS, bytes
#: The classic pipeline and the texts it is given (the seeds wrapped in TEI; on our own rich
#: encoding its FO is rejected by FOP for most files).
PEER = ROOT.parent / "shared" / "peer"
#: Our cold full build over the classic pipeline's time: the target, and parity, the first milestone.
PEER_TARGET, PEER_PARITY = 0.5, 1.0
#: One document of this many notes builds (HTML only) in less than this many seconds.
LONG_TARGET = (10_000, 5.0)
#: A corpus build slower than this is not repeated, so that the benchmark ends in reasonable time.
ONCE = 300.0


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# ----------------------------------------------------------------------------------------------
# What is measured


def edit_paragraph(edition: Path, mark: str) -> str:
    """Change one paragraph of one document of `edition`, in place: a word added at the start
    of the first paragraph of the first document's body that starts with text. Only those
    bytes of the file change. Returns the paragraph's id."""
    path = min((edition / "texts").glob("*.xml"))
    data = path.read_bytes()
    tree = etree.fromstring(data)
    ns = {"t": corpus.TEI_NS}
    paragraph = next(p for p in tree.xpath(".//t:body//t:p[@xml:id]", namespaces=ns) if (p.text or "").strip())
    ident = paragraph.get(corpus.XML_ID)
    start = re.compile(rb'<p\b[^>]*\bxml:id="%s"[^>]*>' % re.escape(ident.encode()))
    match = start.search(data)
    path.write_bytes(data[:match.end()] + f"{mark} ".encode() + data[match.end():])
    return f"{path.name}#{ident}"


def build_args(tei: Path, out: Path, extra: list[str], pdf: bool = True) -> list[str]:
    return ["build", "--tei", str(tei), "--out", str(out), *([] if pdf else ["--no-pdf"]), *extra]


def measure_edition(runs: int, extra: list[str], work: Path, timeout: float) -> tuple[list[Figure], Path | None]:
    """validate, then per run: a cold build, a rebuild with nothing changed, a rebuild after
    one paragraph changed (full) and after another change (HTML only). Returns the figures and
    the output folder of the first cold build (for the page weights)."""
    validate = Figure("validate", [], "edition validate tei")
    for r in range(runs):
        log(f"validate, run {r + 1}/{runs}")
        validate.runs.append(run(["validate", str(TEI)], timeout))

    cold = Figure("cold build", [], "edition build, HTML + PDF, into a fresh folder")
    again = Figure("no-change rebuild", [], "the same build again into the same folder, nothing changed")
    changed = Figure("one-paragraph rebuild", [], "after one word added to one paragraph, HTML + PDF")
    changed_html = Figure("one-paragraph rebuild (HTML only)", [], "after one more word added, --no-pdf: the HTML ready")
    kept = None
    for r in range(runs):
        folder = work / f"edition-{r}"
        tei, out = folder / "tei", folder / "out"
        shutil.copytree(TEI, tei)
        log(f"cold build, run {r + 1}/{runs}")
        cold.runs.append(run(build_args(tei, out, extra), timeout))
        if not cold.runs[-1].ok:
            log(f"  failed: {cold.runs[-1].error}")
            shutil.rmtree(folder)
            continue
        if kept is None:  # the page weights are those of a cold build: keep a copy of it
            kept = work / "cold"
            shutil.copytree(out, kept)
        log(f"no-change rebuild, run {r + 1}/{runs}")
        again.runs.append(run(build_args(tei, out, extra), timeout))
        where = edit_paragraph(tei, f"Amended{r}a")
        changed.note = f"after one word added to one paragraph ({where}), HTML + PDF"
        log(f"one-paragraph rebuild, run {r + 1}/{runs}")
        changed.runs.append(run(build_args(tei, out, extra), timeout))
        edit_paragraph(tei, f"Amended{r}b")
        log(f"one-paragraph rebuild, HTML only, run {r + 1}/{runs}")
        changed_html.runs.append(run(build_args(tei, out, extra, pdf=False), timeout))
        shutil.rmtree(folder)
    return [validate, cold, again, changed, changed_html], kept


def measure_corpora(sizes: list[int], runs: int, extra: list[str], work: Path, timeout: float, seed: int) -> list[dict]:
    """HTML-only builds of synthetic corpora: each generated once (outside the timing), then
    built `runs` times into fresh folders. A size whose build times out stops the larger ones."""
    results = []
    stopped = ""
    for size in sizes:
        if stopped:
            results.append({"documents": size, "skipped": stopped})
            log(f"corpus of {size}: skipped ({stopped})")
            continue
        source = work / f"corpus-{size}"
        log(f"generating a corpus of {size} documents")
        started = time.perf_counter()
        corpus.generate(size, source, seed=seed)
        generated = time.perf_counter() - started
        figure = Figure(f"HTML build, {size} documents", [], f"edition build --no-pdf of a synthetic corpus of {size}")
        for r in range(runs):
            out = work / f"corpus-{size}-out"
            log(f"HTML build of {size} documents, run {r + 1}/{runs}")
            figure.runs.append(run(build_args(source, out, extra, pdf=False), timeout))
            shutil.rmtree(out, ignore_errors=True)
            if not figure.runs[-1].ok:
                log(f"  failed: {figure.runs[-1].error}")
                break
            if figure.runs[-1].seconds > ONCE and r + 1 < runs:
                figure.note += f"; run once: the first run took over {ONCE:.0f} s"
                log(f"  took over {ONCE:.0f} s: not repeated")
                break
        if any(r.timed_out for r in figure.runs):
            stopped = f"the corpus of {size} timed out after {timeout:.0f} s"
        elif not figure.good:
            stopped = f"the corpus of {size} failed"
        median = figure.median()
        results.append({
            "documents": size,
            "generate_seconds": generated,
            "documents_per_second": size / median if median else None,
            **figure.as_json(),
        })
        shutil.rmtree(source, ignore_errors=True)
    return results


def measure_long(notes: list[int], runs: int, extra: list[str], work: Path, timeout: float) -> list[dict]:
    """HTML-only builds of the edition with one document of `n` notes (benchmarks.long), for
    each `n`: the time must grow in proportion to the notes (it grew with their square)."""
    results = []
    for n in notes:
        source = work / f"long-{n}"
        long.generate(n, source)
        figure = Figure(f"HTML build, one document of {n} notes", [], f"edition build --no-pdf of the edition with {n} notes in one document")
        for r in range(runs):
            out = work / f"long-{n}-out"
            log(f"HTML build of a document of {n} notes, run {r + 1}/{runs}")
            figure.runs.append(run(build_args(source, out, extra, pdf=False), timeout))
            shutil.rmtree(out, ignore_errors=True)
            if not figure.runs[-1].ok:
                log(f"  failed: {figure.runs[-1].error}")
                break
        results.append({"notes": n, **figure.as_json()})
        shutil.rmtree(source, ignore_errors=True)
    return results


def measure_peer(runs: int, extra: list[str], work: Path, timeout: float) -> dict:
    """Our cold full build (HTML, search, EPUB, every PDF) and the classic pipeline on the same
    texts, run alternately so that both see the same load; the ratio of the medians."""
    script = PEER / "run.sh"
    if not script.is_file():
        return {"error": f"{script} not found (../shared is not beside the project)"}
    ours = Figure("cold build (for the peer)", [], "edition build, HTML + PDF, into a fresh folder")
    peer = Figure("classic pipeline", [], f"{script} {PEER / 'seeds-tei'} OUT: TEI Stylesheets on Saxon-HE, FO with FOP")
    for r in range(runs):
        folder = work / f"peer-{r}"
        shutil.copytree(TEI, folder / "tei")
        log(f"cold build (for the peer), run {r + 1}/{runs}")
        ours.runs.append(run(build_args(folder / "tei", folder / "out", extra), timeout))
        log(f"classic pipeline, run {r + 1}/{runs}")
        peer.runs.append(run([str(PEER / "seeds-tei"), str(folder / "peer")], timeout, program=["bash", str(script)], pattern=PEER_LINE))
        for figure in (ours, peer):
            if not figure.runs[-1].ok:
                log(f"  {figure.name} failed: {figure.runs[-1].error}")
        shutil.rmtree(folder, ignore_errors=True)
    ratio = ours.median() / peer.median() if ours.median() and peer.median() else None
    return {"ours": ours.as_json(), "peer": peer.as_json(), "ratio": ratio}


def measure_weight(site_out: Path | None) -> dict:
    if site_out is None:
        return {"error": "no cold build to weigh"}
    documents = {p.stem for p in (TEI / "texts").glob("*.xml")}
    pages = weight.pages(site_out / "html")
    document_pages = [p for p in pages if p.path.removesuffix(".html") in documents]
    return {
        "largest_document_page": document_pages[0].as_json() if document_pages else None,
        "largest_page": pages[0].as_json() if pages else None,
        "pages": [p.as_json() for p in pages],
        "pdfs": weight.pdfs(site_out / "pdf"),
    }


# ----------------------------------------------------------------------------------------------
# The report


def seconds(value: float | None, unit: bool = True) -> str:
    if value is None:
        return "—"
    return (f"{value:.2f}" if value < 100 else f"{value:.0f}") + (" s" if unit else "")


def spread(figure: dict) -> str:
    if figure["seconds_min"] is None:
        return figure["error"] or "—"
    return f"{seconds(figure['seconds_min'], False)}–{seconds(figure['seconds_max'])}"


def mib(kib: float | None) -> str:
    return "—" if kib is None else f"{kib / MIB:.0f} MiB"


def verdict(value: float | None, limit: float, lower_is_better: bool = True) -> str:
    if value is None:
        return "?"
    return "ok" if (value < limit if lower_is_better else value > limit) else "MISSED"


def table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(str(row[c])) for row in [header, *rows]) for c in range(len(header))]
    def line(row: list[str]) -> str:
        return "  ".join(str(cell).ljust(w) for cell, w in zip(row, widths)).rstrip()

    return "\n".join([line(header), "  ".join("-" * w for w in widths), *map(line, rows)])


def stage_text(stages: dict[str, float]) -> str:
    return ", ".join(f"{name} {value:.2f}" for name, value in stages.items())


def report(results: dict) -> str:
    rows = []
    for figure in results["edition"]:
        target = TARGETS.get(figure["name"])
        aim = f"< {target[1]:g} s: {verdict(figure['seconds_median'], target[1])}" if target else ""
        rows.append([figure["name"], seconds(figure["seconds_median"]), spread(figure), mib(figure["peak_rss_kib_median"]),
                     f"{figure['ok_runs']}/{figure['runs']}", aim, stage_text(figure["stages_median"])])
    corpora = {c["documents"]: c for c in results["corpora"]}
    for size, c in corpora.items():
        if "skipped" in c:
            rows.append([f"HTML build, {size} documents", "—", f"skipped: {c['skipped']}", "—", "0/0", "", ""])
            continue
        rate = f"{c['documents_per_second']:.1f} docs/s" if c["documents_per_second"] else ""
        median, peak = seconds(c["seconds_median"]), mib(c["peak_rss_kib_median"])
        killed = c["seconds_median"] is None and any(r["timed_out"] for r in c["each"])
        if killed:  # it took at least this long, and needed at least this much memory
            median = f"> {seconds(max(r['seconds'] for r in c['each']))}"
            peak = f"≥ {mib(c['peak_rss_kib_failed'])}"
        aim = ""
        if size == CORPUS_TARGET[0]:
            aim = (f"< {CORPUS_TARGET[1]:g} s: {'MISSED' if killed else verdict(c['seconds_median'], CORPUS_TARGET[1])}, "
                   f"< 1 GiB: {verdict(c['peak_rss_kib_median'], CORPUS_TARGET[2])}")
        rows.append([f"HTML build, {size} documents", median, spread(c), peak, f"{c['ok_runs']}/{c['runs']}",
                     ", ".join(filter(None, [rate, aim])), stage_text(c["stages_median"])])
    compared = results.get("peer") or {}
    for key in ("ours", "peer"):
        if key in compared:
            figure = compared[key]
            cpu = f"CPU {seconds(figure['cpu_seconds_median'])}" if figure.get("cpu_seconds_median") else ""
            rows.append([figure["name"], seconds(figure["seconds_median"]), spread(figure), mib(figure["peak_rss_kib_median"]),
                         f"{figure['ok_runs']}/{figure['runs']}", cpu, stage_text(figure["stages_median"])])
    for figure in results.get("long", []):
        aim = ""
        if figure["notes"] == LONG_TARGET[0]:
            aim = f"< {LONG_TARGET[1]:g} s: {verdict(figure['seconds_median'], LONG_TARGET[1])}"
        cpu = f"CPU {seconds(figure['cpu_seconds_median'])}" if figure.get("cpu_seconds_median") else ""
        rows.append([figure["name"], seconds(figure["seconds_median"]), spread(figure), mib(figure["peak_rss_kib_median"]),
                     f"{figure['ok_runs']}/{figure['runs']}", ", ".join(filter(None, [cpu, aim])), stage_text(figure["stages_median"])])
    text = [table(rows, ["measure", "median", "spread (min–max)", "peak RSS", "runs", "target", "stages (median s)"])]

    if compared.get("ratio"):
        text.append("")
        text.append(f"cold full build / classic pipeline: × {compared['ratio']:.2f} (target ≤ {PEER_TARGET:g}: "
                    f"{verdict(compared['ratio'], PEER_TARGET + 1e-9)}; parity ≤ {PEER_PARITY:g}: {verdict(compared['ratio'], PEER_PARITY + 1e-9)})")
    elif compared.get("error"):
        text.append(f"classic pipeline: {compared['error']}")
    growth = results.get("growth")
    if not growth and {1000, 5000} <= set(corpora):
        text.append("")
        text.append("growth 1,000 → 5,000 documents: not measured (a build failed, timed out or was skipped)")
    if growth:
        text.append("")
        text.append(f"growth 1,000 → 5,000 documents: time × {growth['time_ratio']:.2f} "
                    f"(target ≤ {GROWTH_TARGET:g}: {verdict(growth['time_ratio'], GROWTH_TARGET + 1e-9)}), "
                    f"peak memory × {growth['rss_ratio']:.2f}")
    w = results["weight"]
    if w.get("largest_document_page"):
        page = w["largest_document_page"]
        text.append("")
        text.append(f"largest document page: {page['path']}: {page['html_bytes'] / KB:.0f} kB HTML + "
                    f"{page['css_bytes'] / KB:.0f} kB CSS + {page['js_bytes'] / KB:.0f} kB JS = "
                    f"{page['total_bytes'] / KB:.0f} kB ({page['gzip_bytes'] / KB:.0f} kB gzipped) "
                    f"(target < {PAGE_TARGET / KB:.0f} kB: {verdict(page['total_bytes'], PAGE_TARGET)})")
        heaviest = w["largest_page"]
        if heaviest["path"] != page["path"]:
            text.append(f"largest page: {heaviest['path']}: {heaviest['total_bytes'] / KB:.0f} kB with CSS and JS")
        if w["pdfs"]:
            text.append("PDFs: " + ", ".join(f"{name} {size / KB:.0f} kB" for name, size in w["pdfs"].items()))
    elif w.get("error"):
        text.append(f"page weight: {w['error']}")
    return "\n".join(text)


def machine() -> dict:
    def read(command: list[str]) -> str:
        try:
            return subprocess.run(command, capture_output=True, text=True, timeout=10, check=False).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    model = next((line.split(":", 1)[1].strip() for line in read(["lscpu"]).splitlines()
                  if line.startswith("Model name")), platform.processor())
    return {
        "cpus": os.cpu_count(),
        "cpu": model,
        "memory": next((line.split()[1] for line in read(["free", "-h"]).splitlines() if line.startswith("Mem:")), ""),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "commit": read(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"]),
        "dirty": bool(read(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"])),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs of each small measurement (default 5)")
    parser.add_argument("--big-runs", type=int, default=3,
                        help=f"runs of each synthetic corpus build (default 3; a build over {ONCE:.0f} s is run once)")
    parser.add_argument("--sizes", default=None, help="sizes of the synthetic corpora (default 100,1000,5000; 100 with --quick)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds after which a build is stopped (default 900)")
    parser.add_argument("--notes", default=None, help="notes of the long documents (default 1000,10000; 1000 with --quick)")
    parser.add_argument("--seed", type=int, default=0, help="the synthetic corpora's seed (default 0)")
    parser.add_argument("--peer", action="store_true",
                        help="also run the classic pipeline (../shared/peer/run.sh; needs java, libsaxonhe-java and fop) against a cold build")
    parser.add_argument("--quick", action="store_true", help="a smoke test: 1 run of everything, corpus of 100 only")
    parser.add_argument("--out", type=Path, default=RESULTS, help=f"the JSON file (default {RESULTS.relative_to(ROOT)})")
    parser.add_argument("--skip", default="", help="comma-separated parts to leave out: edition, corpora, long")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.big_runs = 1, 1
    args.sizes = args.sizes or ("100" if args.quick else "100,1000,5000")
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    notes = [int(n) for n in (args.notes or ("1000" if args.quick else "1000,10000")).split(",") if n.strip()]
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}

    options = build_options()
    extra = [option for option in ("--profile", "--quiet") if option in options]
    if "--profile" not in options:
        log("edition build has no --profile yet: the stages column stays empty")
    started = time.perf_counter()
    results: dict = {
        "date": dt.date.today().isoformat(),
        "machine": machine(),
        "settings": {"runs": args.runs, "big_runs": args.big_runs, "sizes": sizes, "timeout": args.timeout,
                     "seed": args.seed, "notes": notes, "build_options": extra, "command": CLI},
        "load_average_before": os.getloadavg(),
        "code_before": code_fingerprint(),
    }
    work = Path(tempfile.mkdtemp(prefix="teiedition-bench-"))
    try:
        if "edition" in skip:
            figures, kept = [], None
        else:
            figures, kept = measure_edition(args.runs, extra, work, args.timeout)
        results["edition"] = [f.as_json() for f in figures]
        results["weight"] = measure_weight(kept)
        results["corpora"] = [] if "corpora" in skip else measure_corpora(sizes, args.big_runs, extra, work, args.timeout, args.seed)
        results["long"] = [] if "long" in skip else measure_long(notes, args.big_runs, extra, work, args.timeout)
        if args.peer:
            results["peer"] = measure_peer(args.runs, extra, work, args.timeout)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    by_size = {c["documents"]: c for c in results["corpora"] if c.get("seconds_median")}
    if 1000 in by_size and 5000 in by_size:
        results["growth"] = {
            "time_ratio": by_size[5000]["seconds_median"] / by_size[1000]["seconds_median"],
            "rss_ratio": by_size[5000]["peak_rss_kib_median"] / by_size[1000]["peak_rss_kib_median"],
        }
    results["load_average_after"] = os.getloadavg()
    results["code_after"] = code_fingerprint()
    results["code_changed_during_run"] = results["code_after"] != results["code_before"]
    results["benchmark_seconds"] = time.perf_counter() - started

    print(report(results))
    if results["code_changed_during_run"]:
        print(f"\nWARNING: teiedition's code changed while the benchmark ran ({results['code_before']['package']}): "
              "the figures mix versions — run it again on a tree nobody is editing")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nresults written to {args.out} (benchmark took {seconds(results['benchmark_seconds'])})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
