"""Shared paths and compiled schemas for the test suite."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from teiedition.validation import Schemas

ROOT = Path(__file__).resolve().parent.parent
TEI = ROOT / "tei"
SEEDS = ROOT.parent / "shared" / "seeds"
TEI_ALL = ROOT.parent / "shared" / "tei" / "tei_all.rng"


@pytest.fixture(scope="session")
def schemas() -> Schemas:
    """The edition's own schemas, compiled once for the whole run."""
    return Schemas.load(TEI / "schema")


@pytest.fixture(scope="session")
def tei_all() -> etree.RelaxNG:
    """Full TEI P5 (4.11), from ../shared; tests that need it skip when it is absent."""
    if not TEI_ALL.is_file():
        pytest.skip(f"full TEI schema not found at {TEI_ALL} (../shared is not beside the project)")
    return etree.RelaxNG(etree.parse(str(TEI_ALL)))


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/ from the current output (review the git diff before committing)")


def shared_folder(tmp_path_factory) -> Path:
    """A temporary folder every worker of the run sees (pytest-xdist gives each worker its
    own under the run's): what one worker builds there, the others read."""
    import os

    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session", autouse=True)
def shared_font_cache(tmp_path_factory) -> None:
    """Every build of the run, in this process or a child, keeps its cut fonts in one folder
    (webfonts.py): a cut costs a second or two a face, and most of the run's builds show the
    same characters. Tests of the output's own cache remove the variable."""
    import os

    from teiedition.webfonts import SHARED_CACHE

    os.environ[SHARED_CACHE] = str(shared_folder(tmp_path_factory) / "cache")


def built_once(tmp_path_factory, name: str, make) -> Path:
    """`make(folder)` run once for the whole run, whichever worker asks first (a lock in the
    shared folder); every later caller gets the same folder, to read only."""
    from filelock import FileLock

    shared = shared_folder(tmp_path_factory)
    folder, done = shared / name, shared / f"{name}.done"
    with FileLock(str(shared / f"{name}.lock")):
        if not done.exists():
            make(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The HTML edition, built once for the run (by one worker, read by all) into a
    temporary folder, with a fixed date."""
    import os

    from teiedition.build import build

    os.environ["SOURCE_DATE_EPOCH"] = "1764547200"  # 2025-12-01: golden pages must not churn
    return built_once(tmp_path_factory, "output", lambda out: build(TEI, out)) / "html"


def require(path: str | None, what: str, how: str) -> str:
    """A tool a test needs: skipped with the reason on a developer's machine without it,
    a failure under CI, whose .ci/run installs it."""
    import os
    import shutil

    found = path if path and Path(path).exists() else (shutil.which(path) if path else None)
    if found:
        return found
    message = f"{what} not found — {how}"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def chromium() -> str:
    return require("/usr/bin/chromium", "Chromium", "apt-get install chromium (as .ci/run does)")


@pytest.fixture(scope="session")
def served(site):
    """The built site served over HTTP on 127.0.0.1 (search needs a server), for the run."""
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser(chromium):
    """Debian's Chromium driven by Playwright, headless, with no network beyond this machine."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()


@pytest.fixture
def tab(browser):
    """A fresh page (tab) of its own context, so that no stored view leaks between tests."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


SCREENSHOTS = ROOT / "output" / "screenshots"


@pytest.fixture(scope="session")
def pdfs(site) -> Path:
    """The print edition written by the same build as the site."""
    return site.parent / "pdf"


def pdftotext(path: Path, *args: str) -> str:
    """Text of a PDF by poppler's pdftotext (a Debian package that .ci/run installs)."""
    import subprocess

    tool = require("pdftotext", "pdftotext", "apt-get install poppler-utils (as .ci/run does)")
    return subprocess.run([tool, *args, str(path), "-"], capture_output=True, text=True, check=True).stdout
