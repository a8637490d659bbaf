"""`edition serve`: the built site on 127.0.0.1, rebuilt when a source changes.

The server watches the edition, the stylesheets and the templates; when one of their files
is saved it rebuilds (a failed build is reported, the last good site stays served, and the
watching goes on), and pages opened from this server reload themselves after each
successful build. The output folder is never watched, even when it lies in a watched one."""

from __future__ import annotations

import errno
import functools
import os
import threading
import traceback
import urllib.parse
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

from .exceptions import EnvironmentProblem, TeieditionError, ValidationFailed

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


def snapshot(folders: list[Path], ignored: tuple[Path, ...] = ()) -> dict[Path, int]:
    """Modification times of every file under `folders` but those under `ignored` (the
    output), to notice saves. A file that vanishes while it is listed (an editor's
    temporary file) is simply not there."""
    skip = {Path(os.path.abspath(path)) for path in ignored}
    times = {}
    for folder in folders:
        for root, folders_here, names in os.walk(folder):
            here = Path(os.path.abspath(root))
            folders_here[:] = [name for name in folders_here if here / name not in skip]
            for name in names:
                try:
                    times[here / name] = os.stat(here / name).st_mtime_ns
                except (OSError, ValueError):
                    continue
    return times


class Handler(SimpleHTTPRequestHandler):
    """Serves the site folder, plus the reload script and the build number."""

    state: dict = {"build": 0}

    def do_GET(self) -> None:  # noqa: N802 (the name http.server asks for)
        path = self.path.split("?", 1)[0]
        if "\0" in urllib.parse.unquote(path):  # no file has such a name, and open() would refuse it
            return self.send_error(404)
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


def watch(folders: list[Path], rebuild: Callable[[], None], state: dict, stop: threading.Event,
          interval: float = 0.5, ignored: tuple[Path, ...] = ()) -> None:
    """Rebuild whenever a file under `folders` (not under `ignored`) changes, until `stop`
    is set. Whatever a rebuild raises is shown, and the watching goes on."""
    last = snapshot(folders, ignored)
    while not stop.wait(interval):
        now = snapshot(folders, ignored)
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
            print("Not rebuilt; the last good build is still served.", flush=True)
        except Exception:  # noqa: BLE001 (a watcher that died would serve stale pages without a word)
            print(traceback.format_exc().rstrip(), flush=True)
            print("edition: internal error while rebuilding — please report the traceback above; "
                  "the last good build is still served, and the next save is rebuilt.", flush=True)


def serve(site: Path, folders: list[Path], rebuild: Callable[[], None], port: int) -> None:
    """Serve `site` on 127.0.0.1:`port` until interrupted: the port is taken first (a busy
    one is said before any build), then the site is built, then rebuilt on changes (but
    not on those to the output folder, `site`'s parent)."""
    handler = functools.partial(Handler, directory=str(site))
    try:
        server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError as err:
        if err.errno == errno.EADDRINUSE:
            raise EnvironmentProblem(f"port {port} is already in use (another server, or another `edition serve`) "
                                     f"— stop it, or choose another port with --port {port + 1 if port < 65535 else 8001}") from err
        raise EnvironmentProblem(f"cannot listen on 127.0.0.1:{port} ({err.strerror}) — choose another port with --port") from err
    try:
        rebuild()
    except BaseException:
        server.server_close()
        raise
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(folders, rebuild, Handler.state, stop),
                               kwargs={"ignored": (site.parent,)}, daemon=True)
    watcher.start()
    print(f"Serving {site} at http://127.0.0.1:{server.server_address[1]}/ — press Ctrl+C to stop.", flush=True)
    try:
        server.serve_forever()
    finally:
        stop.set()
        server.server_close()
