"""Incremental rebuilds: a build redoes nothing when nothing it reads has changed, and
always redoes what a change touches: a changed input always changes the output."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, TEI, pdftotext


def edition(case: Path, *args: str) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "teiedition.cli", "build", "--tei", "tei", "--out", "out", *args],
                          capture_output=True, text=True, cwd=case, timeout=600,
                          env={**os.environ, "SOURCE_DATE_EPOCH": "1764547200"})
    assert done.returncode == 0, done.stderr
    return done


@pytest.fixture(scope="module")
def built(tmp_path_factory, site) -> Path:
    """The edition and a full build of it (HTML and PDF: the run's shared build, whose record
    of what it read holds paths relative to the edition), copied into each test's folder."""
    base = tmp_path_factory.mktemp("built")
    shutil.copytree(TEI, base / "tei")
    shutil.copytree(site.parent, base / "out")  # times kept: the output is as built
    return base


@pytest.fixture
def case(tmp_path, built) -> Path:
    shutil.copytree(built, tmp_path, dirs_exist_ok=True)  # times kept: the output is as built
    return tmp_path


def written(out: Path) -> dict[str, int]:
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file() and ".cache" not in p.parts}


def edit(case: Path, old: str, new: str) -> None:
    path = case / "tei" / "texts" / "kgb-message.xml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_unchanged_edition_is_not_built_again(case):
    before = written(case / "out")
    done = edition(case)
    assert "Nothing changed since the last build" in done.stdout
    assert written(case / "out") == before


def test_a_changed_paragraph_is_in_the_page_and_the_book(case):
    edit(case, "At a regular meeting", "At a most regular meeting")
    done = edition(case)
    assert done.stdout.splitlines()[-1].startswith("Built ") and "kept" not in done.stdout
    assert "At a most regular meeting" in (case / "out" / "html" / "kgb-message.html").read_text(encoding="utf-8")
    assert "most regular" in pdftotext(case / "out" / "pdf" / "kgb-message.pdf")


def test_a_change_outside_the_book_keeps_the_book(case):
    """A new public address changes every page's canonical link, not one line of the book."""
    done = edition(case, "--base-url", "https://edition.example/")
    assert "the book unchanged: kept" in done.stdout
    assert "https://edition.example/kgb-message.html" in (case / "out" / "html" / "kgb-message.html").read_text(encoding="utf-8")


def test_an_output_file_changed_by_hand_is_made_again(case):
    page = case / "out" / "html" / "kgb-message.html"
    page.unlink()
    done = edition(case)
    assert done.stdout.splitlines()[-1].startswith("Built ")
    assert page.is_file()


def test_a_new_file_is_seen(case):
    shutil.copy(case / "tei" / "texts" / "kgb-message.xml", case / "tei" / "texts" / "zz-unlisted.xml")
    done = subprocess.run([sys.executable, "-m", "teiedition.cli", "build", "--tei", "tei", "--out", "out"],
                          capture_output=True, text=True, cwd=case, timeout=600)
    # the copy repeats every identifier: the change is seen, and refused
    assert done.returncode == 1 and "id-unique" in done.stderr


def test_the_pages_go_out_before_the_book_is_laid_out_again(case):
    """With the book to lay out again, the HTML is published first, whole, offering the last
    build's PDFs; the PDFs follow. Killed in between, the pages are new and the book old."""
    import signal
    import time

    old_book = (case / "out" / "pdf" / "edition.pdf").read_bytes()
    edit(case, "At a regular meeting", "At a most regular meeting")
    build = subprocess.Popen([sys.executable, "-m", "teiedition.cli", "build", "--tei", "tei", "--out", "out"],
                             cwd=case, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                             env={**os.environ, "SOURCE_DATE_EPOCH": "1764547200"})
    page = case / "out" / "html" / "kgb-message.html"
    deadline = time.monotonic() + 300
    while "most regular" not in (page.read_text(encoding="utf-8") if page.is_file() else "") and time.monotonic() < deadline:
        assert build.poll() is None, "the build ended before publishing the pages on their own"
        time.sleep(0.05)
    build.send_signal(signal.SIGKILL)
    build.wait()
    assert (case / "out" / "pdf" / "edition.pdf").read_bytes() == old_book
    assert (case / "out" / "html" / "downloads" / "edition.pdf").read_bytes() == old_book
    assert (case / "out" / "html" / "downloads" / "edition-data.zip").is_file()


def test_a_change_to_the_tools_code_makes_the_last_build_stale(tmp_path, monkeypatch):
    """A developer's edit of the tool (a module changed, the version number not) is an input
    like the edition's files: the build made by the old code is not kept."""
    from teiedition import state

    code = tmp_path / "code"
    code.mkdir()
    (code / "citation.py").write_text("STYLE = 'chicago'\n")
    monkeypatch.setattr(state, "CODE", code)
    before = state.fingerprint([], {})
    (code / "citation.py").write_text("STYLE = 'mla'\n")
    assert state.fingerprint([], {}) != before
