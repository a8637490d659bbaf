"""The search index: Pagefind, run over the rendered pages in memory, its files returned for
publishing with the rest of the site (nothing is written before the site is whole)."""

from __future__ import annotations

import asyncio
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .exceptions import EnvironmentProblem


def search_index(pages: dict[str, bytes], language: str) -> dict[str, bytes]:
    """Pagefind's files (under pagefind/) for the HTML pages given (path → bytes)."""
    try:
        # a thread of its own, so that a caller already running an event loop can build too
        with ThreadPoolExecutor(max_workers=1) as worker:
            return worker.submit(asyncio.run, _index(pages, language)).result()
    except FileNotFoundError as err:
        raise EnvironmentProblem(f"Pagefind is not installed ({err}) — reinstall teiedition with its dependencies") from err


async def _index(pages: dict[str, bytes], language: str) -> dict[str, bytes]:
    from pagefind.index import IndexConfig, PagefindIndex

    # Pagefind writes its files when the index closes; it writes them into a folder of ours
    # that is read back and removed, never into the working directory or the output.
    with tempfile.TemporaryDirectory(prefix="teiedition-pagefind-") as folder:
        config = IndexConfig(force_language=language, keep_index_url=True, output_path=folder)
        async with PagefindIndex(config=config) as index:
            for path, data in sorted(pages.items()):
                await index.add_html_file(content=data.decode("utf-8"), url=f"/{path}")
        root = Path(folder)
        return {f"pagefind/{p.relative_to(root).as_posix()}": p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
