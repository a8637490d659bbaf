"""Cut the site's always-loaded faces to the characters its pages show, and keep each cut.

A cut takes fontTools a second or two a face, which was most of a small edition's build: it
is kept in a cache folder under a key of everything it is made from (the whole face, the
characters, fontTools and this module), so that a rebuild, or another build sharing the
folder, reads it back. The folder is the output's own `.cache/fonts` (only the faces of the
last build are kept there), or `$TEIEDITION_CACHE/fonts` when that is set: one folder that
several outputs share (a CI runner, a test suite), where nothing is deleted."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
from pathlib import Path

#: The faces every page loads, by the whole face each is cut from (templates/assets/fonts/README.md):
#: cut at build time to the characters the site shows, so a first visit fetches only glyphs it can use.
LIGHT_FONTS = {"assets/fonts/site-serif.woff2": "assets/fonts/edition-serif.woff2",
               "assets/fonts/site-serif-italic.woff2": "assets/fonts/edition-serif-italic.woff2"}

#: The features edition.css asks for (font-variant-numeric, font-variant: small-caps), kept in
#: the cut faces besides fontTools' default set; and those of the default set no page uses.
PAGE_FEATURES = ["lnum", "onum", "pnum", "tnum", "smcp", "c2sc"]
UNUSED_FEATURES = {"frac", "numr", "dnom"}

#: The environment variable naming a cache folder that several outputs share.
SHARED_CACHE = "TEIEDITION_CACHE"
#: The folder of the cut faces, in the output's cache folder or the shared one.
FONTS = "fonts"


def cache_folder(out: Path) -> tuple[Path, bool]:
    """Where the cut faces are kept, and whether the folder is the output's own (which keeps
    only the faces of its last build)."""
    shared = os.environ.get(SHARED_CACHE)
    return (Path(shared) / FONTS, False) if shared else (out / ".cache" / FONTS, True)


def light_fonts(files: dict[str, bytes], out: Path) -> dict[str, bytes]:
    """The always-loaded fonts: the whole faces of `files` cut to the characters of its pages and
    scripts (whose messages a page may show), and the printable ASCII a reader may type into the
    search. Any script the whole face has (a Cyrillic word in a note) is cut in, so that no page
    needs the whole face."""
    used = set(map(chr, range(0x20, 0x7F)))
    for path, data in files.items():
        if path.endswith((".html", ".js")):
            used.update(data.decode("utf-8", "replace"))
    wanted = frozenset(ord(char) for char in used)
    folder, own = cache_folder(out)
    cuts = {path: (whole, cache_key(files[whole], wanted)) for path, whole in LIGHT_FONTS.items() if whole in files}
    made = {path: kept_cut(folder, key, files[whole], wanted) for path, (whole, key) in cuts.items()}
    if own:
        forget_others(folder, {key for _, key in cuts.values()})
    return made


def cache_key(font: bytes, wanted: frozenset[int]) -> str:
    """A name for the cut of `font` to `wanted`, changed by anything that changes the cut: the
    face, the characters, fontTools and the WOFF2 compressor it uses, and this module."""
    from importlib.metadata import PackageNotFoundError, version

    tools = []
    for package in ("fonttools", "brotli", "brotlicffi"):
        try:
            tools.append(f"{package} {version(package)}")
        except PackageNotFoundError:
            pass
    digest = hashlib.sha256("; ".join(tools).encode() + b"\0" + Path(__file__).read_bytes() + b"\0" + font)
    digest.update(",".join(map(str, sorted(wanted))).encode())
    return digest.hexdigest()


def kept_cut(folder: Path, key: str, font: bytes, wanted: frozenset[int]) -> bytes:
    """The cut read from `folder`, or made and kept there. A folder that cannot be read or
    written (a full disk, a .cache that is a file) only costs the time of the cut."""
    import tempfile

    path = folder / f"{key}.woff2"
    try:
        kept = path.read_bytes()
        if whole_woff2(kept):
            return kept
    except OSError:
        pass
    cut = subset(font, wanted)
    temporary = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # a name of its own: builds sharing the folder (in other containers, with the same
        # process ids) never write into one file, and never see half a face under the final name
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(handle, "wb") as file:
            file.write(cut)
        os.replace(temporary, path)
    except OSError:
        if temporary:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
    return cut


def whole_woff2(data: bytes) -> bool:
    """Whether `data` is a whole WOFF2 file: its signature, and as long as its header says."""
    return data[:4] == b"wOF2" and int.from_bytes(data[8:12], "big") == len(data)


def forget_others(folder: Path, keep: set[str]) -> None:
    """Delete the cuts of earlier builds from an output's own cache folder, and what a killed
    build left half-written."""
    try:
        for path in [*folder.glob("*.woff2"), *folder.glob("*.tmp")]:
            if path.stem not in keep:
                path.unlink(missing_ok=True)
    except OSError:
        pass


def subset(font: bytes, unicodes: frozenset[int]) -> bytes:
    """A WOFF2 font cut to `unicodes`, its variation axes and the OpenType features a page can
    use kept (fontTools' default set, which shapes text, and the figures and small capitals the
    stylesheet asks for), the same bytes for the same input (no timestamp). The fraction
    features are left out: no page asks for them, and their glyphs were a fourteenth of a face."""
    from fontTools import subset as cutting
    from fontTools.ttLib import TTFont

    face = TTFont(io.BytesIO(font), recalcTimestamp=False)
    features = [tag for tag in cutting.Options().layout_features if tag not in UNUSED_FEATURES] + PAGE_FEATURES
    options = cutting.Options(flavor="woff2", layout_features=features, name_IDs=["*"], name_languages=["*"], notdef_outline=True)
    cutter = cutting.Subsetter(options)
    cutter.populate(unicodes=sorted(unicodes))
    cutter.subset(face)
    if "fvar" in face:
        # the same axes, their variation data built anew: the deltas the cut glyphs no longer
        # need (a kerning pair's that never varies) are left out, a kilobyte of each face
        from fontTools.varLib import instancer

        face = instancer.instantiateVariableFont(face, {axis.axisTag: (axis.minValue, axis.maxValue) for axis in face["fvar"].axes})
    out = io.BytesIO()
    face.flavor = "woff2"
    face.save(out)
    return out.getvalue()
