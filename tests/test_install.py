"""The wheel is the whole tool: built with `uv build`, installed into a fresh virtual
environment outside the repository, its `edition` starts, validates and builds an edition and
builds a foreign corpus in an empty folder (stylesheets, templates, fonts and schema come
from the package's data, not from the checkout)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, require

FOREIGN = ROOT / "tests" / "fixtures" / "foreign"


def run(*command: str | Path, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """A command whose failure fails the test with what it printed."""
    done = subprocess.run([str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{' '.join(map(str, command))} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done


def pins(tmp: Path) -> Path:
    """The versions of the current environment's packages, as constraints: the new
    environment gets the same ones, which uv has in its cache."""
    frozen = subprocess.run([require("uv", "uv", "install uv (https://docs.astral.sh/uv/)"), "pip", "freeze",
                             "--python", sys.executable], capture_output=True, text=True, check=True).stdout
    path = tmp / "pins.txt"
    path.write_text("".join(f"{line}\n" for line in frozen.splitlines()
                            if "==" in line and not line.startswith("teiedition")))
    return path


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The `edition` command of the wheel, installed in a new environment outside the repository."""
    uv = require("uv", "uv", "install uv (https://docs.astral.sh/uv/)")
    tmp = tmp_path_factory.mktemp("install")
    run(uv, "build", "--quiet", "--out-dir", tmp / "dist", ROOT)
    wheel = next((tmp / "dist").glob("teiedition-*.whl"))
    assert next((tmp / "dist").glob("teiedition-*.tar.gz"))
    run(uv, "venv", "--quiet", "--python", sys.executable, tmp / "venv")
    python = tmp / "venv" / ("Scripts" if os.name == "nt" else "bin") / "python"
    install = [uv, "pip", "install", "--quiet", "--python", python, wheel, "--constraint", pins(tmp)]
    # from uv's cache without the network when it can; else as `uv run` does, the cache first
    offline = subprocess.run([str(c) for c in install + ["--offline"]], capture_output=True, text=True)
    if offline.returncode:
        run(*install)
    return python.parent / "edition"


def test_the_wheel_carries_the_stylesheets_templates_fonts_and_schema(installed):
    package = installed.parent.parent.glob("lib/python*/site-packages/teiedition")
    package = next(package)
    for name in ("xslt/html/edition.xsl", "xslt/print/edition.xsl", "templates/base.html",
                 "templates/init/edition.xml.j2", "templates/print/fonts", "templates/assets/fonts",
                 "tei/schema/edition.rng", "tei/schema/edition.sch", "tei/README.md",
                 "locale/de/LC_MESSAGES/messages.po", "locale/de/LC_MESSAGES/init.po"):
        assert (package / name).exists(), name


def test_the_installed_edition_starts_validates_and_builds_a_german_edition_in_an_empty_folder(installed, tmp_path):
    """The acceptance of issue 19: init in German, build; the site and the book in German."""
    run(installed, "init", "letters", "--language", "de", cwd=tmp_path)
    run(installed, "validate", "letters", cwd=tmp_path)
    run(installed, "build", "--tei", "letters", "--out", "site", "--quiet", cwd=tmp_path,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1764547200"})  # 2025-12-01
    home = (tmp_path / "site" / "html" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="de"' in home and "Zum Inhalt springen" in home and "Kalender der Dokumente" in home
    from pypdf import PdfReader
    book = "\n".join(page.extract_text() for page in PdfReader(tmp_path / "site" / "pdf" / "edition.pdf").pages)
    assert "Inhalt" in book and "Herausgegeben von" in book and "1. Dezember 2025" in book and "12. März 1921" in book


def test_the_installed_edition_builds_a_foreign_corpus(installed, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("letter-1768-merchant.xml", "arabic-proverbs-rtl.xml"):
        shutil.copy(FOREIGN / name, corpus / name)
    run(installed, "build", "--tei", "corpus", "--out", "site", "--no-pdf", "--quiet", cwd=tmp_path)
    assert (tmp_path / "site" / "html" / "bristol-letter.html").is_file()
