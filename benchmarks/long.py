"""A long document for the benchmarks: the edition with one document grown to `n` notes.

    uv run python -m benchmarks.long N DEST

copies the edition (tei/) to DEST and adds to the telegram of `kgb-message.xml`, before its
closing formula, `n` paragraphs, each with one editors' note; every tenth paragraph also has
a correction (`choice`) with a textual note, every fiftieth a page break (every other one
unnumbered), every hundredth a note of the source. The other four documents stay as they are. The stylesheets once scanned
the whole document for every note (quadratic: 10,000 notes took 241 s); this edition is how
the benchmark shows they no longer do."""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tei"
DOCUMENT = "texts/kgb-message.xml"
#: The paragraphs go before this element (the telegram's closing formula).
BEFORE = '<p xml:id="p-message-report-execution">'


def paragraph(i: int) -> str:
    """The `i`-th added paragraph (from 1), with its notes."""
    parts = [f'<p xml:id="p-message-long{i}">Paragraph {i} of the long telegram, with a note'
             f'<note type="editorial" xml:id="n-message-long{i}" resp="edn:ed">Editors\' note {i}.</note> in its middle']
    if i % 10 == 0:
        parts.append(f', a <choice><sic>corection</sic><corr resp="edn:ed" cert="high">correction</corr></choice>'
                     f'<note type="textual" xml:id="n-message-long{i}-corr" resp="edn:ed">Corrected from "corection".</note>')
    if i % 50 == 0:  # numbered by the source, or (every other one) by its place among the breaks
        parts.append(f', a page break<pb n="L{i}"/>' if i % 100 else ', a page break<pb/>')
    if i % 100 == 0:
        parts.append(f', and a note of the source<note type="authorial" place="bottom" n="{i // 100}" resp="psn:bahar_irani" xml:id="n-message-long{i}-source">The source\'s note {i // 100}.</note>')
    return "".join(parts) + ".</p>\n        "


def generate(n: int, dest: Path, source: Path = SOURCE) -> Path:
    """Write the edition with `n` notes added to one document into `dest` (must not exist)."""
    dest = Path(dest)
    shutil.copytree(source, dest)
    path = dest / DOCUMENT
    text = path.read_text(encoding="utf-8")
    if BEFORE not in text:
        raise ValueError(f"{DOCUMENT} has no {BEFORE!r} to add paragraphs before")
    path.write_text(text.replace(BEFORE, "".join(paragraph(i) for i in range(1, n + 1)) + BEFORE, 1), encoding="utf-8")
    return dest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.long",
                                     description="Write the edition with one document grown to N notes.")
    parser.add_argument("n", type=int, metavar="N", help="how many paragraphs, each with a note")
    parser.add_argument("dest", type=Path, metavar="DEST", help="the new edition folder (must not exist)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        generate(args.n, args.dest)
    except (FileExistsError, ValueError, OSError) as err:
        print(f"benchmarks.long: {err}", file=sys.stderr)
        return 2
    print(f"{args.n} notes written to {args.dest} in {time.perf_counter() - started:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
