"""Write the built site into the output folder whole or not at all.

Everything is written into a staging folder beside the target; only when all of it is
there does the staging folder take the target's place. A failure before that leaves the
previous output exactly as it was. The swap is one atomic exchange of the two folders
(Linux's renameat2), so that a build killed at any instant leaves the old output or the new
one, whole. One build at a time holds the output folder (a lock on it); the next waits.
What a killed build left behind (a staging folder, a half-made swap) is cleared or undone
by the next one. A folder the tool did not make (no marker of ours) is never replaced, and
an output folder that would hold or lie in the inputs is refused before anything is written."""

from __future__ import annotations

import ctypes
import errno
import json
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from .exceptions import BuildError, EnvironmentProblem, UsageError
from .problems import display_path
from .state import STATE
from .webfonts import FONTS

#: The file each output folder of ours holds: a folder without it was not made by a build
#: and is never deleted or replaced.
MARKER = ".teiedition-output"
MARKER_TEXT = b"This folder was written by `edition build`; each build replaces it whole.\n"

#: The folders of an output folder that a build replaces.
TARGETS = ("html", "pdf")


def inside(path: Path, folder: Path) -> bool:
    """True when `path` is `folder` or lies below it (both resolved)."""
    return path == folder or folder in path.parents


def guard(out: Path, inputs: list[Path]) -> None:
    """Refuse, before anything is written, an output folder that is, holds or lies in one of
    the `inputs` (a build would replace the sources with the site, or read its own output
    as sources), and output folders the tool did not make."""
    where = out.resolve()
    for folder in inputs:
        source = folder.resolve()
        if inside(where, source) or inside(source, where):
            relation = "is" if where == source else "lies in" if inside(where, source) else "holds"
            raise UsageError(f"{display_path(out)}: the output folder {relation} the input folder {display_path(folder)}, "
                             "whose files a build would replace or read back — choose an output folder outside it with --out")
    for name in TARGETS:
        check_ours(out / name)


def check_ours(target: Path) -> None:
    """Refuse a `target` that a build would replace but that no build made."""
    if not (target.exists() or target.is_symlink()):
        return
    if target.is_dir() and not target.is_symlink() and ((target / MARKER).is_file() or listed(target)):
        return
    raise UsageError(f"{display_path(target)}: this folder was not made by `edition build`, and a build would replace it "
                     "— move it away, or choose another output folder with --out")


def listed(target: Path) -> bool:
    """True when the build record beside `target` lists it: an output of an earlier version
    of the tool, made before the marker."""
    try:
        record = json.loads((target.parent / STATE).read_text(encoding="utf-8"))
        return target.name in record.get("outputs", {})
    except (OSError, ValueError, AttributeError):
        return False


@contextmanager
def output_lock(out: Path, waiting: Callable[[str], None]) -> Iterator[None]:
    """Hold the output folder for one build: a second build on the same folder waits (and
    says so through `waiting`) until the first has finished. The folder is made if missing,
    and removed again if the build leaves it empty."""
    created = not out.exists()
    # the lock is a file in the build's own cache folder (filelock: one lock on every platform);
    # a .cache that is not a folder (the build ignores it, with a warning) has it beside it
    cache = out / ".cache"
    usable = cache.is_dir() or not (cache.exists() or cache.is_symlink())
    lock = FileLock(cache / "lock" if usable else out / ".lock")
    try:
        (cache if usable else out).mkdir(parents=True, exist_ok=True)
        try:
            lock.acquire(blocking=False)
        except Timeout:
            waiting(f"another build is writing {display_path(out)}; waiting for it to finish")
            lock.acquire()
    except OSError as err:
        raise EnvironmentProblem(f"{display_path(out)}: cannot use this as the output folder ({err.strerror or err}) — choose another with --out") from err
    try:
        yield
    finally:
        lock.release()
        if created and usable and [p.name for p in out.iterdir()] == [".cache"] and {p.name for p in cache.iterdir()} <= {"lock", FONTS}:
            # nothing was published (a failed or --strict build; its cut fonts are no output):
            # leave no folder behind
            shutil.rmtree(out, ignore_errors=True)


def recover(target: Path) -> None:
    """Undo what a killed build left beside `target`: its staging folders, and a swap cut
    half-way (the previous output moved aside, the new one not yet in place: where the
    folders cannot be exchanged atomically)."""
    old = target.with_name(f".{target.name}-previous")
    if old.exists() and not target.exists():
        old.rename(target)
    for leftover in target.parent.glob(f".{target.name}-staging-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    shutil.rmtree(old, ignore_errors=True)


@contextmanager
def deferred_signals() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait until the block is done, then act. A signal mask would hold
    them off only in this thread, and the pool's threads would take them; a Python handler
    is process-wide and always runs in the main thread, where it only takes note."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    held = {number: signal.signal(number, lambda number, frame: received.append(number))
            for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for number, handler in held.items():
            signal.signal(number, handler)
        for number in dict.fromkeys(received):
            signal.raise_signal(number)


def publish(folders: dict[Path, dict[str, bytes]]) -> None:
    """Replace each target folder by one holding exactly its files (path → bytes). All are
    staged before any is swapped in, so that a failure leaves every one as it was; the
    swaps themselves are not interrupted by Ctrl-C or SIGTERM."""
    for target in folders:
        check_ours(target)
        recover(target)
    staged = []
    try:
        for target, files in folders.items():
            staged.append((stage(files, target), target))
    except BaseException:
        for staging, _ in staged:
            shutil.rmtree(staging, ignore_errors=True)
        raise
    with deferred_signals():
        for number, (staging, target) in enumerate(staged):
            try:
                swap(staging, target)
            except OSError as err:
                for unused, _ in staged[number:]:
                    shutil.rmtree(unused, ignore_errors=True)
                raise EnvironmentProblem(f"{display_path(target)}: the output could not be put in place ({err.strerror}) "
                                         f"— check the permissions of {display_path(target.parent)}") from err


def stage(files: dict[str, bytes], target: Path) -> Path:
    """A new folder beside `target` holding exactly `files`."""
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-staging-", dir=parent))
    except OSError as err:
        raise EnvironmentProblem(f"{display_path(parent)}: cannot write the output here ({err.strerror}) — choose another folder with --out or fix its permissions") from err
    try:
        for relative, data in sorted(files.items()):
            if Path(relative).is_absolute() or ".." in Path(relative).parts:
                raise BuildError(f"refusing to write outside the output folder: {relative}")
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        (staging / MARKER).write_bytes(MARKER_TEXT)
        os.chmod(staging, 0o755)
        return staging
    except OSError as err:
        shutil.rmtree(staging, ignore_errors=True)
        raise EnvironmentProblem(f"{display_path(target)}: the output could not be written ({err.strerror}); the previous output is unchanged") from err
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def swap(staging: Path, target: Path) -> None:
    """Put `staging` in the place of `target` in one atomic step where the system allows it,
    then delete the old output (left in `staging`'s place)."""
    if not (target.exists() or target.is_symlink()):
        staging.rename(target)
        return
    try:
        exchange(staging, target)
    except OSError as err:
        if err.errno not in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
            raise
        swap_by_renames(staging, target)
        return
    shutil.rmtree(staging, ignore_errors=True)


def exchange(first: Path, second: Path) -> None:
    """Swap two folders' names atomically (renameat2 with RENAME_EXCHANGE): at no instant is
    either name missing."""
    function = getattr(LIBC, "renameat2", None)
    if function is None:
        raise OSError(errno.ENOSYS, "renameat2 is not available")
    at_cwd, rename_exchange = -100, 2
    if function(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), rename_exchange) != 0:
        number = ctypes.get_errno()
        raise OSError(number, os.strerror(number), str(second))


LIBC = ctypes.CDLL(None, use_errno=True)


def swap_by_renames(staging: Path, target: Path) -> None:
    """The swap where folders cannot be exchanged: the old output is moved aside, the new
    one put in; a build killed in between is undone by the next one (`recover`)."""
    old = target.with_name(f".{target.name}-previous")
    if old.exists():
        shutil.rmtree(old)
    target.rename(old)
    try:
        staging.rename(target)
    except OSError:
        old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)
