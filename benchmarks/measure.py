"""Run the `edition` command line as a child process and measure it: wall time, peak memory
(the child's peak resident set size, from wait4) and, with --profile, the build's stages."""

from __future__ import annotations

import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The command line, run by the interpreter of this process: no `uv run` in the figures.
CLI = [sys.executable, "-m", "teiedition.cli"]
#: One line per stage of a build run with --profile: "profile: <stage> <seconds> s".
PROFILE_LINE = re.compile(r"^profile: (?P<stage>\S.*?) (?P<seconds>[0-9]+(?:\.[0-9]+)?) s\s*$", re.MULTILINE)
#: One line per stage of the classic pipeline (../shared/peer/run.sh): "peer: HTML stage: <seconds> s, …".
PEER_LINE = re.compile(r"^peer: (?P<stage>\S+) stage: (?P<seconds>[0-9]+(?:\.[0-9]+)?) s\b", re.MULTILINE)


@dataclass
class Run:
    """One run of the command line."""

    seconds: float
    peak_rss_kib: int
    returncode: int
    stages: dict[str, float] = field(default_factory=dict)
    timed_out: bool = False
    error: str = ""
    load: float = 0.0  # the machine's 1-minute load average as the run started (others' work skews figures)
    cpu_seconds: float = 0.0  # user + system time of the child and what it waited for: less skewed by others' work

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.timed_out


def stages(stdout: str, pattern: re.Pattern = PROFILE_LINE) -> dict[str, float]:
    """The stages a build printed with --profile (or the classic pipeline printed), in the order printed."""
    found: dict[str, float] = {}
    for match in pattern.finditer(stdout):
        found[match["stage"]] = float(match["seconds"])
    return found


def run(args: list[str], timeout: float | None = None, program: list[str] = CLI, pattern: re.Pattern = PROFILE_LINE) -> Run:
    """Run `edition ARGS…` (or `program ARGS…`) from the repository's root and measure it. The
    child is killed after `timeout` seconds; its output goes to temporary files (a pipe could fill up)."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    load = os.getloadavg()[0]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        child = subprocess.Popen([*program, *args], cwd=ROOT, stdout=out, stderr=err, stdin=subprocess.DEVNULL, env=env,
                                 start_new_session=True)
        expired = threading.Event()

        def kill() -> None:
            expired.set()
            try:  # the child and what it started (Pagefind…): its own process group
                os.killpg(child.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill) if timeout else None
        if timer:
            timer.start()
        try:
            _, status, usage = os.wait4(child.pid, 0)
        finally:
            if timer:
                timer.cancel()
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here: Popen must not wait again
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    result = Run(seconds, usage.ru_maxrss, child.returncode, stages(stdout, pattern), expired.is_set(), load=load,
                 cpu_seconds=usage.ru_utime + usage.ru_stime)
    if result.timed_out:
        result.error = f"timed out after {timeout:.0f} s"
    elif child.returncode != 0:
        tail = (stderr.strip() or stdout.strip()).splitlines()[-5:]
        result.error = f"exit {child.returncode}: " + " | ".join(tail)
    return result


def code_fingerprint() -> dict:
    """Which teiedition the command line runs (its package folder) and a hash of its code,
    stylesheets and templates: compared at the start and the end of a benchmark, so that a
    change made while it ran (the working tree is shared) does not go unnoticed."""
    import hashlib

    done = subprocess.run([sys.executable, "-c", "import teiedition, pathlib; print(pathlib.Path(teiedition.__file__).parent)"],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    package = Path(done.stdout.strip())
    digest = hashlib.sha256()
    roots = [package] + [package.parents[1] / name for name in ("xslt", "templates") if (package.parents[1] / name).is_dir()]
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(path.as_posix().encode() + b"\0" + path.read_bytes())
    return {"package": str(package), "sha256": digest.hexdigest()}


def build_options() -> set[str]:
    """The options `edition build --help` lists (so that --profile and --quiet are passed
    only once the command line has them)."""
    done = subprocess.run([*CLI, "build", "--help"], cwd=ROOT, capture_output=True, text=True, check=False)
    return set(re.findall(r"(--[a-z][a-z-]*)", done.stdout))


@dataclass
class Figure:
    """A measurement repeated: the median and spread of its runs."""

    name: str
    runs: list[Run]
    note: str = ""

    @property
    def good(self) -> list[Run]:
        return [r for r in self.runs if r.ok]

    def median(self, what: str = "seconds") -> float | None:
        values = [getattr(r, what) for r in self.good]
        return statistics.median(values) if values else None

    def spread(self, what: str = "seconds") -> tuple[float, float] | None:
        values = [getattr(r, what) for r in self.good]
        return (min(values), max(values)) if values else None

    def stage_medians(self) -> dict[str, float]:
        """Each stage's median over the runs that printed it, in the order first printed."""
        names: list[str] = []
        for r in self.good:
            names += [s for s in r.stages if s not in names]
        return {s: statistics.median([r.stages[s] for r in self.good if s in r.stages]) for s in names}

    @property
    def error(self) -> str:
        return next((r.error for r in self.runs if r.error), "")

    def as_json(self) -> dict:
        spread = self.spread()
        rss = self.spread("peak_rss_kib")
        return {
            "name": self.name,
            "runs": len(self.runs),
            "ok_runs": len(self.good),
            "seconds_median": self.median(),
            "seconds_min": spread[0] if spread else None,
            "seconds_max": spread[1] if spread else None,
            "cpu_seconds_median": self.median("cpu_seconds"),
            "peak_rss_kib_median": self.median("peak_rss_kib"),
            "peak_rss_kib_min": rss[0] if rss else None,
            "peak_rss_kib_max": rss[1] if rss else None,
            "peak_rss_kib_failed": max((r.peak_rss_kib for r in self.runs if not r.ok), default=None),
            "stages_median": self.stage_medians(),
            "error": self.error,
            "note": self.note,
            "each": [asdict(r) for r in self.runs],
        }
