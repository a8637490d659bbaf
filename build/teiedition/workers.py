"""Work done beside the build's own process, on the machine's other core: the book's layout
and the EPUB's pages, which need nothing from the web pages and take longest. Each job
starts a fresh process (spawned: the build's process holds Saxon's threads, which a fork
would not carry) and is stopped at once if the build fails or is interrupted."""

from __future__ import annotations

import multiprocessing
import os
from typing import Any, Callable

#: True in a worker process: only there may a job fork a copy of itself (forked.may_fork, which
#: also asks that the worker hold one thread, as one that ran a stylesheet holds Saxon's).
IN_WORKER = False


class Workers:
    """A small pool of worker processes, made when the first job is given."""

    def __init__(self, size: int = 2):
        self.size = size
        self.pool: Any = None
        self.folder: str | None = None

    def submit(self, function: Callable, *args: Any) -> Any:
        """Start `function(*args)` in a worker; returns a result whose get() waits for it."""
        if self.pool is None:
            # the workers start with no standard error of their own: one still starting when the
            # build is killed (SIGKILL: no clean-up) finds its parent gone and printed Python's
            # traceback on the build's terminal; a job's own error reaches the build through get()
            saved, quiet = os.dup(2), os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(quiet, 2)
                self.pool = multiprocessing.get_context("spawn").Pool(self.size, initializer=set_up_worker, initargs=(os.getpid(),))
            finally:
                os.dup2(saved, 2)
                os.close(saved)
                os.close(quiet)
        return self.pool.apply_async(function, args)

    def share(self, value: Any) -> Any:
        """What jobs are given for `value`: a file it is pickled to once (parallel.OnDisk)."""
        import pickle
        import tempfile

        from .parallel import OnDisk

        self.folder = self.folder or tempfile.mkdtemp(prefix="teiedition-shared-")
        path = os.path.join(self.folder, f"{len(os.listdir(self.folder))}.pickle")
        with open(path, "wb") as file:
            pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
        return OnDisk(path)

    def close(self) -> None:
        import shutil

        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    def __enter__(self) -> "Workers":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def set_up_worker(parent: int) -> None:
    """A worker is stopped by the build alone. It leaves the build's process group, so that a
    stop signal sent to the group (Ctrl-C, `timeout`, a CI runner) reaches only the build: a
    worker killed by it while waiting for work dies holding the pool's queue lock, and the
    build's clean-up then waits on that lock for ever. And it ends when the build's process
    does, even killed (Linux: the parent-death signal): it would otherwise finish its job for
    nobody and complain on the terminal. A worker whose build was killed while it started
    (`parent` is no longer its parent) ends at once: it would wait for work for ever, holding
    the build's terminal open."""
    import os
    import sys

    global IN_WORKER
    IN_WORKER = True
    if hasattr(os, "setsid"):
        os.setsid()
    die_with_parent(parent)
    # a job's own error reaches the build through get(); all the pool would print here is
    # its broken pipe when an interrupted build has stopped listening
    sys.stderr = open(os.devnull, "w")


def die_with_parent(parent: int) -> None:
    """This process is killed when its parent ends, even killed (Linux: the parent-death
    signal); it ends now if `parent` has already ended, which no signal would then say."""
    import ctypes
    import signal
    import sys

    if sys.platform.startswith("linux"):
        PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        os._exit(0)


def ebook(corpus: Any, date: str, language: str, labels: dict[str, str]) -> tuple[bytes, list]:
    """A job: the EPUB (its chapters by te:epub, zipped here: the file is a tenth of its
    chapters' JSON, which the build's process then never holds) and what its stylesheet warned
    about, from the edition as the build's Saxon read it (parallel.Corpus; validated by the build)."""
    from .epub import epub
    from .i18n import Interface
    from .parallel import received
    from .resources import resource
    from .transform import Saxon

    stylesheet = Saxon.from_corpus(received(corpus)).compile(resource("xslt") / "epub" / "edition.xsl")
    chapters = stylesheet.call("epub")
    css = (resource("templates") / "epub" / "epub.css").read_bytes()
    return epub(chapters, css, date, Interface(language, labels).gettext), stylesheet.messages()
