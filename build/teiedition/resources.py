"""Where the tool's own stylesheets, templates and reference schema are: package data in an
installed wheel (pyproject.toml maps them there), or, in a checkout, the repository's top
folders of the same names."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from .exceptions import EnvironmentProblem

#: The installed package's folder; a wheel is installed unpacked, so this is a real folder.
PACKAGE = Path(str(files("teiedition")))


def resource(name: str) -> Path:
    """The folder `name` (xslt, templates, tei) shipped with teiedition."""
    for candidate in (PACKAGE / name, PACKAGE.parents[1] / name):
        if candidate.is_dir():
            return candidate
    raise EnvironmentProblem(f"teiedition's {name}/ folder is missing from {PACKAGE} — the installation is incomplete; "
                             "install teiedition from its wheel or a checkout of its repository")


def own_templates(edition: Path) -> Path | None:
    """The edition's own `templates/` folder, if it has one."""
    own = edition / "templates"
    return own if own.is_dir() else None


def template_folders(edition: Path) -> list[Path]:
    """Where templates are looked up, first match wins: the edition's own `templates/` (a file
    at the same relative path replaces ours, as a theme's does in mkdocs or Hugo), then ours."""
    own = own_templates(edition)
    return ([own] if own else []) + [resource("templates")]
