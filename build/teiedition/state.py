"""What the last build of an output folder was made from, so the next one can tell what is
stale: a fingerprint of everything a build reads (the edition's files, the stylesheets, the
templates, the options, the tool's version), the files it wrote, and what it learned that
the next one can reuse (the book's PDFs by the hash of their input, the index's pages).

The state is a cache: kept in `<out>/.cache/state.json`, written after the output, and
ignored whenever it is missing, of another version, or (with a warning) unreadable or
malformed; when it cannot be saved the build says so and its output stays published."""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from . import __version__
from .problems import WARNING, Problem, display_path

STATE = Path(".cache") / "state.json"

#: The tool's own code, part of every fingerprint: a build made by other code is stale even
#: where the version number did not change (a developer's edit, an unreleased checkout).
CODE = Path(__file__).resolve().parent


def fingerprint(folders: list[Path], options: dict) -> str:
    """A hash of every file under `folders` and of the tool's code (path and bytes), and of the options. Hidden files
    (an office suite's lock files) and what is not a regular file are left out; a file that
    cannot be read counts by its error, which validation reports."""
    digest = hashlib.sha256(json.dumps([__version__, options], sort_keys=True).encode())
    for folder in [CODE, *folders]:
        for path in sorted(files_under(folder)):
            digest.update(str(path.relative_to(folder)).encode() + b"\0")
            digest.update(content_hash(path))
    return digest.hexdigest()


def files_under(folder: Path) -> list[Path]:
    """The files below `folder` a build may read: not hidden, not in __pycache__, and not
    in a folder that cannot be read (validation reports it)."""
    found = []
    for root, folders, names in os.walk(folder):
        folders[:] = [name for name in folders if not name.startswith(".") and name != "__pycache__"]
        found += [Path(root, name) for name in names if not name.startswith(".")]
    return found


def content_hash(path: Path) -> bytes:
    """The hash of a regular file's bytes (read up to a bound), or of why it has none."""
    from .edition import read_bounded

    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return b"not a file"
        data = read_bounded(path)
    except OSError as err:
        return f"unreadable: {err.strerror}".encode()
    if data is None:
        info = path.stat()
        return f"too large: {info.st_size} {info.st_mtime_ns}".encode()
    return hashlib.sha256(data).digest()


def manifest(folder: Path) -> dict[str, list[int]]:
    """Each file under `folder`, with its size and modification time: enough to notice that
    someone changed or deleted the output since it was written."""
    found = {}
    for root, _, names in os.walk(folder):
        for name in names:
            path = Path(root, name)
            info = path.stat()
            found[path.relative_to(folder).as_posix()] = [info.st_size, info.st_mtime_ns]
    return found


@dataclass
class State:
    """The record of one build of an output folder."""

    version: str = __version__
    inputs: str = ""
    outputs: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    report: dict = field(default_factory=dict)
    book: str = ""
    index_pages: dict = field(default_factory=dict)

    @classmethod
    def load(cls, out: Path) -> "State":
        return cls.read(out)[0]

    @classmethod
    def read(cls, out: Path) -> tuple["State", Problem | None]:
        """The state of the last build of `out`, or a blank one: silently when there is none
        or it is of another version, with a warning when it cannot be read or makes no sense."""
        path = out / STATE
        if not path.exists() and not path.parent.is_file():
            return cls(), None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("version") != __version__:
                return cls(), None
            state = cls(**data)
            if not state.well_formed():
                raise ValueError("its fields are not what this version writes")
        except (OSError, ValueError, TypeError) as err:
            reason = getattr(err, "strerror", None) or str(err)
            return cls(), Problem(display_path(path), 1, 1, "cache-ignored", f"the record of the last build cannot be used ({reason}), so everything is built afresh — delete {display_path(out / STATE.parent)} if this repeats", WARNING)
        return state, None

    def well_formed(self) -> bool:
        """True when every field has the shape this version writes."""
        warnings = self.report.get("warnings", []) if isinstance(self.report, dict) else None
        report = (isinstance(self.report, dict) and all(isinstance(self.report.get(key), int) for key in ("documents", "pages", "pdfs"))
                  and isinstance(warnings, list) and all(isinstance(w, dict) and set(w) == PROBLEM_FIELDS for w in warnings))
        return (isinstance(self.inputs, str) and isinstance(self.book, str) and isinstance(self.index_pages, dict)
                and isinstance(self.outputs, dict)
                and all(name in ("html", "pdf") and isinstance(files, dict) for name, files in self.outputs.items())
                and (report or not self.inputs))

    def save(self, out: Path) -> Problem | None:
        """Write the state; when it cannot be (a full disk, a .cache that is not a folder) the
        output is already published: a warning says so, and the next build starts afresh."""
        path = out / STATE
        temporary = path.with_suffix(".tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(json.dumps(asdict(self), sort_keys=True), encoding="utf-8")
            temporary.replace(path)
        except OSError as err:
            for leftover in (temporary, path):  # a stale record must not outlive this build
                try:
                    leftover.unlink()
                except OSError:
                    pass
            return Problem(display_path(path), 1, 1, "cache-unsaved", f"the site is published, but the record of this build could not be saved ({err.strerror}), so the next build redoes everything — free some space or fix the permissions of {display_path(path.parent)}", WARNING)
        return None

    def unchanged(self, out: Path, inputs: str) -> bool:
        """True when the inputs are those of the last build and its output is as it left it."""
        try:
            return bool(self.inputs) and self.inputs == inputs and all(
                manifest(out / name) == files for name, files in self.outputs.items())
        except OSError:
            return False


PROBLEM_FIELDS = {f.name for f in fields(Problem)}
