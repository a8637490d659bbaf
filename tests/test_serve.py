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
