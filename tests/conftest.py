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


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The HTML edition, built once for the run into a temporary folder, with a fixed date."""
    import os

    from teiedition.build import build

    out = tmp_path_factory.mktemp("output")
    os.environ["SOURCE_DATE_EPOCH"] = "1764547200"  # 2025-12-01: golden pages must not churn
    build(TEI, out)
    return out / "html"
