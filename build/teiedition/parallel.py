"""Where a build's per-document work runs: in the build's own process (`--jobs 1`), in a pool
of local worker processes (`--jobs N`, by default one per core), or on a Dask distributed
cluster (`--scheduler ADDRESS`, the optional extra `teiedition[cluster]`).

The work is the same wherever it runs: a job receives the edition as the stylesheets read
it (a `Corpus`: the files' bytes and the one teiCorpus text), never a path to read again,
and returns the document pages' JSON; the build puts the pages in the order of the edition,
so the output is the same bytes for any number of jobs and on any cluster."""

from __future__ import annotations

import hashlib
import math
import os
import threading
from dataclasses import dataclass, field
from typing import Any, Callable

from .edition import Edition
from .exceptions import EnvironmentProblem

#: Documents per job sent to the pool: a job parses the whole corpus and compiles the page
#: stylesheet before its first page, about a second, so a job must have enough pages to win
#: that back; a smaller edition makes its pages in the build's own process.
CHUNK = 100

#: Seconds to wait for a Dask scheduler to answer before the build gives up on it.
CONNECT_TIMEOUT = 10


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


@dataclass(frozen=True)
class Corpus:
    """The edition as every job's stylesheets read it: the files (their bytes, not their
    trees), the teiCorpus text Saxon parses, where each id stands (for warnings), and the
    interface (JSON). Made once by the build; pickled to local workers, scattered once to a
    cluster."""

    edition: Edition
    text: str
    places: dict[str, tuple[str, int, int]]
    interface: str
    key: str = field(default="", compare=False)

    @classmethod
    def of(cls, edition: Edition, text: str, places: dict, interface: str) -> "Corpus":
        key = hashlib.sha256(text.encode() + interface.encode()).hexdigest()
        return cls(edition.without_trees(), text, places, interface, key)


@dataclass(frozen=True)
class OnDisk:
    """A value the jobs of a local pool share, pickled once to a file (streamed: the build's
    process never holds the pickle, where a job's arguments are pickled whole, once per job)."""

    path: str

    def load(self) -> Any:
        import pickle

        with open(self.path, "rb") as file:
            return pickle.load(file)


def received(value: Any) -> Any:
    """What a job was given to share, as the value itself."""
    return value.load() if isinstance(value, OnDisk) else value


class Pool:
    """What the build asks of a pool: submit(function, *args) → a job whose get() waits for
    its result; share(value) → what to give jobs in place of a large value; close()."""

    size = 1

    def close(self) -> None:
        pass

    def __enter__(self) -> "Pool":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


class Done:
    """A job run at once, in this process: its result, as a pool's job gives it."""

    def __init__(self, function: Callable, args: tuple):
        self.value = function(*args)

    def get(self) -> Any:
        return self.value


class Inline(Pool):
    """No pool: each job runs in the build's own process when it is given (`--jobs 1`)."""

    def submit(self, function: Callable, *args: Any) -> Done:
        return Done(function, args)

    def share(self, value: Any) -> Any:
        return value


class Waiting:
    """A cluster's job, waited for with get() as a local pool's is."""

    def __init__(self, future: Any):
        self.future = future

    def get(self) -> Any:
        return self.future.result()


class Cluster(Pool):
    """A Dask distributed cluster reached at a scheduler's address (tcp://host:8786)."""

    def __init__(self, address: str):
        try:
            from distributed import Client
        except ImportError:
            raise EnvironmentProblem("--scheduler needs Dask's distributed package, which is not installed "
                                     "— install teiedition[cluster] (pip install 'teiedition[cluster]')") from None
        try:
            self.client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as err:
            raise EnvironmentProblem(f"no Dask scheduler answers at {address} ({err}) — start one "
                                     "(dask scheduler, then dask worker ADDRESS on each machine), "
                                     "or build without --scheduler") from None
        self.size = max(1, sum(worker.get("nthreads", 1) for worker in self.client.scheduler_info()["workers"].values()))

    def submit(self, function: Callable, *args: Any) -> Waiting:
        return Waiting(self.client.submit(function, *args, pure=False))

    def share(self, value: Any) -> Any:
        """`value` sent once to every worker; jobs given the returned future receive the value."""
        return self.client.scatter(value, broadcast=True, hash=False)

    def close(self) -> None:
        self.client.close()


def chunks(ids: list[str], size: int) -> list[list[str]]:
    """`ids` cut into jobs for a pool of `size`: none when the pool is one process or the
    edition too small to pay for a job's start, else as many jobs as the pool has workers,
    each of at least CHUNK documents."""
    if size <= 1 or len(ids) < 2 * CHUNK:
        return []
    count = min(size, len(ids) // CHUNK)
    length = math.ceil(len(ids) / count)
    return [ids[start:start + length] for start in range(0, len(ids), length)]


#: A worker's compiled page stylesheet, kept for the next job on the same corpus; a lock, as a
#: cluster's worker may run jobs in threads of one process.
_kept: dict[str, Any] = {}
_lock = threading.Lock()


def document_pages(corpus: Corpus, ids: list[str]) -> tuple[list[dict], list[str], list]:
    """A job: the pages of the documents `ids` (in their order), their plain texts, and what
    the stylesheet warned about."""
    from .build import batches
    from .resources import resource
    from .transform import Saxon

    corpus = received(corpus)
    with _lock:
        stylesheet = _kept.get(corpus.key)
        if stylesheet is None:
            _kept.clear()
            saxon = Saxon.from_corpus(corpus)
            stylesheet = _kept[corpus.key] = saxon.compile(resource("xslt") / "html" / "edition.xsl")
        pages: list[dict] = []
        texts: list[str] = []
        for batch in batches(ids):
            pages += stylesheet.call("page", page=" ".join(batch))
            texts += stylesheet.call("text", page=" ".join(batch))
        return pages, texts, stylesheet.messages()
