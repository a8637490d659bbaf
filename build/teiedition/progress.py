"""What a build tells its user while it runs: a counter per stage on a terminal (nothing when
the output is not a terminal, or with --quiet), and the time each stage took (--profile)."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO


class Progress:
    """Times the stages of a build and, on a terminal, shows the one running with a counter."""

    def __init__(self, stream: TextIO | None = None, quiet: bool = False):
        self.stream = stream if stream is not None else sys.stderr
        self.live = not quiet and self.stream.isatty()
        self.times: dict[str, float] = {}
        self.started = time.perf_counter()
        self._stage = ""
        self._total = 0
        self._done = 0

    @contextmanager
    def stage(self, name: str, total: int = 0) -> Iterator["Progress"]:
        """Time the stage `name` (added to its earlier time, if it runs in parts); `total`
        steps, if known, are counted with step()."""
        begun = time.perf_counter()
        self._stage, self._total, self._done = name, total, 0
        self._show()
        try:
            yield self
        finally:
            self.times[name] = self.times.get(name, 0.0) + time.perf_counter() - begun
            self._clear()

    def record(self, name: str, seconds: float) -> None:
        """The time of a stage that ran elsewhere (in a worker process, beside the others)."""
        self.times[name] = self.times.get(name, 0.0) + seconds

    def step(self, count: int = 1) -> None:
        self._done += count
        self._show()

    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    def profile(self) -> list[str]:
        """One line per stage, in the order they ran, then the total: `profile: stage 0.12 s`."""
        return [f"profile: {name} {seconds:.3f} s" for name, seconds in self.times.items()] + [
            f"profile: total {self.elapsed():.3f} s"]

    def _show(self) -> None:
        if self.live:
            count = f" {self._done}/{self._total}" if self._total else ""
            self.stream.write(f"\r\033[K{self._stage}…{count}")
            self.stream.flush()

    def _clear(self) -> None:
        if self.live:
            self.stream.write("\r\033[K")
            self.stream.flush()
