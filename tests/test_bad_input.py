"""Bad input: each mistake an editor can make gets a message `file:line:col: rule: what is
wrong — what to do`, its documented exit code (1 invalid input, 2 usage, 3 environment), no
traceback, and the previous output left exactly as it was."""

from __future__ import annotations

import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, TEI

LOCATED = re.compile(r"^(?P<file>[^\n:]+\.xml):(?P<line>\d+):(?P<col>\d+): (?P<rule>[a-z][a-z0-9-]*): .+ — .+$", re.M)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def edition(*args: str, cwd: Path, **options) -> subprocess.CompletedProcess:
    """The command as an editor runs it."""
    return subprocess.run([sys.executable, "-m", "teiedition.cli", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300, **options)


@pytest.fixture(scope="module")
def previous(tmp_path_factory) -> Path:
    """A good build's output (HTML only), copied into each case before the bad build."""
    out = tmp_path_factory.mktemp("previous") / "out"
    done = edition("build", "--tei", str(TEI), "--out", str(out), "--no-pdf", cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture
def case(tmp_path, previous) -> Path:
    """A copy of the edition and of the previous output, in a folder of their own."""
    shutil.copytree(TEI, tmp_path / "tei")
    shutil.copytree(previous, tmp_path / "out")
    return tmp_path


def fails(case: Path, exit_code: int, rule: str, file: str | None = None) -> str:
    """Build the case's edition: it must stop with `exit_code` and a located message of
    `rule` (in `file`), print no traceback and leave the previous output as it was."""
    before = tree(case / "out")
    done = edition("build", "--tei", "tei", "--out", "out", "--no-pdf", cwd=case)
    said = done.stdout + done.stderr
    assert done.returncode == exit_code, said
    assert "Traceback" not in said and "internal error" not in said
    if file:
        found = [m for m in LOCATED.finditer(done.stderr) if m["rule"] == rule]
        assert found, f"no {rule} message: {done.stderr}"
        assert found[0]["file"] == file
    else:
        assert f"{rule}" in done.stderr, done.stderr
    assert tree(case / "out") == before
    assert not leftovers(case / "out"), "leftovers beside the output"
    return done.stderr


def leftovers(out: Path) -> list[Path]:
    """Staging or moved-aside folders beside the output (its .cache is the build's own)."""
    return [p for p in out.iterdir() if p.name.startswith(".") and p.name != ".cache"]


LETTER = "tei/texts/rajavi-letter.xml"


def letter(case: Path) -> Path:
    return case / LETTER


def test_ill_formed_xml(case):
    path = letter(case)
    path.write_text(path.read_text().replace("</p>", "</q>", 1))
    fails(case, 1, "xml-well-formed", LETTER)


def test_an_empty_file(case):
    letter(case).write_bytes(b"")
    fails(case, 1, "xml-well-formed", LETTER)


def test_a_file_that_is_not_tei(case):
    letter(case).write_text('<?xml version="1.0"?>\n<html><body><p>Dear M. S. Gorbachev</p></body></html>\n')
    fails(case, 1, "not-tei", LETTER)


def test_a_wrong_encoding_declaration(case):
    path = letter(case)
    path.write_text(path.read_text().replace('encoding="UTF-8"', 'encoding="ISO-8859-1"', 1))
    assert "ISO-8859-1" in path.read_text() and not path.read_bytes().isascii()
    fails(case, 1, "xml-encoding", LETTER)


def test_bytes_that_are_not_the_declared_utf8(case):
    path = letter(case)
    path.write_bytes(path.read_bytes().replace("Ul'ianovskii".encode(), "Ul'ianovsk\xe9".encode("latin-1"), 1))
    fails(case, 1, "xml-encoding", LETTER)


def test_a_byte_order_mark_is_accepted(case):
    path = letter(case)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    done = edition("build", "--tei", "tei", "--out", "out", "--no-pdf", cwd=case)
    assert done.returncode == 0, done.stderr
    assert "\ufeff" not in (case / "out" / "html" / "rajavi-letter.html").read_text(encoding="utf-8")


def test_a_relaxng_error(case):
    path = letter(case)
    path.write_text(path.read_text().replace("<p ", '<p colour="red" ', 1))
    fails(case, 1, "relaxng", LETTER)


def test_a_schematron_error(case):
    path = letter(case)
    path.write_text(path.read_text().replace("Dear", "**Dear**", 1))
    fails(case, 1, "no-markdown", LETTER)


def test_a_dangling_ref(case):
    path = letter(case)
    path.write_text(path.read_text().replace('ref="psn:gorbachev"', 'ref="psn:gorbachov"', 1))
    fails(case, 1, "ref-person", LETTER)


def test_a_dangling_target(case):
    path = letter(case)
    text = path.read_text()
    target = re.search(r'target="(#[^"]+)"', text)
    assert target, "the letter has a local pointer to break"
    path.write_text(text.replace(target[0], 'target="#nowhere"', 1))
    stderr = fails(case, 1, "ref-local")
    assert LETTER in stderr


def test_a_duplicate_id_across_files(case):
    memo = case / "tei/texts/ulianovskii-memo.xml"
    ident = re.search(r'<p xml:id="([^"]+)"', letter(case).read_text())[1]
    memo.write_text(re.sub(r'<p xml:id="[^"]+"', f'<p xml:id="{ident}"', memo.read_text(), count=1))
    stderr = fails(case, 1, "id-unique")
    assert "ulianovskii-memo.xml" in stderr or LETTER in stderr


def test_a_missing_register(case):
    (case / "tei/registers/places.xml").unlink()
    stderr = fails(case, 1, "ref-place")
    assert "places.xml" in stderr


def test_an_unknown_element(case):
    path = letter(case)
    path.write_text(path.read_text().replace("<p ", "<paragraph/><p ", 1))
    fails(case, 1, "relaxng", LETTER)


def test_a_very_large_file_is_refused_before_it_is_read(case):
    big = case / "tei/texts/huge.xml"
    with big.open("wb") as handle:
        handle.truncate(50 * 2**20)  # 50 MB, sparse: the size is what is checked
    started = time.monotonic()
    fails(case, 1, "file-too-large", "tei/texts/huge.xml")
    assert time.monotonic() - started < 30


def test_a_path_with_spaces_and_non_ascii_letters_builds(tmp_path):
    folder = tmp_path / "Édition de l’été" / "tei files"
    shutil.copytree(TEI, folder)
    done = edition("build", "--tei", str(folder), "--out", str(tmp_path / "sortie ü"), "--no-pdf", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "sortie ü" / "html" / "kgb-message.html").is_file()


def test_a_path_with_spaces_and_non_ascii_letters_is_named_in_messages(tmp_path):
    folder = tmp_path / "Édition de l’été"
    shutil.copytree(TEI, folder)
    (folder / "texts" / "kgb-message.xml").write_bytes(b"")
    done = edition("build", "--tei", str(folder), "--out", str(tmp_path / "out"), "--no-pdf", cwd=tmp_path)
    assert done.returncode == 1
    assert "Édition de l’été/texts/kgb-message.xml:1:1: xml-well-formed:" in done.stderr


def test_an_unreadable_file(case):
    path = letter(case)
    path.unlink()
    path.symlink_to(case / "moved-away.xml")  # a link to a file that is gone: it cannot be read
    fails(case, 1, "file-unreadable", LETTER)


def test_an_output_folder_that_cannot_be_written(case):
    blocker = case / "not-a-folder"
    blocker.write_text("a file where the output folder should be")
    done = edition("build", "--tei", "tei", "--out", "not-a-folder/out", "--no-pdf", cwd=case)
    assert done.returncode == 3, done.stderr
    assert "not-a-folder" in done.stderr and "Traceback" not in done.stderr


def test_a_full_disk_leaves_the_previous_output(case):
    """The file size limit stands in for a full disk: a write fails half-way (EFBIG), as
    it would with ENOSPC."""
    before = tree(case / "out")
    text = letter(case)
    text.write_text(text.read_text().replace("Dear", "Most dear", 1))  # a build that must write

    def small_disk():
        resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))

    done = edition("build", "--tei", "tei", "--out", "out", "--no-pdf", cwd=case, preexec_fn=small_disk)
    assert done.returncode == 3, done.stderr
    assert "could not be written" in done.stderr and "Traceback" not in done.stderr
    assert tree(case / "out") == before


@pytest.mark.parametrize("signal_number", [signal.SIGINT, signal.SIGKILL], ids=["SIGINT", "SIGKILL"])
@pytest.mark.parametrize("after", [0.8, 3.0])
def test_a_build_interrupted_half_way_leaves_the_previous_output(case, signal_number, after):
    """A full build (HTML and the book) lasts long enough to be cut in validation or
    transformation (0.8 s) and in the book's layout (3 s)."""
    before = tree(case / "out")
    text = letter(case)
    text.write_text(text.read_text().replace("Dear", "Most dear", 1))  # a build that would change the output
    build = subprocess.Popen([sys.executable, "-m", "teiedition.cli", "build", "--tei", "tei", "--out", "out"],
                             cwd=case, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(after)
    build.send_signal(signal_number)
    _, stderr = build.communicate(timeout=120)
    if build.returncode == 0:
        pytest.skip(f"the build finished in under {after} s; nothing to interrupt")
    assert "Traceback" not in stderr
    if signal_number == signal.SIGINT:
        assert build.returncode == 130 and "interrupted" in stderr
    after_tree = {k: v for k, v in tree(case / "out").items()}
    assert after_tree == before
    # the next build clears what a killed one left and completes
    again = edition("build", "--tei", "tei", "--out", "out", "--no-pdf", cwd=case)
    assert again.returncode == 0, again.stderr
    assert not leftovers(case / "out")
    assert "Most dear" in (case / "out" / "html" / "rajavi-letter.html").read_text(encoding="utf-8")


def test_two_builds_at_once_on_one_output_take_turns(case):
    """The second waits for the first (and says so); the output is one build's, whole."""
    text = letter(case)
    text.write_text(text.read_text().replace("Dear", "Most dear", 1))  # a build that must write
    builds = [subprocess.Popen([sys.executable, "-m", "teiedition.cli", "build", "--tei", "tei", "--out", "out", "--no-pdf"],
                               cwd=case, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    results = [build.communicate(timeout=300) for build in builds]
    assert [build.returncode for build in builds] == [0, 0], results
    assert any("waiting for it to finish" in stderr for _, stderr in results)
    alone = edition("build", "--tei", "tei", "--out", "alone", "--no-pdf", cwd=case)
    assert alone.returncode == 0
    pages = {k: v for k, v in tree(case / "out").items() if k.endswith(".html")}
    assert pages == {k: v for k, v in tree(case / "alone").items() if k.endswith(".html")}
    assert not leftovers(case / "out")


def test_a_control_character_from_a_mixed_up_encoding(case):
    path = letter(case)
    path.write_text(path.read_text().replace("Dear", "&#x88;Dear", 1))
    stderr = fails(case, 1, "xml-control-char", LETTER)
    assert "U+0088" in stderr
