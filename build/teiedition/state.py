"""What the last build of an output folder was made from, so the next one can tell what is
stale: a fingerprint of everything a build reads (the edition's files, the stylesheets, the
templates, the options, the tool's version), the files it wrote, and what it learned that
the next one can reuse (the book's PDFs by the hash of their input, the index's pages).

The state is a cache: kept in `<out>/.cache/state.json`, written after the output, and
ignored whenever it is missing, unreadable or of another version."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import __version__

STATE = Path(".cache") / "state.json"


def fingerprint(folders: list[Path], options: dict) -> str:
    """A hash of every file under `folders` (path and bytes) and of the options."""
    digest = hashlib.sha256(json.dumps([__version__, options], sort_keys=True).encode())
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(str(path.relative_to(folder)).encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def manifest(folder: Path) -> dict[str, list[int]]:
    """Each file under `folder`, with its size and modification time: enough to notice that
    someone changed or deleted the output since it was written."""
    found = {}
    for root, _, names in os.walk(folder):
        for name in names:
            path = Path(root, name)
            stat = path.stat()
            found[path.relative_to(folder).as_posix()] = [stat.st_size, stat.st_mtime_ns]
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
        try:
            data = json.loads((out / STATE).read_text(encoding="utf-8"))
            state = cls(**data)
        except (OSError, ValueError, TypeError):
            return cls()
        return state if state.version == __version__ else cls()

    def save(self, out: Path) -> None:
        path = out / STATE
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(asdict(self), sort_keys=True), encoding="utf-8")
        temporary.replace(path)

    def unchanged(self, out: Path, inputs: str) -> bool:
        """True when the inputs are those of the last build and its output is as it left it."""
        return bool(self.inputs) and self.inputs == inputs and all(
            manifest(out / name) == files for name, files in self.outputs.items())
