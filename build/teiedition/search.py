"""The search index: Pagefind, run over the rendered pages, its files returned for
publishing with the rest of the site (nothing is written into the output before the site is
whole), in the same order and bytes on every run."""

from __future__ import annotations

import hashlib
import json
import re
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path

from .exceptions import BuildError, EnvironmentProblem


#: What the pages hold that is not text a reader reads there: permalinks, back-references, the
#: view switch, the tooltips of interventions (their readings are in the text already), note
#: markers and their words for screen readers, page-break signs and the labels of stamps and
#: signatures; the legend of signs and the toolbar; the encoding guidelines' schema listings (an
#: element's facts, examples and rules: markup, not prose, whose example texts matched as if they
#: were the edition's words). Named here, not marked on each of the hundreds of elements, to keep pages light.
UNSEARCHED = (".permalink, .back-ref, .view-switch, .tip, .note-ref, .visually-hidden, .separator, "
              ".tei-pb, .text .label, .legend, .toolbar, .guidelines .element-facts, .guidelines .rules")

#: The two readings of an intervention. Both are indexed (a word of the source, "Pants", is
#: found too); in the copy Pagefind reads, each gets an id, so that Pagefind records where it
#: stands and the search page can tell a hit in the diplomatic view from one in the reading
#: view, and leave the other view's words out of an excerpt (assets/search.js).
READINGS = re.compile(rb'<span class="reading-(edited|source)">')


def marked_readings(page: bytes) -> bytes:
    """The page with an id on each reading of an intervention (pf-edited-N, pf-source-N), and
    a space closing each term and description of a list and each table cell, which Pagefind
    would run together with the next ("GorbachevDate")."""
    count = iter(range(1, 1 << 30))
    page = READINGS.sub(lambda found: b'<span class="reading-%s" id="pf-%s-%d">' % (found[1], found[1], next(count)), page)
    for closing in (b"</dt>", b"</dd>", b"</th>", b"</td>"):  # table cells too ("PlaceSourceEdited")
        page = page.replace(closing, b" " + closing)
    return page


def search_index(pages: dict[str, bytes], language: str) -> dict[str, bytes]:
    """Pagefind's files (under pagefind/) for the HTML pages given (path → bytes).

    Pagefind's command runs over a copy of the pages in a folder of ours, writes into
    another, and is done when it exits: its Python API, a service that answers "written"
    before its files are on disk, lost or cut files under load and took two seconds more."""
    from pagefind_bin import get_executable

    with tempfile.TemporaryDirectory(prefix="teiedition-pagefind-") as folder:
        site, output = Path(folder) / "site", Path(folder) / "pagefind"
        for path, data in pages.items():
            (site / path).parent.mkdir(parents=True, exist_ok=True)
            (site / path).write_bytes(marked_readings(data))
        try:
            command = [str(get_executable()), "--site", str(site), "--output-path", str(output),
                       "--force-language", language, "--keep-index-url", "--quiet",
                       "--exclude-selectors", UNSEARCHED]
            done = subprocess.run(command, capture_output=True, text=True, timeout=600)
        except (FileNotFoundError, PermissionError) as err:
            raise EnvironmentProblem(f"Pagefind cannot be run ({err}) — reinstall teiedition with its dependencies") from err
        if done.returncode != 0:
            raise BuildError(f"Pagefind could not index the pages: {(done.stderr or done.stdout).strip()[-500:]}")
        files = {f"pagefind/{p.relative_to(output).as_posix()}": p.read_bytes() for p in sorted(output.rglob("*")) if p.is_file()}
    _check(files)
    return canonical(files)


def _check(files: dict[str, bytes]) -> None:
    """Refuses an index with a file cut short, where that can be told: the compressed
    files carry their length and checksum, and the entry file must be whole JSON."""
    for path, data in files.items():
        try:
            if not data:
                raise ValueError("the file is empty")
            if path.endswith((".pagefind", ".pf_meta", ".pf_filter", ".pf_fragment", ".pf_index")):
                zlib.decompress(data, wbits=31)
            elif path.endswith(".json"):
                json.loads(data)
        except (ValueError, zlib.error) as err:
            raise BuildError(f"Pagefind wrote an incomplete search index ({path}: {err})") from err


def canonical(files: dict[str, bytes]) -> dict[str, bytes]:
    """Pagefind's files with the index made the same, to the byte, on every run.

    Pagefind 1.5 fills its filter files from a Rust HashMap, whose order is seeded afresh in
    each process: the values of a filter, and the filters named in the meta file, come out in
    a different order on every run. Files are named by a hash of their content, so the filter
    files, the meta file that names them and pagefind-entry.json that names the meta file all
    change. Everything else (fragments, word index, scripts, wasm) is already stable, and
    Pagefind gzips with mtime 0 and no file name.

    Here each meta file and its filter files are decoded (gzip → signature → CBOR), their
    unordered collections sorted (filter values by value, the page numbers of a value, the
    filters and sorts of the meta by name; pages, word chunks and sort orders keep their
    meaningful order), re-encoded as Pagefind's minicbor writes them, gzipped again and renamed
    with Pagefind's own naming, so the result is what a Pagefind that sorted would have
    written. The reader neither checks names against content nor cares about these orders.

    Should a later Pagefind write files this does not recognise, they are returned as they
    are: search keeps working and only the sameness is lost (tests/test_search.py notices)."""
    try:
        return _canonical(files)
    except (ValueError, KeyError, IndexError, TypeError, UnicodeDecodeError, zlib.error):
        return files


_SIGNATURE = b"pagefind_dcd"
_META = re.compile(r"pagefind/pagefind\.(?P<hash>(?P<lang>.+)_[0-9a-f]+)\.pf_meta")


def _canonical(files: dict[str, bytes]) -> dict[str, bytes]:
    files = dict(files)
    renamed: dict[str, str] = {}  # meta hash → meta hash
    for path in [p for p in files if _META.fullmatch(p)]:
        found = _META.fullmatch(path)
        lang, old_meta = found["lang"], found["hash"]
        meta = _unpack(files.pop(path))
        version, pages, chunks, filters, sorts, *rest = meta  # refuse a meta of another shape
        named: list[list[str]] = []
        for name, old in sorted(filters):
            values = _unpack(files.pop(f"pagefind/filter/{old}.pf_filter"))
            values[1] = sorted([value, sorted(numbers)] for value, numbers in values[1])
            data = _cbor(values)
            # Pagefind's name: the shortest prefix of at least 7 hex digits not yet taken.
            full = f"{lang}_{_sha1(data)}"
            size = len(lang) + 8
            while full[:size] in {h for _, h in named} and size < len(full):
                size += 1
            named.append([name, full[:size]])
            files[f"pagefind/filter/{full[:size]}.pf_filter"] = _pack(data)
        data = _cbor([version, pages, chunks, named, sorted(sorts), *rest])
        new_meta = f"{lang}_{_sha1(data)[:len(lang) + 8]}"
        files[f"pagefind/pagefind.{new_meta}.pf_meta"] = _pack(data)
        renamed[old_meta] = new_meta
    entry = json.loads(files["pagefind/pagefind-entry.json"])
    languages = entry["languages"]
    for language in languages.values():
        language["hash"] = renamed.get(language["hash"], language["hash"])
    entry["languages"] = dict(sorted(languages.items()))  # a HashMap too, upstream
    # serde_json's compact form, which Pagefind writes
    files["pagefind/pagefind-entry.json"] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return dict(sorted(files.items()))


def _sha1(data: bytes) -> str:
    # Pagefind writes each byte of the digest as hex without a leading zero (Rust's {:x?}),
    # so its names are not plain hexdigest() prefixes.
    return "".join(f"{byte:x}" for byte in hashlib.sha1(data).digest())


def _unpack(data: bytes) -> list:
    raw = zlib.decompress(data, wbits=31)
    if not raw.startswith(_SIGNATURE):
        raise ValueError("not a Pagefind index file")
    value, end = _uncbor(raw, len(_SIGNATURE))
    # the check that our writer gives back Pagefind's own bytes, before anything is reordered
    if end != len(raw) or _cbor(value) != raw[len(_SIGNATURE):]:
        raise ValueError("CBOR not written the way this module writes it")
    return value


def _pack(data: bytes) -> bytes:
    # The gzip header Pagefind's flate2 writes (no name, mtime 0, best compression, OS
    # unknown), by hand: gzip.compress's header differs between Python versions.
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = deflate.compress(_SIGNATURE + data) + deflate.flush()
    crc = zlib.crc32(_SIGNATURE + data)
    return b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + body + struct.pack("<II", crc, (len(_SIGNATURE) + len(data)) & 0xFFFFFFFF)


# The CBOR Pagefind writes (minicbor): unsigned and negative integers, text, definite-length
# arrays, every length and integer in its shortest form. Anything else is refused.

def _cbor(value) -> bytes:
    if isinstance(value, bool):
        raise TypeError("no booleans in a Pagefind index")
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, str):
        text = value.encode("utf-8")
        return _head(3, len(text)) + text
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(_cbor(item) for item in value)
    raise TypeError(f"no {type(value).__name__} in a Pagefind index")


def _head(major: int, number: int) -> bytes:
    if number < 24:
        return bytes([major << 5 | number])
    for extra, width in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if number < 1 << (8 * width):
            return bytes([major << 5 | extra]) + number.to_bytes(width, "big")
    raise ValueError("integer too large for CBOR")


def _uncbor(data: bytes, at: int) -> tuple[object, int]:
    major, extra = data[at] >> 5, data[at] & 31
    at += 1
    if extra < 24:
        number = extra
    elif extra <= 27:
        width = 1 << (extra - 24)
        number, at = int.from_bytes(data[at:at + width], "big"), at + width
    else:
        raise ValueError("indefinite length or reserved CBOR")
    if major == 0:
        return number, at
    if major == 1:
        return -1 - number, at
    if major == 3:
        return data[at:at + number].decode("utf-8"), at + number
    if major == 4:
        items = []
        for _ in range(number):
            item, at = _uncbor(data, at)
            items.append(item)
        return items, at
    raise ValueError(f"CBOR major type {major}")
