"""Write the built site into the output folder whole or not at all.

Everything is written into a staging folder beside the target; only when all of it is
there does the staging folder take the target's place. A failure before that leaves the
previous output exactly as it was. One build at a time holds the output folder (a lock on
it); the next waits. What a killed build left behind (a staging folder, a half-made swap)
is cleared or undone by the next one."""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from .exceptions import BuildError, EnvironmentProblem
from .problems import display_path


@contextmanager
def output_lock(out: Path, waiting: Callable[[str], None]) -> Iterator[None]:
    """Hold the output folder for one build: a second build on the same folder waits (and
    says so through `waiting`) until the first has finished. The folder is made if missing,
    and removed again if the build leaves it empty."""
    created = not out.exists()
    # the lock is a file in the build's own cache folder (filelock: one lock on every platform)
    lock = FileLock(out / ".cache" / "lock")
    try:
        (out / ".cache").mkdir(parents=True, exist_ok=True)
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
        if created and [p.name for p in (out / ".cache").iterdir()] == ["lock"]:
            # nothing was written: leave no folder behind
            shutil.rmtree(out, ignore_errors=True)


def recover(target: Path) -> None:
    """Undo what a killed build left beside `target`: its staging folders, and a swap cut
    half-way (the previous output moved aside, the new one not yet in place)."""
    old = target.with_name(f".{target.name}-previous")
    if old.exists() and not target.exists():
        old.rename(target)
    for leftover in target.parent.glob(f".{target.name}-staging-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    shutil.rmtree(old, ignore_errors=True)


def publish(folders: dict[Path, dict[str, bytes]]) -> None:
    """Replace each target folder by one holding exactly its files (path → bytes). All are
    staged before any is swapped in, so that a failure leaves every one as it was; the
    swaps themselves, a few renames, are not interrupted by Ctrl-C."""
    for target in folders:
        recover(target)
    staged = []
    try:
        for target, files in folders.items():
            staged.append((stage(files, target), target))
    except BaseException:
        for staging, _ in staged:
            shutil.rmtree(staging, ignore_errors=True)
        raise
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        for staging, target in staged:
            try:
                swap(staging, target)
            except OSError as err:
                shutil.rmtree(staging, ignore_errors=True)
                raise EnvironmentProblem(f"{display_path(target)}: the output could not be put in place ({err.strerror})") from err
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


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
        os.chmod(staging, 0o755)
        return staging
    except OSError as err:
        shutil.rmtree(staging, ignore_errors=True)
        raise EnvironmentProblem(f"{display_path(target)}: the output could not be written ({err.strerror}); the previous output is unchanged") from err
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def swap(staging: Path, target: Path) -> None:
    """Put `staging` in the place of `target`, keeping the old one until the new one is in."""
    old = target.with_name(f".{target.name}-previous")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        target.rename(old)
    try:
        staging.rename(target)
    except OSError:
        if old.exists():
            old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)
