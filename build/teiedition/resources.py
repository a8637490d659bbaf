"""Where the tool's own stylesheets and templates are: inside the installed package, or, in a
checkout, at the top of the repository."""

from __future__ import annotations

from pathlib import Path

from .exceptions import EnvironmentProblem

PACKAGE = Path(__file__).resolve().parent


def resource(name: str) -> Path:
    """The folder `name` (xslt, templates) shipped with teiedition."""
    for candidate in (PACKAGE / name, PACKAGE.parents[1] / name):
        if candidate.is_dir():
            return candidate
    raise EnvironmentProblem(f"teiedition's {name}/ folder is missing — reinstall teiedition")
