"""Grammar-based fuzzing of the build (issue 14, Must 2): random documents valid against full
TEI P5, made by walking tei_all.rng (tests/rngfuzz.py), built as a foreign corpus; every build
exits 0 and every word of every document's text is on its page (and, for one corpus, in its
PDF).

The CI share is small and fixed (derandomized, so every run sees the same corpora): a few
corpora of several documents each, one build per corpus, within about 40 s besides compiling
tei_all.rng once for the session (which the schema tests share). The nightly run draws
afresh and for longer:

    FUZZ_EXAMPLES=200 uv run pytest tests/test_rng_fuzz.py      # 200 corpora
    uv run python -m tests.rngfuzz --minutes 30                # build random corpora for 30 minutes
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, note, settings, strategies as st

from conftest import TEI_ALL
from rngfuzz import Documents, check_corpus, serialise

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "0"))
NIGHTLY = EXAMPLES > 0
SETTINGS = settings(max_examples=EXAMPLES or 5, derandomize=not NIGHTLY, database=None, deadline=None,
                    suppress_health_check=list(HealthCheck), print_blob=True)
DOCUMENTS = Documents(TEI_ALL)

pytestmark = pytest.mark.skipif(not TEI_ALL.is_file(), reason=f"full TEI schema not found at {TEI_ALL}")


def corpora(size: int) -> st.SearchStrategy:
    return st.lists(DOCUMENTS.valid(), min_size=size, max_size=size)


@SETTINGS
@given(corpora(4))
def test_random_valid_tei_builds_and_keeps_every_word_of_its_text(roots):
    with tempfile.TemporaryDirectory(prefix="rngfuzz-") as folder:
        for i, root in enumerate(roots):
            note(f"doc{i}.xml:\n{serialise(root).decode()}")
        problems = check_corpus(roots, Path(folder), pdf=False)
        assert not problems, "\n".join(problems)


@settings(SETTINGS, max_examples=1 if not NIGHTLY else max(1, EXAMPLES // 10))
@given(corpora(2))
def test_random_valid_tei_keeps_every_word_in_its_pdf(roots):
    with tempfile.TemporaryDirectory(prefix="rngfuzz-") as folder:
        for i, root in enumerate(roots):
            note(f"doc{i}.xml:\n{serialise(root).decode()}")
        problems = check_corpus(roots, Path(folder), pdf=True)
        assert not problems, "\n".join(problems)
