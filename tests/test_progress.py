"""What a build says while it runs: a counter per stage on a terminal only, a one-line
summary at the end, and the time of each stage with --profile."""

from __future__ import annotations

import io
import re

from conftest import TEI
from teiedition.cli import main
from teiedition.progress import Progress


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_stage_and_its_count_are_shown_on_a_terminal():
    screen = Terminal()
    progress = Progress(stream=screen)
    with progress.stage("transform", total=3):
        progress.step(2)
    assert "transform… 2/3" in screen.getvalue()
    assert screen.getvalue().endswith("\r\033[K")  # the line is cleared when the stage ends


def test_nothing_is_shown_when_the_output_is_not_a_terminal():
    stream = io.StringIO()
    with Progress(stream=stream).stage("transform", total=3) as progress:
        progress.step()
    assert stream.getvalue() == ""


def test_quiet_shows_nothing_even_on_a_terminal():
    screen = Terminal()
    with Progress(stream=screen, quiet=True).stage("transform"):
        pass
    assert screen.getvalue() == ""


def test_profile_gives_each_stage_and_the_total(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--tei", str(TEI), "--no-pdf", "--profile", "--quiet"]) == 0
    out = capsys.readouterr().out
    stages = re.findall(r"^profile: ([a-z ()]+) (\d+\.\d+) s$", out, re.M)
    assert [name for name, _ in stages][:2] == ["load", "validate"]
    assert {"transform", "render", "search", "write", "total"} <= {name for name, _ in stages}
    summary = [line for line in out.splitlines() if line.startswith("Built ")]
    assert len(summary) == 1 and re.search(r"5 documents, \d+ pages, 0 PDFs, \d+ warnings? in \d", summary[0])
