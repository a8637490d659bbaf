"""`edition serve`: serves the built site on 127.0.0.1 and rebuilds when a source is saved."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import ROOT, TEI


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(predicate, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.3)
    return False


def test_serve_rebuilds_a_page_when_its_tei_is_saved(tmp_path):
    shutil.copytree(TEI, tmp_path / "tei")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "teiedition.cli", "serve", "--port", str(port)],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "build")},
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        assert wait_for(lambda: "Pants" in fetch(base + "kgb-message.html")), "the site was not served"
        assert "/.teiedition/reload.js" in fetch(base + "kgb-message.html")
        assert "/.teiedition/reload.js" not in (tmp_path / "output" / "html" / "kgb-message.html").read_text()
        build = fetch(base + ".teiedition/build")
        text = tmp_path / "tei" / "texts" / "kgb-message.xml"
        text.write_text(text.read_text().replace("At a regular meeting", "At a regular, edited meeting"))
        assert wait_for(lambda: fetch(base + ".teiedition/build") != build), "no rebuild after the save"
        assert "At a regular, edited meeting" in fetch(base + "kgb-message.html")
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=10)


def serve_command(*args: str, cwd, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "teiedition.cli", "serve", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=timeout, env={**os.environ, "PYTHONPATH": str(ROOT / "build")})


def test_serve_on_a_busy_port_names_it_and_how_to_choose_another_before_building(tmp_path):
    shutil.copytree(TEI, tmp_path / "tei")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = serve_command("--port", str(port), cwd=tmp_path)
    assert done.returncode == 3, done.stderr
    assert f"port {port} is already in use" in done.stderr and f"--port {port + 1}" in done.stderr
    assert "internal error" not in done.stderr and not (tmp_path / "output").exists()


def test_serve_on_a_port_that_does_not_exist_is_a_usage_error(tmp_path):
    done = serve_command("--port", "99999", cwd=tmp_path)
    assert done.returncode == 2 and "is not a port" in done.stderr


def watching(folder, rebuild, **options):
    """The watcher of `edition serve` on `folder`, in a thread, checking every 50 ms."""
    import threading

    from teiedition.serve import watch

    state, stop = {"build": 0}, threading.Event()
    thread = threading.Thread(target=watch, args=([folder], rebuild, state, stop), kwargs={"interval": 0.05, **options}, daemon=True)
    thread.start()
    time.sleep(0.2)
    return state, stop, thread


def test_the_watcher_goes_on_after_a_rebuild_fails_unexpectedly(tmp_path, capsys):
    calls = []

    def rebuild():
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("a stage broke")

    (tmp_path / "a.xml").write_text("one")
    state, stop, thread = watching(tmp_path, rebuild)
    try:
        (tmp_path / "a.xml").write_text("two")
        assert wait_for(lambda: len(calls) == 1, 10)
        time.sleep(0.2)
        (tmp_path / "a.xml").write_text("three")
        assert wait_for(lambda: state["build"] == 1, 10), "the watcher stopped after the failed rebuild"
    finally:
        stop.set()
        thread.join(5)
    said = capsys.readouterr().out
    assert "RuntimeError: a stage broke" in said and "the next save is rebuilt" in said


def test_the_watcher_survives_files_that_vanish_while_it_lists_them(tmp_path, monkeypatch):
    """An editor's temporary file is gone between two looks at it (listed, then asked its
    time): the race of a real editor, made certain."""
    from teiedition.serve import snapshot

    (tmp_path / "a.xml").write_text("kept")
    (tmp_path / "4913").write_text("an editor's test file")
    real, looked = os.stat, []

    def stat(path, *args, **kwargs):
        if os.fspath(path).endswith("4913"):
            looked.append(path)
            if len(looked) > 1:
                raise FileNotFoundError(2, "No such file or directory", os.fspath(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    found = snapshot([tmp_path])
    assert tmp_path / "a.xml" in found and looked


def test_the_watcher_ignores_the_output_folder_inside_what_it_watches(tmp_path):
    calls = []
    (tmp_path / "_site").mkdir()
    state, stop, thread = watching(tmp_path, lambda: calls.append(1), ignored=(tmp_path / "_site",))
    try:
        for number in range(5):
            (tmp_path / "_site" / f"page{number}.html").write_text("built")
            time.sleep(0.1)
        time.sleep(0.3)
        assert calls == []
        (tmp_path / "a.xml").write_text("saved")
        assert wait_for(lambda: calls == [1], 10)
    finally:
        stop.set()
        thread.join(5)


def test_a_request_with_a_null_byte_is_not_found(tmp_path):
    import functools
    import threading
    import urllib.error
    from http.server import ThreadingHTTPServer

    from teiedition.serve import Handler

    (tmp_path / "a.html").write_text("<html><head></head></html>")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        try:
            fetch(f"http://127.0.0.1:{server.server_address[1]}/a%00.html")
            status = 200
        except urllib.error.HTTPError as err:
            status = err.code
        assert status == 404
    finally:
        server.shutdown()
        server.server_close()
