"""`--jobs N`: the work shared among N worker processes gives the same output as one process."""

from __future__ import annotations

from pathlib import Path

from conftest import TEI
from teiedition import parallel
from teiedition.build import build


def tree(folder: Path) -> dict[str, bytes]:
    """Every output file's bytes by its path, but the build's own cache."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".cache" not in p.relative_to(folder).parts}


def test_one_job_and_two_jobs_write_the_same_bytes(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    monkeypatch.setattr(parallel, "CHUNK", 1)  # five documents are enough to share among the jobs
    build(TEI, tmp_path / "one", pdf=False, jobs=1)
    build(TEI, tmp_path / "two", pdf=False, jobs=2)
    one, two = tree(tmp_path / "one"), tree(tmp_path / "two")
    assert set(one) == set(two)
    assert [name for name in one if one[name] != two[name]] == []


def test_a_large_edition_is_shared_among_the_jobs_in_its_order():
    ids = [f"d{i}" for i in range(450)]
    shares = parallel.chunks(ids, 4)
    assert len(shares) == 4 and [i for share in shares for i in share] == ids


def test_a_small_edition_or_a_single_job_stays_in_the_build_process():
    assert parallel.chunks([f"d{i}" for i in range(150)], 8) == []
    assert parallel.chunks([f"d{i}" for i in range(5000)], 1) == []


def test_a_job_in_the_builds_own_thread_uses_the_builds_saxon_and_another_thread_its_own():
    import threading

    from teiedition.edition import load
    from teiedition.transform import Saxon

    saxon = Saxon(load(TEI)[0], keep_text=True)
    corpus = saxon.share()
    assert Saxon.from_corpus(corpus) is saxon  # --jobs 1: the EPUB's job parses the edition no second time
    elsewhere: list[Saxon] = []
    worker = threading.Thread(target=lambda: elsewhere.append(Saxon.from_corpus(corpus)))
    worker.start()
    worker.join()
    assert elsewhere and elsewhere[0] is not saxon  # a cluster's thread never shares a processor
