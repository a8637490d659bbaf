"""The few exceptions a user can meet; only the CLI turns them into messages and exit codes."""

from __future__ import annotations

from .problems import Problem


class TeieditionError(Exception):
    """Base of every error teiedition reports to its user."""

    exit_code = 1


class ValidationFailed(TeieditionError):
    """The edition has problems; the list says which and where."""

    def __init__(self, problems: list[Problem], files: int):
        super().__init__(f"{len(problems)} problems")
        self.problems = problems
        self.files = files


class UsageError(TeieditionError):
    """The command line names something that is not there."""

    exit_code = 2


class EnvironmentProblem(TeieditionError):
    """The machine stands in the way: an unwritable output folder, a missing tool."""

    exit_code = 3


class BuildError(TeieditionError):
    """A stage of the build could not do its work; nothing was written."""
