"""Write the built site into the output folder whole or not at all.

Everything is written into a staging folder beside the target; only when all of it is
there does the staging folder take the target's place. A failure before that leaves the
previous output exactly as it was."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from .exceptions import BuildError, EnvironmentProblem
from .problems import display_path


def publish(folders: dict[Path, dict[str, bytes]]) -> None:
    """Replace each target folder by one holding exactly its files (path → bytes). All are
    staged before any is swapped in, so that a failure leaves every one as it was."""
    staged = []
    try:
        for target, files in folders.items():
            staged.append((stage(files, target), target))
    except BaseException:
        for staging, _ in staged:
            shutil.rmtree(staging, ignore_errors=True)
        raise
    for staging, target in staged:
        try:
            swap(staging, target)
        except OSError as err:
            shutil.rmtree(staging, ignore_errors=True)
            raise EnvironmentProblem(f"{display_path(target)}: the output could not be put in place ({err.strerror})") from err


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
