"""Part of a worker's job done on another core by a forked copy of the worker, which has
everything the worker has made (a laid-out book, which cannot be pickled): the book's
offprints and press file are written there while the worker writes the screen book."""

from __future__ import annotations

import os
import pickle
import signal
import sys
import traceback
from typing import Any, Callable


def may_fork() -> bool:
    """Whether this process may fork a copy of itself: a worker (the build's own process holds
    Saxon's threads, which a copy would not carry), on Linux (elsewhere a fork without exec is
    unsafe, and no signal ends the copy with its parent), holding one thread (a worker that ran
    a stylesheet holds Saxon's), with a core to spare."""
    from . import workers
    from .parallel import default_jobs

    return (workers.IN_WORKER and sys.platform.startswith("linux") and hasattr(os, "fork")
            and len(os.listdir("/proc/self/task")) == 1 and default_jobs() > 1)


class Beside:
    """`job()` made beside this process, in a forked copy of it, from the moment the context is
    entered; `result()` waits for it. Leaving the context before (an error here) stops the copy.
    Where no copy may be made (may_fork) or none can (the fork fails), the job is done when its
    result is asked for: the result is the same."""

    def __init__(self, job: Callable[[], Any]):
        self.job = job
        self.pid: int | None = None
        self.pipe: int | None = None

    def __enter__(self) -> "Beside":
        if may_fork():
            self.start()
        return self

    def start(self) -> None:
        import gc

        reading, writing = os.pipe()
        parent = os.getpid()
        gc.freeze()  # the copy's collector then leaves the pages it shares with this process alone
        try:
            pid = os.fork()
        except OSError:  # no memory or no process to spare: the job is done here, in turn
            gc.unfreeze()
            os.close(reading)
            os.close(writing)
            return
        if pid == 0:
            os.close(reading)
            self.run(parent, writing)
        gc.unfreeze()
        os.close(writing)
        self.pid, self.pipe = pid, reading

    def run(self, parent: int, writing: int) -> None:
        """The copy: the job's result, or its error (as a RuntimeError with its traceback where
        the error cannot travel), through the pipe; then the copy ends at once."""
        from .workers import die_with_parent

        done = False
        try:
            die_with_parent(parent)
            payload, done = pickle.dumps((True, self.job()), protocol=pickle.HIGHEST_PROTOCOL), True
        except BaseException as err:  # noqa: BLE001 - the worker raises it, whatever it was
            try:
                payload = pickle.dumps((False, err))
                pickle.loads(payload)  # an error that pickles may still not be rebuilt
            except Exception:  # noqa: BLE001
                payload = pickle.dumps((False, RuntimeError(traceback.format_exc())))
        try:
            with os.fdopen(writing, "wb") as pipe:
                pipe.write(payload)
        finally:
            os._exit(0 if done else 1)

    def result(self) -> Any:
        if self.pid is None:
            return self.job()
        with os.fdopen(self.pipe, "rb") as pipe:
            self.pipe = None
            payload = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        if not payload:
            how = (f"killed by signal {os.WTERMSIG(status)}, perhaps for want of memory" if os.WIFSIGNALED(status)
                   else f"exit status {os.WEXITSTATUS(status)}")
            raise RuntimeError(f"the process writing part of the book ended without its result ({how})")
        done, value = pickle.loads(payload)
        if not done:
            raise value
        return value

    def __exit__(self, *exc: Any) -> None:
        if self.pid is not None:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
            self.pid = None
        if self.pipe is not None:
            os.close(self.pipe)
            self.pipe = None
