"""`edition.toml`, the one configuration file of an edition: read from the root of the edition
folder by every command, checked against a schema (pydantic), its mistakes reported at their
line. Command-line flags override it."""

from __future__ import annotations

import re
import tomllib
import urllib.parse
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from .exceptions import UsageError
from .problems import display_path

FILE = "edition.toml"


def web_address(value: str) -> str:
    """A public address (base_url, --base-url): http(s) with a host, ending in a slash, so that
    page names join it as they would a folder ("…/briefe" + "brief.html" made "…/briefebrief.html")."""
    value = value.strip()
    parts = urllib.parse.urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
        raise ValueError(f"{value!r} is not a web address — give one like https://example.org/edition/")
    return value if value.endswith("/") else value + "/"


class Config(BaseModel):
    """What an editor may set, with its default (README.md, "Configuration", documents each)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    #: The public address of the site, for canonical links and the sitemap.
    base_url: str | None = None
    #: The language of the interface (labels, dates, hyphenation of the chrome), e.g. "de";
    #: none: the edition's own xml:lang, else English.
    language: str | None = None
    #: The book's page size.
    trim: Literal["royal-octavo", "a4"] = "royal-octavo"
    #: Whether the print edition (PDFs) is made.
    pdf: bool = True
    #: Whether the search index (and so the search page's results) is made.
    search: bool = True
    #: Whether a warning stops the build as an error does.
    strict: bool = False
    #: Interface strings replaced by the edition's own: the English message → the text to show.
    labels: dict[str, str] = {}

    @field_validator("base_url")
    @classmethod
    def _address(cls, value: str | None) -> str | None:
        return None if value is None else web_address(value)


class ConfigError(UsageError):
    """edition.toml is not what the schema allows; the message names its line."""


def load(folder: Path) -> Config:
    """The configuration of the edition in `folder`: its edition.toml, or the defaults when it has none."""
    path = folder / FILE
    if not path.is_file():
        return Config()
    try:
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{display_path(path)}:1: config-unreadable: {err} — save it as UTF-8 text") from err
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        found = re.search(r"line (\d+)", str(err))
        raise ConfigError(f"{display_path(path)}:{found[1] if found else 1}: config-syntax: {err} — "
                          "see https://toml.io for the syntax") from None
    try:
        return Config(**data)
    except ValidationError as err:
        first = err.errors()[0]
        where = tuple(str(part) for part in first["loc"])
        raise ConfigError(f"{display_path(path)}:{line_of(text, where)}: {message(first)}") from None


KNOWN = ", ".join(Config.model_fields)


def message(error: dict) -> str:
    """The rule and the advice for one of pydantic's errors."""
    key = ".".join(str(part) for part in error["loc"])
    if error["type"] == "extra_forbidden":
        return f"config-unknown-key: unknown key {key!r} — the keys are {KNOWN} (README.md, Configuration)"
    if error["type"] == "value_error":
        return f"config-bad-value: {key}: {error['ctx']['error']}"
    return f"config-wrong-type: {key}: {error['msg'].lower()} (found {error['input']!r}) — README.md, Configuration, gives each key's type"


def line_of(text: str, where: tuple[str, ...]) -> int:
    """The line of the TOML text that sets the key at `where` (("trim",) or ("labels", "Home")),
    as a table header or as `key =`; 1 when it cannot be told (a key set in an inline table)."""
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), 1):
        header = re.match(r"\s*\[([^\[\]]+)\]\s*(#.*)?$", line)
        if header:
            table = tuple(part.strip().strip("\"'") for part in header[1].split("."))
            if table == where:
                return number
            continue
        assignment = re.match(r"""\s*("[^"]*"|'[^']*'|[A-Za-z0-9_.-]+)\s*=""", line)
        if assignment:
            key = assignment[1]
            parts = (key[1:-1],) if key[0] in "\"'" else tuple(part.strip() for part in key.split("."))
            if table + parts == where[:len(table + parts)] and table + parts:
                return number
    return 1
