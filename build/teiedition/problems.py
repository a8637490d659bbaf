"""Problems: the one value every check returns, printed as `file:line:col: rule: message`."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located in a file, with the rule it breaks."""

    file: str
    line: int
    col: int
    rule: str
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        lead = "warning: " if self.severity == WARNING else ""
        return f"{self.file}:{self.line}:{self.col}: {self.rule}: {lead}{self.message}"


def display_path(path: Path) -> str:
    """The path as a user would type it: relative to the working directory when inside it
    (links are not followed: a file is named where the user put it)."""
    try:
        return str(Path(os.path.abspath(path)).relative_to(os.path.abspath(os.curdir)))
    except ValueError:
        return str(path)


#: Rules about the edition as a whole or about something not read as one of its files: they
#: are not counted among the files with problems.
NOT_ABOUT_A_FILE = frozenset({"no-schema", "no-base-url", "file-skipped", "folder-unreadable", "edition-incomplete"})


def summary(problems: list[Problem], files: int) -> str:
    """One closing line: how many problems in how many of the files read, and how many
    about the edition as a whole or what was not read."""
    errors = sum(p.severity == ERROR for p in problems)
    warnings = len(problems) - errors
    if not problems:
        return f"{files} files valid, no problems."
    bad = len({p.file for p in problems if p.rule not in NOT_ABOUT_A_FILE})
    other = sum(p.rule in NOT_ABOUT_A_FILE for p in problems)
    rest = f" (and {other} about the edition's folders or files not read)" if other else ""
    return (
        f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)} "
        f"in {bad} of {files} files{rest}."
    )
