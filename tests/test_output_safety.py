"""The output folder: a build never destroys a user's files, and a build killed at any
instant leaves the previous output or the new one, whole (issue 14, Must 1)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import ROOT

LETTER = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>A letter</title></titleStmt>
<publicationStmt><p>none</p></publicationStmt><sourceDesc><p>none</p></sourceDesc></fileDesc></teiHeader>
<text><body><p>{words}</p></body></text></TEI>
"""


def corpus(folder: Path, words: str = "Dear friend, alphaword.") -> Path:
    """A foreign corpus of one small letter: the fastest edition there is to build."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "letter.xml").write_text(LETTER.format(words=words), encoding="utf-8")
    return folder


def edition(*args: str, cwd: Path, **options) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "teiedition.cli", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300, **options)


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_an_output_folder_holding_the_input_is_refused_before_anything_is_written(tmp_path):
    sources = corpus(tmp_path / "proj" / "html")
    before = tree(tmp_path)
    done = edition("build", "--tei", "proj/html", "--out", "proj", "--no-pdf", cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert "proj: the output folder holds the input folder proj/html" in done.stderr
    assert tree(tmp_path) == before and sorted(p.name for p in sources.iterdir()) == ["letter.xml"]


def test_an_output_folder_equal_to_the_input_is_refused(tmp_path):
    corpus(tmp_path / "corpus")
    before = tree(tmp_path)
    done = edition("build", "--tei", "corpus", "--out", "corpus", "--no-pdf", cwd=tmp_path)
    assert done.returncode == 2 and "corpus: the output folder is the input folder corpus" in done.stderr
    assert tree(tmp_path) == before


def test_an_output_folder_inside_the_input_is_refused(tmp_path):
    corpus(tmp_path / "corpus")
    before = tree(tmp_path)
    done = edition("build", "--tei", "corpus", "--out", "corpus/site", "--no-pdf", cwd=tmp_path)
    assert done.returncode == 2 and "corpus/site: the output folder lies in the input folder corpus" in done.stderr
    assert tree(tmp_path) == before and not (tmp_path / "corpus" / "site").exists()


def test_an_output_folder_holding_the_tools_templates_is_refused(tmp_path):
    """Checked on the guard itself: a build that got it wrong would write into the checkout."""
    from teiedition.exceptions import UsageError
    from teiedition.publish import guard

    corpus(tmp_path / "corpus")
    (tmp_path / "tool" / "templates").mkdir(parents=True)
    with pytest.raises(UsageError, match="holds the input folder"):
        guard(tmp_path / "tool", [tmp_path / "corpus", tmp_path / "tool" / "templates"])
    assert sorted(p.name for p in (tmp_path / "tool").iterdir()) == ["templates"]


def test_a_build_names_the_tools_templates_among_its_inputs(tmp_path, monkeypatch):
    from teiedition import build
    from teiedition.exceptions import UsageError

    def stop(out, inputs):
        guarded.extend(inputs)
        raise UsageError("stop")

    guarded = []
    monkeypatch.setattr(build, "guard", stop)
    with pytest.raises(UsageError):
        build.build(corpus(tmp_path / "corpus"), tmp_path / "out", pdf=False)
    assert {build.resource("templates"), build.resource("xslt")} <= set(guarded)


@pytest.mark.parametrize("name", ["html", "pdf"])
def test_an_html_or_pdf_folder_the_tool_did_not_make_is_never_replaced(tmp_path, name):
    corpus(tmp_path / "corpus")
    (tmp_path / "out" / name).mkdir(parents=True)
    (tmp_path / "out" / name / "thesis.txt").write_text("four years of work")
    before = tree(tmp_path / "out")
    done = edition("build", "--tei", "corpus", "--out", "out", "--no-pdf", cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert f"out/{name}: this folder was not made by `edition build`" in done.stderr
    assert tree(tmp_path / "out") == before


def test_an_output_of_an_earlier_build_is_replaced(tmp_path):
    """An output made by a version before the marker is known by the build record beside it."""
    corpus(tmp_path / "corpus")
    assert edition("build", "--tei", "corpus", "--out", "out", "--no-pdf", cwd=tmp_path).returncode == 0
    (tmp_path / "out" / "html" / ".teiedition-output").unlink()
    corpus(tmp_path / "corpus", "Dear friend, betaword.")
    done = edition("build", "--tei", "corpus", "--out", "out", "--no-pdf", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "betaword" in (tmp_path / "out" / "html" / "letter.html").read_text(encoding="utf-8")


#: Publishes a new site over an old one, each step of the swap slowed down so that a signal
#: can land before, inside and after it; prints "staged" when the swap begins.
SLOW_PUBLISH = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from teiedition import publish

    real = publish.exchange
    def slow(first, second):
        print("staged", flush=True)
        time.sleep(0.15)
        real(first, second)
        time.sleep(0.15)
    publish.exchange = slow
    files = {f"page{n}.html": b"new " * 1000 for n in range(200)}
    publish.publish({Path(sys.argv[1]): files})
""")


def published(target: Path, text: bytes) -> None:
    from teiedition.publish import publish

    publish({target: {f"page{n}.html": text * 1000 for n in range(200)}})


@pytest.mark.parametrize("signal_number", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT], ids=["SIGKILL", "SIGTERM", "SIGINT"])
def test_publishing_killed_at_any_moment_leaves_the_old_or_the_new_output_whole(tmp_path, signal_number):
    target = tmp_path / "out" / "html"
    published(target, b"old ")
    old = tree(target)
    moments = random.Random(14)
    outcomes = set()
    for attempt in range(16):
        run = subprocess.Popen([sys.executable, "-c", SLOW_PUBLISH, str(target)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if attempt % 2:  # every other one inside the swap itself
            assert run.stdout.readline() == b"staged\n"
            time.sleep(moments.uniform(0, 0.3))
        else:
            time.sleep(moments.uniform(0.05, 0.8))
        run.send_signal(signal_number)
        run.wait(timeout=30)
        found = tree(target)
        assert found == old or (found != old and set(found.values()) <= {b"new " * 1000, old[".teiedition-output"]}
                                and len(found) == len(old)), f"attempt {attempt}: a partial output"
        outcomes.add("old" if found == old else "new")
        published(target, b"old ")  # the next publish clears what this one left, whatever it was
        assert sorted(p.name for p in target.parent.iterdir()) == ["html"]
    assert outcomes == {"old", "new"} or signal_number != signal.SIGKILL, outcomes


def test_a_signal_during_the_swap_waits_until_it_is_done(tmp_path):
    target = tmp_path / "out" / "html"
    published(target, b"old ")
    run = subprocess.Popen([sys.executable, "-c", SLOW_PUBLISH, str(target)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert run.stdout.readline() == b"staged\n"
    time.sleep(0.1)
    run.send_signal(signal.SIGTERM)
    run.wait(timeout=30)
    assert run.returncode == -signal.SIGTERM  # it did stop, once the swap was done
    assert set(tree(target).values()) == {b"new " * 1000, (target / ".teiedition-output").read_bytes()}


def test_a_leftover_staging_folder_does_not_block_a_later_build(tmp_path):
    corpus(tmp_path / "corpus")
    for leftover in (".html-staging-abc123", ".html-previous"):
        (tmp_path / "out" / leftover).mkdir(parents=True)
        (tmp_path / "out" / leftover / "page.html").write_text("half")
    done = edition("build", "--tei", "corpus", "--out", "out", "--no-pdf", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [".cache", "html"]


def test_builds_killed_at_random_moments_leave_the_old_or_the_new_output_whole(tmp_path):
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1764547200"}
    versions = {}
    for word in ("oldword", "newword"):  # each version's output, built whole
        corpus(tmp_path / "corpus", f"Dear friend, {word}.")
        assert edition("build", "--tei", "corpus", "--out", word, "--no-pdf", cwd=tmp_path, env=env).returncode == 0
        versions[word] = tree(tmp_path / word / "html")
    corpus(tmp_path / "corpus", "Dear friend, oldword.")
    started = time.monotonic()
    assert edition("build", "--tei", "corpus", "--out", "out", "--no-pdf", cwd=tmp_path, env=env).returncode == 0
    lasts = time.monotonic() - started  # the moments fall inside a build, however fast it is
    current, other = "oldword", "newword"
    moments = random.Random(1985)
    kinds = [signal.SIGKILL, signal.SIGTERM, signal.SIGINT]
    for attempt in range(9):
        corpus(tmp_path / "corpus", f"Dear friend, {other}.")
        build = subprocess.Popen([sys.executable, "-m", "teiedition.cli", "build", "--tei", "corpus", "--out", "out", "--no-pdf"],
                                 cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        time.sleep(moments.uniform(0.1, 0.9) * lasts)
        build.send_signal(kinds[attempt % 3])
        _, stderr = build.communicate(timeout=120)
        assert "Traceback" not in stderr and "internal error" not in stderr, stderr
        found = tree(tmp_path / "out" / "html")
        assert found in (versions[current], versions[other]), f"attempt {attempt}: a partial output"
        if found == versions[other]:  # the build got through: the next one goes back
            current, other = other, current
    done = edition("build", "--tei", "corpus", "--out", "out", "--no-pdf", cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [".cache", "html"]


def test_builds_killed_inside_the_final_swap_leave_the_old_or_the_new_output_whole(tmp_path):
    """A real build, each rename of its swap held open for 2 s by strace, killed in that
    window at random: before the exchange the old output is whole, after it the new."""
    import shutil

    strace = shutil.which("strace")
    if not strace:
        pytest.skip("strace not found (apt-get install strace): it holds the swap open")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1764547200"}
    versions = {}
    for word in ("oldword", "newword"):
        corpus(tmp_path / "corpus", f"Dear friend, {word}.")
        assert edition("build", "--tei", "corpus", "--out", word, "--no-pdf", cwd=tmp_path, env=env).returncode == 0
        versions[word] = tree(tmp_path / word / "html")
    current, other = "oldword", "newword"
    corpus(tmp_path / "corpus", f"Dear friend, {current}.")
    assert edition("build", "--tei", "corpus", "--out", "out", "--no-pdf", cwd=tmp_path, env=env).returncode == 0
    moments = random.Random(2026)
    kinds = (signal.SIGKILL, signal.SIGKILL, signal.SIGTERM, signal.SIGKILL, signal.SIGINT, signal.SIGKILL)
    for slot, kind in enumerate(kinds):  # one random moment in each sixth of the window
        corpus(tmp_path / "corpus", f"Dear friend, {other}.")
        traced = subprocess.Popen([strace, "-f", "-qq", "-o", "/dev/null", "-e", "trace=renameat2,rename", "-e", "inject=renameat2,rename:delay_enter=1000000:delay_exit=1000000",
                                   sys.executable, "-m", "teiedition.cli", "build", "--tei", "corpus", "--out", "out", "--no-pdf"],
                                  cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        deadline = time.monotonic() + 60
        while not list((tmp_path / "out").glob(".html-staging-*")) and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.1 + (slot + moments.random()) * 1.9 / len(kinds))  # the files take a few ms; then 2 s of swap
        children = Path(f"/proc/{traced.pid}/task/{traced.pid}/children").read_text().split()
        if children:
            os.kill(int(children[0]), kind)
        traced.communicate(timeout=60)
        found = tree(tmp_path / "out" / "html")
        assert found in (versions[current], versions[other]), "a partial output"
        if found == versions[other]:
            current, other = other, current
    done = edition("build", "--tei", "corpus", "--out", "out", "--no-pdf", cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [".cache", "html"]


def test_a_build_given_the_stop_signal_twice_while_laying_out_the_book_ends_at_once(tmp_path):
    # `timeout`, CI runners and `uv run` send SIGTERM to each process of a group and forward it
    # again: the repeat came while the worker pool was being terminated, which then never ended
    shutil.copytree(ROOT / "tei", tmp_path / "tei")  # our edition: its book takes long enough to be stopped in
    build = subprocess.Popen([sys.executable, "-m", "teiedition.cli", "build", "--tei", "tei", "--out", "out"],
                             cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    time.sleep(6)  # the pages are being made and the book laid out in a worker
    for _ in range(10):  # to the whole group, as `timeout` sends it, and again and again as runners forward it
        os.killpg(build.pid, signal.SIGTERM)
        time.sleep(0.1)
    _, stderr = build.communicate(timeout=60)
    assert build.returncode == 130, stderr
    assert "Traceback" not in stderr, stderr


def test_a_worker_whose_build_ended_while_it_started_ends_at_once():
    # a worker spawned as its build was killed set its parent-death signal too late, waited for
    # work for ever and held the build's terminal open (a test's pipe: 120 s, then a failure)
    started = subprocess.run([sys.executable, "-c", "import os\nfrom teiedition.workers import set_up_worker\n"
                              "set_up_worker(os.getppid() + 1000000)\nprint('waiting for work')"],
                             capture_output=True, text=True, cwd=ROOT / "build", timeout=60)
    assert started.returncode == 0 and "waiting for work" not in started.stdout


def test_a_worker_of_a_live_build_waits_for_work():
    started = subprocess.run([sys.executable, "-c", "import os\nfrom teiedition.workers import set_up_worker\n"
                              "set_up_worker(os.getppid())\nprint('waiting for work', flush=True)"],
                             capture_output=True, text=True, cwd=ROOT / "build", timeout=60)
    assert "waiting for work" in started.stdout
