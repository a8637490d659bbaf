"""`edition serve`: the built site on 127.0.0.1, rebuilt when a source changes.

The server watches the edition, the stylesheets and the templates; when one of their files
is saved it rebuilds (a failed build is reported and the last good site stays served), and
pages opened from this server reload themselves after each successful build."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

from .exceptions import TeieditionError, ValidationFailed

#: The script the server adds to each page it serves: it asks for the build number and
#: reloads the page when it changes. Pages written to output/ never carry it.
RELOAD_PATH = "/.teiedition/reload.js"
BUILD_PATH = "/.teiedition/build"
RELOAD_JS = b"""(function () {
  var seen = null;
  setInterval(function () {
    fetch("/.teiedition/build", { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (n) {
      if (seen !== null && n !== seen) { window.location.reload(); }
      seen = n;
    }).catch(function () {});
  }, 1000);
}());
"""


def snapshot(folders: list[Path]) -> dict[Path, int]:
    """Modification times of every file under `folders`, to notice saves."""
    return {path: path.stat().st_mtime_ns for folder in folders if folder.is_dir() for path in folder.rglob("*") if path.is_file()}


class Handler(SimpleHTTPRequestHandler):
    """Serves the site folder, plus the reload script and the build number."""

    state: dict = {"build": 0}

    def do_GET(self) -> None:  # noqa: N802 (the name http.server asks for)
        path = self.path.split("?", 1)[0]
        if path == RELOAD_PATH:
            return self.reply(RELOAD_JS, "text/javascript")
        if path == BUILD_PATH:
            return self.reply(str(self.state["build"]).encode(), "text/plain")
        if path.endswith("/") or path.endswith(".html"):
            file = Path(self.translate_path(path if not path.endswith("/") else path + "index.html"))
            if file.is_file():
                page = file.read_bytes().replace(b"</head>", f'<script src="{RELOAD_PATH}" defer></script></head>'.encode(), 1)
                return self.reply(page, "text/html; charset=utf-8")
        return super().do_GET()

    def reply(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # quiet: the terminal is for build reports
        pass


def watch(folders: list[Path], rebuild: Callable[[], None], state: dict, stop: threading.Event, interval: float = 0.5) -> None:
    """Rebuild whenever a file under `folders` changes, until `stop` is set."""
    last = snapshot(folders)
    while not stop.wait(interval):
        now = snapshot(folders)
        if now == last:
            continue
        last = now
        try:
            rebuild()
            state["build"] += 1
        except ValidationFailed as failed:
            print("\n".join(str(p) for p in failed.problems), flush=True)
            print("Not rebuilt: the edition has problems; the last good build is still served.", flush=True)
        except TeieditionError as err:
            print(f"edition: {err}", flush=True)


def serve(site: Path, folders: list[Path], rebuild: Callable[[], None], port: int) -> None:
    """Serve `site` on 127.0.0.1:`port` until interrupted, rebuilding on changes."""
    handler = functools.partial(Handler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(folders, rebuild, Handler.state, stop), daemon=True)
    watcher.start()
    print(f"Serving {site} at http://127.0.0.1:{server.server_address[1]}/ — press Ctrl+C to stop.", flush=True)
    try:
        server.serve_forever()
    finally:
        stop.set()
        server.server_close()
