"""The book's layout alone, in this process (issue 15): the print stylesheets' data made once,
outside the timing, then every PDF of the book made from it `--runs` times, cold (no index
pages from an earlier build). Prints, for each run, the wall and CPU time, the pages of the
book, the milliseconds a page and how many times WeasyPrint laid out a document.

    uv run python -m benchmarks.book [--runs N] [--tei tei]"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def book_data(tei: Path) -> tuple[dict, object]:
    """The book's data (te:book) and its print settings, as a build makes them."""
    from teiedition.build import book_data as make, build_date
    from teiedition.edition import find_root, load
    from teiedition.i18n import Interface, language_of
    from teiedition.pdf import PrintConfig
    from teiedition.transform import Saxon

    edition, _ = load(find_root(tei))
    interface = Interface(language_of(edition, None), {})
    data, _ = make(Saxon(edition, interface.for_saxon()), build_date())
    return data, PrintConfig("royal-octavo", build_date(), None, interface.language, {})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tei", type=Path, default=ROOT / "tei")
    args = parser.parse_args()
    import weasyprint
    from teiedition import pdf

    data, config = book_data(args.tei)
    layouts = []
    original = weasyprint.HTML.render

    def counted(self, *a, **k):
        layouts.append(1)
        return original(self, *a, **k)

    weasyprint.HTML.render = counted
    walls, cpus = [], []
    for run in range(args.runs):
        layouts.clear()
        wall, cpu = time.perf_counter(), time.process_time()
        files, _ = pdf.lay_out(data, config)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        from pypdf import PdfReader
        import io

        pages = len(PdfReader(io.BytesIO(files["edition.pdf"])).pages)
        walls.append(wall)
        cpus.append(cpu)
        print(f"run {run + 1}: {wall:.2f} s wall, {cpu:.2f} s CPU, {pages} pages, {1000 * wall / pages:.0f} ms a page "
              f"({1000 * cpu / pages:.0f} CPU), {len(layouts)} layouts, load {os.getloadavg()[0]:.2f}")
    print(f"median: {statistics.median(walls):.2f} s wall, {statistics.median(cpus):.2f} s CPU")


if __name__ == "__main__":
    main()
