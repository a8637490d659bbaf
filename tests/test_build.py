"""`edition build`: writes the whole site into its output folder, or nothing at all."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import TEI
from teiedition.cli import main


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def again(tmp_path_factory) -> tuple[Path, str]:
    """A second full build of the edition (HTML and PDF), by the command, from a folder of its
    own into `again`, with the fixed date of the run's shared build; and what it printed."""
    import contextlib
    import io

    folder = tmp_path_factory.mktemp("again")
    printed = io.StringIO()
    with pytest.MonkeyPatch.context() as patch, contextlib.redirect_stdout(printed):
        patch.setenv("SOURCE_DATE_EPOCH", "1764547200")
        patch.chdir(folder)
        assert main(["build", "--tei", str(TEI), "--out", "again"]) == 0
    return folder, printed.getvalue()


def test_a_build_writes_only_into_its_output_folder(again):
    folder, printed = again
    assert sorted(p.name for p in folder.iterdir()) == ["again"]
    assert sorted(p.name for p in (folder / "again").iterdir()) == [".cache", "html", "pdf"]
    assert "Built 5 documents" in printed


def test_an_invalid_edition_stops_the_build_and_leaves_the_previous_output(tmp_path, monkeypatch, capsys, site):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(TEI, tmp_path / "tei")
    shutil.copytree(site.parent, tmp_path / "output")  # the previous output: the run's shared build
    before = tree(tmp_path / "output")
    text = tmp_path / "tei" / "texts" / "kgb-message.xml"
    text.write_text(text.read_text().replace('ref="plc:paris"', 'ref="plc:pants"', 1))
    capsys.readouterr()
    assert main(["build"]) == 1
    err = capsys.readouterr().err
    assert "ref-place" in err and "tei/texts/kgb-message.xml:" in err
    assert tree(tmp_path / "output") == before
    assert sorted(p.name for p in (tmp_path / "output").iterdir()) == [".cache", "html", "pdf"]


def test_strict_mode_turns_a_warning_into_a_failure_and_writes_nothing(tmp_path, monkeypatch, capsys):
    import os

    from teiedition.webfonts import SHARED_CACHE

    shared = os.environ[SHARED_CACHE]
    monkeypatch.delenv(SHARED_CACHE)  # the fonts it cut before it failed would go to the output's cache
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--tei", str(TEI), "--no-pdf", "--strict"]) == 1
    assert "no-base-url: warning:" in capsys.readouterr().err
    assert not (tmp_path / "output").exists()
    monkeypatch.setenv(SHARED_CACHE, shared)
    assert main(["build", "--tei", str(TEI), "--no-pdf", "--strict", "--base-url", "https://edition.example/"]) == 0


def test_two_builds_of_the_same_edition_give_identical_pages_and_pdfs(again, site):
    """Every page, download, PDF and search index file the same to the byte (Pagefind's own
    index changes from run to run; search.canonical puts it in order). The build's cache
    (.cache/, which records when files were written) is not output."""
    first = {k: v for k, v in tree(site.parent).items() if not k.startswith(".cache/")}
    second = {k: v for k, v in tree(again[0] / "again").items() if not k.startswith(".cache/")}
    assert set(first) == set(second)
    different = [name for name in first if first[name] != second[name]]
    assert not different, different[:10]
    assert any(name.endswith("edition-press.pdf") for name in first)
    assert any("/pagefind/filter/" in name for name in first)
